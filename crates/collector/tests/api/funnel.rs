//! The response funnel: the widget's reports counted per page, finished
//! responses beside them, and where unfinished responses stopped.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::uuid;

fn definition() -> Value {
    json!({
        "id": "funnel", "version": 1, "default_locale": "en", "title": {"en": "Funnel"},
        "questions": [
            {"id": "nps", "kind": "nps", "required": true, "text": {"en": "Recommend?"}},
            {"id": "why", "kind": "comment", "max_length": 200, "text": {"en": "Why?"}},
            {"id": "solved", "kind": "yes_no", "text": {"en": "Solved?"}},
        ],
    })
}

fn event(event: &str, page: Option<&str>) -> String {
    match page {
        Some(page) => json!({"event": event, "page": page}),
        None => json!({"event": event}),
    }
    .to_string()
}

crate::on_both_databases! {
    async fn the_funnel_counts_reports_per_page_and_where_respondents_stopped(app) {
        let created = app.admin("POST", "/v1/admin/surveys", Some(definition())).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
        let app = &app;
        let report = |uri: &'static str, body: String| async move {
            let request = axum::http::Request::post(uri)
                .header("content-type", "text/plain")
                .body(axum::body::Body::from(body))
                .unwrap();
            app.send(request).await
        };
        let events = "/v1/surveys/funnel/events";
        for (name, page, times) in [("shown", Some("/a"), 3), ("shown", None, 1), ("started", Some("/a"), 3), ("dismissed", None, 1)] {
            for _ in 0..times {
                assert_eq!(report(events, event(name, page)).await.status, StatusCode::ACCEPTED);
            }
        }
        for (body, field) in [
            (event("clicked", None), "event"),
            (event("shown", Some("/a?order=1")), "page"),
            (json!({"event": "shown", "visitor": "x"}).to_string(), "visitor"),
        ] {
            let refused = report(events, body).await;
            assert_eq!((refused.status, refused.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{}", refused.body);
        }
        assert_eq!(report("/v1/surveys/nobody/events", event("shown", None)).await.status, StatusCode::NOT_FOUND);

        // Two left partway, one finished on /a.
        let post = |body: Value| async move { app.post_raw("funnel", "application/json", body.to_string()).await.status };
        let save = |n: u32, answers: Value| json!({"id": uuid(n), "survey_version": 1, "complete": false, "sequence": 1, "answers": answers});
        assert_eq!(post(save(1, json!({"nps": 4}))).await, StatusCode::CREATED);
        assert_eq!(post(save(2, json!({"nps": 8, "why": "Slow"}))).await, StatusCode::CREATED);
        let finished = json!({"id": uuid(3), "survey_version": 1, "page": "/a", "answers": {"nps": 10, "why": "Kind", "solved": true}});
        assert_eq!(post(finished).await, StatusCode::CREATED);

        let funnel = app.admin("GET", "/v1/admin/surveys/funnel/funnel?window=all", None).await;
        assert_eq!(funnel.status, StatusCode::OK, "{}", funnel.body);
        let body = &funnel.body;
        assert_eq!(body["total"], json!({"shown": 4, "started": 3, "completed": 1, "dismissed": 1}));
        assert_eq!(body["unfinished"], 2);
        let reach: Vec<(String, u64, u64)> = body["questions"].as_array().unwrap().iter()
            .map(|q| (q["id"].as_str().unwrap().to_owned(), q["answered"].as_u64().unwrap(), q["left_after"].as_u64().unwrap()))
            .collect();
        assert_eq!(reach, [("nps".to_owned(), 3, 1), ("why".to_owned(), 2, 1), ("solved".to_owned(), 1, 0)]);
        assert_eq!(body["pages"][0], json!({"page": "/a", "shown": 3, "started": 3, "completed": 1, "dismissed": 0}), "most shown first");
        assert_eq!(body["pages"][1]["page"], "", "not told");
        // Read twice: the counts were written once, not added again.
        let again = app.admin("GET", "/v1/admin/surveys/funnel/funnel?window=all", None).await;
        assert_eq!(again.body["total"]["shown"], 4);
    }
}
