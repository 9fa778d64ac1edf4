-- when an invoice left the open state (paid, voided, written off), kept from the first time: finance
-- dates a void by it, also when its ledger is built again long after
ALTER TABLE invoice ADD COLUMN settled_at TIMESTAMPTZ;
-- a database from before: the finalization is the nearest moment known (the immutability trigger
-- lets only the status of a finalized invoice move, so it is off for this one statement)
ALTER TABLE invoice DISABLE TRIGGER invoice_immutable;
UPDATE invoice SET settled_at = finalized_at WHERE status IN ('PAID', 'VOID', 'UNCOLLECTIBLE');
ALTER TABLE invoice ENABLE TRIGGER invoice_immutable;
ALTER TABLE invoice ADD CONSTRAINT invoice_settled_when_closed
    CHECK ((status IN ('PAID', 'VOID', 'UNCOLLECTIBLE')) = (settled_at IS NOT NULL));
