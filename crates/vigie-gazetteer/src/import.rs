//! Import of full GeoNames dumps (`allCountries.txt`, per-country
//! `XX.txt`, optional `alternateNamesV2.txt` and `admin1CodesASCII.txt`)
//! into a compiled layer. Streams the dumps line by line.

use crate::format::Builder;
use crate::tsv::{Admin1Row, PlaceRow};
use crate::FoldRules;
use std::collections::HashMap;
use std::io::BufRead;

/// Which GeoNames feature classes to import: populated places (P),
/// administrative areas (A), and the spot/area/hydro/terrain features a
/// conflict report names (S, L, H, T, V).
pub const FEATURE_CLASSES: &[&str] = &["P", "A", "S", "L", "H", "T", "V"];

/// Counts of what an import read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportStats {
    pub lines: u64,
    pub places: u64,
    pub alternate_names: u64,
    pub admin1: u64,
    pub skipped: u64,
}

/// Reads a GeoNames `geoname` table dump (19 tab-separated columns).
/// Bad lines are counted and skipped; `progress` is called every 100,000
/// lines with the count so far.
pub fn read_geonames(
    reader: impl BufRead,
    builder: &mut Builder,
    stats: &mut ImportStats,
    mut progress: impl FnMut(u64),
) -> std::io::Result<()> {
    for line in reader.split(b'\n') {
        let line = line?;
        stats.lines += 1;
        if stats.lines.is_multiple_of(100_000) {
            progress(stats.lines);
        }
        let line = String::from_utf8_lossy(&line);
        let f: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        if f.len() < 15 || !FEATURE_CLASSES.contains(&f[6]) {
            stats.skipped += 1;
            continue;
        }
        let (Ok(lat), Ok(lon)) = (f[4].parse::<f64>(), f[5].parse::<f64>()) else {
            stats.skipped += 1;
            continue;
        };
        let alt_names = f[3]
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty() && s.chars().any(|c| c.is_uppercase()))
            .map(str::to_string)
            .collect();
        builder.add_place(PlaceRow {
            id: f[0].to_string(),
            name: f[1].to_string(),
            country: f[8].to_string(),
            admin1: f[10].to_string(),
            feature: f[7].to_string(),
            lat,
            lon,
            population: f[14].parse().unwrap_or(0),
            alt_names,
        });
        stats.places += 1;
    }
    Ok(())
}

/// Reads `alternateNamesV2.txt`: (geonameid → extra names) for the
/// languages given (ISO 639 codes; empty: every language), skipping
/// links, postal codes and airport codes.
pub fn read_alternate_names(
    reader: impl BufRead,
    languages: &[&str],
    stats: &mut ImportStats,
) -> std::io::Result<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for line in reader.split(b'\n') {
        let line = line?;
        let line = String::from_utf8_lossy(&line);
        let f: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
        if f.len() < 4 {
            continue;
        }
        let lang = f[2];
        if matches!(
            lang,
            "link" | "post" | "iata" | "icao" | "faac" | "abbr" | "wkdt" | "unlc"
        ) {
            continue;
        }
        if !languages.is_empty() && !languages.contains(&lang) && !lang.is_empty() {
            continue;
        }
        out.entry(f[1].to_string())
            .or_default()
            .push(f[3].to_string());
        stats.alternate_names += 1;
    }
    Ok(out)
}

/// Reads `admin1CodesASCII.txt` (`CC.CODE<TAB>name<TAB>ascii<TAB>id`).
/// Centroids are filled later from the places.
pub fn read_admin1_codes(
    reader: impl BufRead,
    stats: &mut ImportStats,
) -> std::io::Result<Vec<Admin1Row>> {
    let mut out = Vec::new();
    for line in reader.lines() {
        let line = line?;
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 2 || !f[0].contains('.') {
            continue;
        }
        out.push(Admin1Row {
            key: f[0].to_string(),
            name: f
                .get(2)
                .filter(|s| !s.is_empty())
                .unwrap_or(&f[1])
                .to_string(),
            lat: f64::NAN,
            lon: f64::NAN,
            alt_names: if f.get(2).is_some_and(|a| *a != f[1]) {
                vec![f[1].to_string()]
            } else {
                Vec::new()
            },
        });
        stats.admin1 += 1;
    }
    Ok(out)
}

/// Writes the layer.
pub fn finish(builder: Builder, rules: &FoldRules) -> Result<Vec<u8>, String> {
    builder.write(rules)
}
