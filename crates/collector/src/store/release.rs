//! The released groups public figures are built from (core's `release`),
//! kept in `release_open`, `release_groups` and `release_days`. Planned in
//! Rust from the rows read, as statements the caller runs in its own
//! transaction (the writer's for new responses, the erasure's), so both
//! databases run the same plan.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use candor_core::release::{ClosedGroup, OpenGroup, OpenGroups, Unit};
use candor_core::stats::SurveyStats;
use candor_core::{Survey, ValidResponse};

use super::StoreError;

/// A value bound to a planned statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Bind {
    /// Text (ids, keys, JSON).
    Text(String),
    /// A whole number.
    Int(i64),
}

/// A statement planned here, run by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The SQL, `$n` placeholders.
    pub sql: &'static str,
    /// Its values, in order.
    pub binds: Vec<Bind>,
}

impl Statement {
    /// Runs the statement in `tx`, on either database.
    pub async fn run<DB>(&self, tx: &mut sqlx::Transaction<'_, DB>) -> Result<(), sqlx::Error>
    where
        DB: sqlx::Database,
        for<'e> &'e mut DB::Connection: sqlx::Executor<'e, Database = DB>,
        for<'q> DB::Arguments<'q>: sqlx::IntoArguments<'q, DB>,
        for<'q> String: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
        for<'q> i64: sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    {
        let mut query = sqlx::query::<DB>(self.sql);
        for bind in &self.binds {
            query = match bind {
                Bind::Text(text) => query.bind(text.clone()),
                Bind::Int(n) => query.bind(*n),
            };
        }
        query.execute(&mut **tx).await.map(drop)
    }
}

/// An open group as stored: (survey, unit, seq, n, stats).
pub type OpenRow = (String, String, i64, i64, String);

/// What storing a batch's new responses does to the release.
#[derive(Debug, Default)]
pub struct Receipt {
    /// Per response, in the order given: the groups it joined, as the JSON
    /// stored in `responses.release`.
    pub joined: Vec<String>,
    /// The open groups, released groups and day summaries to write.
    pub statements: Vec<Statement>,
}

const UPSERT_OPEN: &str =
    "INSERT INTO release_open (survey_id, unit, seq, n, stats) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (survey_id, unit) DO UPDATE SET seq = excluded.seq, n = excluded.n, stats = excluded.stats";
const INSERT_GROUP: &str =
    "INSERT INTO release_groups (survey_id, unit, seq, day, stats) VALUES ($1, $2, $3, $4, $5)";
const UPSERT_DAY: &str = "INSERT INTO release_days (survey_id, day, stats) VALUES ($1, $2, $3)
     ON CONFLICT (survey_id, day) DO UPDATE SET stats = excluded.stats";
/// Reads the open groups of the surveys `$1…`.
pub const SELECT_OPEN: &str = "SELECT survey_id, unit, seq, n, stats FROM release_open WHERE survey_id IN";
/// Reads the day summaries of `$1` (a day) for the surveys `$2…`.
pub const SELECT_DAYS: &str =
    "SELECT survey_id, day, stats FROM release_days WHERE day = $1 AND survey_id IN";

/// Parses stored open groups by survey.
fn open_groups(rows: Vec<OpenRow>) -> Result<BTreeMap<String, OpenGroups>, StoreError> {
    let mut open: BTreeMap<String, OpenGroups> = BTreeMap::new();
    for (survey, unit, seq, n, stats) in rows {
        let Some(unit) = Unit::from_key(&unit) else {
            return Err(StoreError::Inconsistent(format!("unknown release unit {unit:?}")));
        };
        let group = OpenGroup {
            seq: seq.unsigned_abs(),
            n: n.unsigned_abs(),
            stats: serde_json::from_str(&stats)?,
        };
        open.entry(survey).or_default().0.insert(unit, group);
    }
    Ok(open)
}

/// Plans the release of `rows` (new responses, in storing order), each
/// received on `day_of` its index, from the stored open groups of their
/// surveys and those surveys' release summaries of the days involved
/// (survey, day, stats).
pub fn receive<'d>(
    open: Vec<OpenRow>,
    days: Vec<(String, String, String)>,
    rows: &[(&Arc<Survey>, &ValidResponse)],
    day_of: impl Fn(usize) -> &'d str,
) -> Result<Receipt, StoreError> {
    let mut open = open_groups(open)?;
    let mut touched: BTreeSet<(String, Unit)> = BTreeSet::new();
    // Released groups by (survey, day).
    let mut released: BTreeMap<(String, String), Vec<ClosedGroup>> = BTreeMap::new();
    let mut receipt = Receipt::default();
    for (index, (survey, response)) in rows.iter().enumerate() {
        let survey_id = response.survey().to_string();
        let size = survey.settings.public_aggregates.minimum_sample.max(1);
        let groups = open.entry(survey_id.clone()).or_default();
        let (joined, closed) = groups.receive(survey, response, size);
        let keyed: BTreeMap<String, u64> = joined.iter().map(|(unit, seq)| (unit.key(), *seq)).collect();
        receipt.joined.push(serde_json::to_string(&keyed)?);
        touched.extend(joined.into_keys().map(|unit| (survey_id.clone(), unit)));
        released
            .entry((survey_id, day_of(index).to_owned()))
            .or_default()
            .extend(closed);
    }
    for (survey_id, unit) in &touched {
        let group = open
            .get(survey_id)
            .and_then(|g| g.0.get(unit))
            .cloned()
            .unwrap_or_default();
        receipt.statements.push(open_row(survey_id, unit, &group)?);
    }
    let mut stored: BTreeMap<(String, String), SurveyStats> = BTreeMap::new();
    for (survey_id, day, stats) in days {
        stored.insert((survey_id, day), serde_json::from_str(&stats)?);
    }
    for ((survey_id, day), groups) in released.into_iter().filter(|(_, groups)| !groups.is_empty()) {
        let merged = stored.entry((survey_id.clone(), day.clone())).or_default();
        for group in &groups {
            merged.merge(&group.stats);
            receipt.statements.push(Statement {
                sql: INSERT_GROUP,
                binds: vec![
                    Bind::Text(survey_id.clone()),
                    Bind::Text(group.unit.key()),
                    Bind::Int(i64::try_from(group.seq).unwrap_or(i64::MAX)),
                    Bind::Text(day.clone()),
                    Bind::Text(serde_json::to_string(&group.stats)?),
                ],
            });
        }
        receipt.statements.push(day_row(&survey_id, &day, merged)?);
    }
    Ok(receipt)
}

fn open_row(survey_id: &str, unit: &Unit, group: &OpenGroup) -> Result<Statement, StoreError> {
    Ok(Statement {
        sql: UPSERT_OPEN,
        binds: vec![
            Bind::Text(survey_id.to_owned()),
            Bind::Text(unit.key()),
            Bind::Int(i64::try_from(group.seq).unwrap_or(i64::MAX)),
            Bind::Int(i64::try_from(group.n).unwrap_or(i64::MAX)),
            Bind::Text(serde_json::to_string(&group.stats)?),
        ],
    })
}

fn day_row(survey_id: &str, day: &str, stats: &SurveyStats) -> Result<Statement, StoreError> {
    Ok(Statement {
        sql: UPSERT_DAY,
        binds: vec![
            Bind::Text(survey_id.to_owned()),
            Bind::Text(day.to_owned()),
            Bind::Text(serde_json::to_string(stats)?),
        ],
    })
}

/// A released group as stored: (survey, unit, seq, day, stats, withdrawn).
pub type GroupRow = (String, String, i64, String, String, i64);

/// Reads one released group: `$1` survey, `$2` unit, `$3` number.
pub const SELECT_GROUP: &str = "SELECT survey_id, unit, seq, day, stats, withdrawn FROM release_groups WHERE survey_id = $1 AND unit = $2 AND seq = $3";
/// Reads one day's release summary: `$1` survey, `$2` day.
pub const SELECT_DAY: &str =
    "SELECT survey_id, day, stats FROM release_days WHERE survey_id = $1 AND day = $2";
const WITHDRAW_GROUP: &str =
    "UPDATE release_groups SET withdrawn = 1, stats = '{}' WHERE survey_id = $1 AND unit = $2 AND seq = $3";

/// An erased response and the groups it joined (its `release` column).
pub struct Erased<'a> {
    /// The version it answered.
    pub survey: &'a Survey,
    /// The response.
    pub response: &'a ValidResponse,
    /// The groups it joined: unit key → number.
    pub joined: BTreeMap<String, u64>,
}

/// The (survey, unit, number) of every group `erased` joined: what to read
/// before planning [`withdraw`].
pub fn groups_of(erased: &[Erased<'_>]) -> Vec<(String, String, i64)> {
    let mut keys = BTreeSet::new();
    for one in erased {
        for (unit, seq) in &one.joined {
            keys.insert((
                one.response.survey().to_string(),
                unit.clone(),
                i64::try_from(*seq).unwrap_or(i64::MAX),
            ));
        }
    }
    keys.into_iter().collect()
}

/// Plans taking `erased` out of the release: out of its units' open
/// groups, or by withdrawing the released groups that hold it (whole, for
/// good), given the open groups of their surveys, those groups as stored
/// (`groups_of`) and the release summaries of those groups' days.
pub fn withdraw(
    open: Vec<OpenRow>,
    groups: Vec<GroupRow>,
    days: Vec<(String, String, String)>,
    erased: &[Erased<'_>],
) -> Result<Vec<Statement>, StoreError> {
    let mut open = open_groups(open)?;
    let groups: BTreeMap<(String, String, u64), (String, SurveyStats, bool)> = groups
        .into_iter()
        .map(|(survey, unit, seq, day, stats, withdrawn)| {
            Ok((
                (survey, unit, seq.unsigned_abs()),
                (day, serde_json::from_str(&stats)?, withdrawn != 0),
            ))
        })
        .collect::<Result<_, StoreError>>()?;
    let mut days: BTreeMap<(String, String), SurveyStats> = days
        .into_iter()
        .map(|(survey, day, stats)| Ok(((survey, day), serde_json::from_str(&stats)?)))
        .collect::<Result<_, StoreError>>()?;
    let mut withdrawn: BTreeSet<(String, String, u64)> = BTreeSet::new();
    let mut touched_open: BTreeSet<(String, Unit)> = BTreeSet::new();
    let mut touched_days: BTreeSet<(String, String)> = BTreeSet::new();
    let mut statements = Vec::new();
    for one in erased {
        let survey_id = one.response.survey().to_string();
        for (unit, part) in candor_core::release::parts(one.survey, one.response) {
            let Some(seq) = one.joined.get(&unit.key()).copied() else {
                continue;
            };
            let key = (survey_id.clone(), unit.key(), seq);
            match groups.get(&key) {
                Some((day, stats, false)) if !withdrawn.contains(&key) => {
                    let summary = days.entry((survey_id.clone(), day.clone())).or_default();
                    summary.subtract(stats);
                    touched_days.insert((survey_id.clone(), day.clone()));
                    statements.push(Statement {
                        sql: WITHDRAW_GROUP,
                        binds: vec![
                            Bind::Text(key.0.clone()),
                            Bind::Text(key.1.clone()),
                            Bind::Int(i64::try_from(seq).unwrap_or(i64::MAX)),
                        ],
                    });
                    withdrawn.insert(key);
                }
                // Withdrawn already, for another of its members.
                Some(_) => {}
                None => {
                    let groups = open.entry(survey_id.clone()).or_default();
                    // Still being filled (anything else was released).
                    if groups.0.get(&unit).is_some_and(|group| group.seq == seq) {
                        groups.withdraw(&unit, &part);
                        touched_open.insert((survey_id.clone(), unit));
                    }
                }
            }
        }
    }
    for (survey_id, unit) in &touched_open {
        let group = open
            .get(survey_id)
            .and_then(|g| g.0.get(unit))
            .cloned()
            .unwrap_or_default();
        statements.push(open_row(survey_id, unit, &group)?);
    }
    for (survey_id, day) in &touched_days {
        let stats = days
            .get(&(survey_id.clone(), day.clone()))
            .cloned()
            .unwrap_or_default();
        statements.push(day_row(survey_id, day, &stats)?);
    }
    Ok(statements)
}

/// `IN ($first, …)` for `count` values.
pub fn placeholders(first: usize, count: usize) -> String {
    let list: Vec<String> = (first..first + count).map(|n| format!("${n}")).collect();
    format!("({})", list.join(", "))
}

#[cfg(test)]
mod tests {
    use candor_core::{ResponseSubmission, templates};

    use super::*;

    fn response(n: u32, rating: u8) -> ValidResponse {
        let body = serde_json::json!({"id": format!("00000000-0000-4000-8000-{n:012}"), "survey_version": 1, "answers": {"satisfaction": rating}});
        templates::checkout()
            .validate(ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap())
            .unwrap()
    }

    #[test]
    fn filling_a_group_plans_its_release_and_the_day_summary() {
        let mut survey = templates::checkout();
        survey.settings.public_aggregates.minimum_sample = 2;
        let survey = Arc::new(survey);
        let responses = [response(1, 5), response(2, 4), response(3, 3)];
        let rows: Vec<_> = responses.iter().map(|r| (&survey, r)).collect();
        let receipt = receive(Vec::new(), Vec::new(), &rows, |_| "2026-12-01").unwrap();
        assert_eq!(receipt.joined[0], r#"{"question:satisfaction":0,"responses":0}"#);
        assert_eq!(receipt.joined[2], r#"{"question:satisfaction":1,"responses":1}"#);
        let groups = receipt
            .statements
            .iter()
            .filter(|s| s.sql == INSERT_GROUP)
            .count();
        assert_eq!(groups, 2, "one group per unit released");
        let day = receipt.statements.iter().find(|s| s.sql == UPSERT_DAY).unwrap();
        let Bind::Text(stats) = &day.binds[2] else {
            panic!()
        };
        assert!(stats.contains(r#""responses":2"#), "{stats}");
        let open: Vec<_> = receipt
            .statements
            .iter()
            .filter(|s| s.sql == UPSERT_OPEN)
            .collect();
        assert_eq!(open.len(), 2);
        assert_eq!(
            open[0].binds[2..4],
            [Bind::Int(1), Bind::Int(1)],
            "the third waits in group 1"
        );
    }
}
