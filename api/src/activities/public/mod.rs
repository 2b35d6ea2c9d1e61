//! The public agenda: feeds (JSON, ICS, RSS), public registration and the embeddable agenda.

pub mod http;
