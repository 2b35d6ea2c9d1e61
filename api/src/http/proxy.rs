//! The client's address behind reverse proxies.
//!
//! Throttling and the audit log key on the client's address. Behind a reverse proxy every
//! request comes from the proxy, so one visitor's sign-ups would count against everyone's.
//! `X-Forwarded-For` names the real client, but anyone can send that header: it is believed
//! only when the connection comes from a proxy the administrator listed, and only for the hops
//! that proxy (and further listed proxies) appended.

use std::net::IpAddr;

/// An address block such as `10.0.0.0/8`, `172.16.0.0/12`, `::1/128` or a single address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    addr: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl std::str::FromStr for Cidr {
    type Err = String;

    fn from_str(s: &str) -> Result<Cidr, String> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| format!("`{s}` is not an IP address or block (e.g. 10.0.0.0/8)"))?;
        let addr = canonical(addr);
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("`{s}`: the prefix length must be 0–{max}"))?,
        };
        Ok(Cidr { addr, prefix })
    }
}

/// IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`, what a dual-stack socket reports) compare as
/// the IPv4 address they carry.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The proxies whose `X-Forwarded-For` is believed (`INTERRA_TRUSTED_PROXIES`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Cidr>);

impl TrustedProxies {
    /// A comma-separated list of addresses and blocks; empty trusts nobody.
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        list.split(',')
            .filter(|s| !s.trim().is_empty())
            .map(str::parse)
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|c| c.contains(ip))
    }

    /// The client: the peer itself unless it is a trusted proxy; then, walking
    /// `X-Forwarded-For` from the right (the hop the proxy added last), the first address that
    /// is not a trusted proxy. A malformed entry stops the walk at the last address known good.
    pub fn client(&self, peer: IpAddr, forwarded_for: &[&str]) -> IpAddr {
        let mut client = canonical(peer);
        if !self.trusts(client) {
            return client;
        }
        let hops = forwarded_for
            .iter()
            .rev()
            .flat_map(|h| h.rsplit(','))
            .map(str::trim);
        for hop in hops {
            match hop.parse::<IpAddr>() {
                Ok(ip) => {
                    client = canonical(ip);
                    if !self.trusts(client) {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
        client
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("test address")
    }

    #[test]
    fn blocks_contain_their_addresses_only() {
        let net: Cidr = "172.16.0.0/12".parse().expect("test block");
        assert!(net.contains(ip("172.17.0.1")));
        assert!(net.contains(ip("::ffff:172.31.255.255")));
        assert!(!net.contains(ip("172.32.0.1")));
        assert!(!net.contains(ip("::1")));
        let one: Cidr = "::1".parse().expect("test block");
        assert!(one.contains(ip("::1")));
        assert!(!one.contains(ip("::2")));
        let all: Cidr = "0.0.0.0/0".parse().expect("test block");
        assert!(all.contains(ip("203.0.113.9")));
    }

    #[test]
    fn bad_entries_are_refused_with_the_entry_named() {
        assert!(TrustedProxies::parse("10.0.0.0/33")
            .expect_err("refused")
            .contains("10.0.0.0/33"));
        assert!(TrustedProxies::parse("proxy.local")
            .expect_err("refused")
            .contains("proxy.local"));
        assert_eq!(
            TrustedProxies::parse(" , ").expect("proxies"),
            TrustedProxies::default()
        );
    }

    #[test]
    fn an_untrusted_peer_cannot_choose_its_address() {
        let proxies = TrustedProxies::parse("127.0.0.1").expect("proxies");
        assert_eq!(
            proxies.client(ip("198.51.100.7"), &["203.0.113.1"]),
            ip("198.51.100.7")
        );
        assert_eq!(
            TrustedProxies::default().client(ip("127.0.0.1"), &["203.0.113.1"]),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_last_untrusted_hop_is_the_client() {
        let proxies = TrustedProxies::parse("127.0.0.1, 10.0.0.0/8").expect("proxies");
        // A client that forged a first entry: the proxy appended the real address after it.
        assert_eq!(
            proxies.client(ip("127.0.0.1"), &["1.2.3.4, 203.0.113.5"]),
            ip("203.0.113.5")
        );
        // Two proxies in a row, the header split over two lines.
        assert_eq!(
            proxies.client(ip("::ffff:127.0.0.1"), &["203.0.113.5", "10.1.2.3"]),
            ip("203.0.113.5")
        );
        // No header: the proxy itself.
        assert_eq!(proxies.client(ip("127.0.0.1"), &[]), ip("127.0.0.1"));
        // Garbage after a good hop: stop at the good one.
        assert_eq!(
            proxies.client(ip("127.0.0.1"), &["203.0.113.5, 10.0.0.1, nonsense"]),
            ip("127.0.0.1")
        );
    }
}
