//! Group commit never lets one response fail another: text no database can
//! store is refused before it reaches a batch, and a row the database itself
//! refuses fails alone while the rest of its batch is stored.

use axum::http::StatusCode;
use candor_core::SurveyId;
use futures_util::future::join_all;
use serde_json::{Value, json};
use sqlx::Connection;

use crate::helpers::{Reply, TestApp, uuid};

fn service_quality() -> SurveyId {
    SurveyId::parse("", "service-quality").unwrap()
}

/// A valid service-quality response asking to be contacted by `name`, with
/// `context`.
fn contact_response(n: u32, name: &str, context: Value) -> Value {
    json!({
        "id": uuid(n),
        "survey_version": 1,
        "answers": {
            "satisfaction": 2,
            "contact": {"consent": true, "name": name, "email": "anna@example.lv"}
        },
        "context": context
    })
}

async fn post_all(app: &TestApp, bodies: &[Value]) -> Vec<Reply> {
    join_all(
        bodies
            .iter()
            .map(|body| app.post_raw("service-quality", "application/json", body.to_string())),
    )
    .await
}

crate::on_both_databases! {
    async fn text_that_cannot_be_stored_is_refused_and_fails_no_one_else(app) {
        let mut bodies = Vec::new();
        for round in 0..10 {
            let n = 10 * round;
            bodies.push(contact_response(n, "Anna\u{0}", json!({})));
            bodies.push(contact_response(n + 1, "Anna", json!({"channel": "chat\u{0}"})));
            for valid in 2..6 {
                bodies.push(contact_response(n + valid, "Anna", json!({"channel": "chat"})));
            }
        }
        let replies = post_all(&app, &bodies).await;
        for (body, reply) in bodies.iter().zip(&replies) {
            let bad = body.to_string().contains("\\u0000");
            if bad {
                assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {}", reply.body);
                assert_eq!(reply.body["code"], "invalid_value");
                let field = reply.body["field"].as_str().unwrap();
                assert!(field == "answers.contact.name" || field == "context.channel", "{field}");
            } else {
                assert_eq!(reply.status, StatusCode::CREATED, "{body}: {}", reply.body);
            }
        }
        assert_eq!(app.store.count_responses(&service_quality()).await.unwrap(), 40);
        // The owner's filtered views keep working, and a filter value no
        // database stores is refused naming it.
        let listed = app.admin("GET", "/v1/admin/surveys/service-quality/responses?context.channel=chat", None).await;
        assert_eq!(listed.status, StatusCode::OK, "{}", listed.body);
        assert_eq!(listed.body["responses"].as_array().map(Vec::len), Some(40), "{}", listed.body);
        let refused = app.admin("GET", "/v1/admin/surveys/service-quality/snapshot?context.channel=a%00b", None).await;
        assert_eq!((refused.status, refused.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("context.channel")));
    }

    async fn a_row_the_database_refuses_fails_alone(app) {
        refuse_page(&app.url, "/refused").await;
        let mut bodies = Vec::new();
        for n in 0..40 {
            let mut body = contact_response(n, "Anna", json!({}));
            body["page"] = json!(if n % 8 == 0 { "/refused" } else { "/fine" });
            bodies.push(body);
        }
        let replies = post_all(&app, &bodies).await;
        let statuses: Vec<StatusCode> = replies.iter().map(|r| r.status).collect();
        for (n, status) in statuses.iter().enumerate() {
            let expected = if n % 8 == 0 { StatusCode::INTERNAL_SERVER_ERROR } else { StatusCode::CREATED };
            assert_eq!(*status, expected, "response {n} of {statuses:?}");
        }
        assert_eq!(app.store.count_responses(&service_quality()).await.unwrap(), 35);
        let figures = app.admin("GET", "/v1/admin/surveys/service-quality/snapshot?window=all", None).await;
        assert_eq!(figures.body["responses"], 35, "the summaries count exactly what was stored");
    }
}

/// Makes the database itself refuse every response given on `page`.
async fn refuse_page(url: &str, page: &str) {
    refuse_statement(
        url,
        &format!("BEFORE INSERT ON responses WHEN NEW.page = '{page}'"),
    )
    .await;
}

/// Makes the database refuse every statement a trigger `when` catches
/// (`BEFORE INSERT ON responses WHEN …`, SQLite's syntax; on PostgreSQL the
/// condition goes into the trigger function).
pub async fn refuse_statement(url: &str, when: &str) {
    if url.starts_with("sqlite:") {
        let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query(&format!(
            "CREATE TRIGGER refuse {when} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        ))
        .execute(&mut db)
        .await
        .unwrap();
    } else {
        let (timing, condition) = when.split_once(" WHEN ").map_or((when, "true"), |(t, c)| (t, c));
        let mut db = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::query(&format!(
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN IF {condition} THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$"
        ))
        .execute(&mut db)
        .await
        .unwrap();
        sqlx::query(&format!(
            "CREATE TRIGGER refuse {timing} FOR EACH ROW EXECUTE FUNCTION refuse()"
        ))
        .execute(&mut db)
        .await
        .unwrap();
    }
}

/// Runs one statement on the database at `url`, as an operator would.
pub async fn execute(url: &str, sql: &str) {
    if url.starts_with("sqlite:") {
        let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlx::query(sql).execute(&mut db).await.unwrap();
    } else {
        let mut db = sqlx::PgConnection::connect(url).await.unwrap();
        sqlx::query(sql).execute(&mut db).await.unwrap();
    }
}
