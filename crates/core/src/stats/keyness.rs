//! Which words are over-represented in one group of texts against another
//! (low-rated comments against high-rated ones): the log-odds ratio with an
//! informative Dirichlet prior (Monroe, Colaresi and Quinn, "Fightin'
//! Words", 2008), as a z-score. The prior shrinks rare words, so a word
//! seen twice does not outrank one seen forty times.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The prior's total pseudo-count, as a share of all words counted; spread
/// over words by their pooled frequency.
const PRIOR_SHARE: f64 = 0.1;

/// One word's counts in both groups and its z-score (positive: more typical
/// of the first group).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyness {
    pub word: String,
    pub first: u64,
    pub second: u64,
    pub z: f64,
}

/// Every word of `first` ∪ `second` with its z-score, highest first (ties
/// by word, so the order is stable).
pub fn keyness(first: &BTreeMap<String, u64>, second: &BTreeMap<String, u64>) -> Vec<Keyness> {
    let n1: u64 = first.values().sum();
    let n2: u64 = second.values().sum();
    let total = (n1 + n2) as f64;
    if total == 0.0 {
        return Vec::new();
    }
    let prior = (PRIOR_SHARE * total).max(1.0);
    let words: std::collections::BTreeSet<&String> = first.keys().chain(second.keys()).collect();
    let mut scored: Vec<Keyness> = words
        .into_iter()
        .map(|word| {
            let y1 = first.get(word).copied().unwrap_or(0);
            let y2 = second.get(word).copied().unwrap_or(0);
            let alpha = prior * (y1 + y2) as f64 / total;
            let log_odds = |y: u64, n: u64| {
                let y = y as f64 + alpha;
                (y / (n as f64 + prior - y)).ln()
            };
            let delta = log_odds(y1, n1) - log_odds(y2, n2);
            let variance = 1.0 / (y1 as f64 + alpha) + 1.0 / (y2 as f64 + alpha);
            Keyness {
                word: word.clone(),
                first: y1,
                second: y2,
                z: delta / variance.sqrt(),
            }
        })
        .collect();
    scored.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.word.cmp(&b.word)));
    scored
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
        pairs.iter().map(|(w, n)| ((*w).to_owned(), *n)).collect()
    }

    #[test]
    fn a_word_of_one_group_outranks_words_shared_evenly() {
        let low = counts(&[("late", 8), ("the", 20), ("box", 3)]);
        let high = counts(&[("the", 21), ("box", 3), ("friendly", 8)]);
        let ranked = keyness(&low, &high);
        assert_eq!(ranked[0].word, "late");
        assert!(ranked[0].z > 1.96, "{}", ranked[0].z);
        let the = ranked.iter().find(|k| k.word == "the").unwrap();
        assert!(the.z.abs() < 1.0, "{}", the.z);
        assert_eq!(ranked.last().unwrap().word, "friendly");
        assert!(ranked.last().unwrap().z < -1.96);
    }

    #[test]
    fn swapping_the_groups_negates_every_score() {
        let a = counts(&[("slow", 5), ("rude", 2), ("ok", 4)]);
        let b = counts(&[("ok", 9), ("fast", 7)]);
        let forward = keyness(&a, &b);
        let backward = keyness(&b, &a);
        for k in &forward {
            let other = backward.iter().find(|o| o.word == k.word).unwrap();
            assert!((k.z + other.z).abs() < 1e-12, "{}", k.word);
        }
    }

    #[test]
    fn the_prior_ranks_a_frequent_word_above_a_rare_one() {
        let low = counts(&[("late", 40), ("dent", 2), ("x", 100)]);
        let high = counts(&[("x", 140)]);
        let ranked = keyness(&low, &high);
        assert_eq!(
            (ranked[0].word.as_str(), ranked[1].word.as_str()),
            ("late", "dent")
        );
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(keyness(&BTreeMap::new(), &BTreeMap::new()).is_empty());
    }
}
