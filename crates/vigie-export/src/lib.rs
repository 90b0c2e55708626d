//! Exports of merged events to files analysts load elsewhere: ACLED-style
//! CSV (ACLED's column names and order), GeoJSON (RFC 7946 points with
//! every field), JSON lines, and Parquet.
//!
//! Writers take any `Write`; opening files is the binary's business.

use serde_json::{json, Map, Value};
use std::io::Write;
use vigie_store::MergedEvent;

#[cfg(feature = "parquet")]
mod parquet_out;

/// Errors of the exports.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot write Parquet: {0}")]
    Parquet(String),
    #[error("{0}")]
    Unsupported(String),
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    AcledCsv,
    GeoJson,
    JsonLines,
    Parquet,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "acled-csv" | "csv" => Some(Format::AcledCsv),
            "geojson" => Some(Format::GeoJson),
            "jsonl" => Some(Format::JsonLines),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::AcledCsv => "csv",
            Format::GeoJson => "geojson",
            Format::JsonLines => "jsonl",
            Format::Parquet => "parquet",
        }
    }
}

/// What the CSV needs to know about a country.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CountryInfo {
    pub name: String,
    pub iso3: String,
    pub iso_num: Option<u16>,
    pub region: String,
}

/// ACLED's columns, in ACLED's order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

fn time_precision(p: &str) -> u8 {
    match p {
        "day" => 1,
        "week" => 2,
        _ => 3,
    }
}

/// ACLED's `event_id_cnty`: the country's alpha-3 code and the event's id.
fn event_id_cnty(e: &MergedEvent, c: Option<&CountryInfo>) -> String {
    let prefix = c.map_or("XXX", |c| c.iso3.as_str());
    format!("{prefix}-{}", e.id.trim_start_matches("ev-"))
}

/// Writes the ACLED-style CSV; returns the number of rows.
pub fn write_acled_csv<W: Write>(
    events: &[MergedEvent],
    country: &dyn Fn(&str) -> Option<CountryInfo>,
    timestamp: i64,
    out: W,
) -> Result<usize, ExportError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(ACLED_COLUMNS)?;
    for e in events {
        let c = e.country.as_deref().and_then(country);
        let opt = |v: Option<String>| v.unwrap_or_default();
        let civilians =
            e.inter2 == Some(7) || e.assoc_actor2.iter().any(|a| a.starts_with("Civilians"));
        let mut tags = Vec::new();
        if e.fatalities_low != e.fatalities_high {
            if let (Some(l), Some(h)) = (e.fatalities_low, e.fatalities_high) {
                tags.push(format!("fatalities reported {l}-{h}"));
            }
        }
        if !e.claimed_by.is_empty() {
            tags.push(format!("claimed by {}", e.claimed_by.join(", ")));
        }
        if let Some(k) = e.territory_km2 {
            tags.push(format!("territory {k} km2"));
        }
        let record: [String; 31] = [
            event_id_cnty(e, c.as_ref()),
            e.event_date.clone(),
            e.event_date.get(..4).unwrap_or("").to_string(),
            time_precision(&e.date_precision).to_string(),
            e.disorder_type.clone(),
            e.event_type.clone(),
            e.sub_event_type.clone(),
            e.actor1.clone(),
            e.assoc_actor1.join("; "),
            e.inter1.to_string(),
            opt(e.actor2.clone()),
            e.assoc_actor2.join("; "),
            e.inter2.map_or(String::new(), |i| i.to_string()),
            e.interaction.to_string(),
            if civilians {
                "Civilian targeting".into()
            } else {
                String::new()
            },
            opt(c.as_ref().and_then(|c| c.iso_num).map(|n| n.to_string())),
            opt(c.as_ref().map(|c| c.region.clone())),
            opt(c
                .as_ref()
                .map(|c| c.name.clone())
                .or_else(|| e.country.clone())),
            opt(e.admin1.clone()),
            String::new(),
            String::new(),
            opt(e.location.clone()),
            opt(e.latitude.map(|v| format!("{v:.4}"))),
            opt(e.longitude.map(|v| format!("{v:.4}"))),
            e.geo_precision.to_string(),
            e.outlets.join("; "),
            String::new(),
            e.notes.clone(),
            e.fatalities.unwrap_or(0).to_string(),
            tags.join("; "),
            timestamp.to_string(),
        ];
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(events.len())
}

/// One event as a flat JSON object (GeoJSON properties, JSON lines).
pub fn properties(e: &MergedEvent) -> Map<String, Value> {
    match serde_json::to_value(e) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// Writes a GeoJSON FeatureCollection (RFC 7946: longitude first, WGS 84;
/// events without coordinates have a null geometry).
pub fn write_geojson<W: Write>(events: &[MergedEvent], mut out: W) -> Result<usize, ExportError> {
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
    for (i, e) in events.iter().enumerate() {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        let geometry = match (e.longitude, e.latitude) {
            (Some(lon), Some(lat)) => json!({"type": "Point", "coordinates": [lon, lat]}),
            _ => Value::Null,
        };
        let feature = json!({
            "type": "Feature",
            "id": e.id,
            "geometry": geometry,
            "properties": properties(e),
        });
        serde_json::to_writer(&mut out, &feature)?;
    }
    out.write_all(b"]}\n")?;
    out.flush()?;
    Ok(events.len())
}

/// Writes one JSON object per line.
pub fn write_jsonl<W: Write>(events: &[MergedEvent], mut out: W) -> Result<usize, ExportError> {
    for e in events {
        serde_json::to_writer(&mut out, e)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(events.len())
}

/// Writes a Parquet file (one row per event, lists as lists of strings).
pub fn write_parquet<W: Write + Send>(
    events: &[MergedEvent],
    out: W,
) -> Result<usize, ExportError> {
    #[cfg(feature = "parquet")]
    {
        parquet_out::write(events, out)
    }
    #[cfg(not(feature = "parquet"))]
    {
        let _ = (events, out);
        Err(ExportError::Unsupported(
            "this vigie was built without the `parquet` feature".into(),
        ))
    }
}

/// Writes `events` in `format`.
pub fn write<W: Write + Send>(
    format: Format,
    events: &[MergedEvent],
    country: &dyn Fn(&str) -> Option<CountryInfo>,
    timestamp: i64,
    out: W,
) -> Result<usize, ExportError> {
    match format {
        Format::AcledCsv => write_acled_csv(events, country, timestamp, out),
        Format::GeoJson => write_geojson(events, out),
        Format::JsonLines => write_jsonl(events, out),
        Format::Parquet => write_parquet(events, out),
    }
}
