//! InterAct hosts, part of the activities feature: workshop proposals (the public form "Je
//! propose un atelier", the sign-up's workshop idea, the team's entry), the coordinators'
//! pipeline `new → talked → planned → running → paused / ended` with dated notes and "create the
//! series", the host's autonomy ladder, the host's page and the figures for the reports.
//!
//! `http` (handlers, one file per resource) → `service` (rules, transactions, audit) → `store`
//! (rows and queries). `domain` holds the pure rules; `dto` maps rows to `shared::interact`.
//! Sessions are the activities feature's own: a series is created through its service.

pub mod domain;
pub mod dto;
pub mod http;
pub mod service;
pub mod store;
