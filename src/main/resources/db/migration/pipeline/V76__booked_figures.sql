-- pipeline: what each account has bought as finance counts it (subscription ARR per currency and
-- the next renewal), in total and per opportunity: Baton's mirror of the figures sent to the CRM
-- (crm.account-summary), so the AE sees in Baton what the CRM shows.
CREATE TABLE booked_summary (
    account_id            UUID PRIMARY KEY REFERENCES account (id),
    -- counts every change of the figures; the CRM event carries it, so a receiver keeps the highest
    revision              INT NOT NULL CHECK (revision >= 1),
    figures_hash          TEXT NOT NULL,
    as_of                 DATE NOT NULL,
    active_subscriptions  INT NOT NULL,
    next_renewal_on       DATE,
    updated_at            TIMESTAMPTZ NOT NULL
);

-- one line per currency for the account (opportunity_id null) and per opportunity and currency
CREATE TABLE booked_line (
    account_id       UUID NOT NULL REFERENCES booked_summary (account_id),
    opportunity_id   UUID REFERENCES opportunity (id),
    currency         CHAR(3) NOT NULL,
    arr              NUMERIC(19, 4) NOT NULL,
    subscriptions    INT NOT NULL,
    next_renewal_on  DATE
);
CREATE UNIQUE INDEX booked_line_uk ON booked_line (account_id, coalesce(opportunity_id, '00000000-0000-0000-0000-000000000000'::uuid), currency);
CREATE INDEX booked_line_opportunity_idx ON booked_line (opportunity_id) WHERE opportunity_id IS NOT NULL;
