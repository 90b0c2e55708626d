//! Watched folders: files copied in are read once, once they settled; a
//! rewritten file is re-extracted; a file still being written is not read
//! early; a restart reads nothing again; alerts go to a hook.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{bare, Reply, Seen, TestServer};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use vigie_core::Article;
use vigie_store::{ArticleRecord, Store};
use vigie_watch::{Alert, FetchConfig, Watch, WatchConfig};

const SETTLE: Duration = Duration::from_millis(300);

fn config(dir: &Path) -> WatchConfig {
    WatchConfig {
        folders: vec![dir.to_path_buf()],
        settle: SETTLE,
        fetch: FetchConfig {
            host_delay: Duration::ZERO,
            timeout: Duration::from_secs(2),
            ..FetchConfig::default()
        },
        alert_backoff: Duration::from_millis(50),
        ..WatchConfig::default()
    }
}

const MALI: &str = "date 2022-03-08\n\nAttaque contre un camp militaire près de Mopti\n\nDes jihadistes présumés ont attaqué mardi un camp de l'armée malienne près de Mopti, tuant six soldats, a indiqué l'armée dans un communiqué. Les assaillants ont été repoussés après plusieurs heures de combats.\n";
const SUDAN: &str = "date 2023-06-14\n\nShelling in El Fasher\n\nThe Rapid Support Forces shelled residential districts of El Fasher on Tuesday, killing nine civilians, according to local volunteers. The army said it had repelled an assault on its base in the north of the city.\n";

/// Cycles (as the watcher's loop does) until no file is pending; what
/// they did, summed.
fn settle_with(
    watch: &mut Watch,
    store: &mut dyn Store,
    process: &mut dyn FnMut(Vec<Article>) -> Vec<ArticleRecord>,
) -> vigie_watch::Cycle {
    let mut all = vigie_watch::Cycle::default();
    for _ in 0..20 {
        std::thread::sleep(SETTLE + Duration::from_millis(100));
        let c = watch.cycle(store, process).unwrap();
        all.lines.extend(c.lines);
        all.diagnostics.extend(c.diagnostics);
        all.stats += c.stats;
        all.articles += c.articles;
        if c.pending == 0 {
            break;
        }
    }
    all
}

fn settle_then_cycle(watch: &mut Watch, store: &mut dyn Store) -> vigie_watch::Cycle {
    settle_with(watch, store, &mut bare)
}

#[test]
fn files_are_read_once_when_settled_and_again_when_rewritten() {
    let inbox = tempfile::tempdir().unwrap();
    let dbdir = tempfile::tempdir().unwrap();
    let mut store = vigie_store::open(dbdir.path().join("w.db").to_str().unwrap()).unwrap();
    let mut watch = Watch::new(config(inbox.path())).unwrap();

    std::fs::write(inbox.path().join("mali-mopti.txt"), MALI).unwrap();
    // Just written: not settled yet.
    let c = watch.cycle(store.as_mut(), &mut bare).unwrap();
    assert_eq!(c.pending, 1);
    assert_eq!(c.stats.new, 0);
    let c = settle_then_cycle(&mut watch, store.as_mut());
    assert_eq!(c.stats.new, 1, "{:?}", c.lines);
    assert!(store.article("mali-mopti").unwrap().is_some());
    // Nothing again.
    let c = settle_then_cycle(&mut watch, store.as_mut());
    assert_eq!(c.articles, 0);

    // Rewritten: read again, the stored article changes.
    std::fs::write(
        inbox.path().join("mali-mopti.txt"),
        MALI.replace("six soldats", "huit soldats"),
    )
    .unwrap();
    let c = settle_then_cycle(&mut watch, store.as_mut());
    assert_eq!((c.stats.new, c.stats.changed), (0, 1), "{:?}", c.lines);
    assert!(store
        .article("mali-mopti")
        .unwrap()
        .unwrap()
        .text
        .contains("huit soldats"));

    // A restart on the same database reads nothing again.
    drop(watch);
    let mut again = Watch::new(config(inbox.path())).unwrap();
    let c = settle_then_cycle(&mut again, store.as_mut());
    assert_eq!(c.articles, 0, "{:?}", c.lines);
    assert_eq!(store.counts().unwrap().articles, 1);
}

#[test]
fn a_file_being_written_is_not_read_early() {
    let inbox = tempfile::tempdir().unwrap();
    let dbdir = tempfile::tempdir().unwrap();
    let mut store = vigie_store::open(dbdir.path().join("w.db").to_str().unwrap()).unwrap();
    let mut watch = Watch::new(config(inbox.path())).unwrap();
    let path = inbox.path().join("sudan.txt");
    let (first, second) = SUDAN.split_at(SUDAN.len() / 2);
    // Written in two steps, the second before the file settled.
    std::fs::write(&path, first).unwrap();
    watch.cycle(store.as_mut(), &mut bare).unwrap();
    std::thread::sleep(SETTLE / 3);
    {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        f.write_all(second.as_bytes()).unwrap();
    }
    let c = watch.cycle(store.as_mut(), &mut bare).unwrap();
    assert_eq!(c.articles, 0, "read while being written");
    let c = settle_then_cycle(&mut watch, store.as_mut());
    assert_eq!(c.stats.new, 1);
    assert_eq!(store.article("sudan").unwrap().unwrap().text, SUDAN);

    // A download under a temporary name waits for its rename.
    let part = inbox.path().join("mali.txt.part");
    std::fs::write(&part, MALI).unwrap();
    let c = settle_then_cycle(&mut watch, store.as_mut());
    assert_eq!(c.articles, 0);
    std::fs::rename(&part, inbox.path().join("mali.txt")).unwrap();
    // The rename keeps the old modification time: read at once.
    let c = settle_then_cycle(&mut watch, store.as_mut());
    assert_eq!(c.stats.new, 1, "{:?}", c.lines);
}

#[test]
fn unreadable_files_are_reported_once_and_the_rest_goes_on() {
    let inbox = tempfile::tempdir().unwrap();
    let dbdir = tempfile::tempdir().unwrap();
    let mut store = vigie_store::open(dbdir.path().join("w.db").to_str().unwrap()).unwrap();
    let mut watch = Watch::new(config(inbox.path())).unwrap();
    std::fs::write(
        inbox.path().join("broken.jsonl"),
        "{\"id\": \"a\", \"text\": \n",
    )
    .unwrap();
    std::fs::write(
        inbox.path().join("photo.jpg"),
        [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0, 0],
    )
    .unwrap();
    std::fs::write(inbox.path().join("sudan.txt"), SUDAN).unwrap();
    let c = settle_then_cycle(&mut watch, store.as_mut());
    assert_eq!(c.stats.new, 1);
    assert!(
        c.diagnostics
            .iter()
            .any(|d| d.input.contains("broken.jsonl")),
        "{:?}",
        c.diagnostics
    );
    assert!(
        c.diagnostics.iter().any(|d| d.input.contains("photo.jpg")),
        "{:?}",
        c.diagnostics
    );
    // A binary under a text name is an error of its own.
    std::fs::write(
        inbox.path().join("scan.txt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2],
    )
    .unwrap();
    let c = settle_then_cycle(&mut watch, store.as_mut());
    assert!(
        c.diagnostics.iter().any(|d| d.input.contains("scan.txt")),
        "{:?}",
        c.diagnostics
    );
    // Stored with the database's diagnostics, and not repeated.
    let stored = store.diagnostics().unwrap();
    assert!(stored.iter().any(|d| d.input.contains("broken.jsonl")));
    let c = settle_then_cycle(&mut watch, store.as_mut());
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
}

/// Records through the real pipeline (alerts need events).
fn with_pipeline() -> impl FnMut(Vec<Article>) -> Vec<ArticleRecord> {
    let lex = Arc::new(vigie_lexicon::Lexicon::load(&vigie_lexicon::DataSet::embedded()).unwrap());
    let pipeline = vigie_pipeline::Pipeline::new(lex);
    move |articles: Vec<Article>| {
        articles
            .into_iter()
            .map(|a| {
                let p = pipeline.process(a);
                ArticleRecord::new(
                    &p.article,
                    p.annotation.mentions(&p.article.text, pipeline.lexicon()),
                    p.extraction.events.clone(),
                    &p.diagnostics,
                )
            })
            .collect()
    }
}

#[test]
fn the_notify_hook_gets_new_and_updated_events_of_its_filter_once() {
    // The hook fails its first request: the retry delivers.
    let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let c2 = Arc::clone(&calls);
    let hook = TestServer::start(Arc::new(move |_: &Seen| {
        if c2.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
            Reply::Status(503)
        } else {
            Reply::Status(204)
        }
    }));
    let inbox = tempfile::tempdir().unwrap();
    let dbdir = tempfile::tempdir().unwrap();
    let mut store = vigie_store::open(dbdir.path().join("w.db").to_str().unwrap()).unwrap();
    let mut cfg = config(inbox.path());
    cfg.alerts = vec![Alert {
        url: hook.url("/hook"),
        filter: "country=ML".into(),
        query: vigie_store::EventQuery {
            country: Some("ML".into()),
            ..Default::default()
        },
    }];
    let mut watch = Watch::new(cfg).unwrap();
    let mut process = with_pipeline();
    // First cycle: the target is set up on an empty database.
    watch.cycle(store.as_mut(), &mut process).unwrap();
    std::fs::write(inbox.path().join("mali.txt"), MALI).unwrap();
    std::fs::write(inbox.path().join("sudan.txt"), SUDAN).unwrap();
    let c = settle_with(&mut watch, store.as_mut(), &mut process);
    assert_eq!(c.stats.new, 2);
    let posts: Vec<serde_json::Value> = hook
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .map(|r| serde_json::from_str(&r.body).unwrap())
        .collect();
    // One failed attempt, then the delivery; only the Malian event.
    assert_eq!(posts.len(), 2, "{posts:?}");
    assert_eq!(posts[1]["kind"], "new");
    assert_eq!(posts[1]["event"]["country"], "ML");
    assert_eq!(posts[1]["event"]["event_type"], "Battles");
    assert!(c.lines.iter().any(|l| l.contains("1 new")), "{:?}", c.lines);
    // Nothing changed: nothing sent.
    settle_with(&mut watch, store.as_mut(), &mut process);
    assert_eq!(hook.requests().len(), 2);
    // The article is corrected: the event is sent again as updated.
    std::fs::write(
        inbox.path().join("mali.txt"),
        MALI.replace("tuant six soldats", "tuant onze soldats"),
    )
    .unwrap();
    settle_with(&mut watch, store.as_mut(), &mut process);
    let last: serde_json::Value =
        serde_json::from_str(&hook.requests().last().unwrap().body).unwrap();
    assert_eq!(last["kind"], "updated", "{last}");
    assert_eq!(last["event"]["fatalities"], 11);
}
