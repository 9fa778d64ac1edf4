-- Notifications: each person's in-app inbox, and the outbound deliveries (chat, e-mail) with their retries.

-- the in-app inbox; one row per person and event, so a redelivered event adds nothing
CREATE TABLE notification (
    id            UUID PRIMARY KEY,
    recipient_id  UUID NOT NULL REFERENCES person (id),
    -- which event occurrence this is about: "assigned:<request id>:<hash>" (see EventKey)
    event_key     TEXT NOT NULL,
    request_id    UUID,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL,
    link          TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    read_at       TIMESTAMPTZ
);
CREATE UNIQUE INDEX notification_event_recipient_uk ON notification (event_key, recipient_id);
CREATE INDEX notification_recipient_idx ON notification (recipient_id, created_at DESC, id);
CREATE INDEX notification_unread_idx ON notification (recipient_id) WHERE read_at IS NULL;

-- outbound messages, sent after the event's commit and retried with backoff until sent or given up
CREATE TABLE notification_delivery (
    id               UUID PRIMARY KEY,
    event_key        TEXT NOT NULL,
    request_id       UUID,
    channel          TEXT NOT NULL CHECK (channel IN ('CHAT', 'EMAIL')),
    -- the circle (CHAT) or person (EMAIL); the webhook URL or address is looked up when sending
    recipient_id     UUID NOT NULL,
    -- CHAT: the webhook JSON as sent; EMAIL: {"subject": ..., "text": ...}
    payload          JSONB NOT NULL,
    -- SENDING: claimed by one instance until next_attempt_at (its lease), then claimable again
    status           TEXT NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts         INT NOT NULL,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ
);
CREATE UNIQUE INDEX notification_delivery_event_channel_recipient_uk
    ON notification_delivery (event_key, channel, recipient_id);
CREATE INDEX notification_delivery_due_idx
    ON notification_delivery (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX notification_delivery_request_idx ON notification_delivery (request_id);
