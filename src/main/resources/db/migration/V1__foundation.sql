-- Baton foundation: identity, audit, idempotency, the event outbox, organisation and pipeline.

-- Spring Modulith's event publication registry: the transactional outbox between modules.
CREATE TABLE event_publication (
    id                     UUID PRIMARY KEY,
    listener_id            TEXT NOT NULL,
    event_type             TEXT NOT NULL,
    serialized_event       TEXT NOT NULL,
    publication_date       TIMESTAMPTZ NOT NULL,
    completion_date        TIMESTAMPTZ,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMPTZ
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- identity ------------------------------------------------------------------------------------
CREATE TABLE user_account (
    id                   UUID PRIMARY KEY,
    username             TEXT NOT NULL,
    display_name         TEXT NOT NULL,
    email                TEXT NOT NULL,
    password_hash        TEXT,
    roles                TEXT[] NOT NULL,
    enabled              BOOLEAN NOT NULL DEFAULT TRUE,
    failed_login_count   INT NOT NULL DEFAULT 0,
    locked_until         TIMESTAMPTZ,
    version              INT NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT user_account_roles_present CHECK (cardinality(roles) > 0)
);
CREATE UNIQUE INDEX user_account_username_uk ON user_account (lower(username));
CREATE UNIQUE INDEX user_account_email_uk ON user_account (lower(email));

CREATE TABLE api_token (
    id            UUID PRIMARY KEY,
    user_id       UUID NOT NULL REFERENCES user_account (id),
    name          TEXT NOT NULL,
    token_hash    TEXT NOT NULL,
    token_prefix  TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    version       INT NOT NULL
);
CREATE UNIQUE INDEX api_token_hash_uk ON api_token (token_hash);
CREATE INDEX api_token_user_idx ON api_token (user_id);

-- audit: append-only ----------------------------------------------------------------------------
CREATE TABLE audit_entry (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity_type  TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    reason       TEXT,
    details      JSONB NOT NULL DEFAULT '{}'::jsonb,
    request_id   TEXT
);
CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, id);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, id);
CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at, id);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();

-- idempotent POSTs --------------------------------------------------------------------------------
CREATE TABLE idempotency_key (
    principal      TEXT NOT NULL,
    key            TEXT NOT NULL,
    method         TEXT NOT NULL,
    path           TEXT NOT NULL,
    request_hash   TEXT NOT NULL,
    status         INT NOT NULL,
    content_type   TEXT,
    location       TEXT,
    etag           TEXT,
    body           BYTEA NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (principal, key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);

-- organisation ----------------------------------------------------------------------------------
CREATE TABLE region (
    key          TEXT PRIMARY KEY,
    name         TEXT NOT NULL
);

CREATE TABLE board (
    key              TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    region_key       TEXT NOT NULL REFERENCES region (key),
    engagement_model TEXT NOT NULL,
    time_zone        TEXT NOT NULL,
    -- working hours per ISO weekday (1 = Monday): {"1": ["09:00", "17:00"], ...}; absent days are closed
    working_hours    JSONB NOT NULL,
    version          INT NOT NULL
);

CREATE TABLE board_holiday (
    board_key    TEXT NOT NULL REFERENCES board (key) ON DELETE CASCADE,
    day          DATE NOT NULL,
    name         TEXT NOT NULL,
    PRIMARY KEY (board_key, day)
);

CREATE TABLE person (
    id            UUID PRIMARY KEY,
    user_id       UUID UNIQUE REFERENCES user_account (id),
    name          TEXT NOT NULL,
    email         TEXT NOT NULL,
    title         TEXT NOT NULL,
    role          TEXT NOT NULL,
    seniority     TEXT,
    segment       TEXT,
    region_key    TEXT REFERENCES region (key),
    time_zone     TEXT NOT NULL,
    manager_id    UUID REFERENCES person (id),
    version       INT NOT NULL
);
CREATE UNIQUE INDEX person_email_uk ON person (lower(email));

CREATE TABLE person_skill (
    person_id     UUID NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    skill         TEXT NOT NULL,
    level         TEXT NOT NULL,
    PRIMARY KEY (person_id, skill)
);

CREATE TABLE circle (
    id             UUID PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    board_key      TEXT NOT NULL REFERENCES board (key),
    manager_id     UUID REFERENCES person (id),
    chat_channel   TEXT,
    version        INT NOT NULL
);

CREATE TABLE circle_member (
    circle_id     UUID NOT NULL REFERENCES circle (id) ON DELETE CASCADE,
    person_id     UUID NOT NULL REFERENCES person (id),
    PRIMARY KEY (circle_id, person_id)
);
-- an SA is a member of one circle
CREATE UNIQUE INDEX circle_member_one_circle_uk ON circle_member (person_id);

CREATE TABLE circle_served_ae (
    circle_id     UUID NOT NULL REFERENCES circle (id) ON DELETE CASCADE,
    person_id     UUID NOT NULL REFERENCES person (id),
    PRIMARY KEY (circle_id, person_id)
);
CREATE UNIQUE INDEX circle_served_ae_one_circle_uk ON circle_served_ae (person_id);

-- pipeline: accounts and opportunities mirrored from the CRM ---------------------------------------
CREATE TABLE account (
    id            UUID PRIMARY KEY,
    external_id   TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    industry      TEXT,
    region_key    TEXT REFERENCES region (key),
    named         BOOLEAN NOT NULL DEFAULT FALSE,
    version       INT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE opportunity (
    id                 UUID PRIMARY KEY,
    external_id        TEXT NOT NULL UNIQUE,
    account_id         UUID NOT NULL REFERENCES account (id),
    name               TEXT NOT NULL,
    owner_id           UUID NOT NULL REFERENCES person (id),
    segment            TEXT NOT NULL,
    business_unit      TEXT,
    region_key         TEXT REFERENCES region (key),
    stage              TEXT NOT NULL,
    net_arr_amount     NUMERIC(19, 2) NOT NULL,
    net_arr_currency   CHAR(3) NOT NULL,
    close_date         DATE NOT NULL,
    subscription_type  TEXT NOT NULL,
    forecast_category  TEXT,
    command_plan       JSONB NOT NULL DEFAULT '{}'::jsonb,
    version            INT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX opportunity_owner_idx ON opportunity (owner_id);
CREATE INDEX opportunity_account_idx ON opportunity (account_id);
