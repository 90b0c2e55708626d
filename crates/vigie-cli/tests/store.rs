//! `vigie ingest` and `vigie export` end to end: idempotence, order
//! independence, a process killed mid-ingest, and every export format.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn vigie(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .env_remove("VIGIE_DATA")
        .env_remove("VIGIE_DB")
        .output()
        .expect("the vigie binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const PLACES: [(&str, &str); 6] = [
    ("Palmyre", "Tadmur"),
    ("Deir ez-Zor", "Deir"),
    ("Raqqa", "Raqqa"),
    ("Alep", "Aleppo"),
    ("Homs", "Homs"),
    ("Idleb", "Idlib"),
];
const DAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// `n` short articles written for the test: each outlet reports the same
/// few battles in its own words, so merging has work to do.
fn corpus(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let (place, _) = PLACES[i % PLACES.len()];
            let day = DAYS[(i / PLACES.len()) % DAYS.len()];
            let month = 1 + (i / (PLACES.len() * DAYS.len())) % 12;
            let killed = 5 + (i * 7) % 40;
            let body = match i % 3 {
                0 => format!(
                    "L'armée syrienne a repris {day} le contrôle de la ville de {place} à l'Etat islamique, a annoncé l'agence Sana. Au moins {killed} jihadistes ont été tués dans les combats."
                ),
                1 => format!(
                    "Selon l'OSDH, les forces gouvernementales syriennes se sont emparées {day} de {place}, chassant les combattants de l'Etat islamique après de violents affrontements."
                ),
                _ => format!(
                    "Des frappes aériennes russes ont visé {day} des positions de l'Etat islamique près de {place}, tuant {killed} combattants, a rapporté l'Observatoire syrien des droits de l'homme."
                ),
            };
            // A dispatch number keeps every text distinct (exact
            // duplicates are skipped on purpose).
            let body = format!("{body} (Dépêche n° {i}.)");
            serde_json::json!({
                "id": format!("art-{i:05}"),
                "published": format!("2018-{month:02}-15"),
                "outlet": format!("Outlet {}", i % 4),
                "text": body,
            })
            .to_string()
        })
        .collect()
}

fn write_jsonl(path: &Path, lines: &[String]) {
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

/// (articles, mentions, events) of a database.
fn counts(db: &Path) -> (usize, usize, usize) {
    let mut s = vigie_store::open(db.to_str().unwrap()).unwrap();
    let c = s.counts().unwrap();
    (c.articles, c.mentions, c.events)
}

fn mention_events(db: &Path) -> Vec<(String, usize, String)> {
    vigie_store::open(db.to_str().unwrap())
        .unwrap()
        .mention_events()
        .unwrap()
}

#[test]
fn ingest_is_idempotent_and_order_independent() {
    let dir = tempfile::tempdir().unwrap();
    let lines = corpus(60);
    let fwd = dir.path().join("fwd.jsonl");
    write_jsonl(&fwd, &lines);
    let mut reversed = lines.clone();
    reversed.reverse();
    let back = dir.path().join("back.jsonl");
    write_jsonl(&back, &reversed);
    let db1 = dir.path().join("one.db");
    let db2 = dir.path().join("two.db");
    let r = vigie(&[
        "ingest",
        fwd.to_str().unwrap(),
        "--db",
        db1.to_str().unwrap(),
        "--batch",
        "7",
    ]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    assert!(text(&r.stderr).contains("60 new"), "{}", text(&r.stderr));
    let first = counts(&db1);
    assert_eq!(first.0, 60);
    assert!(first.1 >= 50, "{first:?}");
    assert!(
        first.2 < first.1,
        "reports of the same battle merge: {first:?}"
    );
    let r = vigie(&[
        "ingest",
        fwd.to_str().unwrap(),
        "--db",
        db1.to_str().unwrap(),
    ]);
    assert!(r.status.success());
    assert!(
        text(&r.stderr).contains("0 new, 0 changed, 60 unchanged"),
        "{}",
        text(&r.stderr)
    );
    assert_eq!(counts(&db1), first);
    let r = vigie(&[
        "ingest",
        back.to_str().unwrap(),
        "--db",
        db2.to_str().unwrap(),
        "--batch",
        "11",
    ]);
    assert!(r.status.success());
    assert_eq!(mention_events(&db1), mention_events(&db2));
}

#[test]
fn metadata_that_arrives_later_updates_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("meta.db");
    let db = db.to_str().unwrap();
    // First the bare text, as a scraper saves it: no date, no outlet.
    let body = "Des affrontements ont opposé mardi l'armée malienne à des jihadistes près de Tessit, dans la région de Gao, faisant au moins sept morts selon une source sécuritaire.";
    let txt = dir.path().join("tessit-123.txt");
    std::fs::write(&txt, body).unwrap();
    let r = vigie(&["ingest", txt.to_str().unwrap(), "--db", db]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let bare = vigie_store::open(db)
        .unwrap()
        .article("tessit-123")
        .unwrap()
        .expect("stored under its file name");
    assert_eq!(bare.outlet, None);
    // Then the same text with its metadata: re-extracted, not "unchanged".
    let jsonl = dir.path().join("feed.jsonl");
    let line = serde_json::json!({
        "id": "tessit-123", "outlet": "Sahel Hebdo", "published": "2022-03-10", "text": body,
    });
    write_jsonl(&jsonl, &[line.to_string()]);
    let r = vigie(&["ingest", jsonl.to_str().unwrap(), "--db", db]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    assert!(
        text(&r.stderr).contains("0 new, 1 changed, 0 unchanged"),
        "{}",
        text(&r.stderr)
    );
    let full = vigie_store::open(db)
        .unwrap()
        .article("tessit-123")
        .unwrap()
        .unwrap();
    assert_eq!(full.outlet.as_deref(), Some("Sahel Hebdo"));
    assert_eq!(full.published.as_deref(), Some("2022-03-10"));
    // Tuesday before a Thursday 10 March 2022 publication.
    let page = vigie_store::open(db)
        .unwrap()
        .events(&vigie_store::EventQuery::default())
        .unwrap();
    assert_eq!(page.total, 1, "{page:?}");
    assert_eq!(page.events[0].event_date, "2022-03-08");
    // Giving it again changes nothing.
    let r = vigie(&["ingest", jsonl.to_str().unwrap(), "--db", db]);
    assert!(
        text(&r.stderr).contains("0 new, 0 changed, 1 unchanged"),
        "{}",
        text(&r.stderr)
    );
}

#[test]
fn a_wire_story_on_two_sites_is_flagged_and_kept_as_two_sources() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wire.db");
    let db = db.to_str().unwrap();
    let wire = "Au moins neuf soldats ont été tués jeudi dans l'attaque d'un camp militaire à Djibo, dans le nord du Burkina Faso, a indiqué vendredi une source sécuritaire. Les assaillants, venus à moto en grand nombre, ont attaqué le camp à l'aube avant d'être repoussés par l'armée appuyée par l'aviation. Plusieurs véhicules ont été incendiés et des armes emportées. L'attaque n'a pas été revendiquée, mais la zone est régulièrement visée par des groupes jihadistes liés à Al-Qaïda et à l'Etat islamique.";
    let lines = [
        serde_json::json!({"id": "site-a", "outlet": "Sahel Hebdo", "published": "2022-06-10",
            "text": format!("Accueil International Afrique\n\n{wire}\n\nPartagez cet article.")}),
        serde_json::json!({"id": "site-b", "outlet": "Ouaga Matin", "published": "2022-06-10",
            "text": format!("Burkina: neuf soldats tués à Djibo\n\n{wire} Le gouvernement a décrété un deuil national de trois jours.")}),
    ]
    .map(|l| l.to_string());
    let input = dir.path().join("wire.jsonl");
    write_jsonl(&input, &lines);
    let r = vigie(&["ingest", input.to_str().unwrap(), "--db", db, "-v"]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    assert!(
        text(&r.stderr).contains("tells the same story as \"site-a\""),
        "{}",
        text(&r.stderr)
    );
    let mut store = vigie_store::open(db).unwrap();
    let b = store.article("site-b").unwrap().unwrap();
    assert_eq!(b.near_duplicate_of.as_deref(), Some("site-a"));
    assert_eq!(
        store.article("site-a").unwrap().unwrap().near_duplicate_of,
        None
    );
    // Both articles report the attack; it is one event with two sources.
    let page = store.events(&vigie_store::EventQuery::default()).unwrap();
    assert_eq!(page.total, 1, "{page:?}");
    let detail = store.event(&page.events[0].id).unwrap().unwrap();
    let articles: std::collections::BTreeSet<&str> = detail
        .reports
        .iter()
        .map(|r| r.article_id.as_str())
        .collect();
    assert_eq!(articles.len(), 2, "{:?}", detail.reports);
    assert!(detail
        .reports
        .iter()
        .any(|r| r.near_duplicate_of.as_deref() == Some("site-a")));
}

#[test]
fn a_killed_ingest_leaves_a_consistent_database_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.jsonl");
    write_jsonl(&input, &corpus(3000));
    let db = dir.path().join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args([
            "ingest",
            input.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "--batch",
            "25",
            "-q",
        ])
        .env_remove("VIGIE_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the first committed batches, then kill -9.
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        if db.exists() {
            if let Ok(mut s) = vigie_store::open(db.to_str().unwrap()) {
                if s.counts().map(|c| c.articles >= 100).unwrap_or(false) {
                    break;
                }
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "ingest never committed"
        );
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the ingest was still running when killed"
    );
    // Consistent: whole batches, every report attached to a stored event.
    let mut s = vigie_store::sqlite::SqliteStore::open(db.to_str().unwrap()).unwrap();
    assert_eq!(s.integrity_check().unwrap(), "ok");
    let c = vigie_store::Store::counts(&mut s).unwrap();
    assert!(c.articles < 3000, "killed before the end: {c:?}");
    assert_eq!(c.articles % 25, 0, "batches are atomic: {c:?}");
    let ids = vigie_store::Store::mention_events(&mut s).unwrap();
    assert!(ids.iter().all(|(_, _, e)| !e.is_empty()));
    drop(s);
    // Resume: the same result as one uninterrupted run.
    let r = vigie(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--batch",
        "500",
    ]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let fresh = dir.path().join("fresh.db");
    let r = vigie(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        fresh.to_str().unwrap(),
        "--batch",
        "500",
    ]);
    assert!(r.status.success());
    assert_eq!(counts(&db), counts(&fresh));
    assert_eq!(mention_events(&db), mention_events(&fresh));
}

#[test]
fn exports_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    write_jsonl(&input, &corpus(30));
    let db = dir.path().join("x.db");
    let d = db.to_str().unwrap();
    assert!(vigie(&["ingest", input.to_str().unwrap(), "--db", d])
        .status
        .success());
    let events = counts(&db).2;
    let csv = dir.path().join("events.csv");
    let r = vigie(&[
        "export",
        "--db",
        d,
        "--format",
        "acled-csv",
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let body = std::fs::read_to_string(&csv).unwrap();
    assert!(
        body.starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type")
    );
    assert_eq!(body.lines().count(), events + 1);
    assert!(
        body.contains(",760,Middle East,Syria,") || body.contains(",Middle East,Syria,"),
        "{body}"
    );
    let r = vigie(&["export", "--db", d, "--format", "geojson"]);
    assert!(r.status.success());
    let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert_eq!(v["features"].as_array().map(Vec::len), Some(events));
    let r = vigie(&[
        "export",
        "--db",
        d,
        "--format",
        "jsonl",
        "--event-type",
        "Battles",
        "--from",
        "2018-01-01",
    ]);
    assert!(r.status.success());
    assert!(text(&r.stdout)
        .lines()
        .all(|l| l.contains("\"event_type\":\"Battles\"")));
    let pq = dir.path().join("events.parquet");
    let r = vigie(&[
        "export",
        "--db",
        d,
        "--format",
        "parquet",
        "--out",
        pq.to_str().unwrap(),
    ]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    assert_eq!(&std::fs::read(&pq).unwrap()[..4], b"PAR1");
    let r = vigie(&["export", "--db", d, "--format", "parquet"]);
    assert!(!r.status.success(), "Parquet to a terminal is refused");
    let r = vigie(&["export", "--db", d, "--format", "xml"]);
    assert!(!r.status.success());
    assert!(text(&r.stderr).contains("unknown format"));
    let r = vigie(&[
        "export",
        "--db",
        d,
        "--format",
        "jsonl",
        "--from",
        "yesterday",
    ]);
    assert!(!r.status.success());
}
