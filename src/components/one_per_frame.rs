//! Drawing a list a part at a time, a frame apart.

use std::time::Duration;

use leptos::prelude::*;

/// How many of `count` parts to draw: the first at once, then one more
/// after each frame the browser draws. So no single task builds them all
/// and no single frame lays them all out (laying out a whole survey took
/// longer than building it: docs/benchmarks.md, "Long frames"). The next
/// part is built in a task after the frame, not in the frame itself. A hidden page draws no frames: there the parts come a task
/// apart.
pub fn one_per_frame(count: usize) -> ReadSignal<usize> {
    let drawn = RwSignal::new(count.min(1));
    Effect::new(move |_| {
        let n = drawn.get();
        if n < count {
            let next = move || set_timeout(move || drawn.set(n + 1), Duration::ZERO);
            if page_hidden() {
                next();
            } else {
                request_animation_frame(next);
            }
        }
    });
    drawn.read_only()
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}
