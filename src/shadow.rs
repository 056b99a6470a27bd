//! Isolation from the host page: a shadow root with a constructable
//! stylesheet. Host CSS cannot reach in, ours cannot leak out, and no
//! `<style>` element is needed, so a strict `style-src` policy is respected.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, HtmlElement, ShadowRootInit, ShadowRootMode};

/// The widget's stylesheet, compiled in so it loads with the wasm.
const CSS: &str = include_str!("../style/widget.css");

/// Attaches an open shadow root to `host`, adopts the widget stylesheet and
/// returns the element to mount into.
pub fn attach(host: &HtmlElement) -> Result<HtmlElement, JsValue> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(CSS)?;
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let document = host.owner_document().ok_or("the host element has no document")?;
    let container = document.create_element("div")?;
    container.set_class_name("candor-root");
    root.replace_children_with_node_1(&container);
    container.dyn_into::<HtmlElement>().map_err(JsValue::from)
}
