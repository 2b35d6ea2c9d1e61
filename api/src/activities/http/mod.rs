//! Handlers of `/activities` and `/venues`, one file per resource.

pub mod activities;
pub mod export;
pub mod registrations;
pub mod series;
pub mod venues;
