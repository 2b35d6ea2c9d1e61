//! Handlers of `/people`, `/tags` and the public sign-up.

pub mod people;
pub mod public;
pub mod tags;
