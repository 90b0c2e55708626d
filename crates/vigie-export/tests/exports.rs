//! Each export format written and read back.

use vigie_export::{CountryInfo, ACLED_COLUMNS};
use vigie_store::MergedEvent;

fn events() -> Vec<MergedEvent> {
    let base = MergedEvent {
        id: "ev-00000000000000a1".into(),
        event_date: "2017-08-06".into(),
        date_precision: "day".into(),
        event_type: "Battles".into(),
        sub_event_type: "Government regains territory".into(),
        disorder_type: "Political violence".into(),
        actor1: "Military Forces of Syria".into(),
        assoc_actor1: vec!["Pro-government militias".into()],
        actor2: Some("Islamic State".into()),
        assoc_actor2: vec![],
        inter1: 1,
        inter2: Some(2),
        interaction: 12,
        country: Some("SY".into()),
        admin1: Some("Homs".into()),
        location: Some("As Sukhnah".into()),
        latitude: Some(34.8853),
        longitude: Some(38.8711),
        geo_precision: 1,
        fatalities: Some(25),
        fatalities_low: Some(12),
        fatalities_high: Some(40),
        claimed_by: vec!["SANA".into(), "SOHR".into()],
        territory_km2: None,
        notes: "Syrian forces retook As Sukhnah, \"after heavy fighting\", sources said.".into(),
        confidence: Some(0.9),
        sources: 3,
        outlets: vec!["RT France".into(), "Le Figaro".into()],
        merge_reasons: vec!["a1 and a2: Battles on compatible dates".into()],
    };
    let strike = MergedEvent {
        id: "ev-00000000000000b2".into(),
        event_date: "2017-09-20".into(),
        date_precision: "week".into(),
        event_type: "Explosions/Remote violence".into(),
        sub_event_type: "Air/drone strike".into(),
        actor1: "Military Forces of Russia".into(),
        assoc_actor1: vec![],
        actor2: Some("Civilians (Syria)".into()),
        inter1: 8,
        inter2: Some(7),
        interaction: 78,
        admin1: Some("Idlib".into()),
        location: Some("Idlib".into()),
        latitude: None,
        longitude: None,
        geo_precision: 3,
        fatalities: None,
        fatalities_low: None,
        fatalities_high: None,
        claimed_by: vec![],
        sources: 1,
        outlets: vec![],
        merge_reasons: vec![],
        ..base.clone()
    };
    vec![base, strike]
}

fn syria(code: &str) -> Option<CountryInfo> {
    (code == "SY").then(|| CountryInfo {
        name: "Syria".into(),
        iso3: "SYR".into(),
        iso_num: Some(760),
        region: "Middle East".into(),
    })
}

#[test]
fn acled_csv_has_acleds_header_and_one_row_per_event() {
    let mut buf = Vec::new();
    let n = vigie_export::write_acled_csv(&events(), &syria, 1_700_000_000, &mut buf)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(n, 2);
    let mut r = csv::Reader::from_reader(buf.as_slice());
    let header: Vec<String> = r
        .headers()
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, ACLED_COLUMNS);
    let rows: Vec<csv::StringRecord> = r
        .records()
        .map(|x| x.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(rows.len(), 2);
    let col = |row: &csv::StringRecord, name: &str| {
        let i = ACLED_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap_or_else(|| panic!("{name}"));
        row.get(i).unwrap_or("").to_string()
    };
    assert_eq!(col(&rows[0], "event_id_cnty"), "SYR-00000000000000a1");
    assert_eq!(col(&rows[0], "year"), "2017");
    assert_eq!(col(&rows[0], "time_precision"), "1");
    assert_eq!(col(&rows[0], "iso"), "760");
    assert_eq!(col(&rows[0], "country"), "Syria");
    assert_eq!(col(&rows[0], "assoc_actor_1"), "Pro-government militias");
    assert_eq!(col(&rows[0], "fatalities"), "25");
    assert_eq!(col(&rows[0], "source"), "RT France; Le Figaro");
    assert!(col(&rows[0], "notes").contains("\"after heavy fighting\""));
    assert!(col(&rows[0], "tags").contains("fatalities reported 12-40"));
    assert_eq!(col(&rows[1], "time_precision"), "2");
    assert_eq!(col(&rows[1], "civilian_targeting"), "Civilian targeting");
    assert_eq!(col(&rows[1], "latitude"), "");
    assert_eq!(col(&rows[1], "fatalities"), "0");
}

#[test]
fn geojson_is_a_feature_collection_of_lon_lat_points() {
    let mut buf = Vec::new();
    vigie_export::write_geojson(&events(), &mut buf).unwrap_or_else(|e| panic!("{e}"));
    let v: serde_json::Value = serde_json::from_slice(&buf).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["type"], "FeatureCollection");
    let f = v["features"]
        .as_array()
        .unwrap_or_else(|| panic!("no features"));
    assert_eq!(f.len(), 2);
    assert_eq!(f[0]["type"], "Feature");
    assert_eq!(f[0]["geometry"]["type"], "Point");
    assert_eq!(
        f[0]["geometry"]["coordinates"],
        serde_json::json!([38.8711, 34.8853])
    );
    assert_eq!(f[0]["properties"]["fatalities_high"], 40);
    assert!(f[1]["geometry"].is_null());
    assert!(v.get("crs").is_none(), "RFC 7946 has no crs member");
}

#[test]
fn jsonl_round_trips() {
    let mut buf = Vec::new();
    vigie_export::write_jsonl(&events(), &mut buf).unwrap_or_else(|e| panic!("{e}"));
    let back: Vec<MergedEvent> = String::from_utf8_lossy(&buf)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}")))
        .collect();
    assert_eq!(back, events());
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_reads_back_the_same_rows() {
    use arrow_array::{Array, Float64Array, Int64Array, ListArray, StringArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let mut buf = Vec::new();
    vigie_export::write_parquet(&events(), &mut buf).unwrap_or_else(|e| panic!("{e}"));
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(buf))
        .unwrap_or_else(|e| panic!("{e}"))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let batches: Vec<_> = reader
        .map(|b| b.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(rows, 2);
    let b = &batches[0];
    let col = |name: &str| {
        b.column_by_name(name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let ids = col("id")
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap_or_else(|| panic!("id type"));
    assert_eq!(ids.value(1), "ev-00000000000000b2");
    let f = col("fatalities")
        .as_any()
        .downcast_ref::<Int64Array>()
        .unwrap_or_else(|| panic!("type"));
    assert_eq!(f.value(0), 25);
    assert!(f.is_null(1));
    let lat = col("latitude")
        .as_any()
        .downcast_ref::<Float64Array>()
        .unwrap_or_else(|| panic!("type"));
    assert!((lat.value(0) - 34.8853).abs() < 1e-9);
    let claims = col("claimed_by")
        .as_any()
        .downcast_ref::<ListArray>()
        .unwrap_or_else(|| panic!("type"));
    let first = claims.value(0);
    let first = first
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap_or_else(|| panic!("type"));
    assert_eq!((first.len(), first.value(1)), (2, "SOHR"));
}
