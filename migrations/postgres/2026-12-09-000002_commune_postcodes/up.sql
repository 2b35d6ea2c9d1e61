-- The postcodes of each commune (bpost), so that a postcode given on a public form names the
-- commune the Duo2Change pool measures travel with. A commune an administrator adds later has
-- none: the coordinator completing the candidacy chooses it.
CREATE TABLE commune_postcodes (
    postcode TEXT PRIMARY KEY NOT NULL,
    commune_id TEXT NOT NULL REFERENCES communes (id) ON DELETE CASCADE
);
CREATE INDEX commune_postcodes_commune_idx ON commune_postcodes (commune_id);

INSERT INTO commune_postcodes (postcode, commune_id)
SELECT postcode, commune_id FROM (VALUES
    ('4000', 'liege'),
    ('4020', 'liege'),
    ('4030', 'liege'),
    ('4031', 'liege'),
    ('4032', 'liege'),
    ('4100', 'seraing'),
    ('4101', 'seraing'),
    ('4102', 'seraing'),
    ('4040', 'herstal'),
    ('4041', 'herstal'),
    ('4042', 'herstal'),
    ('4430', 'ans'),
    ('4431', 'ans'),
    ('4432', 'ans'),
    ('4400', 'flemalle'),
    ('4420', 'saint-nicolas'),
    ('4460', 'grace-hollogne'),
    ('4050', 'chaudfontaine'),
    ('4051', 'chaudfontaine'),
    ('4052', 'chaudfontaine'),
    ('4053', 'chaudfontaine'),
    ('4620', 'fleron'),
    ('4621', 'fleron'),
    ('4623', 'fleron'),
    ('4624', 'fleron'),
    ('4610', 'beyne-heusay'),
    ('4600', 'vise'),
    ('4601', 'vise'),
    ('4602', 'vise'),
    ('4680', 'oupeye'),
    ('4681', 'oupeye'),
    ('4682', 'oupeye'),
    ('4683', 'oupeye'),
    ('4684', 'oupeye'),
    ('4130', 'esneux'),
    ('4630', 'soumagne'),
    ('4631', 'soumagne'),
    ('4632', 'soumagne'),
    ('4633', 'soumagne'),
    ('4450', 'juprelle'),
    ('4451', 'juprelle'),
    ('4452', 'juprelle'),
    ('4453', 'juprelle'),
    ('4458', 'juprelle'),
    ('4340', 'awans'),
    ('4342', 'awans'),
    ('4870', 'trooz'),
    ('4120', 'neupre'),
    ('4121', 'neupre'),
    ('4122', 'neupre'),
    ('4670', 'blegny'),
    ('4671', 'blegny'),
    ('4672', 'blegny'),
    ('4480', 'engis'),
    ('4800', 'verviers'),
    ('4801', 'verviers'),
    ('4802', 'verviers')
) AS v (postcode, commune_id)
WHERE commune_id IN (SELECT id FROM communes)
ON CONFLICT DO NOTHING;
