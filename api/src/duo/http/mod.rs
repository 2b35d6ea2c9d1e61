//! Handlers of `/duo` and `/duos`, one file per resource.

pub mod assessments;
pub mod blocks;
pub mod communes;
pub mod duos;
pub mod feedback;
pub mod follow_ups;
