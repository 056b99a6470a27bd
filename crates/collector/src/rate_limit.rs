//! A token bucket per client and survey: a browser posting a burst of
//! responses to one survey is slowed down (429 with Retry-After), other
//! clients and surveys are not. Client keys are never stored or logged.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Most buckets kept; beyond it, idle ones are dropped.
const MAX_BUCKETS: usize = 100_000;

/// Per-(client, survey) limits.
pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<(String, String), Bucket>>,
}

struct Bucket {
    tokens: f64,
    updated: Instant,
}

impl RateLimiter {
    /// `per_minute` requests per client and survey, in bursts of as many;
    /// 0 turns limiting off.
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes a token for `client` on `survey`; `Err(wait)` when there is none.
    pub fn check(&self, client: &str, survey: &str) -> Result<(), Duration> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let rate = f64::from(self.per_minute) / 60.0;
        let capacity = f64::from(self.per_minute);
        let now = Instant::now();
        let Ok(mut buckets) = self.buckets.lock() else {
            return Ok(());
        };
        if buckets.len() >= MAX_BUCKETS {
            // A full bucket that refilled is the same as no bucket.
            buckets.retain(|_, b| now.duration_since(b.updated).as_secs_f64() * rate < capacity);
        }
        let bucket = buckets
            .entry((client.to_owned(), survey.to_owned()))
            .or_insert(Bucket {
                tokens: capacity,
                updated: now,
            });
        bucket.tokens =
            (bucket.tokens + now.duration_since(bucket.updated).as_secs_f64() * rate).min(capacity);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / rate))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_beyond_the_limit_waits_and_others_are_unaffected() {
        let limiter = RateLimiter::new(3);
        for _ in 0..3 {
            assert!(limiter.check("a", "s").is_ok());
        }
        let wait = limiter.check("a", "s").unwrap_err();
        assert!(
            wait > Duration::from_secs(15) && wait <= Duration::from_secs(20),
            "{wait:?}"
        );
        assert!(limiter.check("b", "s").is_ok(), "another client");
        assert!(limiter.check("a", "t").is_ok(), "another survey");
        assert!(RateLimiter::new(0).check("a", "s").is_ok());
    }
}
