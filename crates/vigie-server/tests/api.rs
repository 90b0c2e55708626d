//! The HTTP API on a database built from the repository's test articles
//! (`tests/corpus`, run through the whole pipeline).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;
use vigie_store::ArticleRecord;

struct Fixture {
    _dir: tempfile::TempDir,
    db: String,
}

/// Ingests tests/corpus once for all tests.
fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let db = dir.path().join("api.db").to_string_lossy().to_string();
        let lex = Arc::new(vigie_lexicon::Lexicon::embedded().unwrap_or_else(|e| panic!("{e}")));
        let pipeline = vigie_pipeline::Pipeline::new(lex.clone());
        let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/corpus");
        let mut records = Vec::new();
        for item in vigie_ingest::Inputs::new(&[corpus.to_string()]) {
            if let vigie_ingest::Item::Article(a) = item {
                let p = pipeline.process(*a);
                records.push(ArticleRecord::new(
                    &p.article,
                    p.annotation.mentions(&p.article.text, &lex),
                    p.extraction.events.clone(),
                    &p.diagnostics,
                ));
            }
        }
        assert!(records.len() >= 25, "test articles read: {}", records.len());
        let mut store = vigie_store::open(&db).unwrap_or_else(|e| panic!("{e}"));
        store.ingest(&records).unwrap_or_else(|e| panic!("{e}"));
        Fixture { _dir: dir, db }
    })
}

async fn get(uri: &str) -> (StatusCode, String, Value) {
    let db = fixture().db.clone();
    let pool =
        vigie_server::Pool::new(2, || vigie_store::open(&db)).unwrap_or_else(|e| panic!("{e}"));
    let app = vigie_server::router(Arc::new(pool));
    let res = app
        .oneshot(
            Request::get(uri)
                .body(Body::empty())
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = res.status();
    let ctype = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = res
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, ctype, json)
}

#[tokio::test]
async fn health_counts_the_database() {
    let (s, ctype, v) = get("/api/health").await;
    assert_eq!(s, StatusCode::OK);
    assert!(ctype.starts_with("application/json"));
    assert_eq!(v["status"], "ok");
    assert!(v["articles"].as_u64().unwrap_or(0) >= 25);
    assert!(v["events"].as_u64().unwrap_or(0) >= 30, "{v}");
}

#[tokio::test]
async fn events_are_filtered_sorted_and_paged() {
    let (s, _, all) = get("/api/events?limit=500").await;
    assert_eq!(s, StatusCode::OK);
    let total = all["total"].as_u64().unwrap_or(0);
    assert_eq!(all["events"].as_array().map(Vec::len), Some(total as usize));
    let first = &all["events"][0];
    for k in [
        "id",
        "event_date",
        "event_type",
        "sub_event_type",
        "actor1",
        "sources",
        "notes",
    ] {
        assert!(first.get(k).is_some(), "missing {k} in {first}");
    }
    // Newest first by default.
    let dates: Vec<&str> = all["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["event_date"].as_str())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]));
    let (_, _, battles) = get("/api/events?event_type=Battles&limit=500").await;
    let n = battles["total"].as_u64().unwrap_or(0);
    assert!(n > 0 && n < total);
    assert!(battles["events"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|e| e["event_type"] == "Battles"));
    // Syria's bounding box and a date range.
    let (_, _, syria) =
        get("/api/events?bbox=35.5,32.0,42.5,37.5&from=2017-01-01&to=2019-12-31&limit=500").await;
    for e in syria["events"].as_array().into_iter().flatten() {
        let (lat, lon) = (
            e["latitude"].as_f64().unwrap_or(0.0),
            e["longitude"].as_f64().unwrap_or(0.0),
        );
        assert!(
            (32.0..=37.5).contains(&lat) && (35.5..=42.5).contains(&lon),
            "{e}"
        );
        let d = e["event_date"].as_str().unwrap_or("");
        assert!(("2017-01-01"..="2019-12-31").contains(&d), "{d}");
    }
    assert!(syria["total"].as_u64().unwrap_or(0) > 0);
    let (_, _, page) = get("/api/events?limit=2&offset=1&sort=date_asc").await;
    assert_eq!(page["events"].as_array().map(Vec::len), Some(2));
    assert_eq!(page["total"].as_u64(), Some(total));
    let (_, _, text) = get("/api/events?q=BAMAKO").await;
    assert!(text["total"].as_u64().unwrap_or(0) >= 1);
    let (_, _, none) = get("/api/events?q=zzzznotthere").await;
    assert_eq!(none["total"], 0);
}

#[tokio::test]
async fn an_event_has_its_sources_evidence_and_claims() {
    let (_, _, list) = get("/api/events?limit=500&sort=fatalities_desc").await;
    let id = list["events"][0]["id"].as_str().unwrap_or("").to_string();
    let (s, _, e) = get(&format!("/api/events/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(e["id"], id.as_str());
    let sources = e["sources"].as_array().cloned().unwrap_or_default();
    assert!(!sources.is_empty());
    let src = &sources[0];
    let article = src["article_id"].as_str().unwrap_or("");
    assert_eq!(
        src["article_url"],
        format!("/api/articles/{article}").as_str()
    );
    let span = src["evidence_span"].as_array().cloned().unwrap_or_default();
    assert_eq!(span.len(), 2);
    // The evidence span points at the quote in the article's text.
    let (s, _, a) = get(&format!("/api/articles/{article}")).await;
    assert_eq!(s, StatusCode::OK);
    let text = a["text"].as_str().unwrap_or("");
    let (from, to) = (
        span[0].as_u64().unwrap_or(0) as usize,
        span[1].as_u64().unwrap_or(0) as usize,
    );
    let quoted = text.get(from..to).unwrap_or("");
    assert_eq!(
        quoted.trim(),
        src["evidence"].as_str().unwrap_or("-").trim()
    );
    assert!(a["mentions"].as_array().map(Vec::len).unwrap_or(0) > 3);
    assert!(a["events"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|x| x["event_id"] == id.as_str()));
    for k in [
        "fatalities_low",
        "fatalities_high",
        "claimed_by",
        "merge_reasons",
        "claims",
        "interaction",
    ] {
        assert!(e.get(k).is_some(), "missing {k}");
    }
}

#[tokio::test]
async fn timeline_clusters_and_actors() {
    let (s, _, t) = get("/api/timeline?interval=month").await;
    assert_eq!(s, StatusCode::OK);
    let buckets = t["buckets"].as_array().cloned().unwrap_or_default();
    assert!(!buckets.is_empty());
    assert!(buckets
        .iter()
        .all(|b| b["start"].as_str().is_some_and(|d| d.ends_with("-01"))));
    let (_, _, all) = get("/api/events?limit=1").await;
    let counted: u64 = buckets.iter().filter_map(|b| b["count"].as_u64()).sum();
    assert_eq!(counted, all["total"].as_u64().unwrap_or(0));
    let (_, _, c) = get("/api/clusters?zoom=3").await;
    let clusters = c["clusters"].as_array().cloned().unwrap_or_default();
    assert!(!clusters.is_empty());
    assert!(clusters
        .iter()
        .all(|x| (x["count"].as_u64() == Some(1)) == x["event_id"].is_string()));
    let (_, _, a) = get("/api/actors?limit=5").await;
    let actors = a["actors"].as_array().cloned().unwrap_or_default();
    assert_eq!(actors.len(), 5);
    let counts: Vec<u64> = actors.iter().filter_map(|x| x["events"].as_u64()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
}

#[tokio::test]
async fn bad_parameters_and_unknown_ids() {
    for uri in [
        "/api/events?from=2017-13-45",
        "/api/events?bbox=1,2",
        "/api/events?limit=100000",
        "/api/events?event_type=Duels",
        "/api/clusters",
        "/api/clusters?zoom=30",
        "/api/timeline?interval=hour",
        "/api/actors?limit=0",
    ] {
        let (s, _, v) = get(uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}");
        assert!(
            v["error"].as_str().is_some_and(|m| !m.is_empty()),
            "{uri}: {v}"
        );
    }
    for uri in ["/api/events/ev-nope", "/api/articles/nope", "/api/nothing"] {
        let (s, _, v) = get(uri).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}");
        assert!(v["error"].is_string());
    }
    // SQL in a parameter is only data.
    let (s, _, v) = get("/api/events?actor=x%27%20OR%201%3D1%20--").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["total"], 0);
}

#[tokio::test]
async fn the_page_and_the_openapi_document() {
    let (s, _, spec) = get("/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(spec["openapi"], "3.0.3");
    for p in [
        "/api/events",
        "/api/events/{id}",
        "/api/articles/{id}",
        "/api/timeline",
        "/api/clusters",
        "/api/actors",
        "/api/health",
    ] {
        assert!(spec["paths"].get(p).is_some(), "{p} not documented");
    }
    let (s, ctype, _) = get("/").await;
    assert_eq!(s, StatusCode::OK);
    assert!(ctype.starts_with("text/html"));
    let (s, ctype, _) = get("/app.js").await;
    assert_eq!(s, StatusCode::OK);
    assert!(ctype.starts_with("text/javascript"));
    let (s, _, _) = get("/vendor/leaflet/leaflet.js").await;
    assert_eq!(s, StatusCode::OK);
    let (s, _, _) = get("/missing.js").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

async fn get_bytes(uri: &str) -> (StatusCode, String, Vec<u8>) {
    let db = fixture().db.clone();
    let pool =
        vigie_server::Pool::new(1, || vigie_store::open(&db)).unwrap_or_else(|e| panic!("{e}"));
    let res = vigie_server::router(Arc::new(pool))
        .oneshot(
            Request::get(uri)
                .body(Body::empty())
                .unwrap_or_else(|e| panic!("{e}")),
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let status = res.status();
    let ctype = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let bytes = res
        .into_body()
        .collect()
        .await
        .map(|b| b.to_bytes().to_vec())
        .unwrap_or_default();
    (status, ctype, bytes)
}

#[tokio::test]
async fn the_alert_feed_is_atom_with_the_filtered_events() {
    let (_, _, all) = get("/api/events?limit=500").await;
    let total = all["total"].as_u64().unwrap_or(0) as usize;
    assert!(total > 5);
    let (s, ctype, body) = get_bytes("/api/events.atom?limit=500").await;
    assert_eq!(s, StatusCode::OK);
    assert!(ctype.starts_with("application/atom+xml"), "{ctype}");
    let feed = feed_rs::parser::parse(&body[..]).unwrap_or_else(|e| panic!("not a feed: {e}"));
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.entries.len(), total);
    let ids: std::collections::HashSet<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), total, "entry ids are unique");
    for e in &feed.entries {
        assert!(e.id.starts_with("urn:vigie:event:ev-"), "{}", e.id);
        assert!(e.updated.is_some());
        assert!(!e
            .title
            .as_ref()
            .map(|t| t.content.clone())
            .unwrap_or_default()
            .is_empty());
        assert!(e
            .links
            .iter()
            .any(|l| l.href.starts_with("/api/events/ev-")));
    }
    // A filter: the events of one country and type, as the event list has them.
    let (_, _, sy) = get("/api/events?country=SY&event_type=Battles&limit=500").await;
    let (_, _, body) = get_bytes("/api/events.atom?country=SY&type=Battles").await;
    let feed = feed_rs::parser::parse(&body[..]).unwrap_or_else(|e| panic!("{e}"));
    let want: std::collections::HashSet<String> = sy["events"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["id"].as_str())
                .map(|id| format!("urn:vigie:event:{id}"))
                .collect()
        })
        .unwrap_or_default();
    let got: std::collections::HashSet<String> =
        feed.entries.iter().map(|e| e.id.clone()).collect();
    assert!(!want.is_empty());
    assert_eq!(got, want);
    // Bad filters are a 400, as for the other endpoints.
    let (s, _, _) = get_bytes("/api/events.atom?country=Syria").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn health_shows_the_last_change_and_watched_sources() {
    let (_, _, v) = get("/api/health").await;
    assert!(
        v["updated"].as_str().is_some_and(|t| t.ends_with('Z')),
        "{v}"
    );
    assert!(v["sources"].as_array().is_some_and(|s| s.is_empty()), "{v}");
    assert_eq!(v["source_errors"], 0);
}
