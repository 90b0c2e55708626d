//! The live monitor of vigie (`vigie watch`): folders where files land
//! and news feeds (RSS, Atom, JSON Feed) polled at an interval, their new
//! articles handed to the pipeline and stored with the items they came
//! from in one transaction, and alert hooks for the merged events that
//! change.
//!
//! Every source's state (validators, last poll, failures and backoff,
//! items seen) is in the store, so a restart, or a `kill -9`, resumes
//! without refetching or storing anything twice, and several workers can
//! share one PostgreSQL database.
//!
//! Architecture invariant: the only crate that makes HTTP requests (the
//! server answers them); it reads files through `vigie-ingest`.

pub mod alerts;
pub mod feeds;
pub mod fetch;
pub mod folders;

use chrono::{DateTime, TimeDelta, Utc};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;
use vigie_core::{Article, Diagnostic};
use vigie_store::{
    ArticleRecord, IngestStats, SeenItem, SourceState, Store, StoreError, StoredDiagnostic,
};

pub use alerts::Alert;
pub use fetch::{FetchConfig, FetchError, Fetcher};

/// Errors that stop the watcher (sources' own problems never do).
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("watched folder {0} does not exist or is not a folder")]
    NoFolder(String),
    #[error("feed {0}: not an http(s) URL")]
    BadFeed(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What to watch and how.
#[derive(Debug, Clone)]
pub struct WatchConfig {
    pub folders: Vec<PathBuf>,
    pub feeds: Vec<String>,
    /// Time between two polls of a feed.
    pub interval: Duration,
    /// Time between two scans of the folders when no file-system
    /// notification arrives (the polling fallback).
    pub scan: Duration,
    /// A file is read once unchanged for this long.
    pub settle: Duration,
    /// Articles stored per transaction.
    pub batch: usize,
    pub fetch: FetchConfig,
    pub alerts: Vec<Alert>,
    /// First wait between two attempts to deliver an alert.
    pub alert_backoff: Duration,
}

impl Default for WatchConfig {
    fn default() -> Self {
        WatchConfig {
            folders: Vec::new(),
            feeds: Vec::new(),
            interval: Duration::from_secs(300),
            scan: Duration::from_secs(2),
            settle: Duration::from_secs(1),
            batch: 256,
            fetch: FetchConfig::default(),
            alerts: Vec::new(),
            alert_backoff: Duration::from_millis(500),
        }
    }
}

/// Articles read from sources, with the items they came from.
#[derive(Debug, Default)]
pub struct Batch {
    pub articles: Vec<Article>,
    pub seen: Vec<SeenItem>,
    pub diagnostics: Vec<Diagnostic>,
    /// Files of a folder in this batch (path, validator).
    pub files: Vec<(PathBuf, String)>,
}

/// What one cycle did.
#[derive(Debug, Default)]
pub struct Cycle {
    /// One line per source polled (and per alert target that was sent
    /// something).
    pub lines: Vec<String>,
    /// Diagnostics of the sources and their items.
    pub diagnostics: Vec<Diagnostic>,
    pub stats: IngestStats,
    /// Articles read (before the store skipped unchanged ones).
    pub articles: usize,
    /// Files seen in folders that have not settled yet.
    pub pending: usize,
}

/// RFC 3339 UTC, to the second.
pub fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `t` plus `d` (saturating).
pub fn later(t: DateTime<Utc>, d: Duration) -> DateTime<Utc> {
    let delta = TimeDelta::from_std(d).unwrap_or(TimeDelta::MAX);
    t.checked_add_signed(delta).unwrap_or(t)
}

/// Wait after `failures` failures in a row: the interval, doubled at each
/// further failure, at most six hours (or the interval, if longer).
pub fn retry_delay(interval: Duration, failures: u32) -> Duration {
    let cap = interval.max(Duration::from_secs(6 * 3600));
    let factor = 1u32 << failures.saturating_sub(1).min(16);
    interval.saturating_mul(factor).min(cap)
}

/// The watcher.
pub struct Watch {
    config: WatchConfig,
    fetcher: Fetcher,
    folders: Vec<folders::Folder>,
    /// File-system notifications (None: polling only).
    fs: Option<(notify::RecommendedWatcher, Receiver<()>)>,
    /// Folder states already saved, to write only what changed.
    saved: HashMap<String, SourceState>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch")
            .field("folders", &self.config.folders)
            .field("feeds", &self.config.feeds)
            .field("notifications", &self.fs.is_some())
            .finish()
    }
}

impl Watch {
    /// Checks the sources and sets up file-system notifications (when
    /// they cannot be had, folders are polled every `scan`).
    pub fn new(config: WatchConfig) -> Result<Watch, WatchError> {
        for f in &config.folders {
            if !f.is_dir() {
                return Err(WatchError::NoFolder(f.display().to_string()));
            }
        }
        for u in &config.feeds {
            if fetch::host_of(u).is_none() {
                return Err(WatchError::BadFeed(u.clone()));
            }
        }
        let fs = if config.folders.is_empty() {
            None
        } else {
            notifications(&config.folders)
        };
        Ok(Watch {
            fetcher: Fetcher::new(config.fetch.clone()),
            folders: config
                .folders
                .iter()
                .map(|p| folders::Folder::new(p.clone()))
                .collect(),
            config,
            fs,
            saved: HashMap::new(),
        })
    }

    /// Whether folders get file-system notifications (else only polling).
    pub fn has_notifications(&self) -> bool {
        self.fs.is_some()
    }

    /// One pass: scans the folders, polls the feeds that are due, stores
    /// what they gave (`process` turns articles into records: the
    /// pipeline), then sends alerts if anything changed.
    pub fn cycle(
        &mut self,
        store: &mut dyn Store,
        process: &mut dyn FnMut(Vec<Article>) -> Vec<ArticleRecord>,
    ) -> Result<Cycle, WatchError> {
        let mut cycle = Cycle::default();
        let now = Utc::now();
        let states: HashMap<String, SourceState> = store
            .watch_sources()?
            .into_iter()
            .map(|s| (s.source.clone(), s))
            .collect();
        for i in 0..self.folders.len() {
            let scan = self.folders[i].scan(store, self.config.settle)?;
            cycle.pending += scan.pending;
            let source = self.folders[i].source().to_string();
            let mut state = states.get(&source).cloned().unwrap_or_else(|| SourceState {
                source: source.clone(),
                kind: "folder".into(),
                ..SourceState::default()
            });
            let read = scan.read;
            let files = scan.files;
            let stored = self.store_batch(store, scan.batch, process, &mut cycle)?;
            self.folders[i].stored(stored);
            state.items += read as u64;
            state.status = Some(format!("{files} files"));
            state.error = None;
            if read > 0 {
                state.last_poll = Some(stamp(now));
                state.last_ok = Some(stamp(now));
                cycle.lines.push(format!(
                    "folder {}: {read} file{} read, {files} in all",
                    self.folders[i].root().display(),
                    if read == 1 { "" } else { "s" }
                ));
            }
            if self.saved.get(&source) != Some(&state) || read > 0 {
                if state.last_poll.is_none() {
                    state.last_poll = Some(stamp(now));
                    state.last_ok = Some(stamp(now));
                }
                store.save_source(&state)?;
                self.saved.insert(source, state);
            }
        }
        for url in self.config.feeds.clone() {
            let previous = states.get(&url).cloned();
            if let Some(p) = &previous {
                if !feeds::is_due(p, now) {
                    continue;
                }
            }
            let poll = feeds::poll(
                &mut self.fetcher,
                store,
                &url,
                previous,
                self.config.interval,
                Utc::now(),
            )?;
            cycle.lines.push(poll.line);
            self.store_batch(store, poll.batch, process, &mut cycle)?;
            store.save_source(&poll.state)?;
        }
        if cycle.stats.new + cycle.stats.changed > 0 || self.first_alert_check() {
            for alert in self.config.alerts.clone() {
                let sent =
                    alerts::check(&mut self.fetcher, store, &alert, self.config.alert_backoff)?;
                if sent.new + sent.updated + sent.failed > 0 {
                    let mut line = format!(
                        "notify {}: {} new, {} updated events sent",
                        alert.url, sent.new, sent.updated
                    );
                    if let Some(e) = &sent.error {
                        line.push_str(&format!("; delivery failed ({e}), tried again later"));
                    }
                    cycle.lines.push(line);
                }
            }
        }
        Ok(cycle)
    }

    fn first_alert_check(&mut self) -> bool {
        !self.config.alerts.is_empty() && !self.saved.contains_key("\u{0}alerts") && {
            self.saved
                .insert("\u{0}alerts".to_string(), SourceState::default());
            true
        }
    }

    /// Processes and stores a batch in chunks, each one transaction with
    /// its items; returns the files stored.
    fn store_batch(
        &mut self,
        store: &mut dyn Store,
        batch: Batch,
        process: &mut dyn FnMut(Vec<Article>) -> Vec<ArticleRecord>,
        cycle: &mut Cycle,
    ) -> Result<Vec<(PathBuf, String)>, WatchError> {
        let Batch {
            articles,
            mut seen,
            diagnostics,
            files,
        } = batch;
        cycle.articles += articles.len();
        let input_diags: Vec<StoredDiagnostic> = diagnostics
            .iter()
            .map(|d| StoredDiagnostic {
                article_id: None,
                input: d.input.clone(),
                message: d.to_string(),
            })
            .collect();
        cycle.diagnostics.extend(diagnostics);
        // Chunks of articles, one transaction each; the items go with the
        // last chunk, so an item is marked read only once all it gave is
        // stored (after a crash, what was stored before is unchanged and
        // skipped).
        let size = self.config.batch.max(1);
        let mut chunks: Vec<Vec<Article>> = Vec::new();
        let mut articles = articles.into_iter().peekable();
        while articles.peek().is_some() {
            chunks.push(articles.by_ref().take(size).collect());
        }
        if chunks.is_empty() && !seen.is_empty() {
            chunks.push(Vec::new());
        }
        let last = chunks.len().saturating_sub(1);
        for (i, chunk) in chunks.into_iter().enumerate() {
            let records = if chunk.is_empty() {
                Vec::new()
            } else {
                process(chunk)
            };
            let items = if i == last {
                std::mem::take(&mut seen)
            } else {
                Vec::new()
            };
            cycle.stats += store.ingest_with(&records, &items)?;
        }
        if !input_diags.is_empty() {
            store.record_diagnostics(&input_diags)?;
        }
        Ok(files)
    }

    /// Waits until the next thing to do: a file-system event, a pending
    /// file to settle, the next folder scan or the next feed due; at most
    /// `max`.
    pub fn wait(
        &mut self,
        store: &mut dyn Store,
        pending: usize,
        max: Duration,
    ) -> Result<(), WatchError> {
        let mut wait = max;
        if !self.folders.is_empty() {
            wait = wait.min(self.config.scan);
            if pending > 0 {
                wait = wait.min(self.config.settle / 2 + Duration::from_millis(50));
            }
        }
        if !self.config.feeds.is_empty() {
            let now = Utc::now();
            let states: HashMap<String, SourceState> = store
                .watch_sources()?
                .into_iter()
                .map(|s| (s.source.clone(), s))
                .collect();
            for url in &self.config.feeds {
                let due = states
                    .get(url)
                    .and_then(|s| s.next_poll.as_deref())
                    .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                    .map(|t| t.with_timezone(&Utc));
                let until = match due {
                    Some(t) if t > now => (t - now).to_std().unwrap_or(Duration::ZERO),
                    _ => Duration::ZERO,
                };
                wait = wait.min(until);
            }
        }
        match &self.fs {
            Some((_, rx)) => match rx.recv_timeout(wait) {
                Ok(()) => {
                    // Let a burst of events (a copy) pass, then drain it.
                    std::thread::sleep(Duration::from_millis(50));
                    while rx.try_recv().is_ok() {}
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    tracing::warn!("file-system notifications stopped; polling folders");
                    self.fs = None;
                    std::thread::sleep(wait);
                }
            },
            None => std::thread::sleep(wait),
        }
        Ok(())
    }
}

/// A notification watcher over the folders; None when the system gives
/// none (the folders are then polled).
fn notifications(folders: &[PathBuf]) -> Option<(notify::RecommendedWatcher, Receiver<()>)> {
    use notify::Watcher;
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher =
        match notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            if res.is_ok() {
                let _ = tx.send(());
            }
        }) {
            Ok(w) => w,
            Err(e) => {
                tracing::warn!("no file-system notifications ({e}); polling folders");
                return None;
            }
        };
    for f in folders {
        if let Err(e) = watcher.watch(f, notify::RecursiveMode::Recursive) {
            tracing::warn!("no notifications for {} ({e}); polling it", f.display());
            return None;
        }
    }
    Some((watcher, rx))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_a_cap() {
        let i = Duration::from_secs(300);
        assert_eq!(retry_delay(i, 1), i);
        assert_eq!(retry_delay(i, 2), Duration::from_secs(600));
        assert_eq!(retry_delay(i, 3), Duration::from_secs(1200));
        assert_eq!(retry_delay(i, 40), Duration::from_secs(6 * 3600));
        // An interval longer than the cap is kept.
        let day = Duration::from_secs(86_400);
        assert_eq!(retry_delay(day, 5), day);
    }

    #[test]
    fn stamps_are_rfc3339() {
        let t = DateTime::parse_from_rfc3339("2026-12-04T03:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap();
        assert_eq!(
            stamp(later(t, Duration::from_secs(90))),
            "2026-12-04T03:01:30Z"
        );
    }
}
