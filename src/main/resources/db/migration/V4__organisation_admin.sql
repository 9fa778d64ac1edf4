-- Organisation admin: absences (PTO and sick days), and the constraints the admin API relies on.

-- btree_gist lets one exclusion constraint say "no two absences of the same person overlap"; it is a
-- trusted extension (PostgreSQL 13+), so a database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE absence (
    id          UUID PRIMARY KEY,
    person_id   UUID NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    start_date  DATE NOT NULL,
    -- inclusive: a one-day absence starts and ends on the same date
    end_date    DATE NOT NULL,
    note        TEXT,
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT absence_kind_known CHECK (kind IN ('PTO', 'SICK')),
    CONSTRAINT absence_ends_after_start CHECK (end_date >= start_date),
    CONSTRAINT absence_no_overlap EXCLUDE USING gist (
        person_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
);

-- circle names are unique whatever their case ("Circle Cascade" and "circle cascade" are one circle)
CREATE UNIQUE INDEX circle_name_ci_uk ON circle (lower(name));
