//! Webhook and Slack destinations: added with the events they receive,
//! each with its signing secret, a test send, and its latest deliveries
//! (status, answer, latency, attempts), a delivered or failed one replayed
//! by hand. The deliveries refresh every two seconds while shown.

use candor_core::admin::{
    Delivery, DeliveryStatus, Destination, DestinationKind, DestinationSpec, EventKind,
};
use leptos::prelude::*;

use crate::api::use_admin;
use crate::i18n::{failure, tr, trf};

/// How often the deliveries are read again.
const REFRESH_MS: u64 = 2000;

fn event_name(kind: EventKind) -> &'static str {
    match kind {
        EventKind::ResponseCompleted => tr("A response is finished"),
        EventKind::ResponsePartial => tr("An unfinished response is saved"),
        EventKind::ContactRequested => tr("A respondent asks to be contacted"),
        EventKind::AlertFired => tr("An alert rule fires"),
    }
}

fn status_name(status: DeliveryStatus) -> &'static str {
    match status {
        DeliveryStatus::Pending => tr("Waiting to be retried"),
        DeliveryStatus::Delivered => tr("Delivered"),
        DeliveryStatus::Failed => tr("Failed"),
    }
}

#[component]
pub fn Destinations() -> impl IntoView {
    let admin = use_admin();
    let changed = RwSignal::new(0u32);
    let list = {
        let admin = admin.clone();
        LocalResource::new(move || {
            let admin = admin.clone();
            changed.track();
            async move { admin.destinations().await }
        })
    };
    let rows = move || match list.get() {
        None => view! { <p class="status">{tr("Loading…")}</p> }.into_any(),
        Some(Err(error)) => view! {
            <p class="error" role="alert">
                {trf("Could not load the destinations: {error}.", &[("error", &failure(&error))])}
            </p>
        }
        .into_any(),
        Some(Ok(all)) if all.is_empty() => {
            view! { <p class="status">{tr("No destination yet: events stay in Candor.")}</p> }.into_any()
        }
        Some(Ok(all)) => all
            .into_iter()
            .map(|destination| view! { <DestinationCard destination=destination changed=changed /> })
            .collect_view()
            .into_any(),
    };
    view! {
        <h1>{tr("Destinations")}</h1>
        <p class="status">
            {tr("Where Candor sends what happens, within seconds: your own webhook or a Slack channel.")}
        </p>
        {rows}
        <AddDestination changed=changed />
    }
}

#[component]
fn DestinationCard(destination: Destination, changed: RwSignal<u32>) -> impl IntoView {
    let admin = use_admin();
    let id = destination.id.clone();
    let tick = RwSignal::new(0u32);
    if let Ok(handle) = set_interval_with_handle(
        move || tick.update(|n| *n += 1),
        std::time::Duration::from_millis(REFRESH_MS),
    ) {
        on_cleanup(move || handle.clear());
    }
    let deliveries = {
        let (admin, id) = (admin.clone(), id.clone());
        LocalResource::new(move || {
            let (admin, id) = (admin.clone(), id.clone());
            tick.track();
            async move { admin.deliveries(&id).await }
        })
    };
    let problem = RwSignal::new(None::<String>);
    let act = {
        let (admin, id) = (admin.clone(), id.clone());
        Action::new_local(move |what: &Act| {
            let (admin, id, what) = (admin.clone(), id.clone(), what.clone());
            async move {
                let done = match &what {
                    Act::Test => admin.test_destination(&id).await,
                    Act::Replay(event) => admin.replay(&id, event).await,
                    Act::Remove => admin.remove_destination(&id).await,
                };
                problem.set(done.err().map(|e| failure(&e)));
                match what {
                    Act::Remove => changed.update(|n| *n += 1),
                    Act::Test | Act::Replay(_) => tick.update(|n| *n += 1),
                }
            }
        })
    };
    let kind = match destination.spec.kind {
        DestinationKind::Webhook => tr("Webhook"),
        DestinationKind::Slack => tr("Slack"),
    };
    let events = destination
        .spec
        .events
        .iter()
        .map(|e| event_name(*e))
        .collect::<Vec<_>>()
        .join(" · ");
    let (heading, label) = (destination.spec.name.clone(), destination.spec.name.clone());
    let table = move || match deliveries.get() {
        None => view! { <p class="status">{tr("Loading…")}</p> }.into_any(),
        Some(Err(error)) => view! { <p class="error">{failure(&error)}</p> }.into_any(),
        Some(Ok(list)) if list.is_empty() => {
            view! { <p class="status">{tr("Nothing sent yet.")}</p> }.into_any()
        }
        Some(Ok(list)) => {
            let body = list.into_iter().map(|d| delivery_row(d, act)).collect_view();
            view! {
                <table class="deliveries">
                    <caption>{tr("Latest deliveries")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{tr("Event")}</th>
                            <th scope="col">{tr("Status")}</th>
                            <th scope="col">{tr("Answer")}</th>
                            <th scope="col">{tr("Time taken")}</th>
                            <th scope="col">{tr("Attempts")}</th>
                            <th scope="col">{tr("Last attempt (UTC)")}</th>
                            <th scope="col">
                                <span class="visually-hidden">{tr("Replay")}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            }
            .into_any()
        }
    };
    view! {
        <section class="destination" aria-label=label>
            <h2>{heading} " " <small>{kind}</small></h2>
            <p>
                <code class="destination__url">{destination.spec.url.clone()}</code>
            </p>
            <p>{trf("Sends: {events}", &[("events", &events)])}</p>
            {destination
                .secret
                .map(|secret| {
                    view! {
                        <p>{tr("Signing secret")} ": " <code class="destination__secret">{secret}</code></p>
                    }
                })}
            <p class="destination__actions">
                <button
                    type="button"
                    on:click=move |_| {
                        act.dispatch_local(Act::Test);
                    }
                >
                    {tr("Send a test")}
                </button>
                <button
                    type="button"
                    on:click=move |_| {
                        act.dispatch_local(Act::Remove);
                    }
                >
                    {tr("Remove")}
                </button>
            </p>
            {move || {
                problem
                    .get()
                    .map(|p| {
                        view! {
                            <p class="error" role="alert">
                                {p}
                            </p>
                        }
                    })
            }}
            {table}
        </section>
    }
}

/// What a destination's buttons do.
#[derive(Debug, Clone)]
enum Act {
    Test,
    Replay(String),
    Remove,
}

fn delivery_row(d: Delivery, act: Action<Act, ()>) -> impl IntoView {
    let event = d.event_id.clone();
    let replayable = d.status != DeliveryStatus::Pending;
    let answer = match (d.response_code, &d.error) {
        (Some(code), _) => code.to_string(),
        (None, Some(error)) => error.clone(),
        (None, None) => String::new(),
    };
    view! {
        <tr>
            <td>
                <code>{d.event}</code>
            </td>
            <td>{status_name(d.status)}</td>
            <td>{answer}</td>
            <td>{d.latency_ms.map(|ms| trf("{ms} ms", &[("ms", &crate::format::integer(ms))]))}</td>
            <td>{crate::format::integer(u64::from(d.attempts))}</td>
            <td>{d.last_attempt_at.map(|t| t.get(..19).unwrap_or_default().replace('T', " "))}</td>
            <td>
                {replayable
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                on:click=move |_| {
                                    act.dispatch_local(Act::Replay(event.clone()));
                                }
                            >
                                {tr("Replay")}
                            </button>
                        }
                    })}
            </td>
        </tr>
    }
}

#[component]
fn AddDestination(changed: RwSignal<u32>) -> impl IntoView {
    let admin = use_admin();
    let kind = RwSignal::new(DestinationKind::Webhook);
    let name = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let events = RwSignal::new(vec![EventKind::ResponseCompleted, EventKind::ContactRequested]);
    let problem = RwSignal::new(None::<String>);
    let add = Action::new_local(move |spec: &DestinationSpec| {
        let (admin, spec) = (admin.clone(), spec.clone());
        async move {
            match admin.add_destination(&spec).await {
                Ok(_) => {
                    problem.set(None);
                    name.set(String::new());
                    url.set(String::new());
                    changed.update(|n| *n += 1);
                }
                Err(error) => problem.set(Some(failure(&error))),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        add.dispatch_local(DestinationSpec {
            kind: kind.get_untracked(),
            name: name.get_untracked(),
            url: url.get_untracked(),
            events: events.get_untracked(),
            surveys: Vec::new(),
            enabled: true,
        });
    };
    let boxes = EventKind::ALL
        .into_iter()
        .map(|event| {
            view! {
                <label class="windows__option">
                    <input
                        type="checkbox"
                        prop:checked=move || events.with(|e| e.contains(&event))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            events
                                .update(|e| {
                                    e.retain(|x| *x != event);
                                    if on {
                                        e.push(event);
                                    }
                                });
                        }
                    />
                    {event_name(event)}
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="destination-form" on:submit=submit>
            <h2>{tr("Add a destination")}</h2>
            <label>
                {tr("Kind")}
                <select on:change=move |ev| {
                    kind.set(
                        if event_target_value(&ev) == "slack" {
                            DestinationKind::Slack
                        } else {
                            DestinationKind::Webhook
                        },
                    );
                }>
                    <option value="webhook">{tr("Webhook")}</option>
                    <option value="slack">{tr("Slack")}</option>
                </select>
            </label>
            <label>
                {tr("Name")}
                <input
                    type="text"
                    required
                    maxlength="100"
                    prop:value=name
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
            </label>
            <label>
                {tr("Address (URL)")}
                <input
                    type="url"
                    required
                    prop:value=url
                    on:input=move |ev| url.set(event_target_value(&ev))
                />
            </label>
            <fieldset class="windows">
                <legend>{tr("Events")}</legend>
                {boxes}
            </fieldset>
            {move || {
                problem
                    .get()
                    .map(|p| {
                        view! {
                            <p class="error" role="alert">
                                {p}
                            </p>
                        }
                    })
            }}
            <button type="submit">{tr("Add")}</button>
        </form>
    }
}
