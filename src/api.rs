//! The collector's public API as the widget uses it.

use candor_core::visitor::VisitorHash;
use candor_core::{FieldError, Survey};

use candor_core::SurveyLabels;
use candor_core::snapshot::PublicFigures;
use gloo_net::http::{Request, Response};

/// Why a call to the endpoint failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    /// No answer: offline, blocked, CORS, DNS.
    #[error("network: {0}")]
    Network(String),
    /// The endpoint refused the request and said why.
    #[error("rejected ({status}): {error}")]
    Rejected {
        /// HTTP status.
        status: u16,
        /// The collector's explanation.
        error: FieldError,
    },
    /// The survey definition served does not parse.
    #[error("the survey definition is not valid: {0}")]
    Invalid(FieldError),
    /// Any other non-2xx status, or a body that did not parse.
    #[error("unexpected answer ({0})")]
    Unexpected(u16),
}

impl From<crate::outbox::Rejected> for ApiError {
    fn from(rejected: crate::outbox::Rejected) -> Self {
        match crate::json::parse::<FieldError>(&rejected.body) {
            Ok(error) => Self::Rejected {
                status: rejected.status,
                error,
            },
            Err(_) => Self::Unexpected(rejected.status),
        }
    }
}

/// One survey on one endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Api {
    base: String,
    survey: String,
    /// Whether the funnel hears of this survey being shown, started and
    /// dismissed (not for a warm-up or a preview).
    reports: bool,
    /// The identified visitor (`Candor.identify`), told with each response
    /// and dismissal.
    visitor: Option<VisitorHash>,
}

impl Api {
    /// `endpoint` is the collector's origin (or any base URL serving `/v1`);
    /// an empty endpoint means the page's own origin.
    pub fn new(endpoint: &str, survey: &str) -> Self {
        let endpoint = endpoint.trim_end_matches('/');
        Self {
            base: format!("{endpoint}/v1/surveys/{survey}"),
            survey: survey.to_owned(),
            reports: false,
            visitor: None,
        }
    }

    /// The same, telling the funnel what becomes of the survey.
    pub fn reporting(self) -> Self {
        Self {
            reports: true,
            ..self
        }
    }

    /// The same, for the identified `visitor`.
    pub fn for_visitor(self, visitor: Option<VisitorHash>) -> Self {
        Self { visitor, ..self }
    }

    /// The identified visitor, if the page named one.
    pub fn visitor(&self) -> Option<&VisitorHash> {
        self.visitor.as_ref()
    }

    /// Tells the funnel of `event` (`shown`, `started`, `dismissed`) on
    /// this page: counts only, by beacon, never waited for, never retried.
    pub fn report(&self, event: &str) {
        let Some(window) = web_sys::window().filter(|_| self.reports) else {
            return;
        };
        // A path the collector keeps holds no `"` or `\` (the browser
        // percent-encodes them), so it goes into the JSON as it is.
        let page = window
            .location()
            .pathname()
            .ok()
            .filter(|p| candor_core::response_page::check(p).is_ok() && !p.contains(['"', '\\']));
        // A hash is hexadecimal: it too goes in as it is.
        let visitor = match &self.visitor {
            Some(hash) => format!(r#","visitor":"{hash}""#),
            None => String::new(),
        };
        let body = match page {
            Some(page) => format!(r#"{{"event":"{event}","page":"{page}"{visitor}}}"#),
            None => format!(r#"{{"event":"{event}"{visitor}}}"#),
        };
        let _ = window
            .navigator()
            .send_beacon_with_opt_str(&format!("{}/events", self.base), Some(&body));
    }

    /// The survey's id.
    pub fn survey_id(&self) -> &str {
        &self.survey
    }

    /// Where responses are posted (by the outbox).
    pub fn responses_url(&self) -> String {
        format!("{}/responses", self.base)
    }

    /// The published survey definition, parsed by the same strict parser
    /// as inline definitions (one deserializer in the wasm, not two).
    pub async fn survey(&self) -> Result<Survey, ApiError> {
        let text = self.survey_text().await?;
        crate::json::survey(&text).map_err(ApiError::Invalid)
    }

    /// The published survey definition as the collector sent it.
    async fn survey_text(&self) -> Result<String, ApiError> {
        let response = get(&self.base).await?;
        let status = response.status();
        response.text().await.map_err(|_| ApiError::Unexpected(status))
    }

    /// The survey's title and labels (for a snapshot). The whole widget
    /// reads them through core's strict reader, which it has anyway; the
    /// snapshot module (built without `survey`) reads only them, leniently,
    /// and so does not carry that reader.
    #[cfg(feature = "survey")]
    pub async fn survey_labels(&self) -> Result<SurveyLabels, ApiError> {
        self.survey().await.map(|survey| SurveyLabels::of(&survey))
    }

    /// The survey's title and labels, read leniently (see above).
    #[cfg(not(feature = "survey"))]
    pub async fn survey_labels(&self) -> Result<SurveyLabels, ApiError> {
        let text = self.survey_text().await?;
        crate::json::parse(&text).map_err(|error| {
            ApiError::Invalid(FieldError::new(
                candor_core::ErrorCode::InvalidJson,
                "",
                error.to_string(),
            ))
        })
    }

    /// Where the snapshot stream (Server-Sent Events) is served.
    pub fn stream_url(&self) -> String {
        format!("{}/snapshot/stream", self.base)
    }

    /// The public figures.
    pub async fn snapshot(&self) -> Result<PublicFigures, ApiError> {
        decode(get(&format!("{}/snapshot", self.base)).await?).await
    }
}

async fn get(url: &str) -> Result<Response, ApiError> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    check(response).await
}

async fn check(response: Response) -> Result<Response, ApiError> {
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    match decode::<FieldError>(response).await {
        Ok(error) => Err(ApiError::Rejected { status, error }),
        Err(_) => Err(ApiError::Unexpected(status)),
    }
}

async fn decode<T: serde::de::DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    let text = response.text().await.map_err(|_| ApiError::Unexpected(status))?;
    crate::json::parse(&text).map_err(|_| ApiError::Unexpected(status))
}
