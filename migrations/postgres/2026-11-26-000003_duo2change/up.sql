-- Duo2Change: the communes of the Liège area (for travel ranges and distances), candidacies,
-- versioned matching weights, pairs never to propose, duos, their meetings and follow-up.

CREATE TABLE communes (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    -- Approximate centroid, for distances between communes.
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL
);

CREATE TABLE commune_neighbours (
    commune_id TEXT NOT NULL REFERENCES communes (id) ON DELETE CASCADE,
    neighbour_id TEXT NOT NULL REFERENCES communes (id) ON DELETE CASCADE,
    PRIMARY KEY (commune_id, neighbour_id)
);

CREATE TABLE duo_candidacies (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    side TEXT NOT NULL CHECK (side IN ('newcomer', 'local')),
    status TEXT NOT NULL,
    waiting_since TIMESTAMP NOT NULL,
    commune_id TEXT REFERENCES communes (id),
    travel TEXT NOT NULL,
    gender TEXT,
    partner_gender TEXT,
    partner_age_min INTEGER,
    partner_age_max INTEGER,
    hopes TEXT NOT NULL,
    wants_french_practice BOOLEAN NOT NULL,
    remarks TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX duo_candidacies_person_idx ON duo_candidacies (person_id);
CREATE INDEX duo_candidacies_status_idx ON duo_candidacies (status);

CREATE TABLE duo_settings (
    version INTEGER PRIMARY KEY NOT NULL,
    -- JSON object of the weights and threshold.
    weights TEXT NOT NULL,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE duo_blocks (
    id TEXT PRIMARY KEY NOT NULL,
    person_a TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    person_b TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX duo_blocks_a_idx ON duo_blocks (person_a);
CREATE INDEX duo_blocks_b_idx ON duo_blocks (person_b);

CREATE TABLE duos (
    id TEXT PRIMARY KEY NOT NULL,
    newcomer_id TEXT NOT NULL REFERENCES people (id),
    local_id TEXT NOT NULL REFERENCES people (id),
    newcomer_candidacy_id TEXT REFERENCES duo_candidacies (id),
    local_candidacy_id TEXT REFERENCES duo_candidacies (id),
    status TEXT NOT NULL,
    score DOUBLE PRECISION,
    -- JSON: score breakdown and reasons (in French) when proposed by matching.
    explanation TEXT,
    settings_version INTEGER,
    pinned BOOLEAN NOT NULL DEFAULT FALSE,
    proposed_at TIMESTAMP NOT NULL,
    introduced_at TIMESTAMP,
    confirmed_at TIMESTAMP,
    ended_at TIMESTAMP,
    reason TEXT,
    outcome TEXT,
    created_by TEXT REFERENCES users (id),
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX duos_newcomer_idx ON duos (newcomer_id);
CREATE INDEX duos_local_idx ON duos (local_id);
CREATE INDEX duos_status_idx ON duos (status);

CREATE TABLE duo_check_ins (
    id TEXT PRIMARY KEY NOT NULL,
    duo_id TEXT NOT NULL REFERENCES duos (id) ON DELETE CASCADE,
    met_on DATE NOT NULL,
    activity TEXT NOT NULL,
    duration_minutes INTEGER,
    reported_by TEXT NOT NULL,
    satisfaction_newcomer INTEGER,
    satisfaction_local INTEGER,
    notes TEXT,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX duo_check_ins_duo_idx ON duo_check_ins (duo_id, met_on);

CREATE TABLE duo_follow_ups (
    id TEXT PRIMARY KEY NOT NULL,
    duo_id TEXT NOT NULL REFERENCES duos (id) ON DELETE CASCADE,
    due_on DATE NOT NULL,
    kind TEXT NOT NULL,
    done_at TIMESTAMP,
    notes TEXT
);
CREATE INDEX duo_follow_ups_duo_idx ON duo_follow_ups (duo_id);

INSERT INTO communes (id, name, latitude, longitude) VALUES
    ('liege', 'Liège', 50.6326, 5.5797),
    ('seraing', 'Seraing', 50.5833, 5.5),
    ('herstal', 'Herstal', 50.6667, 5.6333),
    ('ans', 'Ans', 50.6617, 5.5164),
    ('flemalle', 'Flémalle', 50.6036, 5.4575),
    ('saint-nicolas', 'Saint-Nicolas', 50.63, 5.536),
    ('grace-hollogne', 'Grâce-Hollogne', 50.6403, 5.4939),
    ('chaudfontaine', 'Chaudfontaine', 50.5856, 5.642),
    ('fleron', 'Fléron', 50.615, 5.68),
    ('beyne-heusay', 'Beyne-Heusay', 50.6225, 5.6536),
    ('vise', 'Visé', 50.7369, 5.6947),
    ('oupeye', 'Oupeye', 50.7108, 5.645),
    ('esneux', 'Esneux', 50.5333, 5.5667),
    ('soumagne', 'Soumagne', 50.6147, 5.7447),
    ('juprelle', 'Juprelle', 50.7094, 5.5319),
    ('awans', 'Awans', 50.6667, 5.4667),
    ('trooz', 'Trooz', 50.5717, 5.6925),
    ('neupre', 'Neupré', 50.5478, 5.4889),
    ('blegny', 'Blegny', 50.6722, 5.7233),
    ('engis', 'Engis', 50.5833, 5.4),
    ('verviers', 'Verviers', 50.5911, 5.865);

-- Neighbours: centroids less than 7 km apart (editable by administrators).
INSERT INTO commune_neighbours (commune_id, neighbour_id) VALUES
    ('liege', 'herstal'),
    ('liege', 'ans'),
    ('liege', 'saint-nicolas'),
    ('liege', 'grace-hollogne'),
    ('liege', 'chaudfontaine'),
    ('liege', 'beyne-heusay'),
    ('seraing', 'flemalle'),
    ('seraing', 'saint-nicolas'),
    ('seraing', 'grace-hollogne'),
    ('seraing', 'neupre'),
    ('herstal', 'liege'),
    ('herstal', 'fleron'),
    ('herstal', 'beyne-heusay'),
    ('herstal', 'oupeye'),
    ('herstal', 'blegny'),
    ('ans', 'liege'),
    ('ans', 'saint-nicolas'),
    ('ans', 'grace-hollogne'),
    ('ans', 'juprelle'),
    ('ans', 'awans'),
    ('flemalle', 'seraing'),
    ('flemalle', 'saint-nicolas'),
    ('flemalle', 'grace-hollogne'),
    ('flemalle', 'neupre'),
    ('flemalle', 'engis'),
    ('saint-nicolas', 'liege'),
    ('saint-nicolas', 'seraing'),
    ('saint-nicolas', 'ans'),
    ('saint-nicolas', 'flemalle'),
    ('saint-nicolas', 'grace-hollogne'),
    ('saint-nicolas', 'awans'),
    ('grace-hollogne', 'liege'),
    ('grace-hollogne', 'seraing'),
    ('grace-hollogne', 'ans'),
    ('grace-hollogne', 'flemalle'),
    ('grace-hollogne', 'saint-nicolas'),
    ('grace-hollogne', 'awans'),
    ('chaudfontaine', 'liege'),
    ('chaudfontaine', 'fleron'),
    ('chaudfontaine', 'beyne-heusay'),
    ('chaudfontaine', 'trooz'),
    ('fleron', 'herstal'),
    ('fleron', 'chaudfontaine'),
    ('fleron', 'beyne-heusay'),
    ('fleron', 'soumagne'),
    ('fleron', 'trooz'),
    ('beyne-heusay', 'liege'),
    ('beyne-heusay', 'herstal'),
    ('beyne-heusay', 'chaudfontaine'),
    ('beyne-heusay', 'fleron'),
    ('beyne-heusay', 'soumagne'),
    ('beyne-heusay', 'trooz'),
    ('vise', 'oupeye'),
    ('oupeye', 'herstal'),
    ('oupeye', 'vise'),
    ('oupeye', 'blegny'),
    ('esneux', 'neupre'),
    ('soumagne', 'fleron'),
    ('soumagne', 'beyne-heusay'),
    ('soumagne', 'trooz'),
    ('soumagne', 'blegny'),
    ('juprelle', 'ans'),
    ('juprelle', 'awans'),
    ('awans', 'ans'),
    ('awans', 'saint-nicolas'),
    ('awans', 'grace-hollogne'),
    ('awans', 'juprelle'),
    ('trooz', 'chaudfontaine'),
    ('trooz', 'fleron'),
    ('trooz', 'beyne-heusay'),
    ('trooz', 'soumagne'),
    ('neupre', 'seraing'),
    ('neupre', 'flemalle'),
    ('neupre', 'esneux'),
    ('blegny', 'herstal'),
    ('blegny', 'oupeye'),
    ('blegny', 'soumagne'),
    ('engis', 'flemalle');

INSERT INTO duo_settings (version, weights, created_at) VALUES
    (1, '{"interests":3.0,"language":2.5,"availability":2.0,"distance":1.5,"hopes":1.0,"age":0.5,"waiting":1.0,"threshold":35.0}', TIMESTAMP '2026-11-26 00:00:00');
