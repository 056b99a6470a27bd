//! The admin API: the token, surveys and versions, listing and exports, the
//! contact queue and erasure.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, response, uuid};

/// A service-quality response from a respondent who asks to be contacted.
fn contact_response(n: u32, email: &str, comment: &str, rating: u8) -> Value {
    json!({
        "id": uuid(n), "survey_version": 1, "locale": "lv",
        "answers": {
            "satisfaction": rating,
            "quality": {"courtesy": {"expected": 6, "experienced": 3}},
            "resolved": false,
            "comment": comment,
            "contact": {"consent": true, "email": email, "name": "Anna Bērziņa"}
        }
    })
}

async fn post_to(app: &TestApp, survey: &str, body: &Value) -> StatusCode {
    app.post_raw(survey, "application/json", body.to_string())
        .await
        .status
}

crate::on_both_databases! {
    async fn admin_routes_need_the_token(app) {
        let missing = app.admin_as(None, "GET", "/v1/admin/surveys", None).await;
        assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
        assert_eq!(missing.body["code"], "unauthorized");
        let wrong = app.admin_as(Some("guess"), "GET", "/v1/admin/surveys", None).await;
        assert_eq!(wrong.status, StatusCode::FORBIDDEN);
        assert_eq!(wrong.body["code"], "forbidden");
        let right = app.admin("GET", "/v1/admin/surveys", None).await;
        assert_eq!(right.status, StatusCode::OK);
        let ids: Vec<&str> = right.body.as_array().unwrap().iter().map(|s| s["survey"]["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["after-support", "checkout", "service-quality"]);
    }

    async fn surveys_are_created_drafted_and_published_and_responses_keep_their_version(app) {
        let created = app
            .admin("POST", "/v1/admin/surveys", Some(json!({"template": "after-support", "id": "chat"})))
            .await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        assert_eq!(created.body["version"], 1);
        let taken = app
            .admin("POST", "/v1/admin/surveys", Some(json!({"template": "after-support", "id": "chat"})))
            .await;
        assert_eq!(taken.status, StatusCode::CONFLICT);
        let blank = app
            .admin("POST", "/v1/admin/surveys", Some(json!({"template": "blank", "id": "from-scratch"})))
            .await;
        assert_eq!(blank.status, StatusCode::CREATED, "{}", blank.body);
        assert_eq!(blank.body["title"]["en"], "New survey");
        assert_eq!(blank.body["questions"].as_array().map(Vec::len), Some(1));
        let unknown = app
            .admin("POST", "/v1/admin/surveys", Some(json!({"template": "essay", "id": "x"})))
            .await;
        assert_eq!(unknown.body["field"], "template");
        assert!(unknown.body["message"].as_str().unwrap().contains("blank"), "{}", unknown.body);

        let bad = app
            .admin("PUT", "/v1/admin/surveys/chat/draft", Some(json!({"id": "chat", "version": 1})))
            .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(bad.body["field"], "default_locale", "{}", bad.body);

        let mut draft = created.body.clone();
        draft["questions"].as_array_mut().unwrap().retain(|q| q["id"] != "recommend");
        // Its follow-ups read it: the draft is refused, naming the first.
        let dangling = app.admin("PUT", "/v1/admin/surveys/chat/draft", Some(draft.clone())).await;
        assert_eq!(dangling.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(dangling.body["field"], "questions[5].show_if.question", "{}", dangling.body);
        draft["questions"].as_array_mut().unwrap().retain(|q| q["show_if"]["question"] != "recommend");
        let saved = app.admin("PUT", "/v1/admin/surveys/chat/draft", Some(draft)).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
        let published = app.admin("POST", "/v1/admin/surveys/chat/publish", None).await;
        assert_eq!(published.body["version"], 2);
        assert_eq!(app.get("/v1/surveys/chat").await.body["version"], 2);
        let again = app.admin("POST", "/v1/admin/surveys/chat/publish", None).await;
        assert_eq!(again.status, StatusCode::CONFLICT, "no draft left");

        // A page that loaded version 1 still gets its answer in, NPS included.
        let old = json!({"id": uuid(1), "survey_version": 1, "answers": {"satisfaction": 4, "recommend": 9}});
        assert_eq!(post_to(&app, "chat", &old).await, StatusCode::CREATED);
        let new = json!({"id": uuid(2), "survey_version": 2, "answers": {"satisfaction": 4, "recommend": 9}});
        let refused = app.post_raw("chat", "application/json", new.to_string()).await;
        assert_eq!((refused.status, refused.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("answers.recommend")));
        let unknown = json!({"id": uuid(3), "survey_version": 9, "answers": {"satisfaction": 4}});
        assert_eq!(post_to(&app, "chat", &unknown).await, StatusCode::CONFLICT);
    }

    async fn responses_page_newest_first_with_filters(app) {
        for n in 0..7 {
            assert_eq!(app.post(&response(&uuid(n), 1 + (n % 5) as u8)).await.status, StatusCode::CREATED);
        }
        let first = app.admin("GET", "/v1/admin/surveys/checkout/responses?limit=3", None).await;
        assert_eq!(first.status, StatusCode::OK, "{}", first.body);
        let page = first.body["responses"].as_array().unwrap();
        assert_eq!(page.len(), 3);
        let mut seen: Vec<String> = page.iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect();
        let mut cursor = first.body["next"].as_str().unwrap().to_owned();
        loop {
            let encoded = cursor.replace('+', "%2B").replace(':', "%3A");
            let next = app.admin("GET", &format!("/v1/admin/surveys/checkout/responses?limit=3&cursor={encoded}"), None).await;
            seen.extend(next.body["responses"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_owned()));
            match next.body["next"].as_str() {
                Some(c) => cursor = c.to_owned(),
                None => break,
            }
        }
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 7, "every response exactly once across pages");
        // The scan the export and the words report read: pages of 3, newest
        // first, each response once, ending after the short page.
        use futures_util::StreamExt as _;
        let pages: Vec<_> = app.store.pages("checkout", &candor_collector::ResponseFilter::default(), 3).collect().await;
        let pages: Vec<Vec<_>> = pages.into_iter().map(Result::unwrap).collect();
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [3, 3, 1]);
        let scanned: Vec<_> = pages.iter().flatten().map(|r| (r.received_at.clone(), r.id.clone())).collect();
        let mut newest_first = scanned.clone();
        newest_first.sort_by(|a, b| b.cmp(a));
        newest_first.dedup();
        assert_eq!(scanned, newest_first);
        let none = app.admin("GET", "/v1/admin/surveys/checkout/responses?locale=th", None).await;
        assert_eq!(none.body["responses"].as_array().unwrap().len(), 0);
        let bad = app.admin("GET", "/v1/admin/surveys/checkout/responses?from=yesterday", None).await;
        assert_eq!((bad.status, bad.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("from")));
    }

    async fn csv_export_neutralises_formulas_and_ndjson_has_every_response(app) {
        let comments = [
            "=HYPERLINK(\"https://evil.example\")",
            "+1 great",
            "@SUM(A1:A9)",
            "plain, with comma",
            "x;=cmd|' /C calc'!A0",
            "tab\t=1+1",
        ];
        for (n, comment) in comments.iter().enumerate() {
            let body = contact_response(n as u32, &format!("p{n}@example.com"), comment, 4);
            assert_eq!(post_to(&app, "service-quality", &body).await, StatusCode::CREATED);
        }
        let csv = app.admin("GET", "/v1/admin/surveys/service-quality/export?format=csv", None).await;
        assert_eq!(csv.status, StatusCode::OK);
        let text = csv.body.as_str().unwrap();
        let header = text.lines().next().unwrap();
        assert!(header.starts_with("\"id\",\"received_at\",\"survey_version\",\"locale\",\"page\",\"context\",\"satisfaction\",\"quality.reliability.expected\""), "{header}");
        // Opened as a spreadsheet would, splitting on `,` (English), `;`
        // (Latvian, Greek) or tabs: no cell may start a formula.
        for delimiter in [b',', b';', b'\t'] {
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(delimiter)
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
            assert!(rows.len() >= 7, "a header and 6 responses, split on {:?}", char::from(delimiter));
            for cell in rows.iter().flat_map(|row| row.iter()) {
                let start = cell.trim_start_matches([' ', '"']);
                assert!(!start.starts_with(['=', '+', '-', '@']), "split on {:?}: {cell:?}", char::from(delimiter));
            }
        }
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let column = reader.headers().unwrap().iter().position(|h| h == "comment").unwrap();
        let cells: Vec<String> = reader.records().map(|r| r.unwrap()[column].to_owned()).collect();
        assert!(cells.contains(&"'=HYPERLINK(\"https://evil.example\")".to_owned()), "{cells:?}");
        assert!(cells.contains(&"x;'=cmd|' /C calc'!A0".to_owned()) && cells.contains(&"plain, with comma".to_owned()), "{cells:?}");
        let ndjson = app.admin("GET", "/v1/admin/surveys/service-quality/export?format=ndjson", None).await;
        let lines: Vec<Value> = ndjson.body.as_str().unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 6);
        assert_eq!(lines[0]["answers"]["contact"]["name"], "Anna Bērziņa");
    }

    async fn context_fields_are_stored_listed_and_exported(app) {
        let body = json!({
            "id": uuid(41), "survey_version": 1, "answers": {"satisfaction": 5},
            "context": {"channel": "web", "order_band": "=50-100"}
        });
        assert_eq!(post_to(&app, "checkout", &body).await, StatusCode::CREATED);
        let bad = json!({"id": uuid(42), "survey_version": 1, "answers": {"satisfaction": 5}, "context": {"Channel": "web"}});
        let refused = app.post(&bad).await;
        assert_eq!((refused.status, refused.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("context.Channel")));
        let listed = app.admin("GET", "/v1/admin/surveys/checkout/responses", None).await;
        let stored = &listed.body["responses"];
        assert_eq!(stored.as_array().unwrap().len(), 1, "the refused one is not stored");
        assert_eq!(stored[0]["context"], json!({"channel": "web", "order_band": "=50-100"}));
        let csv = app.admin("GET", "/v1/admin/surveys/checkout/export?format=csv", None).await;
        let row = csv.body.as_str().unwrap().lines().nth(1).unwrap().to_owned();
        assert!(row.contains(r#""{""channel"":""web"",""order_band"":""=50-100""}""#), "{row}");
    }

    async fn contact_requests_form_a_queue(app) {
        assert_eq!(post_to(&app, "service-quality", &contact_response(1, "a@example.com", "Call me", 2)).await, StatusCode::CREATED);
        assert_eq!(post_to(&app, "service-quality", &contact_response(2, "b@example.com", "Email me", 1)).await, StatusCode::CREATED);
        let open = app.admin("GET", "/v1/admin/contacts?status=open", None).await;
        assert_eq!(open.body.as_array().unwrap().len(), 2, "{}", open.body);
        assert_eq!(open.body[0]["email"], "a@example.com");
        let done = app.admin("PUT", &format!("/v1/admin/contacts/{}", uuid(1)), Some(json!({"status": "done"}))).await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        let open = app.admin("GET", "/v1/admin/contacts?status=open", None).await;
        assert_eq!(open.body.as_array().unwrap().len(), 1);
        assert_eq!(open.body[0]["email"], "b@example.com");
        let bad = app.admin("PUT", &format!("/v1/admin/contacts/{}", uuid(2)), Some(json!({"status": "later"}))).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let missing = app.admin("PUT", "/v1/admin/contacts/nope", Some(json!({"status": "done"}))).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
    }

    async fn erasing_by_email_deletes_the_responses_and_their_figures(app) {
        assert_eq!(post_to(&app, "service-quality", &contact_response(1, "Erase.Me@example.com", "x", 1)).await, StatusCode::CREATED);
        assert_eq!(post_to(&app, "service-quality", &contact_response(2, "erase.me@example.com", "y", 2)).await, StatusCode::CREATED);
        assert_eq!(post_to(&app, "service-quality", &contact_response(3, "keep@example.com", "z", 5)).await, StatusCode::CREATED);
        let erased = app.admin("POST", "/v1/admin/erasures", Some(json!({"email": "erase.me@example.com"}))).await;
        assert_eq!(erased.body["erased"], 2, "{}", erased.body);
        let snapshot = app.admin("GET", "/v1/admin/surveys/service-quality/snapshot?window=all", None).await;
        assert_eq!(snapshot.body["responses"], 1, "{}", snapshot.body);
        let csat = snapshot.body["questions"].as_array().unwrap().iter().find(|q| q["id"] == "satisfaction").unwrap();
        assert_eq!(csat["histogram"], json!([0, 0, 0, 0, 1]));
        let contacts = app.admin("GET", "/v1/admin/contacts", None).await;
        assert_eq!(contacts.body.as_array().unwrap().len(), 1);
        let listed = app.admin("GET", "/v1/admin/surveys/service-quality/responses", None).await;
        assert_eq!(listed.body["responses"].as_array().unwrap().len(), 1);
        for (body, field) in [
            (json!({}), "email"),
            (json!({"email": "nobody"}), "email"),
            (json!({"response_id": "x"}), "response_id"),
            (json!({"ip": "1.2.3.4"}), "ip"),
        ] {
            let refused = app.admin("POST", "/v1/admin/erasures", Some(body.clone())).await;
            assert_eq!((refused.status, refused.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{body}");
        }
    }

    async fn an_erased_response_posted_again_stores_nothing(app) {
        let mine = contact_response(7, "me@example.com", "my words", 1);
        assert_eq!(post_to(&app, "service-quality", &mine).await, StatusCode::CREATED);
        assert_eq!(post_to(&app, "service-quality", &contact_response(8, "other@example.com", "theirs", 5)).await, StatusCode::CREATED);
        let erased = app.admin("POST", "/v1/admin/erasures", Some(json!({"response_id": uuid(7)}))).await;
        assert_eq!(erased.body["erased"], 1, "{}", erased.body);
        let figures = || app.admin("GET", "/v1/admin/surveys/service-quality/snapshot?window=all", None);
        let before = figures().await.body;
        // The widget's outbox, retrying the same response.
        let retried = app.post_raw("service-quality", "application/json", mine.to_string()).await;
        assert_eq!(retried.status, StatusCode::OK, "{}", retried.body);
        assert!(!app.store.response_exists(&uuid(7)).await.unwrap());
        assert!(app.store.was_erased(&uuid(7)).await.unwrap());
        assert_eq!(figures().await.body, before, "the summaries count nothing again");
        assert_eq!(before["responses"], 1);
        let again = app.admin("POST", "/v1/admin/erasures", Some(json!({"response_id": uuid(7)}))).await;
        assert_eq!(again.body["erased"], 0);
    }

    async fn a_failing_summary_correction_leaves_the_response_in_place(app) {
        assert_eq!(post_to(&app, "service-quality", &contact_response(9, "me@example.com", "x", 2)).await, StatusCode::CREATED);
        crate::batches::refuse_statement(&app.url, "BEFORE UPDATE ON daily_stats").await;
        let failed = app.admin("POST", "/v1/admin/erasures", Some(json!({"email": "me@example.com"}))).await;
        assert_eq!(failed.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", failed.body);
        assert!(app.store.response_exists(&uuid(9)).await.unwrap(), "all or nothing");
        assert!(!app.store.was_erased(&uuid(9)).await.unwrap());
        let contacts = app.admin("GET", "/v1/admin/contacts", None).await;
        assert_eq!(contacts.body.as_array().unwrap().len(), 1);
    }

    async fn a_response_whose_figures_cannot_be_taken_out_is_not_erased_half(app) {
        assert_eq!(post_to(&app, "service-quality", &contact_response(9, "me@example.com", "x", 2)).await, StatusCode::CREATED);
        // Edited by hand: the stored answers no longer say what was counted.
        crate::batches::execute(&app.url, &format!("UPDATE responses SET answers = '{{\"satisfaction\": \"two\"}}' WHERE id = '{}'", uuid(9))).await;
        let failed = app.admin("POST", "/v1/admin/erasures", Some(json!({"email": "me@example.com"}))).await;
        assert_eq!(failed.status, StatusCode::INTERNAL_SERVER_ERROR, "{}", failed.body);
        assert!(app.store.response_exists(&uuid(9)).await.unwrap(), "not gone while still counted");
        let figures = app.admin("GET", "/v1/admin/surveys/service-quality/snapshot?window=all", None).await;
        assert_eq!(figures.body["responses"], 1);
    }
}

/// On SQLite an erased response's bytes are gone from the database file
/// and its write-ahead log, not just unlinked.
#[tokio::test]
async fn erased_text_leaves_no_bytes_in_the_sqlite_files() {
    let app = crate::helpers::spawn_app(crate::helpers::Db::Sqlite)
        .await
        .unwrap();
    const MARKER: &str = "Zqx7-erase-this-sentence-9Kv";
    for n in 0..20 {
        let words = if n == 3 {
            MARKER.to_owned()
        } else {
            format!("ordinary comment {n}")
        };
        assert_eq!(
            post_to(
                &app,
                "service-quality",
                &contact_response(n, &format!("p{n}@example.com"), &words, 4)
            )
            .await,
            StatusCode::CREATED
        );
    }
    let path = app.url.strip_prefix("sqlite://").unwrap().to_owned();
    let holds = |marker: &str| {
        ["", "-wal"].iter().any(|suffix| {
            std::fs::read(format!("{path}{suffix}"))
                .is_ok_and(|bytes| bytes.windows(marker.len()).any(|w| w == marker.as_bytes()))
        })
    };
    assert!(holds(MARKER), "the comment is stored");
    let erased = app
        .admin(
            "POST",
            "/v1/admin/erasures",
            Some(json!({"email": "p3@example.com"})),
        )
        .await;
    assert_eq!(erased.body["erased"], 1);
    assert!(!holds(MARKER), "its bytes outlived the erasure");
    assert!(!holds("p3@example.com"));
    assert!(holds("ordinary comment 4"), "the rest is kept");
}

crate::on_both_databases! {
    async fn a_survey_with_allowed_origins_refuses_other_pages(app) {
        let mut survey = serde_json::to_value(candor_core::templates::checkout()).unwrap();
        survey["id"] = json!("shop");
        survey["settings"]["allowed_origins"] = json!(["https://shop.example"]);
        assert_eq!(app.admin("POST", "/v1/admin/surveys", Some(survey)).await.status, StatusCode::CREATED);
        let post_from = |origin: Option<&'static str>, n: u32| {
            let mut request = axum::http::Request::post("/v1/surveys/shop/responses")
                .header(axum::http::header::CONTENT_TYPE, "text/plain");
            if let Some(origin) = origin {
                request = request.header(axum::http::header::ORIGIN, origin);
            }
            request.body(axum::body::Body::from(response(&uuid(n), 4).to_string())).unwrap()
        };
        assert_eq!(app.send(post_from(Some("https://shop.example"), 1)).await.status, StatusCode::CREATED);
        let refused = app.send(post_from(Some("https://evil.example"), 2)).await;
        assert_eq!((refused.status, refused.body["field"].as_str()), (StatusCode::FORBIDDEN, Some("origin")));
        assert_eq!(app.send(post_from(None, 3)).await.status, StatusCode::CREATED, "not from a page");
    }
}
