//! The follow-up workflow: a contact request moves open → in progress →
//! done with an assignee and notes; overdue requests (past their survey's
//! target) come first; the median time to first follow-up is reported.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::batches::execute;
use crate::helpers::uuid;

fn asking(n: u32, email: &str) -> String {
    json!({"id": uuid(n), "survey_version": 1, "answers": {
        "satisfaction": 1, "resolved": false, "contact": {"consent": true, "email": email},
    }})
    .to_string()
}

crate::on_both_databases! {
    async fn requests_are_followed_up_overdue_first_and_timed(app) {
        for (n, email) in [(1, "old@example.lv"), (2, "new@example.lv")] {
            let posted = app.post_raw("after-support", "application/json", asking(n, email)).await;
            assert_eq!(posted.status, StatusCode::CREATED, "{}", posted.body);
        }
        let listed = app.admin("GET", "/v1/admin/contacts?status=open", None).await;
        assert_eq!(listed.body.as_array().unwrap().len(), 2, "{}", listed.body);
        assert!(listed.body.as_array().unwrap().iter().all(|r| r["overdue"] == false), "within a day");
        let target = app.admin("PUT", "/v1/admin/surveys/after-support/follow-up", Some(json!({"target_hours": 1}))).await;
        assert_eq!(target.status, StatusCode::OK, "{}", target.body);
        assert_eq!(app.admin("GET", "/v1/admin/surveys/after-support/follow-up", None).await.body, json!({"target_hours": 1}));
        // The second request arrived three hours ago: past its hour.
        let three_hours_ago = (time::OffsetDateTime::now_utc() - time::Duration::hours(3))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap();
        execute(&app.url, &format!("UPDATE contact_requests SET received_at = '{three_hours_ago}' WHERE response_id = '{}'", uuid(2))).await;
        let listed = app.admin("GET", "/v1/admin/contacts", None).await.body;
        let order: Vec<(&str, bool)> = listed.as_array().unwrap().iter().map(|r| (r["email"].as_str().unwrap(), r["overdue"].as_bool().unwrap())).collect();
        assert_eq!(order, [("new@example.lv", true), ("old@example.lv", false)], "overdue first");

        let path = format!("/v1/admin/contacts/{}", uuid(2));
        let taken = app.admin("PUT", &path, Some(json!({"status": "in_progress", "assignee": "Ieva", "notes": "Called, will ring back"}))).await;
        assert_eq!(taken.status, StatusCode::OK, "{}", taken.body);
        let first = taken.body["first_follow_up_at"].as_str().expect("the first follow-up is now").to_owned();
        assert_eq!((taken.body["assignee"].as_str(), taken.body["overdue"].as_bool()), (Some("Ieva"), Some(false)));
        let done = app.admin("PUT", &path, Some(json!({"status": "done"}))).await.body;
        assert_eq!((done["status"].as_str(), done["first_follow_up_at"].as_str()), (Some("done"), Some(first.as_str())), "the first stays first");
        assert_eq!(done["notes"], "Called, will ring back", "kept");
        let in_progress = app.admin("GET", "/v1/admin/contacts?status=in_progress", None).await;
        assert_eq!(in_progress.body, json!([]));

        let summary: Value = app.admin("GET", "/v1/admin/contacts/summary?window=30d", None).await.body;
        assert_eq!((summary["open"].as_u64(), summary["done"].as_u64(), summary["overdue"].as_u64()), (Some(1), Some(1), Some(0)), "{summary}");
        let hours = summary["median_hours_to_first_follow_up"].as_f64().unwrap();
        assert!((2.9..3.1).contains(&hours), "three hours from asking to the first follow-up: {hours}");

        for (body, status, field) in [
            (json!({"status": "later"}), StatusCode::UNPROCESSABLE_ENTITY, "status"),
            (json!({"notes": 4}), StatusCode::UNPROCESSABLE_ENTITY, "notes"),
        ] {
            let refused = app.admin("PUT", &path, Some(body)).await;
            assert_eq!((refused.status, refused.body["field"].as_str()), (status, Some(field)), "{}", refused.body);
        }
        let nobody = app.admin("PUT", &format!("/v1/admin/contacts/{}", uuid(99)), Some(json!({"status": "done"}))).await;
        assert_eq!(nobody.status, StatusCode::NOT_FOUND);
        let target = app.admin("PUT", "/v1/admin/surveys/after-support/follow-up", Some(json!({"target_hours": 0}))).await;
        assert_eq!((target.status, target.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("target_hours")));
    }
}
