//! InterLab, the inclusive incubator: applications from the public form, the team's review,
//! entrepreneurs and their projects, cohorts and the sector vocabulary.
//!
//! `http` (handlers, one file per resource) → `service` (rules, transactions, audit) → `store`
//! (rows and queries). `domain` holds the pure rules; `dto` maps rows to `shared::interlab`.

pub mod domain;
pub mod dto;
pub mod http;
pub mod service;
pub mod store;
