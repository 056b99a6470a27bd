//! The `candor-collector` binary: parse the configuration, then serve (the
//! default) until Ctrl-C or SIGTERM, or rotate the admin token. Nothing it
//! logs or prints holds the database password or the admin token.

use std::process::ExitCode;

use candor_collector::{AdminToken, Application, Command, Config, Store, redacted, secrets_of};
use clap::Parser;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    let config = Config::parse();
    let outcome = match config.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(&config).await,
        Command::RotateToken => rotate_token(&config).await,
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // Errors may quote the database URL (a driver's, a parser's):
            // whatever they say, its password is not repeated.
            let mut text = format!("{error:#}");
            for secret in secrets_of(&config.database_url) {
                text = text.replace(&secret, "***");
            }
            eprintln!("error: {text}");
            ExitCode::FAILURE
        }
    }
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
    if config.static_dir.is_some() {
        println!("Dashboard: {url}/dashboard/  (sign in with the admin token)");
    }
    app.run_until(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
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
