//! One module per screen.

pub mod accounts;
pub mod home;
pub mod login;
pub mod not_found;
