-- An event's data kept as the JSON text it was sent in (json, which PostgreSQL only checks is
-- JSON) instead of jsonb: Baton has parsed and judged the data already, and nothing reads inside
-- stored events while they arrive; only a meter defined late reads them, once, with the same
-- operators. Converting every event to jsonb was about a third of the database's processor time
-- per event stored (docs/benchmarks.md, usage ingestion).
ALTER TABLE usage_event ALTER COLUMN data TYPE json USING CAST(data AS json);
