//! Serving files held in memory (the site built into the binary) as
//! `ServeDir` serves a directory: the content type from the name, a
//! precompressed `.br` or `.gz` beside a file sent to a browser that
//! accepts it, `index.html` for a directory, a redirect adding the slash a
//! directory's name lacks, and 304 to a browser whose copy is current (by
//! ETag or by date). Ranges are not offered: every file is small.

use std::borrow::Cow;
use std::time::{Duration, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// One file.
#[derive(Debug, Clone)]
pub struct File {
    /// Its contents.
    pub bytes: Cow<'static, [u8]>,
    /// The SHA-256 of its contents.
    pub sha256: [u8; 32],
    /// When it was last changed, in seconds since 1970.
    pub modified: Option<u64>,
}

/// A set of files by path (`dashboard/index.html`, no leading slash).
pub trait Files: Send + Sync + 'static {
    /// The file at `path`.
    fn get(&self, path: &str) -> Option<File>;
}

/// The precompressed variants, best first when a browser likes both alike.
const ENCODINGS: [(&str, &str); 2] = [("br", ".br"), ("gzip", ".gz")];

/// Answers `request` from `files`; `None` when no file is there.
pub fn serve(files: &dyn Files, request: &Request) -> Option<Response> {
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        return Some((StatusCode::METHOD_NOT_ALLOWED, [(header::ALLOW, "GET,HEAD")]).into_response());
    }
    let path = decoded(request.uri().path())?;
    let name = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.clone()
    };
    let Some(original) = files.get(&name) else {
        files.get(&format!("{path}/index.html"))?;
        let query = request.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
        let location = format!("/{path}/{query}");
        return Some((StatusCode::TEMPORARY_REDIRECT, [(header::LOCATION, location)]).into_response());
    };
    let (file, encoding) = match preferred_encoding(request.headers())
        .and_then(|(encoding, suffix)| Some((files.get(&format!("{name}{suffix}"))?, encoding)))
    {
        Some((compressed, encoding)) => (compressed, Some(encoding)),
        None => (original, None),
    };
    let etag = etag_of(&file.sha256);
    let modified = file
        .modified
        .map(|seconds| httpdate::fmt_http_date(UNIX_EPOCH + Duration::from_secs(seconds)));
    let mut response = if is_fresh(request.headers(), &etag, file.modified) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let length = file.bytes.len();
        let body = if method == Method::HEAD {
            Body::empty()
        } else {
            Body::from(match file.bytes {
                Cow::Borrowed(bytes) => Bytes::from_static(bytes),
                Cow::Owned(bytes) => Bytes::from(bytes),
            })
        };
        let mut response = Response::new(body);
        let headers = response.headers_mut();
        let mime = mime_guess::from_path(&name)
            .first_raw()
            .unwrap_or("application/octet-stream");
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
        if let Some(encoding) = encoding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        response
    };
    let headers = response.headers_mut();
    headers.insert(header::ETAG, etag);
    if let Some(modified) = modified.and_then(|m| HeaderValue::from_str(&m).ok()) {
        headers.insert(header::LAST_MODIFIED, modified);
    }
    Some(response)
}

/// The path without its leading slash, percent-decoded; `None` for one
/// that could reach outside the site.
fn decoded(path: &str) -> Option<String> {
    let path = percent_encoding::percent_decode_str(path).decode_utf8().ok()?;
    let path = path.strip_prefix('/').unwrap_or(&path);
    let escapes = path
        .split('/')
        .any(|segment| segment == ".." || segment == "." || segment.contains(['\\', '\0']));
    (!escapes).then(|| path.to_owned())
}

/// The encoding the request likes best of those the site has (ties go to
/// brotli), with its file suffix.
fn preferred_encoding(headers: &HeaderMap) -> Option<(&'static str, &'static str)> {
    let accepted: Vec<(String, u16)> = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|item| {
            let mut parts = item.split(';');
            let name = parts.next()?.trim().to_ascii_lowercase();
            let quality = match parts.next().map(str::trim) {
                None => 1000,
                Some(q) => quality(q.strip_prefix("q=")?)?,
            };
            Some((name, quality))
        })
        .collect();
    let quality_of = |name: &str| {
        accepted
            .iter()
            .filter(|(accepted, _)| accepted == name)
            .map(|(_, quality)| *quality)
            .max()
    };
    ENCODINGS
        .iter()
        .rev()
        .filter_map(|&(name, suffix)| Some(((name, suffix), quality_of(name)?)))
        .filter(|(_, quality)| *quality > 0)
        // `max_by_key` keeps the last of equals: brotli, walked last.
        .max_by_key(|(_, quality)| *quality)
        .map(|(encoding, _)| encoding)
}

/// A q-value in thousandths (`0.5` is 500).
fn quality(text: &str) -> Option<u16> {
    let value: f32 = text.parse().ok()?;
    (0.0..=1.0)
        .contains(&value)
        // In range, so the cast neither truncates nor wraps.
        .then(|| (value * 1000.0).round() as u16)
}

/// A strong validator: the contents' hash, so it changes with any byte and
/// differs between a file and its compressed forms.
fn etag_of(sha256: &[u8; 32]) -> HeaderValue {
    let hex: String = sha256[..16].iter().map(|byte| format!("{byte:02x}")).collect();
    HeaderValue::from_str(&format!("\"{hex}\"")).expect("hex digits are a valid header")
}

/// Whether the browser's copy is current: its ETag matches, or (with no
/// `If-None-Match`) the file has not changed since `If-Modified-Since`.
fn is_fresh(headers: &HeaderMap, etag: &HeaderValue, modified: Option<u64>) -> bool {
    if headers.contains_key(header::IF_NONE_MATCH) {
        return crate::routes::cache::if_none_match(headers, etag.to_str().unwrap_or_default());
    }
    let since = headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok())
        .and_then(|since| since.duration_since(UNIX_EPOCH).ok());
    matches!((since, modified), (Some(since), Some(modified)) if modified <= since.as_secs())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    struct InMemory(HashMap<&'static str, &'static [u8]>);

    impl Files for InMemory {
        fn get(&self, path: &str) -> Option<File> {
            let bytes = *self.0.get(path)?;
            let mut sha256 = [0; 32];
            sha256[0] = bytes.len() as u8;
            sha256[1] = bytes.first().copied().unwrap_or(0);
            Some(File {
                bytes: Cow::Borrowed(bytes),
                sha256,
                modified: Some(1_700_000_000),
            })
        }
    }

    fn site() -> InMemory {
        InMemory(HashMap::from([
            ("candor.js", b"plain".as_slice()),
            ("candor.js.br", b"B".as_slice()),
            ("candor.js.gz", b"GZ".as_slice()),
            ("dashboard/index.html", b"<html>".as_slice()),
            ("widget.wasm", b"\0asm".as_slice()),
        ]))
    }

    fn get(path: &str, headers: &[(&str, &str)]) -> Response {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        serve(&site(), &request.body(Body::empty()).unwrap()).expect("served")
    }

    fn header(response: &Response, name: header::HeaderName) -> &str {
        response.headers().get(name).map_or("", |v| v.to_str().unwrap())
    }

    #[test]
    fn the_encoding_is_the_one_the_browser_likes_best() {
        let cases = [
            ("gzip, deflate, br", "br"),
            ("gzip", "gzip"),
            ("br;q=0.5, gzip", "gzip"),
            ("br;q=0, gzip;q=0.1", "gzip"),
            ("identity", ""),
            ("br;q=0, gzip;q=0", ""),
        ];
        for (accept, expected) in cases {
            let response = get("/candor.js", &[("accept-encoding", accept)]);
            assert_eq!(header(&response, header::CONTENT_ENCODING), expected, "{accept}");
        }
        let plain = get("/candor.js", &[]);
        assert_eq!(header(&plain, header::CONTENT_TYPE), "text/javascript");
        assert_eq!(header(&plain, header::CONTENT_LENGTH), "5");
        let wasm = get("/widget.wasm", &[("accept-encoding", "br")]);
        assert_eq!(header(&wasm, header::CONTENT_TYPE), "application/wasm");
        assert_eq!(header(&wasm, header::CONTENT_ENCODING), "", "no .br beside it");
    }

    #[test]
    fn a_current_copy_gets_304_and_a_stale_one_the_file() {
        let first = get("/candor.js", &[]);
        let etag = header(&first, header::ETAG).to_owned();
        let modified = header(&first, header::LAST_MODIFIED).to_owned();
        assert_eq!(modified, "Tue, 14 Nov 2023 22:13:20 GMT");
        let by_tag = get("/candor.js", &[("if-none-match", &etag)]);
        assert_eq!(by_tag.status(), StatusCode::NOT_MODIFIED);
        let by_date = get("/candor.js", &[("if-modified-since", &modified)]);
        assert_eq!(by_date.status(), StatusCode::NOT_MODIFIED);
        let other_tag = get(
            "/candor.js",
            &[("if-none-match", "\"0\""), ("if-modified-since", &modified)],
        );
        assert_eq!(
            other_tag.status(),
            StatusCode::OK,
            "a tag that differs wins over the date"
        );
        let older = get(
            "/candor.js",
            &[("if-modified-since", "Mon, 13 Nov 2023 00:00:00 GMT")],
        );
        assert_eq!(older.status(), StatusCode::OK);
        let compressed = get(
            "/candor.js",
            &[("accept-encoding", "br"), ("if-none-match", &etag)],
        );
        assert_eq!(
            compressed.status(),
            StatusCode::OK,
            "the brotli form has its own tag"
        );
    }

    #[test]
    fn directories_and_paths_outside_the_site() {
        let index = get("/dashboard/", &[]);
        assert_eq!(index.status(), StatusCode::OK);
        assert_eq!(header(&index, header::CONTENT_TYPE), "text/html");
        let bare = get("/dashboard?x=1", &[]);
        assert_eq!(bare.status(), StatusCode::TEMPORARY_REDIRECT);
        assert_eq!(header(&bare, header::LOCATION), "/dashboard/?x=1");
        let request = |path: &str| Request::get(path).body(Body::empty()).unwrap();
        for path in ["/missing.js", "/dashboard/../candor.js", "/%2e%2e/candor.js", "/"] {
            assert!(serve(&site(), &request(path)).is_none(), "{path}");
        }
        let post = Request::post("/candor.js").body(Body::empty()).unwrap();
        assert_eq!(
            serve(&site(), &post).unwrap().status(),
            StatusCode::METHOD_NOT_ALLOWED
        );
        let head = Request::head("/candor.js").body(Body::empty()).unwrap();
        let head = serve(&site(), &head).unwrap();
        assert_eq!(header(&head, header::CONTENT_LENGTH), "5");
    }
}
