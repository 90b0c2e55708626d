//! The vigie store: articles, their event mentions, the merged events
//! across articles, who claims which figure, and the extraction's
//! diagnostics, in SQLite (default, one file) or PostgreSQL (teams,
//! several ingest workers on one database).
//!
//! Both backends implement [`Store`] over the same schema (migrations in
//! `migrations/`, applied in order and recorded in `schema_version`) and
//! pass the same conformance suite (`tests/conformance.rs`).
//!
//! Ingest is incremental and idempotent: an article whose content hash is
//! already stored changes nothing; one whose text changed replaces its old
//! mentions. Each batch is one transaction that also recomputes the merged
//! events ([`merged`]), so a crash leaves the previous consistent state and
//! re-running finishes the job without duplicates.
//!
//! Architecture invariant: the only crate that speaks SQL.

pub mod merged;
pub mod query;
pub mod sql;
pub mod sqlite;

#[cfg(feature = "postgres")]
pub mod postgres;

use serde::{Deserialize, Serialize};
use vigie_core::{Article, Diagnostic, Event, Mention};

pub use merged::MergedEvent;
pub use query::{EventQuery, Interval, Sort};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("SQLite database {path}: {source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[cfg(feature = "postgres")]
    #[error("PostgreSQL database {url}: {source}")]
    Postgres {
        url: String,
        #[source]
        source: ::postgres::Error,
    },
    #[error(
        "database {0} was written by a newer vigie (schema version {1}, this build knows {2})"
    )]
    TooNew(String, i64, i64),
    #[error("corrupt stored record in {0}: {1}")]
    Corrupt(String, String),
    #[error("{0}")]
    Unsupported(String),
}

/// An article with what the pipeline found in it, ready to store.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: Option<String>,
    pub published_precision: Option<String>,
    pub language: Option<String>,
    /// [`record_hash`] of the article: its text and metadata.
    pub content_hash: String,
    pub text: String,
    /// Byte spans of the cleaned body.
    pub body: Vec<[usize; 2]>,
    /// The id of an earlier article telling the same (wire) story.
    pub near_duplicate_of: Option<String>,
    /// Where the article came from (`path` or `path:line`).
    pub input: String,
    /// Every mention the annotators found (for the article view).
    pub mentions: Vec<Mention>,
    /// The article's events, each with its provenance.
    pub events: Vec<Event>,
    pub diagnostics: Vec<String>,
}

/// The hash that decides whether a stored article changed: its text and
/// the metadata extraction depends on (a later input that brings the
/// publication date or outlet of an article first read without them
/// re-extracts it; the latest version of an article wins).
pub fn record_hash(a: &Article) -> String {
    let published = a.published.map(|d| d.to_string());
    let fields = [
        Some(a.text.as_str()),
        a.url.as_deref(),
        a.title.as_deref(),
        a.outlet.as_deref(),
        published.as_deref(),
        a.language.as_deref(),
    ];
    let mut joined = String::with_capacity(a.text.len() + 256);
    for f in fields {
        // A field separator no text contains, and a marker for "absent".
        joined.push('\u{1f}');
        joined.push_str(f.unwrap_or("\u{0}"));
    }
    vigie_core::article::content_hash(&joined)
}

impl ArticleRecord {
    /// The record of an article after the pipeline.
    pub fn new(
        a: &Article,
        mentions: Vec<Mention>,
        events: Vec<Event>,
        diagnostics: &[Diagnostic],
    ) -> ArticleRecord {
        ArticleRecord {
            id: a.id.clone(),
            url: a.url.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            published: a.published.map(|d| d.to_string()),
            published_precision: a.published.map(|d| d.precision.as_str().to_string()),
            language: a.language.clone(),
            content_hash: record_hash(a),
            text: a.text.clone(),
            body: a.body.iter().map(|s| [s.start, s.end]).collect(),
            near_duplicate_of: a.near_duplicate_of.clone(),
            input: a.origin.display(),
            mentions,
            events,
            diagnostics: diagnostics.iter().map(|d| d.to_string()).collect(),
        }
    }
}

/// What an ingest batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IngestStats {
    pub new: usize,
    pub changed: usize,
    pub unchanged: usize,
    pub mentions: usize,
}

impl std::ops::AddAssign for IngestStats {
    fn add_assign(&mut self, o: IngestStats) {
        self.new += o.new;
        self.changed += o.changed;
        self.unchanged += o.unchanged;
        self.mentions += o.mentions;
    }
}

/// Row counts of the database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub articles: usize,
    pub mentions: usize,
    pub events: usize,
    pub claims: usize,
    pub diagnostics: usize,
}

/// One page of events.
#[derive(Debug, Clone, Serialize)]
pub struct EventPage {
    pub total: usize,
    pub limit: usize,
    pub offset: usize,
    pub events: Vec<MergedEvent>,
}

/// One article's report of a merged event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceReport {
    pub article_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    /// The id of an earlier article telling the same (wire) story.
    pub near_duplicate_of: Option<String>,
    pub event_date: String,
    pub fatalities: Option<u32>,
    pub claimed_by: Vec<String>,
    pub evidence: String,
    pub evidence_span: Option<[usize; 2]>,
    pub confidence: Option<f32>,
}

/// Who claims which figure for an event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Claim {
    pub claimant: String,
    pub article_id: String,
    pub fatalities: Option<u32>,
}

/// A merged event with its reports and claims.
#[derive(Debug, Clone, Serialize)]
pub struct EventDetail {
    #[serde(flatten)]
    pub event: MergedEvent,
    pub reports: Vec<SourceReport>,
    pub claims: Vec<Claim>,
}

/// An event of an article, as the article view shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleEventRef {
    pub event_id: Option<String>,
    pub sub_event_type: String,
    pub evidence_span: Option<[usize; 2]>,
    /// Byte spans of each field (`actor1`, `location`, `event_date`...).
    pub fields: std::collections::BTreeMap<String, [usize; 2]>,
}

/// A stored article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleDetail {
    pub id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    /// The id of an earlier article telling the same (wire) story.
    pub near_duplicate_of: Option<String>,
    pub text: String,
    pub body: Vec<[usize; 2]>,
    pub mentions: Vec<Mention>,
    pub events: Vec<ArticleEventRef>,
    pub diagnostics: Vec<String>,
}

/// Events and fatalities of one time bucket and event type.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimelineBucket {
    pub start: String,
    pub event_type: String,
    pub count: usize,
    pub fatalities: u64,
}

/// An actor and the number of events it takes part in.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorCount {
    pub name: String,
    pub inter: Option<u8>,
    pub events: usize,
}

/// Events in one cell of a map grid.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Cluster {
    pub latitude: f64,
    pub longitude: f64,
    pub count: usize,
    pub fatalities: u64,
    pub event_type: String,
    pub event_id: Option<String>,
}

/// A diagnostic as stored.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoredDiagnostic {
    pub article_id: Option<String>,
    pub input: String,
    pub message: String,
}

impl From<&Diagnostic> for StoredDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        StoredDiagnostic {
            article_id: None,
            input: d.input.clone(),
            message: d.reason.clone(),
        }
    }
}

/// An item of a watched source that a batch read: stored in the batch's
/// transaction, so a crash never leaves an article without its "seen"
/// mark or a mark without its article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenItem {
    /// The source: a feed URL or `folder:PATH`.
    pub source: String,
    /// The item: a feed entry's link or id, or a file path.
    pub item: String,
    /// What the item looked like (a file's size and modification time).
    pub validator: Option<String>,
    pub article_id: Option<String>,
}

/// The state of a watched source (`vigie watch`), as `/api/health` shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceState {
    /// A feed URL or `folder:PATH`.
    pub source: String,
    /// `feed` or `folder`.
    pub kind: String,
    /// Validators of the last answer, for conditional requests.
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// RFC 3339 UTC times of the last poll and the last successful one.
    pub last_poll: Option<String>,
    pub last_ok: Option<String>,
    /// What the last poll did (`200: 12 items, 3 new`, `304 not modified`).
    pub status: Option<String>,
    /// Why the last poll failed, if it did.
    pub error: Option<String>,
    /// Failures in a row (the backoff grows with them).
    pub failures: u32,
    /// When the source is due again (RFC 3339 UTC).
    pub next_poll: Option<String>,
    /// Items read from it in all.
    pub items: u64,
}

/// A merged event with its digest and when it was first stored and last
/// changed (alert feeds and notifications).
#[derive(Debug, Clone, Serialize)]
pub struct StampedEvent {
    pub event: MergedEvent,
    pub digest: String,
    pub first_seen: Option<String>,
    pub updated_at: Option<String>,
}

/// The operations every backend provides.
pub trait Store: Send {
    /// Stores a batch of articles in one transaction and recomputes the
    /// merged events. Articles whose content hash is unchanged are skipped.
    fn ingest(&mut self, batch: &[ArticleRecord]) -> Result<IngestStats, StoreError> {
        self.ingest_with(batch, &[])
    }
    /// [`Store::ingest`], recording in the same transaction the watched
    /// items the batch came from.
    fn ingest_with(
        &mut self,
        batch: &[ArticleRecord],
        seen: &[SeenItem],
    ) -> Result<IngestStats, StoreError>;
    /// The validators of the items of `source` among `items` already seen
    /// (an item seen without validator maps to `None`).
    fn seen_items(
        &mut self,
        source: &str,
        items: &[String],
    ) -> Result<Vec<(String, Option<String>)>, StoreError>;
    /// Every watched source's state, ordered by source.
    fn watch_sources(&mut self) -> Result<Vec<SourceState>, StoreError>;
    /// Saves a source's state (insert or replace).
    fn save_source(&mut self, state: &SourceState) -> Result<(), StoreError>;
    /// Events matching `q` with their digests and times, most recently
    /// changed first.
    fn stamped_events(&mut self, q: &EventQuery) -> Result<Vec<StampedEvent>, StoreError>;
    /// When a merged event last changed (RFC 3339 UTC), if any did since
    /// the database has kept the time.
    fn last_change(&mut self) -> Result<Option<String>, StoreError>;
    /// What was last sent to an alert target: `None` if it never was set
    /// up, else (event id, digest) pairs.
    fn notified(&mut self, target: &str) -> Result<Option<Vec<(String, String)>>, StoreError>;
    /// Records what was sent to a target (`sent` may be empty: the target
    /// then exists with nothing sent).
    fn mark_notified(&mut self, target: &str, sent: &[(String, String)]) -> Result<(), StoreError>;
    /// Records diagnostics about inputs that gave no article (unreadable
    /// files, bad JSONL lines).
    fn record_diagnostics(&mut self, diags: &[StoredDiagnostic]) -> Result<(), StoreError>;
    /// Content hashes of the stored articles among `ids` (to skip the work
    /// of processing unchanged articles).
    fn content_hashes(&mut self, ids: &[String]) -> Result<Vec<(String, String)>, StoreError>;
    fn counts(&mut self) -> Result<Counts, StoreError>;
    fn events(&mut self, q: &EventQuery) -> Result<EventPage, StoreError>;
    fn event(&mut self, id: &str) -> Result<Option<EventDetail>, StoreError>;
    fn article(&mut self, id: &str) -> Result<Option<ArticleDetail>, StoreError>;
    fn timeline(
        &mut self,
        q: &EventQuery,
        interval: Interval,
    ) -> Result<Vec<TimelineBucket>, StoreError>;
    fn actors(&mut self, q: &EventQuery, limit: usize) -> Result<Vec<ActorCount>, StoreError>;
    fn clusters(&mut self, q: &EventQuery, zoom: u8) -> Result<Vec<Cluster>, StoreError>;
    fn diagnostics(&mut self) -> Result<Vec<StoredDiagnostic>, StoreError>;
    /// Every mention with the id of its merged event, ordered by article
    /// and index (for `vigie extract` ids and for tests).
    fn mention_events(&mut self) -> Result<Vec<(String, usize, String)>, StoreError>;
    /// A short description of where the data lives.
    fn describe(&self) -> String;
}

/// Opens a database: a `postgres://` or `postgresql://` URL, else a path
/// of a SQLite file (created with its schema when missing).
pub fn open(target: &str) -> Result<Box<dyn Store>, StoreError> {
    if target.starts_with("postgres://") || target.starts_with("postgresql://") {
        #[cfg(feature = "postgres")]
        {
            return Ok(Box::new(postgres::PgStore::connect(target)?));
        }
        #[cfg(not(feature = "postgres"))]
        {
            return Err(StoreError::Unsupported(format!(
                "{target}: this vigie was built without the `postgres` feature"
            )));
        }
    }
    Ok(Box::new(sqlite::SqliteStore::open(target)?))
}

/// Monday of the ISO week of a `YYYY-MM-DD` date, and the first of its
/// month (stored with each event for the timeline).
pub(crate) fn week_and_month(date: &str) -> (String, String) {
    use chrono::{Datelike, NaiveDate};
    match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => {
            let monday = d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday()));
            (
                monday.format("%Y-%m-%d").to_string(),
                format!("{:04}-{:02}-01", d.year(), d.month()),
            )
        }
        Err(_) => (date.to_string(), date.to_string()),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(
            super::week_and_month("2017-08-06"),
            ("2017-07-31".into(), "2017-08-01".into())
        );
        assert_eq!(
            super::week_and_month("2017-08-07"),
            ("2017-08-07".into(), "2017-08-01".into())
        );
    }
}
