//! A card's daily trend, with the days that differ significantly from
//! the days before them ringed and worded.

use candor_core::QuestionKind;
use candor_core::snapshot::{BASELINE_DAYS, QuestionFigures, TrendPoint, TrendShift};
use leptos::prelude::*;

use super::{change_line, trend_value};
use crate::charts::Trend;
use crate::format::decimal;
use crate::i18n::trf;

/// The trend of `figures` (of a question of `kind`), when it has more than
/// one day.
pub fn daily_trend(figures: &QuestionFigures, kind: Option<&QuestionKind>) -> Option<impl IntoView + use<>> {
    (figures.trend.len() > 1).then(|| {
        let values: Vec<Option<f64>> = figures.trend.iter().map(|p| p.value).collect();
        // (index, point, shift, whether the day was higher).
        let shifts: Vec<(usize, &TrendPoint, TrendShift, bool)> = figures
            .trend
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.shift.map(|s| (i, p, s, p.value.unwrap_or_default() > s.baseline)))
            .collect();
        let marked = shifts.iter().map(|(i, _, _, up)| (*i, *up)).collect();
        let notes = shifts
            .iter()
            .map(|&(_, p, s, up)| {
                let metric = |v: f64| kind.as_ref().map_or_else(|| decimal(v, false), |k| trend_value(k, v));
                change_line(up, {
                            let (value, baseline) = (metric(p.value.unwrap_or_default()), metric(s.baseline));
                            let p_value = crate::format::p_value(s.p_value);
                            let args: [(&str, &dyn std::fmt::Display); 6] = [
                                ("day", &p.day),
                                ("value", &value),
                                ("baseline", &baseline),
                                ("days", &BASELINE_DAYS),
                                ("p", &p_value),
                                ("n", &crate::format::integer(p.n)),
                            ];
                            if up {
                                trf("▲ Higher on {day}: {value} against {baseline} over the {days} days before (p = {p}, n = {n})", &args)
                            } else {
                                trf("▼ Lower on {day}: {value} against {baseline} over the {days} days before (p = {p}, n = {n})", &args)
                            }
                })
            })
            .collect_view();
        let (min, max) = values
            .iter()
            .flatten()
            .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
        let first = figures
            .trend
            .first()
            .map(|p| p.day.to_string())
            .unwrap_or_default();
        let last = figures
            .trend
            .last()
            .map(|p| p.day.to_string())
            .unwrap_or_default();
        view! {
            <figure class="card__trend">
                <Trend
                    points=values
                    marked=marked
                    min=min
                    max=max
                    label=trf("Daily trend from {first} to {last}", &[("first", &first), ("last", &last)])
                />
                <figcaption>
                    {trf(
                        "Daily, {first} to {last}; a ringed day differs significantly from the {days} days before it",
                        &[("first", &first), ("last", &last), ("days", &BASELINE_DAYS)],
                    )}
                </figcaption>
                <ul class="card__shifts">{notes}</ul>
            </figure>
        }
    })
}
