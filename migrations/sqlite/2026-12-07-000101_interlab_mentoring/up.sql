-- InterLab's mentors and facilitators (a directory over people records), the mentoring
-- relations between a mentor and an entrepreneur, and the office hours mentors offer.

CREATE TABLE interlab_mentors (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL UNIQUE REFERENCES people (id),
    -- mentor | facilitator | expert
    role TEXT NOT NULL,
    organisation TEXT,
    -- JSON arrays: need domains, sector term ids, ISO 639 language codes, entrepreneur ids
    -- with a conflict of interest.
    domains TEXT NOT NULL,
    sector_ids TEXT NOT NULL,
    languages TEXT NOT NULL,
    conflicts TEXT NOT NULL,
    -- Most entrepreneurs accompanied at once (proposed and active relations).
    capacity INTEGER NOT NULL,
    availability TEXT,
    active BOOLEAN NOT NULL,
    -- The mentor's own sign-in account (role mentor), if any.
    user_id TEXT UNIQUE REFERENCES users (id) ON DELETE SET NULL,
    -- SHA-256 of the personal calendar feed's token; NULL: no feed.
    feed_token_hash TEXT UNIQUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE interlab_mentorships (
    id TEXT PRIMARY KEY NOT NULL,
    mentor_id TEXT NOT NULL REFERENCES interlab_mentors (id),
    entrepreneur_id TEXT NOT NULL REFERENCES interlab_entrepreneurs (id) ON DELETE CASCADE,
    -- proposed | active | ended
    status TEXT NOT NULL,
    entrepreneur_agreed_at TIMESTAMP,
    mentor_agreed_at TIMESTAMP,
    started_at TIMESTAMP,
    ended_at TIMESTAMP,
    end_reason TEXT,
    end_note TEXT,
    note TEXT,
    -- Set when a coordinator assigned the mentor beyond their capacity (audited too).
    capacity_override_reason TEXT,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX interlab_mentorships_mentor_idx ON interlab_mentorships (mentor_id, status);
CREATE INDEX interlab_mentorships_entrepreneur_idx ON interlab_mentorships (entrepreneur_id);

CREATE TABLE interlab_office_hours (
    id TEXT PRIMARY KEY NOT NULL,
    mentor_id TEXT NOT NULL REFERENCES interlab_mentors (id),
    -- UTC instants (entered and shown in Europe/Brussels).
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    place TEXT,
    video_url TEXT,
    -- open | cancelled
    status TEXT NOT NULL,
    -- The booking: at most one entrepreneur per slot.
    entrepreneur_id TEXT REFERENCES interlab_entrepreneurs (id) ON DELETE SET NULL,
    booking_note TEXT,
    booked_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    booked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX interlab_office_hours_mentor_idx ON interlab_office_hours (mentor_id, starts_at);
CREATE INDEX interlab_office_hours_entrepreneur_idx ON interlab_office_hours (entrepreneur_id);
