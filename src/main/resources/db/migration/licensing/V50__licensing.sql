-- Licensing: signed license files for self-managed subscriptions, the instances activated with
-- them, their signed seat reports, seat reconciliations and up-sell signals. See docs/licensing.md.

-- the public half of every signing key ever used (private keys never reach the database)
CREATE TABLE license_key (
    key_id      TEXT PRIMARY KEY,
    public_key  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- who a license is made out to, per owner account (set by staff or the customer)
CREATE TABLE licensee (
    account_id  UUID PRIMARY KEY REFERENCES account (id),
    name        TEXT NOT NULL,
    email       TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- a self-managed subscription licensing issues for; the activation code exchanges for an online license
CREATE TABLE licensed_subscription (
    subscription_id   UUID PRIMARY KEY REFERENCES subscription (id),
    owner_account_id  UUID NOT NULL REFERENCES account (id),
    activation_code   TEXT NOT NULL UNIQUE,
    created_at        TIMESTAMPTZ NOT NULL
);

-- an activated self-managed instance and the Ed25519 public key it signs seat reports with
CREATE TABLE license_instance (
    id               UUID PRIMARY KEY,
    subscription_id  UUID NOT NULL REFERENCES licensed_subscription (subscription_id),
    name             TEXT NOT NULL,
    public_key       TEXT NOT NULL,
    activated_by     TEXT NOT NULL,
    activated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT license_instance_key_uk UNIQUE (subscription_id, public_key)
);

-- every license file issued, kept as signed; one offline license per subscription version, and one
-- online license per version and activated instance
CREATE TABLE license (
    id                    UUID PRIMARY KEY,
    subscription_id       UUID NOT NULL REFERENCES licensed_subscription (subscription_id),
    subscription_version  INT NOT NULL,
    mode                  TEXT NOT NULL CHECK (mode IN ('OFFLINE', 'ONLINE')),
    instance_id           UUID REFERENCES license_instance (id),
    key_id                TEXT NOT NULL REFERENCES license_key (key_id),
    plan_code             TEXT NOT NULL,
    seats                 INT NOT NULL,
    starts_on             DATE NOT NULL,
    expires_on            DATE NOT NULL,
    changes_blocked       BOOLEAN NOT NULL,
    file                  TEXT NOT NULL,
    issued_at             TIMESTAMPTZ NOT NULL,
    mailed_to             TEXT,
    mailed_at             TIMESTAMPTZ,
    CHECK ((mode = 'ONLINE') = (instance_id IS NOT NULL))
);
CREATE UNIQUE INDEX license_offline_version_uk ON license (subscription_id, subscription_version) WHERE mode = 'OFFLINE';
CREATE UNIQUE INDEX license_online_version_uk ON license (subscription_id, subscription_version, instance_id)
    WHERE mode = 'ONLINE';
CREATE INDEX license_subscription_idx ON license (subscription_id, issued_at DESC);

-- every seat report received, verified or refused; a report received again is the same report (digest)
CREATE TABLE seat_report (
    id                  UUID PRIMARY KEY,
    digest              TEXT NOT NULL UNIQUE,
    status              TEXT NOT NULL CHECK (status IN ('VERIFIED', 'REFUSED')),
    rule                TEXT,
    reason              TEXT,
    channel             TEXT NOT NULL CHECK (channel IN ('ONLINE', 'UPLOAD')),
    received_by         TEXT,
    subscription_id     UUID REFERENCES licensed_subscription (subscription_id),
    license_id          UUID REFERENCES license (id),
    instance_id         UUID REFERENCES license_instance (id),
    period_start        DATE,
    period_end          DATE,
    active_users        INT,
    max_billable_users  INT,
    report              TEXT NOT NULL,
    received_at         TIMESTAMPTZ NOT NULL,
    CHECK (status = 'REFUSED' OR (subscription_id IS NOT NULL AND license_id IS NOT NULL AND instance_id IS NOT NULL
        AND period_start IS NOT NULL AND period_end IS NOT NULL AND max_billable_users IS NOT NULL)),
    CHECK ((status = 'REFUSED') = (reason IS NOT NULL))
);
CREATE INDEX seat_report_counted_idx ON seat_report (subscription_id, period_end) WHERE status = 'VERIFIED';
CREATE INDEX seat_report_review_idx ON seat_report (received_at DESC) WHERE status = 'REFUSED';

-- a quarterly seat reconciliation or an annual true-up, with its inputs; each period once
CREATE TABLE seat_reconciliation (
    id                     UUID PRIMARY KEY,
    subscription_id        UUID NOT NULL REFERENCES licensed_subscription (subscription_id),
    kind                   TEXT NOT NULL CHECK (kind IN ('QUARTERLY', 'TRUE_UP')),
    period_start           DATE NOT NULL,
    period_end             DATE NOT NULL,
    quarter                INT,
    quarters_left          INT,
    seats_paid             INT NOT NULL,
    max_billable_users     INT NOT NULL,
    overage                INT NOT NULL CHECK (overage >= 0),
    report_ids             UUID[] NOT NULL,
    plan_code              TEXT NOT NULL,
    currency               TEXT NOT NULL,
    unit_price             NUMERIC(19, 4) NOT NULL,
    discount_percent       NUMERIC(7, 4) NOT NULL,
    price_book_version_id  UUID,
    amount                 NUMERIC(19, 4) NOT NULL,
    status                 TEXT NOT NULL CHECK (status IN ('NO_OVERAGE', 'NOTICED', 'CHARGED', 'SETTLED')),
    noticed_at             TIMESTAMPTZ,
    charge_after           TIMESTAMPTZ,
    notice_mailed_at       TIMESTAMPTZ,
    order_id               UUID,
    order_number           TEXT,
    settled_at             TIMESTAMPTZ,
    created_at             TIMESTAMPTZ NOT NULL,
    CONSTRAINT seat_reconciliation_period_uk UNIQUE (subscription_id, kind, period_end)
);
CREATE INDEX seat_reconciliation_due_idx ON seat_reconciliation (charge_after) WHERE status = 'NOTICED';

-- an up-sell signal for the account team: once per subscription, cause and period
CREATE TABLE upsell_signal (
    id                        UUID PRIMARY KEY,
    account_id                UUID NOT NULL REFERENCES account (id),
    subscription_id           UUID NOT NULL REFERENCES licensed_subscription (subscription_id),
    cause                     TEXT NOT NULL CHECK (cause IN ('SEAT_USE_HIGH', 'OVERAGE', 'OVER_TOLERANCE')),
    period                    TEXT NOT NULL,
    evidence                  JSONB NOT NULL,
    owner_id                  UUID REFERENCES person (id),
    opportunity_id            UUID REFERENCES opportunity (id),
    expansion_opportunity_id  UUID UNIQUE REFERENCES opportunity (id),
    customer_told_at          TIMESTAMPTZ,
    raised_at                 TIMESTAMPTZ NOT NULL,
    CONSTRAINT upsell_signal_cause_period_uk UNIQUE (subscription_id, cause, period)
);
CREATE INDEX upsell_signal_owner_idx ON upsell_signal (owner_id, raised_at DESC);
CREATE INDEX upsell_signal_account_idx ON upsell_signal (account_id, raised_at DESC);
