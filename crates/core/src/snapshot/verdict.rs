//! What a dimension's mean gap says in words: exceeded, met or fell short
//! of expectations.

/// Mean gaps within this distance of zero read as "met": a quarter of a
/// scale point is less than respondents can mean by one step.
pub const MET_WITHIN: f64 = 0.25;

/// A dimension's verdict, from its mean gap (experience − expectation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Experience above expectation by more than [`MET_WITHIN`].
    Exceeded,
    /// Within [`MET_WITHIN`] of expectation.
    Met,
    /// Experience below expectation by more than [`MET_WITHIN`].
    FellShort,
}

impl Verdict {
    /// The verdict on `mean_gap`.
    pub fn of(mean_gap: f64) -> Self {
        if mean_gap > MET_WITHIN {
            Self::Exceeded
        } else if mean_gap < -MET_WITHIN {
            Self::FellShort
        } else {
            Self::Met
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quarter_point_either_way_is_met() {
        assert_eq!(Verdict::of(0.25), Verdict::Met);
        assert_eq!(Verdict::of(-0.25), Verdict::Met);
        assert_eq!(Verdict::of(0.26), Verdict::Exceeded);
        assert_eq!(Verdict::of(-1.2), Verdict::FellShort);
    }
}
