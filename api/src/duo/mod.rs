//! Duo2Change: candidacies, matching, proposals and the life of a duo.
//!
//! `http` (handlers, one file per resource) → `service` (rules, transactions, effects) →
//! `store` (rows and queries). `domain` (the life cycle) and `matching` (scores, the batch)
//! are pure; `pool` loads the matching pool from the store; `timeline` reads a duo's moves.

pub mod domain;
pub mod http;
pub mod matching;
pub mod pool;
pub mod service;
pub mod store;
pub mod timeline;
