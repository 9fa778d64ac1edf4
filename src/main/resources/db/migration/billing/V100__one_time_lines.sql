-- one-time lines: amounts another module worked out (a seat reconciliation) charged once, by key
ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_charge_type_check;
ALTER TABLE invoice_line ADD CONSTRAINT invoice_line_charge_type_check
    CHECK (charge_type IN ('PLAN', 'ADD_ON', 'USAGE', 'PACK', 'ONE_TIME'));
