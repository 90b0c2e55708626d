//! `vigie bench INPUT...`: extraction throughput (articles/s and MB/s on
//! one core), for later work to report against.

use crate::batch::Context;
use anyhow::Result;
use serde::Serialize;
use std::process::ExitCode;
use std::time::Instant;
use vigie_core::Article;
use vigie_ingest::{Inputs, Item};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories of articles.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Process the corpus this many times (at least 1 second of work is
    /// better).
    #[arg(long, default_value_t = 0)]
    repeat: usize,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct BenchResult {
    articles: usize,
    bytes: usize,
    rounds: usize,
    lexicon_load_seconds: f64,
    seconds: f64,
    articles_per_second_per_core: f64,
    megabytes_per_second_per_core: f64,
    events: usize,
    /// Share of the time and MB/s of each stage.
    stages: Vec<Stage>,
}

#[derive(Debug, Serialize)]
struct Stage {
    stage: &'static str,
    seconds: f64,
    megabytes_per_second_per_core: f64,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let t0 = Instant::now();
    let pipeline = ctx.pipeline()?;
    let load = t0.elapsed().as_secs_f64();
    let articles: Vec<Article> = Inputs::new(&args.inputs)
        .filter_map(|i| match i {
            Item::Article(a) => Some(*a),
            Item::Diagnostic(_) => None,
        })
        .collect();
    if articles.is_empty() {
        anyhow::bail!("no articles in the inputs");
    }
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    // Warm up once, then time whole rounds on this thread only.
    let mut events = 0;
    for a in &articles {
        events += pipeline.process(a.clone()).extraction.events.len();
    }
    let rounds = if args.repeat > 0 {
        args.repeat
    } else {
        // Enough rounds for about two seconds of work.
        let t = Instant::now();
        for a in &articles {
            let _ = pipeline.process(a.clone());
        }
        let one = t.elapsed().as_secs_f64().max(1e-6);
        ((2.0 / one).ceil() as usize).clamp(1, 10_000)
    };
    let start = Instant::now();
    for _ in 0..rounds {
        for a in &articles {
            std::hint::black_box(pipeline.process(a.clone()));
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let n = (articles.len() * rounds) as f64;
    // One more round timed stage by stage.
    let lex = pipeline.lexicon();
    let mut t = [0.0f64; 3];
    for a in &articles {
        let mut a = a.clone();
        let s0 = Instant::now();
        vigie_text::prepare(&mut a, &lex.text);
        let s1 = Instant::now();
        let ann = vigie_annotate::annotate(&mut a, lex);
        let s2 = Instant::now();
        std::hint::black_box(vigie_extract::extract(&a, &ann, lex));
        let s3 = Instant::now();
        t[0] += (s1 - s0).as_secs_f64();
        t[1] += (s2 - s1).as_secs_f64();
        t[2] += (s3 - s2).as_secs_f64();
    }
    let stages = ["text", "annotate", "extract"]
        .iter()
        .zip(t)
        .map(|(stage, secs)| Stage {
            stage,
            seconds: secs,
            megabytes_per_second_per_core: bytes as f64 / 1e6 / secs.max(1e-9),
        })
        .collect();
    let r = BenchResult {
        articles: articles.len(),
        bytes,
        rounds,
        lexicon_load_seconds: load,
        seconds,
        articles_per_second_per_core: n / seconds,
        megabytes_per_second_per_core: (bytes * rounds) as f64 / 1e6 / seconds,
        events,
        stages,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&r)?);
    } else {
        println!(
            "{} articles ({:.1} KB), {} rounds in {:.2} s on one core: {:.0} articles/s, {:.2} MB/s; {} events per round; lexicon load {:.2} s",
            r.articles,
            r.bytes as f64 / 1e3,
            r.rounds,
            r.seconds,
            r.articles_per_second_per_core,
            r.megabytes_per_second_per_core,
            r.events,
            r.lexicon_load_seconds
        );
        for st in &r.stages {
            println!(
                "  {:<9} {:.3} s per round, {:.2} MB/s",
                st.stage, st.seconds, st.megabytes_per_second_per_core
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
