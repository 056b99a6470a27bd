//! Alert rules: each fires once per response it matches (a drop, once a
//! day), as `alert.fired` to the rule's destinations, received by a real
//! receiver on loopback.

use std::time::Duration;

use axum::http::StatusCode;
use candor_core::stats::SurveyStats;
use candor_core::{Day, ResponseSubmission, templates};
use serde_json::{Value, json};

use crate::batches::execute;
use crate::helpers::{TestApp, response, uuid};
use crate::receiver::Receiver;

fn fast(config: &mut candor_collector::Config) {
    config.webhook_allow_private_targets = true;
    config.webhook_first_retry_ms = 50;
    config.alert_drop_check_secs = 1;
}

/// A webhook destination that subscribes to nothing but partial saves: what
/// it gets beyond them, it gets because a rule names it.
async fn destination(app: &TestApp, receiver: &Receiver) -> String {
    let created = app
        .admin("POST", "/v1/admin/destinations", Some(json!({"kind": "webhook", "name": "On call", "url": receiver.url, "events": ["response.partial"]})))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    receiver.trust(created.body["secret"].as_str().unwrap());
    created.body["id"].as_str().unwrap().to_owned()
}

async fn rule(app: &TestApp, name: &str, condition: Value, destination: &str) -> Value {
    let created = app
        .admin(
            "POST",
            "/v1/admin/surveys/checkout/alerts",
            Some(json!({"name": name, "condition": condition, "destinations": [destination]})),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    created.body
}

fn alerts(receiver: &Receiver) -> Vec<Value> {
    receiver.arrivals().into_iter().map(|a| a.body).collect()
}

crate::on_both_databases_configured! {
    async fn a_rule_fires_once_per_response_it_matches(app) configured fast; {
        let receiver = Receiver::start(0, 503, Duration::ZERO).await;
        let to = destination(&app, &receiver).await;
        rule(&app, "Unhappy", json!({"kind": "rating_at_most", "question": "satisfaction", "value": 2}), &to).await;
        rule(&app, "Rude", json!({"kind": "comment_contains", "words": ["rude"]}), &to).await;
        let mut unhappy = response(&uuid(1), 1);
        unhappy["answers"]["comment"] = json!("The courier was Rude");
        assert_eq!(app.post(&unhappy).await.status, StatusCode::CREATED);
        assert_eq!(app.post(&unhappy).await.status, StatusCode::OK, "a retry fires nothing");
        assert_eq!(app.post(&response(&uuid(2), 5)).await.status, StatusCode::CREATED);
        assert_eq!(app.post(&response(&uuid(3), 2)).await.status, StatusCode::CREATED);
        receiver.wait_for(Duration::from_secs(20), "three alerts", |a| a.len() >= 3).await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let mut fired: Vec<(String, String)> = alerts(&receiver)
            .iter()
            .map(|body| {
                assert_eq!(body["type"], "alert.fired", "only alerts: {body}");
                (body["data"]["rule"].as_str().unwrap().to_owned(), body["data"]["response_id"].as_str().unwrap().to_owned())
            })
            .collect();
        fired.sort();
        assert_eq!(fired, [("Rude".to_owned(), uuid(1)), ("Unhappy".to_owned(), uuid(1)), ("Unhappy".to_owned(), uuid(3))]);
        assert!(receiver.arrivals().iter().all(|a| a.verified));
    }

    async fn a_significant_drop_fires_once_a_day(app) configured fast; {
        let receiver = Receiver::start(0, 503, Duration::ZERO).await;
        let to = destination(&app, &receiver).await;
        let survey = templates::checkout();
        let today = Day::from_unix_seconds(time::OffsetDateTime::now_utc().unix_timestamp());
        // A week of satisfied customers, as stored summaries.
        for back in 1..=7 {
            let mut stats = SurveyStats::default();
            for (n, rating) in [5, 5, 4, 5, 4, 5].into_iter().enumerate() {
                let body = json!({"id": uuid(1000 * back + n as u32), "survey_version": 1, "answers": {"satisfaction": rating}});
                stats.add(&survey, &survey.validate(ResponseSubmission::from_json(body.to_string().as_bytes()).unwrap()).unwrap());
            }
            execute(&app.url, &format!(
                "INSERT INTO daily_stats (survey_id, day, stats) VALUES ('checkout', '{}', '{}')",
                today.plus(-(back as i32)),
                serde_json::to_string(&stats).unwrap()
            )).await;
        }
        rule(&app, "Satisfaction fell", json!({"kind": "significant_drop", "question": "satisfaction"}), &to).await;
        for n in 0..12 {
            assert_eq!(app.post(&response(&uuid(n), 1 + (n % 2) as u8)).await.status, StatusCode::CREATED);
        }
        let arrivals = receiver.wait_for(Duration::from_secs(20), "the drop alert", |a| !a.is_empty()).await;
        let data = &arrivals[0].body["data"];
        assert_eq!((data["rule"].as_str(), data["question"].as_str()), (Some("Satisfaction fell"), Some("satisfaction")));
        assert_eq!(data["day"], today.to_string());
        assert!(data["value"].as_f64().unwrap() < data["baseline"].as_f64().unwrap(), "{data}");
        assert!(data["p_value"].as_f64().unwrap() < 0.05);
        // Checked again each second: still one alert today.
        tokio::time::sleep(Duration::from_millis(2500)).await;
        assert_eq!(receiver.arrivals().len(), 1, "once a day");
    }

    async fn a_rule_names_its_faulty_field(app) configured fast; {
        let receiver = Receiver::start(0, 503, Duration::ZERO).await;
        let to = destination(&app, &receiver).await;
        for (body, field) in [
            (json!({"name": "x", "condition": {"kind": "detractor", "question": "satisfaction"}, "destinations": [to]}), "condition.question"),
            (json!({"name": "x", "condition": {"kind": "rating_at_most", "question": "satisfaction", "value": 2}, "destinations": ["nobody"]}), "destinations.0"),
            (json!({"name": "x", "condition": {"kind": "contact_requested"}, "destinations": [to]}), "condition.kind"),
            (json!({"name": "x", "condition": {"kind": "loud"}, "destinations": [to]}), "condition"),
        ] {
            let refused = app.admin("POST", "/v1/admin/surveys/checkout/alerts", Some(body)).await;
            assert_eq!((refused.status, refused.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{}", refused.body);
        }
        let made = rule(&app, "Low", json!({"kind": "rating_at_most", "question": "satisfaction", "value": 1}), &to).await;
        let id = made["id"].as_str().unwrap();
        let changed = app
            .admin("PUT", &format!("/v1/admin/surveys/checkout/alerts/{id}"), Some(json!({"name": "Low", "condition": {"kind": "rating_at_most", "question": "satisfaction", "value": 2}, "destinations": [to], "enabled": false})))
            .await;
        assert_eq!((changed.status, changed.body["enabled"].as_bool()), (StatusCode::OK, Some(false)), "{}", changed.body);
        assert_eq!(app.post(&response(&uuid(7), 1)).await.status, StatusCode::CREATED);
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert!(receiver.arrivals().is_empty(), "a disabled rule does not fire");
        let listed = app.admin("GET", "/v1/admin/surveys/checkout/alerts", None).await;
        assert_eq!(listed.body.as_array().unwrap().len(), 1);
        assert_eq!(app.admin("DELETE", &format!("/v1/admin/surveys/checkout/alerts/{id}"), None).await.status, StatusCode::NO_CONTENT);
        assert_eq!(app.admin("DELETE", &format!("/v1/admin/surveys/checkout/alerts/{id}"), None).await.status, StatusCode::NOT_FOUND);
    }
}
