//! Is a change between two windows real? Two-proportion z-tests for shares,
//! Welch's t-tests for means; p < 0.05 is flagged.

use serde::{Deserialize, Serialize};

use super::Moments;
use super::special::{normal_two_sided_p, t_two_sided_p};

/// Which test produced a p-value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// Pooled two-proportion z-test.
    TwoProportionZ,
    /// Welch's unequal-variance t-test.
    WelchT,
}

/// A metric in the previous and the current window, and whether it moved.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The value in the earlier window.
    pub previous: f64,
    /// The value in the current window.
    pub current: f64,
    /// Two-sided p-value of the difference.
    pub p_value: f64,
    /// p < 0.05.
    pub significant: bool,
    /// The test used.
    pub test: Test,
}

impl Comparison {
    fn new(previous: f64, current: f64, p_value: f64, test: Test) -> Self {
        Self {
            previous,
            current,
            p_value,
            significant: p_value < 0.05,
            test,
        }
    }
}

/// Pooled two-proportion z-test of `k1/n1` (previous) against `k2/n2`
/// (current). `None` when either window is empty.
pub fn two_proportion_z(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<Comparison> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (p1, p2) = (k1 as f64 / n1 as f64, k2 as f64 / n2 as f64);
    let pooled = (k1 + k2) as f64 / (n1 + n2) as f64;
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 as f64 + 1.0 / n2 as f64)).sqrt();
    // With every answer identical in both windows there is no variation and
    // the shares are equal: nothing changed.
    let p_value = if se == 0.0 {
        1.0
    } else {
        normal_two_sided_p((p2 - p1) / se)
    };
    Some(Comparison::new(p1, p2, p_value, Test::TwoProportionZ))
}

/// Welch's t-test of the previous window's mean against the current one's.
/// `None` below two values in either window.
pub fn welch_t(previous: Moments, current: Moments) -> Option<Comparison> {
    let (m1, v1, m2, v2) = (
        previous.mean()?,
        previous.variance()?,
        current.mean()?,
        current.variance()?,
    );
    let (a, b) = (v1 / previous.n as f64, v2 / current.n as f64);
    let se2 = a + b;
    let p_value = if se2 == 0.0 {
        // Both windows constant: the means either match or differ for sure.
        if m1 == m2 { 1.0 } else { 0.0 }
    } else {
        let t = (m2 - m1) / se2.sqrt();
        let df = se2 * se2 / (a * a / (previous.n - 1) as f64 + b * b / (current.n - 1) as f64);
        t_two_sided_p(t, df)
    };
    Some(Comparison::new(m1, m2, p_value, Test::WelchT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_shares_are_not_significant() {
        let c = two_proportion_z(40, 100, 40, 100).unwrap();
        assert!((c.p_value - 1.0).abs() < 1e-12 && !c.significant);
        assert!(two_proportion_z(1, 0, 1, 1).is_none());
    }

    #[test]
    fn large_shifts_are_significant() {
        let c = two_proportion_z(30, 100, 60, 100).unwrap();
        assert!(c.significant && c.p_value < 1e-4, "{c:?}");
        let before = Moments::from_counts([(3, 50), (4, 50)]);
        let after = Moments::from_counts([(4, 50), (5, 50)]);
        let w = welch_t(before, after).unwrap();
        assert!(w.significant && w.current > w.previous);
    }
}
