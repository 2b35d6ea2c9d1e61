-- Notification outbox: who must hear about a change to their registration (promoted from the
-- waiting list, activity cancelled). Rows are written in the same transaction as the change;
-- a background task sends the email ones when SMTP is configured, staff tell the others.

CREATE TABLE notifications (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('promoted', 'activity_cancelled')),
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
    UNIQUE (registration_id, kind)
);
CREATE INDEX notifications_due_idx ON notifications (status, channel, next_attempt_at);
CREATE INDEX notifications_activity_idx ON notifications (activity_id, status);
CREATE INDEX notifications_person_idx ON notifications (person_id);
