-- webhooks: endpoints other systems register, and every delivery of an event to one of them --------

CREATE TABLE webhook_endpoint (
    id                     UUID PRIMARY KEY,
    url                    TEXT NOT NULL,
    description            TEXT,
    event_types            TEXT[] NOT NULL,
    -- the signing secrets must be readable to sign; they are never shown again after creation or rotation
    secret                 TEXT NOT NULL,
    previous_secret        TEXT,
    previous_secret_until  TIMESTAMPTZ,
    enabled                BOOLEAN NOT NULL DEFAULT TRUE,
    created_by             TEXT NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL
);

-- one message is delivered to one endpoint once: the pair is unique, however often the event is heard
CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    endpoint_id      UUID NOT NULL REFERENCES webhook_endpoint (id),
    message_id       TEXT NOT NULL,
    event_type       TEXT NOT NULL,
    -- the exact bytes sent (and signed) at every attempt, so text rather than jsonb
    payload          TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SUCCEEDED', 'FAILED')),
    attempts         INT NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_status      INT,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ,
    UNIQUE (endpoint_id, message_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, created_at DESC);

-- the delivery log: every attempt, with the answer or the error
CREATE TABLE webhook_attempt (
    id            BIGSERIAL PRIMARY KEY,
    delivery_id   UUID NOT NULL REFERENCES webhook_delivery (id),
    attempted_at  TIMESTAMPTZ NOT NULL,
    status_code   INT,
    duration_ms   INT NOT NULL,
    error         TEXT
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, id);
