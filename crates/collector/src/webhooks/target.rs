//! Safe targets: a destination may not reach the collector's own network.
//! Every name is resolved here (reqwest connects only to the addresses this
//! resolver returns, so a name that changes its answer between the check
//! and the connection gains nothing), and an address on loopback, a
//! private, shared or link-local network (cloud metadata among them), or
//! any other range not routed on the internet is refused unless the
//! operator allows private targets.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Why a target is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    /// The URL does not parse or has no host.
    #[error("the URL does not parse")]
    Unparsable,
    /// The name did not resolve.
    #[error("{0} does not resolve")]
    Unresolved(String),
    /// Every address is one the collector may not send to.
    #[error("{0} is a loopback, private, link-local or reserved address; the collector does not send there")]
    Private(String),
}

/// Whether `ip` is routed on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let segments = v6.segments();
            // NAT64 (64:ff9b::/96) reaches the IPv4 address inside it.
            if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
                let [a, b] = segments[6].to_be_bytes();
                let [c, d] = segments[7].to_be_bytes();
                return is_public_v4(Ipv4Addr::new(a, b, c, d));
            }
            !(v6.is_unspecified()
                || v6.is_loopback()
                || v6.is_multicast()
                || (segments[0] & 0xfe00) == 0xfc00 // unique local, fd00:ec2::254 among them
                || (segments[0] & 0xffc0) == 0xfe80 // link-local
                || (segments[0] & 0xffc0) == 0xfec0 // site-local (deprecated)
                || (segments[0] == 0x2001 && segments[1] == 0x0db8) // documentation
                || segments[..6] == [0, 0, 0, 0, 0, 0]) // IPv4-compatible
        }
    }
}

fn is_public_v4(v4: Ipv4Addr) -> bool {
    let [a, b, c, _] = v4.octets();
    !(v4.is_unspecified()
        || a == 0
        || v4.is_loopback()
        || v4.is_private()
        || v4.is_link_local() // 169.254.169.254, the cloud metadata service
        || (a == 100 && (64..128).contains(&b)) // shared address space
        || (a == 192 && b == 0 && c == 0) // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2) // documentation
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)
        || v4.is_multicast()
        || a >= 240) // reserved, broadcast
}

/// Resolves names for webhook deliveries, keeping only addresses allowed.
#[derive(Debug, Clone, Copy)]
pub struct SafeResolver {
    /// Private targets allowed (`--webhook-allow-private-targets`).
    pub allow_private: bool,
}

impl SafeResolver {
    /// The addresses `host` resolves to that may be sent to.
    pub async fn resolve_host(self, host: &str, port: u16) -> Result<Vec<SocketAddr>, TargetError> {
        if let Ok(ip) = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
        {
            return self.allowed(host, vec![SocketAddr::new(ip, port)]);
        }
        let found: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
            .await
            .map_err(|_| TargetError::Unresolved(host.to_owned()))?
            .collect();
        if found.is_empty() {
            return Err(TargetError::Unresolved(host.to_owned()));
        }
        self.allowed(host, found)
    }

    fn allowed(self, host: &str, found: Vec<SocketAddr>) -> Result<Vec<SocketAddr>, TargetError> {
        let kept: Vec<SocketAddr> = found
            .into_iter()
            .filter(|address| self.allow_private || is_public(address.ip()))
            .collect();
        if kept.is_empty() {
            return Err(TargetError::Private(host.to_owned()));
        }
        Ok(kept)
    }

    /// Checks `url`'s host as a send would: for the admin API, so a
    /// destination that can never be reached is refused when it is added.
    pub async fn check_url(self, url: &str) -> Result<(), TargetError> {
        let parsed = reqwest::Url::parse(url).map_err(|_| TargetError::Unparsable)?;
        let host = parsed.host_str().ok_or(TargetError::Unparsable)?;
        let port = parsed.port_or_known_default().unwrap_or(443);
        self.resolve_host(host, port).await.map(drop)
    }
}

impl Resolve for SafeResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let resolver = *self;
        Box::pin(async move {
            let addresses = resolver.resolve_host(name.as_str(), 0).await?;
            let addrs: Addrs = Box::new(addresses.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_and_reserved_addresses_are_not_public() {
        for internal in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "::",
            "fd00:ec2::254",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a00:1",
            "::127.0.0.1",
        ] {
            assert!(!is_public(internal.parse().unwrap()), "{internal}");
        }
        for public in [
            "93.184.215.14",
            "1.1.1.1",
            "2606:4700:4700::1111",
            "64:ff9b::101:101",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[tokio::test]
    async fn private_targets_are_refused_unless_allowed() {
        let strict = SafeResolver { allow_private: false };
        for url in [
            "http://127.0.0.1:9/hook",
            "http://[::1]/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://localhost:8080/",
            "http://[::ffff:10.0.0.1]/",
        ] {
            assert!(
                matches!(strict.check_url(url).await, Err(TargetError::Private(_))),
                "{url}"
            );
        }
        let open = SafeResolver { allow_private: true };
        assert_eq!(open.check_url("http://127.0.0.1:9/hook").await, Ok(()));
    }
}
