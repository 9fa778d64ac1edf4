-- Seat reports may say how often users reached for features the plan lacks ({"epics": 12}); a
-- feature they keep reaching for raises a FEATURE_DEMAND up-sell signal.
ALTER TABLE seat_report ADD COLUMN features_denied JSONB NOT NULL DEFAULT '{}'
    CHECK (jsonb_typeof(features_denied) = 'object');

CREATE INDEX seat_report_features_idx ON seat_report (subscription_id, period_end)
    WHERE status = 'VERIFIED' AND features_denied <> '{}'::jsonb;

ALTER TABLE upsell_signal DROP CONSTRAINT upsell_signal_cause_check;
ALTER TABLE upsell_signal ADD CONSTRAINT upsell_signal_cause_check
    CHECK (cause IN ('SEAT_USE_HIGH', 'OVERAGE', 'OVER_TOLERANCE', 'FEATURE_DEMAND'));
