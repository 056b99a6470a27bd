//! Creating a survey from one of the built-in templates, or from scratch (a
//! blank survey of one question), then editing it.

use candor_core::templates::{BLANK, NAMES, by_name};
use leptos::prelude::*;

use crate::api::use_admin;
use crate::i18n::{failure, locale, tr, trf};

#[component]
pub fn NewSurvey() -> impl IntoView {
    let admin = use_admin();
    let template = RwSignal::new(NAMES[0].to_owned());
    let id = RwSignal::new(String::new());
    let create = Action::new_local(move |(template, id): &(String, String)| {
        let (admin, template, id) = (admin.clone(), template.clone(), id.trim().to_owned());
        async move {
            match admin.create(&template, &id).await {
                Ok(survey) => {
                    if let Some(window) = web_sys::window() {
                        let _ = window
                            .location()
                            .set_hash(&format!("#/surveys/{}/edit", survey.id));
                    }
                    Ok(())
                }
                Err(error) => Err(trf("Not created: {error}.", &[("error", &failure(&error))])),
            }
        }
    });
    // Each template by its title in the language in use, its slug beside.
    let options = NAMES
        .iter()
        .map(|name| {
            let title = by_name(name)
                .map(|t| t.text(&t.title, locale()).to_owned())
                .unwrap_or_default();
            view! { <option value=*name>{format!("{title} ({name})")}</option> }
        })
        .collect_view();
    let blank = view! { <option value=BLANK>{tr("blank (build it from scratch)")}</option> };
    view! {
        <section class="new-survey" aria-labelledby="new-survey-title">
            <h2 id="new-survey-title">{tr("New survey")}</h2>
            <form
                class="filters"
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    create.dispatch_local((template.get_untracked(), id.get_untracked()));
                }
            >
                <label>
                    {tr("Template")} " "
                    <select on:change=move |ev| {
                        template.set(event_target_value(&ev))
                    }>{options}{blank}</select>
                </label>
                <label>
                    {tr("Id")} " "
                    <input
                        type="text"
                        required
                        pattern="[a-z0-9\\-]+"
                        placeholder="after-delivery"
                        prop:value=move || id.get()
                        on:input=move |ev| id.set(event_target_value(&ev))
                    />
                </label>
                <button type="submit" disabled=move || create.pending().get()>
                    {tr("Create")}
                </button>
            </form>
            <p class="error" role="alert">
                {move || create.value().get().and_then(Result::err)}
            </p>
        </section>
    }
}
