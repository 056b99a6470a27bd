//! The widget's components, one per file.

mod choice;
mod comment;
mod contact;
mod form_state;
mod frame;
mod gap;
mod likert;
mod live_snapshot;
mod multiple_choice;
mod one_per_frame;
mod question;
mod rating_scale;
mod reactive;
mod snapshot_summary;
mod survey_form;
mod viewport;
mod widget;

pub use live_snapshot::LiveSnapshot;
pub use one_per_frame::{drawn_since, lists_begun};
pub use survey_form::SurveyForm;
pub use widget::Widget;
