-- Board columns and request lists read by index, whatever the history (issue 11).
-- Open columns and the request list: by board (or any board) and status, in triage-due order.
CREATE INDEX sa_request_board_open_idx ON sa_request (board_key, status, triage_due_at, created_at, id);
CREATE INDEX sa_request_status_open_idx ON sa_request (status, triage_due_at, created_at, id);
-- Done and Declined columns: the newest closed first, within the board's window.
CREATE INDEX sa_request_board_closed_idx ON sa_request (board_key, status, closed_at DESC, id);
CREATE INDEX sa_request_status_closed_idx ON sa_request (status, closed_at DESC, id);
-- (board_key, status) is the start of sa_request_board_open_idx
DROP INDEX sa_request_board_status_idx;
-- an SA's open work as main-assist (My work, load)
CREATE INDEX sa_request_assist_idx ON sa_request (assist_id) WHERE assist_id IS NOT NULL;
