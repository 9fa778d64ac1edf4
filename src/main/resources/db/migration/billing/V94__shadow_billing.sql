-- shadow billing: a proposed price book version run against every subscription for the period
-- containing a day, without writing invoices; per invoice owner and currency the current and the
-- proposed amounts of that period
CREATE TABLE shadow_billing_run (
    id                      UUID PRIMARY KEY,
    price_book_version_id   UUID NOT NULL REFERENCES price_book_version (id),
    price_book_version_number INT NOT NULL,
    on_day                  DATE NOT NULL,
    status                  TEXT NOT NULL CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    requested_by            TEXT NOT NULL,
    requested_at            TIMESTAMPTZ NOT NULL,
    started_at              TIMESTAMPTZ,
    finished_at             TIMESTAMPTZ,
    subscriptions           INT,
    unpriced                INT,
    failure                 TEXT
);
CREATE INDEX shadow_billing_run_requested_idx ON shadow_billing_run (requested_at DESC);

-- one row per subscription while a run works, summed into shadow_billing_account at its end and
-- then removed; unlogged: a run that stops is run again from the start
CREATE UNLOGGED TABLE shadow_billing_subscription (
    run_id           UUID NOT NULL,
    subscription_id  UUID NOT NULL,
    account_id       UUID NOT NULL,
    currency         CHAR(3) NOT NULL,
    current_amount   NUMERIC(19, 4) NOT NULL,
    proposed_amount  NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (run_id, subscription_id)
);

CREATE TABLE shadow_billing_account (
    run_id           UUID NOT NULL REFERENCES shadow_billing_run (id),
    account_id       UUID NOT NULL REFERENCES account (id),
    currency         CHAR(3) NOT NULL,
    subscriptions    INT NOT NULL,
    current_amount   NUMERIC(19, 4) NOT NULL,
    proposed_amount  NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (run_id, account_id, currency)
);
-- the biggest movers of a run
CREATE INDEX shadow_billing_account_change_idx ON shadow_billing_account (run_id, (abs(proposed_amount - current_amount)) DESC);
