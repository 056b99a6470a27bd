//! The editor's "Who sees it": the pages the site-wide script offers the
//! survey on, which identified visitors, when it opens and closes, and
//! after how many responses, with one line that says who will see it.

use candor_core::{AttributeTest, AudienceRule, Moment, PageRule, Pages, Settings, Trigger};
use leptos::prelude::*;

use super::question_editor::Editing;
use crate::i18n::{count, locale, tr, trf};

#[component]
pub fn TargetingEditor(editing: Editing) -> impl IntoView {
    let working = editing.working;
    let site_wide = move || working.with(|s| s.settings.pages.is_some());
    let rules_field = move |id: &'static str,
                            label: &'static str,
                            pick: fn(&mut Pages) -> &mut Vec<PageRule>| {
        // Memos: another field's edit must not reset what is being typed.
        let text = Memo::new(move |_| {
            working.with(|s| {
                let mut pages = s.settings.pages.clone().unwrap_or_default();
                pick(&mut pages)
                    .iter()
                    .cloned()
                    .map(String::from)
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        });
        view! {
            <label for=id>{label}</label>
            <textarea
                id=id
                rows="3"
                disabled=move || !site_wide()
                prop:value=text
                on:change=move |ev| {
                    match each_line(&event_target_value(&ev), |l| PageRule::try_from(l.to_owned())) {
                        Ok(rules) => {
                            editing.apply(move |s, _| *pick(s.settings.pages.get_or_insert_default()) = rules)
                        }
                        Err(line) => {
                            let text = trf(
                                "“{rule}” is not a page rule: write a path such as /orders/*.",
                                &[("rule", &line)],
                            );
                            editing.message.set(Some(Err(text)));
                        }
                    }
                }
            ></textarea>
        }
    };
    let moment_field =
        move |id: &'static str, label: &'static str, pick: fn(&mut Settings) -> &mut Option<Moment>| {
            let text = Memo::new(move |_| {
                working.with(|s| {
                    let mut settings = s.settings.clone();
                    pick(&mut settings).map(to_the_minute).unwrap_or_default()
                })
            });
            view! {
                <label for=id>{label}</label>
                <input
                    id=id
                    type="datetime-local"
                    prop:value=text
                    on:change=move |ev| {
                        let raw = event_target_value(&ev);
                        let moment = Moment::try_from(format!("{raw}:00Z")).ok();
                        editing.apply(move |s, _| *pick(&mut s.settings) = moment);
                    }
                />
            }
        };
    let audience = Memo::new(move |_| {
        working.with(|s| {
            let lines: Vec<String> = s.settings.audience.iter().map(ToString::to_string).collect();
            lines.join("\n")
        })
    });
    let set_audience =
        move |ev: leptos::ev::Event| match each_line(&event_target_value(&ev), AudienceRule::from_line) {
            Ok(rules) => editing.apply(move |s, _| s.settings.audience = rules),
            Err(line) => {
                let text = trf(
                    "“{rule}” is not an audience rule: write one such as plan = pro or orders >= 3.",
                    &[("rule", &line)],
                );
                editing.message.set(Some(Err(text)));
            }
        };
    let days_field = move |id: &'static str, label: &'static str, pick: fn(&mut Settings) -> &mut u32| {
        let days = Memo::new(move |_| working.with(|s| *pick(&mut s.settings.clone())));
        view! {
            <label for=id>{label}</label>
            <input
                id=id
                type="number"
                min="0"
                max="3650"
                step="1"
                prop:value=move || days.get().to_string()
                on:change=move |ev| {
                    if let Some(n) = event_target_value(&ev).trim().parse::<u32>().ok().filter(|n| *n <= 3650)
                    {
                        editing.apply(move |s, _| *pick(&mut s.settings) = n);
                    }
                }
            />
        }
    };
    let limit = Memo::new(move |_| {
        working.with(|s| {
            s.settings
                .response_limit
                .map(|n| n.to_string())
                .unwrap_or_default()
        })
    });
    view! {
        <fieldset class="editor__settings">
            <legend>{tr("Who sees it")}</legend>
            <label class="editor__check" for="site-wide">
                <input
                    id="site-wide"
                    type="checkbox"
                    prop:checked=site_wide
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        editing.apply(move |s, _| s.settings.pages = on.then(Pages::default));
                    }
                />
                {tr("Offer it with the site-wide script, on the pages below")}
            </label>
            {rules_field(
                "pages-include",
                tr("Only on these pages (one per line; * for any part)"),
                |p| &mut p.include,
            )}
            {rules_field("pages-exclude", tr("Never on these pages"), |p| &mut p.exclude)}
            <label for="audience">
                {tr("Only identified visitors with (one rule per line: plan = pro, orders >= 3)")}
            </label>
            <textarea id="audience" rows="2" prop:value=audience on:change=set_audience></textarea>
            {days_field("recontact-days", tr("Ask again after an answer (days)"), |s| &mut s.recontact_days)}
            {days_field(
                "dismissal-days",
                tr("Ask again after a dismissal (days)"),
                |s| &mut s.dismissal_days,
            )}
            {moment_field("starts-at", tr("Opens (UTC)"), |s| &mut s.starts_at)}
            {moment_field("ends-at", tr("Closes (UTC)"), |s| &mut s.ends_at)}
            <label for="response-limit">{tr("Closes after this many responses")}</label>
            <input
                id="response-limit"
                type="number"
                min="1"
                step="1"
                prop:value=limit
                on:change=move |ev| {
                    let limit = event_target_value(&ev).trim().parse::<u32>().ok().filter(|n| *n > 0);
                    editing.apply(move |s, _| s.settings.response_limit = limit);
                }
            />
            <p class="editor__who" id="who-sees-it" role="status">
                {move || working.with(|s| who_sees_it(&s.settings))}
            </p>
        </fieldset>
    }
}

/// "Who will see this", in plain words: where, from which visit, what share
/// of visitors, from and until when.
pub fn who_sees_it(settings: &Settings) -> String {
    let list = |rules: &[PageRule]| {
        rules
            .iter()
            .cloned()
            .map(String::from)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = vec![match &settings.pages {
        None => tr("Only where a page names it").to_owned(),
        Some(pages) if pages.include.is_empty() => tr("On every page").to_owned(),
        Some(pages) => trf("On {pages}", &[("pages", &list(&pages.include))]),
    }];
    if let Some(pages) = settings.pages.as_ref().filter(|p| !p.exclude.is_empty()) {
        parts.push(trf("not on {pages}", &[("pages", &list(&pages.exclude))]));
    }
    match &settings.trigger {
        Trigger::PageView { count } => {
            parts.push(trf("from page view {count} of a visit", &[("count", count)]))
        }
        Trigger::Click { selector } => {
            parts.push(trf("when {selector} is clicked", &[("selector", selector)]))
        }
        Trigger::Immediately
        | Trigger::Delay { .. }
        | Trigger::Scroll { .. }
        | Trigger::ExitIntent
        | Trigger::Event { .. }
        | Trigger::Api => {}
    }
    for rule in &settings.audience {
        let attribute = ("attribute", &rule.attribute as &dyn std::fmt::Display);
        parts.push(match &rule.test {
            AttributeTest::Is(value) => trf("{attribute} is {value}", &[attribute, ("value", value)]),
            AttributeTest::IsNot(value) => trf("{attribute} is not {value}", &[attribute, ("value", value)]),
            AttributeTest::AtLeast(n) => trf("{attribute} at least {value}", &[attribute, ("value", n)]),
            AttributeTest::AtMost(n) => trf("{attribute} at most {value}", &[attribute, ("value", n)]),
        });
    }
    let percent = candor::intl::percent(locale(), settings.sampling_rate);
    parts.push(trf("{percent} of visitors", &[("percent", &percent)]));
    if settings.recontact_days > 0 {
        let days = count("{n} days", u64::from(settings.recontact_days));
        parts.push(trf("{days} before asking again", &[("days", &days)]));
    }
    let at = |m: Moment| to_the_minute(m).replace('T', " ") + " UTC";
    if let Some(start) = settings.starts_at {
        parts.push(trf("from {time}", &[("time", &at(start))]));
    }
    if let Some(end) = settings.ends_at {
        parts.push(trf("until {time}", &[("time", &at(end))]));
    }
    if let Some(limit) = settings.response_limit {
        let responses = count("{n} responses", u64::from(limit));
        parts.push(trf("closes at {responses}", &[("responses", &responses)]));
    }
    parts.join(" · ")
}

/// Each non-blank line of a field, parsed; the first that does not parse.
fn each_line<T, E>(raw: &str, parse: impl Fn(&str) -> Result<T, E>) -> Result<Vec<T>, String> {
    raw.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| parse(line).map_err(|_| line.to_owned()))
        .collect()
}

/// `2027-01-31T09:00`: a moment as a `datetime-local` field holds it.
fn to_the_minute(moment: Moment) -> String {
    String::from(moment)[..16].to_owned()
}
