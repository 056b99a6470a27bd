//! Who a request comes from, for limits only (never stored or logged): the
//! peer address, or behind a trusted proxy the address that proxy saw. An
//! IPv6 client is its /64, the network one subscriber is given, so an
//! attacker cannot become a million clients by cycling the low bits.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::http::HeaderMap;
use ipnet::IpNet;

/// A client, as limits count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClientKey {
    /// One IPv4 address.
    V4(Ipv4Addr),
    /// The first 64 bits of an IPv6 address.
    V6(u64),
}

impl ClientKey {
    /// The client `ip` counts as.
    pub fn of(ip: IpAddr) -> Self {
        match ip {
            IpAddr::V4(v4) => Self::V4(v4),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Self::V4(v4),
                None => Self::V6((u128::from(v6) >> 64) as u64),
            },
        }
    }
}

/// Parses one `--trusted-proxies` entry: a CIDR block or a single address.
pub fn parse_proxy(raw: &str) -> Result<IpNet, String> {
    let raw = raw.trim();
    raw.parse::<IpNet>()
        .or_else(|_| raw.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("{raw:?} is neither an address nor a CIDR block such as 10.0.0.0/8"))
}

/// The proxies whose `X-Forwarded-For` is believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// These blocks.
    pub fn new(blocks: Vec<IpNet>) -> Self {
        Self(blocks)
    }

    /// Whether `ip` is one of them.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ClientKey::canonical(ip);
        self.0.iter().any(|block| block.contains(&ip))
    }

    /// The client address of a request from `peer`: the peer itself, unless
    /// it is a trusted proxy; then, walking `X-Forwarded-For` from the right
    /// (each proxy appends what it saw), the first address that is not a
    /// trusted proxy. Entries a client wrote further left are never reached,
    /// so they cannot choose who they are.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.contains(peer) {
            return peer;
        }
        let entries: Vec<&str> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .collect();
        let mut client = peer;
        for entry in entries.into_iter().rev() {
            let Some(ip) = parse_entry(entry) else {
                // Not an address: the last proxy could not say; it stands in.
                return client;
            };
            client = ip;
            if !self.contains(ip) {
                return ip;
            }
        }
        client
    }
}

impl ClientKey {
    /// An IPv4-mapped IPv6 address as the IPv4 address it is.
    fn canonical(ip: IpAddr) -> IpAddr {
        match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        }
    }
}

/// `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1` or `[2001:db8::1]:443`.
fn parse_entry(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn proxies(blocks: &[&str]) -> TrustedProxies {
        TrustedProxies::new(blocks.iter().map(|b| parse_proxy(b).unwrap()).collect())
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        }
        headers
    }

    fn ip(raw: &str) -> IpAddr {
        raw.parse().unwrap()
    }

    #[test]
    fn the_rightmost_untrusted_address_is_the_client() {
        let trusted = proxies(&["10.0.0.0/8", "192.0.2.7"]);
        let peer = ip("10.1.1.1");
        // The client wrote "6.6.6.6"; the proxies appended the rest.
        let headers = forwarded(&["6.6.6.6, 203.0.113.9", "192.0.2.7"]);
        assert_eq!(trusted.client(peer, &headers), ip("203.0.113.9"));
        assert_eq!(
            trusted.client(peer, &forwarded(&["[2001:db8::5]:443"])),
            ip("2001:db8::5")
        );
        assert_eq!(
            trusted.client(peer, &forwarded(&["junk"])),
            peer,
            "the proxy stands in"
        );
        assert_eq!(trusted.client(peer, &HeaderMap::new()), peer);
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let trusted = proxies(&["10.0.0.0/8"]);
        let peer = ip("203.0.113.9");
        assert_eq!(trusted.client(peer, &forwarded(&["1.2.3.4"])), peer);
        assert_eq!(
            TrustedProxies::default().client(ip("10.0.0.1"), &forwarded(&["1.2.3.4"])),
            ip("10.0.0.1")
        );
        assert!(proxies(&["127.0.0.1"]).contains(ip("::ffff:127.0.0.1")));
        assert!(parse_proxy("10.0.0.0/33").is_err() && parse_proxy("proxy").is_err());
    }

    #[test]
    fn an_ipv6_client_is_its_slash_64() {
        let a = ClientKey::of(ip("2001:db8:1:2::1"));
        assert_eq!(a, ClientKey::of(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        assert_ne!(a, ClientKey::of(ip("2001:db8:1:3::1")));
        assert_eq!(
            ClientKey::of(ip("::ffff:192.0.2.1")),
            ClientKey::of(ip("192.0.2.1"))
        );
    }
}
