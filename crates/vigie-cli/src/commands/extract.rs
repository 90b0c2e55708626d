//! `vigie extract INPUT... --out DIR`: one gold-format JSON per article.

use crate::batch::{file_name_for, Context};
use anyhow::{Context as _, Result};
use std::path::PathBuf;
use std::process::ExitCode;
use vigie_core::ArticleEvents;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories, or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Output directory (created if missing).
    #[arg(long, short)]
    out: PathBuf,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let pipeline = ctx.pipeline()?;
    let mut all: Vec<ArticleEvents> = Vec::new();
    let tally = ctx.run_inputs(&args.inputs, &pipeline, |chunk| {
        all.extend(chunk.iter().map(|p| p.article_events()));
        Ok(())
    })?;
    vigie_pipeline::assign_event_ids(&mut all);
    let mut events = 0;
    for a in &all {
        events += a.events.len();
        let path = args.out.join(format!("{}.json", file_name_for(&a.article)));
        let json = serde_json::to_string_pretty(a)?;
        std::fs::write(&path, json + "\n")
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    ctx.summarize(&tally);
    if !ctx.quiet {
        eprintln!("vigie: {events} events written to {}", args.out.display());
    }
    Ok(ExitCode::SUCCESS)
}
