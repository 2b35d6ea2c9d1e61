//! Domain and wire types of the Interra platform, shared by the API (`api`) and the web app
//! (`web`). Serde only: this crate compiles for `wasm32-unknown-unknown`. OpenAPI schema derives
//! sit behind the `openapi` feature, which only the server enables.

pub mod activities;
pub mod audit;
pub mod auth;
pub mod consent;
pub mod duo;
pub mod health;
pub mod interact;
pub mod interlab;
pub mod lang;
pub mod notifications;
pub mod page;
pub mod participation;
pub mod partners;
pub mod people;
pub mod problem;
pub mod query;
pub mod referrals;
pub mod reports;
pub mod schema_org;
pub mod signup;
pub mod staff;
pub mod tags;
pub mod trainings;
pub mod users;
pub mod webhooks;

pub use lang::Lang;
pub use page::Page;
pub use problem::{ErrorCode, Problem};

/// Reads a field that may be absent (`None`), `null` (`Some(None)`) or a value: on a change,
/// absent keeps, null clears; on a required field, absent is an error and null an answer.
pub fn nullable<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    serde::Deserialize::deserialize(d).map(Some)
}
