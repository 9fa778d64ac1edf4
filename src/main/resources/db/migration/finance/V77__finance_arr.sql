-- finance: read models of recurring revenue, rebuilt per subscription from its timeline whenever a
-- version is made (subscription events), so a report is one aggregate over rows, never a walk over
-- every contract.

-- one row per subscription: what was last computed, and the row computations of one subscription lock
CREATE TABLE finance_subscription (
    subscription_id   UUID PRIMARY KEY,
    owner_account_id  UUID NOT NULL,
    computed_version  INT NOT NULL,
    computed_at       TIMESTAMPTZ NOT NULL
);

-- ARR: each charge of each subscription version with the days it holds ([valid_from, valid_to));
-- ARR on a day is the sum of the rows holding that day
CREATE TABLE finance_arr (
    subscription_id          UUID NOT NULL REFERENCES finance_subscription (subscription_id),
    version                  INT NOT NULL,
    charge_code              TEXT NOT NULL,
    subscription_number      TEXT NOT NULL,
    product_code             TEXT NOT NULL,
    order_id                 UUID NOT NULL,
    order_number             TEXT NOT NULL,
    owner_account_id         UUID NOT NULL,
    invoice_owner_account_id UUID NOT NULL,
    opportunity_id           UUID,
    segment                  TEXT NOT NULL,
    channel                  TEXT NOT NULL,
    region                   TEXT NOT NULL,
    currency                 CHAR(3) NOT NULL,
    annual                   NUMERIC(19, 4) NOT NULL,
    valid_from               DATE NOT NULL,
    valid_to                 DATE NOT NULL,
    term_end                 DATE NOT NULL,
    renews                   BOOLEAN NOT NULL,
    PRIMARY KEY (subscription_id, version, charge_code),
    CHECK (valid_to > valid_from)
);
CREATE INDEX finance_arr_days_idx ON finance_arr (valid_from, valid_to);
CREATE INDEX finance_arr_ends_idx ON finance_arr (valid_to);
CREATE INDEX finance_arr_owner_idx ON finance_arr (owner_account_id);

-- bookings: what each order action added to or took from a charge's ARR
CREATE TABLE finance_booking (
    subscription_id      UUID NOT NULL REFERENCES finance_subscription (subscription_id),
    version              INT NOT NULL,
    charge_code          TEXT NOT NULL,
    subscription_number  TEXT NOT NULL,
    product_code         TEXT NOT NULL,
    order_id             UUID NOT NULL,
    order_number         TEXT NOT NULL,
    booked_on            DATE NOT NULL,
    action               TEXT NOT NULL,
    kind                 TEXT NOT NULL CHECK (kind IN ('NEW', 'EXPANSION', 'CONTRACTION', 'CHURN', 'RENEWAL')),
    owner_account_id     UUID NOT NULL,
    opportunity_id       UUID,
    segment              TEXT NOT NULL,
    channel              TEXT NOT NULL,
    region               TEXT NOT NULL,
    currency             CHAR(3) NOT NULL,
    arr_before           NUMERIC(19, 4) NOT NULL,
    arr_after            NUMERIC(19, 4) NOT NULL,
    delta                NUMERIC(19, 4) NOT NULL,
    renewed              NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (subscription_id, version, charge_code)
);
CREATE INDEX finance_booking_booked_idx ON finance_booking (booked_on);
