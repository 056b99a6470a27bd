//! Candor's shared vocabulary: wire types, the survey model, response validation
//! and the statistics behind every figure Candor shows.
//!
//! This crate does no I/O. It builds for `wasm32-unknown-unknown` (the widget
//! validates a response with it before sending) and for native targets (the
//! collector validates the same response on receipt with the same code).
//!
//! ```
//! use candor_core::{templates, ResponseSubmission};
//!
//! let survey = templates::checkout();
//! let body = br#"{
//!     "id": "7d4f7c1e-2d5b-4c1e-9a53-1f1f0b8f6a10",
//!     "survey_version": 1,
//!     "answers": {
//!         "satisfaction": 5,
//!         "delivery": { "promise": { "expected": 5, "experienced": 6 } },
//!         "comment": "Arrived a day early"
//!     }
//! }"#;
//! let submission = ResponseSubmission::from_json(body).unwrap();
//! let response = survey.validate(submission).unwrap();
//! assert_eq!(response.answers().len(), 3);
//! ```

pub mod admin;
pub mod color;
mod day;
pub mod email;
mod error;
mod ids;
pub mod locale;
pub mod maps;
pub mod release;
mod response;
pub mod segment;
pub mod site_list;
pub mod snapshot;
pub mod stats;
mod survey;
pub mod templates;
pub mod text;
pub mod visitor;
mod window;

pub use day::Day;
pub use error::{ErrorCode, FieldError};
pub use ids::{QuestionId, ResponseId, SurveyId};
pub use response::context as response_context;
pub use response::page as response_page;
pub use response::{
    Answer, ContactDetails, GapPair, MAX_OTHER, Progress, ResponseSubmission, Selections, ValidResponse,
};
pub use segment::Segment;
pub use snapshot::{Figures, Snapshot};
pub use survey::{Attribute, AttributeTest, AudienceRule, MAX_AUDIENCE_RULES};
pub use survey::{
    ColorScheme, Condition, CsatDisplay, DEFAULT_DISMISSAL_DAYS, DEFAULT_RECONTACT_DAYS, Dimension,
    DimensionLabel, DisplayMode, END, Jump, Kind, LabelSettings, Labelled, Layout, Logic, PublicAggregates,
    Question, QuestionKind, QuestionLabels, Settings, Survey, SurveyLabels, Target, Test, Texts, Theme,
    Trigger, Value,
};
pub use survey::{MAX_PAGE_RULES, Moment, Opening, PageRule, Pages};
pub use window::Window;
