//! When a failed attempt is tried again: exponential backoff from the first
//! retry's delay, doubling to at most an hour, with jitter (so receivers
//! coming back are not met by every collector at once), never sooner than
//! the receiver's `Retry-After`; past the day of attempts, given up.

use std::time::{Duration, SystemTime};

use rand::Rng;

use crate::store::Outcome;

/// The longest wait between two attempts.
const MAX_DELAY: Duration = Duration::from_secs(3600);

/// How a destination's failed attempts are spaced.
#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    /// The wait before the first retry.
    pub first_retry: Duration,
    /// How long after an event's first attempt it is given up.
    pub give_up_after: Duration,
}

impl Schedule {
    /// What follows a failure of attempt `attempts` (from 1) of a round that
    /// began at `tries_since`, at `now` (both ms since the epoch).
    pub fn after_failure(
        &self,
        attempts: i64,
        tries_since: i64,
        now: i64,
        retry_after: Option<Duration>,
    ) -> Outcome {
        let doublings = u32::try_from(attempts.saturating_sub(1))
            .unwrap_or(u32::MAX)
            .min(20);
        let backoff = self.first_retry.saturating_mul(1 << doublings).min(MAX_DELAY);
        // Half fixed, half random: waits still grow, and spread.
        let jittered = backoff / 2 + backoff.mul_f64(rand::thread_rng().gen_range(0.0..0.5));
        let wait = retry_after.map_or(jittered, |asked| asked.min(MAX_DELAY).max(jittered));
        let at = now.saturating_add(i64::try_from(wait.as_millis()).unwrap_or(i64::MAX));
        let deadline =
            tries_since.saturating_add(i64::try_from(self.give_up_after.as_millis()).unwrap_or(i64::MAX));
        if at > deadline {
            Outcome::Failed
        } else {
            Outcome::RetryAt(at)
        }
    }
}

/// A `Retry-After` header's wait: seconds, or an HTTP date.
pub fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(SystemTime::now()).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEDULE: Schedule = Schedule {
        first_retry: Duration::from_secs(5),
        give_up_after: Duration::from_secs(24 * 3600),
    };

    fn wait(attempts: i64, retry_after: Option<Duration>) -> i64 {
        match SCHEDULE.after_failure(attempts, 0, 1_000, retry_after) {
            Outcome::RetryAt(at) => at - 1_000,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn waits_double_with_jitter_up_to_an_hour() {
        for (attempts, full) in [
            (1, 5_000),
            (2, 10_000),
            (3, 20_000),
            (12, 3_600_000),
            (40, 3_600_000),
        ] {
            for _ in 0..50 {
                let waited = wait(attempts, None);
                assert!(
                    (full / 2..=full).contains(&waited),
                    "attempt {attempts}: {waited} ms"
                );
            }
        }
        let spread: std::collections::HashSet<i64> = (0..20).map(|_| wait(3, None)).collect();
        assert!(spread.len() > 1, "jittered");
    }

    #[test]
    fn retry_after_is_honoured_and_a_day_ends_the_attempts() {
        assert!(wait(1, Some(Duration::from_secs(120))) >= 120_000);
        assert!(wait(1, Some(Duration::from_secs(999_999))) <= 3_600_000, "capped");
        let day = 24 * 3600 * 1000;
        assert_eq!(SCHEDULE.after_failure(30, 0, day - 1_000, None), Outcome::Failed);
        assert_eq!(retry_after(" 30 "), Some(Duration::from_secs(30)));
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO),
            "past"
        );
        assert_eq!(retry_after("soon"), None);
    }
}
