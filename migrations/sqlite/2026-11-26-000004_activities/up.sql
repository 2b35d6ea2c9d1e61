-- Activities: InterAct workshop sessions, trainings, events; venues; registrations with
-- waiting lists and attendance; idempotency keys of replayable POSTs.

CREATE TABLE venues (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    street TEXT,
    postcode TEXT,
    locality TEXT,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE activity_series (
    id TEXT PRIMARY KEY NOT NULL,
    -- JSON: the recurrence as requested.
    recurrence TEXT NOT NULL,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE activities (
    id TEXT PRIMARY KEY NOT NULL,
    series_id TEXT REFERENCES activity_series (id),
    -- JSON objects {"fr": ..., "en": ...}; French required.
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    programme TEXT NOT NULL,
    kind TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    venue_id TEXT REFERENCES venues (id),
    online_url TEXT,
    capacity INTEGER,
    registration_opens_at TIMESTAMP,
    registration_closes_at TIMESTAMP,
    languages TEXT NOT NULL,
    french_level TEXT,
    free BOOLEAN NOT NULL,
    accessibility_notes TEXT,
    visibility TEXT NOT NULL,
    status TEXT NOT NULL,
    cancel_reason TEXT,
    min_newcomer_percent INTEGER,
    min_local_percent INTEGER,
    -- iCalendar SEQUENCE: increases on each meaningful change.
    sequence INTEGER NOT NULL DEFAULT 0,
    created_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX activities_public_idx ON activities (visibility, status, starts_at);
CREATE INDEX activities_updated_idx ON activities (updated_at);
CREATE INDEX activities_series_idx ON activities (series_id);

CREATE TABLE activity_tags (
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (activity_id, tag_id)
);
CREATE INDEX activity_tags_tag_idx ON activity_tags (tag_id);

CREATE TABLE activity_hosts (
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id),
    -- Shown in public feeds only when the host agreed to it.
    public_name TEXT,
    PRIMARY KEY (activity_id, person_id)
);

CREATE TABLE activity_staff (
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (activity_id, user_id)
);

CREATE TABLE registrations (
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
CREATE INDEX registrations_activity_idx ON registrations (activity_id, status);
CREATE INDEX registrations_person_idx ON registrations (person_id);

CREATE TABLE idempotency_keys (
    key TEXT NOT NULL,
    -- Who sent it (user id, or client address for public forms) and to which endpoint.
    scope TEXT NOT NULL,
    status INTEGER NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

INSERT INTO venues (id, name, street, postcode, locality, created_at) VALUES
    ('5a0f6f0e-7b6b-5c2e-9d61-4c1f3e2a9b01', 'La Grand Poste', 'Rue de la Régence 61', '4000', 'Liège', '2026-11-26 00:00:00');
