-- the billing run claims subscriptions in batches ordered by invoice owner, so it can lock each
-- owner once per batch, in one global order (no deadlock with another run or an order)
ALTER TABLE billing_subscription ADD COLUMN invoice_owner_account_id UUID;
UPDATE billing_subscription b SET invoice_owner_account_id = s.invoice_owner_account_id
FROM subscription s WHERE s.id = b.subscription_id;
ALTER TABLE billing_subscription ALTER COLUMN invoice_owner_account_id SET NOT NULL;
CREATE INDEX billing_subscription_owner_idx ON billing_subscription (invoice_owner_account_id, subscription_id);
