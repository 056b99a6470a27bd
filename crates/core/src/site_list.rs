//! `GET /v1/surveys`: the surveys the site-wide script may offer on a page,
//! with what it needs to choose one (page rules, trigger, sampling and
//! recontact) and nothing a visitor reads (no texts). Public and cacheable.

use serde::{Deserialize, Serialize};

use crate::{AudienceRule, DisplayMode, Pages, Settings, Survey, SurveyId, Trigger};

/// Days a visitor who was asked a survey is asked no other, when the
/// collector does not say.
pub const DEFAULT_FREQUENCY_CAP_DAYS: u32 = 7;

/// The public list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteList {
    /// A visitor asked any survey is asked no other for this many days.
    pub cap_days: u32,
    /// The collector's salt for visitor ids (`Candor.identify`): random,
    /// kept for good, public (it keeps a hash from being one of the same
    /// id on another site, not secret).
    pub salt: String,
    /// Open surveys that have `pages`, in the order the script tries them.
    pub surveys: Vec<SiteSurvey>,
}

/// One survey of the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteSurvey {
    /// The survey's id (its definition is at `/v1/surveys/{id}`).
    pub id: SurveyId,
    /// Its published version: a new one changes the list's ETag.
    pub version: u32,
    /// Where it shows.
    pub display: DisplayMode,
    /// When it shows.
    pub trigger: Trigger,
    /// Where it is offered.
    pub pages: Pages,
    /// As the survey's settings say.
    pub sampling_rate: f64,
    /// As the survey's settings say.
    pub recontact_days: u32,
    /// As the survey's settings say.
    pub dismissal_days: u32,
    /// As the survey's settings say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audience: Vec<AudienceRule>,
}

impl SiteSurvey {
    /// The entry of a survey with `pages`; `None` for one shown only where
    /// a page names it.
    pub fn of(survey: &Survey) -> Option<Self> {
        let Settings {
            display,
            trigger,
            pages,
            sampling_rate,
            recontact_days,
            dismissal_days,
            audience,
            ..
        } = &survey.settings;
        Some(Self {
            id: survey.id.clone(),
            version: survey.version,
            display: *display,
            trigger: trigger.clone(),
            pages: pages.clone()?,
            sampling_rate: *sampling_rate,
            recontact_days: *recontact_days,
            dismissal_days: *dismissal_days,
            audience: audience.clone(),
        })
    }
}
