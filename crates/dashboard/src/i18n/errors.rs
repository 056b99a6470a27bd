//! What a failed call says to the owner, in the language in use: the
//! collector's error code translated, and the field it names (a path, left
//! as it is). Its English message stays for the console.

use candor_core::ErrorCode;

use super::{tr, trf};
use crate::api::AdminError;

/// `error` as the owner reads it: "a text is too long (questions.2.text)".
pub fn failure(error: &AdminError) -> String {
    match error {
        AdminError::NotAllowed => tr("that is not the admin token").to_owned(),
        AdminError::Network(_) => tr("the collector did not answer").to_owned(),
        AdminError::Unreadable(_) => tr("the collector's answer could not be read").to_owned(),
        AdminError::Failed {
            error: Some(error), ..
        } => {
            let problem = problem(error.code);
            if error.field.is_empty() {
                problem.to_owned()
            } else {
                trf(
                    "{problem} ({field})",
                    &[("problem", &problem), ("field", &error.field)],
                )
            }
        }
        AdminError::Failed {
            status, error: None, ..
        } => trf("the collector answered {status}", &[("status", status)]),
    }
}

/// What `code` means, in the language in use.
fn problem(code: ErrorCode) -> &'static str {
    match code {
        ErrorCode::InvalidJson => tr("the request is not valid JSON"),
        ErrorCode::InvalidType => tr("a value has the wrong type"),
        ErrorCode::OutOfRange => tr("a number is outside its scale"),
        ErrorCode::TooLong => tr("a text is too long"),
        ErrorCode::UnknownField => tr("a field the format does not have"),
        ErrorCode::UnknownQuestion => tr("no question has this id"),
        ErrorCode::NotAsked => tr("the survey's logic skips this question"),
        ErrorCode::Required => tr("this is required"),
        ErrorCode::InvalidValue => tr("a value is not valid"),
        ErrorCode::WrongVersion => tr("the survey has changed since; reload the page"),
        ErrorCode::UnknownSurvey => tr("no survey has this id"),
        ErrorCode::SurveyClosed => tr("the survey is not open now"),
        ErrorCode::Duplicate => tr("this id is used twice"),
        ErrorCode::MissingText => tr("a text is missing in the survey's default language"),
        ErrorCode::Conflict => tr("this id is already taken"),
        ErrorCode::PayloadTooLarge => tr("the request is too large"),
        ErrorCode::UnsupportedMediaType => tr("the request's type is not accepted"),
        ErrorCode::NotFound => tr("not found"),
        ErrorCode::NotPublic => tr("the results are not public"),
        ErrorCode::RateLimited => tr("too many requests; try again in a moment"),
        ErrorCode::Unauthorized | ErrorCode::Forbidden => tr("that is not the admin token"),
        ErrorCode::Timeout => tr("the request took too long"),
        ErrorCode::Internal => tr("the collector failed; try again"),
        ErrorCode::Unavailable => tr("the collector's database is unavailable; try again in a moment"),
    }
}

#[cfg(test)]
mod tests {
    use candor_core::FieldError;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;
    use crate::i18n::set_locale;

    fn failed(code: ErrorCode, field: &str) -> AdminError {
        AdminError::Failed {
            status: 400,
            error: Some(FieldError::new(code, field, "English for the console")),
            message: String::new(),
        }
    }

    #[wasm_bindgen_test]
    fn names_the_problem_and_the_field_in_the_language_in_use() {
        set_locale("en");
        assert_eq!(
            failure(&failed(ErrorCode::Duplicate, "questions.2.id")),
            "this id is used twice (questions.2.id)"
        );
        set_locale("lv");
        let latvian = failure(&failed(ErrorCode::TooLong, "title"));
        let network = failure(&AdminError::Network("TypeError: Failed to fetch".into()));
        set_locale("en");
        assert!(
            latvian.ends_with("(title)") && !latvian.contains("too long"),
            "{latvian}"
        );
        assert!(!network.contains("Failed to fetch"), "{network}");
        assert_eq!(
            failure(&AdminError::Failed {
                status: 502,
                error: None,
                message: String::new()
            }),
            "the collector answered 502"
        );
    }
}
