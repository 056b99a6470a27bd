//! The contact-request queue: respondents who asked to be contacted, open
//! or done, so the team follows up as they asked.

use candor_core::admin::ContactStatus;
use leptos::prelude::*;

use crate::api::use_admin;
use crate::i18n::{failure, tr, trf};

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
    let toggle = Action::new_local(move |(response, to): &(String, ContactStatus)| {
        let (admin, response, to) = (admin.clone(), response.clone(), *to);
        async move {
            if let Err(error) = admin.set_contact_status(&response, to).await {
                web_sys::console::warn_1(&format!("Candor: {error}").into());
            }
            changed.update(|n| *n += 1);
        }
    });
    let choice = |value: ContactStatus, label: &'static str| {
        view! {
            <label class="windows__option">
                <input
                    type="radio"
                    name="status"
                    value=value.as_str()
                    prop:checked=move || status.get() == value
                    on:change=move |_| status.set(value)
                />
                {label}
            </label>
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
            let body = requests
                .into_iter()
                .map(|r| {
                    let to = r.status.toggled();
                    let action = match r.status {
                        ContactStatus::Open => tr("Mark done"),
                        ContactStatus::Done => tr("Reopen"),
                    };
                    let id = r.response_id.clone();
                    let mailto = r.email.as_ref().map(|e| candor_core::email::mailto(e));
                    view! {
                        <tr>
                            <td>{r.received_at.get(..16).unwrap_or_default().replace('T', " ")}</td>
                            <td>
                                <code>{r.survey_id}</code>
                            </td>
                            <td>{r.name.unwrap_or_default()}</td>
                            <td>
                                {mailto.map(|href| view! { <a href=href>{r.email.unwrap_or_default()}</a> })}
                            </td>
                            <td>{r.phone.unwrap_or_default()}</td>
                            <td>
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        toggle.dispatch_local((id.clone(), to));
                                    }
                                >
                                    {action}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="contacts">
                    <thead>
                        <tr>
                            <th scope="col">{tr("Asked (UTC)")}</th>
                            <th scope="col">{tr("Survey")}</th>
                            <th scope="col">{tr("Name")}</th>
                            <th scope="col">{tr("Email")}</th>
                            <th scope="col">{tr("Phone")}</th>
                            <th scope="col">
                                <span class="visually-hidden">{tr("Action")}</span>
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
        <h1>{tr("Contact requests")}</h1>
        <fieldset class="windows">
            <legend>{tr("Show")}</legend>
            {choice(ContactStatus::Open, tr("Open"))}
            {choice(ContactStatus::Done, tr("Done"))}
        </fieldset>
        {rows}
    }
}
