//! One poll of a news feed: a conditional GET, the items not seen yet,
//! the linked page of each item that carries only a summary, and the
//! source's new state.

use crate::fetch::{Expect, FetchError, Fetcher};
use crate::{retry_delay, stamp, Batch};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::time::Duration;
use vigie_core::{Article, Diagnostic, InputFormat, MetaSource, Origin};
use vigie_ingest::feed::{self, FeedEntry};
use vigie_store::{SeenItem, SourceState, Store, StoreError};

/// An item whose own text is shorter than this is a summary: the page it
/// links to is fetched for the article.
pub const MIN_CONTENT_CHARS: usize = 400;

/// Whether a feed is due at `now`.
pub fn is_due(state: &SourceState, now: DateTime<Utc>) -> bool {
    match state.next_poll.as_deref().map(DateTime::parse_from_rfc3339) {
        Some(Ok(at)) => at.with_timezone(&Utc) <= now,
        _ => true,
    }
}

/// What a poll gives: the batch to store and the source's state after it.
#[derive(Debug)]
pub struct FeedPoll {
    pub batch: Batch,
    pub state: SourceState,
    /// One line that says what happened.
    pub line: String,
}

/// Polls `url` once. Network and format problems become the source's
/// error (and a diagnostic); only the store's errors are errors.
pub fn poll(
    fetcher: &mut Fetcher,
    store: &mut dyn Store,
    url: &str,
    previous: Option<SourceState>,
    interval: Duration,
    now: DateTime<Utc>,
) -> Result<FeedPoll, StoreError> {
    let mut state = previous.unwrap_or_else(|| SourceState {
        source: url.to_string(),
        kind: "feed".into(),
        ..SourceState::default()
    });
    state.kind = "feed".into();
    state.last_poll = Some(stamp(now));
    let mut batch = Batch::default();
    let answer = fetcher.get(
        url,
        Expect::Feed,
        state.etag.as_deref(),
        state.last_modified.as_deref(),
    );
    let fetched = match answer {
        Ok(f) => f,
        Err(e) => return Ok(failed(state, batch, url, &e.to_string(), interval, now)),
    };
    if fetched.not_modified() {
        state.status = Some("304 not modified".into());
        return Ok(succeeded(state, batch, url, interval, now));
    }
    let parsed = match feed::parse(&fetched.body, url) {
        Ok(f) => f,
        Err(d) => return Ok(failed(state, batch, url, &d.reason, interval, now)),
    };
    state.etag = fetched.etag.clone();
    state.last_modified = fetched.last_modified.clone();
    let keys: Vec<String> = parsed.entries.iter().map(|e| e.key.clone()).collect();
    let seen: HashMap<String, Option<String>> = store.seen_items(url, &keys)?.into_iter().collect();
    let mut fresh = 0usize;
    let mut pages = 0usize;
    let mut page_errors = 0usize;
    let today = now.date_naive();
    for entry in &parsed.entries {
        if seen.contains_key(&entry.key) || batch.seen.iter().any(|s| s.item == entry.key) {
            continue;
        }
        fresh += 1;
        let needs_page = !(entry.full_content && entry.text.chars().count() >= MIN_CONTENT_CHARS);
        let mut article = None;
        let mut validator = None;
        if needs_page {
            if let Some(link) = entry
                .link
                .as_deref()
                .filter(|l| crate::fetch::host_of(l).is_some())
            {
                pages += 1;
                match page_article(fetcher, entry, parsed.title.as_deref(), link) {
                    Ok(a) => article = Some(a),
                    Err(e) => {
                        page_errors += 1;
                        let at = format!("{url}: item {} ({link})", entry.position);
                        if !entry.text.is_empty() {
                            batch.diagnostics.push(Diagnostic::warning(
                                at,
                                format!("linked page unreadable ({e}); the item's summary is read instead"),
                            ));
                        } else if e.is_permanent() {
                            batch.diagnostics.push(Diagnostic::error(
                                at,
                                format!("linked page unreadable ({e}) and the item has no text; skipped"),
                            ));
                            validator = Some("failed".to_string());
                        } else {
                            // Tried again at the next poll.
                            batch.diagnostics.push(Diagnostic::warning(
                                at,
                                format!(
                                    "linked page unreadable ({e}); tried again at the next poll"
                                ),
                            ));
                            fresh -= 1;
                            continue;
                        }
                    }
                }
            }
        }
        if article.is_none() && !entry.text.is_empty() {
            article = Some(feed::entry_article(
                entry,
                parsed.title.as_deref(),
                entry.text.clone(),
                url,
            ));
        }
        if article.is_none() && validator.is_none() {
            batch.diagnostics.push(Diagnostic::note(
                format!("{url}: item {}", entry.position),
                "item has no content, description or link; skipped",
            ));
        }
        let article_id = article.as_ref().map(|a| a.id.clone());
        if let Some(mut a) = article {
            vigie_ingest::complete(&mut a, today);
            batch.articles.push(a);
        }
        batch.seen.push(SeenItem {
            source: url.to_string(),
            item: entry.key.clone(),
            validator,
            article_id,
        });
    }
    state.items += batch.seen.len() as u64;
    let mut status = format!(
        "{}: {} items, {} new",
        fetched.status,
        parsed.entries.len(),
        fresh
    );
    if pages > 0 {
        status.push_str(&format!(", {pages} pages fetched"));
        if page_errors > 0 {
            status.push_str(&format!(" ({page_errors} unreadable)"));
        }
    }
    state.status = Some(status);
    Ok(succeeded(state, batch, url, interval, now))
}

/// The article of an item read from the page it links to; the item's
/// title, date and the feed's name fill what the page lacks.
fn page_article(
    fetcher: &mut Fetcher,
    entry: &FeedEntry,
    feed_title: Option<&str>,
    link: &str,
) -> Result<Article, FetchError> {
    let page = fetcher.get(link, Expect::Page, None, None)?;
    let decoded = vigie_ingest::decode::decode_html(&page.body, page.charset())
        .map_err(|e| FetchError::Transport(format!("not a text page ({e:?})")))?;
    let (mut a, _) = vigie_ingest::html::article_from_html(
        &decoded.text,
        vigie_ingest::warc::id_for_url(&entry.key),
        Origin::new(link, InputFormat::Html),
        Some(link),
    );
    if a.text.trim().is_empty() {
        return Err(FetchError::Transport("the page has no text".into()));
    }
    if a.title.is_none() {
        a.title = entry.title.clone();
    }
    if let Some(d) = entry.published {
        a.offer_published(vigie_core::FuzzyDate::day(d), MetaSource::Input);
    }
    if let Some(t) = feed_title {
        a.offer_outlet(t, MetaSource::Markup);
    }
    Ok(a)
}

fn succeeded(
    mut state: SourceState,
    batch: Batch,
    url: &str,
    interval: Duration,
    now: DateTime<Utc>,
) -> FeedPoll {
    state.failures = 0;
    state.error = None;
    state.last_ok = Some(stamp(now));
    state.next_poll = Some(stamp(crate::later(now, interval)));
    let line = format!(
        "feed {url}: {}",
        state.status.as_deref().unwrap_or("polled")
    );
    FeedPoll { batch, state, line }
}

fn failed(
    mut state: SourceState,
    mut batch: Batch,
    url: &str,
    reason: &str,
    interval: Duration,
    now: DateTime<Utc>,
) -> FeedPoll {
    state.failures = state.failures.saturating_add(1);
    state.error = Some(reason.to_string());
    state.status = Some("error".into());
    let wait = retry_delay(interval, state.failures);
    state.next_poll = Some(stamp(crate::later(now, wait)));
    batch.diagnostics.push(Diagnostic::error(url, reason));
    let line = format!(
        "feed {url}: error: {reason}; failure {} in a row, next try in {} s",
        state.failures,
        wait.as_secs()
    );
    FeedPoll { batch, state, line }
}
