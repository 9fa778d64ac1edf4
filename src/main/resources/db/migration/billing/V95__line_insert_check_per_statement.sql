-- a finalized invoice takes no new lines or computations: checked once per inserting statement (the
-- billing run writes a thousand lines in one) instead of once per row; updates and deletes are still
-- checked row by row
DROP TRIGGER invoice_line_immutable ON invoice_line;
DROP TRIGGER invoice_computation_immutable ON invoice_computation;
CREATE TRIGGER invoice_line_immutable BEFORE UPDATE OR DELETE ON invoice_line
    FOR EACH ROW EXECUTE FUNCTION invoice_finalized_is_immutable();
CREATE TRIGGER invoice_computation_immutable BEFORE UPDATE OR DELETE ON invoice_computation
    FOR EACH ROW EXECUTE FUNCTION invoice_finalized_is_immutable();

CREATE FUNCTION invoice_finalized_takes_nothing() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM added a JOIN invoice i ON i.id = a.invoice_id WHERE i.status <> 'DRAFT') THEN
        RAISE EXCEPTION 'the lines of a finalized invoice are immutable: a correction is a credit note'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER invoice_line_added AFTER INSERT ON invoice_line REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_finalized_takes_nothing();
CREATE TRIGGER invoice_computation_added AFTER INSERT ON invoice_computation REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION invoice_finalized_takes_nothing();
