-- Password links (issue 19 §4): "forgot my password" and an administrator's reset or
-- invitation link for a colleague. Single use (`used_at`), short-lived (`expires_at`); only the
-- SHA-256 of the token is kept, the token itself only until its email is sent (`token`). The
-- email goes out through the notification outbox's email task (a claimable queue: `status`,
-- `next_attempt_at`, `claimed_by`, `lease_until`).
CREATE TABLE password_links (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    token TEXT,
    lang TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    claimed_by TEXT,
    lease_until TIMESTAMP,
    created_by TEXT,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX password_links_user_idx ON password_links (user_id, created_at);
CREATE INDEX password_links_due_idx ON password_links (status, next_attempt_at);
