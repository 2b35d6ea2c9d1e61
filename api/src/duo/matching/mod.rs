//! Duo2Change matching: hard constraints, explainable scores and the optimal batch assignment.
//! Pure logic, testable and benchmarkable without HTTP or a database.

pub mod assignment;
pub mod health;
pub mod pool;
pub mod score;
pub mod synthetic;

#[cfg(test)]
mod tests;
