//! The store logic, written once over a minimal SQL connection ([`Db`])
//! that each backend implements: statements with `$n` placeholders,
//! parameters and cells as [`Value`]/[`Cell`].

use crate::merged::{merge_all, MemberMention, MergedEvent};
use crate::query::{EventQuery, Interval, Value};
use crate::{
    week_and_month, ActorCount, ArticleDetail, ArticleEventRef, ArticleRecord, Claim, Cluster,
    Counts, EventDetail, EventPage, IngestStats, SeenItem, SourceReport, SourceState, StampedEvent,
    Store, StoreError, StoredDiagnostic, TimelineBucket,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use vigie_core::{Event, Mention};

/// One cell of a result row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl Cell {
    pub fn text(&self) -> Option<String> {
        match self {
            Cell::Text(s) => Some(s.clone()),
            Cell::Int(i) => Some(i.to_string()),
            Cell::Real(r) => Some(r.to_string()),
            Cell::Null => None,
        }
    }

    pub fn int(&self) -> Option<i64> {
        match self {
            Cell::Int(i) => Some(*i),
            Cell::Real(r) => Some(*r as i64),
            Cell::Text(s) => s.parse().ok(),
            Cell::Null => None,
        }
    }

    pub fn real(&self) -> Option<f64> {
        match self {
            Cell::Real(r) => Some(*r),
            Cell::Int(i) => Some(*i as f64),
            Cell::Text(s) => s.parse().ok(),
            Cell::Null => None,
        }
    }
}

/// A parameter that may be NULL, with the type the NULL stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum Param {
    V(Value),
    NullText,
    NullInt,
    NullReal,
}

impl From<Value> for Param {
    fn from(v: Value) -> Self {
        Param::V(v)
    }
}

pub(crate) fn text(s: impl Into<String>) -> Param {
    Param::V(Value::Text(s.into()))
}

pub(crate) fn opt_text(s: Option<&str>) -> Param {
    s.map_or(Param::NullText, text)
}

pub(crate) fn int(i: i64) -> Param {
    Param::V(Value::Int(i))
}

pub(crate) fn opt_int(i: Option<i64>) -> Param {
    i.map_or(Param::NullInt, int)
}

pub(crate) fn opt_real(r: Option<f64>) -> Param {
    r.map_or(Param::NullReal, |r| Param::V(Value::Real(r)))
}

/// A connection of one backend.
pub trait Db: Send {
    /// Runs one statement; returns the number of rows changed.
    fn exec(&mut self, sql: &str, params: &[Param]) -> Result<usize, StoreError>;
    /// Runs several statements without parameters (migrations).
    fn batch(&mut self, sql: &str) -> Result<(), StoreError>;
    fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Vec<Cell>>, StoreError>;
    /// Starts a write transaction that excludes other writers.
    fn begin_write(&mut self) -> Result<(), StoreError>;
    fn commit(&mut self) -> Result<(), StoreError>;
    fn rollback(&mut self) -> Result<(), StoreError>;
    /// Migrations of this backend, in order (version, SQL).
    fn migrations(&self) -> &'static [(i64, &'static str)];
    fn describe(&self) -> String;
    /// Refreshes the planner's statistics after a write where the backend
    /// does not do it by itself (SQLite); outside any transaction.
    fn refresh_statistics(&mut self) -> Result<(), StoreError> {
        Ok(())
    }
}

/// Applies the migrations the database has not seen yet.
pub(crate) fn migrate(db: &mut dyn Db) -> Result<(), StoreError> {
    db.begin_write()?;
    let result = (|| {
        db.batch("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")?;
        let current = db
            .query("SELECT MAX(version) FROM schema_version", &[])?
            .first()
            .and_then(|r| r.first().and_then(Cell::int))
            .unwrap_or(0);
        let known = db.migrations().last().map_or(0, |m| m.0);
        if current > known {
            return Err(StoreError::TooNew(db.describe(), current, known));
        }
        for &(version, sql) in db.migrations() {
            if version > current {
                db.batch(sql)?;
                db.exec(
                    "INSERT INTO schema_version (version) VALUES ($1)",
                    &[int(version)],
                )?;
            }
        }
        Ok(())
    })();
    finish(db, result)
}

/// Commits on success, rolls back on error.
fn finish<T>(db: &mut dyn Db, result: Result<T, StoreError>) -> Result<T, StoreError> {
    match result {
        Ok(v) => {
            db.commit()?;
            Ok(v)
        }
        Err(e) => {
            // The original error matters more than a failed rollback.
            let _ = db.rollback();
            Err(e)
        }
    }
}

/// The store over any [`Db`].
#[derive(Debug)]
pub struct SqlStore<D: Db> {
    pub(crate) db: D,
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(what.to_string(), e.to_string())
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".to_string())
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn cell_text(row: &[Cell], i: usize) -> Option<String> {
    row.get(i).and_then(Cell::text)
}

fn cell_int(row: &[Cell], i: usize) -> Option<i64> {
    row.get(i).and_then(Cell::int)
}

const EVENT_COLUMNS: &str = "e.record";

impl<D: Db> SqlStore<D> {
    pub fn new(mut db: D) -> Result<Self, StoreError> {
        migrate(&mut db)?;
        Ok(SqlStore { db })
    }

    fn write_article(&mut self, a: &ArticleRecord) -> Result<usize, StoreError> {
        let db = &mut self.db;
        db.exec("DELETE FROM articles WHERE id = $1", &[text(&a.id)])?;
        db.exec(
            "INSERT INTO articles (id, url, title, outlet, published, published_precision, language, \
             content_hash, text, body, input, mentions, ingested_at, near_duplicate_of) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            &[
                text(&a.id),
                opt_text(a.url.as_deref()),
                opt_text(a.title.as_deref()),
                opt_text(a.outlet.as_deref()),
                opt_text(a.published.as_deref()),
                opt_text(a.published_precision.as_deref()),
                opt_text(a.language.as_deref()),
                text(&a.content_hash),
                text(&a.text),
                text(json(&a.body)),
                text(&a.input),
                text(json(&a.mentions)),
                text(now()),
                opt_text(a.near_duplicate_of.as_deref()),
            ],
        )?;
        for (i, e) in a.events.iter().enumerate() {
            let mut stored = e.clone();
            stored.event_id = None;
            db.exec(
                "INSERT INTO mentions (article_id, idx, event_id, event_date, event_type, sub_event_type, \
                 fatalities, confidence, event) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                &[
                    text(&a.id),
                    int(i as i64),
                    Param::NullText,
                    text(e.event_date.format("%Y-%m-%d").to_string()),
                    text(e.event_type.as_str()),
                    text(e.sub_event_type.as_str()),
                    opt_int(e.fatalities.map(i64::from)),
                    opt_real(e.confidence.map(f64::from)),
                    text(json(&stored)),
                ],
            )?;
            for c in &e.claimed_by {
                db.exec(
                    "INSERT INTO claims (article_id, idx, claimant, fatalities) VALUES ($1, $2, $3, $4)",
                    &[text(&a.id), int(i as i64), text(c), opt_int(e.fatalities.map(i64::from))],
                )?;
            }
        }
        for d in &a.diagnostics {
            db.exec(
                "INSERT INTO diagnostics (article_id, input, message) VALUES ($1, $2, $3)",
                &[text(&a.id), text(&a.input), text(d)],
            )?;
        }
        Ok(a.events.len())
    }

    /// Recomputes the merged events from every stored mention and writes
    /// what changed.
    fn remerge(&mut self) -> Result<(), StoreError> {
        let rows = self.db.query(
            "SELECT m.article_id, m.idx, a.outlet, m.event, m.event_id FROM mentions m \
             JOIN articles a ON a.id = m.article_id ORDER BY m.article_id, m.idx",
            &[],
        )?;
        let mut members = Vec::with_capacity(rows.len());
        let mut current_ids = Vec::with_capacity(rows.len());
        for r in &rows {
            let article = cell_text(r, 0).unwrap_or_default();
            let event: Event = serde_json::from_str(&cell_text(r, 3).unwrap_or_default())
                .map_err(|e| corrupt(&format!("mention {article}"), e))?;
            members.push(MemberMention {
                index: cell_int(r, 1).unwrap_or(0).max(0) as usize,
                outlet: cell_text(r, 2),
                article,
                event,
            });
            current_ids.push(cell_text(r, 4));
        }
        let (events, of_member) = merge_all(&members);
        // Each stored event's digest and when it was first stored.
        let existing: HashMap<String, (String, Option<String>)> = self
            .db
            .query("SELECT id, digest, first_seen FROM events", &[])?
            .into_iter()
            .filter_map(|r| Some((cell_text(&r, 0)?, (cell_text(&r, 1)?, cell_text(&r, 2)))))
            .collect();
        let stamp = now();
        // Evidence of each event's reports, for text search.
        let mut evidence: Vec<String> = vec![String::new(); events.len()];
        for (m, &g) in members.iter().zip(&of_member) {
            evidence[g].push(' ');
            evidence[g].push_str(&m.event.evidence);
        }
        let mut keep: HashSet<&str> = HashSet::new();
        for (e, ev) in events.iter().zip(&evidence) {
            keep.insert(&e.id);
            let record = json(e);
            let digest = format!("{:016x}", xxhash_rust::xxh3::xxh3_64(record.as_bytes()));
            let first_seen = match existing.get(&e.id) {
                Some((d, _)) if *d == digest => continue,
                Some((_, first)) => first.clone().unwrap_or_else(|| stamp.clone()),
                None => stamp.clone(),
            };
            self.db
                .exec("DELETE FROM events WHERE id = $1", &[text(&e.id)])?;
            self.insert_event(e, &record, &digest, ev)?;
            self.db.exec(
                "UPDATE events SET first_seen = $1, updated_at = $2 WHERE id = $3",
                &[text(first_seen), text(&stamp), text(&e.id)],
            )?;
        }
        for id in existing.keys() {
            if !keep.contains(id.as_str()) {
                self.db
                    .exec("DELETE FROM events WHERE id = $1", &[text(id)])?;
            }
        }
        for ((m, &g), cur) in members.iter().zip(&of_member).zip(&current_ids) {
            let id = &events[g].id;
            if cur.as_deref() != Some(id.as_str()) {
                self.db.exec(
                    "UPDATE mentions SET event_id = $1 WHERE article_id = $2 AND idx = $3",
                    &[text(id), text(&m.article), int(m.index as i64)],
                )?;
            }
        }
        Ok(())
    }

    fn insert_event(
        &mut self,
        e: &MergedEvent,
        record: &str,
        digest: &str,
        evidence: &str,
    ) -> Result<(), StoreError> {
        let (week, month) = week_and_month(&e.event_date);
        let search = format!(
            "{} {} {} {} {} {} {}",
            e.notes,
            e.location.as_deref().unwrap_or(""),
            e.actor1,
            e.actor2.as_deref().unwrap_or(""),
            e.assoc_actor1.join(" "),
            e.assoc_actor2.join(" "),
            evidence
        )
        .to_lowercase();
        self.db.exec(
            "INSERT INTO events (id, event_date, week_start, month_start, date_precision, event_type, \
             sub_event_type, actor1, actor2, country, admin1, location, latitude, longitude, geo_precision, \
             fatalities, sources, search, digest, record) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
             $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)",
            &[
                text(&e.id),
                text(&e.event_date),
                text(week),
                text(month),
                text(&e.date_precision),
                text(&e.event_type),
                text(&e.sub_event_type),
                text(&e.actor1),
                opt_text(e.actor2.as_deref()),
                opt_text(e.country.as_deref()),
                opt_text(e.admin1.as_deref()),
                opt_text(e.location.as_deref()),
                opt_real(e.latitude),
                opt_real(e.longitude),
                int(i64::from(e.geo_precision)),
                opt_int(e.fatalities.map(i64::from)),
                int(e.sources as i64),
                text(search),
                text(digest),
                text(record),
            ],
        )?;
        let mut actors: Vec<(&str, &str, Option<u8>)> = vec![(&e.actor1, "actor1", Some(e.inter1))];
        if let Some(a2) = &e.actor2 {
            actors.push((a2, "actor2", e.inter2));
        }
        actors.extend(
            e.assoc_actor1
                .iter()
                .map(|a| (a.as_str(), "assoc_actor1", None)),
        );
        actors.extend(
            e.assoc_actor2
                .iter()
                .map(|a| (a.as_str(), "assoc_actor2", None)),
        );
        let mut seen = HashSet::new();
        for (name, role, inter) in actors {
            if !seen.insert((name, role)) {
                continue;
            }
            self.db.exec(
                "INSERT INTO event_actors (event_id, actor, role, inter) VALUES ($1, $2, $3, $4)",
                &[
                    text(&e.id),
                    text(name),
                    text(role),
                    opt_int(inter.map(i64::from)),
                ],
            )?;
        }
        Ok(())
    }

    fn write_seen(&mut self, seen: &[SeenItem]) -> Result<(), StoreError> {
        let at = now();
        for i in seen {
            self.db.exec(
                "INSERT INTO watch_items (source, item, validator, article_id, seen_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (source, item) DO UPDATE SET \
                 validator = excluded.validator, article_id = excluded.article_id, seen_at = excluded.seen_at",
                &[
                    text(&i.source),
                    text(&i.item),
                    opt_text(i.validator.as_deref()),
                    opt_text(i.article_id.as_deref()),
                    text(&at),
                ],
            )?;
        }
        Ok(())
    }

    fn parse_event(row: &[Cell]) -> Result<MergedEvent, StoreError> {
        let record = cell_text(row, 0).unwrap_or_default();
        serde_json::from_str(&record).map_err(|e| corrupt("event record", e))
    }

    fn count(&mut self, sql: &str, params: &[Param]) -> Result<usize, StoreError> {
        Ok(self
            .db
            .query(sql, params)?
            .first()
            .and_then(|r| cell_int(r, 0))
            .unwrap_or(0)
            .max(0) as usize)
    }
}

fn params_of(values: &[Value]) -> Vec<Param> {
    values.iter().cloned().map(Param::V).collect()
}

/// Size in degrees of a map-grid cell at a zoom level (about 40 cells
/// across the visible map).
pub fn cell_degrees(zoom: u8) -> f64 {
    360.0 / f64::from(1u32 << zoom.min(20)) / 8.0
}

impl<D: Db> Store for SqlStore<D> {
    fn ingest_with(
        &mut self,
        batch: &[ArticleRecord],
        seen: &[SeenItem],
    ) -> Result<IngestStats, StoreError> {
        self.db.begin_write()?;
        let result = (|| {
            let mut stats = IngestStats::default();
            for a in batch {
                let stored = self
                    .db
                    .query(
                        "SELECT content_hash FROM articles WHERE id = $1",
                        &[text(&a.id)],
                    )?
                    .first()
                    .and_then(|r| cell_text(r, 0));
                match stored {
                    Some(h) if h == a.content_hash => {
                        stats.unchanged += 1;
                        continue;
                    }
                    Some(_) => stats.changed += 1,
                    None => stats.new += 1,
                }
                stats.mentions += self.write_article(a)?;
            }
            if stats.new + stats.changed > 0 {
                self.remerge()?;
            }
            self.write_seen(seen)?;
            Ok(stats)
        })();
        let stats = finish(&mut self.db, result)?;
        if stats.new + stats.changed > 0 {
            self.db.refresh_statistics()?;
        }
        Ok(stats)
    }

    fn record_diagnostics(&mut self, diags: &[StoredDiagnostic]) -> Result<(), StoreError> {
        self.db.begin_write()?;
        let result = (|| {
            for d in diags {
                let dup = self.count(
                    "SELECT COUNT(*) FROM diagnostics WHERE article_id IS NULL AND input = $1 AND message = $2",
                    &[text(&d.input), text(&d.message)],
                )?;
                if dup == 0 {
                    self.db.exec(
                        "INSERT INTO diagnostics (article_id, input, message) VALUES ($1, $2, $3)",
                        &[
                            opt_text(d.article_id.as_deref()),
                            text(&d.input),
                            text(&d.message),
                        ],
                    )?;
                }
            }
            Ok(())
        })();
        finish(&mut self.db, result)
    }

    fn content_hashes(&mut self, ids: &[String]) -> Result<Vec<(String, String)>, StoreError> {
        let mut out = Vec::new();
        for chunk in ids.chunks(200) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT id, content_hash FROM articles WHERE id IN ({})",
                placeholders.join(", ")
            );
            let params: Vec<Param> = chunk.iter().map(text).collect();
            for r in self.db.query(&sql, &params)? {
                if let (Some(id), Some(h)) = (cell_text(&r, 0), cell_text(&r, 1)) {
                    out.push((id, h));
                }
            }
        }
        Ok(out)
    }

    fn seen_items(
        &mut self,
        source: &str,
        items: &[String],
    ) -> Result<Vec<(String, Option<String>)>, StoreError> {
        let mut out = Vec::new();
        for chunk in items.chunks(200) {
            let placeholders: Vec<String> =
                (2..=chunk.len() + 1).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT item, validator FROM watch_items WHERE source = $1 AND item IN ({})",
                placeholders.join(", ")
            );
            let mut params: Vec<Param> = vec![text(source)];
            params.extend(chunk.iter().map(text));
            for r in self.db.query(&sql, &params)? {
                if let Some(item) = cell_text(&r, 0) {
                    out.push((item, cell_text(&r, 1)));
                }
            }
        }
        Ok(out)
    }

    fn watch_sources(&mut self) -> Result<Vec<SourceState>, StoreError> {
        let rows = self.db.query(
            "SELECT source, kind, etag, last_modified, last_poll, last_ok, status, error, failures, \
             next_poll, items FROM watch_sources ORDER BY source",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|r| SourceState {
                source: cell_text(r, 0).unwrap_or_default(),
                kind: cell_text(r, 1).unwrap_or_default(),
                etag: cell_text(r, 2),
                last_modified: cell_text(r, 3),
                last_poll: cell_text(r, 4),
                last_ok: cell_text(r, 5),
                status: cell_text(r, 6),
                error: cell_text(r, 7),
                failures: cell_int(r, 8).unwrap_or(0).clamp(0, i64::from(u32::MAX)) as u32,
                next_poll: cell_text(r, 9),
                items: cell_int(r, 10).unwrap_or(0).max(0) as u64,
            })
            .collect())
    }

    fn save_source(&mut self, st: &SourceState) -> Result<(), StoreError> {
        self.db.begin_write()?;
        let result = self
            .db
            .exec(
                "INSERT INTO watch_sources (source, kind, etag, last_modified, last_poll, last_ok, status, \
                 error, failures, next_poll, items) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                 ON CONFLICT (source) DO UPDATE SET kind = excluded.kind, etag = excluded.etag, \
                 last_modified = excluded.last_modified, last_poll = excluded.last_poll, \
                 last_ok = excluded.last_ok, status = excluded.status, error = excluded.error, \
                 failures = excluded.failures, next_poll = excluded.next_poll, items = excluded.items",
                &[
                    text(&st.source),
                    text(&st.kind),
                    opt_text(st.etag.as_deref()),
                    opt_text(st.last_modified.as_deref()),
                    opt_text(st.last_poll.as_deref()),
                    opt_text(st.last_ok.as_deref()),
                    opt_text(st.status.as_deref()),
                    opt_text(st.error.as_deref()),
                    int(i64::from(st.failures)),
                    opt_text(st.next_poll.as_deref()),
                    int(st.items.min(i64::MAX as u64) as i64),
                ],
            )
            .map(|_| ());
        finish(&mut self.db, result)
    }

    fn stamped_events(&mut self, q: &EventQuery) -> Result<Vec<StampedEvent>, StoreError> {
        let w = q.where_clause();
        let params = params_of(&w.params);
        let sql = format!(
            "SELECT {EVENT_COLUMNS}, e.digest, e.first_seen, e.updated_at FROM events e{} \
             ORDER BY COALESCE(e.updated_at, '') DESC, e.id LIMIT {} OFFSET {}",
            w.sql,
            q.limit.max(1),
            q.offset
        );
        self.db
            .query(&sql, &params)?
            .iter()
            .map(|r| {
                Ok(StampedEvent {
                    event: Self::parse_event(r)?,
                    digest: cell_text(r, 1).unwrap_or_default(),
                    first_seen: cell_text(r, 2),
                    updated_at: cell_text(r, 3),
                })
            })
            .collect()
    }

    fn last_change(&mut self) -> Result<Option<String>, StoreError> {
        Ok(self
            .db
            .query("SELECT MAX(updated_at) FROM events", &[])?
            .first()
            .and_then(|r| cell_text(r, 0)))
    }

    fn notified(&mut self, target: &str) -> Result<Option<Vec<(String, String)>>, StoreError> {
        let rows = self.db.query(
            "SELECT event_id, digest FROM watch_notified WHERE target = $1 ORDER BY event_id",
            &[text(target)],
        )?;
        if rows.is_empty() {
            return Ok(None);
        }
        Ok(Some(
            rows.iter()
                .filter_map(|r| Some((cell_text(r, 0)?, cell_text(r, 1)?)))
                // The marker row that says the target exists.
                .filter(|(id, _)| !id.is_empty())
                .collect(),
        ))
    }

    fn mark_notified(&mut self, target: &str, sent: &[(String, String)]) -> Result<(), StoreError> {
        self.db.begin_write()?;
        let result = (|| {
            let marker = (String::new(), String::new());
            for (id, digest) in sent.iter().chain(std::iter::once(&marker)) {
                self.db.exec(
                    "INSERT INTO watch_notified (target, event_id, digest) VALUES ($1, $2, $3) \
                     ON CONFLICT (target, event_id) DO UPDATE SET digest = excluded.digest",
                    &[text(target), text(id), text(digest)],
                )?;
            }
            Ok(())
        })();
        finish(&mut self.db, result)
    }

    fn counts(&mut self) -> Result<Counts, StoreError> {
        Ok(Counts {
            articles: self.count("SELECT COUNT(*) FROM articles", &[])?,
            mentions: self.count("SELECT COUNT(*) FROM mentions", &[])?,
            events: self.count("SELECT COUNT(*) FROM events", &[])?,
            claims: self.count("SELECT COUNT(*) FROM claims", &[])?,
            diagnostics: self.count("SELECT COUNT(*) FROM diagnostics", &[])?,
        })
    }

    fn events(&mut self, q: &EventQuery) -> Result<EventPage, StoreError> {
        let w = q.where_clause();
        let params = params_of(&w.params);
        let total = self.count(&format!("SELECT COUNT(*) FROM events e{}", w.sql), &params)?;
        let limit = q.limit.max(1);
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events e{} ORDER BY {} LIMIT {} OFFSET {}",
            w.sql,
            q.sort.sql(),
            limit,
            q.offset
        );
        let events = self
            .db
            .query(&sql, &params)?
            .iter()
            .map(|r| Self::parse_event(r))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(EventPage {
            total,
            limit,
            offset: q.offset,
            events,
        })
    }

    fn event(&mut self, id: &str) -> Result<Option<EventDetail>, StoreError> {
        let Some(row) = self
            .db
            .query(
                &format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = $1"),
                &[text(id)],
            )?
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        let event = Self::parse_event(&row)?;
        let rows = self.db.query(
            "SELECT m.article_id, m.event, a.title, a.outlet, a.url, a.published, a.language, \
             a.near_duplicate_of \
             FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = $1 \
             ORDER BY a.published, m.article_id, m.idx",
            &[text(id)],
        )?;
        let mut reports = Vec::new();
        for r in rows {
            let article_id = cell_text(&r, 0).unwrap_or_default();
            let e: Event = serde_json::from_str(&cell_text(&r, 1).unwrap_or_default())
                .map_err(|x| corrupt(&format!("mention of {article_id}"), x))?;
            reports.push(SourceReport {
                title: cell_text(&r, 2),
                outlet: cell_text(&r, 3),
                url: cell_text(&r, 4),
                published: cell_text(&r, 5),
                language: cell_text(&r, 6),
                near_duplicate_of: cell_text(&r, 7),
                event_date: e.event_date.format("%Y-%m-%d").to_string(),
                fatalities: e.fatalities,
                claimed_by: e.claimed_by.clone(),
                evidence: e.evidence.clone(),
                evidence_span: e
                    .provenance
                    .as_ref()
                    .map(|p| [p.evidence.start, p.evidence.end]),
                confidence: e.confidence,
                article_id,
            });
        }
        let claims = self
            .db
            .query(
                "SELECT c.claimant, c.article_id, c.fatalities FROM claims c JOIN mentions m \
                 ON m.article_id = c.article_id AND m.idx = c.idx WHERE m.event_id = $1 \
                 ORDER BY c.claimant, c.article_id",
                &[text(id)],
            )?
            .into_iter()
            .map(|r| Claim {
                claimant: cell_text(&r, 0).unwrap_or_default(),
                article_id: cell_text(&r, 1).unwrap_or_default(),
                fatalities: cell_int(&r, 2).and_then(|v| u32::try_from(v).ok()),
            })
            .collect();
        Ok(Some(EventDetail {
            event,
            reports,
            claims,
        }))
    }

    fn article(&mut self, id: &str) -> Result<Option<ArticleDetail>, StoreError> {
        let Some(r) = self
            .db
            .query(
                "SELECT id, title, url, outlet, published, language, text, body, mentions, \
                 near_duplicate_of FROM articles WHERE id = $1",
                &[text(id)],
            )?
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        let body: Vec<[usize; 2]> = serde_json::from_str(&cell_text(&r, 7).unwrap_or_default())
            .map_err(|e| corrupt(&format!("article {id} body"), e))?;
        let mentions: Vec<Mention> = serde_json::from_str(&cell_text(&r, 8).unwrap_or_default())
            .map_err(|e| corrupt(&format!("article {id} mentions"), e))?;
        let mut events = Vec::new();
        for m in self.db.query(
            "SELECT event_id, event FROM mentions WHERE article_id = $1 ORDER BY idx",
            &[text(id)],
        )? {
            let e: Event = serde_json::from_str(&cell_text(&m, 1).unwrap_or_default())
                .map_err(|x| corrupt(&format!("mention of {id}"), x))?;
            let prov = e.provenance.as_ref();
            events.push(ArticleEventRef {
                event_id: cell_text(&m, 0),
                sub_event_type: e.sub_event_type.as_str().to_string(),
                evidence_span: prov.map(|p| [p.evidence.start, p.evidence.end]),
                fields: prov
                    .map(|p| {
                        p.fields
                            .iter()
                            .map(|(k, s)| (k.clone(), [s.start, s.end]))
                            .collect::<BTreeMap<_, _>>()
                    })
                    .unwrap_or_default(),
            });
        }
        let diagnostics = self
            .db
            .query(
                "SELECT message FROM diagnostics WHERE article_id = $1 ORDER BY id",
                &[text(id)],
            )?
            .into_iter()
            .filter_map(|r| cell_text(&r, 0))
            .collect();
        Ok(Some(ArticleDetail {
            id: cell_text(&r, 0).unwrap_or_default(),
            title: cell_text(&r, 1),
            url: cell_text(&r, 2),
            outlet: cell_text(&r, 3),
            published: cell_text(&r, 4),
            language: cell_text(&r, 5),
            near_duplicate_of: cell_text(&r, 9),
            text: cell_text(&r, 6).unwrap_or_default(),
            body,
            mentions,
            events,
            diagnostics,
        }))
    }

    fn timeline(
        &mut self,
        q: &EventQuery,
        interval: Interval,
    ) -> Result<Vec<TimelineBucket>, StoreError> {
        let w = q.where_clause();
        let col = interval.column();
        let sql = format!(
            "SELECT {col}, e.event_type, COUNT(*), CAST(SUM(COALESCE(e.fatalities, 0)) AS BIGINT) \
             FROM events e{} GROUP BY {col}, e.event_type ORDER BY {col}, e.event_type",
            w.sql
        );
        Ok(self
            .db
            .query(&sql, &params_of(&w.params))?
            .into_iter()
            .map(|r| TimelineBucket {
                start: cell_text(&r, 0).unwrap_or_default(),
                event_type: cell_text(&r, 1).unwrap_or_default(),
                count: cell_int(&r, 2).unwrap_or(0).max(0) as usize,
                fatalities: cell_int(&r, 3).unwrap_or(0).max(0) as u64,
            })
            .collect())
    }

    fn actors(&mut self, q: &EventQuery, limit: usize) -> Result<Vec<ActorCount>, StoreError> {
        let w = q.where_clause();
        let sql = format!(
            "SELECT ea.actor, MAX(ea.inter), COUNT(DISTINCT ea.event_id) AS n FROM event_actors ea \
             JOIN events e ON e.id = ea.event_id{} GROUP BY ea.actor ORDER BY n DESC, ea.actor LIMIT {}",
            w.sql,
            limit.max(1)
        );
        Ok(self
            .db
            .query(&sql, &params_of(&w.params))?
            .into_iter()
            .map(|r| ActorCount {
                name: cell_text(&r, 0).unwrap_or_default(),
                inter: cell_int(&r, 1).and_then(|v| u8::try_from(v).ok()),
                events: cell_int(&r, 2).unwrap_or(0).max(0) as usize,
            })
            .collect())
    }

    fn clusters(&mut self, q: &EventQuery, zoom: u8) -> Result<Vec<Cluster>, StoreError> {
        let w = q.where_clause();
        let sql = format!(
            "SELECT e.id, e.latitude, e.longitude, e.event_type, COALESCE(e.fatalities, 0) \
             FROM events e{}{} e.latitude IS NOT NULL AND e.longitude IS NOT NULL",
            w.sql,
            if w.sql.is_empty() { " WHERE" } else { " AND" }
        );
        let size = cell_degrees(zoom);
        struct Acc {
            lat: f64,
            lon: f64,
            count: usize,
            fatalities: u64,
            types: BTreeMap<String, usize>,
            id: String,
        }
        let mut cells: BTreeMap<(i64, i64), Acc> = BTreeMap::new();
        for r in self.db.query(&sql, &params_of(&w.params))? {
            let (Some(lat), Some(lon)) =
                (r.get(1).and_then(Cell::real), r.get(2).and_then(Cell::real))
            else {
                continue;
            };
            let key = ((lat / size).floor() as i64, (lon / size).floor() as i64);
            let acc = cells.entry(key).or_insert_with(|| Acc {
                lat: 0.0,
                lon: 0.0,
                count: 0,
                fatalities: 0,
                types: BTreeMap::new(),
                id: cell_text(&r, 0).unwrap_or_default(),
            });
            acc.lat += lat;
            acc.lon += lon;
            acc.count += 1;
            acc.fatalities += cell_int(&r, 4).unwrap_or(0).max(0) as u64;
            *acc.types
                .entry(cell_text(&r, 3).unwrap_or_default())
                .or_default() += 1;
        }
        Ok(cells
            .into_values()
            .map(|a| Cluster {
                latitude: a.lat / a.count as f64,
                longitude: a.lon / a.count as f64,
                count: a.count,
                fatalities: a.fatalities,
                event_type: a
                    .types
                    .iter()
                    .max_by_key(|(t, n)| (**n, std::cmp::Reverse((*t).clone())))
                    .map(|(t, _)| t.clone())
                    .unwrap_or_default(),
                event_id: (a.count == 1).then_some(a.id),
            })
            .collect())
    }

    fn diagnostics(&mut self) -> Result<Vec<StoredDiagnostic>, StoreError> {
        Ok(self
            .db
            .query(
                "SELECT article_id, input, message FROM diagnostics ORDER BY id",
                &[],
            )?
            .into_iter()
            .map(|r| StoredDiagnostic {
                article_id: cell_text(&r, 0),
                input: cell_text(&r, 1).unwrap_or_default(),
                message: cell_text(&r, 2).unwrap_or_default(),
            })
            .collect())
    }

    fn mention_events(&mut self) -> Result<Vec<(String, usize, String)>, StoreError> {
        Ok(self
            .db
            .query(
                "SELECT article_id, idx, event_id FROM mentions ORDER BY article_id, idx",
                &[],
            )?
            .into_iter()
            .map(|r| {
                (
                    cell_text(&r, 0).unwrap_or_default(),
                    cell_int(&r, 1).unwrap_or(0).max(0) as usize,
                    cell_text(&r, 2).unwrap_or_default(),
                )
            })
            .collect())
    }

    fn describe(&self) -> String {
        self.db.describe()
    }
}
