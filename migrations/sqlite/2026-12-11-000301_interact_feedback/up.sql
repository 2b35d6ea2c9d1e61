-- What participants said of an InterAct workshop session (a paper form, a conversation),
-- recorded by the team: a rating 1-5 and an optional comment, one answer per participant and
-- session. The host's page shows each workshop's average (withheld under five answers); the
-- comments are for coordinators only.
CREATE TABLE interact_feedback (
    id TEXT PRIMARY KEY NOT NULL,
    -- The session (an activity).
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    -- The participant, registered for the session.
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment TEXT,
    recorded_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (activity_id, person_id)
);
CREATE INDEX interact_feedback_person_idx ON interact_feedback (person_id);
