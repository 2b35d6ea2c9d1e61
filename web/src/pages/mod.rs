//! One module per screen.

pub mod account;
pub mod accounts;
pub mod activities;
pub mod admin_nav;
pub mod audit;
pub mod duo;
pub mod home;
pub mod interact;
pub mod interlab;
pub mod login;
pub mod not_found;
pub mod partners;
pub mod password;
pub mod people;
pub mod public;
pub mod reports;
pub mod trainings;
