//! Notifications: the outbox written with the change that causes a notice, and its delivery.

pub mod http;
pub mod outbox;
pub mod store;
