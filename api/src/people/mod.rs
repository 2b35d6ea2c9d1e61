//! People: one record per person across the programmes, their consents, the shared vocabulary
//! of tags, and the public sign-up.

pub mod domain;
pub mod dto;
pub mod erasure;
pub mod http;
pub mod intake;
pub mod privacy;
pub mod service;
pub mod store;
