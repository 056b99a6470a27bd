//! The `candor-collector` binary: parse the configuration, then serve (the
//! default) until Ctrl-C or SIGTERM, or look after the database (migrate,
//! back up, check) or rotate the admin token. Nothing it logs or prints
//! holds the database password or the admin token.

use std::process::ExitCode;

use std::path::Path;

use anyhow::bail;
use candor_collector::site::Site;
use candor_collector::{
    AdminToken, Application, Command, Config, Store, check, maintenance, redacted, secrets_of,
};
use clap::Parser;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    let config = Config::parse();
    let outcome = match config.command.clone().unwrap_or(Command::Serve) {
        Command::Serve => serve(&config).await,
        Command::Migrate => migrate(&config).await,
        Command::Backup { to } => backup(&config, &to).await,
        Command::Check => check(&config).await,
        Command::RotateToken => rotate_token(&config).await,
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", without_secrets(format!("{error:#}"), &config));
            ExitCode::FAILURE
        }
    }
}

/// `text` with the database password (wherever the URL holds one) as `***`:
/// drivers and parsers may quote the URL, whatever they say.
fn without_secrets(mut text: String, config: &Config) -> String {
    for secret in secrets_of(&config.database_url) {
        text = text.replace(&secret, "***");
    }
    text
}

async fn serve(config: &Config) -> anyhow::Result<()> {
    let app = Application::build(config).await?;
    let url = format!("http://{}", app.local_addr());
    tracing::info!(%url, database = %redacted(&config.database_url), "candor collector listening");
    if let Some(file) = &app.admin_token_file {
        println!(
            "Admin token generated and written to {} (readable only by you; only its hash is stored)",
            file.display()
        );
    }
    println!("Candor collector: {url}/  (snapshot: {url}/v1/surveys/checkout/snapshot)");
    let site = Site::of(config);
    if site != Site::Absent {
        println!(
            "Dashboard: {url}/dashboard/  (sign in with the admin token; site: {})",
            site.describe()
        );
    }
    if config.demo {
        println!("Demo checkout page: {url}/");
    }
    app.run_until(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

async fn migrate(config: &Config) -> anyhow::Result<()> {
    let migrated = maintenance::migrate(&config.database_url).await?;
    println!(
        "Migrations: {} applied now, {} in all ({}).",
        migrated.now,
        migrated.total,
        redacted(&config.database_url)
    );
    Ok(())
}

async fn backup(config: &Config, to: &Path) -> anyhow::Result<()> {
    let backup = maintenance::backup(&config.database_url, to).await?;
    println!(
        "Backup written to {} ({} KiB): every response stored when it began.",
        backup.path.display(),
        backup.bytes.div_ceil(1024)
    );
    Ok(())
}

async fn check(config: &Config) -> anyhow::Result<()> {
    let report = check::check(config).await;
    print!("{}", without_secrets(report.to_string(), config));
    match report.failures() {
        0 => Ok(()),
        1 => bail!("1 check failed"),
        n => bail!("{n} checks failed"),
    }
}

async fn rotate_token(config: &Config) -> anyhow::Result<()> {
    let store = Store::open(&config.database_url).await?;
    AdminToken::rotate(&store, config.admin_token.as_deref(), &config.admin_token_file).await?;
    println!(
        "A new admin token is in {}; the old one is refused from now on.",
        config.admin_token_file.display()
    );
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
