//! `vigie watch [DIR...] [--feed URL]... [--feeds FILE] [--db PATH|URL]`:
//! the live monitor. Files landing in the folders and new items of the
//! feeds are extracted and stored as they come; `--notify URL` posts the
//! merged events that change.

use crate::batch::Context;
use anyhow::{Context as _, Result};
use rayon::prelude::*;
use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};
use vigie_core::Article;
use vigie_store::ArticleRecord;
use vigie_watch::{Alert, FetchConfig, Watch, WatchConfig};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folders to watch (files of any input format vigie reads; names
    /// ending in .part, .tmp or .crdownload wait until renamed).
    dirs: Vec<PathBuf>,
    /// SQLite file (created if missing) or `postgres://user@host/db` URL.
    #[arg(long, env = "VIGIE_DB", default_value = "vigie.db")]
    db: String,
    /// An RSS, Atom or JSON Feed URL to poll; may be repeated.
    #[arg(long = "feed", value_name = "URL")]
    feeds: Vec<String>,
    /// A file of feed URLs, one per line (`#` starts a comment).
    #[arg(long = "feeds", value_name = "FILE")]
    feeds_file: Option<PathBuf>,
    /// Seconds between two polls of a feed (failures back off from it).
    #[arg(long, default_value_t = 300)]
    interval: u64,
    /// Seconds between two scans of the folders when no file-system
    /// notification comes.
    #[arg(long, default_value_t = 2.0)]
    scan: f64,
    /// Seconds a file must stay unchanged before it is read.
    #[arg(long, default_value_t = 1.0)]
    settle: f64,
    /// Seconds a request may take in all.
    #[arg(long, default_value_t = 20)]
    timeout: u64,
    /// Largest answer read, in bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    max_bytes: u64,
    /// Seconds between two requests to one host.
    #[arg(long, default_value_t = 1.0)]
    host_delay: f64,
    /// POST each new or updated merged event matching --notify-filter to
    /// this URL, as JSON; may be repeated.
    #[arg(long = "notify", value_name = "URL")]
    notify: Vec<String>,
    /// The events to notify, as the API's filters
    /// (`country=ML&event_type=Battles`); default: all.
    #[arg(long, default_value = "")]
    notify_filter: String,
    /// One pass (waiting for files still being written), then exit.
    #[arg(long)]
    once: bool,
    /// Articles per transaction.
    #[arg(long, default_value_t = 256)]
    batch: usize,
}

fn seconds(s: f64, what: &str) -> Result<Duration> {
    if !(0.0..=86_400.0 * 30.0).contains(&s) {
        anyhow::bail!("--{what} {s}: expected seconds between 0 and 30 days");
    }
    Ok(Duration::from_secs_f64(s))
}

/// The feed URLs of a `--feeds` file.
fn read_feeds_file(path: &std::path::Path) -> Result<Vec<String>> {
    let reader = vigie_ingest::open_reader(path).map_err(|d| anyhow::anyhow!("{d}"))?;
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("{}: line {}", path.display(), i + 1))?;
        let url = line.split('#').next().unwrap_or("").trim();
        if !url.is_empty() {
            out.push(url.to_string());
        }
    }
    Ok(out)
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let mut feeds = args.feeds.clone();
    if let Some(f) = &args.feeds_file {
        feeds.extend(read_feeds_file(f)?);
    }
    feeds.dedup();
    if args.dirs.is_empty() && feeds.is_empty() {
        anyhow::bail!("nothing to watch: give folders, --feed URL or --feeds FILE");
    }
    if args.interval == 0 {
        anyhow::bail!("--interval must be at least 1 second");
    }
    let mut alerts = Vec::new();
    if !args.notify.is_empty() {
        let query = vigie_server::filter_query(&args.notify_filter)
            .map_err(|e| anyhow::anyhow!("--notify-filter: {e}"))?;
        for url in &args.notify {
            alerts.push(Alert {
                url: url.clone(),
                filter: args.notify_filter.clone(),
                query: query.clone(),
            });
        }
    }
    let config = WatchConfig {
        folders: args.dirs.clone(),
        feeds: feeds.clone(),
        interval: Duration::from_secs(args.interval),
        scan: seconds(args.scan, "scan")?.max(Duration::from_millis(100)),
        settle: seconds(args.settle, "settle")?,
        batch: args.batch.max(1),
        fetch: FetchConfig {
            timeout: Duration::from_secs(args.timeout.max(1)),
            max_bytes: args.max_bytes.max(1024),
            host_delay: seconds(args.host_delay, "host-delay")?,
            ..FetchConfig::default()
        },
        alerts,
        ..WatchConfig::default()
    };
    let mut watch = Watch::new(config)?;
    let mut store =
        vigie_store::open(&args.db).with_context(|| format!("cannot open {}", args.db))?;
    let pipeline = ctx.pipeline()?;
    if !ctx.quiet {
        eprintln!(
            "vigie watch: {} folder{}{}, {} feed{} every {} s, into {}{}",
            args.dirs.len(),
            if args.dirs.len() == 1 { "" } else { "s" },
            if args.dirs.is_empty() {
                ""
            } else if watch.has_notifications() {
                " (file-system notifications)"
            } else {
                " (polled)"
            },
            feeds.len(),
            if feeds.len() == 1 { "" } else { "s" },
            args.interval,
            store.describe(),
            if args.once {
                "; one pass"
            } else {
                "; Ctrl-C to stop"
            }
        );
    }
    let mut process = |articles: Vec<Article>| -> Vec<ArticleRecord> {
        let done: Vec<_> = articles
            .into_par_iter()
            .map(|a| pipeline.process(a))
            .collect();
        done.iter()
            .map(|p| crate::commands::ingest::record_of(p, pipeline.lexicon()))
            .collect()
    };
    let mut rounds = 0usize;
    loop {
        let started = Instant::now();
        let cycle = watch.cycle(store.as_mut(), &mut process)?;
        let mut tally = crate::batch::Tally::default();
        for d in &cycle.diagnostics {
            ctx.report(d, &mut tally, None);
        }
        if !ctx.quiet {
            for line in &cycle.lines {
                eprintln!("vigie watch: {line}");
            }
            let s = cycle.stats;
            if s.new + s.changed > 0 {
                let counts = store.counts()?;
                eprintln!(
                    "vigie watch: stored {} new and {} changed articles ({} event reports) in {:.1} s; {} events in all",
                    s.new,
                    s.changed,
                    s.mentions,
                    started.elapsed().as_secs_f64(),
                    counts.events
                );
            }
        }
        rounds += 1;
        if args.once && (cycle.pending == 0 || rounds > 60) {
            if cycle.pending > 0 && !ctx.quiet {
                eprintln!(
                    "vigie watch: {} files still being written; left for the next run",
                    cycle.pending
                );
            }
            break;
        }
        if args.once {
            std::thread::sleep(seconds(args.settle, "settle")?.max(Duration::from_millis(100)));
            continue;
        }
        watch.wait(
            store.as_mut(),
            cycle.pending,
            Duration::from_secs(args.interval),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
