//! `vigie watch` end to end: killed with SIGKILL while storing, restarted,
//! the database is consistent, nothing is stored twice, and it ends with
//! the events one plain `vigie ingest` gives.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn vigie() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
}

const PLACES: [(&str, &str); 6] = [
    ("Djibo", "burkinabè"),
    ("Ménaka", "malienne"),
    ("Diffa", "nigérienne"),
    ("Kidal", "malienne"),
    ("Dori", "burkinabè"),
    ("Tillabéri", "nigérienne"),
];

/// `n` short dispatches of our own, all different.
fn write_articles(dir: &Path, n: usize) {
    for i in 0..n {
        let (place, army) = PLACES[i % PLACES.len()];
        let day = 1 + i % 28;
        let text = format!(
            "date 2021-03-{day:02}\n\nAttaque près de {place}\n\nDes hommes armés ont attaqué une position de l'armée {army} près de {place}, tuant {} soldats, selon une source locale. Dépêche numéro {i}.\n",
            2 + i % 7
        );
        std::fs::write(dir.join(format!("depeche-{i:04}.txt")), text).unwrap();
    }
}

fn articles_in(db: &str) -> usize {
    vigie_store::open(db)
        .ok()
        .and_then(|mut s| s.counts().ok())
        .map_or(0, |c| c.articles)
}

fn export(db: &str, out: &Path) -> String {
    let r = vigie()
        .args(["export", "-q", "--db", db, "--format", "jsonl", "--out"])
        .arg(out)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn a_watcher_killed_while_storing_resumes_without_duplicates() {
    let tmp = tempfile::tempdir().unwrap();
    let inbox = tmp.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    let n = 600;
    write_articles(&inbox, n);
    let db = tmp.path().join("watch.db").to_string_lossy().to_string();
    let mut child = vigie()
        .arg("watch")
        .arg(&inbox)
        .args([
            "--db", &db, "--settle", "0.1", "--scan", "0.2", "--batch", "10", "-j", "1",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it as soon as a first batch is stored.
    let started = Instant::now();
    while articles_in(&db) == 0 && started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let at_kill = articles_in(&db);
    assert!(at_kill > 0, "the watcher stored nothing");
    eprintln!("killed with {at_kill} of {n} articles stored");

    // Restart for one pass: everything is there once.
    let r = vigie()
        .arg("watch")
        .arg(&inbox)
        .args(["--db", &db, "--once", "--settle", "0.1"])
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&r.stderr);
    assert!(r.status.success(), "{log}");
    assert_eq!(articles_in(&db), n, "{log}");
    {
        let mut store = vigie_store::open(&db).unwrap();
        let source = format!("folder:{}", inbox.display());
        let paths: Vec<String> = (0..n)
            .map(|i| {
                inbox
                    .join(format!("depeche-{i:04}.txt"))
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(store.seen_items(&source, &paths).unwrap().len(), n);
    }
    // A further pass reads nothing; a plain ingest finds nothing new.
    let r = vigie()
        .arg("watch")
        .arg(&inbox)
        .args(["--db", &db, "--once", "--settle", "0.1"])
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&r.stderr);
    assert!(!log.contains("stored"), "{log}");
    let r = vigie()
        .arg("ingest")
        .arg(&inbox)
        .args(["--db", &db])
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&r.stderr);
    assert!(
        log.contains(&format!("0 new, 0 changed, {n} unchanged")),
        "{log}"
    );

    // The same events as one uninterrupted ingest.
    let fresh = tmp.path().join("fresh.db").to_string_lossy().to_string();
    let r = vigie()
        .args(["ingest", "-q", "--db", &fresh])
        .arg(&inbox)
        .output()
        .unwrap();
    assert!(r.status.success());
    let a = export(&db, &tmp.path().join("a.jsonl"));
    let b = export(&fresh, &tmp.path().join("b.jsonl"));
    assert!(!a.is_empty());
    assert_eq!(a, b, "a killed and resumed watcher ends with other events");
}

#[test]
fn watch_needs_something_to_watch_and_existing_folders() {
    let r = vigie()
        .args(["watch", "--db", "/nonexistent/x.db"])
        .output()
        .unwrap();
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("nothing to watch"));
    let r = vigie()
        .args(["watch", "/no/such/folder", "--once"])
        .output()
        .unwrap();
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("/no/such/folder"));
    let r = vigie()
        .args(["watch", "--feed", "ftp://example.org/feed", "--once"])
        .output()
        .unwrap();
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("not an http(s) URL"));
}
