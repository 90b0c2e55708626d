//! Feeds polled against a local server: only new items are read, a 304 is
//! honoured, a summary-only item gets its page fetched, state survives a
//! restart, and hostile servers are reported and skipped.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{bare, dispatch, ok, rss, Reply, Seen, TestServer};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use vigie_store::Store;
use vigie_watch::{FetchConfig, Watch, WatchConfig};

fn config(feeds: Vec<String>) -> WatchConfig {
    WatchConfig {
        feeds,
        interval: Duration::from_secs(1),
        fetch: FetchConfig {
            timeout: Duration::from_secs(2),
            max_bytes: 256 * 1024,
            host_delay: Duration::ZERO,
            ..FetchConfig::default()
        },
        ..WatchConfig::default()
    }
}

fn article_count(store: &mut dyn Store) -> usize {
    store.counts().unwrap().articles
}

/// An item: link path, title, summary, content.
type Item = (String, String, Option<String>, Option<String>);

/// A feed whose items the test sets, with an ETag per version.
struct GrowingFeed {
    items: Mutex<Vec<Item>>,
    version: Mutex<u32>,
}

#[test]
fn a_growing_feed_gives_only_its_new_items_and_honours_304() {
    let feed = Arc::new(GrowingFeed {
        items: Mutex::new(vec![
            (
                "/2016/04/12/djibo".into(),
                "Attaque à Djibo".into(),
                None,
                Some(dispatch("Djibo", 4)),
            ),
            (
                "/2016/04/12/arbinda".into(),
                "Arbinda".into(),
                Some("Un poste attaqué à Arbinda.".into()),
                None,
            ),
        ]),
        version: Mutex::new(1),
    });
    let f = Arc::clone(&feed);
    let base = Arc::new(Mutex::new(String::new()));
    let b = Arc::clone(&base);
    let server = TestServer::start(Arc::new(move |req: &Seen| {
        let etag = format!("\"v{}\"", f.version.lock().unwrap());
        match req.path.as_str() {
            "/feed.xml" => {
                if req.if_none_match.as_deref() == Some(etag.as_str()) {
                    return Reply::NotModified;
                }
                let items = f.items.lock().unwrap().clone();
                let refs: Vec<(&str, &str, Option<&str>, Option<&str>)> = items
                    .iter()
                    .map(|(p, t, s, c)| (p.as_str(), t.as_str(), s.as_deref(), c.as_deref()))
                    .collect();
                Reply::Ok {
                    content_type: "application/rss+xml; charset=utf-8",
                    body: rss(&b.lock().unwrap(), &refs).into_bytes(),
                    etag: Some(etag),
                }
            }
            p if p.starts_with("/2016/") => ok(
                "text/html; charset=utf-8",
                format!(
                    "<html><head><title>Page</title></head><body><article><h1>Arbinda</h1>{}</article></body></html>",
                    dispatch("Arbinda", 2)
                ),
            ),
            _ => Reply::Status(404),
        }
    }));
    // Links in the feed point at the server.
    *base.lock().unwrap() = server.base.clone();
    let dir = tempfile::tempdir().unwrap();
    let mut store = vigie_store::open(dir.path().join("w.db").to_str().unwrap()).unwrap();
    let url = server.url("/feed.xml");
    let mut watch = Watch::new(config(vec![url.clone()])).unwrap();

    let c1 = watch.cycle(store.as_mut(), &mut bare).unwrap();
    assert_eq!(c1.stats.new, 2, "{:?}", c1.lines);
    assert_eq!(article_count(store.as_mut()), 2);
    // The item with only a summary got its page; the full one did not.
    assert_eq!(server.hits("/2016/04/12/arbinda"), 1);
    assert_eq!(server.hits("/2016/04/12/djibo"), 0);
    let state = &store.watch_sources().unwrap()[0];
    assert_eq!(state.etag.as_deref(), Some("\"v1\""));
    assert!(
        state.status.as_deref().unwrap().contains("2 new"),
        "{state:?}"
    );

    // Not due yet: no request.
    let before = server.requests().len();
    let c2 = watch.cycle(store.as_mut(), &mut bare).unwrap();
    assert!(c2.lines.is_empty());
    assert_eq!(server.requests().len(), before);

    // Due, unchanged: a conditional request answered 304.
    std::thread::sleep(Duration::from_millis(1100));
    let c3 = watch.cycle(store.as_mut(), &mut bare).unwrap();
    assert!(c3.lines[0].contains("304"), "{:?}", c3.lines);
    assert_eq!(c3.stats.new, 0);

    // The feed grows: only the new item is read.
    feed.items.lock().unwrap().insert(
        0,
        (
            "/2016/04/13/gorom".into(),
            "Gorom-Gorom".into(),
            None,
            Some(dispatch("Gorom-Gorom", 3)),
        ),
    );
    *feed.version.lock().unwrap() = 2;
    std::thread::sleep(Duration::from_millis(1100));
    let c4 = watch.cycle(store.as_mut(), &mut bare).unwrap();
    assert_eq!(c4.stats.new, 1, "{:?}", c4.lines);
    assert_eq!(
        server.hits("/2016/04/12/arbinda"),
        1,
        "no page fetched twice"
    );
    assert_eq!(article_count(store.as_mut()), 3);

    // A restart (a new watcher on the same database) refetches nothing.
    drop(watch);
    *feed.version.lock().unwrap() = 3;
    std::thread::sleep(Duration::from_millis(1100));
    let mut again = Watch::new(config(vec![url])).unwrap();
    let c5 = again.cycle(store.as_mut(), &mut bare).unwrap();
    assert_eq!(c5.stats.new, 0, "{:?}", c5.lines);
    assert!(c5.lines[0].contains("3 items, 0 new"), "{:?}", c5.lines);
    assert_eq!(server.hits("/2016/04/12/arbinda"), 1);
}

#[test]
fn json_feed_items_are_read() {
    let server = TestServer::start(Arc::new(|req: &Seen| {
        match req.path.as_str() {
        "/feed.json" => ok(
            "application/feed+json",
            format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","title":"Yemen Monitor","items":[{{"id":"1","url":"https://example.org/2019/03/04/hodeidah","title":"Hodeidah","content_html":{},"date_published":"2019-03-04T08:00:00Z"}}]}}"#,
                serde_json::to_string(&"<p>Houthi forces shelled government positions south of Hodeidah on Sunday, killing three soldiers, a military official said. Fighting went on through the night around the port's southern entrance, where the front has barely moved for months. Residents said mortar rounds fell near a market on the edge of the city, and aid groups warned that the road to the capital had been closed again.</p>").unwrap()
            ),
        ),
        _ => Reply::Status(404),
    }
    }));
    let dir = tempfile::tempdir().unwrap();
    let mut store = vigie_store::open(dir.path().join("w.db").to_str().unwrap()).unwrap();
    let mut watch = Watch::new(config(vec![server.url("/feed.json")])).unwrap();
    let c = watch.cycle(store.as_mut(), &mut bare).unwrap();
    assert_eq!(c.stats.new, 1, "{:?} {:?}", c.lines, c.diagnostics);
    let id = vigie_ingest::warc::id_for_url("https://example.org/2019/03/04/hodeidah");
    let a = store
        .article(&id)
        .unwrap()
        .expect("stored under the URL's id");
    assert!(a.text.contains("Hodeidah"));
    assert_eq!(a.published.as_deref(), Some("2019-03-04"));
}

#[test]
fn hostile_servers_are_reported_and_skipped() {
    let server = TestServer::start(Arc::new(|req: &Seen| {
        match req.path.as_str() {
        "/good.xml" => ok(
            "application/rss+xml",
            rss(
                "https://example.org",
                &[("/2020/05/02/goma", "Goma", None, Some(&dispatch("Goma", 5)))],
            ),
        ),
        "/slow.xml" => Reply::Hang(Duration::from_secs(6)),
        "/huge.xml" => Reply::Endless("application/rss+xml"),
        "/loop.xml" => Reply::Redirect("/loop.xml".into()),
        "/image.xml" => ok("image/png", vec![0x89, b'P', b'N', b'G', 0, 0, 0, 0]),
        "/html.xml" => ok("text/html", "<html><body><p>Not a feed</p></body></html>"),
        "/bad-utf8.xml" => ok(
            "application/rss+xml",
            b"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>\xff\xfe</title><item><title>\xc3\x28</title></channel>".to_vec(),
        ),
        "/error.xml" => Reply::Status(500),
        _ => Reply::Status(404),
    }
    }));
    let names = [
        "slow", "huge", "loop", "image", "html", "bad-utf8", "error", "missing",
    ];
    let mut feeds: Vec<String> = names
        .iter()
        .map(|n| server.url(&format!("/{n}.xml")))
        .collect();
    feeds.push(server.url("/good.xml"));
    let dir = tempfile::tempdir().unwrap();
    let mut store = vigie_store::open(dir.path().join("w.db").to_str().unwrap()).unwrap();
    let mut watch = Watch::new(config(feeds.clone())).unwrap();
    let c = watch.cycle(store.as_mut(), &mut bare).unwrap();
    // The good feed still gave its article.
    assert_eq!(c.stats.new, 1, "{:?}", c.lines);
    let states = store.watch_sources().unwrap();
    let error_of = |name: &str| {
        let url = server.url(&format!("/{name}.xml"));
        let s = states.iter().find(|s| s.source == url).expect("state kept");
        assert_eq!(s.failures, 1, "{s:?}");
        assert!(s.next_poll.is_some());
        s.error.clone().unwrap_or_default()
    };
    assert!(
        error_of("slow").contains("within 2 s"),
        "{}",
        error_of("slow")
    );
    assert!(
        error_of("huge").contains("larger than"),
        "{}",
        error_of("huge")
    );
    assert!(
        error_of("loop").contains("redirects"),
        "{}",
        error_of("loop")
    );
    assert!(
        error_of("image").contains("content type"),
        "{}",
        error_of("image")
    );
    assert!(
        error_of("html").contains("not a readable"),
        "{}",
        error_of("html")
    );
    assert!(!error_of("bad-utf8").is_empty());
    assert!(error_of("error").contains("500"), "{}", error_of("error"));
    assert!(
        error_of("missing").contains("404"),
        "{}",
        error_of("missing")
    );
    let good = states
        .iter()
        .find(|s| s.source.ends_with("/good.xml"))
        .unwrap();
    assert_eq!(good.error, None);
    assert_eq!(good.failures, 0);
    // Each failure is a diagnostic naming its source.
    for n in names {
        assert!(
            c.diagnostics
                .iter()
                .any(|d| d.input.ends_with(&format!("/{n}.xml"))),
            "no diagnostic for {n}"
        );
    }
}

#[test]
fn a_failing_source_backs_off() {
    let server = TestServer::start(Arc::new(|_: &Seen| Reply::Status(503)));
    let dir = tempfile::tempdir().unwrap();
    let mut store = vigie_store::open(dir.path().join("w.db").to_str().unwrap()).unwrap();
    let mut watch = Watch::new(config(vec![server.url("/down.xml")])).unwrap();
    watch.cycle(store.as_mut(), &mut bare).unwrap();
    std::thread::sleep(Duration::from_millis(1100));
    watch.cycle(store.as_mut(), &mut bare).unwrap();
    let s = &store.watch_sources().unwrap()[0];
    assert_eq!(s.failures, 2);
    // Second failure: twice the interval before the next try.
    let poll = chrono::DateTime::parse_from_rfc3339(s.last_poll.as_deref().unwrap()).unwrap();
    let next = chrono::DateTime::parse_from_rfc3339(s.next_poll.as_deref().unwrap()).unwrap();
    assert_eq!((next - poll).num_seconds(), 2);
    // Not due: no third request yet.
    watch.cycle(store.as_mut(), &mut bare).unwrap();
    assert_eq!(server.hits("/down.xml"), 2);
}
