//! When to try a response again, and when to stop: pure rules, so they are
//! tested without a network.

/// An entry older than this is given up (and reported).
pub const GIVE_UP_AFTER_MS: f64 = 7.0 * 24.0 * 60.0 * 60.0 * 1000.0;
/// The first retry waits about this long; each further one twice as long.
const FIRST_DELAY_MS: f64 = 1_000.0;
/// No wait is longer than this (unless the collector asks for longer).
const MAX_DELAY_MS: f64 = 5.0 * 60.0 * 1000.0;

/// What an attempt to send came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Stored (201) or already stored (200).
    Delivered,
    /// Worth trying again: no answer, 408, 429 or 5xx. `retry_after_ms` is
    /// the collector's Retry-After, when it gave one.
    Retry { retry_after_ms: Option<f64> },
    /// Refused for good (any other 4xx): retrying cannot help.
    Rejected { status: u16 },
}

/// Judges an attempt from its HTTP status (`None`: no answer at all) and
/// Retry-After header.
pub fn judge(status: Option<u16>, retry_after: Option<&str>) -> Outcome {
    match status {
        None => Outcome::Retry { retry_after_ms: None },
        Some(200..=299) => Outcome::Delivered,
        Some(408 | 429 | 500..=599) => Outcome::Retry {
            retry_after_ms: retry_after.and_then(retry_after_ms),
        },
        Some(status) => Outcome::Rejected { status },
    }
}

/// A Retry-After in seconds (the collector sends seconds; HTTP dates are
/// treated as absent and fall back to backoff).
fn retry_after_ms(value: &str) -> Option<f64> {
    value.trim().parse::<u32>().ok().map(|s| f64::from(s) * 1000.0)
}

/// How long to wait after the `attempts`-th failed attempt: exponential
/// backoff with jitter (`random` in 0–1 spreads the wait over its upper
/// half, so browsers that failed together do not return together), and
/// never sooner than the collector asked.
pub fn delay_ms(attempts: u32, retry_after_ms: Option<f64>, random: f64) -> f64 {
    let exponent = attempts.saturating_sub(1).min(16);
    let ceiling = (FIRST_DELAY_MS * f64::from(1u32 << exponent)).min(MAX_DELAY_MS);
    let backoff = ceiling * (0.5 + 0.5 * random.clamp(0.0, 1.0));
    retry_after_ms.map_or(backoff, |asked| asked.max(backoff))
}

/// Whether an entry created at `created_ms` is too old to send at `now_ms`.
pub fn expired(created_ms: f64, now_ms: f64) -> bool {
    now_ms - created_ms > GIVE_UP_AFTER_MS
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn success_is_delivery_even_for_a_duplicate() {
        assert_eq!(judge(Some(201), None), Outcome::Delivered);
        assert_eq!(judge(Some(200), None), Outcome::Delivered);
    }

    #[wasm_bindgen_test]
    fn network_errors_timeouts_overload_and_server_errors_are_retried() {
        for status in [None, Some(408), Some(429), Some(500), Some(502), Some(503)] {
            assert!(matches!(judge(status, None), Outcome::Retry { .. }), "{status:?}");
        }
    }

    #[wasm_bindgen_test]
    fn other_client_errors_are_final() {
        for status in [400, 403, 404, 409, 413, 422] {
            assert_eq!(judge(Some(status), None), Outcome::Rejected { status });
        }
    }

    #[wasm_bindgen_test]
    fn retry_after_is_read_in_seconds_and_honoured() {
        assert_eq!(
            judge(Some(429), Some(" 30 ")),
            Outcome::Retry {
                retry_after_ms: Some(30_000.0)
            }
        );
        assert_eq!(
            judge(Some(503), Some("Wed, 21 Oct 2015 07:28:00 GMT")),
            Outcome::Retry { retry_after_ms: None }
        );
        // The collector's wish wins over a shorter backoff...
        assert_eq!(delay_ms(1, Some(30_000.0), 1.0), 30_000.0);
        // ...but never shortens a longer one.
        assert_eq!(delay_ms(10, Some(1_000.0), 1.0), 300_000.0);
    }

    #[wasm_bindgen_test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        assert_eq!(delay_ms(1, None, 1.0), 1_000.0);
        assert_eq!(delay_ms(1, None, 0.0), 500.0);
        assert_eq!(delay_ms(2, None, 1.0), 2_000.0);
        assert_eq!(delay_ms(4, None, 1.0), 8_000.0);
        assert_eq!(delay_ms(40, None, 1.0), MAX_DELAY_MS);
        for random in [0.0, 0.3, 0.99] {
            let wait = delay_ms(3, None, random);
            assert!((2_000.0..=4_000.0).contains(&wait), "{wait}");
        }
    }

    #[wasm_bindgen_test]
    fn entries_give_up_after_seven_days() {
        let day = 24.0 * 3600.0 * 1000.0;
        assert!(!expired(0.0, 7.0 * day));
        assert!(expired(0.0, 7.0 * day + 1.0));
    }
}
