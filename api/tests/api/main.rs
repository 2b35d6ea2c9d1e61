//! HTTP integration tests: the real server on a random port, over a fresh database per test,
//! on SQLite always and on PostgreSQL when `INTERRA_TEST_POSTGRES_URL` is set.

mod helpers;

mod health;
