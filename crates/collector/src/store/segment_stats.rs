//! Daily summaries of one segment of a survey's responses (a locale, a page,
//! context values). The stored summaries do not split that way, so these are
//! built from the responses themselves, each checked again against the
//! version it answered: the same `SurveyStats::add` as on receipt, so a
//! segment's figures are computed exactly as the whole survey's are.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

use candor_core::stats::SurveyStats;
use candor_core::{Day, ResponseId, ResponseSubmission, Segment, Survey, SurveyId};

use super::{ResponseFilter, Store, StoreError, StoredResponse};

/// Responses read per round trip.
const PAGE: u32 = 1000;

impl Store {
    /// The daily summaries of the responses of `survey` in `segment` from
    /// `first` to `last` (inclusive; open ends when `None`), oldest first.
    pub async fn segment_days(
        &self,
        survey: &SurveyId,
        segment: &Segment,
        first: Option<Day>,
        last: Option<Day>,
    ) -> Result<Vec<(Day, SurveyStats)>, StoreError> {
        let filter = ResponseFilter {
            from: first.map(|d| d.to_string()),
            until: last.map(|d| d.plus(1).to_string()),
            segment: segment.clone(),
        };
        let mut days: BTreeMap<String, SurveyStats> = BTreeMap::new();
        let mut versions: HashMap<u32, Option<Survey>> = HashMap::new();
        let mut cursor = None;
        loop {
            let page = self
                .responses(survey.as_str(), &filter, cursor.as_ref(), PAGE)
                .await?;
            for response in &page {
                let version = response.survey_version;
                let definition = match versions.entry(version) {
                    Entry::Occupied(known) => known.into_mut(),
                    Entry::Vacant(slot) => slot.insert(self.survey_version(survey, version).await?),
                };
                let Some(definition) = definition else {
                    continue;
                };
                let Some(valid) = revalidated(definition, response) else {
                    continue;
                };
                let day = response.received_at.get(..10).unwrap_or_default().to_owned();
                days.entry(day).or_default().add(definition, &valid);
            }
            match page.last() {
                Some(last) if page.len() == PAGE as usize => {
                    cursor = Some((last.received_at.clone(), last.id.clone()));
                }
                _ => break,
            }
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
        survey: &SurveyId,
        segment: &Segment,
        first: Option<Day>,
        last: Option<Day>,
    ) -> Result<SurveyStats, StoreError> {
        let mut total = SurveyStats::default();
        for (_, day) in self.segment_days(survey, segment, first, last).await? {
            total.merge(&day);
        }
        Ok(total)
    }
}

/// A stored response checked again; `None` (and a warning) if it no longer
/// passes, which only a hand-edited database could cause.
fn revalidated(survey: &Survey, stored: &StoredResponse) -> Option<candor_core::ValidResponse> {
    let submission = ResponseSubmission {
        id: ResponseId::parse("id", &stored.id).ok()?,
        survey_version: stored.survey_version,
        locale: stored.locale.clone(),
        page: stored.page.clone(),
        answers: stored.answers.as_object().cloned().unwrap_or_default(),
        context: stored.context.clone(),
    };
    survey
        .validate(submission)
        .inspect_err(|error| tracing::warn!(%error, id = stored.id, "a stored response no longer validates; left out of segment figures"))
        .ok()
}
