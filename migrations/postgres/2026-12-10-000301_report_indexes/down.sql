DROP INDEX registrations_activity_idx;
CREATE INDEX registrations_activity_idx ON registrations (activity_id, status);
DROP INDEX activities_held_idx;
