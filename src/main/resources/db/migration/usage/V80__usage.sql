-- Metered usage: meters, the sources that send events with their tokens, the events themselves
-- (partitioned by month of their time), the exactly-once ledger of (source, id), and the totals
-- kept up to date as events arrive, so that invoices and pages never scan raw events.

CREATE TABLE usage_meter (
    id             uuid PRIMARY KEY,
    code           text NOT NULL UNIQUE,
    name           text NOT NULL,
    event_type     text NOT NULL,
    aggregation    text NOT NULL CHECK (aggregation IN ('SUM', 'COUNT', 'UNIQUE_COUNT', 'MAX', 'LATEST')),
    value_property text,
    dimensions     jsonb NOT NULL DEFAULT '{}',
    unit           text NOT NULL,
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL,
    archived_at    timestamptz,
    CHECK ((aggregation = 'COUNT') = (value_property IS NULL))
);

CREATE INDEX usage_meter_by_type ON usage_meter (event_type) WHERE archived_at IS NULL;

CREATE TABLE usage_source (
    id           uuid PRIMARY KEY,
    source       text NOT NULL UNIQUE,
    description  text,
    token_hash   text NOT NULL UNIQUE,
    token_prefix text NOT NULL,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- The CloudEvents identity of an event is (source, id): one row each, whatever the event's time,
-- so a copy sent again, at the same moment or a month later, is a duplicate.
CREATE TABLE usage_event_key (
    source      text NOT NULL,
    event_id    text NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (source, event_id)
);

-- Partitions (usage_event_yYYYYmMM, one per UTC month) are created as events for a month first
-- arrive; see UsagePartitions. No index: the ledger above is what makes an event unique, and is
-- written in the same statement; the events are read only to backfill a meter defined late.
CREATE TABLE usage_event (
    source      text NOT NULL,
    event_id    text NOT NULL,
    type        text NOT NULL,
    subject     text NOT NULL,
    time        timestamptz NOT NULL,
    data        jsonb,
    received_at timestamptz NOT NULL
) PARTITION BY RANGE (time);

-- Per meter, subject, dimensions and hour: the events counted, their sum, their maximum and the
-- latest reading. A meter reads the column of its aggregation.
CREATE TABLE usage_hourly (
    meter_id   uuid NOT NULL REFERENCES usage_meter (id),
    subject    text NOT NULL,
    dimensions jsonb NOT NULL,
    hour       timestamptz NOT NULL,
    events     bigint NOT NULL,
    total      numeric NOT NULL,
    maximum    numeric NOT NULL,
    latest     numeric NOT NULL,
    latest_at  timestamptz NOT NULL,
    PRIMARY KEY (meter_id, subject, dimensions, hour)
) WITH (fillfactor = 70); -- room on each page, so that adding to a row is a HOT update

CREATE INDEX usage_hourly_by_time ON usage_hourly (meter_id, hour);

-- The distinct values a UNIQUE_COUNT meter saw, per UTC day.
CREATE TABLE usage_unique (
    meter_id   uuid NOT NULL REFERENCES usage_meter (id),
    subject    text NOT NULL,
    dimensions jsonb NOT NULL,
    day        date NOT NULL,
    value      text NOT NULL,
    PRIMARY KEY (meter_id, subject, dimensions, day, value)
);
