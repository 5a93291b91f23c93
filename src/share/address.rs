//! Where the server listens: the computer's first private IPv4 address (the one the
//! room's Wi-Fi gave it), or what `--bind` says; the next port when one is taken.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};

/// The port tried first.
pub const PORT: u16 = 7878;
/// Ports tried after a taken one.
const TRIES: u16 = 20;

/// What `--bind ADDR[:PORT]` asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bind {
    pub ip: IpAddr,
    pub port: Option<u16>,
}

impl std::str::FromStr for Bind {
    type Err = String;

    fn from_str(text: &str) -> Result<Bind, String> {
        if let Ok(addr) = text.parse::<SocketAddr>() {
            return Ok(Bind {
                ip: addr.ip(),
                port: Some(addr.port()),
            });
        }
        text.parse::<IpAddr>()
            .map(|ip| Bind { ip, port: None })
            .map_err(|_| format!("{text:?} is not ADDR or ADDR:PORT (192.168.1.20:7878)"))
    }
}

/// Binds the server's socket. Returns the listener and the address phones use.
pub fn listen(bind: Option<Bind>) -> Result<(TcpListener, SocketAddr), String> {
    let ip = match bind {
        Some(b) => b.ip,
        None => IpAddr::V4(private_ipv4().ok_or(
            "no network: this computer has no private IPv4 address (join the room's Wi-Fi, \
             or give one with --bind)",
        )?),
    };
    let first = bind.and_then(|b| b.port).unwrap_or(PORT);
    let mut last = String::new();
    for port in first..=first.saturating_add(TRIES) {
        match TcpListener::bind((ip, port)) {
            Ok(listener) => {
                let local = listener.local_addr().map_err(|e| e.to_string())?;
                // 0.0.0.0 listens everywhere, but phones need an address to reach.
                let shown = match ip {
                    IpAddr::V4(v4) if v4.is_unspecified() => {
                        SocketAddr::new(IpAddr::V4(private_ipv4().unwrap_or(v4)), local.port())
                    }
                    _ => local,
                };
                return Ok((listener, shown));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => last = e.to_string(),
            Err(e) => return Err(format!("cannot listen on {ip}:{port}: {e}")),
        }
    }
    Err(format!(
        "ports {first} to {} on {ip} are taken ({last})",
        first.saturating_add(TRIES)
    ))
}

/// The first private (10/8, 172.16/12, 192.168/16), non-loopback IPv4 address of the
/// computer's interfaces that are up, in the order the system lists them.
pub fn private_ipv4() -> Option<Ipv4Addr> {
    interfaces().into_iter().find(|ip| ip.is_private())
}

/// The IPv4 addresses of the interfaces that are up (libc's getifaddrs: the standard
/// library cannot list them).
fn interfaces() -> Vec<Ipv4Addr> {
    let mut out = Vec::new();
    let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs fills `list` with a linked list we only read, then free once.
    unsafe {
        if libc::getifaddrs(&mut list) != 0 {
            return out;
        }
        let mut cur = list;
        while let Some(ifa) = cur.as_ref() {
            let up = ifa.ifa_flags & (libc::IFF_UP as libc::c_uint) != 0;
            if up
                && let Some(addr) = ifa.ifa_addr.as_ref()
                && i32::from(addr.sa_family) == libc::AF_INET
            {
                let sin = &*(ifa.ifa_addr as *const libc::sockaddr_in);
                out.push(Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr)));
            }
            cur = ifa.ifa_next;
        }
        libc::freeifaddrs(list);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bind_takes_an_address_with_or_without_a_port() {
        let b: Bind = "127.0.0.1:9000".parse().unwrap();
        assert_eq!((b.ip.to_string(), b.port), ("127.0.0.1".into(), Some(9000)));
        let b: Bind = "10.0.0.5".parse().unwrap();
        assert_eq!(b.port, None);
        assert!("localhost:80".parse::<Bind>().is_err());
    }

    #[test]
    fn a_taken_port_tries_the_next() {
        let bind = Bind {
            ip: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: Some(0),
        };
        let (first, addr) = listen(bind.into()).unwrap();
        let next = Bind {
            port: Some(addr.port()),
            ..bind
        };
        let (_second, again) = listen(Some(next)).unwrap();
        assert!(
            again.port() > addr.port(),
            "the next free port after the taken one"
        );
        drop(first);
    }

    #[test]
    fn the_address_found_is_private_and_not_loopback() {
        if let Some(ip) = private_ipv4() {
            assert!(ip.is_private() && !ip.is_loopback());
        }
    }
}
