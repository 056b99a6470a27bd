//! Identified visitors: the collector publishes its salt in the site list,
//! keeps only the browser's hash and the days a visitor answered or
//! dismissed each survey, and gives them back by hash, so recontact and
//! dismissal hold on the visitor's other devices; an erasure forgets them.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestApp, uuid};

/// A hash as the loader makes one (any 64 hex digits will do here).
fn hash(n: u8) -> String {
    format!("{n:02x}").repeat(32)
}

fn survey(id: &str) -> Value {
    json!({
        "id": id, "version": 1, "default_locale": "en", "title": {"en": "T"},
        "questions": [{"id": "rating", "kind": "csat", "text": {"en": "How was it?"}}],
        "settings": {"pages": {}, "audience": [{"attribute": "plan", "is": "pro"}, {"attribute": "orders", "at_least": 3}]},
    })
}

fn today() -> String {
    let now = time::OffsetDateTime::now_utc().date();
    format!("{:04}-{:02}-{:02}", now.year(), u8::from(now.month()), now.day())
}

async fn event(app: &TestApp, survey: &str, body: Value) -> StatusCode {
    let request = Request::post(format!("/v1/surveys/{survey}/events"))
        .header("content-type", "text/plain")
        .body(Body::from(body.to_string()))
        .unwrap();
    app.send(request).await.status
}

/// Every text value in the visitors table, as the database holds it.
async fn stored(app: &TestApp) -> String {
    use sqlx::Connection;
    let query = "SELECT visitor, survey_id, answered_on, dismissed_on FROM visitors ORDER BY survey_id";
    let rows: Vec<(String, String, Option<String>, Option<String>)> = if app.url.starts_with("sqlite:") {
        let mut db = sqlx::SqliteConnection::connect(&app.url).await.unwrap();
        sqlx::query_as(query).fetch_all(&mut db).await.unwrap()
    } else {
        let mut db = sqlx::PgConnection::connect(&app.url).await.unwrap();
        sqlx::query_as(query).fetch_all(&mut db).await.unwrap()
    };
    format!("{rows:?}")
}

crate::on_both_databases_configured! {
    async fn a_visitor_who_answered_or_dismissed_is_known_by_hash_alone(app) configured |_| {}; {
        for id in ["orders", "pricing"] {
            let created = app.admin("POST", "/v1/admin/surveys", Some(survey(id))).await;
            assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        }
        let list = app.get("/v1/surveys").await.body;
        let salt = list["salt"].as_str().unwrap().to_owned();
        assert_eq!(salt.len(), 32, "32 hex digits: {list}");
        assert_eq!(list["surveys"][0]["audience"], json!([{"attribute": "plan", "is": "pro"}, {"attribute": "orders", "at_least": 3.0}]));

        let unknown = app.get(&format!("/v1/visitors/{}", hash(1))).await;
        assert_eq!((unknown.status, unknown.body.clone()), (StatusCode::OK, json!({"surveys": []})));

        // Answered on one device: the response's visitor is recorded, not stored with it.
        let response = json!({"id": uuid(1), "survey_version": 1, "answers": {"rating": 5}, "visitor": hash(1), "context": {"plan": "pro"}});
        assert_eq!(app.post_raw("orders", "application/json", response.to_string()).await.status, StatusCode::CREATED);
        // A partial save is not an answer.
        let partial = json!({"id": uuid(2), "survey_version": 1, "answers": {}, "complete": false, "sequence": 1, "visitor": hash(2)});
        assert_eq!(app.post_raw("orders", "application/json", partial.to_string()).await.status, StatusCode::CREATED);
        // Dismissed, by the funnel's report.
        assert_eq!(event(&app, "pricing", json!({"event": "dismissed", "visitor": hash(1)})).await, StatusCode::ACCEPTED);
        assert_eq!(event(&app, "pricing", json!({"event": "shown", "visitor": hash(3)})).await, StatusCode::ACCEPTED);
        // Dismissals are written with the funnel's counts (reading the funnel writes them now).
        assert_eq!(app.admin("GET", "/v1/admin/surveys/pricing/funnel?window=all", None).await.status, StatusCode::OK);

        let known = app.get(&format!("/v1/visitors/{}", hash(1))).await;
        assert_eq!(known.status, StatusCode::OK, "{}", known.body);
        assert_eq!(known.body, json!({"surveys": [
            {"survey": "orders", "answered_on": today(), "dismissed_on": null},
            {"survey": "pricing", "answered_on": null, "dismissed_on": today()},
        ]}));
        for other in [2, 3] {
            assert_eq!(app.get(&format!("/v1/visitors/{}", hash(other))).await.body, json!({"surveys": []}), "visitor {other}");
        }

        // The response itself holds no hash: exports never link answers to a visitor.
        let export = app.admin("GET", "/v1/admin/surveys/orders/responses", None).await;
        assert!(!export.body.to_string().contains(&hash(1)), "{}", export.body);
        assert_eq!(stored(&app).await.matches(&hash(1)).count(), 2, "the hash, once per survey");

        // Erased on request: the visitor is forgotten, every survey's days.
        let both = app.admin("POST", "/v1/admin/erasures", Some(json!({"visitor": hash(1), "email": "a@b.example"}))).await;
        assert_eq!(both.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", both.body);
        let erased = app.admin("POST", "/v1/admin/erasures", Some(json!({"visitor": hash(1)}))).await;
        assert_eq!((erased.status, erased.body.clone()), (StatusCode::OK, json!({"erased": 2})));
        assert_eq!(app.get(&format!("/v1/visitors/{}", hash(1))).await.body, json!({"surveys": []}));
        assert!(!stored(&app).await.contains(&hash(1)), "no row left");
    }

    async fn a_bad_visitor_is_refused_naming_the_field(app) configured |_| {}; {
        let created = app.admin("POST", "/v1/admin/surveys", Some(survey("orders"))).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        for raw in ["alice@example.com", &hash(0xab).to_uppercase(), &hash(0xab)[1..]] {
            let response = json!({"id": uuid(1), "survey_version": 1, "answers": {"rating": 5}, "visitor": raw});
            let refused = app.post_raw("orders", "application/json", response.to_string()).await;
            assert_eq!((refused.status, refused.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("visitor")), "{}", refused.body);
            let lookup = app.get(&format!("/v1/visitors/{}", raw.replace('@', "%40"))).await;
            assert_eq!((lookup.status, lookup.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("visitor")), "{}", lookup.body);
        }
        assert_eq!(event(&app, "orders", json!({"event": "dismissed", "visitor": 7})).await, StatusCode::UNPROCESSABLE_ENTITY);
        for (audience, field) in [
            (json!([{"attribute": "Plan", "is": "pro"}]), "settings.audience[0]"),
            (json!([{"attribute": "orders", "at_least": "3"}]), "settings.audience[0].at_least"),
            (json!(vec![json!({"attribute": "a", "is": true}); 11]), "settings.audience"),
        ] {
            let mut bad = survey("bad");
            bad["settings"]["audience"] = audience;
            let refused = app.admin("POST", "/v1/admin/surveys", Some(bad)).await;
            assert_eq!((refused.status, refused.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{}", refused.body);
        }
        assert_eq!(stored(&app).await, "[]", "nothing refused was kept");
    }

    async fn days_no_rule_needs_are_swept(app) configured |c| c.frequency_cap_days = 30; {
        let mut quarterly = survey("quarterly");
        quarterly["settings"]["recontact_days"] = json!(90);
        quarterly["settings"]["dismissal_days"] = json!(14);
        let created = app.admin("POST", "/v1/admin/surveys", Some(quarterly)).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        let answer = json!({"id": uuid(1), "survey_version": 1, "answers": {"rating": 5}, "visitor": hash(1)});
        assert_eq!(app.post_raw("quarterly", "application/json", answer.to_string()).await.status, StatusCode::CREATED);
        assert_eq!(event(&app, "quarterly", json!({"event": "dismissed", "visitor": hash(2)})).await, StatusCode::ACCEPTED);
        assert_eq!(app.admin("GET", "/v1/admin/surveys/quarterly/funnel?window=all", None).await.status, StatusCode::OK);

        let today = candor_core::Day::parse("", &today()).unwrap();
        assert_eq!(app.store.sweep_visitors(30, today).await.unwrap(), 0, "both still read");
        // A dismissal is kept for the cap's 30 days, not only its own 14.
        assert_eq!(app.store.sweep_visitors(30, today.plus(29)).await.unwrap(), 0);
        assert_eq!(app.store.sweep_visitors(30, today.plus(31)).await.unwrap(), 1, "the dismissal, past the cap");
        // An answer for its survey's 90 recontact days.
        assert_eq!(app.store.sweep_visitors(30, today.plus(90)).await.unwrap(), 0);
        assert_eq!(app.store.sweep_visitors(30, today.plus(91)).await.unwrap(), 1, "the answer, past its recontact days");
        assert_eq!(stored(&app).await, "[]");
    }

    async fn the_salt_is_kept_for_good(app) configured |_| {}; {
        let first = app.get("/v1/surveys").await.body["salt"].clone();
        let again = candor_collector::AppState::new(app.store.clone(), &candor_collector::Config::for_database(app.url.clone()))
            .await
            .unwrap()
            .0;
        assert_eq!(Value::String(again.visitor_salt.to_string()), first, "a restart keeps the salt, or every hash changes");
    }
}
