//! The widget's effects, compiled once.
//!
//! `Effect::new` compiles its own task (the loop that waits for a change
//! and reruns) for each closure it is given. Given a boxed closure, every
//! effect with the same kind of value shares one (docs/benchmarks.md has
//! what that saves).

use leptos::prelude::Effect;

/// `Effect::new(f)`: runs `f` after the view is built and again whenever
/// what it read changes; `f` gets what it returned the time before.
pub fn effect<T: 'static>(f: impl FnMut(Option<T>) -> T + 'static) {
    let f: Box<dyn FnMut(Option<T>) -> T> = Box::new(f);
    Effect::new(f);
}
