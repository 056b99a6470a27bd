//! Count, mean and variance from integer sums, exactly until the last
//! division, so every split of the same values gives the same figures.

/// n, Σx and Σx² of a set of integer values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moments {
    /// How many values.
    pub n: u64,
    /// Σx.
    pub sum: i128,
    /// Σx².
    pub sum_sq: i128,
}

impl Moments {
    /// From (value, count) pairs.
    pub fn from_counts(counts: impl IntoIterator<Item = (i64, u64)>) -> Self {
        counts
            .into_iter()
            .fold(Self::default(), |m, (value, count)| Self {
                n: m.n + count,
                sum: m.sum + i128::from(value) * i128::from(count),
                sum_sq: m.sum_sq + i128::from(value) * i128::from(value) * i128::from(count),
            })
    }

    /// The mean; `None` without values.
    pub fn mean(self) -> Option<f64> {
        (self.n > 0).then(|| self.sum as f64 / self.n as f64)
    }

    /// The sample variance (n − 1 denominator); `None` below two values.
    pub fn variance(self) -> Option<f64> {
        if self.n < 2 {
            return None;
        }
        let n = i128::from(self.n);
        // n·Σx² − (Σx)² is exact in integers and never negative.
        let numerator = n * self.sum_sq - self.sum * self.sum;
        Some(numerator as f64 / (n * (n - 1)) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_sample_variance() {
        let m = Moments::from_counts([(1, 1), (2, 1), (3, 1), (4, 1)]);
        assert_eq!(m.mean(), Some(2.5));
        assert!((m.variance().unwrap() - 5.0 / 3.0).abs() < 1e-15);
        assert_eq!(Moments::from_counts([(5, 1)]).variance(), None);
        assert_eq!(Moments::from_counts([(5, 3)]).variance(), Some(0.0));
    }
}
