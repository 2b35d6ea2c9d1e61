//! The people screens: the list with its filters and the review queue, a person's page (export,
//! archive, anonymise, memberships, consents) and history, the person form (create, edit,
//! duplicate check), the vocabulary of interests and the retention review.

pub mod bulk;
pub mod history;
pub mod list;
pub mod person;
pub mod person_form;
pub mod retention;
pub mod tags;
