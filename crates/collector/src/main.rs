//! The `candor-collector` binary: parse the configuration, start serving, stop
//! cleanly on Ctrl-C or SIGTERM.

use candor_collector::{Application, Config};
use clap::Parser;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    let config = Config::parse();
    let app = Application::build(&config).await?;
    let url = format!("http://{}", app.local_addr());
    tracing::info!(%url, database = %config.database_url, "candor collector listening");
    if let Some(token) = &app.new_admin_token {
        println!("Admin token (shown once; keep it safe, only its hash is stored): {token}");
    }
    println!("Candor collector: {url}/  (snapshot: {url}/v1/surveys/checkout/snapshot)");
    if config.static_dir.is_some() {
        println!("Dashboard: {url}/dashboard/  (sign in with the admin token)");
    }
    app.run_until(shutdown_signal()).await?;
    tracing::info!("stopped");
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
