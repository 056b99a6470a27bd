//! A survey's logic, enforced by the collector as by the widget: an answer
//! to a question the logic skipped is refused naming it, a required
//! question it skipped is not required, and a definition whose logic reads
//! ahead is refused at its path.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::uuid;

/// NPS, then "what went wrong?" (required) for detractors only.
fn nps_then_why() -> Value {
    json!({
        "id": "nps-why", "version": 1, "default_locale": "en", "title": {"en": "Thanks"},
        "questions": [
            {"id": "nps", "kind": "nps", "required": true, "text": {"en": "Would you recommend us?"}},
            {"id": "wrong", "kind": "comment", "max_length": 500, "required": true,
             "text": {"en": "What went wrong?"}, "show_if": {"question": "nps", "at_most": 6}},
        ],
    })
}

fn answering(n: u32, answers: Value) -> Value {
    json!({"id": uuid(n), "survey_version": 1, "answers": answers})
}

crate::on_both_databases! {
    async fn the_logic_decides_what_a_response_may_and_must_answer(app) {
        let created = app.admin("POST", "/v1/admin/surveys", Some(nps_then_why())).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        let app = &app;
        let post = |n: u32, answers: Value| {
            let body = answering(n, answers).to_string();
            async move { app.post_raw("nps-why", "application/json", body).await }
        };
        let promoter = post(1, json!({"nps": 10})).await;
        assert_eq!(promoter.status, StatusCode::CREATED, "a skipped question is not required: {}", promoter.body);
        let hidden = post(2, json!({"nps": 10, "wrong": "Nothing"})).await;
        assert_eq!(hidden.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(hidden.body["code"], "not_asked");
        assert_eq!(hidden.body["field"], "answers.wrong");
        let unexplained = post(3, json!({"nps": 4})).await;
        assert_eq!(unexplained.body["code"], "required");
        assert_eq!(unexplained.body["field"], "answers.wrong");
        let detractor = post(4, json!({"nps": 4, "wrong": "Slow delivery"})).await;
        assert_eq!(detractor.status, StatusCode::CREATED, "{}", detractor.body);
        let snapshot = app.admin("GET", "/v1/admin/surveys/nps-why/snapshot", None).await;
        assert_eq!(snapshot.body["responses"], 2, "the refused ones stored nothing");
    }

    async fn a_definition_whose_logic_reads_ahead_is_refused_at_its_path(app) {
        let mut definition = nps_then_why();
        definition["questions"][0]["show_if"] = json!({"question": "wrong", "answered": true});
        let refused = app.admin("POST", "/v1/admin/surveys", Some(definition)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(refused.body["field"], "questions[0].show_if.question", "{}", refused.body);
    }
}
