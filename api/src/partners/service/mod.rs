//! The partner side's use cases: organisations and their contacts, API clients, tokens.

pub mod clients;
pub mod organisations;
pub mod referrals;
pub mod tokens;
pub mod webhooks;
