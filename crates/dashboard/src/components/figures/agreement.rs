//! A Likert question's figures: per statement the agreeing share and the
//! mean, each with its interval, as a table.

use candor_core::snapshot::StatementFigures;
use leptos::prelude::*;

use crate::format::{decimal, integer, share_with_interval};
use crate::i18n::{count, formula, tr, trf};

/// The statements' table; `name` names a statement by its id.
pub fn agreement(statements: &[StatementFigures], points: u8, name: impl Fn(&str) -> String) -> AnyView {
    let rows = statements
        .iter()
        .map(|s| match s {
            StatementFigures::Shown(a) => {
                // A mean cannot leave the scale, so neither may its interval
                // as shown (the API gives Student's t as computed).
                let scale = |x: f64| decimal(x.clamp(1.0, f64::from(points)), false);
                let interval = match (a.low, a.high) {
                    (Some(low), Some(high)) => trf(
                        " ({low} to {high})",
                        &[("low", &scale(low)), ("high", &scale(high))],
                    ),
                    _ => String::new(),
                };
                view! {
                    <tr>
                        <th scope="row">{name(a.id.as_str())}</th>
                        <td>{share_with_interval(&a.agreeing)}</td>
                        <td>{formula(&format!("{} / {points}", decimal(a.mean, false)))}{interval}</td>
                        <td>{integer(a.n)}</td>
                    </tr>
                }
                .into_any()
            }
            StatementFigures::Withheld { id, n } => view! {
                <tr>
                    <th scope="row">{name(id.as_str())}</th>
                    <td colspan="3">{count("{n} answers", *n)}</td>
                </tr>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <table class="card__table">
            <thead>
                <tr>
                    <th scope="col">{tr("Statement")}</th>
                    <th scope="col">{tr("Agree (95% CI)")}</th>
                    <th scope="col">{tr("Mean (95% CI)")}</th>
                    <th scope="col">"n"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
