-- Usage rating: the time-weighted average, period closes with their watermark and the totals of
-- each closed period as each close saw them, the allowance each subject has, prepaid packs and
-- what was drawn from them, and the notices sent as a subject nears the end of what it may use.

ALTER TABLE usage_meter DROP CONSTRAINT usage_meter_aggregation_check;
ALTER TABLE usage_meter ADD CONSTRAINT usage_meter_aggregation_check
    CHECK (aggregation IN ('SUM', 'COUNT', 'UNIQUE_COUNT', 'MAX', 'LATEST', 'TIME_WEIGHTED_AVERAGE'));

-- Per meter: every billing period (UTC month) that ended at or before closed_through is closed;
-- checked_at is when the close job last moved it, from which it knows which closed periods may
-- still have received events.
CREATE TABLE usage_watermark (
    meter_id       uuid PRIMARY KEY REFERENCES usage_meter (id),
    closed_through timestamptz,
    checked_at     timestamptz
);

-- What a subject used of a meter in a closed period, as a close saw it: revision 0 when the period
-- closed, a new revision at a later close when events for it arrived late. closed_in is the period
-- whose close took the revision: the usage invoice it belongs on. Never updated: a correction is a
-- new revision.
CREATE TABLE usage_period_total (
    meter_id        uuid NOT NULL REFERENCES usage_meter (id),
    subject         text NOT NULL,
    period_start    timestamptz NOT NULL,
    revision        int NOT NULL CHECK (revision >= 0),
    closed_in       timestamptz NOT NULL CHECK (closed_in >= period_start),
    value           numeric NOT NULL,
    events          bigint NOT NULL,
    allowance       numeric NOT NULL,
    prepaid         numeric NOT NULL,
    -- the subscription whose metered price the period is billed at, as resolved when it closed
    subscription_id uuid,
    plan_code       text,
    currency        text,
    price_book_version_id uuid,
    seats           int,
    taken_at        timestamptz NOT NULL,
    PRIMARY KEY (meter_id, subject, period_start, revision)
);
CREATE INDEX usage_period_total_closed_in ON usage_period_total (meter_id, closed_in);
CREATE INDEX usage_period_total_subject ON usage_period_total (subject, period_start);

-- The units a subject may use of a meter in a period before paying beyond (from its subscription's
-- metered price), worked out once and kept: the entitlement check reads it with one indexed read. A
-- change of the subscription deletes the rows of the periods not closed, which are worked out again.
CREATE TABLE usage_allowance (
    subject               text NOT NULL,
    meter_code            text NOT NULL,
    period_start          timestamptz NOT NULL,
    allowance             numeric NOT NULL,
    subscription_id       uuid,
    subscription_number   text,
    plan_code             text,
    seats                 int,
    currency              text,
    price_book_version_id uuid,
    computed_at           timestamptz NOT NULL,
    PRIMARY KEY (subject, meter_code, period_start)
);

-- Bumped whenever a subject's allowances are forgotten ('*' for all subjects): an allowance worked out
-- from what was read before a bump is not kept, so a change that lands while one is worked out is never
-- hidden behind a stale row.
CREATE TABLE usage_allowance_epoch (
    subject text PRIMARY KEY,
    epoch   bigint NOT NULL
);

-- Prepaid packs: units of a meter bought by an order, drawn on after the monthly allowance, oldest
-- first, until they expire. One pack per subscription version that added it.
CREATE TABLE usage_pack (
    id              uuid PRIMARY KEY,
    subject         text NOT NULL,
    meter_code      text NOT NULL,
    plan_code       text NOT NULL,
    units           numeric NOT NULL CHECK (units > 0),
    drawn           numeric NOT NULL DEFAULT 0,
    bought_at       timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    subscription_id uuid NOT NULL,
    subscription_version int NOT NULL,
    order_id        uuid,
    CHECK (drawn >= 0 AND drawn <= units),
    UNIQUE (subscription_id, subscription_version, plan_code)
);
CREATE INDEX usage_pack_by_subject ON usage_pack (subject, meter_code, bought_at);

-- What each revision of a closed period drew from each pack.
CREATE TABLE usage_pack_draw (
    pack_id      uuid NOT NULL REFERENCES usage_pack (id),
    period_start timestamptz NOT NULL,
    revision     int NOT NULL,
    units        numeric NOT NULL CHECK (units > 0),
    drawn_at     timestamptz NOT NULL,
    PRIMARY KEY (pack_id, period_start, revision)
);

-- Notices at 30%, 5% and 0% left: each once per subject, meter and period.
CREATE TABLE usage_notice (
    subject      text NOT NULL,
    meter_code   text NOT NULL,
    period_start timestamptz NOT NULL,
    threshold    int NOT NULL CHECK (threshold IN (30, 5, 0)),
    remaining    numeric NOT NULL,
    available    numeric NOT NULL,
    raised_at    timestamptz NOT NULL,
    PRIMARY KEY (subject, meter_code, period_start, threshold)
);

-- What a subject used this period, for the entitlement check on every CI job start: an index range
-- read over the subject's hours, whatever its dimensions. The columns ingestion adds to are not in
-- it, so adding to an hour stays a HOT update.
CREATE INDEX usage_hourly_by_subject ON usage_hourly (meter_id, subject, hour);
