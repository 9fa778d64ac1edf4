-- usage on invoices: a line per closed usage period of a meter (and per late revision of it, as an
-- adjustment naming the period), and a line per prepaid pack bought; both kept by the same unique key
-- on (subscription, charge key, days) as recurring lines, so nothing is invoiced twice
ALTER TABLE invoice_line DROP CONSTRAINT invoice_line_charge_type_check;
ALTER TABLE invoice_line ADD CONSTRAINT invoice_line_charge_type_check
    CHECK (charge_type IN ('PLAN', 'ADD_ON', 'USAGE', 'PACK'));
