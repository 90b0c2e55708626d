//! `vigie ingest INPUT... [--db PATH]`: extract and store, incrementally.

use crate::batch::Context;
use anyhow::{Context as _, Result};
use std::cell::RefCell;
use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;
use vigie_lexicon::Lexicon;
use vigie_pipeline::Processed;
use vigie_store::{ArticleRecord, IngestStats, Store, StoredDiagnostic};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories, or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// SQLite file (created if missing) or `postgres://user@host/db` URL.
    #[arg(long, env = "VIGIE_DB", default_value = "vigie.db")]
    pub db: String,
    /// Articles per transaction: a crash loses at most one batch, which
    /// the next run redoes.
    #[arg(long, default_value_t = 256)]
    batch: usize,
}

/// What the store keeps of a processed article.
pub fn record_of(p: &Processed, lex: &Lexicon) -> ArticleRecord {
    ArticleRecord::new(
        &p.article,
        p.annotation.mentions(&p.article.text, lex),
        p.extraction.events.clone(),
        &p.diagnostics,
    )
}

/// Ingests `inputs` into `store`; returns the totals.
pub fn ingest_into(
    ctx: &Context,
    store: &mut dyn Store,
    inputs: &[String],
    batch: usize,
) -> Result<(IngestStats, crate::batch::Tally)> {
    let pipeline = ctx.pipeline()?;
    let store = RefCell::new(store);
    let stats = RefCell::new(IngestStats::default());
    let mut input_diags: Vec<StoredDiagnostic> = Vec::new();
    let tally = ctx.run_inputs_with(
        inputs,
        &pipeline,
        batch,
        |articles| {
            // Articles already stored with the same text and metadata need
            // no work.
            let ids: Vec<String> = articles.iter().map(|a| a.id.clone()).collect();
            let known: HashMap<String, String> = store
                .borrow_mut()
                .content_hashes(&ids)?
                .into_iter()
                .collect();
            let before = articles.len();
            articles.retain(|a| known.get(&a.id) != Some(&vigie_store::record_hash(a)));
            stats.borrow_mut().unchanged += before - articles.len();
            Ok(())
        },
        |d| {
            input_diags.push(StoredDiagnostic {
                article_id: None,
                input: d.input.clone(),
                message: d.to_string(),
            });
            Ok(())
        },
        |chunk| {
            let records: Vec<ArticleRecord> = chunk
                .iter()
                .map(|p| record_of(p, pipeline.lexicon()))
                .collect();
            let s = store.borrow_mut().ingest(&records)?;
            *stats.borrow_mut() += s;
            Ok(())
        },
    )?;
    store.borrow_mut().record_diagnostics(&input_diags)?;
    Ok((stats.into_inner(), tally))
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let mut store =
        vigie_store::open(&args.db).with_context(|| format!("cannot open {}", args.db))?;
    let (stats, tally) = ingest_into(ctx, store.as_mut(), &args.inputs, args.batch)?;
    let counts = store.counts()?;
    ctx.summarize(&tally);
    if !ctx.quiet {
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "vigie: {} new, {} changed, {} unchanged articles; {} event reports stored in {:.1} s ({:.0} articles/s)",
            stats.new,
            stats.changed,
            stats.unchanged,
            stats.mentions,
            secs,
            tally.articles as f64 / secs.max(1e-9)
        );
        eprintln!(
            "vigie: {} now holds {} articles, {} event reports, {} events",
            store.describe(),
            counts.articles,
            counts.mentions,
            counts.events
        );
    }
    Ok(if tally.errors > 0 && tally.articles == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
