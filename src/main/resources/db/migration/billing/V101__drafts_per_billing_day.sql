-- an invoice owner's subscriptions that share a billing day share a draft: one draft per owner,
-- currency and billing day (the first day of the billing period its lines were billed in)
ALTER TABLE invoice ADD COLUMN billing_day DATE;
UPDATE invoice SET billing_day = CAST(created_at AS DATE) WHERE status = 'DRAFT';
ALTER TABLE invoice ADD CONSTRAINT invoice_draft_has_billing_day CHECK (status <> 'DRAFT' OR billing_day IS NOT NULL);
DROP INDEX invoice_one_draft_uk;
CREATE UNIQUE INDEX invoice_one_draft_uk ON invoice (invoice_owner_account_id, currency, billing_day)
    WHERE status = 'DRAFT';
