//! Events pushed out: webhooks signed as Standard Webhooks describes, and
//! Slack messages. What is sent is queued in the database with what caused
//! it (`store/deliveries.rs`); `worker.rs` delivers it, at least once, with
//! one event id across attempts, retrying for a day (`retry.rs`), never to
//! the collector's own network unless allowed (`target.rs`); `drops.rs`
//! fires the daily drop alerts.

mod drops;
mod retry;
pub mod signature;
pub mod slack;
pub mod target;
mod worker;

use std::time::Duration;

pub use worker::{ClientError, Webhooks};

/// How deliveries are made (from the configuration).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Longest an attempt may take, connecting included.
    pub timeout: Duration,
    /// Attempts in flight at once per destination.
    pub concurrency: usize,
    /// Loopback, private and link-local targets allowed.
    pub allow_private: bool,
    /// The wait before the first retry; later ones double, to an hour.
    pub first_retry: Duration,
    /// How long an event is tried before it is given up.
    pub give_up_after: Duration,
    /// The collector's public address, for links in Slack messages.
    pub public_url: Option<String>,
    /// How often drop rules are checked (and finished deliveries swept).
    pub drop_check_every: Duration,
    /// How long a finished delivery stays listed.
    pub keep_finished: Duration,
}
