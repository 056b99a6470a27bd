//! How many connections may be open: in all, and from one client. A new
//! connection past either cap is closed at once (the newest is shed, so
//! established clients keep being served), counted, and logged at most once
//! a second per reason.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::client::{ClientKey, TrustedProxies};
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
    max_total: usize,
    max_per_client: usize,
    trusted: Arc<TrustedProxies>,
    open: AtomicUsize,
    per_client: Mutex<HashMap<ClientKey, usize>>,
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
            max_total,
            max_per_client,
            trusted,
            open: AtomicUsize::new(0),
            per_client: Mutex::new(HashMap::new()),
            metrics,
            last_log: Mutex::new(Instant::now() - Duration::from_secs(1)),
            unlogged: AtomicU64::new(0),
        })
    }

    /// Counts a connection from `peer` in, or says why it is shed.
    pub fn admit(self: &Arc<Self>, peer: IpAddr) -> Result<Admitted, Shed> {
        if self.open.fetch_add(1, Ordering::AcqRel) >= self.max_total {
            self.open.fetch_sub(1, Ordering::AcqRel);
            return Err(self.shed(Shed::Total));
        }
        let client = (!self.trusted.contains(peer)).then(|| ClientKey::of(peer));
        if let Some(client) = client {
            let admitted = self.per_client.lock().is_ok_and(|mut per_client| {
                let open = per_client.entry(client).or_default();
                let room = *open < self.max_per_client;
                if room {
                    *open += 1;
                }
                room
            });
            if !admitted {
                self.open.fetch_sub(1, Ordering::AcqRel);
                return Err(self.shed(Shed::PerClient));
            }
        }
        self.metrics.connection_opened();
        Ok(Admitted {
            limits: self.clone(),
            client,
        })
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
                open = self.open.load(Ordering::Acquire),
                "connections shed since the last report"
            );
        }
        reason
    }
}

/// An admitted connection; counted out when dropped.
pub struct Admitted {
    limits: Arc<ConnectionLimits>,
    client: Option<ClientKey>,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        if let Some(client) = self.client
            && let Ok(mut per_client) = self.limits.per_client.lock()
            && let Some(open) = per_client.get_mut(&client)
        {
            *open -= 1;
            if *open == 0 {
                per_client.remove(&client);
            }
        }
        self.limits.open.fetch_sub(1, Ordering::AcqRel);
        self.limits.metrics.connection_closed();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(raw: &str) -> IpAddr {
        raw.parse().unwrap()
    }

    #[test]
    fn past_a_cap_the_newest_is_shed_and_a_closed_one_makes_room() {
        let trusted = Arc::new(TrustedProxies::new(vec!["10.0.0.1/32".parse().unwrap()]));
        let limits = ConnectionLimits::new(4, 2, trusted, Arc::default());
        let a1 = limits.admit(ip("192.0.2.1")).unwrap();
        let _a2 = limits.admit(ip("192.0.2.1")).unwrap();
        assert!(matches!(limits.admit(ip("192.0.2.1")), Err(Shed::PerClient)));
        let _proxy = limits.admit(ip("10.0.0.1")).unwrap();
        let _proxy2 = limits.admit(ip("10.0.0.1")).unwrap();
        let _proxy3 = limits.admit(ip("10.0.0.1"));
        assert!(matches!(limits.admit(ip("192.0.2.2")), Err(Shed::Total)));
        drop(a1);
        drop(_proxy3);
        assert!(limits.admit(ip("192.0.2.1")).is_ok(), "room again");
        assert!(limits.per_client.lock().unwrap().len() <= 1);
    }
}
