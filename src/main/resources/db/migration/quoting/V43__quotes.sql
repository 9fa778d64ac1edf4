-- quotes: one row per revision ------------------------------------------------------------------------

CREATE SEQUENCE quote_number_seq;

CREATE TABLE quote (
    id                       UUID PRIMARY KEY,
    number                   TEXT NOT NULL,
    revision                 INT NOT NULL CHECK (revision >= 1),
    opportunity_id           UUID NOT NULL REFERENCES opportunity (id),
    owner_account_id         UUID NOT NULL REFERENCES account (id),
    invoice_owner_account_id UUID NOT NULL REFERENCES account (id),
    distributor_account_id   UUID REFERENCES account (id),
    currency                 CHAR(3) NOT NULL,
    term_months              INT NOT NULL,
    lines                    JSONB NOT NULL,
    status                   TEXT NOT NULL CHECK (status IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'ACCEPTED',
                                                             'ORDERED', 'SUPERSEDED', 'EXPIRED')),
    expires_on               DATE NOT NULL,
    approvals_needed         TEXT[] NOT NULL,
    approvals                TEXT[] NOT NULL,
    prepared_by              TEXT NOT NULL,
    accepted_by              TEXT,
    accepted_at              TIMESTAMPTZ,
    order_id                 UUID,
    version                  INT NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL,
    UNIQUE (number, revision)
);
CREATE INDEX quote_opportunity_idx ON quote (opportunity_id);
CREATE INDEX quote_invoice_owner_idx ON quote (invoice_owner_account_id);
-- an opportunity's accepted quote becomes one order: one ordered revision per quote number
CREATE UNIQUE INDEX quote_one_order_uk ON quote (number) WHERE order_id IS NOT NULL;
