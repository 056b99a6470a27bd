//! Where the survey shows: in the page (inline), as a corner card
//! (popover), as a panel from the side (slide-in), or behind an always
//! visible "Feedback" tab (side tab). Every mode has a close button. The
//! floating modes are dialogs: focus moves in when they open, Tab and
//! Shift+Tab stay inside, Escape closes, and focus goes back where it was.
//! They sit in a layer that follows the visual viewport (`viewport.rs`)
//! while anything of theirs shows.

use candor_core::DisplayMode;
use leptos::ev::KeyboardEvent;
use leptos::html::{Button, Div};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::reactive::{effect, flag};
use super::viewport::FollowViewport;
use crate::i18n::strings;
use web_sys::{Element, HtmlElement};

/// What can take keyboard focus inside the panel.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), textarea:not([disabled]), \
                         select:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// The survey's container for `mode`. `on_close` hears every close.
#[component]
pub fn Frame(
    mode: DisplayMode,
    /// The dialog's accessible name (the survey's title).
    #[prop(into)]
    label: Signal<String>,
    /// The interface language (the close button's name, the tab's text).
    #[prop(into)]
    locale: Signal<String>,
    on_close: Callback<()>,
    children: ChildrenFn,
) -> impl IntoView {
    let floating = mode != DisplayMode::Inline;
    let open = RwSignal::new(mode != DisplayMode::SideTab);
    let panel = NodeRef::<Div>::new();
    let tab = NodeRef::<Button>::new();
    let layer = NodeRef::<Div>::new();
    // Following the visual viewport only while something floats in sight:
    // the side tab always, the others while open; dropped, it stops.
    let follow = StoredValue::new_local(None::<FollowViewport>);
    effect(move |_| {
        let shown = floating && (mode == DisplayMode::SideTab || open.get());
        match layer.get() {
            Some(element) if shown && follow.with_value(Option::is_none) => {
                follow.set_value(FollowViewport::start(element.into()));
            }
            _ if !shown => follow.set_value(None),
            _ => {}
        }
    });
    on_cleanup(move || drop(follow.try_set_value(None)));
    let returns_to = StoredValue::new_local(None::<HtmlElement>);
    // A floating card stays unseen while its questions are drawn a frame
    // apart: it grows from its bottom corner, so what was drawn first
    // would move up with each part (a layout shift).
    let progress = super::one_per_frame::progress();
    let drawing = flag(move || floating && progress.get().pending > 0);
    // Focus goes into a floating panel each time it opens, once it shows.
    let focused = StoredValue::new(false);
    effect(move |_| {
        if !(floating && open.get()) {
            focused.set_value(false);
            return;
        }
        if drawing.get() || focused.get_value() {
            return;
        }
        if let Some(panel) = panel.get() {
            focused.set_value(true);
            returns_to.set_value(focused_in_page());
            // After the DOM update that makes it visible: an unseen element
            // takes no focus.
            let panel = send_wrapper::SendWrapper::new(panel);
            set_timeout(move || drop(panel.focus()), std::time::Duration::ZERO);
        }
    });
    let close = move || {
        open.set(false);
        on_close.run(());
        let back = match mode {
            DisplayMode::SideTab => tab.get_untracked().map(|t| t.unchecked_into::<HtmlElement>()),
            _ => returns_to.get_value(),
        };
        if let Some(element) = back {
            // After the DOM update: the side tab is hidden until then.
            let element = send_wrapper::SendWrapper::new(element);
            set_timeout(move || drop(element.focus()), std::time::Duration::ZERO);
        }
    };
    let on_keydown = move |event: KeyboardEvent| {
        if !floating {
            return;
        }
        match event.key().as_str() {
            "Escape" => {
                event.prevent_default();
                close();
            }
            "Tab" => {
                if let Some(panel) = panel.get_untracked() {
                    keep_focus_inside(&panel, &event);
                }
            }
            _ => {}
        }
    };
    let mode_class = match mode {
        DisplayMode::Inline => "candor candor--inline",
        DisplayMode::Popover => "candor candor--popover",
        DisplayMode::SlideIn => "candor candor--slide-in",
        DisplayMode::SideTab => "candor candor--side-tab",
    };
    let side_tab = (mode == DisplayMode::SideTab).then(|| {
        view! {
            <button
                class="candor-tab"
                type="button"
                node_ref=tab
                aria-expanded=move || open.get().to_string()
                aria-controls="candor-panel"
                hidden=move || open.get()
                on:click=move |_| open.set(true)
            >
                {move || strings(&locale.get()).tab}
            </button>
        }
    });
    let card = view! {
        <div
            class=mode_class
            class:candor--drawing=drawing
            id="candor-panel"
            node_ref=panel
            role=floating.then_some("dialog")
            aria-modal=floating.then_some("true")
            aria-label=move || floating.then(|| label.get())
            tabindex=floating.then_some("-1")
            hidden=move || !open.get()
            on:keydown=on_keydown
        >
            <button
                class="candor-close"
                type="button"
                aria-label=move || strings(&locale.get()).close
                on:click=move |_| close()
            >
                <span aria-hidden="true">"×"</span>
            </button>
            {children()}
        </div>
    };
    // Inline, the layer is no box at all (`display: contents`).
    view! {
        <div class=if floating { "candor-viewport" } else { "candor-layer" } node_ref=layer>
            {side_tab}
            {card}
        </div>
    }
}

/// The element focused in the page before the panel took focus.
fn focused_in_page() -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<HtmlElement>()
        .ok()
}

/// Wraps Tab from the last control to the first and Shift+Tab from the
/// first to the last.
fn keep_focus_inside(panel: &HtmlElement, event: &KeyboardEvent) {
    let Ok(found) = panel.query_selector_all(FOCUSABLE) else {
        return;
    };
    let controls: Vec<HtmlElement> = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .filter(|element| element.get_client_rects().length() > 0)
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        return;
    };
    let active = panel
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|root| root.active_element());
    let is = |element: &HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a: &Element| a.is_same_node(Some(element)))
    };
    // From the panel itself (where focus lands on opening) the browser's
    // own Tab order already leads inside.
    let on_panel = active.as_ref().is_none_or(|a| a.is_same_node(Some(panel)));
    let target = if event.shift_key() {
        (is(first) || on_panel).then_some(last)
    } else {
        is(last).then_some(first)
    };
    if let Some(target) = target {
        event.prevent_default();
        let _ = target.focus();
    }
}
