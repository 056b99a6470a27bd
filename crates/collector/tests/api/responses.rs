use axum::http::StatusCode;
use candor_core::SurveyId;
use serde_json::json;

use crate::helpers::{response, spawn_app, uuid};

fn checkout() -> SurveyId {
    SurveyId::parse("", "checkout").unwrap()
}

#[tokio::test]
async fn valid_response_is_stored_with_201() {
    let app = spawn_app().await;
    let reply = app.post(&response(&uuid(1), 4)).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    assert_eq!(reply.body["id"], uuid(1));
    assert_eq!(app.store.count_responses(&checkout()).await.unwrap(), 1);
}

#[tokio::test]
async fn duplicate_id_is_acknowledged_with_200_and_stored_once() {
    let app = spawn_app().await;
    assert_eq!(app.post(&response(&uuid(1), 4)).await.status, StatusCode::CREATED);
    let again = app.post(&response(&uuid(1), 4)).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(app.store.count_responses(&checkout()).await.unwrap(), 1);
    let snapshot = app.get("/v1/surveys/checkout/snapshot").await;
    assert_eq!(
        snapshot.body["responses"], 1,
        "the summary counted the retry: {}",
        snapshot.body
    );
}

#[tokio::test]
async fn text_plain_bodies_are_accepted_for_preflight_free_posts() {
    let app = spawn_app().await;
    let reply = app
        .post_raw(
            "checkout",
            "text/plain;charset=UTF-8",
            response(&uuid(2), 5).to_string(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
}

/// Each bad request: (what, request parts, expected status, code, field).
#[tokio::test]
async fn bad_input_gets_a_4xx_naming_the_field_and_stores_nothing() {
    let app = spawn_app().await;
    let long_comment = {
        let mut body = response(&uuid(3), 4);
        body["answers"]["comment"] = json!("x".repeat(2001));
        body
    };
    let mut gap_out_of_range = response(&uuid(4), 4);
    gap_out_of_range["answers"]["delivery"]["promise"]["experienced"] = json!(9);
    let cases: Vec<(&str, &str, &str, Vec<u8>, StatusCode, &str, &str)> = vec![
        (
            "rating above scale",
            "checkout",
            "application/json",
            response(&uuid(5), 6).to_string().into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "out_of_range",
            "answers.satisfaction",
        ),
        (
            "rating below scale",
            "checkout",
            "application/json",
            response(&uuid(5), 0).to_string().into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "out_of_range",
            "answers.satisfaction",
        ),
        (
            "gap out of range",
            "checkout",
            "application/json",
            gap_out_of_range.to_string().into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "out_of_range",
            "answers.delivery.promise.experienced",
        ),
        (
            "comment too long",
            "checkout",
            "application/json",
            long_comment.to_string().into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "too_long",
            "answers.comment",
        ),
        (
            "unknown survey",
            "nope",
            "application/json",
            response(&uuid(5), 4).to_string().into(),
            StatusCode::NOT_FOUND,
            "unknown_survey",
            "survey",
        ),
        (
            "invalid JSON",
            "checkout",
            "application/json",
            b"{\"id\":".to_vec(),
            StatusCode::BAD_REQUEST,
            "invalid_json",
            "",
        ),
        (
            "invalid UTF-8",
            "checkout",
            "application/json",
            vec![b'"', 0xff, 0xfe, b'"'],
            StatusCode::BAD_REQUEST,
            "invalid_json",
            "",
        ),
        (
            "empty body",
            "checkout",
            "application/json",
            Vec::new(),
            StatusCode::BAD_REQUEST,
            "invalid_json",
            "",
        ),
        (
            "bad UUID",
            "checkout",
            "application/json",
            response("12345", 4).to_string().into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_value",
            "id",
        ),
        (
            "wrong type",
            "checkout",
            "application/json",
            json!({"id": uuid(5), "survey_version": 1, "answers": {"satisfaction": "five"}})
                .to_string()
                .into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_type",
            "answers.satisfaction",
        ),
        (
            "unknown question",
            "checkout",
            "application/json",
            json!({"id": uuid(5), "survey_version": 1, "answers": {"satisfaction": 4, "mood": 3}})
                .to_string()
                .into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_question",
            "answers.mood",
        ),
        (
            "unknown field",
            "checkout",
            "application/json",
            json!({"id": uuid(5), "survey_version": 1, "answers": {"satisfaction": 4}, "ip": "1.2.3.4"})
                .to_string()
                .into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_field",
            "ip",
        ),
        (
            "missing required",
            "checkout",
            "application/json",
            json!({"id": uuid(5), "survey_version": 1, "answers": {}})
                .to_string()
                .into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "required",
            "answers.satisfaction",
        ),
        (
            "wrong version",
            "checkout",
            "application/json",
            json!({"id": uuid(5), "survey_version": 7, "answers": {"satisfaction": 4}})
                .to_string()
                .into(),
            StatusCode::CONFLICT,
            "wrong_version",
            "survey_version",
        ),
        (
            "wrong content type",
            "checkout",
            "application/x-www-form-urlencoded",
            b"a=1".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "",
        ),
        (
            "oversize body",
            "checkout",
            "application/json",
            vec![b' '; 70 * 1024],
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
            "",
        ),
        (
            "deeply nested JSON",
            "checkout",
            "application/json",
            format!("{}{}", "[".repeat(5000), "]".repeat(5000)).into(),
            StatusCode::BAD_REQUEST,
            "invalid_json",
            "",
        ),
    ];
    for (what, survey, content_type, body, status, code, field) in cases {
        let reply = app.post_raw(survey, content_type, body).await;
        assert_eq!(reply.status, status, "{what}: {}", reply.body);
        assert_eq!(reply.body["code"], code, "{what}: {}", reply.body);
        assert_eq!(reply.body["field"], field, "{what}: {}", reply.body);
        assert!(
            reply.body["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{what}"
        );
    }
    assert_eq!(app.store.count_responses(&checkout()).await.unwrap(), 0);
}

#[tokio::test]
async fn unknown_routes_answer_json_404() {
    let app = spawn_app().await;
    let reply = app.get("/v1/nothing-here").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.body["code"], "not_found");
}

#[tokio::test]
async fn survey_definition_is_served() {
    let app = spawn_app().await;
    let reply = app.get("/v1/surveys/checkout").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body["questions"][0]["kind"], "csat");
    assert_eq!(
        app.get("/v1/surveys/Bad%20Id").await.status,
        StatusCode::NOT_FOUND
    );
}
