//! `vigie`: turns news articles about armed conflict into ACLED-style
//! event records. This binary parses flags and calls the library crates;
//! see `ARCHITECTURE.md`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod batch;
mod commands;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Conflict-event monitor: articles in, ACLED-style events out.
#[derive(Debug, Parser)]
#[command(name = "vigie", version, about, long_about = None)]
struct Cli {
    /// A directory of data files extending or replacing the built-in ones
    /// (same layout as the repository's data/; also $VIGIE_DATA).
    #[arg(long, global = true, env = "VIGIE_DATA")]
    data: Option<std::path::PathBuf>,
    /// Also print notes (skipped files, duplicates).
    #[arg(short, long, global = true)]
    verbose: bool,
    /// Print nothing but errors.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// A compiled gazetteer (from `vigie gazetteer import`) searched with
    /// the built-in one; may be repeated.
    #[arg(long, global = true)]
    gazetteer: Vec<std::path::PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short, long, global = true)]
    jobs: Option<usize>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract events: one gold-format JSON file per article.
    Extract(commands::extract::Args),
    /// Extract and score against gold files.
    Eval(commands::eval::Args),
    /// Extract events and store them, with cross-article merging, in a
    /// database (SQLite file or PostgreSQL URL); incremental.
    Ingest(commands::ingest::Args),
    /// Write a database's merged events as ACLED CSV, GeoJSON, JSONL or Parquet.
    Export(commands::export::Args),
    /// Serve the web page (map, timeline, evidence) and the JSON API over a database.
    Serve(commands::serve::Args),
    /// Watch folders and news feeds: new articles are extracted and
    /// stored as they come; alerts for the events that change.
    Watch(commands::watch::Args),
    /// Print everything found before event building, one JSON line per article.
    Annotate(commands::annotate::Args),
    /// Run on the built-in sample articles and serve them on a local web page.
    Demo(commands::demo::Args),
    /// Measure extraction throughput on a corpus.
    Bench(commands::bench::Args),
    /// Measure HTML main-text extraction on a benchmark folder.
    BenchHtml(commands::bench_html::Args),
    /// How much of each gold event the annotators find.
    Coverage(commands::coverage::Args),
    /// Ranked gazetteer candidates for a place name, as JSON lines.
    Geocode(commands::geocode::Args),
    /// Build or measure gazetteers.
    #[command(subcommand)]
    Gazetteer(commands::gazetteer::Command),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_env("VIGIE_LOG").unwrap_or_else(|_| {
        tracing_subscriber::EnvFilter::new("warn,trafilatura=error,html5ever=error,selectors=error")
    });
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    if let Some(j) = cli.jobs {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(j.max(1))
            .build_global()
        {
            eprintln!("vigie: cannot set up {j} worker threads: {e}");
        }
    }
    let ctx = batch::Context::new(
        cli.data.clone(),
        cli.gazetteer.clone(),
        cli.verbose,
        cli.quiet,
    );
    let result = match cli.command {
        Command::Extract(a) => commands::extract::run(&ctx, a),
        Command::Eval(a) => commands::eval::run(&ctx, a),
        Command::Ingest(a) => commands::ingest::run(&ctx, a),
        Command::Export(a) => commands::export::run(&ctx, a),
        Command::Serve(a) => commands::serve::run(a),
        Command::Watch(a) => commands::watch::run(&ctx, a),
        Command::Annotate(a) => commands::annotate::run(&ctx, a),
        Command::Demo(a) => commands::demo::run(&ctx, a),
        Command::Bench(a) => commands::bench::run(&ctx, a),
        Command::BenchHtml(a) => commands::bench_html::run(&ctx, a),
        Command::Coverage(a) => commands::coverage::run(&ctx, a),
        Command::Geocode(a) => commands::geocode::run(&ctx, a),
        Command::Gazetteer(c) => commands::gazetteer::run(&ctx, c),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("vigie: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
