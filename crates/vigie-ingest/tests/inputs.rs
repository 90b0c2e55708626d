//! End-to-end tests of the input readers on files the tests write.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use vigie_core::Severity;
use vigie_ingest::{Inputs, Item};

fn read_all(inputs: &[&str]) -> (Vec<vigie_core::Article>, Vec<vigie_core::Diagnostic>) {
    let mut arts = Vec::new();
    let mut diags = Vec::new();
    for item in Inputs::new(inputs) {
        match item {
            Item::Article(a) => arts.push(*a),
            Item::Diagnostic(d) => diags.push(d),
        }
    }
    (arts, diags)
}

#[test]
fn bad_inputs_are_reported_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    std::fs::write(
        p("ok.txt"),
        "Des combats ont opposé l'armée aux rebelles près de Goma lundi.",
    )
    .unwrap();
    std::fs::write(p("empty.txt"), "").unwrap();
    std::fs::write(p("binary.txt"), b"\x7FELF\x02\x01\x01\x00\x00\x00").unwrap();
    std::fs::write(
        p("latin1.txt"),
        b"Frappes a\xe9riennes sur Idleb, selon l'OSDH.",
    )
    .unwrap();
    std::fs::write(
        p("batch.jsonl"),
        "{\"id\": \"j1\", \"url\": \"https://example.org/2021/05/03/x\", \"text\": \"Un kamikaze s'est fait exploser.\"}\n\
         {\"id\": \"j2\", text: broken}\n\
         \n\
         {\"id\": \"j3\", \"text\": \"Des manifestants dispersés.\"}\n",
    )
    .unwrap();
    std::fs::write(p("notes.md"), "ignore me").unwrap();
    let (arts, diags) = read_all(&[dir.path().to_str().unwrap()]);
    let ids: Vec<&str> = arts.iter().map(|a| a.id.as_str()).collect();
    // JSONL first, then text files in name order.
    assert_eq!(ids, vec!["j1", "j3", "latin1", "ok"]);
    assert_eq!(arts[0].published.unwrap().to_string(), "2021-05-03");
    assert_eq!(arts[2].text, "Frappes aériennes sur Idleb, selon l'OSDH.");
    let text: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    let has = |needle: &str| text.iter().any(|t| t.contains(needle));
    assert!(has("batch.jsonl:2: malformed JSON line"), "{text:?}");
    assert!(has("empty.txt: empty file; skipped"), "{text:?}");
    assert!(
        has("binary.txt: binary file (an executable); skipped"),
        "{text:?}"
    );
    assert!(has("latin1.txt: not valid UTF-8"), "{text:?}");
    assert!(
        has("notes.md: skipped: not a known input format"),
        "{text:?}"
    );
    assert!(
        diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
            == 2
    );
}

#[test]
fn duplicates_across_files_are_skipped_and_gzip_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Les forces gouvernementales ont repris la ville de Palmyre dimanche.";
    std::fs::write(dir.path().join("a1.txt"), text).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    writeln!(
        gz,
        "{}",
        serde_json::json!({"id": "a1", "url": "https://example.org/x", "text": text})
    )
    .unwrap();
    writeln!(gz, "{}", serde_json::json!({"id": "a2", "text": text})).unwrap();
    std::fs::write(dir.path().join("all.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let (arts, diags) = read_all(&[dir.path().to_str().unwrap()]);
    assert_eq!(arts.len(), 1);
    assert_eq!(arts[0].url.as_deref(), Some("https://example.org/x"));
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert!(diags.iter().all(|d| d.severity == Severity::Note));
}

#[test]
fn truncated_gzip_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..200 {
        writeln!(gz, "{}", serde_json::json!({"id": format!("n{i}"), "text": format!("Article numéro {i} sur les combats à Gao.")})).unwrap();
    }
    let bytes = gz.finish().unwrap();
    let cut = dir.path().join("cut.jsonl.gz");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let missing = dir.path().join("nope.txt");
    let (arts, diags) = read_all(&[cut.to_str().unwrap(), missing.to_str().unwrap()]);
    assert!(!arts.is_empty() && arts.len() < 200, "{}", arts.len());
    assert!(
        diags.iter().any(|d| d.reason.contains("read error")),
        "{diags:?}"
    );
    assert!(
        diags
            .iter()
            .any(|d| d.reason == "no such file or directory"),
        "{diags:?}"
    );
}
