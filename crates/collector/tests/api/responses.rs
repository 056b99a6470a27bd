use axum::http::StatusCode;
use candor_core::SurveyId;
use serde_json::json;

use crate::helpers::{response, uuid};

fn checkout() -> SurveyId {
    SurveyId::parse("", "checkout").unwrap()
}

/// One malformed request and the error it must get.
struct BadRequest {
    what: &'static str,
    survey: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
    status: StatusCode,
    code: &'static str,
    field: &'static str,
}

fn bad(
    what: &'static str,
    body: impl Into<Vec<u8>>,
    status: StatusCode,
    code: &'static str,
    field: &'static str,
) -> BadRequest {
    BadRequest {
        what,
        survey: "checkout",
        content_type: "application/json",
        body: body.into(),
        status,
        code,
        field,
    }
}

crate::on_both_databases! {
    async fn valid_response_is_stored_with_201(app) {
        let reply = app.post(&response(&uuid(1), 4)).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        assert_eq!(reply.body["id"], uuid(1));
        assert_eq!(app.store.count_responses(&checkout()).await.unwrap(), 1);
    }


    async fn duplicate_id_is_acknowledged_with_200_and_stored_once(app) {
        assert_eq!(app.post(&response(&uuid(1), 4)).await.status, StatusCode::CREATED);
        let again = app.post(&response(&uuid(1), 4)).await;
        assert_eq!(again.status, StatusCode::OK);
        assert_eq!(app.store.count_responses(&checkout()).await.unwrap(), 1);
        let snapshot = app.admin("GET", "/v1/admin/surveys/checkout/snapshot", None).await;
        assert_eq!(
            snapshot.body["responses"], 1,
            "the summary counted the retry: {}",
            snapshot.body
        );
    }


    async fn text_plain_bodies_are_accepted_for_preflight_free_posts(app) {
        let reply = app
            .post_raw(
                "checkout",
                "text/plain;charset=UTF-8",
                response(&uuid(2), 5).to_string(),
            )
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    }

    async fn bad_input_gets_a_4xx_naming_the_field_and_stores_nothing(app) {
        let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
        let mut long_comment = response(&uuid(3), 4);
        long_comment["answers"]["comment"] = json!("x".repeat(2001));
        let mut gap_out_of_range = response(&uuid(4), 4);
        gap_out_of_range["answers"]["delivery"]["promise"]["experienced"] = json!(9);
        let minimal =
            |answers: serde_json::Value| json!({"id": uuid(5), "survey_version": 1, "answers": answers});
        let mut with_ip = minimal(json!({"satisfaction": 4}));
        with_ip["ip"] = json!("1.2.3.4");
        let cases = [
            bad(
                "rating above scale",
                response(&uuid(5), 6).to_string(),
                unprocessable,
                "out_of_range",
                "answers.satisfaction",
            ),
            bad(
                "rating below scale",
                response(&uuid(5), 0).to_string(),
                unprocessable,
                "out_of_range",
                "answers.satisfaction",
            ),
            bad(
                "gap out of range",
                gap_out_of_range.to_string(),
                unprocessable,
                "out_of_range",
                "answers.delivery.promise.experienced",
            ),
            bad(
                "comment too long",
                long_comment.to_string(),
                unprocessable,
                "too_long",
                "answers.comment",
            ),
            BadRequest {
                survey: "nope",
                ..bad(
                    "unknown survey",
                    response(&uuid(5), 4).to_string(),
                    StatusCode::NOT_FOUND,
                    "unknown_survey",
                    "survey",
                )
            },
            bad(
                "invalid JSON",
                "{\"id\":",
                StatusCode::BAD_REQUEST,
                "invalid_json",
                "",
            ),
            bad(
                "invalid UTF-8",
                vec![b'"', 0xff, 0xfe, b'"'],
                StatusCode::BAD_REQUEST,
                "invalid_json",
                "",
            ),
            bad("empty body", "", StatusCode::BAD_REQUEST, "invalid_json", ""),
            bad(
                "bad UUID",
                response("12345", 4).to_string(),
                unprocessable,
                "invalid_value",
                "id",
            ),
            bad(
                "wrong type",
                minimal(json!({"satisfaction": "five"})).to_string(),
                unprocessable,
                "invalid_type",
                "answers.satisfaction",
            ),
            bad(
                "unknown question",
                minimal(json!({"satisfaction": 4, "mood": 3})).to_string(),
                unprocessable,
                "unknown_question",
                "answers.mood",
            ),
            bad(
                "unknown field",
                with_ip.to_string(),
                unprocessable,
                "unknown_field",
                "ip",
            ),
            bad(
                "missing required",
                minimal(json!({})).to_string(),
                unprocessable,
                "required",
                "answers.satisfaction",
            ),
            bad(
                "unknown version",
                json!({"id": uuid(5), "survey_version": 7, "answers": {"satisfaction": 4}}).to_string(),
                StatusCode::CONFLICT,
                "wrong_version",
                "survey_version",
            ),
            BadRequest {
                content_type: "application/x-www-form-urlencoded",
                ..bad(
                    "wrong content type",
                    "a=1",
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "",
                )
            },
            bad(
                "oversize body",
                vec![b' '; 70 * 1024],
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "",
            ),
            bad(
                "deeply nested JSON",
                format!("{}{}", "[".repeat(5000), "]".repeat(5000)),
                StatusCode::BAD_REQUEST,
                "invalid_json",
                "",
            ),
        ];
        for case in cases {
            let what = case.what;
            let reply = app.post_raw(case.survey, case.content_type, case.body).await;
            assert_eq!(reply.status, case.status, "{what}: {}", reply.body);
            assert_eq!(reply.body["code"], case.code, "{what}: {}", reply.body);
            assert_eq!(reply.body["field"], case.field, "{what}: {}", reply.body);
            assert!(
                reply.body["message"].as_str().is_some_and(|m| !m.is_empty()),
                "{what}"
            );
        }
        assert_eq!(app.store.count_responses(&checkout()).await.unwrap(), 0);
    }


    async fn unknown_routes_answer_json_404(app) {
        let reply = app.get("/v1/nothing-here").await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        assert_eq!(reply.body["code"], "not_found");
    }


    async fn survey_definition_is_served(app) {
        let reply = app.get("/v1/surveys/checkout").await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.body["questions"][0]["kind"], "csat");
        assert_eq!(
            app.get("/v1/surveys/Bad%20Id").await.status,
            StatusCode::NOT_FOUND
        );
    }
}

crate::on_both_databases! {
    async fn concurrent_copies_of_one_response_store_it_once(app) {
        let body = response(&uuid(7), 5);
        let posts = (0..20).map(|_| app.post(&body));
        let statuses: Vec<StatusCode> = futures_util::future::join_all(posts).await.into_iter().map(|r| r.status).collect();
        assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 1, "{statuses:?}");
        assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 19, "{statuses:?}");
        assert_eq!(app.store.count_responses(&checkout()).await.unwrap(), 1);
        let snapshot = app.admin("GET", "/v1/admin/surveys/checkout/snapshot", None).await;
        assert_eq!(snapshot.body["responses"], 1);
    }
}
