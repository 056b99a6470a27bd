//! The accept loop against hostile clients, through a real server: quiet
//! sockets, HTTP/2 prefaces that go nowhere and dribblers are closed within
//! the read timeout; past the caps new connections are shed while
//! established clients keep being served.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{Server, closed_within};

/// The HTTP/2 client preface.
const PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
/// An empty SETTINGS frame (length 0, type 4, no flags, stream 0).
const SETTINGS: &[u8] = &[0, 0, 0, 4, 0, 0, 0, 0, 0];
/// Generous beside the 1 s read timeout, far below "never".
const WITHIN: Duration = Duration::from_secs(6);

async fn healthy(server: &Server) {
    let reply = server
        .request("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await;
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
}

crate::served_on_both_databases! {
    async fn quiet_sockets_and_bare_http2_prefaces_are_closed(server) configured |c| c.read_timeout_secs = 1; {
        let mut quiet = Vec::new();
        for _ in 0..20 {
            quiet.push(server.connect_from([127, 0, 0, 2]).await);
        }
        for n in 0..20 {
            let mut stream = server.connect_from([127, 0, 0, 3]).await;
            stream.write_all(PREFACE).await.unwrap();
            if n % 2 == 0 {
                stream.write_all(SETTINGS).await.unwrap();
            }
            quiet.push(stream);
        }
        healthy(&server).await;
        for (n, stream) in quiet.iter_mut().enumerate() {
            assert!(closed_within(stream, WITHIN).await, "socket {n} was kept open");
        }
        healthy(&server).await;
        server.stop().await;
    }

    async fn a_trickled_request_head_is_cut_off(server) configured |c| c.read_timeout_secs = 1; {
        let mut slow = server.connect_from([127, 0, 0, 2]).await;
        let head = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ";
        let started = tokio::time::Instant::now();
        let mut cut = false;
        for byte in head.iter().chain(std::iter::repeat(&b'a')).take(200) {
            if slow.write_all(&[*byte]).await.is_err() {
                cut = true;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            if started.elapsed() > WITHIN {
                break;
            }
        }
        assert!(cut || closed_within(&mut slow, Duration::from_millis(500)).await, "a dribbled head was kept for {:?}", started.elapsed());
        assert!(started.elapsed() < WITHIN);
        server.stop().await;
    }

    async fn a_trickled_body_is_cut_off_at_its_deadline(server) configured |c| c.read_timeout_secs = 1; {
        let mut slow = server.connect_from([127, 0, 0, 2]).await;
        slow.write_all(
            b"POST /v1/surveys/checkout/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n",
        )
        .await
        .unwrap();
        let started = tokio::time::Instant::now();
        // A byte every 300 ms: 30 s for the body, each byte well within 1 s.
        let mut reply = Vec::new();
        let mut buffer = [0u8; 1024];
        while started.elapsed() < WITHIN {
            if slow.write_all(b" ").await.is_err() {
                break;
            }
            match tokio::time::timeout(Duration::from_millis(300), slow.read(&mut buffer)).await {
                Ok(Ok(0)) | Ok(Err(_)) => break,
                Ok(Ok(n)) => reply.extend_from_slice(&buffer[..n]),
                Err(_) => {}
            }
        }
        let reply = String::from_utf8_lossy(&reply);
        assert!(started.elapsed() < WITHIN, "a dribbled body was kept for {:?}", started.elapsed());
        assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
        assert!(reply.contains("\"code\":\"timeout\""), "{reply}");
        server.stop().await;
    }

    async fn a_trickled_http2_body_is_cut_off_too(server) configured |c| c.read_timeout_secs = 1; {
        let stream = server.connect_from([127, 0, 0, 2]).await;
        let (mut send, connection) = hyper::client::conn::http2::handshake(
            hyper_util::rt::TokioExecutor::new(),
            hyper_util::rt::TokioIo::new(stream),
        )
        .await
        .unwrap();
        tokio::spawn(connection);
        let (sender, receiver) = tokio::sync::mpsc::channel::<Result<hyper::body::Frame<axum::body::Bytes>, std::io::Error>>(1);
        tokio::spawn(async move {
            for _ in 0..100 {
                tokio::time::sleep(Duration::from_millis(300)).await;
                let frame = hyper::body::Frame::data(axum::body::Bytes::from_static(b" "));
                if sender.send(Ok(frame)).await.is_err() {
                    return;
                }
            }
        });
        let body = http_body_util::StreamBody::new(Box::pin(futures_util::stream::unfold(receiver, |mut r| async move {
            r.recv().await.map(|frame| (frame, r))
        })));
        let request = hyper::Request::post(format!("http://{}/v1/surveys/checkout/responses", server.addr))
            .header("content-type", "application/json")
            .body(body)
            .unwrap();
        let started = tokio::time::Instant::now();
        let reply = tokio::time::timeout(WITHIN, send.send_request(request)).await;
        let status = reply.expect("an answer before the dribble ends").map(|r| r.status().as_u16());
        assert!(matches!(status, Ok(408) | Err(_)), "{status:?} after {:?}", started.elapsed());
        server.stop().await;
    }

    async fn past_the_caps_new_connections_are_shed_and_established_clients_served(server)
        configured |c| { c.max_connections = Some(12); c.max_connections_per_client = 5; };
    {
        // A keep-alive client from 127.0.0.1, established first.
        let mut established = server.connect_from([127, 0, 0, 1]).await;
        let ask = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
        established.write_all(ask).await.unwrap();
        let mut buffer = [0u8; 1024];
        let n = established.read(&mut buffer).await.unwrap();
        assert!(buffer[..n].starts_with(b"HTTP/1.1 200"));

        let mut attacker = Vec::new();
        for _ in 0..10 {
            attacker.push(server.connect_from([127, 0, 0, 2]).await);
        }
        let mut shed = 0;
        for stream in &mut attacker {
            if closed_within(stream, Duration::from_millis(300)).await {
                shed += 1;
            }
        }
        assert_eq!(shed, 5, "one client holds at most 5");
        // Others fill the server to its cap of 12 (1 + 5 + 6)…
        let mut others = Vec::new();
        for n in 0..6u8 {
            others.push(server.connect_from([127, 0, 0, 10 + n]).await);
        }
        for stream in &mut others {
            assert!(!closed_within(stream, Duration::from_millis(200)).await, "under the cap");
        }
        // …and the next is shed, from whomever.
        let mut over = server.connect_from([127, 0, 0, 30]).await;
        assert!(closed_within(&mut over, Duration::from_secs(2)).await, "over the cap");
        established.write_all(ask).await.unwrap();
        let n = established.read(&mut buffer).await.unwrap();
        assert!(buffer[..n].starts_with(b"HTTP/1.1 200"), "the established client is still served");
        drop(others);
        drop(attacker);
        tokio::time::sleep(Duration::from_millis(200)).await;
        let metrics = server.request("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await;
        assert!(metrics.contains("candor_connections_shed_total{reason=\"per_client\"} 5"), "{metrics}");
        assert!(metrics.contains("candor_connections_shed_total{reason=\"total\"} 1"), "{metrics}");
        server.stop().await;
    }
}
