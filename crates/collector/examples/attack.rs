//! An attacker with one laptop, for `cargo xtask bench attack`: from one
//! loopback address it holds idle sockets, dribbles request heads, keeps
//! snapshot streams open, and floods unknown routes and made-up methods,
//! reconnecting whatever the collector closes (backing off when it is shed
//! at once). Loopback only; stops by itself after the given seconds and
//! prints what it did.
//!
//!     cargo run --release -p candor-collector --example attack -- 127.0.0.1:8080 15 127.0.0.2
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio::time::{Instant, sleep, timeout_at};

const IDLE: usize = 10_000;
const DRIBBLERS: usize = 1_000;
const STREAMS: usize = 2_000;
const NOT_FOUND_FLOODERS: usize = 8;
const METHOD_FLOODERS: usize = 8;

/// What the attack did.
#[derive(Default)]
struct Tally {
    connected: AtomicU64,
    refused: AtomicU64,
    shed: AtomicU64,
    requests: AtomicU64,
}

#[derive(Clone)]
struct Target {
    server: SocketAddr,
    from: IpAddr,
    until: Instant,
    tally: Arc<Tally>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: attack <127.x.x.x:port> <seconds> <127.x.x.x source>";
    let server: SocketAddr = args.next().expect(usage).parse()?;
    let seconds: u64 = args.next().expect(usage).parse()?;
    let from: IpAddr = args.next().expect(usage).parse()?;
    anyhow::ensure!(server.ip().is_loopback() && from.is_loopback(), "loopback only");
    let files = rlimit::increase_nofile_limit(u64::MAX)?;
    let target = Target {
        server,
        from,
        until: Instant::now() + Duration::from_secs(seconds),
        tally: Arc::default(),
    };
    let mut tasks = tokio::task::JoinSet::new();
    // The floods first, so they hold connections before the caps fill.
    for n in 0..NOT_FOUND_FLOODERS {
        tasks.spawn(flood(target.clone(), n, false));
    }
    for n in 0..METHOD_FLOODERS {
        tasks.spawn(flood(target.clone(), n, true));
    }
    for _ in 0..DRIBBLERS {
        tasks.spawn(dribble(target.clone()));
    }
    for _ in 0..STREAMS {
        let ask: &[u8] = b"GET /v1/surveys/checkout/snapshot/stream HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n";
        tasks.spawn(hold(target.clone(), ask));
    }
    for _ in 0..IDLE {
        tasks.spawn(hold(target.clone(), b"".as_slice()));
    }
    while tasks.join_next().await.is_some() {}
    let tally = &target.tally;
    println!(
        "attack: {} connections, {} refused, {} shed at once, {} flood requests (open-files limit {files})",
        tally.connected.load(Ordering::Relaxed),
        tally.refused.load(Ordering::Relaxed),
        tally.shed.load(Ordering::Relaxed),
        tally.requests.load(Ordering::Relaxed),
    );
    Ok(())
}

impl Target {
    async fn connect(&self) -> Option<TcpStream> {
        let socket = match self.from {
            IpAddr::V4(_) => TcpSocket::new_v4(),
            IpAddr::V6(_) => TcpSocket::new_v6(),
        }
        .ok()?;
        socket.bind(SocketAddr::new(self.from, 0)).ok()?;
        match timeout_at(self.until, socket.connect(self.server)).await {
            Ok(Ok(stream)) => {
                self.tally.connected.fetch_add(1, Ordering::Relaxed);
                Some(stream)
            }
            _ => {
                self.tally.refused.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    }

    fn over(&self) -> bool {
        Instant::now() >= self.until
    }
}

/// Connects, sends `ask`, and reads whatever comes until the collector
/// closes; then again, waiting longer each time it is shed at once.
async fn hold(target: Target, ask: &'static [u8]) {
    let mut backoff = Duration::from_millis(500);
    while !target.over() {
        let Some(mut stream) = target.connect().await else {
            sleep(backoff).await;
            continue;
        };
        let opened = Instant::now();
        if stream.write_all(ask).await.is_ok() {
            let mut buffer = [0u8; 1024];
            while let Ok(Ok(n)) = timeout_at(target.until, stream.read(&mut buffer)).await {
                if n == 0 {
                    break;
                }
            }
        }
        backoff = shed_backoff(&target, opened, backoff);
        sleep(backoff).await;
    }
}

/// A request head, one byte a second, for as long as the collector listens.
async fn dribble(target: Target) {
    let head = b"POST /v1/surveys/checkout/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Padding: ";
    let mut backoff = Duration::from_millis(500);
    while !target.over() {
        let Some(mut stream) = target.connect().await else {
            sleep(backoff).await;
            continue;
        };
        let opened = Instant::now();
        for byte in head.iter().chain(std::iter::repeat(&b'a')) {
            if target.over() || stream.write_all(&[*byte]).await.is_err() {
                break;
            }
            // A read that ends tells us the collector closed the socket.
            let mut buffer = [0u8; 256];
            let wait = Instant::now() + Duration::from_secs(1);
            match timeout_at(wait.min(target.until), stream.read(&mut buffer)).await {
                Ok(Ok(0)) | Ok(Err(_)) => break,
                _ => {}
            }
        }
        backoff = shed_backoff(&target, opened, backoff);
        sleep(backoff).await;
    }
}

/// Requests as fast as the collector answers them: unknown routes, or
/// made-up methods of every length.
async fn flood(target: Target, seed: usize, methods: bool) {
    let mut n = seed * 1_000_003;
    while !target.over() {
        let Some(stream) = target.connect().await else {
            sleep(Duration::from_millis(100)).await;
            continue;
        };
        let (mut read, mut write) = stream.into_split();
        let mut buffer = vec![0u8; 16 * 1024];
        while !target.over() {
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let request = if methods {
                let length = 1 + (n >> 33) % 2_000;
                let method: String = (0..length)
                    .map(|i| char::from(b'A' + ((n >> (i % 50)) % 26) as u8))
                    .collect();
                format!("{method} /v1/surveys/checkout/{n:x} HTTP/1.1\r\nHost: x\r\n\r\n")
            } else {
                format!("GET /nope/{n:x} HTTP/1.1\r\nHost: x\r\n\r\n")
            };
            if write.write_all(request.as_bytes()).await.is_err() {
                break;
            }
            // One answer (or the close) before the next request.
            match timeout_at(target.until, read.read(&mut buffer)).await {
                Ok(Ok(0)) | Ok(Err(_)) | Err(_) => break,
                Ok(Ok(_)) => {
                    target.tally.requests.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
    }
}

/// Closed within 100 ms of connecting: shed; wait twice as long (up to
/// 10 s) before trying again. Otherwise try again soon.
fn shed_backoff(target: &Target, opened: Instant, backoff: Duration) -> Duration {
    if opened.elapsed() < Duration::from_millis(100) {
        target.tally.shed.fetch_add(1, Ordering::Relaxed);
        (backoff * 2).min(Duration::from_secs(10))
    } else {
        Duration::from_millis(500)
    }
}
