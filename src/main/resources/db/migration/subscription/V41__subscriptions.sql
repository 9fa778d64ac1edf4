-- subscriptions: the current version of each, and every version ever made --------------------------

CREATE SEQUENCE subscription_number_seq;

CREATE TABLE subscription (
    id                       UUID PRIMARY KEY,
    number                   TEXT NOT NULL UNIQUE,
    owner_account_id         UUID NOT NULL REFERENCES account (id),
    invoice_owner_account_id UUID NOT NULL REFERENCES account (id),
    distributor_account_id   UUID REFERENCES account (id),
    opportunity_id           UUID REFERENCES opportunity (id),
    plan_code                TEXT NOT NULL REFERENCES catalog_plan (code),
    currency                 CHAR(3) NOT NULL,
    seats                    INT NOT NULL CHECK (seats BETWEEN 1 AND 1000000),
    add_ons                  JSONB NOT NULL,
    discounts                JSONB NOT NULL,
    status                   TEXT NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CANCELLED')),
    term_start               DATE NOT NULL,
    term_end                 DATE NOT NULL CHECK (term_end > term_start),
    term_months              INT NOT NULL,
    auto_renew               BOOLEAN NOT NULL,
    renewal_pricing          TEXT NOT NULL CHECK (renewal_pricing IN ('PRICE_BOOK_AT_RENEWAL', 'LOCKED')),
    price_book_version_id    UUID NOT NULL REFERENCES price_book_version (id),
    cancels_on               DATE,
    version                  INT NOT NULL
);
CREATE INDEX subscription_owner_idx ON subscription (owner_account_id);
CREATE INDEX subscription_invoice_owner_idx ON subscription (invoice_owner_account_id);
-- what the renewal job looks for: active subscriptions by the end of their term
CREATE INDEX subscription_term_end_idx ON subscription (term_end) WHERE status = 'ACTIVE';

-- the timeline: one immutable row per version, written with the order that made it
CREATE TABLE subscription_version (
    subscription_id UUID NOT NULL REFERENCES subscription (id),
    version         INT NOT NULL,
    order_id        UUID NOT NULL,
    order_number    TEXT NOT NULL,
    action          TEXT NOT NULL,
    effective_on    DATE NOT NULL,
    actor           TEXT NOT NULL,
    reason          TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL,
    snapshot        JSONB NOT NULL,
    PRIMARY KEY (subscription_id, version)
);
CREATE INDEX subscription_version_order_idx ON subscription_version (order_id);

CREATE FUNCTION subscription_version_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'subscription versions are immutable: a change is a new order'
        USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER subscription_version_immutable BEFORE UPDATE OR DELETE ON subscription_version
    FOR EACH ROW EXECUTE FUNCTION subscription_version_is_immutable();
