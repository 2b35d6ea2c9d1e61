-- Duo2Change: each side's feedback on the trial meeting of an introduced duo, recorded by staff
-- on the person's behalf. One per side, updatable; a coordinator confirms or declines on it.

CREATE TABLE duo_feedback (
    id TEXT PRIMARY KEY NOT NULL,
    duo_id TEXT NOT NULL REFERENCES duos (id) ON DELETE CASCADE,
    -- The person who gave it (the duo's newcomer or local).
    person_id TEXT NOT NULL REFERENCES people (id),
    side TEXT NOT NULL CHECK (side IN ('newcomer', 'local')),
    wants_to_continue TEXT NOT NULL CHECK (wants_to_continue IN ('yes', 'no', 'unsure')),
    -- How the trial meeting went, 1 to 5.
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    notes TEXT,
    given_on DATE NOT NULL,
    recorded_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (duo_id, side)
);
CREATE INDEX duo_feedback_person_idx ON duo_feedback (person_id);
