//! Limits on posting responses: per client and survey, a burst of
//! `per_minute` and then `per_minute` a minute (GCRA, governor's keyed
//! limiter). Only surveys that exist get buckets (the handler asks after
//! the survey is known), and the table of clients is bounded: past
//! [`MAX_CLIENTS`] keys it is swept of idle ones, and while it is still
//! full, requests share one bucket per survey of [`OVERFLOW_FACTOR`] times
//! the rate, so a spray of addresses costs memory up to the bound and no
//! further. Client keys are never stored or logged.

use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use candor_core::SurveyId;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};

use crate::client::ClientKey;

/// Most (client, survey) buckets kept.
pub const MAX_CLIENTS: usize = 100_000;
/// How much more the shared bucket of a full table allows than one client.
pub const OVERFLOW_FACTOR: u32 = 100;
/// Least time between two sweeps of a full table.
const SWEEP_EVERY: Duration = Duration::from_secs(1);

/// Per-(client, survey) limits.
pub struct RateLimiter {
    limits: Option<Limits>,
}

struct Limits {
    clients: DefaultKeyedRateLimiter<(ClientKey, SurveyId)>,
    overflow: DefaultKeyedRateLimiter<SurveyId>,
    clock: DefaultClock,
    last_sweep: Mutex<Instant>,
    capacity: usize,
}

impl RateLimiter {
    /// `per_minute` requests per client and survey, in bursts of as many;
    /// 0 turns limiting off.
    pub fn new(per_minute: u32) -> Self {
        Self::with_capacity(per_minute, MAX_CLIENTS)
    }

    /// As [`RateLimiter::new`], keeping at most `capacity` client buckets.
    pub fn with_capacity(per_minute: u32, capacity: usize) -> Self {
        let limits = NonZeroU32::new(per_minute).map(|rate| {
            let overflow = NonZeroU32::new(per_minute.saturating_mul(OVERFLOW_FACTOR)).unwrap_or(rate);
            Limits {
                clients: governor::RateLimiter::keyed(Quota::per_minute(rate)),
                overflow: governor::RateLimiter::keyed(Quota::per_minute(overflow)),
                clock: DefaultClock::default(),
                last_sweep: Mutex::new(Instant::now()),
                capacity,
            }
        });
        Self { limits }
    }

    /// Takes a token for `client` on `survey`; `Err(wait)` when there is none.
    pub fn check(&self, client: ClientKey, survey: &SurveyId) -> Result<(), Duration> {
        let Some(limits) = &self.limits else {
            return Ok(());
        };
        let decision = if limits.has_room() {
            limits.clients.check_key(&(client, survey.clone()))
        } else {
            limits.overflow.check_key(survey)
        };
        decision.map_err(|not_until| not_until.wait_time_from(limits.clock.now()))
    }

    /// How many client buckets are kept (for tests and metrics).
    pub fn len(&self) -> usize {
        self.limits.as_ref().map_or(0, |l| l.clients.len())
    }

    /// Whether no client bucket is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Limits {
    /// Whether a new client may get a bucket of its own, sweeping idle
    /// buckets (those that refilled) out of a full table first.
    fn has_room(&self) -> bool {
        if self.clients.len() < self.capacity {
            return true;
        }
        // One sweep at a time, and not more often than SWEEP_EVERY: an
        // attacker keeping the table full does not make every request scan it.
        if let Ok(mut last) = self.last_sweep.try_lock()
            && last.elapsed() >= SWEEP_EVERY
        {
            self.clients.retain_recent();
            self.clients.shrink_to_fit();
            *last = Instant::now();
        }
        self.clients.len() < self.capacity
    }
}

#[cfg(test)]
mod tests {
    use std::net::{IpAddr, Ipv6Addr};

    use super::*;

    fn survey(id: &str) -> SurveyId {
        SurveyId::parse("", id).unwrap()
    }

    fn client(n: u128) -> ClientKey {
        ClientKey::of(IpAddr::V6(Ipv6Addr::from(n << 64)))
    }

    #[test]
    fn a_burst_beyond_the_limit_waits_and_others_are_unaffected() {
        let limiter = RateLimiter::new(3);
        let s = survey("s");
        for _ in 0..3 {
            assert!(limiter.check(client(1), &s).is_ok());
        }
        let wait = limiter.check(client(1), &s).unwrap_err();
        assert!(
            wait > Duration::from_secs(15) && wait <= Duration::from_secs(20),
            "{wait:?}"
        );
        assert!(limiter.check(client(2), &s).is_ok(), "another client");
        assert!(limiter.check(client(1), &survey("t")).is_ok(), "another survey");
        assert!(RateLimiter::new(0).check(client(1), &s).is_ok());
    }

    #[test]
    fn a_spray_of_clients_keeps_the_table_bounded_and_still_limited() {
        let capacity = 1_000;
        let limiter = RateLimiter::with_capacity(3, capacity);
        let s = survey("s");
        let mut allowed = 0;
        for n in 0..200_000 {
            if limiter.check(client(n), &s).is_ok() {
                allowed += 1;
            }
        }
        assert!(limiter.len() <= capacity, "{} buckets", limiter.len());
        // Each of the first `capacity` clients got one post; the rest shared
        // one bucket of OVERFLOW_FACTOR × 3 (refilling a little meanwhile).
        let shared = 3 * OVERFLOW_FACTOR as usize;
        assert!(
            (capacity + shared..capacity + shared + 30).contains(&allowed),
            "{allowed}"
        );
    }
}
