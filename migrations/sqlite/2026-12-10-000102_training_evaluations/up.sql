-- End-of-course questionnaires (issue 15): one per trainee and course, answered through a
-- personal link (only the link's SHA-256 is kept) or entered by staff from a paper form.
CREATE TABLE training_evaluations (
    id TEXT PRIMARY KEY NOT NULL,
    course_id TEXT NOT NULL REFERENCES training_courses (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id),
    token_hash TEXT UNIQUE,
    satisfaction INTEGER,
    useful TEXT,
    objectives TEXT NOT NULL,
    entered_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    answered_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (course_id, person_id)
);
