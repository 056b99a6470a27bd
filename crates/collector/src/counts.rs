//! Things held open (connections, snapshot streams), counted in all and
//! per client under two caps. An entry per client exists only while that
//! client holds something, so the table is bounded by what is open.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::client::ClientKey;

/// Which cap a newcomer met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    /// As many are open as may be in all.
    Total,
    /// Its client holds as many as one client may.
    PerClient,
}

/// The caps and what is open now.
#[derive(Debug)]
pub struct Counts {
    max_total: usize,
    max_per_client: usize,
    open: AtomicUsize,
    per_client: Mutex<HashMap<ClientKey, usize>>,
}

impl Counts {
    /// At most `max_total` open, `max_per_client` of them one client's.
    pub fn new(max_total: usize, max_per_client: usize) -> Arc<Self> {
        Arc::new(Self {
            max_total,
            max_per_client,
            open: AtomicUsize::new(0),
            per_client: Mutex::new(HashMap::new()),
        })
    }

    /// Counts one more for `client` (`None`: counted in all only), or says
    /// which cap it met.
    pub fn admit(self: &Arc<Self>, client: Option<ClientKey>) -> Result<Counted, Over> {
        if self.open.fetch_add(1, Ordering::AcqRel) >= self.max_total {
            self.open.fetch_sub(1, Ordering::AcqRel);
            return Err(Over::Total);
        }
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
                return Err(Over::PerClient);
            }
        }
        Ok(Counted {
            counts: self.clone(),
            client,
        })
    }

    /// How many are open now.
    pub fn open(&self) -> usize {
        self.open.load(Ordering::Acquire)
    }

    /// How many clients hold something now.
    #[cfg(test)]
    pub fn clients(&self) -> usize {
        self.per_client.lock().map_or(0, |per_client| per_client.len())
    }
}

/// One counted in; counted out when dropped.
#[derive(Debug)]
pub struct Counted {
    counts: Arc<Counts>,
    client: Option<ClientKey>,
}

impl Drop for Counted {
    fn drop(&mut self) {
        if let Some(client) = self.client
            && let Ok(mut per_client) = self.counts.per_client.lock()
            && let Some(open) = per_client.get_mut(&client)
        {
            *open -= 1;
            if *open == 0 {
                per_client.remove(&client);
            }
        }
        self.counts.open.fetch_sub(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use std::net::IpAddr;

    use super::*;

    fn client(raw: &str) -> Option<ClientKey> {
        Some(ClientKey::of(raw.parse::<IpAddr>().unwrap()))
    }

    #[test]
    fn past_a_cap_the_newest_is_refused_and_leaving_makes_room() {
        let counts = Counts::new(4, 2);
        let a1 = counts.admit(client("192.0.2.1")).unwrap();
        let _a2 = counts.admit(client("192.0.2.1")).unwrap();
        assert_eq!(counts.admit(client("192.0.2.1")).unwrap_err(), Over::PerClient);
        let _uncounted = counts.admit(None).unwrap();
        let _b = counts.admit(client("192.0.2.2")).unwrap();
        assert_eq!(counts.admit(client("192.0.2.3")).unwrap_err(), Over::Total);
        drop(a1);
        assert_eq!(counts.open(), 3);
        assert!(counts.admit(client("192.0.2.1")).is_ok(), "room again");
        assert_eq!(counts.clients(), 2, "only clients holding something");
    }
}
