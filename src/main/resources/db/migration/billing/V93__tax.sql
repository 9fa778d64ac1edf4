-- tax: where an invoice owner is billed (its country, and region where the rate table needs it),
-- and each line's tax at the rate the engine's inputs recorded, rounded once per line
CREATE TABLE billing_account (
    account_id  UUID PRIMARY KEY REFERENCES account (id),
    country     CHAR(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    region      TEXT CHECK (region ~ '^[A-Z0-9]{1,3}$'),
    tax_id      TEXT,
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  TEXT NOT NULL
);

ALTER TABLE invoice_line ADD COLUMN tax_name TEXT;
ALTER TABLE invoice_line ADD COLUMN tax_jurisdiction TEXT;
ALTER TABLE invoice_line ADD COLUMN tax_percent NUMERIC(7, 4);
ALTER TABLE invoice_line ADD COLUMN tax_amount NUMERIC(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE invoice_line ADD CONSTRAINT invoice_line_tax_named CHECK ((tax_name IS NULL) = (tax_percent IS NULL));
