//! The reports' pure rules: periods, the indicators' arithmetic and small-count suppression.

pub mod indicators;
pub mod period;
pub mod suppression;
pub mod tables;
