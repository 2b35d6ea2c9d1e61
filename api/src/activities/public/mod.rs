//! The public agenda: feeds (JSON, ICS, RSS), public registration (with the confirmation links
//! of registrations in an existing person's name) and the embeddable agenda.

pub mod agenda;
pub mod dto;
pub mod http;
pub mod service;
pub mod store;
pub mod texts;
