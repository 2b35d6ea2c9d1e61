//! The Interra API server. Features (`people`, `activities`, `duo`, `interlab`, `notify`,
//! `accounts`) each hold their handlers (`http`), rules (`service`, `domain`) and queries
//! (`store`); `http`, `db` and `audit` are shared by all of them. `ARCHITECTURE.md` at the
//! repository root is the map.

pub mod accounts;
pub mod activities;
pub mod audit;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod duo;
pub mod error;
pub mod housekeeping;
pub mod http;
pub mod i18n;
pub mod interlab;
pub mod notify;
pub mod partners;
pub mod people;
pub mod reports;
pub mod spreadsheet;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod trainings;
