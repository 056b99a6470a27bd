//! Webhook and Slack deliveries to a real receiver on loopback: signed as
//! Standard Webhooks describes (verified by its own library), retried with
//! one event id, never lost, never sent to private targets unless allowed.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Db, TestApp, response, spawn_app_with, uuid};
use crate::receiver::{Arrival, Receiver};

/// Collectors that may send to loopback, and retry after 50 ms.
fn loopback(config: &mut candor_collector::Config) {
    config.webhook_allow_private_targets = true;
    config.webhook_first_retry_ms = 50;
    config.webhook_timeout_secs = 2;
}

async fn add_destination(app: &TestApp, body: Value) -> Value {
    let created = app.admin("POST", "/v1/admin/destinations", Some(body)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    created.body
}

async fn webhook_to(app: &TestApp, receiver: &Receiver, events: Value) -> String {
    let created = add_destination(
        app,
        json!({"kind": "webhook", "name": "CRM", "url": receiver.url, "events": events}),
    )
    .await;
    let secret = created["secret"].as_str().unwrap();
    assert!(secret.starts_with("whsec_"), "{created}");
    receiver.trust(secret);
    created["id"].as_str().unwrap().to_owned()
}

/// Arrivals accepted (2xx), by event id.
fn accepted(arrivals: &[Arrival]) -> BTreeMap<String, Value> {
    arrivals
        .iter()
        .filter(|a| a.answered == 200)
        .map(|a| (a.id.clone(), a.body.clone()))
        .collect()
}

crate::on_both_databases_configured! {
    async fn every_event_arrives_signed_with_one_id_across_its_attempts(app) configured loopback; {
        let receiver = Receiver::start(2, 503, Duration::ZERO).await;
        let destination = webhook_to(&app, &receiver, json!(["response.completed"])).await;
        let posted: BTreeSet<String> = (1..=8).map(uuid).collect();
        for id in &posted {
            assert_eq!(app.post(&response(id, 4)).await.status, StatusCode::CREATED);
        }
        // A retry of a stored response is no new event.
        assert_eq!(app.post(&response(&uuid(1), 4)).await.status, StatusCode::OK);
        let arrivals = receiver
            .wait_for(Duration::from_secs(30), "every response delivered", |a| accepted(a).len() == posted.len())
            .await;
        assert!(arrivals.iter().all(|a| a.verified), "every delivery verifies");
        let delivered = accepted(&arrivals);
        let responses: BTreeSet<String> = delivered
            .values()
            .map(|body| body["data"]["response_id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(responses, posted);
        for (id, body) in &delivered {
            assert_eq!(arrivals.iter().filter(|a| &a.id == id).count(), 3, "two refusals, then accepted, one id");
            assert_eq!(body["type"], "response.completed");
            assert_eq!(body["data"]["survey_id"], "checkout");
            assert_eq!(body["data"]["answers"]["satisfaction"], 4);
            assert_eq!(body["data"]["locale"], "en");
        }
        // The receiver has answered; the collector records it a moment later.
        let deliveries = format!("/v1/admin/destinations/{destination}/deliveries");
        let listed = listed_once(&app, &deliveries, |all| all.iter().all(|d| d["status"] != "pending")).await;
        assert_eq!(listed.len(), posted.len());
        for delivery in &listed {
            assert_eq!((delivery["status"].as_str(), delivery["attempts"].as_u64(), delivery["response_code"].as_u64()), (Some("delivered"), Some(3), Some(200)), "{delivery}");
        }
    }

    async fn finished_deliveries_are_swept_after_their_days_and_pending_ones_kept(app) configured |c| {
        loopback(c);
        c.webhook_keep_days = 0;
        c.alert_drop_check_secs = 1;
    }; {
        let receiver = Receiver::start(0, 503, Duration::ZERO).await;
        let answered = webhook_to(&app, &receiver, json!(["response.completed"])).await;
        // Nobody listens on port 9: its delivery stays pending.
        let down = add_destination(&app, json!({"kind": "webhook", "name": "down", "url": "http://127.0.0.1:9/", "events": ["response.completed"]})).await;
        assert_eq!(app.post(&response(&uuid(30), 4)).await.status, StatusCode::CREATED);
        receiver.wait_for(Duration::from_secs(20), "the delivery", |a| !a.is_empty()).await;
        let answered = format!("/v1/admin/destinations/{answered}/deliveries");
        listed_once(&app, &answered, |all| all.iter().all(|d| d["status"] == "delivered")).await;
        let mut left = Value::Null;
        for _ in 0..200 {
            left = app.admin("GET", &answered, None).await.body;
            if left == json!([]) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(left, json!([]), "the delivered one is swept at the next check");
        let down = format!("/v1/admin/destinations/{}/deliveries", down["id"].as_str().unwrap());
        let pending = app.admin("GET", &down, None).await.body;
        assert_eq!(pending.as_array().map(Vec::len), Some(1), "a pending one is kept: {pending}");
        assert_eq!(pending[0]["status"], "pending");
    }

    async fn a_contact_request_and_a_partial_save_are_events_of_their_own(app) configured loopback; {
        let receiver = Receiver::start(0, 503, Duration::ZERO).await;
        webhook_to(&app, &receiver, json!(["contact.requested", "response.partial"])).await;
        let partial = json!({"id": uuid(20), "survey_version": 1, "complete": false, "sequence": 1, "answers": {"satisfaction": 2}});
        assert_eq!(app.post_raw("after-support", "application/json", partial.to_string()).await.status, StatusCode::CREATED);
        let contact = json!({"id": uuid(20), "survey_version": 1, "answers": {
            "satisfaction": 2,
            "resolved": false,
            "contact": {"consent": true, "email": "ieva@example.lv"},
        }});
        let posted = app.post_raw("after-support", "application/json", contact.to_string()).await;
        assert_eq!(posted.status, StatusCode::CREATED, "{}", posted.body);
        assert_eq!(app.post(&response(&uuid(21), 5)).await.status, StatusCode::CREATED, "not subscribed");
        receiver.wait_for(Duration::from_secs(20), "both events", |a| a.len() >= 2).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let arrivals = receiver.arrivals();
        let types: BTreeSet<&str> = arrivals.iter().map(|a| a.body["type"].as_str().unwrap()).collect();
        assert_eq!(types, BTreeSet::from(["contact.requested", "response.partial"]), "nothing else: {arrivals:?}");
        let contact = arrivals.iter().find(|a| a.body["type"] == "contact.requested").unwrap();
        assert_eq!(contact.body["data"]["answers"]["contact"]["email"], "ieva@example.lv");
        let partial = arrivals.iter().find(|a| a.body["type"] == "response.partial").unwrap();
        assert_eq!(partial.body["data"]["complete"], false);
    }

    async fn a_destination_failing_for_its_day_is_marked_failed_and_replayed_by_hand(app) configured |c| {
        loopback(c);
        c.webhook_give_up_after_secs = 1;
    }; {
        let receiver = Receiver::start(u32::MAX, 500, Duration::ZERO).await;
        let destination = webhook_to(&app, &receiver, json!(["response.completed"])).await;
        assert_eq!(app.post(&response(&uuid(1), 2)).await.status, StatusCode::CREATED);
        let deliveries = format!("/v1/admin/destinations/{destination}/deliveries");
        let failed = wait_for_status(&app, &deliveries, "failed").await;
        assert!(failed["attempts"].as_u64().unwrap() >= 2, "retried before giving up: {failed}");
        assert_eq!(failed["response_code"], 500);
        assert!(failed["error"].as_str().unwrap().contains("500"), "{failed}");
        let event = failed["event_id"].as_str().unwrap();
        let pending = app.admin("POST", &format!("{deliveries}/{event}/replay"), None).await;
        assert_eq!(pending.status, StatusCode::ACCEPTED, "{}", pending.body);
        let again = app.admin("POST", &format!("{deliveries}/{event}/replay"), None).await;
        assert_eq!((again.status, again.body["field"].as_str()), (StatusCode::NOT_FOUND, Some("event")), "pending already");
        let before = receiver.arrivals().len();
        receiver.wait_for(Duration::from_secs(10), "the replay sent", |a| a.len() > before).await;
        assert!(receiver.arrivals().iter().all(|a| a.id == event && a.verified), "one event id throughout");
    }

    async fn a_test_send_arrives_and_redirects_are_not_followed(app) configured loopback; {
        let receiver = Receiver::start(u32::MAX, 307, Duration::ZERO).await;
        let destination = webhook_to(&app, &receiver, json!(["response.completed"])).await;
        let sent = app.admin("POST", &format!("/v1/admin/destinations/{destination}/test"), None).await;
        assert_eq!(sent.status, StatusCode::ACCEPTED, "{}", sent.body);
        let arrivals = receiver.wait_for(Duration::from_secs(10), "the test event", |a| !a.is_empty()).await;
        assert_eq!(arrivals[0].body["type"], "destination.test");
        assert_eq!(arrivals[0].id, sent.body["event_id"].as_str().unwrap());
        assert!(arrivals[0].verified);
        let deliveries = format!("/v1/admin/destinations/{destination}/deliveries");
        let listed = listed_once(&app, &deliveries, |all| all[0]["response_code"] == 307).await[0].clone();
        assert_eq!(listed["status"], "pending", "a redirect is a failed attempt: {listed}");
    }

    async fn private_targets_are_refused_by_default(app) configured |_| {}; {
        for url in ["http://127.0.0.1:8080/hook", "http://localhost/hook", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://10.0.0.7/", "http://[fd00:ec2::254]/"] {
            let refused = app.admin("POST", "/v1/admin/destinations", Some(json!({"kind": "webhook", "name": "x", "url": url, "events": ["response.completed"]}))).await;
            assert_eq!((refused.status, refused.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("url")), "{url}: {}", refused.body);
        }
        for (body, field) in [
            (json!({"kind": "webhook", "name": "x", "url": "gopher://h/", "events": ["response.completed"]}), "url"),
            (json!({"kind": "webhook", "name": "x", "url": "https://h.example/", "events": ["response.completed"], "surveys": ["nobody"]}), "surveys.0"),
            (json!({"kind": "pager", "name": "x", "url": "https://h.example/", "events": ["response.completed"]}), "kind"),
        ] {
            let refused = app.admin("POST", "/v1/admin/destinations", Some(body)).await;
            assert_eq!((refused.status, refused.body["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some(field)), "{}", refused.body);
        }
        assert!(app.admin("GET", "/v1/admin/destinations", None).await.body.as_array().unwrap().is_empty(), "nothing stored");
    }

    async fn slack_messages_keep_block_kits_limits_and_show_hostile_comments_as_text(app) configured |c| {
        loopback(c);
        c.public_url = Some("https://feedback.example.com".into());
    }; {
        let receiver = Receiver::start(0, 503, Duration::ZERO).await;
        add_destination(&app, json!({"kind": "slack", "name": "#support", "url": receiver.url, "events": ["response.completed"], "surveys": ["checkout"]})).await;
        let long = "ล่าช้ามาก ".repeat(199);
        let comments = [
            "<script>window.pwned = \"script\"</script>",
            "<img src=x onerror=\"window.pwned = 'img'\">",
            "<!channel> <@U024BE7LH> *bold* _it_ ~no~ `code` &amp;",
            "{{constructor.constructor('window.pwned = 1')()}}",
            long.as_str(),
        ];
        for (n, comment) in comments.iter().enumerate() {
            let mut body = response(&uuid(40 + n as u32), 2);
            body["answers"]["comment"] = json!(comment);
            body["answers"]["delivery"] = json!({"promise": {"expected": 6, "experienced": 3}});
            body["page"] = json!("/checkout/<b>");
            let posted = app.post(&body).await;
            assert_eq!(posted.status, StatusCode::CREATED, "{}", posted.body);
        }
        let arrivals = receiver.wait_for(Duration::from_secs(20), "every message", |a| a.len() == comments.len()).await;
        for arrival in &arrivals {
            let message = &arrival.body;
            let blocks = message["blocks"].as_array().unwrap();
            assert!(blocks.len() <= 50, "at most 50 blocks");
            assert!(message["text"].as_str().unwrap().chars().count() <= 4000);
            for block in blocks {
                let limit = match block["type"].as_str().unwrap() {
                    "header" => 150,
                    "section" | "actions" => 3000,
                    "context" => 2000,
                    other => panic!("a block Slack does not know here: {other}"),
                };
                let mut texts = Vec::new();
                collect_texts(block, &mut texts);
                for text in texts {
                    assert!(text.chars().count() <= limit, "{} chars in a {} block", text.chars().count(), block["type"]);
                }
                if let Some(fields) = block["fields"].as_array() {
                    assert!(fields.len() <= 10);
                }
            }
            let plain: Vec<&str> = blocks
                .iter()
                .filter(|b| b["text"]["type"] == "plain_text" && b["type"] == "section")
                .map(|b| b["text"]["text"].as_str().unwrap())
                .collect();
            let comment = plain.last().copied().unwrap_or_default();
            let expected = comments.iter().find(|c| comment.starts_with(&c.chars().take(100).collect::<String>())).expect("the comment, as plain text");
            assert_eq!(comment, *expected, "as written, never as markup");
            let markup = blocks.iter().filter(|b| b["text"]["type"] == "mrkdwn").map(|b| b["text"]["text"].as_str().unwrap()).collect::<Vec<_>>().join("\n");
            assert!(markup.contains("Fell short") && markup.contains("expected 6, got 3"), "{markup}");
            let context = blocks.iter().find(|b| b["type"] == "context").unwrap().to_string();
            assert!(context.contains("/checkout/&lt;b&gt;") && !context.contains("<b>"), "escaped: {context}");
            let link = blocks.iter().find(|b| b["type"] == "actions").unwrap();
            assert_eq!(link["elements"][0]["url"], "https://feedback.example.com/dashboard/#/surveys/checkout/comments");
        }
    }

    async fn a_destination_deleted_while_its_events_wait_stops_no_other(app) configured |c| {
        c.webhook_allow_private_targets = true;
    }; {
        // Nobody listens on port 9: events stay queued, to be listed.
        let gone = add_destination(&app, json!({"kind": "webhook", "name": "gone", "url": "http://127.0.0.1:9/", "events": ["response.completed"]})).await;
        let kept = add_destination(&app, json!({"kind": "webhook", "name": "kept", "url": "http://127.0.0.1:9/", "events": ["response.completed"]})).await;
        assert_eq!(app.post(&response(&uuid(7), 4)).await.status, StatusCode::CREATED);
        let deleted = app.admin("DELETE", &format!("/v1/admin/destinations/{}", gone["id"].as_str().unwrap()), None).await;
        assert_eq!(deleted.status, StatusCode::NO_CONTENT, "{}", deleted.body);
        assert_eq!(app.post(&response(&uuid(8), 4)).await.status, StatusCode::CREATED);
        let path = format!("/v1/admin/destinations/{}/deliveries", kept["id"].as_str().unwrap());
        let started = std::time::Instant::now();
        let mut listed = app.admin("GET", &path, None).await.body;
        while listed.as_array().unwrap().len() < 2 && started.elapsed() < std::time::Duration::from_secs(10) {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            listed = app.admin("GET", &path, None).await.body;
        }
        let mut responses: Vec<&str> = listed.as_array().unwrap().iter().map(|d| d["response_id"].as_str().unwrap()).collect();
        responses.sort_unstable();
        assert_eq!(responses, [uuid(7), uuid(8)], "both queued for the destination that is left");
    }

    async fn an_erased_response_leaves_no_queued_event(app) configured |c| {
        c.webhook_allow_private_targets = true;
    }; {
        // Nobody listens on port 9: the event stays queued.
        add_destination(&app, json!({"kind": "webhook", "name": "down", "url": "http://127.0.0.1:9/", "events": ["response.completed"]})).await;
        let destinations = app.admin("GET", "/v1/admin/destinations", None).await;
        let id = destinations.body[0]["id"].as_str().unwrap();
        let listed = || async { app.admin("GET", &format!("/v1/admin/destinations/{id}/deliveries"), None).await.body };
        // Erased while its event waits in the outbox (the worker's next
        // round is at least 20 ms away).
        assert_eq!(app.post(&response(&uuid(5), 3)).await.status, StatusCode::CREATED);
        let erased = app.admin("POST", "/v1/admin/erasures", Some(json!({"response_id": uuid(5)}))).await;
        assert_eq!(erased.body["erased"], 1, "{}", erased.body);
        // Erased once its event is queued: the outbox is moved in order,
        // so once this one is listed the first has been moved too.
        assert_eq!(app.post(&response(&uuid(6), 3)).await.status, StatusCode::CREATED);
        let started = std::time::Instant::now();
        let mut queued = listed().await;
        while queued.as_array().unwrap().is_empty() && started.elapsed() < std::time::Duration::from_secs(10) {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            queued = listed().await;
        }
        let responses: Vec<&str> = queued.as_array().unwrap().iter().map(|d| d["response_id"].as_str().unwrap()).collect();
        assert_eq!(responses, [uuid(6)], "the erased response's event was never queued");
        let erased = app.admin("POST", "/v1/admin/erasures", Some(json!({"response_id": uuid(6)}))).await;
        assert_eq!(erased.body["erased"], 1, "{}", erased.body);
        assert_eq!(listed().await, json!([]), "the payload held the answers");
    }
}

/// The code block of `language` after `heading` in docs/api.md.
fn documented(heading: &str, language: &str) -> String {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/api.md")).unwrap();
    let after = &doc[doc
        .find(heading)
        .unwrap_or_else(|| panic!("no {heading:?} in docs/api.md"))..];
    let fence = format!("```{language}\n");
    let code = &after[after.find(&fence).unwrap() + fence.len()..];
    code[..code.find("```").unwrap()].to_owned()
}

/// Runs `program` with `script` on its standard input; what it printed.
fn run_script(program: &str, args: &[&str], script: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program} must be installed for this test: {e}"));
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The verifiers docs/api.md gives, in Python and in Node, accept a real
/// delivery and refuse it changed.
#[tokio::test]
async fn the_documented_verifiers_accept_a_real_delivery() {
    let app = spawn_app_with(Db::Sqlite, loopback).await.unwrap();
    let receiver = Receiver::start(0, 503, Duration::ZERO).await;
    let destination = webhook_to(&app, &receiver, json!(["response.completed"])).await;
    let secret = app
        .admin("GET", &format!("/v1/admin/destinations/{destination}"), None)
        .await
        .body["secret"]
        .clone();
    assert_eq!(app.post(&response(&uuid(9), 5)).await.status, StatusCode::CREATED);
    let arrival = receiver
        .wait_for(Duration::from_secs(10), "a delivery", |a| !a.is_empty())
        .await
        .remove(0);
    let headers = json!({"webhook-id": arrival.id, "webhook-timestamp": arrival.timestamp, "webhook-signature": arrival.signature});
    let (secret, headers, body) = (
        secret.to_string(),
        headers.to_string(),
        serde_json::to_string(&arrival.raw).unwrap(),
    );
    let python = format!(
        "{}\nimport json\nh = json.loads({headers:?})\nb = json.loads({body:?}).encode()\nprint(verify({secret}, h, b), verify({secret}, h, b + b' '))",
        documented("Python (", "python")
    );
    assert_eq!(run_script("python3", &["-"], &python), "True False");
    let node = format!(
        "{}\nconst h = {headers};\nconst b = Buffer.from({body});\nconsole.log(verify({secret}, h, b), verify({secret}, h, Buffer.concat([b, Buffer.from(' ')])));",
        documented("Node (", "js")
    );
    assert_eq!(
        run_script("node", &["--input-type=module", "-"], &node),
        "true false"
    );
}

/// Every `text` string inside a block.
fn collect_texts<'a>(value: &'a Value, texts: &mut Vec<&'a str>) {
    match value {
        Value::Object(fields) => {
            for (key, value) in fields {
                match (key.as_str(), value) {
                    ("text", Value::String(text)) => texts.push(text),
                    (_, value) => collect_texts(value, texts),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_texts(item, texts)),
        _ => {}
    }
}

/// The first delivery listed once it has `status`.
async fn wait_for_status(app: &TestApp, deliveries: &str, status: &str) -> Value {
    listed_once(app, deliveries, |all| all[0]["status"] == status).await[0].clone()
}

/// The deliveries listed once `done` holds of them (and there are some),
/// within ten seconds.
async fn listed_once(app: &TestApp, deliveries: &str, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    for _ in 0..500 {
        let listed = app
            .admin("GET", deliveries, None)
            .await
            .body
            .as_array()
            .unwrap()
            .clone();
        if !listed.is_empty() && done(&listed) {
            return listed;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the deliveries did not come to what was waited for");
}

async fn two_collectors_never_send_one_attempt_twice(db: Db) {
    let Some(first) = spawn_app_with(db, loopback).await else {
        return;
    };
    let second_dir = tempfile::tempdir().unwrap();
    let second = crate::helpers::app_at(first.url.clone(), second_dir, loopback).await;
    let receiver = Receiver::start(0, 503, Duration::from_millis(2)).await;
    webhook_to(&first, &receiver, json!(["response.completed"])).await;
    let (a, b) = (&first, &second);
    let posts = (0..120u32).map(|n| async move {
        let app = if n % 2 == 0 { a } else { b };
        app.post_owned(response(&uuid(n), 1 + (n % 5) as u8)).await.status
    });
    for status in futures_util::future::join_all(posts).await {
        assert_eq!(status, StatusCode::CREATED);
    }
    receiver
        .wait_for(Duration::from_secs(30), "all 120", |a| accepted(a).len() == 120)
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let arrivals = receiver.arrivals();
    assert_eq!(arrivals.len(), 120, "each event sent once, by one collector");
    assert!(arrivals.iter().all(|a| a.verified));
}

#[tokio::test]
async fn two_collectors_on_one_postgresql_never_send_one_attempt_twice() {
    two_collectors_never_send_one_attempt_twice(Db::Postgres).await;
}

#[tokio::test]
async fn two_collectors_on_one_sqlite_file_never_send_one_attempt_twice() {
    two_collectors_never_send_one_attempt_twice(Db::Sqlite).await;
}
