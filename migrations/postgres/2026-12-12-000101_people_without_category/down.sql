-- Back to a required profile: people without one count as local.
UPDATE registrations SET category = 'local' WHERE category IS NULL;
ALTER TABLE registrations ALTER COLUMN category SET NOT NULL;
UPDATE people SET profile = 'local' WHERE profile IS NULL;
ALTER TABLE people ALTER COLUMN profile SET NOT NULL;
