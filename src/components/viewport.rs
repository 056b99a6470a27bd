//! Keeps the floating modes inside what the visitor sees. Their layer is
//! fixed over the visual viewport, not the layout viewport (which a host
//! page wider than the phone, pinch zoom or the on-screen keyboard make
//! larger than the screen), and drawn at the screen's scale, so the card,
//! its close button and its submit button are always in reach. It follows
//! `visualViewport`'s resize and scroll, writing styles only; when the
//! keyboard shrinks the view, the focused field is scrolled back into sight.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{HtmlElement, VisualViewport};

/// The layer following the visual viewport until this is dropped, which
/// removes its listeners.
pub struct FollowViewport {
    viewport: VisualViewport,
    on_change: Closure<dyn FnMut()>,
}

impl FollowViewport {
    /// Places `layer` over the visual viewport now and on every change;
    /// nothing where the browser has no `visualViewport` (the layer's CSS
    /// then covers the layout viewport, as before). The browser sends
    /// resize and scroll once per frame at most, and placing only writes
    /// styles, so no frame is laid out twice.
    pub fn start(layer: HtmlElement) -> Option<Self> {
        let viewport = web_sys::window()?.visual_viewport()?;
        let mut height = place(&layer, &viewport);
        let on_change = {
            let viewport = viewport.clone();
            Closure::<dyn FnMut()>::new(move || {
                let now = place(&layer, &viewport);
                if now < height {
                    reveal_focused(&layer);
                }
                height = now;
            })
        };
        for event in ["resize", "scroll"] {
            let _ = viewport.add_event_listener_with_callback(event, on_change.as_ref().unchecked_ref());
        }
        Some(Self { viewport, on_change })
    }
}

impl Drop for FollowViewport {
    fn drop(&mut self) {
        for event in ["resize", "scroll"] {
            let _ = self
                .viewport
                .remove_event_listener_with_callback(event, self.on_change.as_ref().unchecked_ref());
        }
    }
}

/// Sizes `layer` to the visual viewport as the screen shows it (its CSS
/// pixels at scale 1, scaled back down by the zoom); the visible height.
fn place(layer: &HtmlElement, viewport: &VisualViewport) -> f64 {
    let scale = viewport.scale();
    let style = layer.style();
    let px = |value: f64| format!("{value:.2}px");
    // CSSOM writes, which a strict style-src allows (unlike style attributes).
    let _ = style.set_property("left", &px(viewport.offset_left()));
    let _ = style.set_property("top", &px(viewport.offset_top()));
    let _ = style.set_property("width", &px(viewport.width() * scale));
    let _ = style.set_property("height", &px(viewport.height() * scale));
    let transform = if (scale - 1.0).abs() < 1e-3 {
        "none".to_owned()
    } else {
        format!("scale({:.4})", 1.0 / scale)
    };
    let _ = style.set_property("transform", &transform);
    viewport.height()
}

/// Scrolls the field focused inside `layer` into sight.
fn reveal_focused(layer: &HtmlElement) {
    let active = layer
        .get_root_node()
        .dyn_into::<web_sys::ShadowRoot>()
        .ok()
        .and_then(|root| root.active_element());
    if let Some(active) = active.filter(|a| layer.contains(Some(a))) {
        // Its bottom at the bottom of what is left above the keyboard.
        active.scroll_into_view_with_bool(false);
    }
}
