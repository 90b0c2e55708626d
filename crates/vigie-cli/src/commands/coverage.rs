//! `vigie coverage --gold DIR INPUT...`: how much of each gold event the
//! annotators find, before event building. For every gold event:
//! - actors: a mention of `actor1` (and `actor2`) anywhere in the article,
//!   normalised to the gold name (under any alias or generic reference);
//! - fatalities: a number counted as killed with the gold value;
//! - date: a date mention inside the gold evidence quote that agrees with
//!   the gold date within the gold precision (only when there is one);
//! - location: a place mention within 10 km of the gold location (the same
//!   admin1 when the gold is province-level).

use crate::batch::Context;
use anyhow::Result;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use vigie_core::geo::haversine_km;
use vigie_core::{ArticleEvents, FuzzyDate, Span};
use vigie_pipeline::Processed;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of gold files; may be repeated.
    #[arg(long, required = true)]
    gold: Vec<PathBuf>,
    /// Files, directories, or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// List every miss.
    #[arg(long)]
    misses: bool,
}

#[derive(Default)]
struct Tally {
    hit: usize,
    total: usize,
    misses: Vec<String>,
}

impl Tally {
    fn add(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.hit += 1;
        } else {
            self.misses.push(what());
        }
    }
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let mut gold: BTreeMap<String, ArticleEvents> = BTreeMap::new();
    for dir in &args.gold {
        if !dir.is_dir() {
            anyhow::bail!("gold folder {} does not exist", dir.display());
        }
        let (g, diags) = vigie_ingest::read_gold_dir(dir);
        for d in diags {
            eprintln!("{d}");
        }
        gold.extend(g.into_iter().map(|g| (g.article.clone(), g)));
    }
    let pipeline = ctx.pipeline()?;
    let mut processed: Vec<Processed> = Vec::new();
    let tally = ctx.run_inputs(&args.inputs, &pipeline, |chunk| {
        processed.extend(chunk);
        Ok(())
    })?;
    ctx.summarize(&tally);
    let (mut actors, mut fatalities, mut dates, mut places, mut published) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    for p in &processed {
        let Some(g) = gold.get(&p.article.id) else {
            continue;
        };
        let ann = &p.annotation;
        let text = &p.article.text;
        let id = &p.article.id;
        if let Some(gp) = g.published.as_deref().and_then(FuzzyDate::parse) {
            let ok = p
                .article
                .published
                .is_some_and(|a| a.compatible(&gp) && a.precision >= gp.precision);
            published.add(ok, || {
                format!(
                    "{id}: published {:?}, gold {gp}",
                    p.article.published.map(|d| d.to_string())
                )
            });
        }
        for e in &g.events {
            for name in std::iter::once(&e.actor1).chain(e.actor2.as_ref()) {
                let ok = ann.actors.iter().any(|a| a.value.canonical == *name);
                actors.add(ok, || format!("{id}: actor {name:?} not found"));
            }
            if let Some(f) = e.fatalities {
                let ok = ann.numbers.iter().any(|n| {
                    n.value.counts == Some(vigie_core::Counted::Killed)
                        && n.value.value.round() as u32 == f
                });
                fatalities.add(ok, || {
                    format!("{id}: fatalities {f} not found as a killed count")
                });
            }
            if let Some(pos) = text
                .find(e.evidence.as_str())
                .filter(|_| !e.evidence.is_empty())
            {
                let span = Span::new(pos, pos + e.evidence.len());
                let in_quote: Vec<_> = ann.dates.iter().filter(|d| span.contains(d.span)).collect();
                if !in_quote.is_empty() {
                    let gd = e.fuzzy_date();
                    let ok = in_quote
                        .iter()
                        .any(|d| FuzzyDate::new(d.value.value, d.value.precision).compatible(&gd));
                    dates.add(ok, || {
                        let got: Vec<String> = in_quote
                            .iter()
                            .map(|d| format!("{} {}", d.value.value, d.value.precision))
                            .collect();
                        format!(
                            "{id}: gold date {} {} vs {got:?} in {:?}",
                            e.event_date, e.date_precision, e.evidence
                        )
                    });
                }
            }
            let ok = ann.places.iter().any(|pl| {
                let m = &pl.value.mention;
                match (e.coordinates(), m.latitude, m.longitude) {
                    _ if e.geo_precision == 3 && m.admin1.is_some() && m.admin1 == e.admin1 => true,
                    (Some((la, lo)), Some(ma), Some(mo)) => haversine_km(la, lo, ma, mo) <= 10.0,
                    _ => false,
                }
            });
            places.add(ok, || {
                format!(
                    "{id}: location {:?} ({:?}) not found within 10 km",
                    e.location.as_deref().unwrap_or("?"),
                    e.coordinates()
                )
            });
        }
    }
    let line = |name: &str, t: &Tally| {
        let share = if t.total == 0 {
            1.0
        } else {
            t.hit as f64 / t.total as f64
        };
        println!("{name:<12} {:>3} / {:<3} {:.3}", t.hit, t.total, share);
    };
    line("actors", &actors);
    line("fatalities", &fatalities);
    line("dates", &dates);
    line("locations", &places);
    line("published", &published);
    if args.misses {
        for t in [&actors, &fatalities, &dates, &places, &published] {
            for m in &t.misses {
                println!("  {m}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
