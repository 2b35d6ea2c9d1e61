//! Impact reports and the signed-in user's home page (issue 17).
//!
//! `GET /api/v1/reports/summary` (JSON, `.csv`, `.xlsx`) and `/reports/yearly` give every
//! programme's figures over a period, each count of people under the small-count rule
//! (`domain::suppression`); `GET /api/v1/home` lists what needs the user this week. The figures
//! are computed in `domain::indicators` from plain facts `store` reads in a few queries, and
//! kept per period in `cache` until a write.

pub mod cache;
pub mod domain;
pub mod export;
pub mod http;
pub mod sample;
pub mod service;
pub mod store;
