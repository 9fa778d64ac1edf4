-- orders: immutable once placed ---------------------------------------------------------------------

CREATE SEQUENCE purchase_order_number_seq;

CREATE TABLE purchase_order (
    id               UUID PRIMARY KEY,
    number           TEXT NOT NULL UNIQUE,
    channel          TEXT NOT NULL CHECK (channel IN ('WEB', 'SALES', 'PARTNER', 'MARKETPLACE')),
    opportunity_id   UUID REFERENCES opportunity (id),
    placed_by        TEXT NOT NULL,
    reason           TEXT,
    placed_at        TIMESTAMPTZ NOT NULL,
    -- the client's Idempotency-Key: one order per key and caller, whatever retries and races happen
    client_key       TEXT,
    actions          JSONB NOT NULL,
    subscription_ids UUID[] NOT NULL
);
CREATE UNIQUE INDEX purchase_order_client_key_uk ON purchase_order (placed_by, client_key) WHERE client_key IS NOT NULL;
CREATE INDEX purchase_order_subscriptions_idx ON purchase_order USING gin (subscription_ids);

CREATE FUNCTION purchase_order_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'order % is placed and immutable: a change is a new order', OLD.number
        USING ERRCODE = 'integrity_constraint_violation';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER purchase_order_immutable BEFORE UPDATE OR DELETE ON purchase_order
    FOR EACH ROW EXECUTE FUNCTION purchase_order_is_immutable();
