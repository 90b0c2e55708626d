//! `vigie demo`: runs the pipeline on the built-in sample articles.

use crate::batch::Context;
use anyhow::{Context as _, Result};
use std::process::ExitCode;
use vigie_core::{ArticleEvents, Severity};
use vigie_pipeline::Pipeline;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Also write the events, one JSON file per article, to this directory.
    #[arg(long)]
    out: Option<std::path::PathBuf>,
    /// Print the summary only; do not start the web page.
    #[arg(long)]
    no_serve: bool,
    /// Address to serve on (port 0: a free port).
    #[arg(long, default_value = "127.0.0.1:0")]
    addr: String,
    /// Keep the demo database in this file (default: a temporary file,
    /// removed when the demo stops).
    #[arg(long)]
    db: Option<std::path::PathBuf>,
}

/// The built-in sample articles (from `data/samples/samples.jsonl`).
pub fn samples(data: &vigie_lexicon::DataSet) -> Result<Vec<vigie_core::Article>> {
    let bytes = data
        .get("samples/samples.jsonl")
        .context("the built-in samples are missing")?;
    let text = std::str::from_utf8(bytes).context("the built-in samples are not UTF-8")?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match vigie_ingest::jsonl::parse_line("samples.jsonl", "sample", i as u64 + 1, line) {
            vigie_ingest::jsonl::LineResult::Article(mut a, diags) => {
                if let Some(d) = diags.iter().find(|d| d.severity >= Severity::Warning) {
                    anyhow::bail!("built-in sample: {d}");
                }
                a.origin.format = vigie_core::InputFormat::Builtin;
                out.push(*a);
            }
            vigie_ingest::jsonl::LineResult::Blank => {}
            vigie_ingest::jsonl::LineResult::Skip(d) => anyhow::bail!("built-in sample: {d}"),
            vigie_ingest::jsonl::LineResult::Html { .. } => {
                anyhow::bail!("built-in sample {} is HTML", i + 1)
            }
        }
    }
    Ok(out)
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let data = ctx.data_set()?;
    let lexicon = std::sync::Arc::new(
        vigie_lexicon::Lexicon::load(&data).context("cannot load the linguistic data")?,
    );
    let pipeline = Pipeline::new(lexicon);
    let articles = samples(&data)?;
    let processed: Vec<vigie_pipeline::Processed> =
        articles.into_iter().map(|a| pipeline.process(a)).collect();
    let records: Vec<vigie_store::ArticleRecord> = processed
        .iter()
        .map(|p| super::ingest::record_of(p, pipeline.lexicon()))
        .collect();
    let mut results: Vec<ArticleEvents> = processed.iter().map(|p| p.article_events()).collect();
    vigie_pipeline::assign_event_ids(&mut results);
    let events: usize = results.iter().map(|a| a.events.len()).sum();
    let merged: std::collections::BTreeSet<&str> = results
        .iter()
        .flat_map(|a| a.events.iter().filter_map(|e| e.event_id.as_deref()))
        .collect();
    if !ctx.quiet {
        print_summary(&results, events, merged.len());
    }
    if let Some(dir) = args.out {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        for a in &results {
            let path = dir.join(format!("{}.json", crate::batch::file_name_for(&a.article)));
            std::fs::write(&path, serde_json::to_string_pretty(a)? + "\n")
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
    }
    if args.no_serve && args.db.is_none() {
        return Ok(ExitCode::SUCCESS);
    }
    // Store the samples and serve the page on them.
    let (db, temporary) = match &args.db {
        Some(p) => (p.clone(), false),
        None => (
            std::env::temp_dir().join(format!("vigie-demo-{}.db", std::process::id())),
            true,
        ),
    };
    let db_str = db.to_string_lossy().to_string();
    let served = (|| -> Result<()> {
        let mut store =
            vigie_store::open(&db_str).with_context(|| format!("cannot create {db_str}"))?;
        store.ingest(&records)?;
        drop(store);
        if args.no_serve {
            if !ctx.quiet {
                println!(
                    "\nvigie demo: stored in {db_str}; serve it with `vigie serve --db {db_str}`"
                );
            }
            return Ok(());
        }
        super::serve::serve_db(&db_str, &args.addr, |url| {
            println!("\nvigie demo: open {url} in a browser (Ctrl-C to stop)");
        })
    })();
    if temporary {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{db_str}{suffix}"));
        }
    }
    served?;
    Ok(ExitCode::SUCCESS)
}

/// The demo's report: each sample article and its events.
fn print_summary(results: &[ArticleEvents], events: usize, distinct: usize) {
    println!(
        "vigie demo: {} sample articles, {events} event reports, {distinct} distinct events\n",
        results.len(),
    );
    for a in results {
        println!(
            "{} ({}, {}, {})",
            a.article,
            a.language.as_deref().unwrap_or("?"),
            a.outlet.as_deref().unwrap_or("?"),
            a.published.as_deref().unwrap_or("?")
        );
        if a.events.is_empty() {
            println!("    no codable event");
        }
        for e in &a.events {
            println!("    {} [{}] {}", e.event_date, e.sub_event_type, e.notes);
            println!("        evidence: \"{}\"", e.evidence);
        }
    }
}
