//! Alert hooks (`vigie watch --notify URL`): each merged event matching a
//! saved filter that is new or changed since it was last sent is POSTed
//! as JSON, with bounded retries. What was sent is kept in the store, so
//! a restart sends nothing twice; a target seen for the first time starts
//! from the events already there (it is told what happens next, not the
//! whole history).

use crate::fetch::{FetchError, Fetcher};
use serde_json::json;
use std::collections::HashMap;
use std::time::Duration;
use vigie_store::{EventQuery, Store, StoreError};

/// Attempts per event before it waits for the next cycle.
pub const ATTEMPTS: u32 = 3;

/// A notify URL and the filter of the events it wants.
#[derive(Debug, Clone)]
pub struct Alert {
    pub url: String,
    /// The filter as given (the API's query string), for messages and the
    /// target's key.
    pub filter: String,
    pub query: EventQuery,
}

impl Alert {
    /// The key under which what was sent is stored.
    pub fn target(&self) -> String {
        format!("{} {}", self.url, self.filter)
    }
}

/// What a check did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Sent {
    pub new: usize,
    pub updated: usize,
    pub failed: usize,
    /// The target was set up now: the events already there were recorded
    /// without being sent.
    pub baseline: usize,
    pub error: Option<String>,
}

/// Sends what changed to one target.
pub fn check(
    fetcher: &mut Fetcher,
    store: &mut dyn Store,
    alert: &Alert,
    backoff: Duration,
) -> Result<Sent, StoreError> {
    let target = alert.target();
    let mut query = alert.query.clone();
    query.limit = usize::MAX / 2;
    query.offset = 0;
    let events = store.stamped_events(&query)?;
    let mut sent = Sent::default();
    let Some(before) = store.notified(&target)? else {
        let all: Vec<(String, String)> = events
            .iter()
            .map(|e| (e.event.id.clone(), e.digest.clone()))
            .collect();
        sent.baseline = all.len();
        store.mark_notified(&target, &all)?;
        return Ok(sent);
    };
    let before: HashMap<String, String> = before.into_iter().collect();
    let mut done = Vec::new();
    // Oldest change first, so the receiver sees them in order.
    for e in events.iter().rev() {
        let kind = match before.get(&e.event.id) {
            Some(d) if *d == e.digest => continue,
            Some(_) => "updated",
            None => "new",
        };
        let body = json!({
            "kind": kind,
            "filter": alert.filter,
            "first_seen": e.first_seen,
            "updated_at": e.updated_at,
            "event": e.event,
        });
        match post_with_retries(fetcher, &alert.url, &body, backoff) {
            Ok(()) => {
                if kind == "new" {
                    sent.new += 1;
                } else {
                    sent.updated += 1;
                }
                done.push((e.event.id.clone(), e.digest.clone()));
            }
            Err(err) => {
                sent.failed += 1;
                sent.error = Some(err.to_string());
                // The target is down: the rest waits for the next cycle.
                break;
            }
        }
    }
    store.mark_notified(&target, &done)?;
    Ok(sent)
}

fn post_with_retries(
    fetcher: &mut Fetcher,
    url: &str,
    body: &serde_json::Value,
    backoff: Duration,
) -> Result<(), FetchError> {
    let mut wait = backoff;
    let mut last = FetchError::Transport("not sent".into());
    for attempt in 1..=ATTEMPTS {
        match fetcher.post_json(url, body) {
            Ok(_) => return Ok(()),
            Err(e) => {
                let permanent = e.is_permanent();
                last = e;
                if permanent || attempt == ATTEMPTS {
                    break;
                }
                std::thread::sleep(wait);
                wait *= 2;
            }
        }
    }
    Err(last)
}
