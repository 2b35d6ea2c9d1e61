//! The public agenda: feeds (JSON, ICS, RSS), public registration and the embeddable agenda.

pub mod dto;
pub mod http;
pub mod service;
pub mod texts;
