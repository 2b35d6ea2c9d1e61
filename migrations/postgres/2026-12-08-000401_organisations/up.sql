-- Partner organisations (CPAS, reception centres, schools, La Grand Poste ...), the people
-- affiliated to them with their role there, and the API clients through which their servers
-- call the partner API (OAuth 2.0 client credentials).

CREATE TABLE organisations (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    street TEXT,
    postcode TEXT,
    commune TEXT,
    email TEXT,
    phone TEXT,
    agreement_start DATE,
    agreement_end DATE,
    data_sharing_signed BOOLEAN NOT NULL,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX organisations_name_idx ON organisations (name);

-- A person's affiliation to an organisation (partner staff are people).
CREATE TABLE organisation_people (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    -- Their role there, in the organisation's words ("assistante sociale").
    role TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organisation_id, person_id)
);
CREATE INDEX organisation_people_person_idx ON organisation_people (person_id);

-- API clients. The secret is shown once; only its SHA-256 is kept (the secret is 256 random
-- bits, so a slow hash adds nothing). After a rotation the previous hash stays valid until
-- `previous_valid_until`.
CREATE TABLE api_clients (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- JSON array of scopes.
    scopes TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    previous_secret_hash TEXT,
    previous_valid_until TIMESTAMP,
    revoked_at TIMESTAMP,
    last_used_at TIMESTAMP,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX api_clients_organisation_idx ON api_clients (organisation_id);
