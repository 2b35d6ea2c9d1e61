//! The trainings (issue 15): the public pages the certificates and the evaluation links point
//! to.

pub mod certificate;
pub mod evaluation;
