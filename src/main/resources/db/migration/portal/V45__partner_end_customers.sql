-- portals: the end customers a reseller sells to ---------------------------------------------------
-- The vendor's channel team registers an end customer for a partner (as a deal registration is
-- approved); the partner may then order for it. A partner also serves the owners of the
-- subscriptions it already invoices, which need no row here.

CREATE TABLE partner_end_customer (
    partner_account_id   UUID NOT NULL REFERENCES account (id),
    customer_account_id  UUID NOT NULL REFERENCES account (id),
    registered_by        TEXT NOT NULL,
    registered_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (partner_account_id, customer_account_id),
    CHECK (partner_account_id <> customer_account_id)
);
CREATE INDEX partner_end_customer_customer_idx ON partner_end_customer (customer_account_id);
