-- The home pages' work queues read open work only, never the history (BoardQuery.openByDue, which
-- writes the open predicate out so that these partial indexes apply to generic plans too).
--
-- An AE's open requests, soonest due first: one bounded index scan in the queue's own order,
-- however many closed requests the AE has filed.
CREATE INDEX sa_request_requester_open_idx ON sa_request
    (requester_id, (COALESCE(triage_due_at, sla_due_at)), created_at, id)
    WHERE status NOT IN ('DONE', 'DECLINED');
-- An SA's open work: only the requests they hold now, not every request they ever held.
CREATE INDEX sa_request_assignee_open_idx ON sa_request (assignee_id)
    WHERE status NOT IN ('DONE', 'DECLINED');
