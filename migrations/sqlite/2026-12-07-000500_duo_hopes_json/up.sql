-- A candidacy's hopes become a JSON list (they were comma-separated text), like every other
-- list column: the row type reads them as a typed list and fails loudly on an unknown value.
UPDATE duo_candidacies
SET hopes = CASE WHEN hopes = '' THEN '[]' ELSE '["' || replace(hopes, ',', '","') || '"]' END;
