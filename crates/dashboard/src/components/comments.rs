//! A survey's comments, newest first, filterable by rating, by a dimension
//! that fell short, and by words. Always rendered as text (Leptos writes
//! text nodes), never as HTML: a comment is whatever a stranger typed.

use candor_core::{Labelled, QuestionKind, Segment, Survey, Window};
use leptos::prelude::*;
use serde_json::Value;

use crate::api::use_admin;
use crate::i18n::{failure, tr, trf};
use crate::scope::Scope;
use candor_core::admin::StoredResponse;

/// Where the interesting answers of a response sit in this survey.
#[derive(Debug, Clone, Default)]
struct Layout {
    comments: Vec<String>,
    /// Multiple-choice questions offering "Other", whose words are read
    /// with the comments.
    others: Vec<String>,
    rating: Option<(String, u8)>,
    gap: Option<(String, Vec<Labelled>)>,
}

impl Layout {
    fn of(survey: &Survey) -> Self {
        let mut layout = Self::default();
        for q in &survey.questions {
            match &q.kind {
                QuestionKind::Comment { .. } => layout.comments.push(q.id.to_string()),
                QuestionKind::Csat { points, .. } if layout.rating.is_none() => {
                    layout.rating = Some((q.id.to_string(), *points));
                }
                QuestionKind::ExpectationGap { dimensions } if layout.gap.is_none() => {
                    layout.gap = Some((q.id.to_string(), dimensions.clone()));
                }
                // Only the first rating and the first gap question are shown.
                QuestionKind::Csat { .. } | QuestionKind::ExpectationGap { .. } => {}
                QuestionKind::MultipleChoice { other: true, .. } => layout.others.push(q.id.to_string()),
                QuestionKind::MultipleChoice { other: false, .. }
                | QuestionKind::Nps
                | QuestionKind::Ces
                | QuestionKind::YesNo
                | QuestionKind::SingleChoice { .. }
                | QuestionKind::Likert { .. }
                | QuestionKind::ContactRequest => {}
            }
        }
        layout
    }

    /// The response's comments, joined.
    fn comment(&self, response: &StoredResponse) -> Option<String> {
        let texts: Vec<&str> = self
            .comments
            .iter()
            .filter_map(|id| response.answers.get(id).and_then(Value::as_str))
            .chain(self.others.iter().filter_map(|id| {
                response
                    .answers
                    .get(id)
                    .and_then(|a| a.get("other"))
                    .and_then(Value::as_str)
            }))
            .filter(|t| !t.trim().is_empty())
            .collect();
        (!texts.is_empty()).then(|| texts.join("\n\n"))
    }

    fn rating(&self, response: &StoredResponse) -> Option<u64> {
        let (id, _) = self.rating.as_ref()?;
        response.answers.get(id)?.as_u64()
    }

    /// Whether experience fell short of expectation on `dimension`.
    fn fell_short(&self, response: &StoredResponse, dimension: &str) -> bool {
        let Some((id, _)) = &self.gap else { return false };
        let pair = response.answers.get(id).and_then(|g| g.get(dimension));
        let side = |name: &str| pair.and_then(|p| p.get(name)).and_then(Value::as_u64);
        matches!((side("expected"), side("experienced")), (Some(e), Some(x)) if x < e)
    }
}

/// The comments of the responses in the page's window and segment.
#[component]
pub fn Comments(survey: Survey, segment: Memo<Segment>, window: Memo<Window>) -> impl IntoView {
    let admin = use_admin();
    let layout = StoredValue::new(Layout::of(&survey));
    let loaded = RwSignal::new(Vec::<StoredResponse>::new());
    let next = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let rating = RwSignal::new(String::new());
    let dimension = RwSignal::new(String::new());
    let words = RwSignal::new(String::new());
    let survey_id = survey.id.to_string();
    // Pages of the current window and segment; an answer for an earlier
    // choice (still in flight when it changed) is dropped.
    let load = Action::new_local(move |cursor: &Option<String>| {
        let (admin, survey_id, cursor) = (admin.clone(), survey_id.clone(), cursor.clone());
        let chosen = (window.get_untracked(), segment.get_untracked());
        async move {
            let from = Scope::from_day(chosen.0);
            let answer = admin
                .responses(&survey_id, &chosen.1, from, cursor.as_deref())
                .await;
            if (window.get_untracked(), segment.get_untracked()) != chosen {
                return;
            }
            match answer {
                Ok(page) => {
                    loaded.update(|all| all.extend(page.responses));
                    next.set(page.next);
                    error.set(None);
                }
                Err(other) => error.set(Some(trf(
                    "Could not load the comments: {error}.",
                    &[("error", &failure(&other))],
                ))),
            }
        }
    });
    Effect::new(move |_| {
        window.track();
        segment.track();
        loaded.set(Vec::new());
        next.set(None);
        load.dispatch_local(None);
    });
    let shown = Memo::new(move |_| {
        let (rating, dimension) = (rating.get(), dimension.get());
        let words = words.get().to_lowercase();
        layout.with_value(|layout| {
            loaded.with(|all| {
                all.iter()
                    .filter_map(|r| layout.comment(r).map(|c| (r.clone(), c)))
                    .filter(|(r, _)| {
                        rating.is_empty() || layout.rating(r).map(|v| v.to_string()) == Some(rating.clone())
                    })
                    .filter(|(r, _)| dimension.is_empty() || layout.fell_short(r, &dimension))
                    .filter(|(_, c)| words.split_whitespace().all(|w| c.to_lowercase().contains(w)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let points = layout.with_value(|l| l.rating.as_ref().map_or(0, |(_, points)| *points));
    let rating_filter = (points > 0).then(|| {
        let options = (1..=points)
            .map(|p| (p.to_string(), trf("{p} only", &[("p", &p)])))
            .collect();
        filter_select(tr("Rating"), options, rating)
    });
    let dimension_filter = layout.with_value(|l| l.gap.clone()).map(|(_, dimensions)| {
        let options = dimensions
            .iter()
            .map(|d| {
                let label = survey.text(&d.label, crate::i18n::locale());
                (
                    d.id.to_string(),
                    trf("Fell short on {dimension}", &[("dimension", &label)]),
                )
            })
            .collect();
        filter_select(tr("Dimension"), options, dimension)
    });
    let items = move || {
        shown
            .get()
            .into_iter()
            .map(|(response, comment)| {
                let rating = layout.with_value(|l| {
                    l.rating(&response)
                        .zip(l.rating.as_ref().map(|(_, p)| *p))
                        .map(|(v, p)| format!("{v}/{p}"))
                });
                let context = response
                    .context
                    .iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join(" · ");
                let day = response.received_at.get(..10).unwrap_or_default().to_owned();
                view! {
                    <li class="comment" data-response=response.id.clone()>
                        <p class="comment__meta">
                            {rating.map(|r| trf("Rated {rating} · ", &[("rating", &r)]))} {day}
                            {response.locale.map(|l| format!(" · {}", crate::i18n::language_name(&l)))}
                            {response.page.map(|p| format!(" · {p}"))}
                            {(!context.is_empty()).then(|| format!(" · {context}"))}
                        </p>
                        <p class="comment__text">{comment}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="typical" aria-labelledby="typical-title">
            <h2 id="typical-title">{tr("Words typical of low-rated comments")}</h2>
            <TypicalWords survey=survey.id.to_string() segment=segment window=window words=words />
        </section>
        <form class="filters" role="search" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            {rating_filter}
            {dimension_filter}
            <label>
                {tr("Words")} " "
                <input
                    type="search"
                    prop:value=move || words.get()
                    on:input=move |ev| words.set(event_target_value(&ev))
                />
            </label>
        </form>
        <p class="status" role="status">
            {move || trf(
                "Comments shown: {shown} · responses loaded: {loaded}",
                &[("shown", &shown.with(Vec::len)), ("loaded", &loaded.with(Vec::len))],
            )}
        </p>
        <p class="error" role="alert">
            {move || error.get()}
        </p>
        <ul class="comments">{items}</ul>
        <Show when=move || next.with(Option::is_some)>
            <button
                type="button"
                disabled=move || load.pending().get()
                on:click=move |_| {
                    load.dispatch_local(next.get_untracked());
                }
            >
                {tr("Load older responses")}
            </button>
        </Show>
    }
}

/// The words typical of low-rated comments in the window and segment;
/// choosing one filters the comments by it (`words`).
#[component]
fn TypicalWords(
    survey: String,
    segment: Memo<Segment>,
    window: Memo<Window>,
    words: RwSignal<String>,
) -> impl IntoView {
    let admin = use_admin();
    let report = LocalResource::new(move || {
        let (admin, survey, window, segment) = (admin.clone(), survey.clone(), window.get(), segment.get());
        async move { admin.words(&survey, window, &segment).await }
    });
    move || {
        match report.get() {
        Some(Ok(report)) if report.words.is_empty() => Some(
            view! {
                <p class="status">
                    {trf(
                        "No word stands out yet (low-rated comments: {low}, high-rated comments: {high}).",
                        &[("low", &report.low_comments), ("high", &report.high_comments)],
                    )}
                </p>
            }
            .into_any(),
        ),
        Some(Ok(report)) => {
            let chips = report
                .words
                .into_iter()
                .map(|k| {
                    let word = k.word.clone();
                    view! {
                        <li>
                            <button type="button" class="word" on:click=move |_| words.set(word.clone())>
                                {k.word.clone()}
                                <span class="word__counts">
                                    {trf(
                                        " {low} low · {high} high",
                                        &[("low", &k.first), ("high", &k.second)],
                                    )}
                                </span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            Some(
                view! {
                    <p class="status">
                        {trf(
                            "From {low} low-rated and {high} high-rated comments; choose one to filter.",
                            &[("low", &report.low_comments), ("high", &report.high_comments)],
                        )}
                    </p>
                    <ul class="words">{chips}</ul>
                }
                .into_any(),
            )
        }
        Some(Err(error)) => Some(
            view! { <p class="error">{trf("Could not compare words: {error}.", &[("error", &failure(&error))])}</p> }
                .into_any(),
        ),
        None => None,
    }
    }
}

/// A labelled select of `(value, text)` options after "Any" (the empty value).
fn filter_select(
    label: &'static str,
    options: Vec<(String, String)>,
    chosen: RwSignal<String>,
) -> impl IntoView {
    let options = options
        .into_iter()
        .map(|(value, text)| view! { <option value=value>{text}</option> })
        .collect_view();
    view! {
        <label>
            {label} " " <select on:change=move |ev| chosen.set(event_target_value(&ev))>
                <option value="">{tr("Any")}</option>
                {options}
            </select>
        </label>
    }
}
