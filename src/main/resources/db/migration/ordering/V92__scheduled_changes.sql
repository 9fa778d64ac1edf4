-- changes ordered to take effect at the start of the next billing period (a downgrade, by default):
-- kept until that day, then placed as an order of the system's keyed by the change, so it is placed
-- once whichever instance places it; a later order changing the same thing drops it
CREATE TABLE scheduled_change (
    id               UUID PRIMARY KEY,
    subscription_id  UUID NOT NULL REFERENCES subscription (id),
    order_id         UUID NOT NULL REFERENCES purchase_order (id),
    action_index     INT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('CHANGE_SEATS', 'CHANGE_PLAN')),
    action           JSONB NOT NULL,
    effective_on     DATE NOT NULL,
    channel          TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('PENDING', 'PLACED', 'DROPPED', 'REFUSED')),
    outcome          TEXT,
    placed_order_id  UUID REFERENCES purchase_order (id),
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'PLACED') = (placed_order_id IS NOT NULL)),
    UNIQUE (order_id, action_index)
);
CREATE INDEX scheduled_change_due_idx ON scheduled_change (effective_on) WHERE status = 'PENDING';
CREATE INDEX scheduled_change_subscription_idx ON scheduled_change (subscription_id);

-- what an order scheduled instead of applying at once: [{actionIndex, effectiveOn, scheduledChangeId}]
ALTER TABLE purchase_order ADD COLUMN scheduled JSONB NOT NULL DEFAULT '[]';
