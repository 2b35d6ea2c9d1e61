//! Handlers of `/activities` and `/venues`.

pub mod activities;
