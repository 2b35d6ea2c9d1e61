-- The mentor account role: mentors and facilitators who sign in see only the entrepreneurs
-- they accompany. SQLite rebuilds the users table to widen its CHECK constraint.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE users_rebuilt (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'coach', 'mentor')),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    password_hash TEXT NOT NULL,
    -- Access tokens issued before this instant are refused (password change, deactivation).
    sessions_valid_after TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    last_login_at TIMESTAMP
);
INSERT INTO users_rebuilt (id, email, display_name, role, active, password_hash, sessions_valid_after, created_at, updated_at, last_login_at)
    SELECT id, email, display_name, role, active, password_hash, sessions_valid_after, created_at, updated_at, last_login_at FROM users;
DROP TABLE users;
ALTER TABLE users_rebuilt RENAME TO users;
COMMIT;
PRAGMA foreign_keys = ON;
