//! Duo2Change: candidacies, matching, proposals and the life of a duo.

pub mod domain;
pub mod http;
pub mod matching;
pub mod store;
pub mod timeline;
