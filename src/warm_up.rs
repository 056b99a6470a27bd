//! Running the widget once where nobody sees it, for `Candor.prepare()`.
//!
//! The browser compiles a WebAssembly function when it first runs, on the
//! page's main thread: a survey's first drawing pays for compiling most of
//! the widget (about two thirds of the time to show it on a slow phone).
//! Drawn once ahead, in idle time, a survey shown later starts at once.

use std::collections::BTreeMap;

use candor_core::{DisplayMode, Survey};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::{Api, mount_widget, task};

/// Every question kind and rating style, so each one's code runs.
const SURVEY: &str = include_str!("warm_up.json");

thread_local! {
    static WARM: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a warm-up has drawn every kind of question on this page.
pub(crate) fn done() -> bool {
    WARM.get()
}

/// Draws a survey of every question kind in an element that is in no
/// document, one question per frame as the form does, then drops it.
/// Resolves when it is gone (an error if it could not be drawn). Nothing
/// is sent, stored or announced.
#[cfg_attr(feature = "survey", wasm_bindgen)]
pub async fn warm_up() -> Result<(), JsValue> {
    // Each step in a task of its own, so none is long.
    let survey = crate::json::survey(SURVEY).map_err(|error| error.to_string())?;
    task::next().await;
    ahead(&survey).await?;
    // Then the form's next questions: a second one (drawn by a reactive
    // update, not the first build: code of its own), then every kind.
    let mut two = survey.clone();
    two.questions.truncate(2);
    if draw(two).await? && draw(survey).await? {
        WARM.set(true);
        Ok(())
    } else {
        Err("the warm-up survey was not drawn".into())
    }
}

/// Runs, off the page, what showing `survey` runs first, in steps of a task
/// each so that none compiles much (each under 50 ms at 4× CPU slowdown):
/// Leptos itself and the stylesheet; the survey's text laid out unseen;
/// the form with no question, then with the first; the widget around it
/// (its build), then again until its effects have run (they run as
/// microtasks once the build's task ends, and the survey is drawn in them).
/// A survey shown after it spends its first task drawing, not compiling,
/// and its first frame laying out, not loading fonts.
pub(crate) async fn ahead(survey: &Survey) -> Result<(), JsValue> {
    let host = detached()?;
    drop(leptos::mount::mount_to(
        crate::shadow::attach(&host)?,
        || view! { <p class="candor-warm">"…"</p> },
    ));
    task::next().await;
    // Only a speed-up, like every step here; a page without a body skips it.
    let _ = lay_out_unseen(survey);
    task::next().await;
    let mut first = survey.clone();
    first.questions.truncate(1);
    let mut none = survey.clone();
    none.questions.clear();
    drop(form(&host, none)?);
    task::next().await;
    drop(form(&host, first.clone())?);
    task::next().await;
    drop(widget(&host, first.clone())?);
    task::next().await;
    let handle = widget(&host, first)?;
    task::next().await;
    drop(handle);
    Ok(())
}

/// Draws `survey` off the page as the loader's mount does, and drops it
/// once every question is drawn; false if they were not within
/// [`DRAW_WITHIN`].
async fn draw(survey: Survey) -> Result<bool, JsValue> {
    let before = crate::lists_begun();
    let host = detached()?;
    let _handle = widget(&host, survey)?;
    Ok(crate::drawn_since(before, DRAW_WITHIN).await)
}

/// A bound, not a wait: ten parts take ten frames (each at least a task's
/// 4 ms here; a slow phone's frames take longer).
const DRAW_WITHIN: std::time::Duration = std::time::Duration::from_secs(10);

fn document() -> Result<web_sys::Document, JsValue> {
    Ok(web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?)
}

/// An element in no document: what is drawn there is never seen.
fn detached() -> Result<HtmlElement, JsValue> {
    Ok(document()?.create_element("div")?.unchecked_into())
}

/// Lays the survey's title out on the page in each of the widget's text
/// styles, in the language it will show in, so the browser loads their
/// fonts and readies the stylesheet's rules here rather than in the
/// survey's first frame (docs/benchmarks.md measures what that saves).
/// Added, measured and removed in one task: never painted, never
/// announced, and out of the page's layout.
/// Returns the height it was laid out at.
fn lay_out_unseen(survey: &Survey) -> Result<i32, JsValue> {
    let body = document()?.body().ok_or("no body")?;
    // Styled through the CSSOM, which a strict style-src allows (a style
    // attribute it would not).
    let unseen = detached()?;
    let style = unseen.style();
    for (property, value) in [
        ("position", "fixed"),
        ("top", "0"),
        ("left", "-10000px"),
        ("width", "600px"),
        ("height", "600px"),
        ("overflow", "hidden"),
        ("contain", "strict"),
        ("opacity", "0"),
        ("pointer-events", "none"),
    ] {
        style.set_property(property, value)?;
    }
    unseen.set_attribute("aria-hidden", "true")?;
    let host = detached()?;
    unseen.append_child(&host)?;
    // In the language it will show in: its script's fonts load here too.
    let locale = crate::i18n::choose_locale(survey);
    let text = survey.text(&survey.title, &locale).to_owned();
    let handle = leptos::mount::mount_to(crate::shadow::attach(&host)?, move || {
        view! {
            <div class="candor">
                <p class="candor-form__title">{text.clone()}</p>
                <p class="candor-question__text">{text.clone()}</p>
                <p class="candor-gap__label">{text.clone()}</p>
                <p class="candor-scale__ends">{text}</p>
            </div>
        }
    });
    body.append_child(&unseen)?;
    // Reading a size lays it out now, in this task.
    let height = host.offset_height();
    unseen.remove();
    drop(handle);
    Ok(height)
}

/// The form alone (the widget's largest part), for compiling in parts.
fn form(host: &HtmlElement, survey: Survey) -> Result<impl Drop, JsValue> {
    let container = crate::shadow::attach(host)?;
    Ok(leptos::mount::mount_to(container, move || {
        view! { <crate::SurveyForm survey=survey on_submit=Callback::new(|_| ()) /> }
    }))
}

/// `survey` drawn as the loader's mount draws it, sending nothing.
fn widget(host: &HtmlElement, survey: Survey) -> Result<impl Drop, JsValue> {
    let api = Api::new("", "warm-up");
    let context = Callback::new(|()| BTreeMap::new());
    mount_widget(host, api, Some(survey), Some(DisplayMode::Inline), context)
}

#[cfg(test)]
mod tests {
    use candor_core::Kind;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    #[wasm_bindgen_test]
    fn the_warm_up_survey_has_every_question_kind_and_rating_style() {
        let survey = Survey::from_json(SURVEY.as_bytes()).unwrap();
        for kind in Kind::ALL {
            assert!(
                survey.questions.iter().any(|q| q.kind.kind() == kind),
                "no {kind:?}"
            );
        }
        let json = serde_json::to_string(&survey).unwrap();
        for style in ["\"stars\"", "\"faces\"", "\"numbers\""] {
            assert!(json.contains(style), "no {style} rating");
        }
    }

    /// Runs `work` and checks it added nothing to the page and stored
    /// nothing.
    async fn assert_leaves_no_trace(work: impl std::future::Future<Output = Result<(), JsValue>>) {
        let document = web_sys::window().unwrap().document().unwrap();
        let body = document.body().unwrap().inner_html();
        let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        storage.clear().unwrap();
        work.await.unwrap();
        assert_eq!(
            document.body().unwrap().inner_html(),
            body,
            "nothing added to the page"
        );
        assert_eq!(storage.length().unwrap(), 0, "nothing stored");
    }

    #[wasm_bindgen_test]
    async fn warming_up_draws_every_question_and_leaves_no_trace() {
        assert_leaves_no_trace(warm_up()).await;
    }

    #[wasm_bindgen_test]
    fn the_text_is_laid_out_on_the_page_and_gone_in_the_same_task() {
        let document = web_sys::window().unwrap().document().unwrap();
        let body = document.body().unwrap();
        let before = body.inner_html();
        let observer = web_sys::MutationObserver::new(&js_sys::Function::new_no_args("")).unwrap();
        let init = web_sys::MutationObserverInit::new();
        init.set_child_list(true);
        observer.observe_with_options(&body, &init).unwrap();
        let survey = Survey::from_json(SURVEY.as_bytes()).unwrap();
        let height = lay_out_unseen(&survey).unwrap();
        let records = observer.take_records();
        observer.disconnect();
        assert!(height > 40, "four lines of text laid out, not {height} px");
        let nodes = |added: bool| -> Vec<web_sys::Node> {
            records
                .iter()
                .map(|record| record.unchecked_into::<web_sys::MutationRecord>())
                .flat_map(|record| {
                    let list = if added {
                        record.added_nodes()
                    } else {
                        record.removed_nodes()
                    };
                    (0..list.length()).filter_map(move |i| list.item(i))
                })
                .collect()
        };
        let (added, removed) = (nodes(true), nodes(false));
        assert_eq!(added.len(), 1, "one element on the page");
        assert_eq!(removed, added, "and the same one gone");
        assert_eq!(body.inner_html(), before, "nothing left");
        let unseen: HtmlElement = added[0].clone().unchecked_into();
        assert_eq!(unseen.get_attribute("aria-hidden").as_deref(), Some("true"));
        for (property, value) in [
            ("position", "fixed"),
            ("opacity", "0"),
            ("pointer-events", "none"),
        ] {
            assert_eq!(
                unseen.style().get_property_value(property).unwrap(),
                value,
                "{property}"
            );
        }
    }

    #[wasm_bindgen_test]
    async fn compiling_ahead_for_a_survey_leaves_no_trace() {
        let mut survey = Survey::from_json(SURVEY.as_bytes()).unwrap();
        // A first question of another kind than the warm-up's own.
        survey.questions.rotate_left(5);
        assert_leaves_no_trace(ahead(&survey)).await;
    }
}
