//! Daily summaries of one segment of a survey's responses (a locale, a page,
//! context values). The stored summaries do not split that way, so these are
//! built from the responses themselves, each checked again against the
//! version it answered: the same `SurveyStats::add` as on receipt, so a
//! segment's figures are computed exactly as the whole survey's are.

use std::collections::{BTreeMap, HashMap};

use candor_core::stats::SurveyStats;
use candor_core::{Day, ResponseId, ResponseSubmission, Segment, Survey, SurveyId, ValidResponse};
use futures_util::TryStreamExt;

use super::listing::matching;
use super::{Figures, ResponseFilter, Store, StoreError, on_pool};

/// What figures need of a response: its version, its day, its answers.
type Row = (i64, String, String);

impl Store {
    /// The daily summaries of the responses of `survey` in `segment` from
    /// `first` to `last` (inclusive; open ends when `None`), oldest first:
    /// the finished ones', and with [`Figures::OwnerWithPartial`] also the
    /// partial ones'. One pass over the matching rows, streamed.
    pub async fn segment_days(
        &self,
        figures: Figures,
        survey: &SurveyId,
        segment: &Segment,
        first: Option<Day>,
        last: Option<Day>,
    ) -> Result<Vec<(Day, SurveyStats)>, StoreError> {
        let versions = self.versions(survey).await?;
        let filter = ResponseFilter {
            from: first.map(|d| d.to_string()),
            until: last.map(|d| d.plus(1).to_string()),
            segment: segment.clone(),
        };
        let (conditions, binds) = matching(&self.backend, survey.as_str(), &filter, None);
        let sql = format!(
            "SELECT survey_version, substr(received_at, 1, 10), answers FROM responses WHERE {conditions}"
        );
        let mut days: BTreeMap<String, SurveyStats> = BTreeMap::new();
        on_pool!(self.backend, |pool| {
            let mut query = sqlx::query_as::<_, Row>(&sql);
            for value in &binds {
                query = query.bind(value);
            }
            let mut rows = query.fetch(pool);
            while let Some((version, day, answers)) = rows.try_next().await? {
                let Some(definition) = u32::try_from(version).ok().and_then(|v| versions.get(&v)) else {
                    continue;
                };
                let Some(valid) = revalidated(definition, &answers) else {
                    continue;
                };
                days.entry(day).or_default().add(definition, &valid);
            }
        });
        if figures == Figures::OwnerWithPartial {
            // A partial save keeps its own contribution: summed as kept,
            // on the day it was started (its first save's).
            let sql = format!("SELECT day, stats FROM partial_responses WHERE {conditions}");
            on_pool!(self.backend, |pool| {
                let mut query = sqlx::query_as::<_, (String, String)>(&sql);
                for value in &binds {
                    query = query.bind(value);
                }
                let mut rows = query.fetch(pool);
                while let Some((day, stats)) = rows.try_next().await? {
                    let stats: SurveyStats = serde_json::from_str(&stats)?;
                    days.entry(day).or_default().merge(&stats);
                }
            });
        }
        days.into_iter()
            .map(|(day, stats)| {
                let day = Day::parse("day", &day).map_err(|e| StoreError::CorruptDay(e.to_string()))?;
                Ok((day, stats))
            })
            .collect()
    }

    /// The merged summary of the segment from `first` to `last`.
    pub async fn segment_merged(
        &self,
        figures: Figures,
        survey: &SurveyId,
        segment: &Segment,
        first: Option<Day>,
        last: Option<Day>,
    ) -> Result<SurveyStats, StoreError> {
        let mut total = SurveyStats::default();
        for (_, day) in self.segment_days(figures, survey, segment, first, last).await? {
            total.merge(&day);
        }
        Ok(total)
    }

    /// Every published version of `survey`, by number.
    pub(super) async fn versions(&self, survey: &SurveyId) -> Result<HashMap<u32, Survey>, StoreError> {
        let rows: Vec<(i64, String)> = on_pool!(self.backend, |pool| {
            sqlx::query_as("SELECT version, definition FROM survey_versions WHERE survey_id = $1")
                .bind(survey.as_str())
                .fetch_all(pool)
                .await?
        });
        rows.into_iter()
            .map(|(version, definition)| {
                Ok((
                    u32::try_from(version).unwrap_or(0),
                    serde_json::from_str(&definition)?,
                ))
            })
            .collect()
    }
}

/// Stored answers checked again against the version they answered, for
/// figures: the summaries depend on the answers alone, so the id, locale,
/// page and context are not read. `None` (and a warning) if they no longer
/// pass, which only a hand-edited database could cause.
pub(super) fn revalidated(definition: &Survey, answers: &str) -> Option<ValidResponse> {
    let submission = ResponseSubmission {
        // Any id does: figures never read it.
        id: ResponseId::from_random_bytes([0; 16]),
        survey_version: definition.version,
        locale: None,
        page: None,
        answers: serde_json::from_str(answers).ok()?,
        context: Default::default(),
        complete: true,
        sequence: None,
        visitor: None,
    };
    definition
        .validate(submission)
        .inspect_err(|error| tracing::warn!(%error, "a stored response no longer validates; its figures are left as they are"))
        .ok()
}

/// As [`revalidated`], for taking a response's figures out again: a stored
/// response written under older, laxer text rules (an email address the
/// rule now refuses) is read with its free-text and contact answers
/// replaced by ones that pass, which count the same (free text and contact
/// requests only count as answered).
pub(super) fn revalidated_for_figures(definition: &Survey, answers: &str) -> Option<ValidResponse> {
    if let Some(valid) = revalidated(definition, answers) {
        return Some(valid);
    }
    let mut answers: serde_json::Map<String, serde_json::Value> = serde_json::from_str(answers).ok()?;
    for question in &definition.questions {
        let stand_in = match question.kind {
            candor_core::QuestionKind::Comment { .. } => serde_json::json!("answered"),
            candor_core::QuestionKind::ContactRequest => {
                serde_json::json!({"consent": true, "email": "someone@example.com"})
            }
            candor_core::QuestionKind::Csat { .. }
            | candor_core::QuestionKind::Nps
            | candor_core::QuestionKind::Ces
            | candor_core::QuestionKind::ExpectationGap { .. }
            | candor_core::QuestionKind::YesNo
            | candor_core::QuestionKind::SingleChoice { .. }
            | candor_core::QuestionKind::MultipleChoice { .. }
            | candor_core::QuestionKind::Likert { .. } => continue,
        };
        if let Some(answer) = answers.get_mut(question.id.as_str())
            && !answer.is_null()
        {
            *answer = stand_in;
        }
    }
    revalidated(definition, &serde_json::Value::Object(answers).to_string())
}
