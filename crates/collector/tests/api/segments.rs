//! The owner's filters: figures, listings, exports and words of one segment
//! (locale, page, context values), and the facets offered to choose from.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, response, uuid};

/// Six responses: three Thai app ones on /checkout rated 1, 2, 2; two
/// English web ones on /checkout rated 5, 5; one English app one on /cart
/// rated 4.
async fn seed(app: &TestApp) {
    let rows = [
        ("th", "/checkout", "app", 1),
        ("th", "/checkout", "app", 2),
        ("th", "/checkout", "app", 2),
        ("en", "/checkout", "web", 5),
        ("en", "/checkout", "web", 5),
        ("en", "/cart", "app", 4),
    ];
    for (n, (locale, page, channel, rating)) in rows.into_iter().enumerate() {
        let mut body = response(&uuid(100 + n as u32), rating);
        body["locale"] = json!(locale);
        body["page"] = json!(page);
        body["context"] = json!({ "channel": channel, "shop": "main" });
        let posted = app.post(&body).await;
        assert_eq!(posted.status, StatusCode::CREATED, "{}", posted.body);
    }
}

async fn snapshot(app: &TestApp, filters: &str) -> Value {
    let uri = format!("/v1/admin/surveys/checkout/snapshot?window=7d{filters}");
    let reply = app.admin("GET", &uri, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}

fn csat_mean(snapshot: &Value) -> f64 {
    let question = snapshot["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "satisfaction")
        .unwrap();
    question["mean"].as_f64().unwrap_or_else(|| panic!("{question}"))
}

crate::on_both_databases! {
    async fn figures_narrow_to_a_locale_a_page_and_context_values(app) {
        seed(&app).await;
        let all = snapshot(&app, "").await;
        assert_eq!(all["responses"], 6);

        let thai = snapshot(&app, "&locale=th").await;
        assert_eq!(thai["responses"], 3);
        assert!((csat_mean(&thai) - 5.0 / 3.0).abs() < 1e-9, "{thai}");

        let app_on_checkout = snapshot(&app, "&page=%2Fcheckout&context.channel=app").await;
        assert_eq!(app_on_checkout["responses"], 3);
        let cart = snapshot(&app, "&page=%2Fcart").await;
        assert_eq!((cart["responses"].as_u64(), csat_mean(&cart)), (Some(1), 4.0));
        assert_eq!(snapshot(&app, "&locale=lv").await["responses"], 0);

        // An empty value filters nothing.
        assert_eq!(snapshot(&app, "&locale=&page=").await["responses"], 6);
    }

    async fn a_segment_built_from_responses_equals_the_summaries(app) {
        seed(&app).await;
        // Every response has shop=main: built from the responses, the
        // figures are exactly those built from the daily summaries.
        let all = snapshot(&app, "").await;
        let everyone = snapshot(&app, "&context.shop=main").await;
        assert_eq!(everyone["responses"], 6);
        assert_eq!(everyone["questions"], all["questions"]);
        assert_eq!(everyone["trend"], all["trend"]);
        // Two segments that split the responses add up to the whole.
        let app_only = snapshot(&app, "&context.channel=app").await;
        let web_only = snapshot(&app, "&context.channel=web").await;
        assert_eq!(app_only["responses"].as_u64().unwrap() + web_only["responses"].as_u64().unwrap(), 6);
        let mean = |s: &Value| csat_mean(s) * s["responses"].as_f64().unwrap();
        assert!((mean(&app_only) + mean(&web_only) - mean(&all)).abs() < 1e-9);
    }

    async fn listings_exports_and_words_follow_the_segment(app) {
        seed(&app).await;
        let listed = app.admin("GET", "/v1/admin/surveys/checkout/responses?locale=th", None).await;
        let responses = listed.body["responses"].as_array().unwrap();
        assert_eq!(responses.len(), 3);
        assert!(responses.iter().all(|r| r["locale"] == "th" && r["page"] == "/checkout"));

        let csv = app.admin("GET", "/v1/admin/surveys/checkout/export?format=csv&context.channel=web", None).await;
        let text = csv.body.as_str().unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with("\"id\",\"received_at\",\"survey_version\",\"locale\",\"page\",\"context\","), "{}", lines[0]);
        assert!(lines[1..].iter().all(|l| l.contains(",\"en\",\"/checkout\",")), "{text}");

        let ndjson = app.admin("GET", "/v1/admin/surveys/checkout/export?format=ndjson&page=%2Fcart", None).await;
        // One line of JSON, which the helper parsed whole.
        assert_eq!(ndjson.body["page"], "/cart", "{}", ndjson.body);

        let words = app.admin("GET", "/v1/admin/surveys/checkout/words?window=7d&locale=en", None).await;
        assert_eq!(words.status, StatusCode::OK);
        assert_eq!(words.body["low_comments"], 0, "{}", words.body);
    }

    async fn facets_list_what_occurs_most_frequent_first(app) {
        seed(&app).await;
        let facets = app.admin("GET", "/v1/admin/surveys/checkout/facets?window=30d", None).await;
        assert_eq!(facets.status, StatusCode::OK, "{}", facets.body);
        assert_eq!(facets.body["locales"], json!([{"value": "en", "responses": 3}, {"value": "th", "responses": 3}]));
        assert_eq!(facets.body["pages"], json!([{"value": "/checkout", "responses": 5}, {"value": "/cart", "responses": 1}]));
        assert_eq!(facets.body["context"], json!([
            {"name": "channel", "values": [{"value": "app", "responses": 4}, {"value": "web", "responses": 2}]},
            {"name": "shop", "values": [{"value": "main", "responses": 6}]},
        ]));
    }

    async fn bad_filters_and_pages_are_refused_naming_the_field(app) {
        for (query, field) in [
            ("&locale=not%20a%20tag", "locale"),
            ("&page=checkout", "page"),
            ("&context.Channel=app", "context.Channel"),
        ] {
            let reply = app.admin("GET", &format!("/v1/admin/surveys/checkout/snapshot?window=7d{query}"), None).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {}", reply.body);
            assert_eq!(reply.body["field"], field);
        }
        let mut body = response(&uuid(1), 5);
        body["page"] = json!("/order?email=someone@example.com");
        let posted = app.post(&body).await;
        assert_eq!(posted.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(posted.body["field"], "page");
        // Nothing was stored.
        assert_eq!(snapshot(&app, "").await["responses"], 0);
    }
}
