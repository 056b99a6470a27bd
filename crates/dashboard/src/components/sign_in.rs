//! Signing in with the admin token the collector printed at its first start
//! (or CANDOR_ADMIN_TOKEN). The token is checked against the API before it
//! is kept.

use leptos::prelude::*;

use crate::api::{Admin, AdminError};
use crate::i18n::{failure, tr, trf};
use crate::session;

#[component]
pub fn SignIn(on_sign_in: Callback<Admin>) -> impl IntoView {
    let token = RwSignal::new(String::new());
    let check = Action::new_local(move |token: &String| {
        let admin = Admin::new(token);
        async move { admin.surveys().await.map(|_| admin) }
    });
    Effect::new(move |_| {
        if let Some(Ok(admin)) = check.value().get() {
            session::keep(&token.get_untracked());
            on_sign_in.run(admin);
        }
    });
    let error = move || match check.value().get() {
        Some(Err(AdminError::NotAllowed)) => Some(tr("That is not the admin token.").to_owned()),
        Some(Err(other)) => Some(trf("Could not sign in: {error}.", &[("error", &failure(&other))])),
        _ => None,
    };
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        check.dispatch_local(token.get_untracked());
    };
    view! {
        <section class="sign-in" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">{tr("Sign in to the dashboard")}</h1>
            <form class="sign-in__form" on:submit=on_submit>
                <label for="token">{tr("Admin token")}</label>
                <input
                    id="token"
                    name="token"
                    type="password"
                    autocomplete="current-password"
                    required
                    aria-describedby="token-help"
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || token.get()
                    on:input=move |ev| token.set(event_target_value(&ev))
                />
                <p id="token-help" class="hint">
                    {tr(
                        "The collector writes it to a file at its first start (data/admin-token unless set otherwise), or reads it from CANDOR_ADMIN_TOKEN.",
                    )}
                </p>
                <button type="submit" disabled=move || check.pending().get()>
                    {move || if check.pending().get() { tr("Signing in…") } else { tr("Sign in") }}
                </button>
                <p class="error" role="alert">
                    {error}
                </p>
            </form>
        </section>
    }
}
