-- Throttling shared by every server process on one database (PostgreSQL deployments with
-- several instances; a single SQLite process counts in memory): one row per counted event
-- (a sign-in failure, an accepted public form, a sign-in from a known address), in a bucket
-- (what is counted), under a key that is the SHA-256 of what it counts per (an address, an
-- account, or both): no address or e-mail is readable here. Rows are removed once past
-- `expires_at` (housekeeping).
CREATE TABLE throttle_events (
    id TEXT PRIMARY KEY NOT NULL,
    bucket TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX throttle_events_key_idx ON throttle_events (bucket, key_hash, at);
CREATE INDEX throttle_events_expiry_idx ON throttle_events (expires_at);
