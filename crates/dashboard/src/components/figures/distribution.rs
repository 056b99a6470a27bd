//! A card's headline and distribution, one arm per kind of figures.

use candor_core::snapshot::Figures;
use candor_core::{Labelled, Question, QuestionKind};
use leptos::prelude::*;

use super::agreement::agreement;
use super::gaps::gaps;
use crate::charts::Histogram;
use crate::format::{decimal, integer, percent, share_with_interval};
use crate::i18n::{count, formula, tr, trf};

/// The headline ("82% (62–93%) satisfied · mean 4.1 / 5 · n = 40") and the
/// distribution drawn under it; `labels` names an option or dimension of
/// `question` by its id.
pub fn headline_and_body(
    question: Option<&Question>,
    figures: &Figures,
    labels: &dyn Fn(&[Labelled], &str) -> String,
) -> (String, AnyView) {
    match figures {
        Figures::Csat {
            n,
            points,
            mean,
            histogram,
            satisfied,
        } => (
            trf(
                "{share} satisfied · mean {mean} / {points} · n = {n}",
                &[
                    ("share", &share_with_interval(satisfied)),
                    ("mean", &decimal(*mean, false)),
                    ("points", points),
                    ("n", &integer(*n)),
                ],
            ),
            view! { <Histogram counts=histogram.clone() first=1 label=tr("Ratings") /> }.into_any(),
        ),
        Figures::Nps {
            n,
            score,
            low,
            high,
            promoters,
            passives,
            detractors,
            histogram,
        } => (
            trf(
                "NPS {score} ({low} to {high}) · n = {n}",
                &[
                    ("score", &format!("{score:+.0}")),
                    ("low", &format!("{low:+.0}")),
                    ("high", &format!("{high:+.0}")),
                    ("n", &integer(*n)),
                ],
            ),
            view! {
                <p class="card__detail">
                    {trf(
                        "Promoters {promoters} · passives {passives} · detractors {detractors}",
                        &[
                            ("promoters", &percent(*promoters)),
                            ("passives", &percent(*passives)),
                            ("detractors", &percent(*detractors)),
                        ],
                    )}
                </p>
                <Histogram counts=histogram.clone() first=0 label=tr("Scores") />
            }
            .into_any(),
        ),
        Figures::Ces {
            n,
            mean,
            histogram,
            agreeing,
        } => (
            trf(
                "{share} found it easy · mean {mean} / 7 · n = {n}",
                &[
                    ("share", &share_with_interval(agreeing)),
                    ("mean", &decimal(*mean, false)),
                    ("n", &integer(*n)),
                ],
            ),
            view! { <Histogram counts=histogram.clone() first=1 label=tr("Answers") /> }.into_any(),
        ),
        Figures::Gap { n, dimensions } => {
            let names = match question.map(|q| &q.kind) {
                Some(QuestionKind::ExpectationGap { dimensions }) => dimensions.clone(),
                _ => Vec::new(),
            };
            (
                trf("Expectation vs experience · n = {n}", &[("n", &integer(*n))]),
                gaps(dimensions, |id| labels(&names, id)),
            )
        }
        Figures::YesNo { n, yes } => (
            trf(
                "{share} yes · n = {n}",
                &[("share", &share_with_interval(yes)), ("n", &integer(*n))],
            ),
            ().into_any(),
        ),
        Figures::SingleChoice { n, options } => {
            let names = match question.map(|q| &q.kind) {
                Some(QuestionKind::SingleChoice { options }) => options.clone(),
                _ => Vec::new(),
            };
            let rows = options
                .iter()
                .map(|o| view! { <li>{format!("{}: {} ({})", labels(&names, o.id.as_str()), o.count, percent(o.share))}</li> })
                .collect_view();
            (
                formula(&format!("n = {}", integer(*n))),
                view! { <ul class="card__options">{rows}</ul> }.into_any(),
            )
        }
        Figures::MultipleChoice { n, options, other } => {
            let names = match question.map(|q| &q.kind) {
                Some(QuestionKind::MultipleChoice { options, .. }) => options.clone(),
                _ => Vec::new(),
            };
            let row =
                |name: String, share| view! { <li>{format!("{name}: {}", share_with_interval(share))}</li> };
            let rows = options
                .iter()
                .map(|o| row(labels(&names, o.id.as_str()), &o.chosen))
                .chain(other.as_ref().map(|share| row(tr("Other").to_owned(), share)))
                .collect_view();
            let most = options.iter().max_by_key(|o| o.chosen.k);
            let headline = match most {
                Some(most) => trf(
                    "Most chosen: {option}, {share} · n = {n}",
                    &[
                        ("option", &labels(&names, most.id.as_str())),
                        ("share", &percent(most.chosen.share)),
                        ("n", &integer(*n)),
                    ],
                ),
                None => formula(&format!("n = {}", integer(*n))),
            };
            (
                headline,
                view! {
                    <p class="card__detail">
                        {tr("Each respondent may choose several, so the shares add up to more than 100%.")}
                    </p>
                    <ul class="card__options">{rows}</ul>
                }
                .into_any(),
            )
        }
        Figures::Likert {
            n,
            points,
            statements,
        } => {
            let names = match question.map(|q| &q.kind) {
                Some(QuestionKind::Likert { statements, .. }) => statements.clone(),
                _ => Vec::new(),
            };
            (
                trf("Agreement · n = {n}", &[("n", &integer(*n))]),
                agreement(statements, *points, |id| labels(&names, id)),
            )
        }
        Figures::Withheld { n: 0, .. } => (tr("No answers yet").to_owned(), ().into_any()),
        Figures::Withheld { n, minimum } => (
            format!(
                "{}{}",
                count("{n} answers", *n),
                trf(" (fewer than {minimum})", &[("minimum", minimum)])
            ),
            ().into_any(),
        ),
    }
}
