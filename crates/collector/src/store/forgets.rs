//! A cache's forgets, counted so a read that raced one is not kept: a
//! reader takes a [`Mark`] before it reads the database and keeps what it
//! read only if nothing was forgotten since (it may have read what was
//! just replaced, and would keep it for a whole TTL).

use std::sync::atomic::{AtomicU64, Ordering};

/// The count.
#[derive(Debug, Default)]
pub struct Forgets(AtomicU64);

/// When a read began, as [`Forgets::mark`] took it.
#[derive(Debug, Clone, Copy)]
pub struct Mark(u64);

impl Forgets {
    /// A mark to take before reading.
    pub fn mark(&self) -> Mark {
        Mark(self.0.load(Ordering::Acquire))
    }

    /// Counts a forget; call it holding the lock a keep checks under.
    pub fn count(&self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }

    /// Whether nothing was forgotten since `mark`.
    pub fn none_since(&self, mark: Mark) -> bool {
        self.0.load(Ordering::Acquire) == mark.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forget_after_the_mark_is_seen() {
        let forgets = Forgets::default();
        let mark = forgets.mark();
        assert!(forgets.none_since(mark));
        forgets.count();
        assert!(!forgets.none_since(mark));
        assert!(forgets.none_since(forgets.mark()));
    }
}
