//! HTTP integration tests: the real server on a random port, over a fresh database per test,
//! on SQLite always and on PostgreSQL when `INTERRA_TEST_POSTGRES_URL` is set.

// Table-driven tests are tuples of cases; naming each tuple type would not help the reader.
#![allow(clippy::type_complexity)]

mod helpers;

mod auth;
mod contract;
mod copy_db;
mod errors;
mod health;
mod openapi;
mod security_headers;
mod storage;
mod throttling;
mod users;
// Password links (issue 19).
mod password_reset;

// People (issue 4).
mod erasure;
mod gdpr;
mod people;
mod people_fixtures;
mod people_history;
mod region_of_origin;
mod signup;
mod tags;

// Activities, public feeds and Duo2Change (issues 5 and 6).
mod activities;
mod activity_capacity;
mod activity_fixtures;
mod duo;
mod duo_assessments;
mod duo_blocks;
mod duo_communes;
mod duo_feedback;
mod duo_fixtures;
mod duo_follow_ups;
mod duo_signup;
mod feeds;
mod feeds_withdrawn;
mod idempotency;
mod memberships;
mod multi_instance;
mod notifications;
mod participation;
mod public_agenda;
mod public_concurrency;
mod public_confirmation;
mod query_types;

// InterLab (issue 13).
mod interlab;
mod interlab_cohorts;
mod interlab_diagnostics;
mod interlab_fixtures;
mod interlab_meetings;
mod interlab_mentoring;
mod interlab_office_hours;
mod interlab_outcomes;
mod interlab_path;
mod interlab_roles;

// Partner organisations and the partner API (issue 14).
mod partner_fixtures;
mod partner_referrals;
mod partners;
mod training_sessions;
mod trainings;
mod webhooks;

// InterAct hosts (issue 16).
mod interact;
mod interact_feedback;
mod interact_fixtures;

// The team's tools (issue 19): the staff directory, the audit filters.
mod team;
// Reports and the home page (issue 17).
mod reports;

// A fast first load (issue 18): precompressed assets.
mod web_assets;
