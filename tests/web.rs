//! The widget in headless Chromium: mount the survey form, fill it in with
//! real DOM events, and check what it would send.
#![cfg(target_arch = "wasm32")]
// A failed unwrap in a test is a failed test, with its location.
#![allow(clippy::unwrap_used)]

use candor::SurveyForm;
use candor_core::{ResponseSubmission, templates};
use leptos::prelude::*;
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A form for the checkout survey, mounted into a fresh element, and what it
/// has handed over for sending.
struct Mounted {
    root: HtmlElement,
    sent: RwSignal<Vec<ResponseSubmission>>,
}

async fn mount_checkout() -> Mounted {
    mount(templates::checkout(), "en").await
}

/// Longest a form takes to draw every question (a bound, not a wait).
const DRAWN_WITHIN: std::time::Duration = std::time::Duration::from_secs(10);

/// How many of the elements `selector` finds have content, of how many.
fn drawn_of(root: &HtmlElement, selector: &str) -> (usize, usize) {
    let parts = root.query_selector_all(selector).unwrap();
    let parts: Vec<Element> = (0..parts.length())
        .map(|i| parts.item(i).unwrap().unchecked_into())
        .collect();
    let drawn = parts.iter().filter(|part| part.child_element_count() > 0).count();
    (drawn, parts.len())
}

impl Mounted {
    fn find(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn choose(&self, name: &str, value: u8) {
        let radio: HtmlInputElement = self
            .find(&format!("input[name=\"{name}\"][value=\"{value}\"]"))
            .unchecked_into();
        radio.click();
    }

    fn type_comment(&self, text: &str) {
        self.type_into("textarea", text);
    }

    /// Types `text` into the text field `selector` finds, as a user would
    /// (the value, then an input event).
    fn type_into(&self, selector: &str, text: &str) {
        let field = self.find(selector);
        match field.dyn_ref::<HtmlTextAreaElement>() {
            Some(area) => area.set_value(text),
            None => field.unchecked_ref::<HtmlInputElement>().set_value(text),
        }
        field
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }

    /// Clicks what `selector` finds, then lets the widget react.
    async fn click(&self, selector: &str) {
        self.find(selector).unchecked_into::<HtmlElement>().click();
        leptos::task::tick().await;
    }

    /// Sends the form and lets the widget react.
    async fn send(&self) {
        self.submit();
        leptos::task::tick().await;
    }

    /// Sends the form; the one submission it handed over, as JSON.
    async fn send_one(&self) -> serde_json::Value {
        self.send().await;
        let sent = self.sent.get_untracked();
        assert_eq!(sent.len(), 1, "exactly one submission");
        serde_json::to_value(&sent[0]).unwrap()
    }

    fn submit(&self) {
        self.find("button[type=submit]")
            .unchecked_into::<HtmlElement>()
            .click();
    }
}

#[wasm_bindgen_test]
async fn a_filled_in_form_sends_every_answer() {
    let form = mount_checkout().await;
    form.choose("satisfaction", 4);
    form.choose("delivery.promise.expected", 6);
    form.choose("delivery.promise.experienced", 3);
    form.type_comment("Arrived two days late");
    let body = form.send_one().await;
    assert_eq!(
        body["answers"],
        json!({
            "satisfaction": 4,
            "delivery": {"promise": {"expected": 6, "experienced": 3}},
            "comment": "Arrived two days late"
        })
    );
    assert_eq!(body["survey_version"], 1);
    assert_eq!(body["locale"], "en");
    let id = body["id"].as_str().unwrap();
    assert_eq!(id.len(), 36, "a hyphenated UUID: {id}");
}

#[wasm_bindgen_test]
async fn a_missing_required_answer_is_reported_not_sent() {
    let form = mount_checkout().await;
    form.type_comment("No rating given");
    form.send().await;

    assert!(form.sent.get_untracked().is_empty(), "nothing may be sent");
    let error = form.find("[data-question=satisfaction] [role=alert]");
    assert_eq!(error.text_content().unwrap(), "Please answer this question.");
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(
        focused.get_attribute("name").as_deref(),
        Some("satisfaction"),
        "focus moves to what to fix"
    );

    // Answering clears the message and lets the response go.
    form.choose("satisfaction", 5);
    leptos::task::tick().await;
    assert!(form.root.query_selector("[role=alert]").unwrap().is_none());
    form.send().await;
    assert_eq!(form.sent.get_untracked().len(), 1);
}

#[wasm_bindgen_test]
async fn sending_twice_reuses_the_response_id() {
    let form = mount_checkout().await;
    form.choose("satisfaction", 3);
    form.submit();
    form.send().await;
    let sent = form.sent.get_untracked();
    assert_eq!(sent.len(), 2);
    assert_eq!(
        sent[0].id, sent[1].id,
        "a retry must not create a second response"
    );
}

#[wasm_bindgen_test]
async fn the_comment_counter_counts_down() {
    let form = mount_checkout().await;
    form.type_comment("ขอบคุณ");
    leptos::task::tick().await;
    assert_eq!(
        form.find(".candor-comment__counter").text_content().unwrap(),
        "1,994 characters left"
    );
}

/// A survey of every kind but the gap (covered above), from JSON as a site
/// owner would write it.
fn every_kind() -> candor_core::Survey {
    candor_core::Survey::from_json(
        json!({
            "id": "kinds", "version": 3, "default_locale": "en",
            "title": {"en": "Kinds", "th": "ทุกแบบ", "ar": "الأنواع"},
            "questions": [
                {"id": "sat", "kind": "csat", "points": 7, "required": true,
                 "text": {"en": "Satisfied?", "th": "พอใจไหม", "ar": "هل أنت راضٍ؟"}},
                {"id": "nps", "kind": "nps", "text": {"en": "Recommend?", "th": "แนะนำไหม", "ar": "هل توصي بنا؟"}},
                {"id": "ces", "kind": "ces", "text": {"en": "Easy?", "th": "ง่ายไหม", "ar": "هل كان سهلًا؟"}},
                {"id": "fcr", "kind": "yes_no", "text": {"en": "Solved?", "th": "แก้ไขได้ไหม", "ar": "هل حُلّت؟"}},
                {"id": "via", "kind": "single_choice", "text": {"en": "Via?", "th": "ช่องทาง", "ar": "عبر؟"},
                 "options": [{"id": "chat", "label": {"en": "Chat", "th": "แชท", "ar": "دردشة"}},
                             {"id": "phone", "label": {"en": "Phone", "th": "โทรศัพท์", "ar": "هاتف"}}]},
                {"id": "contact", "kind": "contact_request",
                 "text": {"en": "Contact me?", "th": "ติดต่อกลับไหม", "ar": "هل نتواصل معك؟"}}
            ]
        })
        .to_string()
        .as_bytes(),
    )
    .unwrap()
}

async fn mount(survey: candor_core::Survey, locale: &str) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let sent = RwSignal::new(Vec::new());
    let on_submit = Callback::new(move |s: ResponseSubmission| sent.update(|all| all.push(s)));
    let locale = locale.to_owned();
    let before = candor::lists_begun();
    leptos::mount::mount_to(root.clone(), move || {
        view! { <SurveyForm survey=survey on_submit=on_submit locale=locale /> }
    })
    .forget();
    assert!(
        candor::drawn_since(before, DRAWN_WITHIN).await,
        "the questions were never all drawn"
    );
    Mounted { root, sent }
}

#[wasm_bindgen_test]
async fn every_question_kind_sends_its_answer() {
    let form = mount(every_kind(), "en").await;
    form.choose("sat", 7);
    form.choose("nps", 0);
    form.choose("ces", 6);
    form.find("input[name=fcr][value=\"1\"]")
        .unchecked_into::<HtmlElement>()
        .click(); // "No"
    form.find("input[name=via][value=\"1\"]")
        .unchecked_into::<HtmlElement>()
        .click(); // "Phone"
    form.click(".candor-contact__checkbox").await;
    form.type_into("input[data-field=email]", "anna@example.lv");
    let body = form.send_one().await;
    assert_eq!(
        body["answers"],
        json!({
            "sat": 7, "nps": 0, "ces": 6, "fcr": false, "via": "phone",
            "contact": {"consent": true, "email": "anna@example.lv"}
        })
    );
    assert_eq!(body["survey_version"], 3);
}

#[wasm_bindgen_test]
async fn contact_details_need_consent_and_a_way_to_reach() {
    let form = mount(every_kind(), "en").await;
    form.choose("sat", 4);
    assert!(
        form.root
            .query_selector("input[data-field=email]")
            .unwrap()
            .is_none(),
        "fields wait for consent"
    );
    form.click(".candor-contact__checkbox").await;
    form.send().await;
    assert!(
        form.sent.get_untracked().is_empty(),
        "consent without email or phone is not sent"
    );
    let error = form.find("[data-question=contact] [role=alert]");
    assert_eq!(error.text_content().unwrap(), "Please answer this question.");
    // Withdrawing consent removes the request altogether.
    form.click(".candor-contact__checkbox").await;
    form.send().await;
    let sent = form.sent.get_untracked();
    assert_eq!(sent.len(), 1);
    assert!(sent[0].answers.get("contact").is_none());
}

#[wasm_bindgen_test]
async fn thai_texts_and_arabic_direction() {
    let thai = mount(every_kind(), "th").await;
    assert_eq!(thai.find(".candor-form__title").text_content().unwrap(), "ทุกแบบ");
    assert_eq!(
        thai.find("button[type=submit]").text_content().unwrap(),
        "ส่งความคิดเห็น"
    );
    assert_eq!(thai.find("form").get_attribute("dir").as_deref(), Some("ltr"));

    let arabic = mount(every_kind(), "ar").await;
    let form = arabic.find("form");
    assert_eq!(form.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(form.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(
        arabic.find("button[type=submit]").text_content().unwrap(),
        "إرسال الملاحظات"
    );
    // In a right-to-left row the first point sits at the right.
    let one = arabic
        .find("input[name=sat][value=\"1\"]")
        .get_bounding_client_rect();
    let seven = arabic
        .find("input[name=sat][value=\"7\"]")
        .get_bounding_client_rect();
    assert!(
        one.left() > seven.left(),
        "1 must be right of 7 in Arabic: {} vs {}",
        one.left(),
        seven.left()
    );
}

#[wasm_bindgen_test]
async fn a_stepped_survey_shows_progress_back_and_next() {
    let mut survey = every_kind();
    survey.settings.layout = candor_core::Layout::Steps;
    let form = mount(survey, "en").await;
    let progress = || form.find(".candor-form__progress").text_content().unwrap();
    let button = || form.find("button[type=submit]").text_content().unwrap();
    let visible = |q: &str| {
        !form
            .find(&format!("[data-question={q}]"))
            .parent_element()
            .unwrap()
            .has_attribute("hidden")
    };
    assert_eq!(progress(), "1 of 6");
    assert_eq!(button(), "Next");
    assert!(visible("sat") && !visible("nps"));

    form.submit(); // Next without the required answer.
    leptos::task::tick().await;
    assert_eq!(progress(), "1 of 6", "stays on the unanswered question");
    assert!(
        form.root
            .query_selector("[data-question=sat] [role=alert]")
            .unwrap()
            .is_some()
    );

    form.choose("sat", 6);
    form.send().await;
    assert_eq!(progress(), "2 of 6");
    assert!(visible("nps") && !visible("sat"));

    form.click(".candor-form__back").await;
    assert_eq!(progress(), "1 of 6");
    let kept: HtmlInputElement = form.find("input[name=sat][value=\"6\"]").unchecked_into();
    assert!(kept.checked(), "going back keeps the answer");

    for _ in 0..5 {
        form.send().await;
    }
    assert_eq!(progress(), "6 of 6");
    assert_eq!(button(), "Send feedback");
    assert!(
        form.sent.get_untracked().is_empty(),
        "nothing sent before the last step"
    );
    form.send().await;
    let sent = form.sent.get_untracked();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        serde_json::to_value(&sent[0]).unwrap()["answers"],
        json!({"sat": 6})
    );
}

#[wasm_bindgen_test]
async fn stars_fill_up_to_the_chosen_point_and_faces_show_faces() {
    let form = mount_checkout().await; // The checkout template's csat shows stars.
    let lit = || {
        form.root
            .query_selector_all("[data-question=satisfaction] .candor-scale__point--lit")
            .unwrap()
            .length()
    };
    assert_eq!(
        form.find("[data-question=satisfaction] .candor-scale__point")
            .text_content()
            .unwrap()
            .trim(),
        "★"
    );
    assert_eq!(lit(), 0);
    form.choose("satisfaction", 4);
    leptos::task::tick().await;
    assert_eq!(lit(), 4);

    let mut survey = templates::checkout();
    if let candor_core::QuestionKind::Csat { display, .. } = &mut survey.questions[0].kind {
        *display = candor_core::CsatDisplay::Faces;
    }
    let faces = mount(survey, "en").await;
    let points: Vec<String> = (0..5)
        .map(|i| {
            let all = faces
                .root
                .query_selector_all("[data-question=satisfaction] .candor-scale__point")
                .unwrap();
            all.item(i).unwrap().text_content().unwrap().trim().to_owned()
        })
        .collect();
    assert_eq!(points, ["😠", "🙁", "😐", "🙂", "😄"]);
}

/// The form draws its first question at once and the others a frame apart,
/// as a gap question draws its dimensions, so drawing a long survey never
/// holds the host page's main thread in one long task or frame.
#[wasm_bindgen_test]
async fn questions_and_dimensions_after_the_first_are_drawn_in_later_frames() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    let on_submit = Callback::new(|_: ResponseSubmission| {});
    let survey = templates::service_quality();
    let dimensions: usize = survey
        .questions
        .iter()
        .map(|q| match &q.kind {
            candor_core::QuestionKind::ExpectationGap { dimensions } => dimensions.len(),
            _ => 0,
        })
        .sum();
    assert!(
        survey.questions.len() > 1 && dimensions > 1,
        "a survey to draw in parts"
    );
    let questions = survey.questions.len();
    let first_is_gap = matches!(
        survey.questions[0].kind,
        candor_core::QuestionKind::ExpectationGap { .. }
    );
    let before = candor::lists_begun();
    leptos::mount::mount_to(root.clone(), move || {
        view! { <SurveyForm survey=survey on_submit=on_submit /> }
    })
    .forget();
    assert_eq!(
        drawn_of(&root, ".candor-step").0,
        1,
        "only the first question in the mounting task"
    );
    assert_eq!(
        drawn_of(&root, ".candor-gap__row").0,
        usize::from(first_is_gap),
        "at most a gap question's first dimension in the mounting task"
    );
    assert!(
        candor::drawn_since(before, DRAWN_WITHIN).await,
        "the questions were never all drawn"
    );
    // The signal says drawn only once they all are.
    assert_eq!(drawn_of(&root, ".candor-step"), (questions, questions));
    assert_eq!(drawn_of(&root, ".candor-gap__row"), (dimensions, dimensions));
}
