//! Drawing a list a part at a time, a frame apart, and knowing when every
//! such list on the page is drawn whole.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::reactive::effect;

/// The lists drawn a part at a time on this page: how many ever began and
/// how many are not yet drawn whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub begun: u64,
    pub pending: usize,
}

thread_local! {
    // Reference-counted, not owned by whichever component first reads it.
    static PROGRESS: ArcRwSignal<Progress> = ArcRwSignal::new(Progress::default());
}

/// The page's drawing progress, as a signal.
pub fn progress() -> ArcRwSignal<Progress> {
    PROGRESS.with(Clone::clone)
}

/// How many of `count` parts to draw: the first at once, then one more
/// after each frame the browser draws. So no single task builds them all
/// and no single frame lays them all out (laying out a whole survey took
/// longer than building it: docs/benchmarks.md, "Long frames"). The next
/// part is built in a task after the frame, not in the frame itself. A
/// hidden page draws no frames: there the parts come a task apart.
pub fn one_per_frame(count: usize) -> ReadSignal<usize> {
    let drawn = RwSignal::new(count.min(1));
    let progress = progress();
    let whole = count <= 1;
    progress.update(|p| {
        p.begun += 1;
        p.pending += usize::from(!whole);
    });
    // Counted done once, when drawn whole or dropped before.
    let counted = Arc::new(AtomicBool::new(whole));
    let done = {
        let (progress, counted) = (progress.clone(), counted.clone());
        move || {
            if !counted.swap(true, Ordering::Relaxed) {
                progress.update(|p| p.pending -= 1);
            }
        }
    };
    on_cleanup(done.clone());
    effect(move |_| {
        let n = drawn.get();
        if n < count {
            let next = move || set_timeout(move || drawn.set(n + 1), Duration::ZERO);
            if page_hidden() {
                next();
            } else {
                request_animation_frame(next);
            }
        } else if !whole {
            // A task later: a list the last part holds (a gap question's
            // dimensions) has begun by then, so the page is never counted
            // drawn between the two.
            set_timeout(done.clone(), Duration::ZERO);
        }
    });
    drawn.read_only()
}

/// How many lists have begun drawing on this page so far: read before
/// mounting, for [`drawn_since`].
pub fn lists_begun() -> u64 {
    progress().get_untracked().begun
}

/// Whether, within `within`, a list begun after `before` (a
/// [`lists_begun`] read earlier) is drawn and no list is still drawing.
/// Resolves as soon as that holds, false if it did not in time.
pub async fn drawn_since(before: u64, within: Duration) -> bool {
    let progress = progress();
    let owner = Owner::new();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let (progress, in_time) = (progress.clone(), resolve.clone());
        owner.with(|| {
            effect(move |_| {
                let now = progress.get();
                if now.begun > before && now.pending == 0 {
                    let _ = in_time.call1(&JsValue::NULL, &JsValue::TRUE);
                }
            });
        });
        set_timeout(
            move || drop(resolve.call1(&JsValue::NULL, &JsValue::FALSE)),
            within,
        );
    });
    let drawn = wasm_bindgen_futures::JsFuture::from(promise).await;
    owner.cleanup();
    drawn.is_ok_and(|value| value.is_truthy())
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}
