//! The site-wide script's public list (`GET /v1/surveys`): only open
//! surveys with page rules, no texts, per origin, cacheable; schedules and
//! response limits close a survey for new visitors while a response to it
//! is still stored.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

use crate::helpers::{TestApp, uuid};

/// A one-question survey `id` with `settings`.
fn survey(id: &str, settings: Value) -> Value {
    json!({
        "id": id, "version": 1, "default_locale": "en", "title": {"en": "Secret title"},
        "questions": [{"id": "rating", "kind": "csat", "text": {"en": "How was it?"}}],
        "settings": settings,
    })
}

async fn create(app: &TestApp, definition: Value) {
    let created = app.admin("POST", "/v1/admin/surveys", Some(definition)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
}

async fn list_from(app: &TestApp, origin: Option<&str>) -> Vec<String> {
    let mut request = Request::get("/v1/surveys");
    if let Some(origin) = origin {
        request = request.header(header::ORIGIN, origin);
    }
    let reply = app.send(request.body(Body::empty()).unwrap()).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    ids(&reply.body)
}

fn ids(list: &Value) -> Vec<String> {
    list["surveys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

fn answer(n: u32) -> Value {
    json!({"id": uuid(n), "survey_version": 1, "answers": {"rating": 4}})
}

crate::on_both_databases_configured! {
    async fn the_list_holds_open_surveys_with_page_rules_and_no_texts(app) configured |c| c.frequency_cap_days = 30; {
        create(&app, survey("orders", json!({"pages": {"include": ["/orders/*"]}, "trigger": {"on": "page_view", "count": 3}}))).await;
        create(&app, survey("everywhere", json!({"pages": {}, "display": "popover"}))).await;
        create(&app, survey("named-only", json!({}))).await;
        create(&app, survey("shop-only", json!({"pages": {}, "allowed_origins": ["https://shop.example"]}))).await;

        let reply = app.get("/v1/surveys").await;
        assert_eq!(reply.body["cap_days"], 30, "the collector's cap: {}", reply.body);
        assert_eq!(ids(&reply.body), ["everywhere", "orders", "shop-only"], "with page rules, by id; the built-in surveys have none");
        let orders = &reply.body["surveys"][1];
        assert_eq!(orders["pages"], json!({"include": ["/orders/*"], "exclude": []}));
        assert_eq!(orders["trigger"], json!({"on": "page_view", "count": 3}));
        let text = reply.body.to_string();
        assert!(!text.contains("Secret title") && !text.contains("How was it?"), "no texts: {text}");

        assert_eq!(list_from(&app, Some("https://shop.example")).await, ["everywhere", "orders", "shop-only"]);
        assert_eq!(list_from(&app, Some("https://other.example")).await, ["everywhere", "orders"], "not for another origin");

        // Cacheable: the same list again is a 304.
        use tower::ServiceExt;
        let first = app.router.clone().oneshot(Request::get("/v1/surveys").body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(first.headers()[header::CACHE_CONTROL], "public, max-age=60");
        let etag = first.headers()[header::ETAG].clone();
        let again = Request::get("/v1/surveys").header(header::IF_NONE_MATCH, etag).body(Body::empty()).unwrap();
        assert_eq!(app.send(again).await.status, StatusCode::NOT_MODIFIED);
    }

    async fn a_schedule_keeps_a_survey_out_before_its_start_and_after_its_end(app) configured |_| {}; {
        create(&app, survey("later", json!({"pages": {}, "starts_at": "2999-01-01T00:00:00Z"}))).await;
        create(&app, survey("over", json!({"pages": {}, "starts_at": "2020-01-01T00:00:00Z", "ends_at": "2020-02-01T00:00:00Z"}))).await;
        create(&app, survey("now", json!({"pages": {}, "starts_at": "2020-01-01T00:00:00Z", "ends_at": "2999-01-01T00:00:00Z"}))).await;
        assert_eq!(list_from(&app, None).await, ["now"]);
        for (id, message) in [("later", "not started"), ("over", "closed")] {
            let reply = app.get(&format!("/v1/surveys/{id}")).await;
            assert_eq!(reply.status, StatusCode::GONE, "{id}: {}", reply.body);
            assert_eq!((reply.body["code"].as_str(), reply.body["field"].as_str()), (Some("survey_closed"), Some("survey")));
            assert!(reply.body["message"].as_str().unwrap().contains(message), "{}", reply.body);
        }
        assert_eq!(app.get("/v1/surveys/now").await.status, StatusCode::OK);
        // A response to a survey that closed while it was being answered is stored.
        assert_eq!(app.post_raw("over", "application/json", answer(1).to_string()).await.status, StatusCode::CREATED);
    }

    async fn a_response_limit_closes_the_survey_and_a_late_response_is_still_stored(app) configured |_| {}; {
        create(&app, survey("limited", json!({"pages": {}, "response_limit": 2}))).await;
        assert_eq!(list_from(&app, None).await, ["limited"], "open with no responses");
        assert_eq!(app.get("/v1/surveys/limited").await.status, StatusCode::OK);
        for n in 1..=2 {
            assert_eq!(app.post_raw("limited", "application/json", answer(n).to_string()).await.status, StatusCode::CREATED);
        }
        assert_eq!(list_from(&app, None).await, Vec::<String>::new(), "closed at its limit");
        let reply = app.get("/v1/surveys/limited").await;
        assert_eq!(reply.status, StatusCode::GONE, "{}", reply.body);
        // Someone who had started before it closed: their response counts.
        assert_eq!(app.post_raw("limited", "application/json", answer(3).to_string()).await.status, StatusCode::CREATED);
        let snapshot = app.admin("GET", "/v1/admin/surveys/limited/snapshot", None).await;
        assert_eq!(snapshot.body["responses"], 3);
    }

    async fn bad_targeting_is_refused_naming_its_field(app) configured |_| {}; {
        for (settings, field) in [
            (json!({"pages": {"include": ["orders"]}}), "settings.pages.include[0]"),
            (json!({"starts_at": "tomorrow"}), "settings.starts_at"),
            (json!({"starts_at": "2027-02-01T00:00:00Z", "ends_at": "2027-01-01T00:00:00Z"}), "settings.ends_at"),
            (json!({"response_limit": 0}), "settings.response_limit"),
            (json!({"trigger": {"on": "click", "selector": ""}}), "settings.trigger.selector"),
        ] {
            let refused = app.admin("POST", "/v1/admin/surveys", Some(survey("bad", settings))).await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {}", refused.body);
            assert_eq!(refused.body["field"], field, "{}", refused.body);
        }
    }
}
