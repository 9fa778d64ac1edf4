-- finance: what billing finalized, credited, voided and collected, and the revenue schedule, kept
-- from billing's events (each refreshes one invoice from billing's API) for reports in SQL.

CREATE TABLE finance_invoice (
    invoice_id    UUID PRIMARY KEY,
    number        TEXT NOT NULL,
    account_id    UUID NOT NULL,
    currency      CHAR(3) NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('OPEN', 'PAID', 'VOID', 'UNCOLLECTIBLE')),
    total         NUMERIC(19, 4) NOT NULL,
    issued_on     DATE NOT NULL,
    due_on        DATE NOT NULL,
    -- the day finance heard it left the open state (paid, voided or written off)
    settled_on    DATE,
    refreshed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX finance_invoice_issued_idx ON finance_invoice (issued_on);
CREATE INDEX finance_invoice_account_idx ON finance_invoice (account_id);

CREATE TABLE finance_invoice_line (
    line_id              UUID PRIMARY KEY,
    invoice_id           UUID NOT NULL REFERENCES finance_invoice (invoice_id),
    position             INT NOT NULL,
    subscription_id      UUID NOT NULL,
    subscription_number  TEXT NOT NULL,
    kind                 TEXT NOT NULL,
    charge_type          TEXT NOT NULL,
    plan_code            TEXT NOT NULL,
    product_code         TEXT NOT NULL,
    order_number         TEXT,
    service_from         DATE NOT NULL,
    service_to           DATE NOT NULL,
    amount               NUMERIC(19, 4) NOT NULL,
    recognition          TEXT NOT NULL CHECK (recognition IN ('RATABLE', 'CONSUMED', 'POINT_IN_TIME'))
);
CREATE INDEX finance_invoice_line_invoice_idx ON finance_invoice_line (invoice_id);

CREATE TABLE finance_credit_note (
    credit_note_id  UUID PRIMARY KEY,
    number          TEXT NOT NULL,
    invoice_id      UUID NOT NULL REFERENCES finance_invoice (invoice_id),
    account_id      UUID NOT NULL,
    currency        CHAR(3) NOT NULL,
    amount          NUMERIC(19, 4) NOT NULL,
    -- the part paid back to the card (a refund), which collections take off
    refunded        NUMERIC(19, 4) NOT NULL,
    issued_on       DATE NOT NULL
);
CREATE INDEX finance_credit_note_issued_idx ON finance_credit_note (issued_on);

CREATE TABLE finance_payment (
    payment_id   UUID PRIMARY KEY,
    invoice_id   UUID NOT NULL REFERENCES finance_invoice (invoice_id),
    account_id   UUID NOT NULL,
    currency     CHAR(3) NOT NULL,
    method       TEXT NOT NULL,
    status       TEXT NOT NULL,
    amount       NUMERIC(19, 4) NOT NULL,
    applied      NUMERIC(19, 4) NOT NULL,
    received_on  DATE NOT NULL
);
CREATE INDEX finance_payment_received_idx ON finance_payment (received_on) WHERE status = 'SUCCEEDED';
CREATE INDEX finance_payment_invoice_idx ON finance_payment (invoice_id);

-- the revenue schedule: an invoice line, or a credit note's or a void's share of one, per month it
-- is recognized in; a document's rows add up to its amount
CREATE TABLE finance_revenue (
    source         TEXT NOT NULL CHECK (source IN ('INVOICE', 'CREDIT_NOTE', 'VOID')),
    document_id    UUID NOT NULL,
    line_id        UUID NOT NULL REFERENCES finance_invoice_line (line_id),
    month          DATE NOT NULL CHECK (extract(day FROM month) = 1),
    invoice_id     UUID NOT NULL,
    account_id     UUID NOT NULL,
    currency       CHAR(3) NOT NULL,
    document_date  DATE NOT NULL,
    amount         NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (source, document_id, line_id, month)
);
CREATE INDEX finance_revenue_month_idx ON finance_revenue (month);
CREATE INDEX finance_revenue_document_date_idx ON finance_revenue (document_date);
