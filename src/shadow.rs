//! Isolation from the host page: a shadow root with a constructable
//! stylesheet. Host CSS cannot reach in, ours cannot leak out, and no
//! `<style>` element is needed, so a strict `style-src` policy is respected.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, HtmlElement, ShadowRootInit, ShadowRootMode};

/// The widget's stylesheet (style/widget.css, minified by build.rs),
/// compiled in so it loads with the wasm.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    /// The stylesheet, parsed once per page: a constructed sheet can be
    /// adopted by any number of shadow roots of the document that made it.
    static SHEET: std::cell::RefCell<Option<(Document, CssStyleSheet)>> = const { std::cell::RefCell::new(None) };
}

/// The widget's stylesheet for `document`, parsed on first use.
fn sheet_for(document: &Document) -> Result<CssStyleSheet, JsValue> {
    if let Some(sheet) = SHEET.with_borrow(|kept| {
        kept.as_ref()
            .filter(|(d, _)| d == document)
            .map(|(_, s)| s.clone())
    }) {
        return Ok(sheet);
    }
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(CSS)?;
    SHEET.set(Some((document.clone(), sheet.clone())));
    Ok(sheet)
}

/// Attaches an open shadow root to `host`, adopts the widget stylesheet and
/// returns the element to mount into.
pub fn attach(host: &HtmlElement) -> Result<HtmlElement, JsValue> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let document = host.owner_document().ok_or("the host element has no document")?;
    let sheet: JsValue = sheet_for(&document)?.into();
    root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let container = document.create_element("div")?;
    container.set_class_name("candor-root");
    root.replace_children_with_node_1(&container);
    container.dyn_into::<HtmlElement>().map_err(JsValue::from)
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn host(document: &Document) -> HtmlElement {
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        host
    }

    #[wasm_bindgen_test]
    fn the_stylesheet_is_minified_and_parses_rule_for_rule() {
        let source = include_str!("../style/widget.css");
        assert!(!CSS.contains("/*") && !CSS.contains('\n') && CSS.len() < source.len() * 9 / 10);
        // Quoted strings, spaces inside calc() and before a pseudo-class
        // are meaning, not layout.
        assert!(CSS.contains(r#"content:"▲ ""#), "strings kept");
        assert!(CSS.contains("calc(var(--candor-space) * 1.5)"), "calc kept");
        let (minified, readable) = (CssStyleSheet::new().unwrap(), CssStyleSheet::new().unwrap());
        minified.replace_sync(CSS).unwrap();
        readable.replace_sync(source).unwrap();
        let rules = |sheet: &CssStyleSheet| {
            let list = sheet.css_rules().unwrap();
            // Custom properties keep their value's spaces as written.
            (0..list.length())
                .map(|i| list.item(i).unwrap().css_text().replace(", ", ","))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            rules(&minified),
            rules(&readable),
            "the browser reads the same rules"
        );
    }

    #[wasm_bindgen_test]
    fn every_widget_on_a_page_adopts_the_one_parsed_stylesheet() {
        let document = web_sys::window().unwrap().document().unwrap();
        let (a, b) = (host(&document), host(&document));
        attach(&a).unwrap();
        attach(&b).unwrap();
        let sheet = |host: &HtmlElement| host.shadow_root().unwrap().adopted_style_sheets().get(0);
        assert!(sheet(&a).is_instance_of::<CssStyleSheet>());
        assert!(js_sys::Object::is(&sheet(&a), &sheet(&b)), "one sheet, not two");
        let rules = js_sys::Reflect::get(&sheet(&a), &"cssRules".into()).unwrap();
        let count = js_sys::Reflect::get(&rules, &"length".into())
            .unwrap()
            .as_f64()
            .unwrap();
        assert!(count > 10.0, "the widget's rules are in it ({count})");
        a.remove();
        b.remove();
    }
}
