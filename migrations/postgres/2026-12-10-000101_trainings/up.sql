-- Intercultural trainings (issue 15). A module is an entry of the catalogue; a course is a run
-- of a module whose sessions are ordinary activities (programme `training`), so capacity, the
-- waiting list, venues, feeds and attendance stay the activities feature's. A registration to a
-- course is a registration to each of its sessions; the course row only says who asked and on
-- whose behalf (a partner organisation for its staff).
CREATE TABLE training_modules (
    id TEXT PRIMARY KEY NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    objectives TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    audience TEXT NOT NULL,
    languages TEXT NOT NULL,
    prerequisites TEXT,
    max_group_size INTEGER,
    certificate BOOLEAN NOT NULL,
    min_attendance_percent INTEGER NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE training_courses (
    id TEXT PRIMARY KEY NOT NULL,
    module_id TEXT NOT NULL REFERENCES training_modules (id),
    starts_on DATE NOT NULL,
    ends_on DATE NOT NULL,
    open_to_partners BOOLEAN NOT NULL,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX training_courses_module_idx ON training_courses (module_id);

CREATE TABLE training_course_sessions (
    course_id TEXT NOT NULL REFERENCES training_courses (id) ON DELETE CASCADE,
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    PRIMARY KEY (course_id, activity_id)
);
CREATE UNIQUE INDEX training_course_sessions_activity_idx ON training_course_sessions (activity_id);

CREATE TABLE training_registrations (
    id TEXT PRIMARY KEY NOT NULL,
    course_id TEXT NOT NULL REFERENCES training_courses (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id),
    organisation_id TEXT REFERENCES organisations (id) ON DELETE SET NULL,
    source TEXT NOT NULL,
    registered_by TEXT,
    cancelled_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (course_id, person_id)
);
CREATE INDEX training_registrations_person_idx ON training_registrations (person_id);
CREATE INDEX training_registrations_organisation_idx ON training_registrations (organisation_id);

-- The verification code is looked up by its SHA-256 (a unique index over a hash of what the
-- visitor typed: no prefix of a real code answers faster than another); the code itself is kept
-- to print it again on a downloaded PDF.
CREATE TABLE training_certificates (
    id TEXT PRIMARY KEY NOT NULL,
    course_id TEXT NOT NULL REFERENCES training_courses (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id),
    code TEXT NOT NULL,
    code_hash TEXT NOT NULL UNIQUE,
    language TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    issued_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    issued_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP,
    revoked_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    revoke_reason TEXT,
    UNIQUE (course_id, person_id)
);
CREATE INDEX training_certificates_person_idx ON training_certificates (person_id);
