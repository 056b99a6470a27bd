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
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, Quota};

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
    clients: Bounded<(ClientKey, SurveyId)>,
    overflow: DefaultKeyedRateLimiter<SurveyId>,
    clock: DefaultClock,
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
                clients: Bounded::new(Quota::per_minute(rate), capacity),
                overflow: governor::RateLimiter::keyed(Quota::per_minute(overflow)),
                clock: DefaultClock::default(),
            }
        });
        Self { limits }
    }

    /// Takes a token for `client` on `survey`; `Err(wait)` when there is none.
    pub fn check(&self, client: ClientKey, survey: &SurveyId) -> Result<(), Duration> {
        let Some(limits) = &self.limits else {
            return Ok(());
        };
        let decision = if limits.clients.has_room() {
            limits.clients.limiter.check_key(&(client, survey.clone()))
        } else {
            limits.overflow.check_key(survey)
        };
        decision.map_err(|not_until| not_until.wait_time_from(limits.clock.now()))
    }

    /// How many client buckets are kept (for tests and metrics).
    pub fn len(&self) -> usize {
        self.limits.as_ref().map_or(0, |l| l.clients.limiter.len())
    }

    /// Whether no client bucket is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Failed admin attempts: a few a minute per client, then 429 (the token
/// has at least 32 characters, so this is for the log's sake and weak
/// tokens elsewhere, not the only defence).
pub struct FailedAttempts {
    clients: Bounded<ClientKey>,
    overflow: DefaultDirectRateLimiter,
    clock: DefaultClock,
}

/// Failed attempts allowed per client and minute.
pub const FAILED_ATTEMPTS_PER_MINUTE: u32 = 5;

impl Default for FailedAttempts {
    fn default() -> Self {
        let rate = NonZeroU32::new(FAILED_ATTEMPTS_PER_MINUTE).unwrap_or(NonZeroU32::MIN);
        let overflow = NonZeroU32::new(FAILED_ATTEMPTS_PER_MINUTE * OVERFLOW_FACTOR).unwrap_or(rate);
        Self {
            clients: Bounded::new(Quota::per_minute(rate), MAX_CLIENTS),
            overflow: governor::RateLimiter::direct(Quota::per_minute(overflow)),
            clock: DefaultClock::default(),
        }
    }
}

impl FailedAttempts {
    /// Counts a failed attempt from `client`; `Err(wait)` once it has failed
    /// too often.
    pub fn failed(&self, client: ClientKey) -> Result<(), Duration> {
        let decision = if self.clients.has_room() {
            self.clients.limiter.check_key(&client)
        } else {
            self.overflow.check()
        };
        decision.map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }
}

/// A keyed limiter holding at most `capacity` keys: past it, swept of idle
/// keys (those that refilled) at most once a second.
struct Bounded<K: std::hash::Hash + Eq + Clone> {
    limiter: DefaultKeyedRateLimiter<K>,
    capacity: usize,
    last_sweep: Mutex<Instant>,
}

impl<K: std::hash::Hash + Eq + Clone> Bounded<K> {
    fn new(quota: Quota, capacity: usize) -> Self {
        Self {
            limiter: governor::RateLimiter::keyed(quota),
            capacity,
            last_sweep: Mutex::new(Instant::now()),
        }
    }

    /// Whether a new key may get a bucket of its own, sweeping a full table
    /// first: an attacker keeping it full does not make every request scan it.
    fn has_room(&self) -> bool {
        if self.limiter.len() < self.capacity {
            return true;
        }
        if let Ok(mut last) = self.last_sweep.try_lock()
            && last.elapsed() >= SWEEP_EVERY
        {
            self.limiter.retain_recent();
            self.limiter.shrink_to_fit();
            *last = Instant::now();
        }
        self.limiter.len() < self.capacity
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
    fn a_few_failed_attempts_then_a_wait() {
        let failures = FailedAttempts::default();
        for _ in 0..FAILED_ATTEMPTS_PER_MINUTE {
            assert!(failures.failed(client(1)).is_ok());
        }
        assert!(failures.failed(client(1)).unwrap_err() > Duration::from_secs(5));
        assert!(failures.failed(client(2)).is_ok(), "another client");
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
