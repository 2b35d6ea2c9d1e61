-- Back to a required profile: people without one count as local.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE people_rebuilt (
    id TEXT PRIMARY KEY NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT,
    preferred_name TEXT,
    email TEXT,
    phone TEXT,
    preferred_channel TEXT,
    street TEXT,
    postcode TEXT,
    commune TEXT,
    profile TEXT NOT NULL CHECK (profile IN ('newcomer', 'local')),
    arrival_year INTEGER,
    category_override TEXT CHECK (category_override IN ('newcomer', 'local')),
    category_override_reason TEXT,
    birth_year INTEGER,
    gender TEXT,
    french_level TEXT,
    origin_region TEXT,
    presentation TEXT,
    staff_notes TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'to_review')),
    possible_duplicate_of TEXT REFERENCES people (id),
    source TEXT NOT NULL,
    archived BOOLEAN NOT NULL DEFAULT FALSE,
    anonymised_at TIMESTAMP,
    -- Lower-case, accent-free names, email and phone digits: one portable search column.
    search_text TEXT NOT NULL,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    last_activity_at TIMESTAMP NOT NULL
);
INSERT INTO people_rebuilt (id,first_name,last_name,preferred_name,email,phone,preferred_channel,street,postcode,commune,profile,arrival_year,category_override,category_override_reason,birth_year,gender,french_level,origin_region,presentation,staff_notes,status,possible_duplicate_of,source,archived,anonymised_at,search_text,created_by,created_at,updated_at,last_activity_at)
    SELECT id,first_name,last_name,preferred_name,email,phone,preferred_channel,street,postcode,commune,COALESCE(profile, 'local'),arrival_year,category_override,category_override_reason,birth_year,gender,french_level,origin_region,presentation,staff_notes,status,possible_duplicate_of,source,archived,anonymised_at,search_text,created_by,created_at,updated_at,last_activity_at FROM people;
DROP TABLE people;
ALTER TABLE people_rebuilt RENAME TO people;
CREATE INDEX people_email_idx ON people (email);
CREATE INDEX people_phone_idx ON people (phone);
CREATE INDEX people_postcode_idx ON people (postcode);
CREATE INDEX people_activity_idx ON people (last_activity_at);
CREATE TABLE registrations_rebuilt (
    id TEXT PRIMARY KEY NOT NULL,
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id),
    -- Newcomer or local when registering, for the mix targets.
    category TEXT NOT NULL,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    -- Waiting-list order: first come, first served.
    queued_at TIMESTAMP NOT NULL,
    registered_by TEXT REFERENCES users (id),
    promoted_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (activity_id, person_id)
);
INSERT INTO registrations_rebuilt (id,activity_id,person_id,category,status,source,queued_at,registered_by,promoted_at,created_at,updated_at)
    SELECT id,activity_id,person_id,COALESCE(category, 'local'),status,source,queued_at,registered_by,promoted_at,created_at,updated_at FROM registrations;
DROP TABLE registrations;
ALTER TABLE registrations_rebuilt RENAME TO registrations;
CREATE INDEX registrations_activity_idx
    ON registrations (activity_id, status, category, person_id, promoted_at);
CREATE INDEX registrations_person_idx ON registrations (person_id);
COMMIT;
PRAGMA foreign_keys = ON;
