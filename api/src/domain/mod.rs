//! Parse, don't validate: values that reach the database have been checked once, here.

mod account;
pub mod activity;
pub mod duo;
pub mod person;

pub use account::{DisplayName, Email};
