//! The use cases of trainings, one file per resource. Functions take a connection; those that
//! change data open their own write transaction unless they say they run inside one.

pub mod certificates;
pub mod course_edit;
pub mod courses;
pub mod evaluations;
pub mod modules;
pub mod partner;
pub mod reminders;
pub mod trainees;
