//! `GET /v1/admin/surveys/{id}/export?format=csv|ndjson`: every matching
//! response, streamed a page at a time. Every CSV cell is quoted, so a
//! spreadsheet that splits on `;` (Excel in a Latvian or Greek locale) or on
//! tabs never finds a cell boundary inside respondent text, and a cell a
//! spreadsheet would run as a formula (starting with = + - @, tab or
//! carriage return: OWASP's list) is neutralised with a leading apostrophe.

use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use candor_core::{QuestionKind, Survey};
use futures_util::{StreamExt as _, stream};
use serde::Deserialize;
use serde_json::Value;

use super::responses::Filters;
use crate::routes::extract::PublishedSurvey;
use crate::routes::extract::{Query, SegmentQuery};
use crate::{ApiError, AppState, Listed};
use candor_core::admin::{ExportFormat, StoredResponse};

/// Responses read per database round trip.
const PAGE: u32 = 1000;

/// The query string.
#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    #[serde(flatten)]
    filters: Filters,
    /// `csv` (the default) or `ndjson`.
    #[serde(default)]
    format: ExportFormat,
    /// Finished responses (the default), or `all`: the unfinished ones'
    /// latest partial saves after them, marked `"complete": false`.
    #[serde(default)]
    responses: super::surveys::Responses,
}

/// Streams the export.
pub async fn export(
    State(state): State<AppState>,
    PublishedSurvey(survey): PublishedSurvey,
    Query(query): Query<ExportQuery>,
    SegmentQuery(segment): SegmentQuery,
) -> Result<Response, ApiError> {
    let format = query.format;
    let filter = query.filters.parse(segment)?;
    let all = query.responses == super::surveys::Responses::All;
    let mut columns = columns(&survey);
    if all {
        columns.push(Column::new(&["complete"]));
    }
    let header_row = (format == ExportFormat::Csv).then(|| csv_row(columns.iter().map(|c| c.title.clone())));
    let finished = state
        .store
        .pages_of(Listed::Finished, survey.id.as_str(), &filter, PAGE);
    let unfinished = state
        .store
        .pages_of(Listed::Unfinished, survey.id.as_str(), &filter, PAGE);
    let pages = finished
        .chain(stream::iter(all.then_some(unfinished)).flatten())
        .map(move |page| {
            let page = page.map_err(|error| std::io::Error::other(error.to_string()))?;
            Ok::<_, std::io::Error>(
                page.iter()
                    .map(|r| match format {
                        ExportFormat::Csv => csv_row(columns.iter().map(|c| c.value(r))),
                        ExportFormat::Ndjson => serde_json::to_string(r).unwrap_or_default() + "\n",
                    })
                    .collect::<String>(),
            )
        });
    let body = stream::iter(header_row.map(Ok)).chain(pages);
    let (content_type, extension) = (format.media_type(), format.name());
    let disposition = format!("attachment; filename=\"{}-responses.{extension}\"", survey.id);
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        Body::from_stream(body),
    )
        .into_response())
}

/// One CSV column: its title and where its value sits in a response.
#[derive(Debug, Clone)]
struct Column {
    title: String,
    path: Vec<String>,
    /// For one option of a multiple-choice answer: "1" when the list at
    /// `path` holds it, "0" when the question was answered without it.
    chosen: Option<String>,
}

impl Column {
    fn new(path: &[&str]) -> Self {
        Self {
            title: path.join("."),
            path: path.iter().map(|p| (*p).to_owned()).collect(),
            chosen: None,
        }
    }

    /// The column of `option` of the multiple-choice question `question`.
    fn option(question: &str, option: &str) -> Self {
        Self {
            title: format!("answers.{question}.{option}"),
            chosen: Some(option.to_owned()),
            ..Self::new(&["answers", question, "selected"])
        }
    }

    fn value(&self, response: &StoredResponse) -> String {
        match self.path[0].as_str() {
            "id" => response.id.clone(),
            "received_at" => response.received_at.clone(),
            "survey_version" => response.survey_version.to_string(),
            "locale" => response.locale.clone().unwrap_or_default(),
            "page" => response.page.clone().unwrap_or_default(),
            // One column, as JSON: the fields vary from page to page.
            "context" if response.context.is_empty() => String::new(),
            "context" => serde_json::to_string(&response.context).unwrap_or_default(),
            "complete" if self.path.len() == 1 => response.complete.to_string(),
            _ if self.chosen.is_some() => match response.answer_at(&self.path[1..]) {
                Some(Value::Array(selected)) => {
                    let chosen = selected.iter().any(|s| s.as_str() == self.chosen.as_deref());
                    String::from(if chosen { "1" } else { "0" })
                }
                _ => String::new(),
            },
            _ => {
                let found = response.answer_at(&self.path[1..]);
                match found {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Null) | None => String::new(),
                    Some(other) => other.to_string(),
                }
            }
        }
    }
}

/// The columns of a survey's current version: the response's own fields,
/// then one per answer value.
fn columns(survey: &Survey) -> Vec<Column> {
    let mut columns: Vec<Column> = ["id", "received_at", "survey_version", "locale", "page", "context"]
        .iter()
        .map(|c| Column::new(&[c]))
        .collect();
    for question in &survey.questions {
        let q = question.id.as_str();
        match &question.kind {
            QuestionKind::ExpectationGap { dimensions } => {
                for d in dimensions {
                    for side in ["expected", "experienced"] {
                        columns.push(Column::new(&["answers", q, d.id.as_str(), side]));
                    }
                }
            }
            QuestionKind::ContactRequest => {
                for field in ["name", "email", "phone"] {
                    columns.push(Column::new(&["answers", q, field]));
                }
            }
            QuestionKind::MultipleChoice { options, other, .. } => {
                columns.extend(options.iter().map(|o| Column::option(q, o.id.as_str())));
                if *other {
                    columns.push(Column::new(&["answers", q, "other"]));
                }
            }
            QuestionKind::Likert { statements, .. } => {
                for statement in statements {
                    columns.push(Column::new(&["answers", q, statement.id.as_str()]));
                }
            }
            QuestionKind::Csat { .. }
            | QuestionKind::Nps
            | QuestionKind::Ces
            | QuestionKind::YesNo
            | QuestionKind::SingleChoice { .. }
            | QuestionKind::Comment { .. } => columns.push(Column::new(&["answers", q])),
        }
    }
    for column in &mut columns {
        column.title = column.title.trim_start_matches("answers.").to_owned();
    }
    columns
}

/// One CSV line: every cell quoted (RFC 4180), formula cells neutralised.
fn csv_row(cells: impl Iterator<Item = String>) -> String {
    let mut line = cells.map(|cell| csv_cell(&cell)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

fn csv_cell(raw: &str) -> String {
    format!("\"{}\"", neutralised(raw).replace('"', "\"\""))
}

/// Characters that start a formula in a spreadsheet (OWASP's list).
const FORMULA: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `raw` with an apostrophe before every character that could start a
/// formula: at the start of the cell, and after anything a spreadsheet
/// reading the file another way could take for a cell or row boundary
/// (`,`, `;`, tab, a line break; quotes and spaces between are skipped).
/// Excel in a Latvian or Greek locale splits on `;` even inside a quoted
/// cell of a comma-separated file, so `x;=cmd|…` would start a cell there.
fn neutralised(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 1);
    let mut boundary = true;
    for c in raw.chars() {
        if boundary && FORMULA.contains(&c) {
            out.push('\'');
        }
        out.push(c);
        boundary = matches!(c, ',' | ';' | '\t' | '\n' | '\r') || (boundary && matches!(c, ' ' | '"'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_every_cell_quoted() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "\"'+1\"");
        assert_eq!(csv_cell("-2"), "\"'-2\"");
        assert_eq!(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_cell("\tx"), "\"'\tx\"");
        assert_eq!(csv_cell("plain"), "\"plain\"");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell(""), "\"\"");
    }

    #[test]
    fn formulas_after_another_reader_s_boundary_are_neutralised_too() {
        assert_eq!(neutralised("x;=cmd|' /C calc'!A0"), "x;'=cmd|' /C calc'!A0");
        assert_eq!(neutralised("a; \"=1"), "a; \"'=1");
        assert_eq!(neutralised("line\n@x"), "line\n'@x");
        assert_eq!(neutralised("well, - fine"), "well, '- fine");
        assert_eq!(
            neutralised("e-mail me = ok"),
            "e-mail me = ok",
            "only at a boundary"
        );
    }
}
