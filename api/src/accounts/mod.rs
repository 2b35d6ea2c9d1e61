//! Staff accounts and signing in: passwords, access tokens, rotated refresh tokens.

pub mod domain;
pub mod http;
pub mod jwt;
pub mod password;
pub mod service;
pub mod store;
pub mod throttle;
pub mod tokens;
