//! Handlers of `/auth`, `/users` and `/staff`.

pub mod auth;
pub mod staff;
pub mod users;
