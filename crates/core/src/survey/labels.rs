//! The part of a survey a snapshot shows, read leniently: its title, its
//! questions' texts (which say what locales it is in) and its dimensions'
//! names. `<candor-snapshot>` reads only this, not the strict [`Survey`]
//! decoder, which is most of what a snapshot-only page would download
//! besides; the collector checked the survey when it was published.

use crate::{QuestionKind, Survey, Texts, locale};
use serde::Deserialize;

/// What a snapshot needs of a survey (`GET /v1/surveys/{id}`; other fields
/// are skipped).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SurveyLabels {
    pub default_locale: String,
    pub title: Texts,
    #[serde(default)]
    pub questions: Vec<QuestionLabels>,
    #[serde(default)]
    pub settings: LabelSettings,
}

/// The survey's forced locale, if it has one.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct LabelSettings {
    #[serde(default)]
    pub locale: Option<String>,
}

/// A question's text and, for a gap question, its dimensions' names.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct QuestionLabels {
    pub id: String,
    pub text: Texts,
    #[serde(default)]
    pub dimensions: Vec<DimensionLabel>,
}

/// A gap dimension's name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DimensionLabel {
    pub id: String,
    pub label: Texts,
}

impl SurveyLabels {
    /// The labels of a survey the widget already has (its thank-you screen).
    pub fn of(survey: &Survey) -> Self {
        let questions = survey
            .questions
            .iter()
            .map(|q| QuestionLabels {
                id: q.id.to_string(),
                text: q.text.clone(),
                dimensions: match &q.kind {
                    QuestionKind::ExpectationGap { dimensions } => dimensions
                        .iter()
                        .map(|d| DimensionLabel {
                            id: d.id.to_string(),
                            label: d.label.clone(),
                        })
                        .collect(),
                    QuestionKind::Csat { .. }
                    | QuestionKind::Nps
                    | QuestionKind::Ces
                    | QuestionKind::YesNo
                    | QuestionKind::SingleChoice { .. }
                    | QuestionKind::MultipleChoice { .. }
                    | QuestionKind::Likert { .. }
                    | QuestionKind::Comment { .. }
                    | QuestionKind::ContactRequest => Vec::new(),
                },
            })
            .collect();
        Self {
            default_locale: survey.default_locale.clone(),
            title: survey.title.clone(),
            questions,
            settings: LabelSettings {
                locale: survey.settings.locale.clone(),
            },
        }
    }

    /// `texts` in `locale`, else in the default locale, else empty (as
    /// `Survey::text`).
    pub fn text<'a>(&self, texts: &'a Texts, locale: &str) -> &'a str {
        locale::text_in(texts, locale, &self.default_locale)
    }

    /// The locales the title and every question are in (as
    /// `Survey::locales`).
    pub fn locales(&self) -> Vec<&str> {
        locale::common(&self.title, self.questions.iter().map(|q| &q.text))
    }

    /// The name of `dimension` of the gap question `question` in `locale`.
    pub fn dimension(&self, question: &str, dimension: &str, locale: &str) -> Option<&str> {
        self.questions
            .iter()
            .find(|q| q.id == question)?
            .dimensions
            .iter()
            .find(|d| d.id == dimension)
            .map(|d| self.text(&d.label, locale))
    }
}

#[cfg(test)]
mod tests {
    use crate::templates;

    use super::*;

    #[test]
    fn the_lean_reader_reads_what_the_full_model_holds() {
        for survey in templates::all() {
            let json = serde_json::to_string(&survey).unwrap();
            let labels: SurveyLabels = serde_json::from_str(&json).unwrap();
            assert_eq!(labels, SurveyLabels::of(&survey), "{}", survey.id);
            assert_eq!(labels.locales(), survey.locales());
        }
    }

    #[test]
    fn a_dimension_is_named_in_the_locale_else_the_default() {
        let labels: SurveyLabels = serde_json::from_str(
            r#"{"default_locale": "en", "title": {"en": "T"}, "extra": 1,
                "questions": [{"id": "q", "kind": "expectation_gap", "text": {"en": "Q"},
                  "dimensions": [{"id": "speed", "label": {"en": "Speed", "lv": "Ātrums"}},
                                 {"id": "care", "label": {"en": "Care"}}]}]}"#,
        )
        .unwrap();
        assert_eq!(labels.dimension("q", "speed", "lv"), Some("Ātrums"));
        assert_eq!(labels.dimension("q", "care", "lv"), Some("Care"));
        assert_eq!(labels.dimension("q", "other", "en"), None);
        assert_eq!(labels.dimension("other", "speed", "en"), None);
    }
}
