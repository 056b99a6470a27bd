//! Integration tests through the real router and a real SQLite file.

mod helpers;
mod responses;
mod snapshot;
