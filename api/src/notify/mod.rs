//! Notifications: the outbox written with the change that causes a notice, and its delivery.

pub mod http;
pub mod mail;
pub mod outbox;
pub mod service;
pub mod store;
pub mod texts;
