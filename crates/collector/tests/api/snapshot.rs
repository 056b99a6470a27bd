use axum::http::StatusCode;

use crate::helpers::{question, response, uuid};

crate::on_both_databases! {
    async fn public_figures_move_in_whole_groups_of_the_minimum_sample(app) {
        for n in 0..9 {
            app.post(&response(&uuid(n), 5)).await;
        }
        let reply = app.get("/v1/surveys/checkout/snapshot").await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.body["responses"], 0, "nine are not a group of ten");
        assert_eq!(
            question(&reply.body, "satisfaction"),
            &serde_json::json!({"id": "satisfaction", "kind": "withheld", "n": 0, "minimum": 10})
        );
        let owner = app.admin("GET", "/v1/admin/surveys/checkout/snapshot?window=30d", None).await;
        assert_eq!(owner.body["responses"], 9, "the owner's figures are exact");
        // The tenth releases the group; the next nine change nothing public.
        app.post(&response(&uuid(9), 1)).await;
        let released = app.get("/v1/surveys/checkout/snapshot").await.body;
        assert_eq!(released["responses"], 10);
        assert_eq!(question(&released, "satisfaction")["histogram"], serde_json::json!([1, 0, 0, 0, 9]));
        for n in 10..19 {
            app.post(&response(&uuid(n), 3)).await;
        }
        assert_eq!(app.get("/v1/surveys/checkout/snapshot").await.body, released, "not one of the nine shows");
    }


    async fn snapshot_reports_mean_and_satisfied_share_from_stored_responses(app) {
        // Ten ratings: five 5s, three 4s, two 2s → mean 4.1, 80% satisfied.
        let ratings = [5, 5, 5, 5, 5, 4, 4, 4, 2, 2];
        for (n, rating) in (0..).zip(ratings) {
            assert_eq!(
                app.post(&response(&uuid(n), rating)).await.status,
                StatusCode::CREATED
            );
        }
        let reply = app.get("/v1/surveys/checkout/snapshot").await;
        let csat = question(&reply.body, "satisfaction");
        assert_eq!(csat["kind"], "csat", "{}", reply.body);
        assert_eq!(csat["n"], 10);
        assert!((csat["mean"].as_f64().unwrap() - 4.1).abs() < 1e-9);
        assert_eq!(csat["histogram"], serde_json::json!([0, 2, 0, 3, 5]));
        assert!((csat["satisfied"]["share"].as_f64().unwrap() - 0.8).abs() < 1e-9);
        let gap = &question(&reply.body, "delivery")["dimensions"][0];
        assert_eq!(gap["id"], "promise", "{}", reply.body);
        assert_eq!(gap["mean_gap"], 1.0, "{}", reply.body);
        assert_eq!(gap["low"], 1.0, "all gaps equal: a zero-width interval");
        assert!(
            reply.body.to_string().find("Quick and easy").is_none(),
            "free text leaked"
        );
    }

}

#[tokio::test]
async fn data_survives_reopening_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("nested/dir/candor.db").display());
    let survey = std::sync::Arc::new(candor_core::templates::checkout());
    {
        let store = candor_collector::Store::open(&url).await.unwrap();
        let body = response(&uuid(1), 4).to_string();
        let valid = survey
            .validate(candor_core::ResponseSubmission::from_json(body.as_bytes()).unwrap())
            .unwrap();
        store.insert_response(&survey, &valid).await.unwrap();
    }
    let reopened = candor_collector::Store::open(&url).await.unwrap();
    assert_eq!(
        reopened
            .merged(candor_collector::Figures::Owner, &survey.id, None, None)
            .await
            .unwrap()
            .responses,
        1
    );
}
