-- The last run of each periodic job (housekeeping, …): with several server processes on one
-- database, the job runs under an advisory lock (PostgreSQL) and is skipped by the others
-- until half its period has passed since this time.
CREATE TABLE periodic_jobs (
    name TEXT PRIMARY KEY NOT NULL,
    last_run_at TIMESTAMP NOT NULL
);
