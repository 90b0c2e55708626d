//! Parquet output through Arrow record batches.

use crate::ExportError;
use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use std::io::Write;
use std::sync::Arc;
use vigie_store::MergedEvent;

fn strings(events: &[MergedEvent], f: impl Fn(&MergedEvent) -> Option<String>) -> ArrayRef {
    Arc::new(StringArray::from(events.iter().map(f).collect::<Vec<_>>()))
}

fn ints(events: &[MergedEvent], f: impl Fn(&MergedEvent) -> Option<i64>) -> ArrayRef {
    Arc::new(Int64Array::from(events.iter().map(f).collect::<Vec<_>>()))
}

fn floats(events: &[MergedEvent], f: impl Fn(&MergedEvent) -> Option<f64>) -> ArrayRef {
    Arc::new(Float64Array::from(events.iter().map(f).collect::<Vec<_>>()))
}

fn lists(events: &[MergedEvent], f: impl Fn(&MergedEvent) -> &Vec<String>) -> ArrayRef {
    let mut b = ListBuilder::new(StringBuilder::new());
    for e in events {
        for s in f(e) {
            b.values().append_value(s);
        }
        b.append(true);
    }
    Arc::new(b.finish())
}

/// The columns: (name, type, nullable).
fn schema() -> Schema {
    let list = || DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)));
    let cols: Vec<(&str, DataType, bool)> = vec![
        ("id", DataType::Utf8, false),
        ("event_date", DataType::Utf8, false),
        ("date_precision", DataType::Utf8, false),
        ("disorder_type", DataType::Utf8, false),
        ("event_type", DataType::Utf8, false),
        ("sub_event_type", DataType::Utf8, false),
        ("actor1", DataType::Utf8, false),
        ("assoc_actor1", list(), false),
        ("actor2", DataType::Utf8, true),
        ("assoc_actor2", list(), false),
        ("inter1", DataType::Int64, false),
        ("inter2", DataType::Int64, true),
        ("interaction", DataType::Int64, false),
        ("country", DataType::Utf8, true),
        ("admin1", DataType::Utf8, true),
        ("location", DataType::Utf8, true),
        ("latitude", DataType::Float64, true),
        ("longitude", DataType::Float64, true),
        ("geo_precision", DataType::Int64, false),
        ("fatalities", DataType::Int64, true),
        ("fatalities_low", DataType::Int64, true),
        ("fatalities_high", DataType::Int64, true),
        ("claimed_by", list(), false),
        ("territory_km2", DataType::Float64, true),
        ("notes", DataType::Utf8, false),
        ("confidence", DataType::Float64, true),
        ("sources", DataType::Int64, false),
        ("outlets", list(), false),
        ("merge_reasons", list(), false),
    ];
    Schema::new(
        cols.into_iter()
            .map(|(n, t, null)| Field::new(n, t, null))
            .collect::<Vec<_>>(),
    )
}

pub fn write<W: Write + Send>(events: &[MergedEvent], out: W) -> Result<usize, ExportError> {
    let p = |e: parquet::errors::ParquetError| ExportError::Parquet(e.to_string());
    let schema = Arc::new(schema());
    let s = |v: &str| Some(v.to_string());
    let columns: Vec<ArrayRef> = vec![
        strings(events, |e| s(&e.id)),
        strings(events, |e| s(&e.event_date)),
        strings(events, |e| s(&e.date_precision)),
        strings(events, |e| s(&e.disorder_type)),
        strings(events, |e| s(&e.event_type)),
        strings(events, |e| s(&e.sub_event_type)),
        strings(events, |e| s(&e.actor1)),
        lists(events, |e| &e.assoc_actor1),
        strings(events, |e| e.actor2.clone()),
        lists(events, |e| &e.assoc_actor2),
        ints(events, |e| Some(i64::from(e.inter1))),
        ints(events, |e| e.inter2.map(i64::from)),
        ints(events, |e| Some(i64::from(e.interaction))),
        strings(events, |e| e.country.clone()),
        strings(events, |e| e.admin1.clone()),
        strings(events, |e| e.location.clone()),
        floats(events, |e| e.latitude),
        floats(events, |e| e.longitude),
        ints(events, |e| Some(i64::from(e.geo_precision))),
        ints(events, |e| e.fatalities.map(i64::from)),
        ints(events, |e| e.fatalities_low.map(i64::from)),
        ints(events, |e| e.fatalities_high.map(i64::from)),
        lists(events, |e| &e.claimed_by),
        floats(events, |e| e.territory_km2),
        strings(events, |e| s(&e.notes)),
        floats(events, |e| e.confidence.map(f64::from)),
        ints(events, |e| Some(e.sources as i64)),
        lists(events, |e| &e.outlets),
        lists(events, |e| &e.merge_reasons),
    ];
    let batch = RecordBatch::try_new(schema.clone(), columns)
        .map_err(|e| ExportError::Parquet(e.to_string()))?;
    let mut w = ArrowWriter::try_new(out, schema, None).map_err(p)?;
    w.write(&batch).map_err(p)?;
    w.close().map_err(p)?;
    Ok(events.len())
}
