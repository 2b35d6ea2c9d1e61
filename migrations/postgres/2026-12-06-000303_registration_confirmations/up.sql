-- A public registration whose email or phone matched an existing person waits for that
-- person's confirmation: a one-time link sent to the address on their record (by the
-- notification outbox's email task). Nothing in their name changes before they follow it.
CREATE TABLE registration_confirmations (
    id TEXT PRIMARY KEY NOT NULL,
    -- SHA-256 of the link's token: the link itself is never kept once sent.
    token_hash TEXT NOT NULL UNIQUE,
    -- The token until the email carrying it is sent, then NULL.
    token TEXT,
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id),
    -- Language of the form: the email and the confirmation page use it.
    lang TEXT NOT NULL,
    -- Delivery of the email: `pending` until sent, `failed` after the outbox gave up.
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP
);
CREATE INDEX registration_confirmations_due_idx ON registration_confirmations (status, next_attempt_at);
CREATE INDEX registration_confirmations_person_idx ON registration_confirmations (person_id, activity_id);
