//! The widget's effects, memos and conditional views, compiled once.
//!
//! `Effect::new` compiles its own task (the loop that waits for a change
//! and reruns) for each closure it is given, and `<Show>` its own memo and
//! view for each pair of closures. Given boxed closures, every use shares
//! one (docs/benchmarks.md has what that saves).

use leptos::prelude::*;

/// `Effect::new(f)`: runs `f` after the view is built and again whenever
/// what it read changes; `f` gets what it returned the time before.
pub fn effect<T: 'static>(f: impl FnMut(Option<T>) -> T + 'static) {
    let f: Box<dyn FnMut(Option<T>) -> T> = Box::new(f);
    Effect::new(f);
}

/// `<Show when fallback>`: `then` while `when` holds, `otherwise` when it
/// does not; each is built anew only when `when` changes.
pub fn show_or(
    when: impl Fn() -> bool + Send + Sync + 'static,
    then: impl Into<ViewFn>,
    otherwise: impl Into<ViewFn>,
) -> impl IntoView {
    choose(Box::new(when), then.into(), otherwise.into())
}

/// `<Show when>`: `then` while `when` holds, nothing otherwise.
pub fn show_if(when: impl Fn() -> bool + Send + Sync + 'static, then: impl Into<ViewFn>) -> impl IntoView {
    choose(Box::new(when), then.into(), ViewFn::default())
}

/// Not generic, so that one view is compiled for all.
fn choose(when: Box<dyn Fn() -> bool + Send + Sync>, then: ViewFn, otherwise: ViewFn) -> impl IntoView {
    let when = flag_of(when);
    move || if when.get() { then.run() } else { otherwise.run() }
}

/// `Memo::new` of a `bool`: what reads it reruns only when it changes.
pub fn flag(f: impl Fn() -> bool + Send + Sync + 'static) -> Memo<bool> {
    flag_of(Box::new(f))
}

/// Not generic, so that one memo is compiled for all.
fn flag_of(f: Box<dyn Fn() -> bool + Send + Sync>) -> Memo<bool> {
    Memo::new(move |_| f())
}
