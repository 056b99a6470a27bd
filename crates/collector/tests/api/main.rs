//! Integration tests through the real router and a real SQLite file.
// A failed unwrap in a test is a failed test, with its location.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod admin;
mod alerts;
mod batches;
mod choices;
mod connections;
mod dashboard;
mod follow_up;
mod funnel;
mod helpers;
mod limits;
mod logic;
mod maintenance;
mod operations;
mod partial;
#[path = "../common/receiver.rs"]
mod receiver;
mod release;
mod responses;
mod secrets;
mod segments;
mod snapshot;
mod stalls;
mod streams;
mod targeting;
mod visitors;
mod webhooks;
