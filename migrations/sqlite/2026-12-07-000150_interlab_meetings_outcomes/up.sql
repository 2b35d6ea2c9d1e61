-- InterLab's accompaniment meetings (who was there, the entrepreneur's words, notes, decisions,
-- next steps that become milestones) and outcomes (business created, salaried job, training,
-- paused, stopped) with the follow-ups due 6 and 12 months after leaving the path.

CREATE TABLE interlab_meetings (
    id TEXT PRIMARY KEY NOT NULL,
    entrepreneur_id TEXT NOT NULL REFERENCES interlab_entrepreneurs (id) ON DELETE CASCADE,
    -- The day of the meeting (Europe/Brussels).
    held_on DATE NOT NULL,
    -- What the entrepreneur said, in their own words.
    entrepreneur_words TEXT,
    -- Seen by InterLab staff, the entrepreneur's coach (and mentors who attended) only.
    notes TEXT,
    decisions TEXT,
    -- JSON list of next steps: text, due date, owner, need, and the milestone each became.
    next_steps TEXT NOT NULL,
    recorded_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX interlab_meetings_entrepreneur_idx ON interlab_meetings (entrepreneur_id, held_on);

-- Who was there: a person (the entrepreneur, a mentor, a partner) or a staff account.
CREATE TABLE interlab_meeting_attendees (
    id TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES interlab_meetings (id) ON DELETE CASCADE,
    person_id TEXT REFERENCES people (id),
    user_id TEXT REFERENCES users (id),
    position INTEGER NOT NULL,
    CHECK ((person_id IS NULL) <> (user_id IS NULL))
);
CREATE INDEX interlab_meeting_attendees_meeting_idx ON interlab_meeting_attendees (meeting_id);
CREATE INDEX interlab_meeting_attendees_person_idx ON interlab_meeting_attendees (person_id);

CREATE TABLE interlab_outcomes (
    id TEXT PRIMARY KEY NOT NULL,
    entrepreneur_id TEXT NOT NULL REFERENCES interlab_entrepreneurs (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    occurred_on DATE NOT NULL,
    -- A business created: its legal form and, once registered, its enterprise number (BCE/KBO).
    legal_form TEXT,
    enterprise_number TEXT,
    -- Why the path stopped (required then) or paused.
    reason TEXT,
    note TEXT,
    recorded_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX interlab_outcomes_entrepreneur_idx ON interlab_outcomes (entrepreneur_id, occurred_on);

-- Calls to make 6 and 12 months after an outcome that ends the path.
CREATE TABLE interlab_follow_ups (
    id TEXT PRIMARY KEY NOT NULL,
    entrepreneur_id TEXT NOT NULL REFERENCES interlab_entrepreneurs (id) ON DELETE CASCADE,
    outcome_id TEXT NOT NULL REFERENCES interlab_outcomes (id) ON DELETE CASCADE,
    months INTEGER NOT NULL,
    due_on DATE NOT NULL,
    done_on DATE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX interlab_follow_ups_due_idx ON interlab_follow_ups (done_on, due_on);
