-- Duo2Change: self-assessments at the start ('before') and at the end ('after') of a duo,
-- recorded by staff on the person's behalf; one per person and phase. The newcomer rates their
-- confidence speaking French and counts the people they can ask for help; the local rates their
-- intercultural understanding and says what they learnt. Reports use them only in aggregate.

CREATE TABLE duo_assessments (
    id TEXT PRIMARY KEY NOT NULL,
    duo_id TEXT NOT NULL REFERENCES duos (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id),
    side TEXT NOT NULL CHECK (side IN ('newcomer', 'local')),
    phase TEXT NOT NULL CHECK (phase IN ('before', 'after')),
    assessed_on DATE NOT NULL,
    -- Newcomer: 1 to 5.
    french_confidence INTEGER CHECK (french_confidence BETWEEN 1 AND 5),
    -- Newcomer: how many people they can ask for help.
    help_contacts INTEGER CHECK (help_contacts BETWEEN 0 AND 100),
    -- Local: 1 to 5.
    intercultural_understanding INTEGER CHECK (intercultural_understanding BETWEEN 1 AND 5),
    -- Local, at the end: free text.
    learnt TEXT,
    recorded_by TEXT REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (duo_id, side, phase)
);
CREATE INDEX duo_assessments_person_idx ON duo_assessments (person_id);
