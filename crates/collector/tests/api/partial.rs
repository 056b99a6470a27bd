//! Partial responses: saves kept by sequence (a late retry of an older save
//! changes nothing), counted in the owner's figures only when asked for,
//! retired by the finished response in the same transaction, never holding
//! contact details, and erased by their id.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{question, uuid};

fn definition() -> Value {
    json!({
        "id": "partial", "version": 1, "default_locale": "en", "title": {"en": "Partial"},
        "questions": [
            {"id": "nps", "kind": "nps", "required": true, "text": {"en": "Recommend?"}},
            {"id": "easy", "kind": "ces", "required": true, "text": {"en": "Easy?"}},
            {"id": "contact", "kind": "contact_request", "text": {"en": "Call me?"}},
        ],
    })
}

fn save(n: u32, sequence: u32, complete: bool, answers: Value) -> String {
    json!({"id": uuid(n), "survey_version": 1, "locale": "th", "sequence": sequence, "complete": complete, "answers": answers})
        .to_string()
}

crate::on_both_databases! {
    async fn partial_saves_are_kept_by_sequence_and_retired_when_finished(app) {
        let created = app.admin("POST", "/v1/admin/surveys", Some(definition())).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        let app = &app;
        let post = |body: String| async move { app.post_raw("partial", "application/json", body).await };
        let figures = |query: &'static str| async move {
            app.admin("GET", &format!("/v1/admin/surveys/partial/snapshot?window=all{query}"), None).await.body
        };

        // Required questions may wait; a later save replaces, an older one
        // arriving late does not.
        assert_eq!(post(save(1, 1, false, json!({"nps": 3}))).await.status, StatusCode::CREATED);
        assert_eq!(post(save(1, 3, false, json!({"nps": 9}))).await.status, StatusCode::OK);
        assert_eq!(post(save(1, 2, false, json!({"nps": 0}))).await.status, StatusCode::OK);
        let all = figures("&responses=all").await;
        assert_eq!(all["responses"], 1);
        assert_eq!(question(&all, "nps")["histogram"][9], 1, "the latest save counts: {all}");
        assert_eq!(question(&all, "nps")["histogram"][0], 0, "the late older save changed nothing");
        assert_eq!(figures("").await["responses"], 0, "finished responses only by default");
        assert_eq!(figures("&responses=all&locale=th").await["responses"], 1, "a segment counts it too");
        assert_eq!(figures("&responses=all&locale=lv").await["responses"], 0);

        // Contact details come only with the finished response.
        let contact = post(save(2, 1, false, json!({"nps": 5, "contact": {"consent": true, "email": "a@example.com"}}))).await;
        assert_eq!((contact.status, contact.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("answers.contact")));
        let unnumbered = post(json!({"id": uuid(2), "survey_version": 1, "complete": false, "answers": {}}).to_string()).await;
        assert_eq!((unnumbered.status, unnumbered.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("sequence")), "{}", unnumbered.body);
        let unfinished = post(save(3, 1, true, json!({"nps": 5}))).await;
        assert_eq!(unfinished.body["field"], "answers.easy", "a finished response needs every required answer");

        // Finished: counted once, as finished; a save after it changes nothing.
        assert_eq!(post(save(1, 4, true, json!({"nps": 10, "easy": 6}))).await.status, StatusCode::CREATED);
        assert_eq!(post(save(1, 5, false, json!({"nps": 1}))).await.status, StatusCode::OK);
        for query in ["", "&responses=all"] {
            let body = figures(query).await;
            assert_eq!(body["responses"], 1, "{query}: {body}");
            assert_eq!(question(&body, "nps")["histogram"][10], 1, "{query}: the finished answers");
            assert_eq!(question(&body, "nps")["histogram"][9], 0, "{query}: the partial save was retired");
        }

        // An abandoned response is erased by its id, and stays erased.
        assert_eq!(post(save(4, 1, false, json!({"nps": 2}))).await.status, StatusCode::CREATED);
        assert_eq!(figures("&responses=all").await["responses"], 2);
        // Exports: finished ones by default; with responses=all the
        // unfinished one after them, marked.
        let export = |query: &'static str| async move {
            let reply = app.admin("GET", &format!("/v1/admin/surveys/partial/export?{query}"), None).await;
            // One NDJSON line is also one JSON document: read back as text.
            match reply.body {
                Value::String(text) => text,
                one => one.to_string(),
            }
        };
        let lines = |text: &str| text.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()).collect::<Vec<_>>();
        let finished = lines(&export("format=ndjson").await);
        assert_eq!(finished.len(), 1);
        assert_eq!(finished[0].get("complete"), None, "finished ones read as before");
        let all = lines(&export("format=ndjson&responses=all").await);
        assert_eq!(all.len(), 2);
        assert_eq!((all[1]["id"].as_str(), all[1]["complete"].as_bool()), (Some(uuid(4).as_str()), Some(false)));
        let csv = export("format=csv&responses=all").await;
        assert!(csv.lines().next().unwrap().ends_with(",\"complete\""), "{csv}");
        assert!(csv.lines().nth(2).unwrap().ends_with(",\"false\""), "{csv}");
        let erased = app.admin("POST", "/v1/admin/erasures", Some(json!({"response_id": uuid(4)}))).await;
        assert_eq!(erased.body["erased"], 1, "{}", erased.body);
        assert_eq!(figures("&responses=all").await["responses"], 1);
        assert_eq!(post(save(4, 2, false, json!({"nps": 2}))).await.status, StatusCode::OK);
        assert_eq!(figures("&responses=all").await["responses"], 1, "an erased response's later save stores nothing");
    }
}
