-- catalog: products, plans and the versioned price book ------------------------------------------

CREATE TABLE catalog_product (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('SUBSCRIPTION', 'ADD_ON', 'CONSUMABLE', 'SERVICE')),
    deployment    TEXT CHECK (deployment IN ('SAAS', 'SELF_MANAGED', 'DEDICATED')),
    description   TEXT,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE catalog_plan (
    code           TEXT PRIMARY KEY,
    product_code   TEXT NOT NULL REFERENCES catalog_product (code),
    name           TEXT NOT NULL,
    billing_period TEXT NOT NULL CHECK (billing_period IN ('MONTHLY', 'ANNUAL', 'MULTI_YEAR', 'ONE_TIME')),
    term_months    INT NOT NULL CHECK (term_months >= 0),
    charge_model   TEXT NOT NULL CHECK (charge_model IN ('FLAT', 'PER_UNIT', 'TIERED', 'VOLUME', 'PACKAGE')),
    unit           TEXT NOT NULL,
    active         BOOLEAN NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX catalog_plan_product_idx ON catalog_plan (product_code);

CREATE TABLE price_book_version (
    id             UUID PRIMARY KEY,
    number         INT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    effective_from DATE NOT NULL,
    grandfathering TEXT NOT NULL CHECK (grandfathering IN ('KEEP_UNTIL_RENEWAL', 'APPLY_TO_EXISTING')),
    status         TEXT NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    published_at   TIMESTAMPTZ,
    published_by   TEXT,
    version        INT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);
-- one published version per effective date: which version is in effect is never ambiguous
CREATE UNIQUE INDEX price_book_version_effective_uk ON price_book_version (effective_from) WHERE status = 'PUBLISHED';

CREATE TABLE price_book_entry (
    version_id     UUID NOT NULL REFERENCES price_book_version (id),
    plan_code      TEXT NOT NULL REFERENCES catalog_plan (code),
    currency       CHAR(3) NOT NULL,
    unit_price     NUMERIC(19, 4) NOT NULL CHECK (unit_price >= 0),
    included_units NUMERIC(19, 4) NOT NULL CHECK (included_units >= 0),
    package_size   INT CHECK (package_size >= 1),
    tiers          JSONB NOT NULL,
    PRIMARY KEY (version_id, plan_code, currency)
);

-- a published version is immutable, also for SQL that bypasses Baton: a change is a new version
CREATE FUNCTION price_book_published_is_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'price_book_version' THEN
        IF OLD.status = 'PUBLISHED' THEN
            RAISE EXCEPTION 'price book version % is published and immutable', OLD.number
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF EXISTS (SELECT 1 FROM price_book_version v
               WHERE v.id = CASE WHEN TG_OP = 'INSERT' THEN NEW.version_id ELSE OLD.version_id END
                 AND v.status = 'PUBLISHED') THEN
        RAISE EXCEPTION 'the prices of a published price book version are immutable'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER price_book_version_immutable BEFORE UPDATE OR DELETE ON price_book_version
    FOR EACH ROW EXECUTE FUNCTION price_book_published_is_immutable();
CREATE TRIGGER price_book_entry_immutable BEFORE INSERT OR UPDATE OR DELETE ON price_book_entry
    FOR EACH ROW EXECUTE FUNCTION price_book_published_is_immutable();
