-- billing: what each subscription was billed from, invoices, their lines, the engine inputs behind
-- them, gapless numbers per year and credit notes ---------------------------------------------------

-- one row per subscription: the newest version billing heard of (from the subscription events), the
-- version the last run computed from and the next day a period starts; a run bills those due
CREATE TABLE billing_subscription (
    subscription_id UUID PRIMARY KEY REFERENCES subscription (id),
    known_version   INT NOT NULL,
    billed_version  INT NOT NULL,
    next_bill_on    DATE,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX billing_subscription_next_idx ON billing_subscription (next_bill_on);
CREATE INDEX billing_subscription_changed_idx ON billing_subscription (subscription_id) WHERE billed_version < known_version;

-- subscriptions made before billing existed are billed from their first term
INSERT INTO billing_subscription (subscription_id, known_version, billed_version, next_bill_on, updated_at)
SELECT s.id, s.version, -1, v.effective_on, now()
FROM subscription s JOIN subscription_version v ON v.subscription_id = s.id AND v.version = 0;

CREATE TABLE invoice (
    id                       UUID PRIMARY KEY,
    number                   TEXT UNIQUE,
    invoice_owner_account_id UUID NOT NULL REFERENCES account (id),
    currency                 CHAR(3) NOT NULL,
    status                   TEXT NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'PAID', 'VOID', 'UNCOLLECTIBLE')),
    total                    NUMERIC(19, 4),
    inputs_hash              TEXT,
    issued_on                DATE,
    finalized_at             TIMESTAMPTZ,
    finalized_by             TEXT,
    created_at               TIMESTAMPTZ NOT NULL,
    version                  INT NOT NULL,
    -- a number, a total and a hash exactly when finalized
    CHECK ((status = 'DRAFT') = (number IS NULL)),
    CHECK ((status = 'DRAFT') = (total IS NULL)),
    CHECK ((status = 'DRAFT') = (inputs_hash IS NULL))
);
-- one draft per invoice owner and currency collects the lines of every run until it is finalized
CREATE UNIQUE INDEX invoice_one_draft_uk ON invoice (invoice_owner_account_id, currency) WHERE status = 'DRAFT';
CREATE INDEX invoice_owner_idx ON invoice (invoice_owner_account_id, created_at);

-- invoice and credit note numbers: one counter row per kind and year, taken in the finalizing
-- transaction, so a number is used exactly when its invoice commits (a sequence would leave gaps)
CREATE TABLE billing_number_counter (
    kind        TEXT NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    year        INT NOT NULL,
    last_number INT NOT NULL,
    PRIMARY KEY (kind, year)
);

-- one engine computation (a subscription and a period): its inputs as written, and their hash
CREATE TABLE invoice_computation (
    id               UUID PRIMARY KEY,
    invoice_id       UUID NOT NULL REFERENCES invoice (id),
    subscription_id  UUID NOT NULL REFERENCES subscription (id),
    period_start     DATE NOT NULL,
    period_end       DATE NOT NULL,
    position         INT NOT NULL,
    -- TEXT, not JSONB: kept byte for byte, so the hash of what is stored is the hash of what was computed
    inputs           TEXT NOT NULL,
    inputs_hash      TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (invoice_id, position)
);

CREATE TABLE invoice_line (
    id                       UUID PRIMARY KEY,
    invoice_id               UUID NOT NULL REFERENCES invoice (id),
    computation_id           UUID NOT NULL REFERENCES invoice_computation (id),
    position                 INT NOT NULL,
    subscription_id          UUID NOT NULL REFERENCES subscription (id),
    subscription_number      TEXT NOT NULL,
    kind                     TEXT NOT NULL CHECK (kind IN ('CHARGE', 'CREDIT')),
    charge_key               TEXT NOT NULL,
    rate_key                 TEXT NOT NULL,
    charge_type              TEXT NOT NULL CHECK (charge_type IN ('PLAN', 'ADD_ON')),
    plan_code                TEXT NOT NULL,
    quantity                 NUMERIC(19, 4) NOT NULL,
    unit                     TEXT NOT NULL,
    unit_price               NUMERIC(19, 4) NOT NULL,
    discount_percent         NUMERIC(7, 4) NOT NULL,
    period_start             DATE NOT NULL,
    period_end               DATE NOT NULL,
    service_from             DATE NOT NULL,
    service_to               DATE NOT NULL,
    source_version           INT NOT NULL,
    order_number             TEXT,
    price_book_version_id    UUID NOT NULL REFERENCES price_book_version (id),
    price_book_version_number INT NOT NULL,
    amount                   NUMERIC(19, 4) NOT NULL,
    explanation              TEXT NOT NULL,
    CHECK (service_to > service_from),
    CHECK (service_from >= period_start AND service_to <= period_end),
    CHECK ((kind = 'CHARGE' AND amount >= 0) OR (kind = 'CREDIT' AND amount <= 0)),
    UNIQUE (invoice_id, position),
    -- the same charge of a subscription for the same days exists once: a double charge is impossible
    CONSTRAINT invoice_line_once_uk UNIQUE (subscription_id, charge_key, service_from, service_to)
);
CREATE INDEX invoice_line_invoice_idx ON invoice_line (invoice_id);

CREATE TABLE credit_note (
    id          UUID PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    invoice_id  UUID NOT NULL REFERENCES invoice (id),
    amount      NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE INDEX credit_note_invoice_idx ON credit_note (invoice_id);

-- a finalized invoice never changes, also for SQL that bypasses Baton: only its status moves on
-- (open to paid, void or uncollectible; uncollectible to paid); its lines and inputs are frozen
CREATE FUNCTION invoice_finalized_is_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'invoice' THEN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION 'invoices are never deleted' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.status = 'DRAFT' THEN
            RETURN NEW;
        END IF;
        IF NEW.number IS DISTINCT FROM OLD.number OR NEW.total IS DISTINCT FROM OLD.total
           OR NEW.inputs_hash IS DISTINCT FROM OLD.inputs_hash OR NEW.currency IS DISTINCT FROM OLD.currency
           OR NEW.invoice_owner_account_id IS DISTINCT FROM OLD.invoice_owner_account_id
           OR NEW.issued_on IS DISTINCT FROM OLD.issued_on OR NEW.finalized_at IS DISTINCT FROM OLD.finalized_at
           OR NOT ((OLD.status = 'OPEN' AND NEW.status IN ('PAID', 'VOID', 'UNCOLLECTIBLE'))
                   OR (OLD.status = 'UNCOLLECTIBLE' AND NEW.status = 'PAID')) THEN
            RAISE EXCEPTION 'invoice % is finalized (%) and immutable: a correction is a credit note', OLD.number, OLD.status
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM invoice i
               WHERE i.id = CASE WHEN TG_OP = 'INSERT' THEN NEW.invoice_id ELSE OLD.invoice_id END
                 AND i.status <> 'DRAFT') THEN
        RAISE EXCEPTION 'the lines of a finalized invoice are immutable: a correction is a credit note'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER invoice_immutable BEFORE UPDATE OR DELETE ON invoice
    FOR EACH ROW EXECUTE FUNCTION invoice_finalized_is_immutable();
CREATE TRIGGER invoice_line_immutable BEFORE INSERT OR UPDATE OR DELETE ON invoice_line
    FOR EACH ROW EXECUTE FUNCTION invoice_finalized_is_immutable();
CREATE TRIGGER invoice_computation_immutable BEFORE INSERT OR UPDATE OR DELETE ON invoice_computation
    FOR EACH ROW EXECUTE FUNCTION invoice_finalized_is_immutable();
