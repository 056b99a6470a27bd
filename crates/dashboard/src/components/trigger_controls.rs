//! The trigger choices of the editor: their names, a sensible first detail
//! for each, and the detail read back from its field.

use candor_core::Trigger;

use crate::i18n::tr;

pub(super) fn triggers() -> [(&'static str, &'static str); 8] {
    [
        ("immediately", tr("At once")),
        ("delay", tr("After some seconds")),
        ("scroll", tr("After scrolling")),
        ("exit_intent", tr("On exit intent")),
        ("event", tr("On a page event")),
        ("click", tr("On a click")),
        ("page_view", tr("On a later page view")),
        ("api", tr("Only through Candor.show()")),
    ]
}

pub(super) fn trigger_name(trigger: &Trigger) -> &'static str {
    match trigger {
        Trigger::Immediately => "immediately",
        Trigger::Delay { .. } => "delay",
        Trigger::Scroll { .. } => "scroll",
        Trigger::ExitIntent => "exit_intent",
        Trigger::Event { .. } => "event",
        Trigger::Click { .. } => "click",
        Trigger::PageView { .. } => "page_view",
        Trigger::Api => "api",
    }
}

/// The trigger chosen by name, with a sensible first detail.
pub(super) fn trigger_of(name: &str) -> Trigger {
    match name {
        "delay" => Trigger::Delay { seconds: 10 },
        "scroll" => Trigger::Scroll { percent: 50 },
        "exit_intent" => Trigger::ExitIntent,
        "event" => Trigger::Event {
            name: "order-placed".to_owned(),
        },
        "click" => Trigger::Click {
            selector: "#feedback".to_owned(),
        },
        "page_view" => Trigger::PageView { count: 3 },
        "api" => Trigger::Api,
        _ => Trigger::Immediately,
    }
}

/// `trigger` with its detail (seconds, percent, event name) set from `raw`;
/// unchanged when `raw` does not fit (the field shows the old value again).
pub(super) fn with_detail(trigger: &Trigger, raw: &str) -> Trigger {
    match trigger {
        Trigger::Delay { .. } => raw
            .trim()
            .parse()
            .map_or(trigger.clone(), |seconds| Trigger::Delay { seconds }),
        Trigger::Scroll { .. } => raw
            .trim()
            .parse()
            .map_or(trigger.clone(), |percent| Trigger::Scroll { percent }),
        Trigger::Event { .. } => Trigger::Event {
            name: raw.trim().to_owned(),
        },
        Trigger::Click { .. } => Trigger::Click {
            selector: raw.trim().to_owned(),
        },
        Trigger::PageView { .. } => raw
            .trim()
            .parse()
            .map_or(trigger.clone(), |count| Trigger::PageView { count }),
        Trigger::Immediately | Trigger::ExitIntent | Trigger::Api => trigger.clone(),
    }
}
