//! `vigie export --format FORMAT [--out FILE]`: the merged events of a
//! database as ACLED-style CSV, GeoJSON, JSON lines or Parquet.

use crate::batch::Context;
use anyhow::{Context as _, Result};
use std::process::ExitCode;
use vigie_export::{CountryInfo, Format};
use vigie_store::{EventQuery, Sort};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// acled-csv, geojson, jsonl or parquet.
    #[arg(long, short, value_parser = parse_format)]
    format: Format,
    /// Output file (`-` or nothing: standard output, except for Parquet).
    #[arg(long, short)]
    out: Option<String>,
    /// SQLite file or `postgres://` URL.
    #[arg(long, env = "VIGIE_DB", default_value = "vigie.db")]
    db: String,
    /// Only events on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    from: Option<String>,
    /// Only events on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    to: Option<String>,
    /// Only events in this country (ISO alpha-2, e.g. SY).
    #[arg(long)]
    country: Option<String>,
    /// Only events of this ACLED event type (e.g. "Battles").
    #[arg(long)]
    event_type: Option<String>,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s)
        .ok_or_else(|| format!("unknown format {s:?} (acled-csv, geojson, jsonl, parquet)"))
}

fn parse_date(s: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    if let Some(t) = &args.event_type {
        if vigie_core::EventType::parse(t).is_none() {
            anyhow::bail!("unknown event type {t:?}");
        }
    }
    let mut store =
        vigie_store::open(&args.db).with_context(|| format!("cannot open {}", args.db))?;
    let q = EventQuery {
        from: args.from.clone(),
        to: args.to.clone(),
        country: args.country.clone(),
        event_type: args.event_type.clone(),
        limit: 1 << 40,
        sort: Sort::DateAsc,
        ..EventQuery::default()
    };
    let events = store.events(&q)?.events;
    let lex = ctx.lexicon()?;
    let country = |iso2: &str| {
        lex.countries.get(iso2).map(|c| CountryInfo {
            name: c.name_en.clone(),
            iso3: c.iso3.clone(),
            iso_num: c.iso_num,
            region: c.region.clone(),
        })
    };
    let now = chrono::Utc::now().timestamp();
    let n = match args.out.as_deref() {
        None | Some("-") => {
            if args.format == Format::Parquet {
                anyhow::bail!("Parquet is binary: give a file with --out");
            }
            let out = std::io::BufWriter::new(std::io::stdout());
            vigie_export::write(args.format, &events, &country, now, out)?
        }
        Some(path) => {
            let w = vigie_ingest::create_writer(std::path::Path::new(path))
                .map_err(|d| anyhow::anyhow!("{d}"))?;
            vigie_export::write(args.format, &events, &country, now, w)
                .with_context(|| format!("cannot write {path}"))?
        }
    };
    if !ctx.quiet {
        eprintln!(
            "vigie: {n} events exported as {} from {}",
            args.format.extension(),
            store.describe()
        );
    }
    Ok(ExitCode::SUCCESS)
}
