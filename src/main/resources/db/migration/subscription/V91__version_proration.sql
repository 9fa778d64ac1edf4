-- how billing treats a version made within a billing period (NEXT_INVOICE, INVOICE_NOW or NONE);
-- null for versions that are not such a change, and for those made before proration modes (they
-- were prorated on the next invoice)
ALTER TABLE subscription_version ADD COLUMN proration TEXT
    CHECK (proration IN ('NEXT_INVOICE', 'INVOICE_NOW', 'NONE'));
