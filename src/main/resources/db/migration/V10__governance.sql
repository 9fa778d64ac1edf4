-- Governance of the engagement model: on-site requests, SA judgments, post-sales tasks, CSM
-- alignment, circle rituals and calendar feeds.

-- the CSM aligned to an account (the CRM does not send it): who is told of on-sites and named in
-- the after-close redirect
CREATE TABLE csm_alignment (
    account_id   UUID PRIMARY KEY REFERENCES account (id),
    csm_id       UUID NOT NULL REFERENCES person (id),
    aligned_by   TEXT NOT NULL,
    aligned_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE onsite_request (
    id                       UUID PRIMARY KEY,
    opportunity_id           UUID NOT NULL REFERENCES opportunity (id),
    requester_id             UUID NOT NULL REFERENCES person (id),
    status                   TEXT NOT NULL CHECK (status IN ('AWAITING_APPROVAL', 'APPROVED', 'REJECTED')),
    cost_amount              NUMERIC(19, 2) NOT NULL CHECK (cost_amount >= 0),
    cost_currency            CHAR(3) NOT NULL,
    attendee_ids             JSONB NOT NULL,
    engagement_summary       TEXT NOT NULL,
    stakeholders             JSONB NOT NULL,
    proposed_dates           JSONB NOT NULL,
    first_date               DATE NOT NULL,
    agenda                   JSONB NOT NULL,
    outstanding_activities   TEXT,
    customer_agreed_agenda   BOOLEAN NOT NULL,
    budgeted_initiative      BOOLEAN NOT NULL,
    sa_manager_id            UUID REFERENCES person (id),
    sa_manager_approved_at   TIMESTAMPTZ,
    asm_id                   UUID REFERENCES person (id),
    asm_approved_at          TIMESTAMPTZ,
    rejected_by              UUID REFERENCES person (id),
    rejection_reason         TEXT,
    decided_at               TIMESTAMPTZ,
    csm_id                   UUID REFERENCES person (id),
    version                  INT NOT NULL,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    -- the two approvals are by two different people
    CONSTRAINT onsite_two_approvers CHECK (sa_manager_id IS NULL OR asm_id IS NULL OR sa_manager_id <> asm_id),
    CONSTRAINT onsite_requester_not_approver CHECK (sa_manager_id IS DISTINCT FROM requester_id
        AND asm_id IS DISTINCT FROM requester_id)
);
CREATE INDEX onsite_request_opportunity_idx ON onsite_request (opportunity_id);
CREATE INDEX onsite_request_status_idx ON onsite_request (status, created_at DESC);

-- SA judgment: append-only, the latest per opportunity is the current one
CREATE TABLE sa_judgment (
    id              UUID PRIMARY KEY,
    opportunity_id  UUID NOT NULL REFERENCES opportunity (id),
    sa_id           UUID NOT NULL REFERENCES person (id),
    color           TEXT NOT NULL CHECK (color IN ('RED', 'YELLOW', 'GREEN')),
    comment         TEXT NOT NULL,
    checklist       JSONB NOT NULL,
    stage           TEXT NOT NULL,
    forecast_category TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL,
    -- the order of recording, for judgments recorded within the same instant
    seq             BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX sa_judgment_opportunity_idx ON sa_judgment (opportunity_id, recorded_at DESC, seq DESC);
CREATE INDEX sa_judgment_sa_idx ON sa_judgment (sa_id);

-- post-sales work for one person: CSM transition, Live Optimization session; one per kind,
-- opportunity and person, so a redelivered stage change adds nothing
CREATE TABLE governance_task (
    id               UUID PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('CSM_TRANSITION', 'LIVE_OPTIMIZATION')),
    opportunity_id   UUID NOT NULL REFERENCES opportunity (id),
    assignee_id      UUID NOT NULL REFERENCES person (id),
    title            TEXT NOT NULL,
    due_date         DATE,
    latest_date      DATE,
    completed_at     TIMESTAMPTZ,
    completed_by     TEXT,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX governance_task_uk ON governance_task (kind, opportunity_id, assignee_id);
CREATE INDEX governance_task_assignee_idx ON governance_task (assignee_id, completed_at);

-- ritual occurrences per circle; the key makes planning idempotent across instances
CREATE TABLE ritual (
    id               UUID PRIMARY KEY,
    circle_id        UUID NOT NULL REFERENCES circle (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL CHECK (kind IN ('DEMO_JAM', 'PEER_REVIEW', 'WIN_LOSS_RETRO')),
    day              DATE NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,
    minutes          INT NOT NULL,
    presenter_ids    JSONB NOT NULL DEFAULT '[]'::jsonb,
    opportunity_ids  JSONB NOT NULL DEFAULT '[]'::jsonb,
    created_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT ritual_once UNIQUE (circle_id, kind, day)
);

-- secret calendar feed address per circle; only the SHA-256 of the secret is kept
CREATE TABLE calendar_feed (
    circle_id     UUID PRIMARY KEY REFERENCES circle (id) ON DELETE CASCADE,
    secret_hash   TEXT NOT NULL UNIQUE,
    created_by    TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
