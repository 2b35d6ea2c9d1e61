//! Public agenda formats: JSON (in the routes), iCalendar, RSS and schema.org JSON-LD.

pub mod cache;
pub mod ics;
pub mod rss;
