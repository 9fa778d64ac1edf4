-- billing: payment terms, payments (card through a gateway, wire recorded by finance, account credit),
-- the account credit ledger, stored payment methods and dunning ---------------------------------------

-- the day a finalized invoice is due (issued on plus the payment terms), fixed at finalization
ALTER TABLE invoice ADD COLUMN due_on DATE;
UPDATE invoice SET due_on = issued_on + 30 WHERE status <> 'DRAFT';
ALTER TABLE invoice ADD CONSTRAINT invoice_due_when_finalized CHECK ((status = 'DRAFT') = (due_on IS NULL));

-- the immutability trigger now also keeps the due day
CREATE OR REPLACE FUNCTION invoice_finalized_is_immutable() RETURNS trigger AS $$
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
           OR NEW.due_on IS DISTINCT FROM OLD.due_on
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

CREATE INDEX invoice_open_due_idx ON invoice (due_on) WHERE status = 'OPEN';

-- what happens to the part of a credit note that is more than is still owed (the invoice was paid):
-- it becomes account credit, or goes back to the card it was paid with
ALTER TABLE credit_note ADD COLUMN disposition TEXT NOT NULL DEFAULT 'ACCOUNT_CREDIT'
    CHECK (disposition IN ('ACCOUNT_CREDIT', 'REFUND'));

-- a card (or other method) the invoice owner keeps on file: the gateway's token, never the number
CREATE TABLE payment_method (
    id          UUID PRIMARY KEY,
    account_id  UUID NOT NULL REFERENCES account (id),
    gateway     TEXT NOT NULL,
    token       TEXT NOT NULL,
    label       TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    created_by  TEXT NOT NULL,
    replaced_at TIMESTAMPTZ,
    UNIQUE (account_id, gateway, token)
);
-- one method in use per account; a replaced one is kept for the payments made with it
CREATE UNIQUE INDEX payment_method_current_uk ON payment_method (account_id) WHERE replaced_at IS NULL;

CREATE TABLE payment (
    id                UUID PRIMARY KEY,
    invoice_id        UUID NOT NULL REFERENCES invoice (id),
    account_id        UUID NOT NULL REFERENCES account (id),
    currency          CHAR(3) NOT NULL,
    -- what was received (or tried), and the part of it that went to the invoice; the rest is account credit
    amount            NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    applied           NUMERIC(19, 4) NOT NULL DEFAULT 0 CHECK (applied >= 0 AND applied <= amount),
    method            TEXT NOT NULL CHECK (method IN ('CARD', 'WIRE', 'ACCOUNT_CREDIT')),
    gateway           TEXT,
    gateway_reference TEXT,
    payment_method_id UUID REFERENCES payment_method (id),
    status            TEXT NOT NULL CHECK (status IN ('REQUIRES_CONFIRMATION', 'SUCCEEDED', 'FAILED')),
    failure           TEXT,
    reference         TEXT,
    received_on       DATE NOT NULL,
    -- the caller's key (Idempotency-Key or the dunning attempt): one payment per key and invoice
    client_key        TEXT NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    created_by        TEXT NOT NULL,
    settled_at        TIMESTAMPTZ,
    UNIQUE (invoice_id, client_key),
    UNIQUE (gateway, gateway_reference),
    CHECK ((status = 'FAILED') = (failure IS NOT NULL)),
    CHECK (status = 'SUCCEEDED' OR applied = 0),
    CHECK ((method = 'CARD') = (gateway IS NOT NULL))
);
CREATE INDEX payment_invoice_idx ON payment (invoice_id);
CREATE INDEX payment_received_idx ON payment (received_on) WHERE status = 'SUCCEEDED';

-- a settled payment never changes; one waiting for confirmation settles once
CREATE FUNCTION payment_settled_is_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'payments are never deleted' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.status <> 'REQUIRES_CONFIRMATION' OR NEW.amount IS DISTINCT FROM OLD.amount
       OR NEW.invoice_id IS DISTINCT FROM OLD.invoice_id OR NEW.currency IS DISTINCT FROM OLD.currency THEN
        RAISE EXCEPTION 'payment % is settled (%) and immutable', OLD.id, OLD.status
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER payment_immutable BEFORE UPDATE OR DELETE ON payment
    FOR EACH ROW EXECUTE FUNCTION payment_settled_is_immutable();

-- the account credit ledger, append-only: an overpayment or a credit note adds, paying an invoice
-- with credit or refunding it takes away; the balance is the sum
CREATE TABLE account_credit (
    id             UUID PRIMARY KEY,
    account_id     UUID NOT NULL REFERENCES account (id),
    currency       CHAR(3) NOT NULL,
    amount         NUMERIC(19, 4) NOT NULL CHECK (amount <> 0),
    kind           TEXT NOT NULL CHECK (kind IN ('OVERPAYMENT', 'CREDIT_NOTE', 'APPLIED', 'REFUNDED')),
    payment_id     UUID REFERENCES payment (id),
    credit_note_id UUID REFERENCES credit_note (id),
    created_at     TIMESTAMPTZ NOT NULL,
    created_by     TEXT NOT NULL,
    CHECK ((kind IN ('OVERPAYMENT', 'CREDIT_NOTE')) = (amount > 0)),
    -- each source moves credit once
    UNIQUE (payment_id, kind),
    UNIQUE (credit_note_id, kind)
);
CREATE INDEX account_credit_account_idx ON account_credit (account_id, currency);

CREATE FUNCTION account_credit_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER account_credit_append_only BEFORE UPDATE OR DELETE ON account_credit
    FOR EACH ROW EXECUTE FUNCTION account_credit_is_append_only();

-- dunning of an invoice that was not paid: started once (a failed payment or the due day passed),
-- its steps planned from the schedule then, each taken once, ended when the invoice is settled
CREATE TABLE invoice_dunning (
    invoice_id   UUID PRIMARY KEY REFERENCES invoice (id),
    started_on   DATE NOT NULL,
    cause        TEXT NOT NULL CHECK (cause IN ('PAYMENT_FAILED', 'PAST_DUE')),
    suspended    BOOLEAN NOT NULL DEFAULT false,
    ended_at     TIMESTAMPTZ,
    ended_why    TEXT CHECK (ended_why IN ('PAID', 'VOID', 'UNCOLLECTIBLE', 'CANCELLED')),
    CHECK ((ended_at IS NULL) = (ended_why IS NULL))
);

CREATE TABLE dunning_step (
    invoice_id   UUID NOT NULL REFERENCES invoice_dunning (invoice_id),
    position     INT NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('RETRY', 'NOTICE', 'SUSPEND', 'CANCEL')),
    due_on       DATE NOT NULL,
    taken_at     TIMESTAMPTZ,
    outcome      TEXT,
    PRIMARY KEY (invoice_id, position)
);
CREATE INDEX dunning_step_due_idx ON dunning_step (due_on) WHERE taken_at IS NULL;

-- where an invoice owner's invoices, receipts and payment reminders go
CREATE TABLE billing_contact (
    account_id  UUID PRIMARY KEY REFERENCES account (id),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email       TEXT NOT NULL CHECK (email LIKE '%_@_%'),
    updated_at  TIMESTAMPTZ NOT NULL,
    updated_by  TEXT NOT NULL
);

-- each mail billing sends (an invoice, a receipt, a reminder) is claimed once by its key before it
-- is sent, so an event delivered twice mails nobody twice
CREATE TABLE billing_mail (
    mail_key  TEXT PRIMARY KEY,
    sent_to   TEXT NOT NULL,
    sent_at   TIMESTAMPTZ NOT NULL
);
