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

fn warc_record(kind: &str, uri: &str, http: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-05-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

const PAGE: &str = "<html><head><meta charset=\"iso-8859-1\"><title>Attaque au Mali</title>\
<meta property=\"article:published_time\" content=\"2022-05-03\"></head><body>\
<nav>Accueil | Monde | Abonnement</nav><article>\
<p>Des hommes armés ont attaqué lundi un poste de la gendarmerie malienne à Boni, dans la région de Mopti, tuant au moins trois gendarmes, selon une source sécuritaire jointe par téléphone.</p>\
<p>Les assaillants, arrivés à moto, ont incendié plusieurs véhicules avant de se replier vers la frontière burkinabè, a précisé cette source, qui a requis l'anonymat.</p>\
</article><footer>Tous droits réservés</footer></body></html>";

#[test]
fn every_input_format_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    // A multi-member gzip WARC: a request, an HTML response (Latin-1 by
    // its HTTP header), an image response.
    let latin1: Vec<u8> = PAGE.chars().map(|c| c as u32 as u8).collect();
    let mut http =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n".to_vec();
    http.extend_from_slice(&latin1);
    let mut warc = gz(&warc_record(
        "request",
        "https://example.org/mali",
        b"GET /mali HTTP/1.1\r\n\r\n",
    ));
    warc.extend(gz(&warc_record(
        "response",
        "https://example.org/2022/05/03/mali",
        &http,
    )));
    warc.extend(gz(&warc_record(
        "response",
        "https://example.org/logo.png",
        b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
    )));
    std::fs::write(p("crawl.warc.gz"), warc).unwrap();
    // An RSS feed.
    std::fs::write(
        p("feed.rss"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Veille Sahel</title><item><title>Frappe</title>\
<link>https://example.org/frappe</link><pubDate>Wed, 04 May 2022 08:00:00 GMT</pubDate>\
<description>Une frappe de drone a visé un convoi près de Ménaka mardi.</description></item></channel></rss>",
    )
    .unwrap();
    // A Latin-1 HTML file that declares its charset.
    std::fs::write(p("page.html"), &latin1).unwrap();
    // zstd-compressed JSONL.
    let jsonl = serde_json::json!({"id": "z1", "text": "Des combats ont opposé l'armée aux rebelles du M23 près de Rutshuru jeudi."}).to_string();
    std::fs::write(
        p("batch.jsonl.zst"),
        ruzstd::encoding::compress_to_vec(
            jsonl.as_bytes(),
            ruzstd::encoding::CompressionLevel::Fastest,
        ),
    )
    .unwrap();
    let (arts, diags) = read_all(&[dir.path().to_str().unwrap()]);
    let by_origin = |f: &str| {
        arts.iter()
            .find(|a| a.origin.input.ends_with(f))
            .unwrap_or_else(|| panic!("no article from {f}: {diags:?}"))
    };
    let w = by_origin("crawl.warc.gz");
    assert_eq!(
        w.url.as_deref(),
        Some("https://example.org/2022/05/03/mali")
    );
    assert!(
        w.text.contains("poste de la gendarmerie malienne à Boni"),
        "{}",
        w.text
    );
    assert!(!w.text.contains("Abonnement"));
    assert_eq!(w.published.unwrap().to_string(), "2022-05-03");
    assert_eq!(w.origin.format, vigie_core::InputFormat::Warc);
    assert!(
        diags
            .iter()
            .any(|d| d.reason.contains("1 non-response records and 1 non-HTML")),
        "{diags:?}"
    );
    let f = by_origin("feed.rss");
    assert!(f.text.contains("frappe de drone"));
    assert_eq!(f.outlet.as_deref(), Some("Veille Sahel"));
    let z = by_origin("batch.jsonl.zst");
    assert_eq!(z.id, "z1");
    // The Latin-1 HTML file is the page of the WARC record: one article.
    assert_eq!(arts.len(), 3);
    assert!(diags
        .iter()
        .any(|d| d.input.ends_with("page.html") && d.reason.contains("skipped as a duplicate")));
    let (alone, _) = read_all(&[p("page.html").to_str().unwrap()]);
    assert!(alone[0].text.contains("région de Mopti"));
    assert_eq!(alone[0].title.as_deref(), Some("Attaque au Mali"));
}

#[test]
fn corrupt_compressed_and_odd_inputs_are_diagnosed() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    std::fs::write(p("zero.html"), b"").unwrap();
    std::fs::write(
        p("cut.txt.gz"),
        &gz(
            "Un texte assez long pour être coupé au milieu du flux compressé."
                .repeat(50)
                .as_bytes(),
        )[..60],
    )
    .unwrap();
    std::fs::write(p("bad.zst"), b"\x28\xb5\x2f\xfdgarbage").unwrap();
    std::fs::write(p("notfeed.xml"), b"<html><p>pas un flux</p></html>").unwrap();
    let mut warc = gz(&warc_record(
        "response",
        "https://example.org/a",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>",
    ));
    warc.truncate(warc.len() - 10);
    std::fs::write(p("cut.warc.gz"), warc).unwrap();
    let inputs: Vec<String> = [
        "zero.html",
        "cut.txt.gz",
        "bad.zst",
        "notfeed.xml",
        "cut.warc.gz",
    ]
    .iter()
    .map(|n| p(n).to_string_lossy().into_owned())
    .collect();
    let (arts, diags) = read_all(&inputs.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(arts.is_empty(), "{arts:?}");
    let text: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    for (file, reason) in [
        ("zero.html", "empty file"),
        ("cut.txt.gz", "corrupt or truncated"),
        ("bad.zst", "zstd"),
        ("notfeed.xml", "not a readable RSS, Atom or JSON feed"),
        ("cut.warc.gz", "WARC record"),
    ] {
        assert!(
            text.iter().any(|t| t.contains(file) && t.contains(reason)),
            "no {file}/{reason} in {text:#?}"
        );
    }
}

#[test]
fn stdin_like_bytes_are_sniffed() {
    // Files with unknown extensions given by name are sniffed too.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("download.bin");
    std::fs::write(&p, gz(PAGE.as_bytes())).unwrap();
    let (arts, _) = read_all(&[p.to_str().unwrap()]);
    assert_eq!(arts.len(), 1);
    assert!(arts[0].text.contains("Boni"));
}
