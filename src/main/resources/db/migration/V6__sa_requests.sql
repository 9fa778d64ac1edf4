-- SA requests, their thread, the triage answers, reviews, waivers, approvals and clock alerts.

CREATE TABLE sla_policy (
    board_key                   TEXT PRIMARY KEY REFERENCES board (key),
    triage_days                 INT NOT NULL,
    activity_days               INT NOT NULL,
    expedite_minutes            INT NOT NULL,
    preparation_buffer_minutes  INT NOT NULL,
    due_soon_minutes            INT NOT NULL,
    version                     INT NOT NULL
);

CREATE TABLE sa_request (
    id                UUID PRIMARY KEY,
    opportunity_id    UUID NOT NULL REFERENCES opportunity (id),
    requester_id      UUID NOT NULL REFERENCES person (id),
    circle_id         UUID NOT NULL REFERENCES circle (id),
    board_key         TEXT NOT NULL REFERENCES board (key),
    template          TEXT NOT NULL,
    title             TEXT NOT NULL,
    details           JSONB NOT NULL,
    advisories        JSONB NOT NULL,
    approval_gate     TEXT NOT NULL,
    tech_eval_target  DATE,
    tech_eval_at_risk BOOLEAN NOT NULL,
    fast_track        BOOLEAN NOT NULL,
    status            TEXT NOT NULL,
    labels            TEXT[] NOT NULL,
    received_at       TIMESTAMPTZ,
    triage_due_at     TIMESTAMPTZ,
    sla_due_at        TIMESTAMPTZ,
    paused_at         TIMESTAMPTZ,
    waiting_from      TEXT,
    assignee_id       UUID REFERENCES person (id),
    assist_id         UUID REFERENCES person (id),
    triaged_at        TIMESTAMPTZ,
    engaged_at        TIMESTAMPTZ,
    closed_at         TIMESTAMPTZ,
    decline_reason    TEXT,
    version           INT NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX sa_request_circle_status_idx ON sa_request (circle_id, status);
CREATE INDEX sa_request_board_status_idx ON sa_request (board_key, status);
CREATE INDEX sa_request_requester_idx ON sa_request (requester_id);
CREATE INDEX sa_request_assignee_idx ON sa_request (assignee_id);
CREATE INDEX sa_request_opportunity_idx ON sa_request (opportunity_id);
CREATE INDEX sa_request_open_clocks_idx ON sa_request (triage_due_at, sla_due_at)
    WHERE status NOT IN ('DONE', 'DECLINED');

CREATE TABLE sa_request_comment (
    id          UUID PRIMARY KEY,
    request_id  UUID NOT NULL REFERENCES sa_request (id),
    author_id   UUID NOT NULL REFERENCES person (id),
    kind        TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sa_request_comment_request_idx ON sa_request_comment (request_id, created_at);

CREATE TABLE sa_request_answers (
    request_id             UUID PRIMARY KEY REFERENCES sa_request (id),
    command_plan_complete  BOOLEAN,
    understands_context    BOOLEAN,
    lead_time              BOOLEAN,
    relatable_experience   BOOLEAN,
    note                   TEXT,
    answered_by            UUID NOT NULL REFERENCES person (id),
    answered_at            TIMESTAMPTZ NOT NULL
);

CREATE TABLE sa_request_review (
    request_id   UUID NOT NULL REFERENCES sa_request (id),
    reviewer_id  UUID NOT NULL REFERENCES person (id),
    verdict      TEXT NOT NULL,
    note         TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, reviewer_id)
);

CREATE TABLE sa_request_waiver (
    request_id  UUID PRIMARY KEY REFERENCES sa_request (id),
    waived_by   UUID NOT NULL REFERENCES person (id),
    reason      TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE sa_request_approval (
    request_id   UUID NOT NULL REFERENCES sa_request (id),
    role         TEXT NOT NULL,
    approver_id  UUID NOT NULL REFERENCES person (id),
    decision     TEXT NOT NULL,
    reason       TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, role),
    -- two different people approve
    UNIQUE (request_id, approver_id)
);

-- each clock alert is raised once per request and kind, whatever the number of instances
CREATE TABLE sa_request_alert (
    request_id  UUID NOT NULL REFERENCES sa_request (id),
    kind        TEXT NOT NULL,
    raised_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (request_id, kind)
);
