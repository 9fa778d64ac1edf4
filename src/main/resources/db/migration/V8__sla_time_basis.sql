-- SLA targets count business time on the board's calendar (default) or every hour.
ALTER TABLE sla_policy ADD COLUMN time_basis TEXT NOT NULL DEFAULT 'BUSINESS';
