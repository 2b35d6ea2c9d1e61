-- Reminders of training sessions go through the notification outbox: a third kind of notice,
-- queued once per seat (the unique (registration_id, kind) pair) the day before the session.
-- SQLite rebuilds the table to widen its CHECK constraint.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE notifications_rebuilt (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('promoted', 'activity_cancelled', 'reminder')),
    person_id TEXT NOT NULL REFERENCES people (id),
    activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    registration_id TEXT REFERENCES registrations (id) ON DELETE CASCADE,
    -- `email`: the person has an address; `staff`: a staff member phones or tells them.
    channel TEXT NOT NULL CHECK (channel IN ('email', 'staff')),
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'done')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    -- Earliest next delivery attempt (retries back off).
    next_attempt_at TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    done_at TIMESTAMP,
    done_by TEXT REFERENCES users (id),
    done_note TEXT,
    claimed_by TEXT,
    lease_until TIMESTAMP,
    UNIQUE (registration_id, kind)
);
INSERT INTO notifications_rebuilt (id, kind, person_id, activity_id, registration_id, channel, status, attempts, last_error, next_attempt_at, created_at, sent_at, done_at, done_by, done_note, claimed_by, lease_until)
    SELECT id, kind, person_id, activity_id, registration_id, channel, status, attempts, last_error, next_attempt_at, created_at, sent_at, done_at, done_by, done_note, claimed_by, lease_until FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_rebuilt RENAME TO notifications;
CREATE INDEX notifications_due_idx ON notifications (status, channel, next_attempt_at);
CREATE INDEX notifications_activity_idx ON notifications (activity_id, status);
CREATE INDEX notifications_person_idx ON notifications (person_id);
COMMIT;
PRAGMA foreign_keys = ON;
