-- The reports (issue 17) count the registrations of the sessions held in a period: sessions
-- found by status and start, their registrations read from one index without visiting the
-- table (the index on (activity_id, status) it replaces is its prefix).
CREATE INDEX activities_held_idx ON activities (status, starts_at);
DROP INDEX registrations_activity_idx;
CREATE INDEX registrations_activity_idx
    ON registrations (activity_id, status, category, person_id, promoted_at);
