//! Handlers of `/auth` and `/users`.

pub mod auth;
pub mod users;
