//! Confidence intervals (95%).

use super::special::t_quantile;

/// z for a two-sided 95% interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Wilson score 95% interval for `k` successes in `n` trials, as (low, high).
/// Unlike the normal approximation it stays inside [0, 1] and behaves at
/// small n and at shares near 0 or 1.
pub fn wilson(k: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let n = n as f64;
    let p = k as f64 / n;
    let z2 = Z95 * Z95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// Student-t 95% interval for a mean from `n` values with sample variance
/// `variance`; `None` below two values.
pub fn t_interval(mean: f64, variance: f64, n: u64) -> Option<(f64, f64)> {
    if n < 2 {
        return None;
    }
    let half = t_quantile(0.975, (n - 1) as f64) * (variance / n as f64).sqrt();
    Some((mean - half, mean + half))
}

/// NPS 95% interval from promoter and detractor counts out of `n`:
/// score ± z·100·√((p + d − (p − d)²)/n), clamped to [−100, 100].
pub fn nps_interval(promoters: u64, detractors: u64, n: u64) -> (f64, f64) {
    if n == 0 {
        return (-100.0, 100.0);
    }
    let n = n as f64;
    let (p, d) = (promoters as f64 / n, detractors as f64 / n);
    let score = 100.0 * (p - d);
    let se = 100.0 * ((p + d - (p - d) * (p - d)).max(0.0) / n).sqrt();
    ((score - Z95 * se).max(-100.0), (score + Z95 * se).min(100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_a_published_value() {
        // 81 of 263: R's prop.test without continuity correction gives
        // 0.2553 to 0.3662.
        let (low, high) = wilson(81, 263);
        assert!((low - 0.2553).abs() < 5e-4, "{low}");
        assert!((high - 0.3662).abs() < 5e-4, "{high}");
    }

    #[test]
    fn wilson_stays_inside_zero_one() {
        let (low, high) = wilson(10, 10);
        assert!(
            low > 0.69 && low < 0.73 && (high - 1.0).abs() < 1e-12,
            "{low} {high}"
        );
        assert_eq!(wilson(0, 0), (0.0, 1.0));
    }

    #[test]
    fn nps_interval_is_symmetric_and_clamped() {
        let (low, high) = nps_interval(50, 20, 100);
        assert!(((low + high) / 2.0 - 30.0).abs() < 1e-12);
        assert_eq!(nps_interval(10, 0, 10), (100.0, 100.0));
    }
}
