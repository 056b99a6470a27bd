//! An event as a Slack message in Block Kit: the ratings, the comments as
//! plain text (Slack shows them as written, never as markup or mentions),
//! the dimensions that fell short, the page and locale, and a link to the
//! survey's comments in the dashboard. Every text is cut to Block Kit's
//! limits, so a long comment cannot make Slack refuse the message.

use candor_core::{QuestionKind, Survey};
use serde_json::{Value, json};

/// Block Kit's limits (api.slack.com/reference/block-kit/blocks).
pub const MAX_BLOCKS: usize = 50;
/// A section's text.
pub const MAX_SECTION_TEXT: usize = 3000;
/// A header's plain text.
pub const MAX_HEADER_TEXT: usize = 150;
/// One of a section's fields, and one context element.
pub const MAX_FIELD_TEXT: usize = 2000;
/// A section's fields.
pub const MAX_FIELDS: usize = 10;
/// A context block's elements.
pub const MAX_CONTEXT_ELEMENTS: usize = 10;
/// The message's fallback text (shown in notifications).
pub const MAX_FALLBACK_TEXT: usize = 4000;

/// The message for `event` (as queued), with the survey it concerns if it
/// is still there, and the dashboard's address if the collector knows its
/// public URL.
pub fn message(event: &Value, survey: Option<&Survey>, dashboard: Option<&str>) -> Value {
    let kind = event["type"].as_str().unwrap_or_default();
    let data = &event["data"];
    let survey_id = data["survey_id"].as_str().unwrap_or_default();
    let title = survey.map_or(survey_id, |s| s.text(&s.title, "en"));
    let mut blocks = Vec::new();
    let headline = match kind {
        "response.completed" => format!("New response: {title}"),
        "response.partial" => format!("Unfinished response: {title}"),
        "contact.requested" => format!("Contact requested: {title}"),
        "alert.fired" => format!("Alert: {}", data["rule"].as_str().unwrap_or(title)),
        _ => "Candor test message".to_owned(),
    };
    blocks.push(json!({"type": "header", "text": plain(&headline, MAX_HEADER_TEXT)}));
    if kind == candor_core::admin::TEST_EVENT {
        blocks.push(section(plain(
            data["message"].as_str().unwrap_or_default(),
            MAX_SECTION_TEXT,
        )));
    }
    if let (Some(value), Some(baseline)) = (data["value"].as_f64(), data["baseline"].as_f64()) {
        let question = data["question"].as_str().unwrap_or_default();
        let asked = survey
            .and_then(|s| s.question(question).map(|q| s.text(&q.text, "en")))
            .unwrap_or(question);
        let told = format!(
            "*{}*\nToday {value:.2} against {baseline:.2} over the week before (p = {:.3}, {} answers today)",
            escape(asked),
            data["p_value"].as_f64().unwrap_or(f64::NAN),
            data["answers_today"].as_u64().unwrap_or(0),
        );
        blocks.push(section(mrkdwn(&told, MAX_SECTION_TEXT)));
    }
    let mut fields = Vec::new();
    let mut comments = Vec::new();
    let mut short = Vec::new();
    if let (Some(answers), Some(survey)) = (data["answers"].as_object(), survey) {
        for question in &survey.questions {
            let Some(answer) = answers.get(question.id.as_str()) else {
                continue;
            };
            let asked = survey.text(&question.text, "en");
            match &question.kind {
                QuestionKind::Csat { points, .. } => {
                    fields.push(field(asked, &format!("{} / {points}", answer)));
                }
                QuestionKind::Nps => fields.push(field(asked, &format!("{answer} / 10"))),
                QuestionKind::Ces => fields.push(field(asked, &format!("{answer} / 7"))),
                QuestionKind::YesNo => {
                    fields.push(field(
                        asked,
                        if answer.as_bool() == Some(true) {
                            "Yes"
                        } else {
                            "No"
                        },
                    ));
                }
                QuestionKind::SingleChoice { options } => {
                    let chosen = options
                        .iter()
                        .find(|o| Some(o.id.as_str()) == answer.as_str())
                        .map_or_else(
                            || answer.as_str().unwrap_or_default().to_owned(),
                            |o| survey.text(&o.label, "en").to_owned(),
                        );
                    fields.push(field(asked, &chosen));
                }
                QuestionKind::ExpectationGap { dimensions } => {
                    for dimension in dimensions {
                        let pair = &answer[dimension.id.as_str()];
                        let (Some(expected), Some(experienced)) =
                            (pair["expected"].as_u64(), pair["experienced"].as_u64())
                        else {
                            continue;
                        };
                        if experienced < expected {
                            short.push(format!(
                                "{}: expected {expected}, got {experienced}",
                                survey.text(&dimension.label, "en")
                            ));
                        }
                    }
                }
                QuestionKind::Comment { .. } => {
                    if let Some(text) = answer.as_str() {
                        comments.push((asked.to_owned(), text.to_owned()));
                    }
                }
                QuestionKind::ContactRequest => {
                    let reach: Vec<&str> = ["name", "email", "phone"]
                        .iter()
                        .filter_map(|key| answer[*key].as_str())
                        .collect();
                    fields.push(field("Contact", &reach.join(", ")));
                }
                QuestionKind::MultipleChoice { .. } | QuestionKind::Likert { .. } => {}
            }
        }
    }
    for chunk in fields.chunks(MAX_FIELDS) {
        blocks.push(json!({"type": "section", "fields": chunk}));
    }
    if !short.is_empty() {
        blocks.push(section(mrkdwn(
            &format!("*Fell short*\n{}", escape(&short.join("\n"))),
            MAX_SECTION_TEXT,
        )));
    }
    for (asked, text) in comments {
        blocks.push(section(mrkdwn(
            &format!("*{}*", escape(&asked)),
            MAX_SECTION_TEXT,
        )));
        blocks.push(section(plain(&text, MAX_SECTION_TEXT)));
    }
    let mut context = Vec::new();
    for (name, key) in [("Page", "page"), ("Locale", "locale")] {
        if let Some(value) = data[key].as_str() {
            context.push(mrkdwn(&format!("{name}: {}", escape(value)), MAX_FIELD_TEXT));
        }
    }
    if !survey_id.is_empty() {
        context.push(mrkdwn(&format!("Survey: {}", escape(survey_id)), MAX_FIELD_TEXT));
    }
    context.truncate(MAX_CONTEXT_ELEMENTS);
    if !context.is_empty() {
        blocks.push(json!({"type": "context", "elements": context}));
    }
    if let Some(dashboard) = dashboard.filter(|_| !survey_id.is_empty()) {
        blocks.push(json!({"type": "actions", "elements": [{
            "type": "button",
            "text": plain("Open in Candor", 75),
            "url": format!("{}/dashboard/#/surveys/{survey_id}/comments", dashboard.trim_end_matches('/')),
        }]}));
    }
    // The last blocks (context, link) matter more than the tenth comment.
    if blocks.len() > MAX_BLOCKS {
        let tail = blocks.split_off(blocks.len() - 2);
        blocks.truncate(MAX_BLOCKS - 2);
        blocks.extend(tail);
    }
    json!({"text": cut(&escape(&headline), MAX_FALLBACK_TEXT), "blocks": blocks})
}

fn section(text: Value) -> Value {
    json!({"type": "section", "text": text})
}

fn field(label: &str, value: &str) -> Value {
    let label = cut(&escape(label), MAX_FIELD_TEXT / 2);
    mrkdwn(&format!("*{label}*\n{}", escape(value)), MAX_FIELD_TEXT)
}

fn plain(text: &str, limit: usize) -> Value {
    json!({"type": "plain_text", "text": cut(text, limit), "emoji": false})
}

fn mrkdwn(text: &str, limit: usize) -> Value {
    json!({"type": "mrkdwn", "text": cut(text, limit), "verbatim": true})
}

/// `text` with Slack's three control characters escaped, and markup
/// characters made inert, so it reads as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Bold, italic, strike and code marks, as their full-width twins
            // would change the text; a zero-width joiner keeps them inert.
            '*' | '_' | '~' | '`' => {
                out.push(c);
                out.push('\u{200B}');
            }
            _ => out.push(c),
        }
    }
    out
}

/// At most `limit` characters, ending in "…" when cut.
fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let mut kept: String = text.chars().take(limit.saturating_sub(1)).collect();
    kept.push('…');
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_cut_to_their_limit_and_markup_made_inert() {
        let cut_text = cut(&"ä".repeat(3100), MAX_SECTION_TEXT);
        assert_eq!(cut_text.chars().count(), MAX_SECTION_TEXT);
        assert!(cut_text.ends_with('…'));
        assert_eq!(cut("short", 10), "short");
        assert_eq!(escape("<@U1> & *b*"), "&lt;@U1&gt; &amp; *\u{200B}b*\u{200B}");
    }

    #[test]
    fn a_drop_alert_says_how_far_the_figure_fell() {
        let event = serde_json::json!({"type": "alert.fired", "data": {
            "rule": "Satisfaction fell", "survey_id": "checkout", "question": "satisfaction",
            "value": 0.2, "baseline": 0.9, "p_value": 0.0004, "answers_today": 14,
        }});
        let message = message(&event, Some(&candor_core::templates::checkout()), None);
        assert_eq!(message["blocks"][0]["text"]["text"], "Alert: Satisfaction fell");
        let told = message["blocks"][1]["text"]["text"].as_str().unwrap();
        assert!(
            told.contains("Today 0.20 against 0.90") && told.contains("14 answers"),
            "{told}"
        );
    }

    #[test]
    fn a_message_without_its_survey_still_says_what_happened() {
        let event = serde_json::json!({"type": "response.completed", "data": {"survey_id": "gone", "page": "/a", "answers": {}}});
        let message = message(&event, None, None);
        assert_eq!(message["blocks"][0]["text"]["text"], "New response: gone");
        assert!(
            message["blocks"]
                .as_array()
                .unwrap()
                .iter()
                .all(|b| b["type"] != "actions"),
            "no link without a public URL"
        );
    }
}
