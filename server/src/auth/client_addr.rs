//! The address a request came from, as sign-in throttling and the audit log see it.
//!
//! `X-Forwarded-For` is only believed when the TCP peer is one of `TRUSTED_PROXIES`; then
//! the header is read from the right, skipping further trusted proxies, and the first
//! address that is not one is the client. Anyone else can write any header they like, so
//! from anyone else the header is ignored.

use std::net::IpAddr;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The client's address, put into request extensions by the context middleware.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// The client address of a request from `peer` with `headers`.
pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    forwarded.into_iter().rev().find(|ip| !is_trusted(ip)).unwrap_or(peer)
}

/// Parses `TRUSTED_PROXIES`: comma-separated addresses or networks (`10.0.0.0/8`, `::1`).
pub fn parse_trusted(list: &str) -> Result<Vec<IpNet>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<IpNet>().or_else(|_| s.parse::<IpAddr>().map(IpNet::from)).map_err(|_| s.to_string()))
        .collect()
}

#[cfg(test)]
#[path = "client_addr_test.rs"]
mod tests;
