//! The Interra API server: configuration, storage, authentication and HTTP routes.

pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod extract;
pub mod feeds;
pub mod i18n;
pub mod matching;
pub mod openapi;
pub mod outbox;
pub mod privacy;
pub mod routes;
pub mod startup;
pub mod state;
pub mod telemetry;
