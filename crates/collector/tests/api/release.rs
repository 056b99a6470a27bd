//! Public figures through the real router and database: released in whole
//! groups of the minimum sample, withdrawn whole when one of their members
//! is erased (and those members never shown again), and rebuilt for
//! responses stored before groups existed.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, question, uuid};

/// A checkout response rating `rating`, with a contact-free comment.
fn rated(n: u32, rating: u8) -> Value {
    json!({"id": uuid(n), "survey_version": 1, "answers": {"satisfaction": rating}})
}

async fn public(app: &TestApp) -> Value {
    app.get("/v1/surveys/checkout/snapshot?window=all").await.body
}

async fn post_all(app: &TestApp, ns: std::ops::Range<u32>, rating: impl Fn(u32) -> u8) {
    for n in ns {
        assert_eq!(app.post(&rated(n, rating(n))).await.status, StatusCode::CREATED);
    }
}

crate::on_both_databases! {
    async fn erasing_one_member_withdraws_its_group_whole_and_for_good(app) {
        // Two groups of ten: ratings 1 (the first) and 5 (the second).
        post_all(&app, 0..20, |n| if n < 10 { 1 } else { 5 }).await;
        let before = public(&app).await;
        assert_eq!(before["responses"], 20);
        let erased = app.admin("POST", "/v1/admin/erasures", Some(json!({"response_id": uuid(3)}))).await;
        assert_eq!(erased.body["erased"], 1, "{}", erased.body);
        let after = public(&app).await;
        assert_eq!(after["responses"], 10, "the first group is gone whole");
        assert_eq!(question(&after, "satisfaction")["histogram"], json!([0, 0, 0, 0, 10]));
        let owner = app.admin("GET", "/v1/admin/surveys/checkout/snapshot?window=all", None).await;
        assert_eq!(owner.body["responses"], 19, "the owner still counts the nine others");
        // Ten more (rating 3) make a group of their own: none of the nine
        // from the withdrawn group is released with them.
        post_all(&app, 20..30, |_| 3).await;
        let later = public(&app).await;
        assert_eq!(later["responses"], 20);
        assert_eq!(question(&later, "satisfaction")["histogram"], json!([0, 0, 10, 0, 10]));
        // Another member of the withdrawn group, then one still waiting.
        app.admin("POST", "/v1/admin/erasures", Some(json!({"response_id": uuid(4)}))).await;
        assert_eq!(public(&app).await, later);
        post_all(&app, 30..35, |_| 2).await;
        app.admin("POST", "/v1/admin/erasures", Some(json!({"response_id": uuid(31)}))).await;
        post_all(&app, 35..40, |_| 2).await;
        assert_eq!(public(&app).await["responses"], 20, "nine wait: one of the ten left");
        post_all(&app, 40..41, |_| 2).await;
        let last = public(&app).await;
        assert_eq!(last["responses"], 30);
        assert_eq!(question(&last, "satisfaction")["histogram"], json!([0, 10, 10, 0, 10]));
    }

    async fn responses_stored_before_groups_existed_are_grouped_at_start(app) {
        post_all(&app, 0..25, |n| 1 + (n % 5) as u8).await;
        let grouped = public(&app).await;
        assert_eq!(grouped["responses"], 20);
        // What a database from before this version holds.
        for sql in ["UPDATE responses SET release = NULL", "DELETE FROM release_open", "DELETE FROM release_groups", "DELETE FROM release_days"] {
            crate::batches::execute(&app.url, sql).await;
        }
        let reopened = candor_collector::Store::open(&app.url).await.unwrap();
        let app = crate::limits::with(TestApp { store: reopened, ..app }, |_| {}).await;
        assert_eq!(public(&app).await["responses"], 20, "the same groups again");
        post_all(&app, 25..30, |_| 5).await;
        assert_eq!(public(&app).await["responses"], 30, "and the five waiting were kept waiting");
    }
}
