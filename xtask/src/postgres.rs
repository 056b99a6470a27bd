//! A throwaway PostgreSQL server for the integration tests: a fresh cluster
//! in a temporary directory on a free loopback port, stopped on drop.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::process::{cmd, output, run};

/// A running server; stopped when dropped.
pub struct Postgres {
    dir: PathBuf,
    bin: PathBuf,
    /// `postgres://postgres@127.0.0.1:PORT/postgres`.
    pub url: String,
}

impl Postgres {
    /// Installs Debian's PostgreSQL if needed and starts a fresh cluster.
    pub fn start() -> anyhow::Result<Self> {
        let bin = match find_bin() {
            Some(bin) => bin,
            None => {
                crate::toolchain::apt_install(&["postgresql"])?;
                find_bin().context("PostgreSQL installed but initdb not found")?
            }
        };
        let dir = std::env::temp_dir().join(format!("candor-pg-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        let root = is_root();
        if root {
            // PostgreSQL refuses to run as root: the cluster belongs to postgres.
            run(&mut cmd("chown", &["postgres", &dir.to_string_lossy()]))?;
        }
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let data = dir.join("data");
        as_postgres(
            root,
            bin.join("initdb"),
            &[
                "-D",
                &data.to_string_lossy(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
                "-E",
                "UTF8",
            ],
        )?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
            dir.display()
        );
        as_postgres(
            root,
            bin.join("pg_ctl"),
            &[
                "-D",
                &data.to_string_lossy(),
                "-o",
                &options,
                "-l",
                &dir.join("log").to_string_lossy(),
                "-w",
                "-s",
                "start",
            ],
        )?;
        Ok(Self {
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
            dir,
            bin,
        })
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = as_postgres(
            is_root(),
            self.bin.join("pg_ctl"),
            &["-D", &data.to_string_lossy(), "-m", "fast", "-w", "-s", "stop"],
        );
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The newest installed PostgreSQL's bin directory.
fn find_bin() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop()
}

fn is_root() -> bool {
    output(&mut cmd("id", &["-u"])).is_some_and(|uid| uid.trim() == "0")
}

fn as_postgres(root: bool, program: impl AsRef<Path>, args: &[&str]) -> anyhow::Result<()> {
    let program = program.as_ref().to_string_lossy().into_owned();
    let mut command = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--", &program]);
        c
    } else {
        Command::new(&program)
    };
    command.args(args).current_dir("/");
    let status = command.status().with_context(|| format!("starting {program}"))?;
    if !status.success() {
        bail!("{program} failed ({status})");
    }
    Ok(())
}
