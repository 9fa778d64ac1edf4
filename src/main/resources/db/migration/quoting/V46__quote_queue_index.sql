-- quoting: deal desk's and finance's queues read the live revisions by status, newest first --------
CREATE INDEX quote_status_created_idx ON quote (status, created_at DESC);
