//! The contact-request queue: respondents who asked to be contacted, and
//! the team's follow-up of each (status, assignee, notes), overdue ones
//! first, with how fast the team followed up over the last 30 days.

use candor_core::admin::{ContactRequest, ContactStatus, FollowUpSummary};
use leptos::prelude::*;
use serde_json::json;

use crate::api::use_admin;
use crate::i18n::{count, failure, tr, trf};

fn status_name(status: ContactStatus) -> &'static str {
    match status {
        ContactStatus::Open => tr("Open"),
        ContactStatus::InProgress => tr("In progress"),
        ContactStatus::Done => tr("Done"),
    }
}

/// A duration in hours as a person reads it: minutes under an hour.
fn duration(hours: f64) -> String {
    if hours < 1.0 {
        count("{n} minutes", (hours * 60.0).round() as u64)
    } else {
        count("{n} hours", hours.round() as u64)
    }
}

#[component]
pub fn Contacts() -> impl IntoView {
    let admin = use_admin();
    let status = RwSignal::new(ContactStatus::Open);
    let changed = RwSignal::new(0u32);
    let list = {
        let admin = admin.clone();
        LocalResource::new(move || {
            let (admin, status) = (admin.clone(), status.get());
            changed.track();
            async move { admin.contacts(status).await }
        })
    };
    let summary = {
        let admin = admin.clone();
        LocalResource::new(move || {
            let admin = admin.clone();
            changed.track();
            async move { admin.follow_up().await }
        })
    };
    let save_error = RwSignal::new(None::<String>);
    let update = Action::new_local(move |(response, change): &(String, serde_json::Value)| {
        let (admin, response, change) = (admin.clone(), response.clone(), change.clone());
        async move {
            match admin.update_contact(&response, &change).await {
                Ok(_) => save_error.set(None),
                Err(error) => save_error.set(Some(failure(&error))),
            }
            // A new status moves the request to another list; an assignee
            // or notes change nothing else, and a redraw would lose what
            // is being typed in the next field.
            if change.get("status").is_some() {
                changed.update(|n| *n += 1);
            }
        }
    });
    let choice = |value: ContactStatus| {
        view! {
            <label class="windows__option">
                <input
                    type="radio"
                    name="status"
                    value=value.as_str()
                    prop:checked=move || status.get() == value
                    on:change=move |_| status.set(value)
                />
                {status_name(value)}
            </label>
        }
    };
    let summary_line = move || {
        summary.get().and_then(Result::ok).map(|s: FollowUpSummary| {
            let median = match s.median_hours_to_first_follow_up {
                Some(hours) => trf(
                    "Median time to first follow-up, last 30 days: {time}",
                    &[("time", &duration(hours))],
                ),
                None => tr("No request of the last 30 days has been followed up yet.").to_owned(),
            };
            view! {
                <p class="status contacts__summary">
                    {median} " · " {trf("Overdue: {n}", &[("n", &crate::format::integer(s.overdue))])}
                </p>
            }
        })
    };
    let row = move |r: ContactRequest| {
        // Saves `field` of this request from the control that changed.
        let save = |field: &'static str| {
            let id = r.response_id.clone();
            move |ev: leptos::ev::Event| {
                update.dispatch_local((id.clone(), json!({ field: event_target_value(&ev) })));
            }
        };
        let (save_status, save_assignee, save_notes) = (save("status"), save("assignee"), save("notes"));
        let mailto = r.email.as_ref().map(|e| candor_core::email::mailto(e));
        let who = r
            .email
            .clone()
            .or(r.phone.clone())
            .or(r.name.clone())
            .unwrap_or_default();
        let options = ContactStatus::ALL
            .into_iter()
            .map(|s| {
                view! {
                    <option value=s.as_str() selected=s == r.status>
                        {status_name(s)}
                    </option>
                }
            })
            .collect_view();
        view! {
            <tr class:contacts__overdue=r.overdue>
                <td>{r.received_at.get(..16).unwrap_or_default().replace('T', " ")}</td>
                <td>
                    {r.due_at.get(..16).unwrap_or_default().replace('T', " ")}
                    {r.overdue.then(|| view! { <strong class="contacts__late">{tr("Overdue")}</strong> })}
                </td>
                <td>
                    <code>{r.survey_id}</code>
                </td>
                <td>{r.name.unwrap_or_default()}</td>
                <td>{mailto.map(|href| view! { <a href=href>{r.email.unwrap_or_default()}</a> })}</td>
                <td>{r.phone.unwrap_or_default()}</td>
                <td>
                    <select aria-label=format!("{} · {who}", tr("Status")) on:change=save_status>
                        {options}
                    </select>
                </td>
                <td>
                    <input
                        type="text"
                        maxlength="100"
                        aria-label=format!("{} · {who}", tr("Assignee"))
                        prop:value=r.assignee.unwrap_or_default()
                        on:change=save_assignee
                    />
                </td>
                <td>
                    <textarea
                        rows="2"
                        maxlength="5000"
                        aria-label=format!("{} · {who}", tr("Notes"))
                        prop:value=r.notes
                        on:change=save_notes
                    ></textarea>
                </td>
            </tr>
        }
    };
    let rows = move || match list.get() {
        None => view! { <p class="status">{tr("Loading…")}</p> }.into_any(),
        Some(Err(error)) => view! {
            <p class="error" role="alert">
                {trf("Could not load the queue: {error}.", &[("error", &failure(&error))])}
            </p>
        }
        .into_any(),
        Some(Ok(requests)) if requests.is_empty() => {
            view! { <p class="status">{tr("Nobody is waiting.")}</p> }.into_any()
        }
        Some(Ok(requests)) => {
            let body = requests.into_iter().map(row).collect_view();
            view! {
                <table class="contacts">
                    <thead>
                        <tr>
                            <th scope="col">{tr("Asked (UTC)")}</th>
                            <th scope="col">{tr("Due (UTC)")}</th>
                            <th scope="col">{tr("Survey")}</th>
                            <th scope="col">{tr("Name")}</th>
                            <th scope="col">{tr("Email")}</th>
                            <th scope="col">{tr("Phone")}</th>
                            <th scope="col">{tr("Status")}</th>
                            <th scope="col">{tr("Assignee")}</th>
                            <th scope="col">{tr("Notes")}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            }
            .into_any()
        }
    };
    view! {
        <h1>{tr("Contact requests")}</h1>
        {summary_line}
        <fieldset class="windows">
            <legend>{tr("Show")}</legend>
            {ContactStatus::ALL.into_iter().map(choice).collect_view()}
        </fieldset>
        {move || {
            save_error
                .get()
                .map(|error| {
                    view! {
                        <p class="error" role="alert">
                            {trf("Could not save the change: {error}.", &[("error", &error)])}
                        </p>
                    }
                })
        }}
        {rows}
    }
}
