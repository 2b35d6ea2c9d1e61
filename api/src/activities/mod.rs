//! Activities: InterAct workshops and series, trainings and events, registrations with the
//! waiting list, venues, and the public agenda with its feeds; `interact/` the InterAct hosts
//! (proposals, the pipeline, the autonomy ladder, the host's page).

pub mod domain;
pub mod dto;
pub mod export;
pub mod feeds;
pub mod http;
pub mod interact;
pub mod public;
pub mod service;
pub mod store;
