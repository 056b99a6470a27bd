//! The collector's admin API, as the dashboard uses it: same origin, the
//! token as a bearer header.

use candor_core::admin::{
    ContactRequest, ContactStatus, Definitions, Delivery, Destination, DestinationSpec, ExportFormat, Facets,
    FollowUpSummary, Funnel, ResponsePage, SurveySummary, WordsReport,
};
use candor_core::{Day, FieldError, Segment, Snapshot, Survey, Window};
use gloo_net::http::{Request, Response};
use leptos::prelude::{Callable, Callback, expect_context};

/// Why a call failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AdminError {
    /// 401 or 403: no token, or not the admin token.
    #[error("that is not the admin token")]
    NotAllowed,
    /// No answer.
    #[error("the collector did not answer: {0}")]
    Network(String),
    /// Any other failure, with the collector's explanation when it gave
    /// one (its code and field are what the dashboard shows, translated;
    /// the message is English, for the console).
    #[error("the collector answered {status}: {message}")]
    Failed {
        status: u16,
        error: Option<FieldError>,
        message: String,
    },
    /// An answer the dashboard could not read.
    #[error("the collector's answer could not be read: {0}")]
    Unreadable(String),
}

/// The owner's snapshot and the data generation it was built from.
#[derive(Debug, Clone, PartialEq)]
pub struct Live {
    pub snapshot: Snapshot,
    pub generation: Option<u64>,
}

/// `&` and the segment's query form, or nothing for an empty segment.
fn and_segment(segment: &Segment) -> String {
    if segment.is_empty() {
        String::new()
    } else {
        format!("&{}", segment.to_query())
    }
}

/// The segment and the first day (`from`) as query parameters after `&`.
fn and_filters(segment: &Segment, from: Option<Day>) -> String {
    let from = from.map(|day| format!("&from={day}")).unwrap_or_default();
    format!("{from}{}", and_segment(segment))
}

/// The admin API with one token.
///
/// Signed in, the dashboard's views find it in their Leptos context
/// ([`use_admin`]); when the collector refuses its token (401 or 403) it
/// signs out by itself, so no view has to.
#[derive(Clone)]
pub struct Admin {
    token: String,
    on_refused: Option<Callback<()>>,
}

impl std::fmt::Debug for Admin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Admin { token: *** }")
    }
}

/// The signed-in admin client the views share.
pub fn use_admin() -> Admin {
    expect_context::<Admin>()
}

impl Admin {
    pub fn new(token: &str) -> Self {
        Self {
            token: token.trim().to_owned(),
            on_refused: None,
        }
    }

    /// This client, calling `sign_out` when the collector refuses its token.
    pub fn signing_out(self, sign_out: Callback<()>) -> Self {
        Self {
            on_refused: Some(sign_out),
            ..self
        }
    }

    /// Every survey, with response counts (also how a token is checked).
    pub async fn surveys(&self) -> Result<Vec<SurveySummary>, AdminError> {
        let response = self.get("/v1/admin/surveys").await?;
        decode(response).await
    }

    /// The owner's figures of `survey` over `window`, of the responses in
    /// `segment` (finished ones, and with `partial` unfinished ones too).
    /// With `after` (a generation from an earlier answer) the collector
    /// waits until the data changed: the live view.
    pub async fn snapshot(
        &self,
        survey: &str,
        window: Window,
        segment: &Segment,
        partial: bool,
        after: Option<u64>,
    ) -> Result<Live, AdminError> {
        let mut path = format!(
            "/v1/admin/surveys/{survey}/snapshot?window={window}{}",
            and_segment(segment)
        );
        if partial {
            path.push_str("&responses=all");
        }
        if let Some(generation) = after {
            path.push_str(&format!("&after={generation}"));
        }
        let response = self.get(&path).await?;
        let generation = response
            .headers()
            .get("candor-generation")
            .and_then(|g| g.parse().ok());
        Ok(Live {
            snapshot: decode(response).await?,
            generation,
        })
    }

    /// Up to 100 responses of `survey` in `segment` received from day
    /// `from` on, newest first, after `cursor`.
    pub async fn responses(
        &self,
        survey: &str,
        segment: &Segment,
        from: Option<Day>,
        cursor: Option<&str>,
    ) -> Result<ResponsePage, AdminError> {
        let mut path = format!(
            "/v1/admin/surveys/{survey}/responses?limit=100{}",
            and_filters(segment, from)
        );
        if let Some(cursor) = cursor {
            let encoded = js_sys::encode_uri_component(cursor);
            path.push_str(&format!("&cursor={encoded}"));
        }
        decode(self.get(&path).await?).await
    }

    /// The words most typical of low-rated comments of `survey` in
    /// `window`, among the responses in `segment`.
    pub async fn words(
        &self,
        survey: &str,
        window: Window,
        segment: &Segment,
    ) -> Result<WordsReport, AdminError> {
        let path = format!(
            "/v1/admin/surveys/{survey}/words?window={window}{}",
            and_segment(segment)
        );
        decode(self.get(&path).await?).await
    }

    /// The locales, pages and context values among all of `survey`'s
    /// responses.
    pub async fn facets(&self, survey: &str) -> Result<Facets, AdminError> {
        decode(
            self.get(&format!("/v1/admin/surveys/{survey}/facets?window=all"))
                .await?,
        )
        .await
    }

    /// The response funnel of `survey` over `window`.
    pub async fn funnel(&self, survey: &str, window: Window) -> Result<Funnel, AdminError> {
        decode(
            self.get(&format!("/v1/admin/surveys/{survey}/funnel?window={window}"))
                .await?,
        )
        .await
    }

    /// The published definition and the draft of `survey`.
    pub async fn definitions(&self, survey: &str) -> Result<Definitions, AdminError> {
        decode(self.get(&format!("/v1/admin/surveys/{survey}")).await?).await
    }

    /// Saves `survey` as its draft (checked by the collector).
    pub async fn save_draft(&self, survey: &Survey) -> Result<Survey, AdminError> {
        let path = format!("/v1/admin/surveys/{}/draft", survey.id);
        self.send(Request::put(&path), survey).await
    }

    /// Publishes the draft of `survey` as its next version.
    pub async fn publish(&self, survey: &str) -> Result<Survey, AdminError> {
        let path = format!("/v1/admin/surveys/{survey}/publish");
        self.send(Request::post(&path), &serde_json::json!({})).await
    }

    /// Creates a survey from a template (`service-quality`, `checkout`,
    /// `after-support`) under `id`.
    pub async fn create(&self, template: &str, id: &str) -> Result<Survey, AdminError> {
        let body = serde_json::json!({ "template": template, "id": id });
        self.send(Request::post("/v1/admin/surveys"), &body).await
    }

    async fn send<T: serde::de::DeserializeOwned>(
        &self,
        request: gloo_net::http::RequestBuilder,
        body: &impl serde::Serialize,
    ) -> Result<T, AdminError> {
        let request = request
            .header("Authorization", &format!("Bearer {}", self.token))
            .json(body)
            .map_err(|e| AdminError::Network(e.to_string()))?;
        decode(self.checked(request.send().await).await?).await
    }

    /// The contact-request queue: overdue first, then oldest first.
    pub async fn contacts(&self, status: ContactStatus) -> Result<Vec<ContactRequest>, AdminError> {
        let status = status.as_str();
        decode(self.get(&format!("/v1/admin/contacts?status={status}")).await?).await
    }

    /// Changes a contact request (`{"status": …}`, `{"assignee": …}` or
    /// `{"notes": …}`); the request as it now stands.
    pub async fn update_contact(
        &self,
        response: &str,
        change: &serde_json::Value,
    ) -> Result<ContactRequest, AdminError> {
        let path = format!("/v1/admin/contacts/{response}");
        self.send(Request::put(&path), change).await
    }

    /// Every webhook and Slack destination.
    pub async fn destinations(&self) -> Result<Vec<Destination>, AdminError> {
        decode(self.get("/v1/admin/destinations").await?).await
    }

    /// Adds a destination.
    pub async fn add_destination(&self, spec: &DestinationSpec) -> Result<Destination, AdminError> {
        self.send(Request::post("/v1/admin/destinations"), spec).await
    }

    /// Removes a destination and its deliveries.
    pub async fn remove_destination(&self, id: &str) -> Result<(), AdminError> {
        let sent = Request::delete(&format!("/v1/admin/destinations/{id}"))
            .header("Authorization", &format!("Bearer {}", self.token))
            .send()
            .await;
        self.checked(sent).await.map(drop)
    }

    /// A destination's latest deliveries, newest first.
    pub async fn deliveries(&self, id: &str) -> Result<Vec<Delivery>, AdminError> {
        decode(
            self.get(&format!("/v1/admin/destinations/{id}/deliveries?limit=20"))
                .await?,
        )
        .await
    }

    /// Sends a test event to a destination now.
    pub async fn test_destination(&self, id: &str) -> Result<(), AdminError> {
        let path = format!("/v1/admin/destinations/{id}/test");
        self.send::<serde_json::Value>(Request::post(&path), &serde_json::json!({}))
            .await
            .map(drop)
    }

    /// Sends a delivered or failed event again.
    pub async fn replay(&self, id: &str, event: &str) -> Result<(), AdminError> {
        let path = format!("/v1/admin/destinations/{id}/deliveries/{event}/replay");
        self.send::<serde_json::Value>(Request::post(&path), &serde_json::json!({}))
            .await
            .map(drop)
    }

    /// How requests of the last 30 days were followed up.
    pub async fn follow_up(&self) -> Result<FollowUpSummary, AdminError> {
        decode(self.get("/v1/admin/contacts/summary?window=30d").await?).await
    }

    /// The export of `survey`'s responses in `segment` received from day
    /// `from` on (with `partial`, the unfinished ones too), in `format`,
    /// as text.
    pub async fn export(
        &self,
        survey: &str,
        format: ExportFormat,
        segment: &Segment,
        from: Option<Day>,
        partial: bool,
    ) -> Result<String, AdminError> {
        let path = format!(
            "/v1/admin/surveys/{survey}/export?format={}{}{}",
            format.name(),
            and_filters(segment, from),
            if partial { "&responses=all" } else { "" }
        );
        let response = self.get(&path).await?;
        response
            .text()
            .await
            .map_err(|e| AdminError::Unreadable(e.to_string()))
    }

    /// A sent request's answer, or why it failed; a refused token signs
    /// out.
    async fn checked(&self, sent: Result<Response, gloo_net::Error>) -> Result<Response, AdminError> {
        let response = sent.map_err(|e| AdminError::Network(e.to_string()))?;
        match response.status() {
            200..=299 => Ok(response),
            401 | 403 => {
                if let Some(sign_out) = self.on_refused {
                    sign_out.run(());
                }
                Err(AdminError::NotAllowed)
            }
            status => {
                let error = response.json::<FieldError>().await.ok();
                let message = error.as_ref().map(ToString::to_string).unwrap_or_default();
                Err(AdminError::Failed {
                    status,
                    error,
                    message,
                })
            }
        }
    }

    async fn get(&self, path: &str) -> Result<Response, AdminError> {
        let sent = Request::get(path)
            .header("Authorization", &format!("Bearer {}", self.token))
            .send()
            .await;
        self.checked(sent).await
    }
}

async fn decode<T: serde::de::DeserializeOwned>(response: Response) -> Result<T, AdminError> {
    response
        .json()
        .await
        .map_err(|e| AdminError::Unreadable(e.to_string()))
}
