//! Readers for the gazetteer's TSV files (`data/gazetteer/README.md`):
//! places (`places.tsv[.gz]`, `overlay.tsv`), divisions (`admin1.tsv`) and
//! aliases (`aliases.tsv`). Also used by the build script.

use std::io::Read;

/// One place row.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRow {
    pub id: String,
    pub name: String,
    pub country: String,
    pub admin1: String,
    pub feature: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub alt_names: Vec<String>,
}

/// One admin1 row.
#[derive(Debug, Clone, PartialEq)]
pub struct Admin1Row {
    pub key: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub alt_names: Vec<String>,
}

/// An error in a TSV file, with the file and line.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct TsvError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

fn err(file: &str, line: usize, reason: impl Into<String>) -> TsvError {
    TsvError {
        file: file.to_string(),
        line,
        reason: reason.into(),
    }
}

/// Decompresses when the name ends in `.gz`, then checks UTF-8.
pub fn text_of(file: &str, bytes: &[u8]) -> Result<String, TsvError> {
    let raw = if file.ends_with(".gz") {
        let mut out = Vec::with_capacity(bytes.len() * 4);
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut out)
            .map_err(|e| err(file, 0, format!("cannot decompress: {e}")))?;
        out
    } else {
        bytes.to_vec()
    };
    String::from_utf8(raw).map_err(|e| {
        err(
            file,
            0,
            format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
        )
    })
}

fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        (!l.trim().is_empty() && !l.starts_with('#')).then(|| (i + 1, l.split('\t').collect()))
    })
}

fn list(s: Option<&&str>) -> Vec<String> {
    s.map(|s| {
        s.split('|')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

fn number(file: &str, line: usize, what: &str, s: &str) -> Result<f64, TsvError> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| err(file, line, format!("{what} {s:?} is not a number")))
}

/// Reads a places file.
pub fn places(file: &str, text: &str) -> Result<Vec<PlaceRow>, TsvError> {
    let mut out = Vec::new();
    for (line, f) in rows(text) {
        if f[0] == "id" {
            continue;
        }
        if f.len() < 8 {
            return Err(err(
                file,
                line,
                format!("expected 9 columns, found {}", f.len()),
            ));
        }
        let lat = number(file, line, "latitude", f[5])?;
        let lon = number(file, line, "longitude", f[6])?;
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(err(
                file,
                line,
                format!("({lat}, {lon}) is not a valid position"),
            ));
        }
        out.push(PlaceRow {
            id: f[0].trim().to_string(),
            name: f[1].trim().to_string(),
            country: f[2].trim().to_ascii_uppercase(),
            admin1: f[3].trim().to_string(),
            feature: f[4].trim().to_string(),
            lat,
            lon,
            population: f[7].trim().parse().unwrap_or(0),
            alt_names: list(f.get(8)),
        });
    }
    Ok(out)
}

/// Reads an admin1 file.
pub fn admin1(file: &str, text: &str) -> Result<Vec<Admin1Row>, TsvError> {
    let mut out = Vec::new();
    for (line, f) in rows(text) {
        if f[0] == "key" {
            continue;
        }
        if f.len() < 4 || !f[0].contains('.') {
            return Err(err(
                file,
                line,
                "expected `CC.CODE<TAB>name<TAB>lat<TAB>lon[<TAB>alt_names]`",
            ));
        }
        out.push(Admin1Row {
            key: f[0].trim().to_string(),
            name: f[1].trim().to_string(),
            lat: number(file, line, "latitude", f[2])?,
            lon: number(file, line, "longitude", f[3])?,
            alt_names: list(f.get(4)),
        });
    }
    Ok(out)
}

/// Reads an aliases file: (alias, place id).
pub fn aliases(file: &str, text: &str) -> Result<Vec<(String, String)>, TsvError> {
    let mut out = Vec::new();
    for (line, f) in rows(text) {
        if f[0] == "alias" {
            continue;
        }
        if f.len() < 2 || f[0].trim().is_empty() || f[1].trim().is_empty() {
            return Err(err(file, line, "expected `alias<TAB>id[<TAB>note]`"));
        }
        out.push((f[0].trim().to_string(), f[1].trim().to_string()));
    }
    Ok(out)
}
