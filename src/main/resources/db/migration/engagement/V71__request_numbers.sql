-- Request numbers: a short, human reference per board, such as CAMER-12, unique by constraint.
-- Each board's prefix and last number live in one row; filing takes the next number with an
-- upsert on that row, so concurrent filings on a board queue on it and get distinct numbers.
CREATE TABLE sa_request_counter (
    board_key    TEXT PRIMARY KEY REFERENCES board (key),
    prefix       TEXT NOT NULL UNIQUE,
    last_number  INT NOT NULL
);

ALTER TABLE sa_request ADD COLUMN number INT;
ALTER TABLE sa_request ADD COLUMN reference TEXT;

-- existing requests are numbered per board in the order they were filed
UPDATE sa_request r SET number = n.rn
FROM (SELECT id, row_number() OVER (PARTITION BY board_key ORDER BY created_at, id) AS rn FROM sa_request) n
WHERE r.id = n.id;

-- the prefix of a board key: words of up to four letters whole, longer ones by their initial
-- (commercial-amer: CAMER), as engagement's RequestNumbers derives it; a clash gets a digit
INSERT INTO sa_request_counter (board_key, prefix, last_number)
SELECT d.key,
       CASE WHEN row_number() OVER (PARTITION BY d.prefix ORDER BY d.key) = 1 THEN d.prefix
            ELSE d.prefix || row_number() OVER (PARTITION BY d.prefix ORDER BY d.key) END,
       COALESCE((SELECT max(number) FROM sa_request s WHERE s.board_key = d.key), 0)
FROM (SELECT b.key,
             upper(left((SELECT string_agg(CASE WHEN length(w) <= 4 THEN w ELSE left(w, 1) END, '' ORDER BY i)
                         FROM unnest(string_to_array(b.key, '-')) WITH ORDINALITY AS t(w, i)), 8)) AS prefix
      FROM board b) d;

UPDATE sa_request r SET reference = c.prefix || '-' || r.number
FROM sa_request_counter c WHERE c.board_key = r.board_key;

-- a row inserted without a number (by SQL, not through engagement, which numbers every filing
-- itself) takes the next number of its board the same way, so no insert can leave one out
CREATE FUNCTION sa_request_number() RETURNS trigger AS $$
DECLARE
    derived TEXT;
    taken RECORD;
BEGIN
    IF NEW.number IS NOT NULL AND NEW.reference IS NOT NULL THEN
        RETURN NEW;
    END IF;
    derived := upper(left((SELECT string_agg(CASE WHEN length(w) <= 4 THEN w ELSE left(w, 1) END, '' ORDER BY i)
                           FROM unnest(string_to_array(NEW.board_key, '-')) WITH ORDINALITY AS t(w, i)), 8));
    INSERT INTO sa_request_counter AS c (board_key, prefix, last_number)
    VALUES (NEW.board_key, CASE WHEN EXISTS (SELECT 1 FROM sa_request_counter WHERE prefix = derived)
                                THEN upper(replace(NEW.board_key, '-', '')) ELSE derived END, 1)
    ON CONFLICT (board_key) DO UPDATE SET last_number = c.last_number + 1
    RETURNING prefix, last_number INTO taken;
    NEW.number := taken.last_number;
    NEW.reference := taken.prefix || '-' || taken.last_number;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER sa_request_number BEFORE INSERT ON sa_request
    FOR EACH ROW EXECUTE FUNCTION sa_request_number();

ALTER TABLE sa_request ALTER COLUMN number SET NOT NULL;
ALTER TABLE sa_request ALTER COLUMN reference SET NOT NULL;
ALTER TABLE sa_request ADD CONSTRAINT sa_request_board_number_uk UNIQUE (board_key, number);
-- looked up as people type it: CAMER-12, camer-12
CREATE UNIQUE INDEX sa_request_reference_uk ON sa_request (upper(reference));
