//! "I'd like someone to contact me": a consent checkbox first; the contact
//! fields appear only once it is ticked, and are sent only with it.

use leptos::prelude::*;
use serde_json::{Value, json};

use super::form_state::FormState;
use super::reactive::show_if;
use crate::i18n::Strings;

/// Consent plus name, email and phone.
#[component]
pub fn ContactField(
    /// The question's id (the answer's key).
    question_id: String,
    /// The question as asked.
    label: String,
    /// Interface texts.
    strings: &'static Strings,
    /// The form's answers.
    form: FormState,
) -> impl IntoView {
    let consent = RwSignal::new(false);
    let details = RwSignal::new(json!({}));
    let key = question_id.clone();
    // The answer is rebuilt from consent and fields on every change, so
    // details typed and then un-consented are never sent.
    let sync = Callback::new(move |()| {
        let answer = if consent.get_untracked() {
            let mut answer = details.get_untracked();
            answer["consent"] = Value::Bool(true);
            answer
        } else {
            Value::Null
        };
        form.set(&[&key], answer);
    });
    let consent_id = format!("candor-consent-{question_id}");
    let consent_for = consent_id.clone();
    let field =
        move |name: &'static str, text: &'static str, kind: &'static str, autocomplete: &'static str| {
            let id = format!("candor-contact-{question_id}-{name}");
            view! {
                <div class="candor-contact__field">
                    <label for=id.clone()>{text}</label>
                    <input
                        id=id
                        class="candor-contact__input"
                        type=kind
                        autocomplete=autocomplete
                        data-field=name
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            details.update(|d| d[name] = Value::String(text));
                            sync.run(());
                        }
                    />
                </div>
            }
        };
    let fields = move || {
        view! {
            <div class="candor-contact__fields">
                {field("name", strings.name, "text", "name")}
                {field("email", strings.email, "email", "email")}
                {field("phone", strings.phone, "tel", "tel")}
            </div>
        }
    };
    view! {
        <fieldset class="candor-contact">
            <legend class="candor-scale__legend">{label}</legend>
            <label class="candor-contact__consent" for=consent_for>
                <input
                    id=consent_id
                    type="checkbox"
                    class="candor-contact__checkbox"
                    prop:checked=move || consent.get()
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        if !checked {
                            details.set(json!({}));
                        }
                        consent.set(checked);
                        sync.run(());
                    }
                />
                <span>{strings.consent}</span>
            </label>
            {show_if(move || consent.get(), fields)}
        </fieldset>
    }
}
