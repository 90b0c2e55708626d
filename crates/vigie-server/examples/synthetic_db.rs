//! Builds a database of synthetic events for load tests of the API.
//!
//!   cargo run --release -p vigie-server --example synthetic_db -- OUT.db [N]
//!
//! N (default 100000) one-event articles spread over Syria, Iraq, the
//! Sahel, Ukraine and eastern DR Congo from 2015 to 2023, of every event
//! type, generated deterministically.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::process::ExitCode;
use vigie_core::Event;
use vigie_store::ArticleRecord;

/// A small deterministic generator (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn unit(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[(self.next() as usize) % xs.len()]
    }
}

/// (country, actor1, actor2, min lat, min lon, max lat, max lon)
const REGIONS: [(&str, &str, &str, f64, f64, f64, f64); 5] = [
    (
        "SY",
        "Military Forces of Syria",
        "Islamic State",
        32.5,
        35.8,
        37.0,
        42.0,
    ),
    (
        "IQ",
        "Military Forces of Iraq",
        "Islamic State",
        30.0,
        39.0,
        37.0,
        48.0,
    ),
    (
        "ML",
        "Military Forces of Mali",
        "JNIM: Group for Support of Islam and Muslims",
        12.0,
        -11.0,
        20.0,
        4.0,
    ),
    (
        "UA",
        "Military Forces of Russia",
        "Military Forces of Ukraine",
        45.0,
        30.0,
        50.5,
        40.0,
    ),
    (
        "CD",
        "Military Forces of the Democratic Republic of Congo",
        "M23: March 23 Movement",
        -4.0,
        27.0,
        2.0,
        30.5,
    ),
];

const TYPES: [(&str, &str, u8); 6] = [
    ("Battles", "Armed clash", 2),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        2,
    ),
    ("Explosions/Remote violence", "Air/drone strike", 2),
    ("Violence against civilians", "Attack", 7),
    ("Protests", "Peaceful protest", 0),
    ("Strategic developments", "Arrests", 7),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let Some(out) = args.get(1) else {
        eprintln!("usage: synthetic_db OUT.db [N]");
        return ExitCode::from(2);
    };
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let mut rng = Rng(42);
    let start = chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let mut records = Vec::with_capacity(n);
    for i in 0..n {
        let (country, a1, a2, la0, lo0, la1, lo1) = *rng.pick(&REGIONS);
        let (etype, sub, _) = *rng.pick(&TYPES);
        let lat = la0 + (la1 - la0) * rng.unit();
        let lon = lo0 + (lo1 - lo0) * rng.unit();
        let date = start + chrono::Days::new(rng.next() % 3287);
        let protest = etype == "Protests";
        let fatalities = (!protest).then(|| (rng.next() % 30) as u32);
        let event = serde_json::json!({
            "event_date": date.format("%Y-%m-%d").to_string(), "date_precision": "day",
            "event_type": etype, "sub_event_type": sub,
            "actor1": if protest { format!("Protesters ({country})") } else { a1.to_string() },
            "actor2": if protest { serde_json::Value::Null } else { serde_json::Value::from(a2) },
            "inter1": if protest { 6 } else { 1 }, "inter2": if protest { serde_json::Value::Null } else { 2.into() },
            "country": country, "admin1": format!("Region {}", i % 7),
            "location": format!("Place {i}"), "latitude": lat, "longitude": lon, "geo_precision": 1,
            "fatalities": fatalities, "claimed_by": ["Synthetic Monitor"],
            "evidence": format!("Synthetic report number {i}."),
            "notes": format!("Synthetic {sub} number {i}."), "confidence": 0.7
        });
        let event: Event = match serde_json::from_value(event) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("synthetic event {i}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let text = format!("Synthetic report number {i}.");
        records.push(ArticleRecord {
            id: format!("syn-{i:06}"),
            url: None,
            title: Some(format!("Synthetic article {i}")),
            outlet: Some("Synthetic Wire".into()),
            published: Some(date.format("%Y-%m-%d").to_string()),
            published_precision: Some("day".into()),
            language: Some("en".into()),
            content_hash: format!("{i:x}"),
            body: vec![[0, text.len()]],
            near_duplicate_of: None,
            text,
            input: "synthetic".into(),
            mentions: Vec::new(),
            events: vec![event],
            diagnostics: Vec::new(),
        });
    }
    let t = std::time::Instant::now();
    let mut store = match vigie_store::open(out) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match store.ingest(&records).and_then(|_| store.counts()) {
        Ok(c) => {
            println!(
                "{}: {} articles, {} events in {:.1} s",
                out,
                c.articles,
                c.events,
                t.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
