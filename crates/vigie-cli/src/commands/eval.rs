//! `vigie eval --gold DIR INPUT...`: extract, then score as events.md says.

use crate::batch::Context;
use anyhow::Result;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use vigie_core::{ArticleEvents, Event};
use vigie_eval::Report;
use vigie_pipeline::Decision;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of gold files (`<article-id>.json`); may be repeated.
    #[arg(long, required = true)]
    gold: Vec<PathBuf>,
    /// Files, directories, or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// List each missed and each false event, per article.
    #[arg(long)]
    diff: bool,
    /// Also print the reliability table of the events' confidence.
    #[arg(long)]
    reliability: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let mut gold = Vec::new();
    let mut diags = Vec::new();
    for dir in &args.gold {
        if !dir.is_dir() {
            anyhow::bail!("gold folder {} does not exist", dir.display());
        }
        let (g, d) = vigie_ingest::read_gold_dir(dir);
        gold.extend(g);
        diags.extend(d);
    }
    let pipeline = ctx.pipeline()?;
    let mut predicted: Vec<ArticleEvents> = Vec::new();
    let mut decisions: BTreeMap<String, (String, Vec<Decision>)> = BTreeMap::new();
    let mut tally = ctx.run_inputs(&args.inputs, &pipeline, |chunk| {
        for p in chunk {
            predicted.push(p.article_events());
            decisions.insert(
                p.article.id.clone(),
                (p.article.text.clone(), p.extraction.decisions),
            );
        }
        Ok(())
    })?;
    for d in &diags {
        ctx.report(d, &mut tally, None);
    }
    vigie_pipeline::assign_event_ids(&mut predicted);
    let ids: std::collections::BTreeSet<&str> =
        predicted.iter().map(|a| a.article.as_str()).collect();
    let scored_gold: Vec<ArticleEvents> = gold
        .iter()
        .filter(|g| ids.contains(g.article.as_str()))
        .cloned()
        .collect();
    let without_gold = predicted
        .iter()
        .filter(|p| !gold.iter().any(|g| g.article == p.article))
        .count();
    let unmatched_gold: Vec<&str> = gold
        .iter()
        .filter(|g| !ids.contains(g.article.as_str()))
        .map(|g| g.article.as_str())
        .collect();
    for g in &unmatched_gold {
        ctx.report(
            &vigie_core::Diagnostic::warning(
                "gold",
                format!("gold file for {g:?} has no input article; not scored"),
            ),
            &mut tally,
            None,
        );
    }
    let report = vigie_eval::score(&scored_gold, &predicted);
    ctx.summarize(&tally);
    if args.json {
        let mut v = serde_json::to_value(&report)?;
        if let Some(o) = v.as_object_mut() {
            o.insert("articles_without_gold".into(), without_gold.into());
            if !args.diff {
                o.remove("per_article");
            }
        }
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        print_table(&report, without_gold);
        if args.reliability {
            print_reliability(&report);
        }
        if args.diff {
            print_diff(&report, &scored_gold, &predicted, &decisions);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn opt(v: Option<f64>) -> String {
    v.map_or("-".to_string(), |x| format!("{x:.3}"))
}

fn print_table(r: &Report, without_gold: usize) {
    println!(
        "articles scored: {} ({} inputs without gold)   gold events: {}   predicted: {}   matched: {}",
        r.articles, without_gold, r.gold_events, r.predicted_events, r.matched
    );
    println!(
        "events      precision {:.3}   recall {:.3}   F1 {:.3}",
        r.precision, r.recall, r.f1
    );
    println!("field accuracy over {} matched pairs:", r.matched);
    for (field, acc) in &r.field_accuracy {
        println!("  {field:<16} {}", opt(*acc));
    }
    println!(
        "merge       precision {}   recall {}   F1 {}   ({} gold pairs, {} predicted pairs)",
        opt(r.merge_precision),
        opt(r.merge_recall),
        opt(r.merge_f1),
        r.merge_pairs_gold,
        r.merge_pairs_predicted
    );
}

fn print_reliability(r: &Report) {
    println!(
        "confidence reliability (calibration error {}):",
        opt(r.calibration_error)
    );
    println!(
        "  {:<11} {:>6} {:>8} {:>10} {:>10}",
        "confidence", "events", "matched", "mean conf", "precision"
    );
    for b in &r.reliability {
        println!(
            "  {:.1}-{:.1}     {:>6} {:>8} {:>10.3} {:>10.3}",
            b.low, b.high, b.events, b.matched, b.mean_confidence, b.precision
        );
    }
}

fn describe(e: &Event) -> String {
    format!(
        "{} {} | {} | {} vs {} | {} ({}, precision {}) | fatalities {}",
        e.event_date,
        e.date_precision,
        e.sub_event_type,
        e.actor1,
        e.actor2.as_deref().unwrap_or("-"),
        e.location.as_deref().unwrap_or("?"),
        e.country.as_deref().unwrap_or("?"),
        e.geo_precision,
        e.fatalities.map_or("-".into(), |f| f.to_string())
    )
}

fn print_diff(
    r: &Report,
    gold: &[ArticleEvents],
    predicted: &[ArticleEvents],
    decisions: &BTreeMap<String, (String, Vec<Decision>)>,
) {
    for a in &r.per_article {
        if a.missed.is_empty() && a.false_alarms.is_empty() {
            continue;
        }
        let (Some(g), Some(p)) = (
            gold.iter().find(|g| g.article == a.article),
            predicted.iter().find(|p| p.article == a.article),
        ) else {
            continue;
        };
        println!(
            "\n== {} ({} gold, {} predicted, {} matched)",
            a.article,
            a.gold,
            a.predicted,
            a.pairs.len()
        );
        let (text, decs) = decisions
            .get(&a.article)
            .map(|(t, d)| (t.as_str(), d.as_slice()))
            .unwrap_or(("", &[]));
        for &i in &a.missed {
            let ge = &g.events[i];
            println!("  MISSED  {}", describe(ge));
            println!("          gold evidence: {:?}", ge.evidence);
            // The closest prediction of the same type, and why it failed.
            if let Some(best) = p
                .events
                .iter()
                .filter(|e| e.event_type == ge.event_type)
                .min_by_key(|e| (e.event_date - ge.event_date).num_days().abs())
            {
                println!("          nearest prediction: {}", describe(best));
                println!(
                    "          not matched: {}",
                    vigie_eval::mismatch_reasons(best, ge).join("; ")
                );
            }
            // Triggers in the gold evidence that the extractor rejected.
            if let Some(pos) = text
                .find(ge.evidence.as_str())
                .filter(|_| !ge.evidence.is_empty())
            {
                let span = vigie_core::Span::new(pos, pos + ge.evidence.len());
                for d in decs.iter().filter(|d| span.overlaps(d.span)) {
                    let what = d.span.slice(text).unwrap_or("");
                    match &d.rejected {
                        Some(why) => {
                            println!("          trigger {:?} ({}) rejected: {why}", what, d.rule)
                        }
                        None => println!("          trigger {:?} ({}) made an event", what, d.rule),
                    }
                }
            }
        }
        for &i in &a.false_alarms {
            let pe = &p.events[i];
            let rule = pe.provenance.as_ref().map_or("", |v| v.rule.as_str());
            println!("  FALSE   {}", describe(pe));
            println!("          rule {rule}; evidence: {:?}", pe.evidence);
            if let Some(best) = g
                .events
                .iter()
                .filter(|e| e.event_type == pe.event_type)
                .min_by_key(|e| (e.event_date - pe.event_date).num_days().abs())
            {
                println!("          nearest gold: {}", describe(best));
                println!(
                    "          not matched: {}",
                    vigie_eval::mismatch_reasons(pe, best).join("; ")
                );
            }
        }
    }
}
