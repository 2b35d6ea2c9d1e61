-- Partner staff who only take part in trainings have no newcomer/local category: the profile
-- becomes optional (NULL: none), and so does the category a registration records.
ALTER TABLE people ALTER COLUMN profile DROP NOT NULL;
ALTER TABLE registrations ALTER COLUMN category DROP NOT NULL;
