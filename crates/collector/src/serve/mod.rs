//! The accept loop, made for a public endpoint. axum's own `serve` has no
//! deadlines, and hyper's only one is HTTP/1's header read, so here every
//! connection is admitted against caps (in all and per client), and then
//! watched: with nothing in flight it must bring a complete request head
//! (HTTP/1 or HTTP/2, the preface included) within the read timeout, each
//! request body must arrive whole within it, HTTP/2 peers answer pings, and
//! no connection outlives its maximum age.

mod activity;
mod limits;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::time::{Instant, sleep_until};
use tokio_util::task::TaskTracker;
use tower::ServiceExt;

pub use activity::BodyDeadline;
pub use limits::{RESERVED_FILES, raise_open_files_limit};

use crate::client::TrustedProxies;
use crate::metrics::{Closed, Metrics};

/// Longest a connection is given to finish after being asked to close
/// (shutdown, or its maximum age).
const GRACE: Duration = Duration::from_secs(30);
/// HTTP/2 pings: how often, and how long an answer may take.
const PING_EVERY: Duration = Duration::from_secs(20);
const PING_TIMEOUT: Duration = Duration::from_secs(10);

/// How connections are limited.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Idle time before a complete request head, and the whole body's time.
    pub read_timeout: Duration,
    /// Longest a connection lives.
    pub max_age: Duration,
    /// Open connections at most.
    pub max_connections: usize,
    /// Open connections at most per client.
    pub max_per_client: usize,
    /// Exempt from the per-client cap.
    pub trusted: Arc<TrustedProxies>,
}

/// Serves `router` on `listener` until `shutdown` completes, then lets
/// in-flight requests finish (at most 30 s).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    options: ServeOptions,
    metrics: Arc<Metrics>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = limits::ConnectionLimits::new(
        options.max_connections,
        options.max_per_client,
        options.trusted.clone(),
        metrics.clone(),
    );
    let (stop, stopping) = watch::channel(false);
    let tasks = TaskTracker::new();
    let options = Arc::new(options);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait, do not spin.
                Err(error) => {
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Shed: the socket closes as it drops.
        let Ok(admitted) = limits.admit(peer.ip()) else {
            continue;
        };
        let connection = connection(
            stream,
            peer,
            router.clone(),
            options.clone(),
            metrics.clone(),
            stopping.clone(),
        );
        tasks.spawn(async move {
            connection.await;
            drop(admitted);
        });
    }
    drop(listener);
    let _ = stop.send(true);
    tasks.close();
    if tokio::time::timeout(GRACE, tasks.wait()).await.is_err() {
        tracing::warn!("some connections were still open after 30 s");
    }
    Ok(())
}

/// Drives one connection until it ends, idles too long, ages out, or the
/// server stops.
async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    router: Router,
    options: Arc<ServeOptions>,
    metrics: Arc<Metrics>,
    mut stopping: watch::Receiver<bool>,
) {
    let activity = activity::Activity::new();
    let read_timeout = options.read_timeout;
    let requests = activity.clone();
    let service = hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
        let in_flight = requests.begin();
        let mut request =
            request.map(|body| Body::new(activity::Deadlined::new(Body::new(body), read_timeout)));
        request.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
        let router = router.clone();
        async move {
            let response = router.oneshot(request).await?;
            Ok::<_, std::convert::Infallible>(
                response.map(|body| Body::new(activity::Guarded::new(body, in_flight))),
            )
        }
    });
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(read_timeout)
        .max_buf_size(64 * 1024);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(PING_EVERY)
        .keep_alive_timeout(PING_TIMEOUT)
        .max_concurrent_streams(100);
    let connection = builder.serve_connection_with_upgrades(TokioIo::new(stream), service);
    let mut connection = std::pin::pin!(connection);
    let too_old = Instant::now() + options.max_age;
    // Set once the connection was asked to close: when it is cut regardless.
    let mut closing: Option<Instant> = None;
    loop {
        let idle_until = activity.idle_deadline(read_timeout);
        tokio::select! {
            ended = connection.as_mut() => {
                if let Err(error) = ended {
                    tracing::debug!(%error, "connection ended with an error");
                }
                return;
            }
            () = activity.changed() => {}
            () = sleep_until(idle_until.unwrap_or(too_old)), if idle_until.is_some() && closing.is_none() => {
                // Still idle (a request that began meanwhile woke `changed`).
                if activity.idle_deadline(read_timeout).is_some_and(|until| until <= Instant::now()) {
                    metrics.connection_cut(Closed::HeadTimeout);
                    return;
                }
            }
            () = sleep_until(too_old), if closing.is_none() => {
                metrics.connection_cut(Closed::MaxAge);
                connection.as_mut().graceful_shutdown();
                closing = Some(Instant::now() + GRACE);
            }
            _ = stopping.changed(), if closing.is_none() => {
                connection.as_mut().graceful_shutdown();
                closing = Some(Instant::now() + GRACE);
            }
            () = sleep_until(closing.unwrap_or(too_old)), if closing.is_some() => return,
        }
    }
}
