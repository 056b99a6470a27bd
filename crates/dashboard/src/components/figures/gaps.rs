//! A gap question's figures: the chart and, as its readable alternative,
//! a table.

use candor_core::snapshot::DimensionFigures;
use leptos::prelude::*;

use crate::charts::{GapChart, GapRow};
use crate::format::{decimal, integer, percent};
use crate::i18n::{count, tr, trf};

/// The gap chart and, as its readable alternative, a table.
pub fn gaps(dimensions: &[DimensionFigures], name: impl Fn(&str) -> String) -> AnyView {
    let rows: Vec<GapRow> = dimensions
        .iter()
        .filter_map(|d| match d {
            DimensionFigures::Shown(g) => Some(GapRow {
                label: name(g.id.as_str()),
                gap: g.mean_gap,
                low: g.low,
                high: g.high,
            }),
            DimensionFigures::Withheld { .. } => None,
        })
        .collect();
    let table = dimensions
        .iter()
        .map(|d| match d {
            DimensionFigures::Shown(g) => {
                let interval = match (g.low, g.high) {
                    (Some(low), Some(high)) => trf(
                        " ({low} to {high})",
                        &[("low", &decimal(low, true)), ("high", &decimal(high, true))],
                    ),
                    _ => String::new(),
                };
                view! {
                    <tr>
                        <th scope="row">{name(g.id.as_str())}</th>
                        <td>{decimal(g.mean_expected, false)}</td>
                        <td>{decimal(g.mean_experienced, false)}</td>
                        <td>{format!("{}{interval}", decimal(g.mean_gap, true))}</td>
                        <td>{percent(g.met_or_exceeded)}</td>
                        <td>{integer(g.n)}</td>
                    </tr>
                }
                .into_any()
            }
            DimensionFigures::Withheld { id, n } => view! {
                <tr>
                    <th scope="row">{name(id.as_str())}</th>
                    <td colspan="5">{count("{n} answers", *n)}</td>
                </tr>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <GapChart rows=rows />
        <table class="card__table">
            <thead>
                <tr>
                    <th scope="col">{tr("Dimension")}</th>
                    <th scope="col">{tr("Expected")}</th>
                    <th scope="col">{tr("Experienced")}</th>
                    <th scope="col">{tr("Gap (95% CI)")}</th>
                    <th scope="col">{tr("Met or exceeded")}</th>
                    <th scope="col">"n"</th>
                </tr>
            </thead>
            <tbody>{table}</tbody>
        </table>
    }
    .into_any()
}
