-- metered prices: what a plan charges each month for the usage of one meter, in the price book
-- versions like every other price (immutable once published), and the packs that prepay a meter --

CREATE TABLE price_book_metered_price (
    version_id     UUID NOT NULL REFERENCES price_book_version (id),
    plan_code      TEXT NOT NULL REFERENCES catalog_plan (code),
    -- the usage module's meter code; the catalog keeps it as a name
    meter_code     TEXT NOT NULL,
    currency       CHAR(3) NOT NULL,
    charge_model   TEXT NOT NULL CHECK (charge_model IN ('PER_UNIT', 'TIERED', 'VOLUME', 'PACKAGE')),
    unit           TEXT NOT NULL,
    unit_price     NUMERIC(19, 6) NOT NULL CHECK (unit_price >= 0),
    package_size   INT CHECK (package_size >= 1),
    tiers          JSONB NOT NULL,
    -- units included each month before anything is charged, per month or per seat of the subscription
    included_units NUMERIC(19, 4) NOT NULL CHECK (included_units >= 0),
    included_per   TEXT NOT NULL CHECK (included_per IN ('MONTH', 'SEAT')),
    PRIMARY KEY (version_id, plan_code, meter_code, currency)
);

CREATE TRIGGER price_book_metered_price_immutable BEFORE INSERT OR UPDATE OR DELETE ON price_book_metered_price
    FOR EACH ROW EXECUTE FUNCTION price_book_published_is_immutable();

-- a consumable plan sold once that prepays the units of a meter (a pack of compute minutes)
CREATE TABLE catalog_pack (
    plan_code  TEXT PRIMARY KEY REFERENCES catalog_plan (code),
    meter_code TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
