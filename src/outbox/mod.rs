//! The outbox: every submitted response is written to localStorage before
//! it is sent, and stays there until the collector has it. Failures that
//! can pass (no network, 408, 429, 5xx) are retried with backoff, also on
//! later page views of the site (the loader fetches the widget when the
//! outbox holds something); on `pagehide` whatever is due goes out by
//! `sendBeacon` (an entry waiting out its backoff or a `Retry-After` waits,
//! so an outage is not hit again by every page a visitor leaves). The response id makes every retry harmless: the collector
//! stores a response once. A partial save and the saves after it share the
//! response's entry: each replaces the one waiting (the collector keeps the
//! highest sequence, so an older save in flight does no harm), and an
//! entry is removed only when that very save is done. Entries give up
//! after seven days.
//!
//! The key ([`KEY`]) and its shape (a JSON array of [`Entry`]) are shared
//! with `pkg/candor.js`, which only checks whether anything waits.

mod policy;

use std::cell::Cell;

use candor_core::ResponseSubmission;
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[cfg(test)]
use policy::GIVE_UP_AFTER_MS;
use policy::{Outcome, delay_ms, expired, judge};

use crate::events;
use crate::storage::{self, now_ms};

/// The localStorage key, shared with the loader.
pub const KEY: &str = "candor:outbox";

/// A response waiting to be delivered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The response id (the key: one entry per response).
    pub id: String,
    /// Where it is posted.
    pub url: String,
    /// The JSON body.
    pub body: String,
    /// When it was submitted (Unix ms).
    pub created: f64,
    /// Failed attempts so far.
    pub attempts: u32,
    /// Not to be tried before this (Unix ms).
    pub due: f64,
}

/// What became of a submitted response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// The collector has it.
    Delivered,
    /// It waits in the outbox and will be retried.
    Queued,
}

/// The collector refused the response for good.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the collector refused the response ({status}): {body}")]
pub struct Rejected {
    pub status: u16,
    /// The collector's JSON explanation, as sent.
    pub body: String,
}

/// What the host page hears through `Candor.on("error")`.
#[derive(Serialize)]
struct Failure<'a> {
    id: &'a str,
    reason: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
}

thread_local! {
    static FLUSHING: Cell<bool> = const { Cell::new(false) };
    static HOOKED: Cell<bool> = const { Cell::new(false) };
    static TIMER: Cell<Option<i32>> = const { Cell::new(None) };
}

/// Everything waiting, oldest first.
pub fn entries() -> Vec<Entry> {
    storage::read(KEY).unwrap_or_default()
}

fn save(entries: &[Entry]) {
    if entries.is_empty() {
        storage::remove(KEY);
    } else if !storage::write(KEY, &entries) {
        web_sys::console::warn_1(&"Candor: the outbox could not be saved; sending without it.".into());
    }
}

/// Reads, changes and writes the outbox in one go (another tab may have
/// changed it since this one last looked).
fn update(change: impl FnOnce(&mut Vec<Entry>)) {
    let mut all = entries();
    change(&mut all);
    save(&all);
}

/// Puts `submission` in the outbox, then tries to send it to `url`.
pub async fn submit(url: &str, submission: &ResponseSubmission) -> Result<Delivery, Rejected> {
    let now = now_ms();
    let entry = Entry {
        id: submission.id.to_string(),
        url: url.to_owned(),
        body: crate::json::stringify(submission).unwrap_or_default(),
        created: now,
        attempts: 0,
        due: now,
    };
    update(|all| {
        all.retain(|e| e.id != entry.id);
        all.push(entry.clone());
    });
    hook_page_events();
    // Kept, so the send can wait a task: the click that submitted ends here
    // and the page paints it, rather than one long task for both.
    crate::task::next().await;
    match attempt(&entry).await {
        (Outcome::Delivered, _) => Ok(Delivery::Delivered),
        (Outcome::Retry { .. }, _) => {
            schedule();
            Ok(Delivery::Queued)
        }
        (Outcome::Rejected { status }, body) => Err(Rejected {
            status,
            body: body.unwrap_or_default(),
        }),
    }
}

/// Tries every entry that is due now, drops expired ones, and sets a timer
/// for the next. Safe to call at any time; concurrent calls do nothing.
pub async fn flush() {
    if FLUSHING.replace(true) {
        return;
    }
    hook_page_events();
    let now = now_ms();
    for entry in entries() {
        if expired(entry.created, now) {
            update(|all| all.retain(|e| e.id != entry.id));
            report(&entry.id, "expired", None, None);
        } else if entry.due <= now {
            attempt(&entry).await;
        }
    }
    FLUSHING.set(false);
    schedule();
}

/// Flushes in the background: what a page view does when it finds the
/// outbox holding something.
pub fn resume() {
    if !entries().is_empty() {
        wasm_bindgen_futures::spawn_local(flush());
    }
}

/// One attempt, and its consequence for the outbox and the host page; the
/// collector's explanation comes with a rejection.
async fn attempt(entry: &Entry) -> (Outcome, Option<String>) {
    let (outcome, body) = post(entry).await;
    // A newer save of the same response may have replaced this one while
    // it was on its way: only this one is done with.
    let this = |e: &Entry| e.id == entry.id && e.body == entry.body;
    match &outcome {
        Outcome::Delivered => update(|all| all.retain(|e| !this(e))),
        Outcome::Rejected { status } => {
            update(|all| all.retain(|e| !this(e)));
            report(&entry.id, "rejected", Some(*status), body.as_deref());
        }
        Outcome::Retry { retry_after_ms } => {
            let attempts = entry.attempts + 1;
            let due = now_ms() + delay_ms(attempts, *retry_after_ms, js_sys::Math::random());
            update(|all| {
                for e in all.iter_mut().filter(|e| this(e)) {
                    e.attempts = attempts;
                    e.due = due;
                }
            });
        }
    }
    (outcome, body)
}

fn report(id: &str, reason: &str, status: Option<u16>, body: Option<&str>) {
    web_sys::console::warn_1(&format!("Candor: response {id} was not delivered ({reason}).").into());
    events::emit(
        "error",
        &Failure {
            id,
            reason,
            status,
            body,
        },
    );
}

/// Posts `entry` as text/plain (no CORS preflight) with keepalive, so it
/// completes even if the page goes away meanwhile.
async fn post(entry: &Entry) -> (Outcome, Option<String>) {
    let response = async {
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&JsValue::from_str(&entry.body));
        // Not in web-sys' RequestInit yet.
        js_sys::Reflect::set(&init, &"keepalive".into(), &true.into())?;
        let headers = web_sys::Headers::new()?;
        headers.set("Content-Type", "text/plain;charset=UTF-8")?;
        init.set_headers(&headers);
        let request = web_sys::Request::new_with_str_and_init(&entry.url, &init)?;
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        JsFuture::from(window.fetch_with_request(&request))
            .await?
            .dyn_into::<web_sys::Response>()
    }
    .await;
    let Ok(response) = response else {
        return (judge(None, None), None);
    };
    let retry_after = response.headers().get("retry-after").ok().flatten();
    let outcome = judge(Some(response.status()), retry_after.as_deref());
    let body = match outcome {
        Outcome::Rejected { .. } => match response.text() {
            Ok(text) => JsFuture::from(text).await.ok().and_then(|t| t.as_string()),
            Err(_) => None,
        },
        _ => None,
    };
    (outcome, body)
}

/// One timer, for the earliest entry due.
fn schedule() {
    let Some(window) = web_sys::window() else { return };
    if let Some(timer) = TIMER.take() {
        window.clear_timeout_with_handle(timer);
    }
    let Some(due) = entries().iter().map(|e| e.due).reduce(f64::min) else {
        return;
    };
    let wait = (due - now_ms()).clamp(0.0, f64::from(i32::MAX)) as i32;
    let run = Closure::once_into_js(|| {
        TIMER.set(None);
        wasm_bindgen_futures::spawn_local(flush());
    });
    if let Ok(timer) = window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), wait)
    {
        TIMER.set(Some(timer));
    }
}

/// Once per page: beacon what is due when the page goes away, and flush
/// when the browser comes back online.
fn hook_page_events() {
    if HOOKED.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let on_pagehide = Closure::<dyn Fn()>::new(|| {
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
            return;
        };
        beacon_due(now_ms(), |entry| {
            let _ = navigator.send_beacon_with_opt_str(&entry.url, Some(&entry.body));
        });
    });
    let on_online = Closure::<dyn Fn()>::new(|| wasm_bindgen_futures::spawn_local(flush()));
    let _ = window.add_event_listener_with_callback("pagehide", on_pagehide.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    // Listeners for the life of the page.
    on_pagehide.forget();
    on_online.forget();
}

/// Hands every entry due by `now` to `send` (`sendBeacon`). Whether it
/// arrives is not known, so entries stay: the next page view retries, and
/// the id makes a second arrival harmless.
fn beacon_due(now: f64, mut send: impl FnMut(&Entry)) {
    for entry in entries().iter().filter(|entry| entry.due <= now) {
        send(entry);
    }
}

#[cfg(test)]
mod tests {
    use candor_core::ResponseId;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    /// Nothing listens on the discard port: every attempt fails to connect.
    const UNREACHABLE: &str = "http://127.0.0.1:9/v1/surveys/checkout/responses";

    fn submission(n: u8) -> ResponseSubmission {
        ResponseSubmission {
            id: ResponseId::from_random_bytes([n; 16]),
            survey_version: 1,
            locale: Some("en".into()),
            answers: serde_json::from_str(r#"{"satisfaction": 5}"#).unwrap_or_default(),
            page: None,
            context: Default::default(),
            complete: true,
            sequence: None,
            visitor: None,
        }
    }

    #[wasm_bindgen_test]
    async fn a_newer_save_replaces_the_waiting_one_and_an_older_attempt_leaves_it_be() {
        storage::remove(KEY);
        let save = |sequence: u32| ResponseSubmission {
            complete: false,
            sequence: Some(sequence),
            ..submission(7)
        };
        assert_eq!(submit(UNREACHABLE, &save(1)).await, Ok(Delivery::Queued));
        let older = entries().remove(0);
        assert_eq!(submit(UNREACHABLE, &save(2)).await, Ok(Delivery::Queued));
        let waiting = entries();
        assert_eq!(waiting.len(), 1, "one entry per response");
        assert!(waiting[0].body.contains("\"sequence\":2"), "{}", waiting[0].body);
        // The older save's attempt ends (here failing) after the newer one
        // took its place: the newer entry is not touched.
        attempt(&older).await;
        assert_eq!(entries(), waiting);
        storage::remove(KEY);
    }

    /// Counts the page's `fetch` calls from now on; the count, and what
    /// puts `fetch` back.
    fn count_fetches() -> (impl Fn() -> f64, impl FnOnce()) {
        js_sys::Function::new_no_args(
            "const fetch = window.fetch; window.candorFetches = 0; \
             window.fetch = function (...args) { window.candorFetches++; return fetch.apply(this, args); }; \
             window.candorRestoreFetch = () => { window.fetch = fetch; };",
        )
        .call0(&JsValue::NULL)
        .unwrap();
        let window = || JsValue::from(web_sys::window().unwrap());
        let count = move || {
            js_sys::Reflect::get(&window(), &"candorFetches".into())
                .unwrap()
                .as_f64()
                .unwrap()
        };
        let restore = move || {
            let restore = js_sys::Reflect::get(&window(), &"candorRestoreFetch".into()).unwrap();
            restore
                .unchecked_into::<js_sys::Function>()
                .call0(&JsValue::NULL)
                .unwrap();
        };
        (count, restore)
    }

    #[wasm_bindgen_test]
    async fn a_response_is_kept_in_the_submitting_task_and_sent_in_a_later_one() {
        use std::task::{Context, Poll, Waker};
        storage::remove(KEY);
        let (fetches, restore) = count_fetches();
        let submission = submission(2);
        let mut sending = std::pin::pin!(submit(UNREACHABLE, &submission));
        // The submitting task's share: everything up to the first wait.
        let first = sending.as_mut().poll(&mut Context::from_waker(Waker::noop()));
        assert!(matches!(first, Poll::Pending));
        assert_eq!(entries().len(), 1, "kept before the task ends");
        assert_eq!(fetches(), 0.0, "not sent in the same task");
        assert_eq!(sending.await, Ok(Delivery::Queued));
        assert_eq!(fetches(), 1.0, "sent once, later");
        restore();
        storage::remove(KEY);
    }

    #[wasm_bindgen_test]
    async fn a_response_that_cannot_be_sent_waits_in_the_outbox() {
        storage::remove(KEY);
        let before = now_ms();
        let delivery = submit(UNREACHABLE, &submission(1)).await;
        assert_eq!(delivery, Ok(Delivery::Queued));
        let waiting = entries();
        assert_eq!(waiting.len(), 1);
        let entry = &waiting[0];
        assert_eq!(entry.id, submission(1).id.to_string());
        assert_eq!(entry.attempts, 1);
        assert!(
            entry.due >= before + 500.0,
            "the next try waits: {}",
            entry.due - before
        );
        assert!(entry.body.contains(r#""satisfaction":5"#), "{}", entry.body);
        storage::remove(KEY);
    }

    #[wasm_bindgen_test]
    async fn submitting_the_same_response_again_keeps_one_entry() {
        storage::remove(KEY);
        submit(UNREACHABLE, &submission(2)).await.ok();
        submit(UNREACHABLE, &submission(2)).await.ok();
        assert_eq!(entries().len(), 1);
        storage::remove(KEY);
    }

    #[wasm_bindgen_test]
    async fn entries_not_yet_due_are_left_alone_and_old_ones_given_up() {
        let now = now_ms();
        let entry = |id: &str, created: f64, due: f64| Entry {
            id: id.into(),
            url: UNREACHABLE.into(),
            body: "{}".into(),
            created,
            attempts: 3,
            due,
        };
        save(&[
            entry("old", now - GIVE_UP_AFTER_MS - 1.0, now),
            entry("later", now, now + 60_000.0),
        ]);
        let heard = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
        let log = heard.clone();
        let listener = Closure::<dyn Fn(JsValue, JsValue)>::new(move |name: JsValue, detail: JsValue| {
            let reason = js_sys::Reflect::get(&detail, &"reason".into())
                .ok()
                .and_then(|r| r.as_string());
            log.borrow_mut().push(format!(
                "{}:{}",
                name.as_string().unwrap_or_default(),
                reason.unwrap_or_default()
            ));
        });
        events::listen(listener.as_ref().unchecked_ref::<js_sys::Function>().clone());
        flush().await;
        let left = entries();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].id, "later");
        assert_eq!(left[0].attempts, 3, "not due: not tried");
        assert_eq!(*heard.borrow(), ["error:expired"]);
        storage::remove(KEY);
        drop(listener);
    }

    #[wasm_bindgen_test]
    fn leaving_the_page_beacons_only_what_is_due() {
        let now = now_ms();
        let entry = |id: &str, due: f64| Entry {
            id: id.into(),
            url: UNREACHABLE.into(),
            body: "{}".into(),
            created: now,
            attempts: 2,
            due,
        };
        save(&[
            entry("due", now - 1.0),
            entry("backing-off", now + 30_000.0),
            entry("retry-after", now + 120_000.0),
        ]);
        let mut sent = Vec::new();
        beacon_due(now, |entry| sent.push(entry.id.clone()));
        assert_eq!(sent, ["due"]);
        assert_eq!(
            entries().len(),
            3,
            "beaconed entries stay until delivery is known"
        );
        storage::remove(KEY);
    }
}
