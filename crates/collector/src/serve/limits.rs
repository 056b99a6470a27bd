//! How many connections may be open: in all, and from one client. A new
//! connection past either cap is closed at once (the newest is shed, so
//! established clients keep being served), counted, and logged at most once
//! a second per reason.

use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::client::{ClientKey, TrustedProxies};
use crate::counts::{Counted, Counts, Over};
use crate::metrics::{Metrics, Shed};

/// File descriptors kept back from the connection cap: the database, the
/// static files, the log.
pub const RESERVED_FILES: u64 = 512;

/// Raises the soft open-files limit to the hard one; the soft limit now.
pub fn raise_open_files_limit() -> u64 {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => limit,
        Err(error) => {
            tracing::warn!(%error, "could not raise the open-files limit");
            rlimit::getrlimit(rlimit::Resource::NOFILE).map_or(1024, |(soft, _)| soft)
        }
    }
}

/// The caps and what is open now.
pub struct ConnectionLimits {
    counts: Arc<Counts>,
    trusted: Arc<TrustedProxies>,
    metrics: Arc<Metrics>,
    last_log: Mutex<Instant>,
    unlogged: AtomicU64,
}

impl ConnectionLimits {
    /// At most `max_total` connections, `max_per_client` from one client
    /// (trusted proxies are exempt: many clients reach us through them).
    pub fn new(
        max_total: usize,
        max_per_client: usize,
        trusted: Arc<TrustedProxies>,
        metrics: Arc<Metrics>,
    ) -> Arc<Self> {
        Arc::new(Self {
            counts: Counts::new(max_total, max_per_client),
            trusted,
            metrics,
            last_log: Mutex::new(Instant::now() - Duration::from_secs(1)),
            unlogged: AtomicU64::new(0),
        })
    }

    /// Counts a connection from `peer` in, or says why it is shed.
    pub fn admit(self: &Arc<Self>, peer: IpAddr) -> Result<Admitted, Shed> {
        let client = (!self.trusted.contains(peer)).then(|| ClientKey::of(peer));
        match self.counts.admit(client) {
            Ok(counted) => {
                self.metrics.connection_opened();
                Ok(Admitted {
                    _counted: counted,
                    metrics: self.metrics.clone(),
                })
            }
            Err(Over::Total) => Err(self.shed(Shed::Total)),
            Err(Over::PerClient) => Err(self.shed(Shed::PerClient)),
        }
    }

    fn shed(&self, reason: Shed) -> Shed {
        self.metrics.connection_shed(reason);
        let unlogged = self.unlogged.fetch_add(1, Ordering::AcqRel) + 1;
        if let Ok(mut last) = self.last_log.try_lock()
            && last.elapsed() >= Duration::from_secs(1)
        {
            *last = Instant::now();
            self.unlogged.store(0, Ordering::Release);
            tracing::warn!(
                reason = reason.label(),
                shed = unlogged,
                open = self.counts.open(),
                "connections shed since the last report"
            );
        }
        reason
    }
}

/// An admitted connection; counted out when dropped.
pub struct Admitted {
    _counted: Counted,
    metrics: Arc<Metrics>,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        self.metrics.connection_closed();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(raw: &str) -> IpAddr {
        raw.parse().unwrap()
    }

    #[test]
    fn trusted_proxies_are_counted_in_all_only_and_shedding_is_counted() {
        let trusted = Arc::new(TrustedProxies::new(vec!["10.0.0.1/32".parse().unwrap()]));
        let metrics = Arc::new(Metrics::default());
        let limits = ConnectionLimits::new(4, 2, trusted, metrics.clone());
        let _a1 = limits.admit(ip("192.0.2.1")).unwrap();
        let _a2 = limits.admit(ip("192.0.2.1")).unwrap();
        assert!(matches!(limits.admit(ip("192.0.2.1")), Err(Shed::PerClient)));
        let _p1 = limits.admit(ip("10.0.0.1")).unwrap();
        let _p2 = limits.admit(ip("10.0.0.1")).unwrap();
        assert!(
            matches!(limits.admit(ip("10.0.0.1")), Err(Shed::Total)),
            "a proxy past two, under the total cap only"
        );
        let text = metrics.render();
        assert!(
            text.contains("candor_connections_shed_total{reason=\"per_client\"} 1"),
            "{text}"
        );
        assert!(text.contains("candor_connections_open 4"), "{text}");
    }
}
