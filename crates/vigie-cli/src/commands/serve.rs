//! `vigie serve [--db PATH] [--addr HOST:PORT]`: the web page and the
//! JSON API over a database made by `vigie ingest`.

use anyhow::{Context as _, Result};
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// SQLite file or `postgres://` URL.
    #[arg(long, env = "VIGIE_DB", default_value = "vigie.db")]
    db: String,
    /// Address to listen on (port 0: a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Database connections shared by the requests.
    #[arg(long, default_value_t = 4)]
    connections: usize,
}

/// Serves `db` on `addr` until Ctrl-C; `ready` gets the page's URL.
pub fn serve_db(db: &str, addr: &str, ready: impl FnOnce(&str)) -> Result<()> {
    serve_with(db, addr, 4, ready)
}

fn serve_with(db: &str, addr: &str, connections: usize, ready: impl FnOnce(&str)) -> Result<()> {
    let is_url = db.starts_with("postgres://") || db.starts_with("postgresql://");
    if !is_url && !std::path::Path::new(db).exists() {
        anyhow::bail!("no database at {db}: make one with `vigie ingest INPUT... --db {db}`");
    }
    let pool = vigie_server::Pool::new(connections, || vigie_store::open(db))
        .with_context(|| format!("cannot open {db}"))?;
    vigie_server::serve(pool, addr, |bound| {
        ready(&format!("http://{bound}/"));
        let _ = std::io::stdout().flush();
    })?;
    Ok(())
}

pub fn run(args: Args) -> Result<ExitCode> {
    serve_with(&args.db, &args.addr, args.connections, |url| {
        println!("vigie: serving {} on {url} (Ctrl-C to stop)", args.db);
    })?;
    Ok(ExitCode::SUCCESS)
}
