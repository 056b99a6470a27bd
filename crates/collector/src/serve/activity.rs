//! What a connection is doing, so its idle time can be bounded whatever the
//! protocol: a request is in flight from its complete head until its
//! response body ends (a live snapshot stream stays in flight), and a
//! connection with nothing in flight must bring the next complete head
//! within the read timeout. Also the request body's deadline, for the whole
//! body rather than each frame, so a byte every few seconds cannot hold a
//! request open.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use http_body::{Frame, SizeHint};
use tokio::sync::Notify;
use tokio::time::{Instant, Sleep};

/// One connection's requests in flight and since when it has had none.
#[derive(Debug)]
pub struct Activity {
    state: Mutex<State>,
    changed: Notify,
}

#[derive(Debug, Clone, Copy)]
struct State {
    in_flight: usize,
    idle_since: Instant,
}

impl Activity {
    /// A connection just accepted: idle, with nothing in flight.
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            state: Mutex::new(State {
                in_flight: 0,
                idle_since: Instant::now(),
            }),
            changed: Notify::new(),
        })
    }

    /// A complete request head arrived; in flight until the guard drops.
    pub fn begin(self: &Arc<Self>) -> InFlight {
        self.update(|state| state.in_flight += 1);
        InFlight(self.clone())
    }

    /// When the connection has idled for `timeout`, if nothing is in flight.
    pub fn idle_deadline(&self, timeout: Duration) -> Option<Instant> {
        let state = *self.state.lock().ok()?;
        (state.in_flight == 0).then(|| state.idle_since + timeout)
    }

    /// Resolves once a request begins or ends.
    pub async fn changed(&self) {
        self.changed.notified().await;
    }

    fn update(&self, change: impl FnOnce(&mut State)) {
        if let Ok(mut state) = self.state.lock() {
            change(&mut state);
        }
        // One waiter (the connection's driver); a permit is kept if it is
        // not waiting right now.
        self.changed.notify_one();
    }
}

/// A request in flight.
#[derive(Debug)]
pub struct InFlight(Arc<Activity>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.update(|state| {
            state.in_flight -= 1;
            if state.in_flight == 0 {
                state.idle_since = Instant::now();
            }
        });
    }
}

/// A response body that keeps its request in flight until it ends.
pub struct Guarded {
    inner: Body,
    _in_flight: InFlight,
}

impl Guarded {
    /// `inner`, holding `in_flight`.
    pub fn new(inner: Body, in_flight: InFlight) -> Self {
        Self {
            inner,
            _in_flight: in_flight,
        }
    }
}

impl HttpBody for Guarded {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The whole request body did not arrive within the read timeout.
#[derive(Debug, thiserror::Error)]
#[error("the request body did not arrive within {0:?}")]
pub struct BodyDeadline(pub Duration);

/// A request body that fails once its deadline passes.
pub struct Deadlined {
    inner: Body,
    timeout: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl Deadlined {
    /// `inner`, due within `timeout` from now.
    pub fn new(inner: Body, timeout: Duration) -> Self {
        Self {
            inner,
            timeout,
            deadline: Box::pin(tokio::time::sleep(timeout)),
        }
    }
}

impl HttpBody for Deadlined {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        if self.inner.is_end_stream() {
            return Poll::Ready(None);
        }
        if self.deadline.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Some(Err(axum::Error::new(BodyDeadline(self.timeout)))));
        }
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use http_body_util::BodyExt;

    use super::*;

    #[tokio::test(start_paused = true)]
    async fn the_idle_clock_runs_only_with_nothing_in_flight() {
        let activity = Activity::new();
        let timeout = Duration::from_secs(10);
        let first = activity.idle_deadline(timeout).unwrap();
        let request = activity.begin();
        assert_eq!(activity.idle_deadline(timeout), None);
        tokio::time::advance(Duration::from_secs(30)).await;
        drop(request);
        let after = activity.idle_deadline(timeout).unwrap();
        assert!(
            after >= first + Duration::from_secs(30),
            "idle from the response's end"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_body_trickling_past_its_deadline_fails() {
        let (sender, receiver) = tokio::sync::mpsc::channel::<Bytes>(1);
        let chunks = futures_util::stream::unfold(receiver, |mut receiver| async move {
            let chunk = receiver.recv().await?;
            Some((Ok::<_, std::io::Error>(chunk), receiver))
        });
        let body = Body::from_stream(chunks);
        let reading = tokio::spawn(Deadlined::new(body, Duration::from_secs(1)).collect());
        for _ in 0..5 {
            // A byte every 300 ms: each frame well within the timeout.
            tokio::time::sleep(Duration::from_millis(300)).await;
            if sender.send(Bytes::from_static(b"x")).await.is_err() {
                break;
            }
        }
        let error = reading.await.unwrap().unwrap_err();
        assert!(
            std::error::Error::source(&error).is_some_and(|e| e.is::<BodyDeadline>()),
            "{error}"
        );
    }
}
