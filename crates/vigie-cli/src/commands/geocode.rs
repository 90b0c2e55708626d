//! `vigie geocode NAME [--country CC] [--near LAT,LON]`: ranked gazetteer
//! candidates as JSON lines.

use crate::batch::Context;
use anyhow::{Context as _, Result};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The place name as written ("Boukamal", "Deir Ezzor").
    name: String,
    /// Prefer places of this country (ISO alpha-2).
    #[arg(long)]
    country: Option<String>,
    /// Prefer places near this point: `LAT,LON`.
    #[arg(long)]
    near: Option<String>,
    /// How many candidates to print.
    #[arg(long, default_value_t = 5)]
    limit: usize,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let near = match &args.near {
        None => None,
        Some(s) => {
            let (a, b) = s.split_once(',').context("--near takes LAT,LON")?;
            let (lat, lon): (f64, f64) = (a.trim().parse()?, b.trim().parse()?);
            if !vigie_core::geo::valid(lat, lon) {
                anyhow::bail!("--near {s}: not a valid position");
            }
            Some((lat, lon))
        }
    };
    let lex = ctx.lexicon()?;
    let found = vigie_annotate::places::geocode(&lex, &args.name, args.country.as_deref(), near);
    if found.is_empty() && !ctx.quiet {
        eprintln!("vigie: no place named {:?} in the gazetteer", args.name);
    }
    for c in found.iter().take(args.limit) {
        println!("{}", serde_json::to_string(c)?);
    }
    Ok(ExitCode::SUCCESS)
}
