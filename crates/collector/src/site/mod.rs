//! The site the collector serves beside its API: the loader, the widget's
//! and the snapshot's modules, the dashboard and (with `--demo`) the demo
//! checkout page, each with its precompressed `.br` and `.gz`. It comes
//! from a directory (`--static-dir`: development, a custom demo) or else
//! from the files built into the binary (the `embedded-site` feature, which
//! `cargo xtask dist` turns on); without either the collector serves only
//! its API. Both are served alike, under the same cache and CORS policies.

#[cfg(feature = "embedded-site")]
mod embedded;
mod files;

use std::path::PathBuf;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower::Layer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

pub use files::{File, Files};

use crate::Config;

/// What the widget and the dashboard cannot work without.
pub const REQUIRED: [&str; 8] = [
    "candor.js",
    "candor_wasm.js",
    "candor_wasm_bg.wasm",
    "candor_snapshot.js",
    "candor_snapshot_bg.wasm",
    "dashboard/index.html",
    "dashboard/candor_dashboard.js",
    "dashboard/candor_dashboard_bg.wasm",
];

/// The demo checkout page's files, at the site's root: served only with
/// `--demo`, so a production collector shows no fake shop.
const DEMO: [&str; 3] = ["index.html", "demo.css", "demo.js"];

/// Where the site comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Site {
    /// A directory on disk.
    Directory(PathBuf),
    /// The files built into this binary.
    Embedded,
    /// None: the API alone.
    Absent,
}

impl Site {
    /// The site `config` asks for: its directory, else the built-in one.
    pub fn of(config: &Config) -> Self {
        match &config.static_dir {
            Some(dir) => Self::Directory(dir.clone()),
            None if cfg!(feature = "embedded-site") => Self::Embedded,
            None => Self::Absent,
        }
    }

    /// Which of [`REQUIRED`] it lacks.
    pub fn missing(&self) -> Vec<&'static str> {
        REQUIRED
            .into_iter()
            .filter(|file| match self {
                Self::Directory(dir) => !dir.join(file).is_file(),
                Self::Embedded => built_in().and_then(|files| files.get(file)).is_none(),
                Self::Absent => true,
            })
            .collect()
    }

    /// Where it comes from, for people.
    pub fn describe(&self) -> String {
        match self {
            Self::Directory(dir) => format!("the directory {}", dir.display()),
            Self::Embedded => "built into this binary".into(),
            Self::Absent => "none (this binary was built without one, and --static-dir is not set)".into(),
        }
    }

    /// The router serving it under `config`'s CORS and demo settings, as the
    /// API's fallback; `None` when there is no site.
    pub fn router(&self, config: &Config) -> Option<Router> {
        let files = match self {
            // Precompressed .br/.gz files beside the originals are sent to
            // browsers that accept them (`cargo xtask dist` writes them).
            Self::Directory(dir) => Router::new().fallback_service(
                ServeDir::new(dir)
                    .precompressed_br()
                    .precompressed_gzip()
                    .fallback(get(crate::routes::not_found)),
            ),
            Self::Embedded => {
                let files = built_in()?;
                Router::new().fallback(move |request: Request| async move {
                    files::serve(files, &request)
                        .unwrap_or_else(|| crate::routes::no_such_route().into_response())
                })
            }
            Self::Absent => return None,
        };
        // Vary tells shared caches the body depends on Accept-Encoding;
        // `static_cache` how long browsers keep each file. CORS as for the
        // API: a shop embeds the loader from here, and the loader imports
        // the glue module and fetches the wasm from here, both of which a
        // browser allows another origin only with CORS.
        let layers = (
            crate::routes::cors(&config.allowed_origins),
            SetResponseHeaderLayer::if_not_present(header::VARY, HeaderValue::from_static("accept-encoding")),
            axum::middleware::from_fn(crate::routes::static_cache::policy),
            axum::middleware::from_fn_with_state(Demo(config.demo), demo_only_if_asked),
        );
        Some(Router::new().fallback_service(layers.layer(files)))
    }
}

/// Whether the demo page is served.
#[derive(Debug, Clone, Copy)]
struct Demo(bool);

/// Without `--demo`, the demo's files are not there, and `/` leads to the
/// dashboard instead.
async fn demo_only_if_asked(State(Demo(demo)): State<Demo>, request: Request, next: Next) -> Response {
    if demo {
        return next.run(request).await;
    }
    let path = request.uri().path().trim_start_matches('/');
    if path.is_empty() {
        return (
            StatusCode::TEMPORARY_REDIRECT,
            [(header::LOCATION, "/dashboard/")],
        )
            .into_response();
    }
    let is_demo = DEMO
        .iter()
        .any(|file| path == *file || path.strip_prefix(file).is_some_and(|rest| rest.starts_with('.')));
    if is_demo {
        return crate::routes::no_such_route().into_response();
    }
    next.run(request).await
}

/// The files built into this binary, if it has them.
fn built_in() -> Option<&'static dyn Files> {
    #[cfg(feature = "embedded-site")]
    return Some(&embedded::BuiltIn);
    #[cfg(not(feature = "embedded-site"))]
    None
}
