//! `candor-collector check`: whether this configuration would serve, said
//! one line per concern, before a start or after an upgrade. Nothing is
//! changed: a SQLite file that is not there is not created.

use std::fmt;

use crate::maintenance::{self, Create, MaintenanceError};
use crate::site::Site;
use crate::{Config, admin_token, redacted};

/// How one concern stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Fine.
    Ok,
    /// Worth knowing; the server still starts.
    Warn,
    /// The server would not start, or would not work.
    Fail,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How it stands.
    pub verdict: Verdict,
    /// What was checked.
    pub topic: &'static str,
    /// What was found.
    pub detail: String,
}

/// Every finding, in the order checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The findings.
    pub findings: Vec<Finding>,
}

impl Report {
    fn add(&mut self, verdict: Verdict, topic: &'static str, detail: impl Into<String>) {
        self.findings.push(Finding {
            verdict,
            topic,
            detail: detail.into(),
        });
    }

    /// How many findings would stop the server.
    pub fn failures(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.verdict == Verdict::Fail)
            .count()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.findings {
            let verdict = match finding.verdict {
                Verdict::Ok => "ok",
                Verdict::Warn => "warn",
                Verdict::Fail => "FAIL",
            };
            writeln!(f, "{verdict:<5} {}: {}", finding.topic, finding.detail)?;
        }
        Ok(())
    }
}

/// Checks the configuration, the database, its migrations and the site.
pub async fn check(config: &Config) -> Report {
    let mut report = Report::default();
    configuration(config, &mut report);
    database(config, &mut report).await;
    site(config, &mut report);
    report
}

fn configuration(config: &Config, report: &mut Report) {
    let mut problems = Vec::new();
    if let Some(Err(error)) = config
        .admin_token
        .as_deref()
        .filter(|t| !t.is_empty())
        .map(admin_token::check_length)
    {
        problems.push(error.to_string());
    }
    for origin in &config.allowed_origins {
        if origin != "*" && !is_origin(origin) {
            problems.push(format!(
                "allowed origin {origin:?} is not an origin (scheme://host[:port], no path)"
            ));
        }
    }
    if problems.is_empty() {
        report.add(
            Verdict::Ok,
            "configuration",
            format!(
                "listening on {}, database {}",
                config.bind,
                redacted(&config.database_url)
            ),
        );
    } else {
        report.add(Verdict::Fail, "configuration", problems.join("; "));
    }
    let token = match config.admin_token.as_deref().filter(|t| !t.is_empty()) {
        Some(_) => "set by CANDOR_ADMIN_TOKEN".to_owned(),
        None => format!(
            "the one in force in the database, or one generated at first start into {}",
            config.admin_token_file.display()
        ),
    };
    report.add(Verdict::Ok, "admin token", token);
}

/// `https://shop.example` or `http://localhost:3000`: what a browser sends
/// as `Origin`.
fn is_origin(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && !rest.contains(['/', '?', '#', '@', ' '])
        && axum::http::HeaderValue::from_str(text).is_ok()
}

async fn database(config: &Config, report: &mut Report) {
    let mut connection = match maintenance::connect(&config.database_url, Create::Never).await {
        Ok(connection) => connection,
        Err(MaintenanceError::Missing(file)) => {
            report.add(
                Verdict::Warn,
                "database",
                format!(
                    "no database at {} yet; the server creates it at first start",
                    file.display()
                ),
            );
            return;
        }
        Err(error) => {
            report.add(Verdict::Fail, "database", error.to_string());
            return;
        }
    };
    match connection.server_version().await {
        Ok(version) => report.add(Verdict::Ok, "database", format!("reachable ({version})")),
        Err(error) => {
            report.add(Verdict::Fail, "database", error.to_string());
            return;
        }
    }
    match maintenance::schema_status(&mut connection).await {
        Ok(status) if status.is_current() => report.add(Verdict::Ok, "migrations", status.to_string()),
        // The server applies them when it starts.
        Ok(status) if status.unknown.is_empty() && status.changed.is_empty() && status.failed.is_empty() => {
            report.add(Verdict::Warn, "migrations", status.to_string());
        }
        Ok(status) => report.add(Verdict::Fail, "migrations", status.to_string()),
        Err(error) => report.add(Verdict::Fail, "migrations", error.to_string()),
    }
}

fn site(config: &Config, report: &mut Report) {
    let site = Site::of(config);
    let missing = site.missing();
    match site {
        Site::Absent if config.demo => report.add(
            Verdict::Fail,
            "site",
            format!("--demo asks for a site, and there is {}", site.describe()),
        ),
        Site::Absent => report.add(
            Verdict::Warn,
            "site",
            format!("{}: the API alone is served", site.describe()),
        ),
        _ if missing.is_empty() => report.add(
            Verdict::Ok,
            "site",
            format!(
                "{} (the widget, the snapshot module and the dashboard)",
                site.describe()
            ),
        ),
        _ => report.add(
            Verdict::Fail,
            "site",
            format!("{} lacks {}", site.describe(), missing.join(", ")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_what_browsers_send() {
        for good in ["https://shop.example", "http://localhost:3000"] {
            assert!(is_origin(good), "{good}");
        }
        for bad in [
            "shop.example",
            "https://shop.example/",
            "ftp://x",
            "https://",
            "https://a b",
        ] {
            assert!(!is_origin(bad), "{bad}");
        }
    }

    #[test]
    fn the_report_reads_one_line_each() {
        let mut report = Report::default();
        report.add(Verdict::Ok, "database", "reachable (SQLite 3.46.0)");
        report.add(Verdict::Fail, "site", "lacks candor.js");
        assert_eq!(
            report.to_string(),
            "ok    database: reachable (SQLite 3.46.0)\nFAIL  site: lacks candor.js\n"
        );
        assert_eq!(report.failures(), 1);
    }
}
