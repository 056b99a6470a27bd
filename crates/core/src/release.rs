//! Public figures are released in groups, so that no combination of them
//! reveals fewer than the minimum sample of answers.
//!
//! The rule of a minimum sample per figure is not enough on its own: two
//! public answers can be subtracted (consecutive stream events, the 30-day
//! window less the 7-day one, today's window less yesterday's), and the
//! difference may be one respondent. So every count a public figure rests
//! on is kept in *units* (the responses; each question; each dimension of a
//! gap question) and each unit's answers are gathered, in arrival order,
//! into groups of `size` (the survey's minimum sample). A group is released
//! whole, on the day it fills; public figures are built from released groups
//! only. Whatever an observer combines (any windows, at any times), what
//! they can learn is at most each released group's aggregate, never less
//! than `size` answers to a question together, and every published count
//! moves in whole groups. Owners' figures stay exact (they are built from
//! the daily summaries).
//!
//! Erasing an answer withdraws the released group that holds it from the
//! public figures, whole (they showed it only as a whole), and its other
//! members are never released again: shown with other companions, they
//! would let the old group's aggregate and the new one's be subtracted to
//! reveal the erased answer. They stay in the owner's figures.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::stats::{QuestionStats, SurveyStats};
use crate::{Day, QuestionId, Snapshot, Survey, ValidResponse, Window};

/// What one group counts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// Responses as such (the `responses` count).
    Responses,
    /// Answers to one question (not a gap question's).
    Question(QuestionId),
    /// Answers to one dimension of a gap question, or to one statement of
    /// a Likert question.
    Dimension(QuestionId, QuestionId),
}

impl Unit {
    /// The unit's key, as stored: `responses`, `question:<id>`,
    /// `dimension:<question>:<dimension>`.
    pub fn key(&self) -> String {
        match self {
            Self::Responses => "responses".to_owned(),
            Self::Question(id) => format!("question:{id}"),
            Self::Dimension(question, dimension) => format!("dimension:{question}:{dimension}"),
        }
    }

    /// The unit a key names.
    pub fn from_key(key: &str) -> Option<Self> {
        let id = |raw: &str| QuestionId::parse("unit", raw).ok();
        match key.split(':').collect::<Vec<_>>().as_slice() {
            ["responses"] => Some(Self::Responses),
            ["question", question] => Some(Self::Question(id(question)?)),
            ["dimension", question, dimension] => Some(Self::Dimension(id(question)?, id(dimension)?)),
            _ => None,
        }
    }
}

/// What `response` adds to each unit, in unit order: together, the part of
/// its summary public figures can show (free text and contact requests are
/// never shown, so they are in no unit).
pub fn parts(survey: &Survey, response: &ValidResponse) -> Vec<(Unit, SurveyStats)> {
    let mut whole = SurveyStats::default();
    whole.add(survey, response);
    let mut parts = vec![(
        Unit::Responses,
        SurveyStats {
            responses: 1,
            questions: BTreeMap::new(),
        },
    )];
    for (id, stats) in whole.questions {
        let only = |stats: QuestionStats| SurveyStats {
            responses: 0,
            questions: BTreeMap::from([(id.clone(), stats)]),
        };
        match stats {
            QuestionStats::Count { .. } => {}
            QuestionStats::Gap { dimensions } => {
                for (dimension, pair) in dimensions {
                    let unit = Unit::Dimension(id.clone(), dimension.clone());
                    let stats = QuestionStats::Gap {
                        dimensions: BTreeMap::from([(dimension, pair)]),
                    };
                    parts.push((unit, only(stats)));
                }
            }
            QuestionStats::Agreement { statements } => {
                for (statement, counts) in statements {
                    let unit = Unit::Dimension(id.clone(), statement.clone());
                    let stats = QuestionStats::Agreement {
                        statements: BTreeMap::from([(statement, counts)]),
                    };
                    parts.push((unit, only(stats)));
                }
            }
            stats @ (QuestionStats::Rating { .. }
            | QuestionStats::YesNo { .. }
            | QuestionStats::Choice { .. }
            | QuestionStats::Selections { .. }) => {
                parts.push((Unit::Question(id.clone()), only(stats)));
            }
        }
    }
    parts
}

/// A unit's group being filled.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenGroup {
    /// Its number within the unit: 0, 1, 2… in the order they fill.
    pub seq: u64,
    /// Answers in it.
    pub n: u64,
    /// Their summary.
    pub stats: SurveyStats,
}

/// A group released whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosedGroup {
    /// The unit.
    pub unit: Unit,
    /// Its number within the unit.
    pub seq: u64,
    /// Answers in it (at least the size it was filled to).
    pub n: u64,
    /// Their summary.
    pub stats: SurveyStats,
}

/// The open group of every unit of one survey.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenGroups(pub BTreeMap<Unit, OpenGroup>);

impl OpenGroups {
    /// Adds `response`'s parts to their units' open groups, releasing every
    /// group that reaches `size`. Returns the group each unit's answer
    /// joined (by number) and the groups released.
    pub fn receive(
        &mut self,
        survey: &Survey,
        response: &ValidResponse,
        size: u32,
    ) -> (BTreeMap<Unit, u64>, Vec<ClosedGroup>) {
        let mut joined = BTreeMap::new();
        let mut released = Vec::new();
        for (unit, part) in parts(survey, response) {
            let open = self.0.entry(unit.clone()).or_default();
            joined.insert(unit.clone(), open.seq);
            open.n += 1;
            open.stats.merge(&part);
            released.extend(release_if_full(&unit, open, size));
        }
        (joined, released)
    }

    /// Takes an erased answer's `part` out of `unit`'s open group.
    pub fn withdraw(&mut self, unit: &Unit, part: &SurveyStats) {
        if let Some(open) = self.0.get_mut(unit) {
            open.n = open.n.saturating_sub(1);
            open.stats.subtract(part);
        }
    }
}

fn release_if_full(unit: &Unit, open: &mut OpenGroup, size: u32) -> Option<ClosedGroup> {
    if open.n < u64::from(size.max(1)) {
        return None;
    }
    let closed = ClosedGroup {
        unit: unit.clone(),
        seq: open.seq,
        n: open.n,
        stats: std::mem::take(&mut open.stats),
    };
    *open = OpenGroup {
        seq: open.seq + 1,
        ..OpenGroup::default()
    };
    Some(closed)
}

/// A whole survey's release in memory: open groups, released groups and
/// the day each was released, and the groups withdrawn for an erasure. The
/// collector keeps the same in its database; this is the model its tests
/// and the property tests check.
#[derive(Debug, Clone, Default)]
pub struct Release {
    /// The open groups.
    pub open: OpenGroups,
    /// Released groups and their day, by unit and number.
    pub released: BTreeMap<(Unit, u64), (Day, ClosedGroup)>,
    /// Released groups withdrawn because they held an erased answer.
    pub withdrawn: BTreeSet<(Unit, u64)>,
}

impl Release {
    /// Takes in `response`, received on `day`; the group each unit's answer
    /// joined.
    pub fn receive(
        &mut self,
        survey: &Survey,
        response: &ValidResponse,
        day: Day,
        size: u32,
    ) -> BTreeMap<Unit, u64> {
        let (joined, released) = self.open.receive(survey, response, size);
        for group in released {
            self.released
                .insert((group.unit.clone(), group.seq), (day, group));
        }
        joined
    }

    /// Takes out `response` (which joined the groups `joined` when it was
    /// received): from its open group, or by withdrawing its released group.
    pub fn erase(&mut self, survey: &Survey, response: &ValidResponse, joined: &BTreeMap<Unit, u64>) {
        for (unit, part) in parts(survey, response) {
            let Some(seq) = joined.get(&unit).copied() else {
                continue;
            };
            let key = (unit, seq);
            if self.released.remove(&key).is_some() {
                self.withdrawn.insert(key);
            } else if !self.withdrawn.contains(&key) {
                self.open.withdraw(&key.0, &part);
            }
        }
    }

    /// The public snapshot of `survey` over `window` ending `today`, as the
    /// collector builds it: from the released groups of the window's days,
    /// compared with those of the window before.
    pub fn snapshot(&self, survey: &Survey, window: Window, today: Day) -> Snapshot {
        let days = self.days();
        let first = window.first_day(today);
        let within: Vec<(Day, SurveyStats)> = days
            .iter()
            .filter(|(day, _)| first.is_none_or(|first| *day >= first) && *day <= today)
            .cloned()
            .collect();
        let previous = window.previous(today).map(|(from, to)| {
            let mut merged = SurveyStats::default();
            for (_, stats) in days.iter().filter(|(day, _)| *day >= from && *day <= to) {
                merged.merge(stats);
            }
            merged
        });
        Snapshot::build(survey, window, &within, previous.as_ref())
    }

    /// The released groups merged per day, oldest first: what public
    /// snapshots are built from.
    pub fn days(&self) -> Vec<(Day, SurveyStats)> {
        let mut days: BTreeMap<Day, SurveyStats> = BTreeMap::new();
        for (day, group) in self.released.values() {
            days.entry(*day).or_default().merge(&group.stats);
        }
        days.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ResponseSubmission, templates};

    fn response(n: u32, answers: serde_json::Value) -> ValidResponse {
        let body = serde_json::json!({"id": format!("00000000-0000-4000-8000-{n:012}"), "survey_version": 1, "answers": answers});
        let submission = ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap();
        templates::after_support().validate(submission).unwrap()
    }

    #[test]
    fn units_round_trip_and_free_text_is_in_none() {
        let survey = templates::after_support();
        let units: Vec<Unit> = parts(
            &survey,
            &response(1, serde_json::json!({"satisfaction": 4, "comment": "secret"})),
        )
        .into_iter()
        .map(|(unit, _)| unit)
        .collect();
        assert_eq!(
            units,
            [
                Unit::Responses,
                Unit::Question(QuestionId::parse("", "satisfaction").unwrap())
            ]
        );
        for unit in units {
            assert_eq!(Unit::from_key(&unit.key()), Some(unit));
        }
        let gap = Unit::Dimension(
            QuestionId::parse("", "quality").unwrap(),
            QuestionId::parse("", "courtesy").unwrap(),
        );
        assert_eq!(gap.key(), "dimension:quality:courtesy");
        assert_eq!(Unit::from_key(&gap.key()), Some(gap));
        assert_eq!(Unit::from_key("question:Bad Id"), None);
    }

    #[test]
    fn a_group_is_released_when_it_fills_and_optional_answers_fill_their_own() {
        let survey = templates::after_support();
        let mut release = Release::default();
        let day = Day::from_days_since_epoch(20_000);
        for n in 0..3 {
            release.receive(
                &survey,
                &response(n, serde_json::json!({"satisfaction": 5})),
                day,
                3,
            );
        }
        release.receive(
            &survey,
            &response(3, serde_json::json!({"satisfaction": 1, "recommend": 0})),
            day,
            3,
        );
        let days = release.days();
        assert_eq!(days.len(), 1);
        let (_, stats) = &days[0];
        assert_eq!(stats.responses, 3, "one group of three responses");
        assert!(
            !stats
                .questions
                .contains_key(&QuestionId::parse("", "recommend").unwrap()),
            "one NPS answer is not a group"
        );
        let satisfaction = &stats.questions[&QuestionId::parse("", "satisfaction").unwrap()];
        assert_eq!(
            satisfaction,
            &QuestionStats::Rating {
                min: 1,
                counts: vec![0, 0, 0, 0, 3]
            },
            "the fourth waits"
        );
    }

    #[test]
    fn erasing_a_released_answer_withdraws_its_whole_group_for_good() {
        let survey = templates::after_support();
        let mut release = Release::default();
        let day = Day::from_days_since_epoch(20_000);
        let responses: Vec<ValidResponse> = (0..8)
            .map(|n| response(n, serde_json::json!({"satisfaction": 1 + (n % 5) as u8})))
            .collect();
        let joined: Vec<_> = responses
            .iter()
            .map(|r| release.receive(&survey, r, day, 3))
            .collect();
        assert_eq!(release.days()[0].1.responses, 6, "two groups of three; two wait");
        release.erase(&survey, &responses[1], &joined[1]);
        assert_eq!(release.days()[0].1.responses, 3, "its group is gone whole");
        // Another member of the withdrawn group: nothing more changes.
        release.erase(&survey, &responses[0], &joined[0]);
        assert_eq!(release.days()[0].1.responses, 3);
        // One that waits: it leaves the open group.
        release.erase(&survey, &responses[7], &joined[7]);
        assert_eq!(release.open.0[&Unit::Responses].n, 1);
        release.receive(
            &survey,
            &response(9, serde_json::json!({"satisfaction": 4})),
            day,
            3,
        );
        release.receive(
            &survey,
            &response(10, serde_json::json!({"satisfaction": 4})),
            day,
            3,
        );
        let days = release.days();
        assert_eq!(
            days[0].1.responses, 6,
            "the next group holds no one from the withdrawn one"
        );
        let satisfaction = &days[0].1.questions[&QuestionId::parse("", "satisfaction").unwrap()];
        // Responses 3, 4, 5 (ratings 4, 5, 1) and 6, 9, 10 (2, 4, 4).
        assert_eq!(
            satisfaction,
            &QuestionStats::Rating {
                min: 1,
                counts: vec![1, 1, 0, 3, 1]
            }
        );
    }
}
