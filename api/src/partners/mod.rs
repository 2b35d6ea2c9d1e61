//! Partner organisations and the partner API: organisations and the people affiliated to them
//! (staff routes `/api/v1/organisations/...`), API clients with scopes, and the OAuth 2.0
//! client credentials grant (`/api/v1/oauth/token`) whose tokens reach only the partner routes
//! (`/api/v1/partner/...`).
//!
//! `http` (handlers, one file per resource) → `service` (rules, transactions, audit) → `store`
//! (rows and queries). `domain` holds the pure rules; `dto` maps rows to `shared::partners`.

pub mod domain;
pub mod dto;
pub mod http;
pub mod referral_rules;
pub mod referral_store;
pub mod service;
pub mod store;
pub mod webhook_rules;
pub mod webhook_sender;
pub mod webhook_store;
