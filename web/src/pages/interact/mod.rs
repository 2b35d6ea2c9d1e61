//! InterAct hosts: the public form "Je propose un atelier", the coordinators' board of
//! proposals, a proposal's page (notes, steps, "create the series") and a host's page.

pub mod arrange;
pub mod board;
pub mod feedback;
pub mod host;
pub mod new;
pub mod proposal;
pub mod propose;
