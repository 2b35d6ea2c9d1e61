//! Intercultural trainings (issue 15): the catalogue of modules, courses whose sessions are
//! ordinary activities (programme `training`), trainees registered by the team or by partner
//! organisations for their own staff, attendance and completion from the module's rule,
//! certificates of attendance (PDF, `pdf.rs`) with a public verification code.

pub mod domain;
pub mod http;
pub mod pdf;
pub mod service;
pub mod store;
