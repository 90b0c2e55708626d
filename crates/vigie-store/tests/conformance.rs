//! The store conformance suite: every test runs on SQLite, and on
//! PostgreSQL when `VIGIE_TEST_POSTGRES` holds a server URL (`.ci/run`
//! starts one), each in a fresh database (a new file, or a new schema).

use std::sync::atomic::{AtomicUsize, Ordering};
use vigie_core::Event;
use vigie_store::{ArticleRecord, EventQuery, Interval, Sort, Store, StoredDiagnostic};

static N: AtomicUsize = AtomicUsize::new(0);

/// Fresh stores of every available backend.
fn stores(dir: &tempfile::TempDir) -> Vec<Box<dyn Store>> {
    let n = N.fetch_add(1, Ordering::SeqCst);
    let path = dir.path().join(format!("t{n}.db"));
    let mut out: Vec<Box<dyn Store>> =
        vec![vigie_store::open(&path.to_string_lossy()).unwrap_or_else(|e| panic!("sqlite: {e}"))];
    if let Ok(url) = std::env::var("VIGIE_TEST_POSTGRES") {
        out.push(postgres_store(&url, n));
    }
    out
}

#[cfg(feature = "postgres")]
fn postgres_store(url: &str, n: usize) -> Box<dyn Store> {
    let schema = format!("vigie_test_{}_{n}", std::process::id());
    let mut admin =
        postgres::Client::connect(url, postgres::NoTls).unwrap_or_else(|e| panic!("{url}: {e}"));
    admin
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
    let sep = if url.contains('?') { '&' } else { '?' };
    let scoped = format!("{url}{sep}options=-csearch_path%3D{schema}");
    vigie_store::open(&scoped).unwrap_or_else(|e| panic!("postgres: {e}"))
}

#[cfg(not(feature = "postgres"))]
fn postgres_store(_url: &str, _n: usize) -> Box<dyn Store> {
    panic!("VIGIE_TEST_POSTGRES is set but vigie-store was built without `postgres`")
}

fn event(json: serde_json::Value) -> Event {
    let mut base = serde_json::json!({
        "event_date": "2017-08-06", "date_precision": "day",
        "event_type": "Battles", "sub_event_type": "Government regains territory",
        "actor1": "Military Forces of Syria", "actor2": "Islamic State",
        "inter1": 1, "inter2": 2, "country": "SY", "admin1": "Homs",
        "location": "As Sukhnah", "latitude": 34.885, "longitude": 38.871, "geo_precision": 1,
        "evidence": "the army freed the town of al-Sukhna", "notes": "Syrian forces retook As Sukhnah.",
        "confidence": 0.8,
        "provenance": {"article": "x", "evidence": [10, 46], "fields": {"location": [38, 46]}, "rule": "t"}
    });
    if let (Some(b), Some(o)) = (base.as_object_mut(), json.as_object()) {
        for (k, v) in o {
            b.insert(k.clone(), v.clone());
        }
    }
    serde_json::from_value(base).unwrap_or_else(|e| panic!("{e}"))
}

fn article(id: &str, text: &str, events: Vec<Event>) -> ArticleRecord {
    ArticleRecord {
        id: id.into(),
        url: Some(format!("https://example.org/{id}")),
        title: Some(format!("Title of {id}")),
        outlet: Some(format!("Outlet {id}")),
        published: Some("2017-08-07".into()),
        published_precision: Some("day".into()),
        language: Some("fr".into()),
        content_hash: format!(
            "{:x}",
            text.len() * 7919 + text.bytes().map(usize::from).sum::<usize>()
        ),
        text: text.into(),
        body: vec![[0, text.len()]],
        near_duplicate_of: None,
        input: format!("{id}.txt"),
        mentions: Vec::new(),
        events,
        diagnostics: vec![format!("note: {id}: a note")],
    }
}

/// Three outlets on one battle, one on a strike far away, one on a protest.
fn corpus() -> Vec<ArticleRecord> {
    vec![
        article(
            "a1",
            "L'armée a libéré al-Soukhna, selon Sana, 40 morts.",
            vec![event(
                serde_json::json!({"fatalities": 40, "claimed_by": ["SANA"]}),
            )],
        ),
        article(
            "a2",
            "The army took al-Sukhnah, SOHR said, 25 dead.",
            vec![event(serde_json::json!({
                "fatalities": 25, "claimed_by": ["SOHR"], "date_precision": "week",
                "event_date": "2017-08-08", "latitude": 34.9
            }))],
        ),
        article(
            "a3",
            "Sukhna retaken; 12 killed. Protest in Damascus.",
            vec![
                event(serde_json::json!({"fatalities": 12, "geo_precision": 2})),
                event(serde_json::json!({
                    "event_type": "Protests", "sub_event_type": "Peaceful protest",
                    "actor1": "Protesters (Syria)", "actor2": null, "inter1": 6, "inter2": null,
                    "location": "Damascus", "admin1": "Damascus", "latitude": 33.51, "longitude": 36.29,
                    "evidence": "Protest in Damascus", "notes": "Protesters gathered in Damascus."
                })),
            ],
        ),
        article(
            "b1",
            "Des frappes russes ont touché Idleb.",
            vec![event(serde_json::json!({
                "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
                "actor1": "Military Forces of Russia", "actor2": "Civilians (Syria)", "inter1": 8, "inter2": 7,
                "event_date": "2017-09-20", "location": "Idlib", "admin1": "Idlib",
                "latitude": 35.93, "longitude": 36.63, "fatalities": 9, "claimed_by": ["SOHR"],
                "evidence": "frappes russes ont touché Idleb", "notes": "Russian air strikes hit Idlib."
            }))],
        ),
    ]
}

fn all_ids(s: &mut dyn Store) -> Vec<(String, usize, String)> {
    s.mention_events().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn ingest_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for mut s in stores(&dir) {
        let first = s.ingest(&corpus()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((first.new, first.changed, first.unchanged), (4, 0, 0));
        assert_eq!(first.mentions, 5);
        let counts = s.counts().unwrap_or_else(|e| panic!("{e}"));
        let ids = all_ids(s.as_mut());
        let again = s.ingest(&corpus()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (again.new, again.changed, again.unchanged),
            (0, 0, 4),
            "{}",
            s.describe()
        );
        assert_eq!(s.counts().unwrap_or_else(|e| panic!("{e}")), counts);
        assert_eq!(all_ids(s.as_mut()), ids);
        assert_eq!(counts.articles, 4);
        assert_eq!(counts.mentions, 5);
        assert_eq!(counts.events, 3, "{}", s.describe());
        assert_eq!(counts.claims, 3);
    }
}

#[test]
fn reverse_order_gives_the_same_events() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut reversed = corpus();
    reversed.reverse();
    for (mut fwd, mut back) in stores(&dir).into_iter().zip(stores(&dir)) {
        for a in corpus() {
            fwd.ingest(&[a]).unwrap_or_else(|e| panic!("{e}"));
        }
        back.ingest(&reversed).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            all_ids(fwd.as_mut()),
            all_ids(back.as_mut()),
            "{}",
            fwd.describe()
        );
        let q = EventQuery {
            limit: 100,
            ..EventQuery::default()
        };
        let a = fwd.events(&q).unwrap_or_else(|e| panic!("{e}"));
        let b = back.events(&q).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.events, b.events);
    }
}

#[test]
fn one_battle_from_three_outlets_is_one_event_with_best_low_high() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for mut s in stores(&dir) {
        s.ingest(&corpus()).unwrap_or_else(|e| panic!("{e}"));
        let page = s
            .events(&EventQuery {
                event_type: Some("Battles".into()),
                limit: 10,
                ..EventQuery::default()
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(page.total, 1);
        let e = &page.events[0];
        assert_eq!(e.sources, 3);
        assert_eq!(
            (e.fatalities, e.fatalities_low, e.fatalities_high),
            (Some(25), Some(12), Some(40))
        );
        assert_eq!(e.claimed_by, vec!["SANA", "SOHR"]);
        assert_eq!(e.date_precision, "day");
        assert_eq!(e.merge_reasons.len(), 3, "{:?}", e.merge_reasons);
        let detail = s
            .event(&e.id)
            .unwrap_or_else(|x| panic!("{x}"))
            .unwrap_or_else(|| panic!("no event"));
        assert_eq!(detail.reports.len(), 3);
        assert!(detail
            .reports
            .iter()
            .all(|r| r.evidence_span == Some([10, 46])));
        assert_eq!(detail.claims.len(), 2);
        assert!(detail
            .claims
            .iter()
            .any(|c| c.claimant == "SANA" && c.fatalities == Some(40)));
        assert!(s
            .event("ev-missing")
            .unwrap_or_else(|x| panic!("{x}"))
            .is_none());
    }
}

#[test]
fn a_changed_article_replaces_its_mentions() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for mut s in stores(&dir) {
        s.ingest(&corpus()).unwrap_or_else(|e| panic!("{e}"));
        // a3 is corrected: its protest was a riot, and the battle is gone.
        let mut fixed = corpus().remove(2);
        fixed.text.push_str(" (corrected)");
        fixed.content_hash.push('x');
        fixed.events = vec![event(serde_json::json!({
            "event_type": "Riots", "sub_event_type": "Violent demonstration",
            "actor1": "Rioters (Syria)", "actor2": null, "inter1": 5, "inter2": null,
            "location": "Damascus", "admin1": "Damascus", "latitude": 33.51, "longitude": 36.29
        }))];
        let stats = s.ingest(&[fixed]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((stats.new, stats.changed), (0, 1));
        let c = s.counts().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (c.articles, c.mentions, c.events),
            (4, 4, 3),
            "{}",
            s.describe()
        );
        let battles = s
            .events(&EventQuery {
                event_type: Some("Battles".into()),
                limit: 10,
                ..EventQuery::default()
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(battles.events[0].sources, 2);
        assert!(s
            .events(&EventQuery {
                event_type: Some("Protests".into()),
                limit: 10,
                ..EventQuery::default()
            })
            .unwrap_or_else(|e| panic!("{e}"))
            .events
            .is_empty());
    }
}

#[test]
fn filters_sorting_and_paging() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for mut s in stores(&dir) {
        s.ingest(&corpus()).unwrap_or_else(|e| panic!("{e}"));
        let mut q = |q: EventQuery| {
            s.events(&EventQuery { limit: 50, ..q })
                .unwrap_or_else(|e| panic!("{e}"))
        };
        // bbox around Homs' desert only.
        let p = q(EventQuery {
            bbox: Some([38.0, 34.0, 40.0, 35.5]),
            ..EventQuery::default()
        });
        assert_eq!(p.total, 1);
        assert_eq!(p.events[0].location.as_deref(), Some("As Sukhnah"));
        let p = q(EventQuery {
            from: Some("2017-09-01".into()),
            to: Some("2017-09-30".into()),
            ..EventQuery::default()
        });
        assert_eq!(p.total, 1);
        assert_eq!(p.events[0].sub_event_type, "Air/drone strike");
        assert_eq!(
            q(EventQuery {
                actor: Some("Islamic State".into()),
                ..EventQuery::default()
            })
            .total,
            1
        );
        assert_eq!(
            q(EventQuery {
                actor: Some("Civilians (Syria)".into()),
                ..EventQuery::default()
            })
            .total,
            1
        );
        assert_eq!(
            q(EventQuery {
                text: Some("IDLEB".into()),
                ..EventQuery::default()
            })
            .total,
            1
        );
        assert_eq!(
            q(EventQuery {
                text: Some("100%".into()),
                ..EventQuery::default()
            })
            .total,
            0
        );
        assert_eq!(
            q(EventQuery {
                country: Some("sy".into()),
                ..EventQuery::default()
            })
            .total,
            3
        );
        assert_eq!(
            q(EventQuery {
                admin1: Some("Idlib".into()),
                ..EventQuery::default()
            })
            .total,
            1
        );
        assert_eq!(
            q(EventQuery {
                min_fatalities: Some(20),
                ..EventQuery::default()
            })
            .total,
            1
        );
        assert_eq!(
            q(EventQuery {
                sub_event_type: Some("Peaceful protest".into()),
                ..EventQuery::default()
            })
            .total,
            1
        );
        let by_date = q(EventQuery {
            sort: Sort::DateAsc,
            ..EventQuery::default()
        });
        let dates: Vec<&str> = by_date
            .events
            .iter()
            .map(|e| e.event_date.as_str())
            .collect();
        assert_eq!(dates, vec!["2017-08-06", "2017-08-06", "2017-09-20"]);
        let by_toll = q(EventQuery {
            sort: Sort::FatalitiesDesc,
            ..EventQuery::default()
        });
        assert_eq!(by_toll.events[0].fatalities, Some(25));
        assert_eq!(by_toll.events[2].fatalities, None);
        let page = s
            .events(&EventQuery {
                limit: 1,
                offset: 2,
                sort: Sort::DateAsc,
                ..EventQuery::default()
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((page.total, page.events.len()), (3, 1));
        assert_eq!(page.events[0].event_date, "2017-09-20");
    }
}

#[test]
fn timeline_actors_and_clusters() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for mut s in stores(&dir) {
        s.ingest(&corpus()).unwrap_or_else(|e| panic!("{e}"));
        let all = EventQuery::default();
        let months = s
            .timeline(&all, Interval::Month)
            .unwrap_or_else(|e| panic!("{e}"));
        let row = |start: &str, t: &str| {
            months
                .iter()
                .find(|b| b.start == start && b.event_type == t)
                .map(|b| (b.count, b.fatalities))
        };
        assert_eq!(row("2017-08-01", "Battles"), Some((1, 25)));
        assert_eq!(row("2017-08-01", "Protests"), Some((1, 0)));
        assert_eq!(
            row("2017-09-01", "Explosions/Remote violence"),
            Some((1, 9))
        );
        let weeks = s
            .timeline(&all, Interval::Week)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(weeks.iter().any(|b| b.start == "2017-07-31"));
        let days = s
            .timeline(&all, Interval::Day)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(days.iter().any(|b| b.start == "2017-09-20"));
        let actors = s.actors(&all, 10).unwrap_or_else(|e| panic!("{e}"));
        // Every actor is in one event here: ties in name order.
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names[0], "Civilians (Syria)");
        assert!(names.windows(2).all(|w| w[0] < w[1]), "{names:?}");
        assert!(actors.iter().all(|a| a.events == 1));
        assert!(actors
            .iter()
            .any(|a| a.name == "Military Forces of Russia" && a.inter == Some(8)));
        let wide = s.clusters(&all, 2).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(wide.iter().map(|c| c.count).sum::<usize>(), 3);
        let close = s.clusters(&all, 12).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(close.len(), 3);
        assert!(close.iter().all(|c| c.count == 1 && c.event_id.is_some()));
    }
}

#[test]
fn articles_and_diagnostics() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for mut s in stores(&dir) {
        s.ingest(&corpus()).unwrap_or_else(|e| panic!("{e}"));
        let a = s
            .article("a3")
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("no a3"));
        assert_eq!(a.events.len(), 2);
        assert!(a.events.iter().all(|e| e.event_id.is_some()));
        assert_eq!(a.events[0].fields.get("location"), Some(&[38, 46]));
        assert_eq!(a.diagnostics, vec!["note: a3: a note"]);
        assert!(s.article("zz").unwrap_or_else(|e| panic!("{e}")).is_none());
        let d = StoredDiagnostic {
            article_id: None,
            input: "broken.jsonl:3".into(),
            message: "error: not valid JSON".into(),
        };
        s.record_diagnostics(std::slice::from_ref(&d))
            .unwrap_or_else(|e| panic!("{e}"));
        s.record_diagnostics(std::slice::from_ref(&d))
            .unwrap_or_else(|e| panic!("{e}"));
        let all = s.diagnostics().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(all.iter().filter(|x| **x == d).count(), 1);
        assert_eq!(all.len(), 5);
    }
}

#[test]
fn reopening_keeps_the_data() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("reopen.db");
    let p = path.to_string_lossy().to_string();
    {
        let mut s = vigie_store::open(&p).unwrap_or_else(|e| panic!("{e}"));
        s.ingest(&corpus()).unwrap_or_else(|e| panic!("{e}"));
    }
    let mut s = vigie_store::open(&p).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.counts().unwrap_or_else(|e| panic!("{e}")).articles, 4);
}

#[test]
fn watch_state_items_and_alert_marks() {
    use vigie_store::{SeenItem, SourceState};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for mut s in stores(&dir) {
        let s = s.as_mut();
        // Items are stored with their batch.
        let batch = corpus();
        let seen: Vec<SeenItem> = batch
            .iter()
            .map(|a| SeenItem {
                source: "https://example.org/feed.xml".into(),
                item: format!("https://example.org/{}", a.id),
                validator: None,
                article_id: Some(a.id.clone()),
            })
            .collect();
        s.ingest_with(&batch, &seen)
            .unwrap_or_else(|e| panic!("{e}"));
        let keys: Vec<String> = seen.iter().map(|i| i.item.clone()).collect();
        let mut asked = keys.clone();
        asked.push("https://example.org/never-seen".into());
        let found = s
            .seen_items("https://example.org/feed.xml", &asked)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(found.len(), keys.len());
        assert!(s
            .seen_items("folder:/x", &keys)
            .unwrap_or_else(|e| panic!("{e}"))
            .is_empty());
        // A file seen again with a new validator replaces the old one.
        let file = SeenItem {
            source: "folder:/inbox".into(),
            item: "/inbox/a.txt".into(),
            validator: Some("10:1".into()),
            article_id: None,
        };
        s.ingest_with(&[], std::slice::from_ref(&file))
            .unwrap_or_else(|e| panic!("{e}"));
        let again = SeenItem {
            validator: Some("12:2".into()),
            ..file
        };
        s.ingest_with(&[], &[again])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            s.seen_items("folder:/inbox", &["/inbox/a.txt".into()])
                .unwrap_or_else(|e| panic!("{e}")),
            vec![("/inbox/a.txt".to_string(), Some("12:2".to_string()))]
        );

        // Source state: insert, then replace.
        let mut st = SourceState {
            source: "https://example.org/feed.xml".into(),
            kind: "feed".into(),
            etag: Some("\"v1\"".into()),
            last_poll: Some("2026-12-04T10:00:00Z".into()),
            failures: 2,
            error: Some("HTTP status 503".into()),
            items: 7,
            ..SourceState::default()
        };
        s.save_source(&st).unwrap_or_else(|e| panic!("{e}"));
        st.failures = 0;
        st.error = None;
        s.save_source(&st).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            s.watch_sources().unwrap_or_else(|e| panic!("{e}")),
            vec![st]
        );

        // Events carry times and digests; alert marks round-trip.
        let stamped = s
            .stamped_events(&EventQuery {
                limit: 100,
                ..EventQuery::default()
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(!stamped.is_empty());
        assert!(stamped
            .iter()
            .all(|e| e.updated_at.is_some() && !e.digest.is_empty()));
        assert!(s.last_change().unwrap_or_else(|e| panic!("{e}")).is_some());
        assert_eq!(s.notified("hook").unwrap_or_else(|e| panic!("{e}")), None);
        s.mark_notified("hook", &[])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            s.notified("hook").unwrap_or_else(|e| panic!("{e}")),
            Some(vec![])
        );
        let sent = vec![(stamped[0].event.id.clone(), stamped[0].digest.clone())];
        s.mark_notified("hook", &sent)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            s.notified("hook").unwrap_or_else(|e| panic!("{e}")),
            Some(sent)
        );
    }
}
