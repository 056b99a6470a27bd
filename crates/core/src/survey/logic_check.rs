//! The rules of logic a definition must keep, each error naming its JSON
//! path (`questions[3].show_if.any[1].at_most`): conditions look back only
//! (a jump's may also read its own question), to values the question can
//! take; jumps go forward only, to a question that exists or to `end`.
//! Together they rule out cycles. Checked where definitions are published
//! (natively), not in the widget: [`Survey::applicable`] needs none of it
//! to end.
#![cfg(not(target_arch = "wasm32"))]

use super::logic::{Condition, END, Target, Test, Value};
use super::{Question, QuestionKind, Survey};
use crate::{ErrorCode, FieldError};

/// Deepest nesting of `all` and `any`.
const MAX_DEPTH: usize = 4;
/// Most conditions in one `all`, `any` or `one_of`, and most jumps.
const MAX_ITEMS: usize = 20;

fn error<T>(code: ErrorCode, field: impl Into<String>, message: impl Into<String>) -> Result<T, FieldError> {
    Err(FieldError::new(code, field, message))
}

impl Survey {
    /// Checks every question's logic against the questions before it.
    pub(super) fn check_logic(&self) -> Result<(), FieldError> {
        for (at, question) in self.questions.iter().enumerate() {
            let path = format!("questions[{at}]");
            if question.id.as_str() == END {
                return error(
                    ErrorCode::InvalidValue,
                    format!("{path}.id"),
                    "\"end\" is reserved: a jump to it ends the survey",
                );
            }
            if let Some(condition) = &question.logic.show_if {
                // Only questions before this one.
                self.check_condition(condition, &format!("{path}.show_if"), &self.questions[..at], 0)?;
            }
            if question.logic.jumps.len() > MAX_ITEMS {
                return error(
                    ErrorCode::OutOfRange,
                    format!("{path}.jumps"),
                    format!("at most {MAX_ITEMS} jumps"),
                );
            }
            for (j, jump) in question.logic.jumps.iter().enumerate() {
                let path = format!("{path}.jumps[{j}]");
                // This question and those before it.
                self.check_condition(&jump.condition, &format!("{path}.if"), &self.questions[..=at], 0)?;
                if let Target::Question(id) = &jump.to {
                    match self.questions.iter().position(|q| &q.id == id) {
                        Some(to) if to > at => {}
                        Some(_) => {
                            return error(
                                ErrorCode::InvalidValue,
                                format!("{path}.to"),
                                "a jump goes forward: to a later question, or to \"end\"",
                            );
                        }
                        None => {
                            return error(
                                ErrorCode::UnknownQuestion,
                                format!("{path}.to"),
                                format!("there is no question {:?}", id.as_str()),
                            );
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Checks `condition` (at `path`) reads only `readable` questions, each
    /// for values it can take.
    fn check_condition(
        &self,
        condition: &Condition,
        path: &str,
        readable: &[Question],
        depth: usize,
    ) -> Result<(), FieldError> {
        let (name, all) = match condition {
            Condition::Answer { question, test } => {
                let Some(read) = readable.iter().find(|q| &q.id == question) else {
                    let (code, message) = match self.question(question.as_str()) {
                        Some(_) => (
                            ErrorCode::InvalidValue,
                            "a condition reads only questions asked before it",
                        ),
                        None => (ErrorCode::UnknownQuestion, "there is no such question"),
                    };
                    return error(code, format!("{path}.question"), message);
                };
                return check_test(test, &read.kind, path);
            }
            Condition::All(all) => ("all", all),
            Condition::Any(any) => ("any", any),
        };
        let path = format!("{path}.{name}");
        if all.is_empty() || all.len() > MAX_ITEMS {
            return error(
                ErrorCode::OutOfRange,
                path,
                format!("needs 1 to {MAX_ITEMS} conditions"),
            );
        }
        if depth >= MAX_DEPTH {
            return error(
                ErrorCode::OutOfRange,
                path,
                format!("at most {MAX_DEPTH} levels of \"all\" and \"any\""),
            );
        }
        for (k, inner) in all.iter().enumerate() {
            self.check_condition(inner, &format!("{path}[{k}]"), readable, depth + 1)?;
        }
        Ok(())
    }
}

/// Checks `test` suits a question of `kind`.
fn check_test(test: &Test, kind: &QuestionKind, path: &str) -> Result<(), FieldError> {
    let values: &[Value] = match test {
        Test::Answered(_) => return Ok(()),
        Test::AtMost(limit) | Test::AtLeast(limit) => {
            let field = match test {
                Test::AtMost(_) => "at_most",
                _ => "at_least",
            };
            let Some(scale) = kind
                .scale()
                .filter(|_| !matches!(kind, QuestionKind::ExpectationGap { .. }))
            else {
                return error(
                    ErrorCode::InvalidValue,
                    format!("{path}.{field}"),
                    format!("compares ratings; a {} question has none", kind.name()),
                );
            };
            if !scale.contains(limit) {
                return error(
                    ErrorCode::OutOfRange,
                    format!("{path}.{field}"),
                    format!("must be from {} to {}", scale.start(), scale.end()),
                );
            }
            return Ok(());
        }
        Test::Equals(value) => std::slice::from_ref(value),
        Test::OneOf(values) => {
            if values.is_empty() || values.len() > MAX_ITEMS {
                return error(
                    ErrorCode::OutOfRange,
                    format!("{path}.one_of"),
                    format!("needs 1 to {MAX_ITEMS} values"),
                );
            }
            values
        }
    };
    for (k, value) in values.iter().enumerate() {
        let field = match test {
            Test::OneOf(_) => format!("{path}.one_of[{k}]"),
            _ => format!("{path}.equals"),
        };
        check_value(value, kind, &field)?;
    }
    Ok(())
}

/// Checks a question of `kind` can have the answer `value`.
fn check_value(value: &Value, kind: &QuestionKind, field: &str) -> Result<(), FieldError> {
    match (kind, value) {
        (QuestionKind::Csat { .. } | QuestionKind::Nps | QuestionKind::Ces, Value::Rating(n)) => {
            let scale = kind.scale().unwrap_or(0..=10);
            if scale.contains(n) {
                Ok(())
            } else {
                error(
                    ErrorCode::OutOfRange,
                    field,
                    format!("must be from {} to {}", scale.start(), scale.end()),
                )
            }
        }
        (QuestionKind::YesNo, Value::YesNo(_)) => Ok(()),
        (
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options, .. },
            Value::Option(id),
        ) => {
            if options.iter().any(|option| &option.id == id) {
                Ok(())
            } else {
                error(
                    ErrorCode::InvalidValue,
                    field,
                    format!("the question has no option {:?}", id.as_str()),
                )
            }
        }
        (QuestionKind::Csat { .. } | QuestionKind::Nps | QuestionKind::Ces, _) => {
            error(ErrorCode::InvalidType, field, "must be a rating")
        }
        (QuestionKind::YesNo, _) => error(ErrorCode::InvalidType, field, "must be true or false"),
        (QuestionKind::SingleChoice { .. } | QuestionKind::MultipleChoice { .. }, _) => {
            error(ErrorCode::InvalidType, field, "must be an option id")
        }
        (
            QuestionKind::ExpectationGap { .. }
            | QuestionKind::Likert { .. }
            | QuestionKind::Comment { .. }
            | QuestionKind::ContactRequest,
            _,
        ) => error(
            ErrorCode::InvalidValue,
            field,
            format!("a {} question can only be tested for \"answered\"", kind.name()),
        ),
    }
}
