-- Sizing: recommendations saved against an opportunity, with the input and the full answer as made.

CREATE TABLE sizing_recommendation (
    id               UUID PRIMARY KEY,
    -- insertion order, to order saves made within the same instant
    seq              BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    opportunity_id   UUID NOT NULL REFERENCES opportunity (id),
    edition          TEXT NOT NULL,
    -- copied out of the recommendation so lists and other modules need not read the JSON
    architecture     TEXT NOT NULL,
    deployment       TEXT NOT NULL,
    gitaly_topology  TEXT NOT NULL,
    summary          TEXT NOT NULL,
    metrics          JSONB NOT NULL,
    recommendation   JSONB NOT NULL,
    note             TEXT,
    saved_by         TEXT NOT NULL,
    saved_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX sizing_recommendation_opportunity_idx
    ON sizing_recommendation (opportunity_id, saved_at DESC, seq DESC);
