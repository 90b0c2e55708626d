//! `vigie gazetteer import` (full GeoNames dumps into a compiled gazetteer
//! file, used with `--gazetteer FILE`) and `vigie gazetteer bench` (load
//! time and memory of a gazetteer of millions of names).

use crate::batch::Context;
use anyhow::{Context as _, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use vigie_lexicon::gazetteer::import::Importer;
use vigie_lexicon::{FoldRules, Gazetteer};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Compile GeoNames dumps (allCountries.txt or XX.txt, optionally
    /// alternateNamesV2.txt and admin1CodesASCII.txt; .gz/.zst allowed).
    Import(ImportArgs),
    /// Measure import, load time and memory on a synthetic dump.
    Bench(BenchArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The dump files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The compiled gazetteer to write.
    #[arg(long)]
    out: PathBuf,
    /// Languages of alternateNamesV2.txt to keep (comma-separated; names
    /// without a language are always kept).
    #[arg(long, default_value = "fr,en")]
    languages: String,
}

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Places in the synthetic dump.
    #[arg(long, default_value_t = 3_000_000)]
    places: u64,
    /// Names per place (the name and its alternate names).
    #[arg(long, default_value_t = 4)]
    names: u64,
    /// Where to write the dump and the compiled file.
    #[arg(long, default_value = "target/gazetteer-bench")]
    dir: PathBuf,
}

pub fn run(ctx: &Context, cmd: Command) -> Result<ExitCode> {
    match cmd {
        Command::Import(a) => import(ctx, a),
        Command::Bench(a) => bench(ctx, a),
    }
}

fn rules(ctx: &Context) -> Result<FoldRules> {
    let data = ctx.data_set()?;
    let text = std::str::from_utf8(data.get("gazetteer/folding.tsv").unwrap_or_default())?;
    FoldRules::parse(text).map_err(|e| anyhow::anyhow!("gazetteer/folding.tsv: {e}"))
}

fn import_files(ctx: &Context, files: &[PathBuf], languages: &[String]) -> Result<Importer> {
    let mut imp = Importer::new();
    let name = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let open = |p: &Path| vigie_ingest::open_reader(p).map_err(|d| anyhow::anyhow!("{d}"));
    // Divisions and alternate names first: the places need them.
    for f in files.iter().filter(|f| name(f).starts_with("admin1codes")) {
        imp.read_admin1(open(f)?)
            .with_context(|| format!("reading {}", f.display()))?;
    }
    for f in files
        .iter()
        .filter(|f| name(f).starts_with("alternatenames"))
    {
        imp.read_alternate_names(open(f)?, languages)
            .with_context(|| format!("reading {}", f.display()))?;
    }
    let bar = (!ctx.quiet).then(|| {
        let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(s) =
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {pos} lines {msg}")
        {
            b.set_style(s);
        }
        b
    });
    for f in files {
        let n = name(f);
        if n.starts_with("admin1codes") || n.starts_with("alternatenames") {
            continue;
        }
        if let Some(b) = &bar {
            b.set_message(f.display().to_string());
        }
        imp.read_geonames(open(f)?, |lines| {
            if let Some(b) = &bar {
                b.set_position(lines);
            }
        })
        .with_context(|| format!("reading {}", f.display()))?;
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(imp)
}

fn import(ctx: &Context, a: ImportArgs) -> Result<ExitCode> {
    let rules = rules(ctx)?;
    let languages: Vec<String> = a
        .languages
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let t = Instant::now();
    let imp = import_files(ctx, &a.files, &languages)?;
    let stats = imp.stats;
    let blob = imp
        .finish(&rules)
        .map_err(|e| anyhow::anyhow!("cannot compile the gazetteer: {e}"))?;
    vigie_ingest::write_file(&a.out, &blob).map_err(|d| anyhow::anyhow!("{d}"))?;
    if !ctx.quiet {
        eprintln!(
            "vigie: {} places, {} names ({} alternate names, {} divisions) from {} lines in {:.1} s; {} written ({:.1} MB)",
            stats.places,
            stats.names,
            stats.alternate_names,
            stats.admin1,
            stats.lines,
            t.elapsed().as_secs_f64(),
            a.out.display(),
            blob.len() as f64 / 1e6
        );
        eprintln!(
            "use it with: vigie --gazetteer {} <command>",
            a.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// A pseudo-random but reproducible place name.
fn synthetic_name(mut x: u64) -> String {
    const SYLLABLES: &[&str] = &[
        "al", "ka", "bu", "ra", "mi", "dei", "zor", "tal", "sha", "kh", "an", "ou", "ma", "ni",
        "ba", "jab", "qa", "ri", "yah", "lo", "ven", "gor", "ost", "ila", "dar", "sul", "tem",
        "ruk", "bel", "han",
    ];
    let mut s = String::new();
    for i in 0..3 + (x % 3) {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407 + i);
        s.push_str(SYLLABLES[(x >> 33) as usize % SYLLABLES.len()]);
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

fn bench(ctx: &Context, a: BenchArgs) -> Result<ExitCode> {
    let rules = rules(ctx)?;
    std::fs::create_dir_all(&a.dir)
        .with_context(|| format!("cannot create {}", a.dir.display()))?;
    let dump = a.dir.join("synthetic.txt");
    let t = Instant::now();
    {
        let mut w = vigie_ingest::create_writer(&dump).map_err(|d| anyhow::anyhow!("{d}"))?;
        for i in 0..a.places {
            let name = format!("{} {}", synthetic_name(i * 7 + 1), i % 1000);
            let alts: Vec<String> = (1..a.names)
                .map(|k| format!("{} {}", synthetic_name(i * 7 + 1 + k), i % 997))
                .collect();
            let lat = -60.0 + (i % 12000) as f64 / 100.0;
            let lon = -170.0 + (i % 34000) as f64 / 100.0;
            writeln!(w, "{}\t{name}\t{name}\t{}\t{lat:.4}\t{lon:.4}\tP\tPPL\tSY\t\t{:02}\t\t\t\t{}\t\t0\tUTC\t2020-01-01", 10_000_000 + i, alts.join(","), i % 14, i % 5000)?;
        }
        w.flush()?;
    }
    let dump_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let imp = import_files(ctx, std::slice::from_ref(&dump), &[])?;
    let names = imp.stats.names;
    let blob = imp.finish(&rules).map_err(|e| anyhow::anyhow!("{e}"))?;
    let out = a.dir.join("synthetic.gaz");
    vigie_ingest::write_file(&out, &blob).map_err(|d| anyhow::anyhow!("{d}"))?;
    let import_secs = t.elapsed().as_secs_f64();
    let import_peak = vigie_ingest::peak_memory().unwrap_or(0);
    let size = blob.len();
    drop(blob);
    // Load: map and open, as `--gazetteer` does.
    let before = vigie_ingest::resident_memory().unwrap_or(0);
    let t = Instant::now();
    let mapped = vigie_ingest::map_file(&out).map_err(|d| anyhow::anyhow!("{d}"))?;
    let mut g = Gazetteer::empty(rules);
    g.add_layer("synthetic", std::sync::Arc::new(mapped))?;
    let load_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut found = 0;
    let lookups = 10_000u64;
    for i in 0..lookups {
        let probe = (i * 7919) % a.places;
        found += usize::from(
            !g.lookup(&format!(
                "{} {}",
                synthetic_name(probe * 7 + 1),
                probe % 1000
            ))
            .is_empty(),
        );
    }
    let lookup_us = t.elapsed().as_secs_f64() * 1e6 / lookups as f64;
    let after = vigie_ingest::resident_memory().unwrap_or(0);
    println!(
        "synthetic dump: {} places, {names} names, written in {dump_secs:.1} s",
        a.places
    );
    println!(
        "import: {import_secs:.1} s, peak memory {:.0} MB, compiled file {:.0} MB",
        import_peak as f64 / 1e6,
        size as f64 / 1e6
    );
    println!(
        "load: {:.1} ms; {lookups} lookups {lookup_us:.1} µs each ({found} found); resident memory +{:.0} MB",
        load_secs * 1e3,
        after.saturating_sub(before) as f64 / 1e6
    );
    Ok(ExitCode::SUCCESS)
}
