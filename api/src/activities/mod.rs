//! Activities: InterAct workshops and series, trainings and events, registrations with the
//! waiting list, venues, and the public agenda with its feeds.

pub mod domain;
pub mod dto;
pub mod export;
pub mod feeds;
pub mod http;
pub mod public;
pub mod service;
pub mod store;
