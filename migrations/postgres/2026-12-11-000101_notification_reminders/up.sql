-- Reminders of training sessions go through the notification outbox: a third kind of notice,
-- queued once per seat (the unique (registration_id, kind) pair) the day before the session.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('promoted', 'activity_cancelled', 'reminder'));
