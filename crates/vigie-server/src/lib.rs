//! The HTTP side of vigie: a read-only JSON API over the store
//! (`docs/api.md`, OpenAPI at `/api/openapi.json`) and the web page (map,
//! timeline, evidence, sources), its assets embedded in the binary.
//!
//! Architecture invariant: the only crate that answers HTTP. Requests are
//! validated here (400 with a message on a bad parameter); every query
//! goes through the store's parameterised SQL.

mod atom;
mod params;

use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use params::{BadRequest, Params};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use vigie_store::{Store, StoreError};

/// Errors of the server.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot listen on {0}: {1}")]
    Bind(String, std::io::Error),
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A few store connections shared by the request handlers.
pub struct Pool {
    conns: Vec<Mutex<Box<dyn Store>>>,
    next: AtomicUsize,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pool({} connections)", self.conns.len())
    }
}

impl Pool {
    /// `size` connections made by `open`.
    pub fn new(
        size: usize,
        open: impl Fn() -> Result<Box<dyn Store>, StoreError>,
    ) -> Result<Pool, StoreError> {
        let mut conns = Vec::new();
        for _ in 0..size.max(1) {
            conns.push(Mutex::new(open()?));
        }
        Ok(Pool {
            conns,
            next: AtomicUsize::new(0),
        })
    }

    /// A free connection, else waits for one.
    fn get(&self) -> MutexGuard<'_, Box<dyn Store>> {
        let n = self.conns.len();
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        for k in 0..n {
            if let Ok(g) = self.conns[(start + k) % n].try_lock() {
                return g;
            }
        }
        match self.conns[start % n].lock() {
            Ok(g) => g,
            // A handler panicked while holding it; the connection itself
            // is still usable.
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}

type Shared = Arc<Pool>;

/// An API error as `{"error": message}` with its status.
#[derive(Debug)]
struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({"error": self.1}))).into_response()
    }
}

impl From<BadRequest> for ApiError {
    fn from(b: BadRequest) -> Self {
        ApiError(StatusCode::BAD_REQUEST, b.0)
    }
}

type ApiResult = Result<Json<Value>, ApiError>;

/// Runs a store call on the blocking pool.
async fn with_store<T: Send + 'static>(
    pool: Shared,
    f: impl FnOnce(&mut dyn Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let r = tokio::task::spawn_blocking(move || {
        let mut s = pool.get();
        f(s.as_mut())
    })
    .await;
    match r {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())),
        Err(e) => Err(ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())),
    }
}

fn to_value<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// The list fields of an event (`GET /api/events`).
const SUMMARY: [&str; 16] = [
    "id",
    "event_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "sources",
    "notes",
];

async fn health(State(pool): State<Shared>) -> ApiResult {
    let (c, updated, sources) = with_store(pool, |s| {
        Ok((s.counts()?, s.last_change()?, s.watch_sources()?))
    })
    .await?;
    let now = chrono::Utc::now();
    let age = |t: &Option<String>| {
        t.as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| (now - t.with_timezone(&chrono::Utc)).num_seconds().max(0))
    };
    let errors = sources.iter().filter(|s| s.error.is_some()).count();
    let watch: Vec<Value> = sources
        .iter()
        .map(|s| {
            let mut v = to_value(s);
            if let Value::Object(m) = &mut v {
                // Seconds since the source last answered well.
                m.insert("lag_seconds".into(), json!(age(&s.last_ok)));
            }
            v
        })
        .collect();
    Ok(Json(json!({
        "status": if errors > 0 { "degraded" } else { "ok" },
        "events": c.events,
        "articles": c.articles,
        "reports": c.mentions,
        "updated": updated,
        "lag_seconds": age(&updated),
        "sources": watch,
        "source_errors": errors,
        "version": env!("CARGO_PKG_VERSION"),
    })))
}

/// `GET /api/events.atom`: the alert feed of the events matching the
/// filters, most recently changed first (`limit` 1..500, default 50).
async fn events_atom(
    State(pool): State<Shared>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let p = Params::parse(q.as_deref())?;
    let mut query = p.event_query(false)?;
    query.limit = p.int("limit", 1, 500)?.unwrap_or(50) as usize;
    let events = with_store(pool, move |s| s.stamped_events(&query)).await?;
    let raw = q.unwrap_or_default();
    let self_path = if raw.is_empty() {
        "/api/events.atom".to_string()
    } else {
        format!("/api/events.atom?{raw}")
    };
    let filter: Vec<String> = p
        .pairs()
        .iter()
        .filter(|(k, _)| k != "limit")
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let body = atom::feed(&events, &self_path, &filter.join("&"));
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/atom+xml; charset=utf-8"),
        )],
        body,
    )
        .into_response())
}

/// The event filter of an API query string (`country=ML&event_type=Battles`),
/// as `vigie watch --notify-filter` takes it.
pub fn filter_query(query_string: &str) -> Result<vigie_store::EventQuery, String> {
    let p = Params::parse(Some(query_string)).map_err(|b| b.0)?;
    p.event_query(false).map_err(|b| b.0)
}

async fn events(State(pool): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref())?;
    let query = p.event_query(true)?;
    let page = with_store(pool, move |s| s.events(&query)).await?;
    let list: Vec<Value> = page
        .events
        .iter()
        .map(|e| {
            let full = to_value(e);
            let mut m = serde_json::Map::new();
            for k in SUMMARY {
                m.insert(k.to_string(), full.get(k).cloned().unwrap_or(Value::Null));
            }
            Value::Object(m)
        })
        .collect();
    Ok(Json(json!({
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "events": list,
    })))
}

async fn event(State(pool): State<Shared>, Path(id): Path<String>) -> ApiResult {
    let key = id.clone();
    let Some(d) = with_store(pool, move |s| s.event(&key)).await? else {
        return Err(ApiError(StatusCode::NOT_FOUND, format!("no event {id:?}")));
    };
    let mut v = to_value(&d.event);
    let sources: Vec<Value> = d
        .reports
        .iter()
        .map(|r| {
            let mut s = to_value(r);
            if let Value::Object(m) = &mut s {
                m.insert(
                    "article_url".into(),
                    Value::String(format!("/api/articles/{}", r.article_id)),
                );
            }
            s
        })
        .collect();
    if let Value::Object(m) = &mut v {
        m.insert("source_count".into(), json!(d.event.sources));
        m.insert("sources".into(), Value::Array(sources));
        m.insert("claims".into(), to_value(&d.claims));
    }
    Ok(Json(v))
}

async fn article(State(pool): State<Shared>, Path(id): Path<String>) -> ApiResult {
    let key = id.clone();
    match with_store(pool, move |s| s.article(&key)).await? {
        Some(a) => Ok(Json(to_value(&a))),
        None => Err(ApiError(
            StatusCode::NOT_FOUND,
            format!("no article {id:?}"),
        )),
    }
}

async fn clusters(State(pool): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref())?;
    let query = p.event_query(false)?;
    let zoom = p
        .int("zoom", 0, 20)?
        .ok_or_else(|| BadRequest("missing zoom (0..20)".into()))?;
    let out = with_store(pool, move |s| s.clusters(&query, zoom as u8)).await?;
    Ok(Json(json!({"clusters": out})))
}

async fn timeline(State(pool): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref())?;
    let query = p.event_query(false)?;
    let interval = p.interval()?;
    let buckets = with_store(pool, move |s| s.timeline(&query, interval)).await?;
    let name = match interval {
        vigie_store::Interval::Day => "day",
        vigie_store::Interval::Week => "week",
        vigie_store::Interval::Month => "month",
    };
    Ok(Json(json!({"interval": name, "buckets": buckets})))
}

async fn actors(State(pool): State<Shared>, RawQuery(q): RawQuery) -> ApiResult {
    let p = Params::parse(q.as_deref())?;
    let query = p.event_query(false)?;
    let limit = p.int("limit", 1, 1000)?.unwrap_or(50) as usize;
    let out = with_store(pool, move |s| s.actors(&query, limit)).await?;
    Ok(Json(json!({"actors": out})))
}

async fn openapi() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI,
    )
        .into_response()
}

async fn not_found_api() -> ApiError {
    ApiError(
        StatusCode::NOT_FOUND,
        "no such API endpoint (see /api/openapi.json)".into(),
    )
}

/// The OpenAPI description of the API.
pub const OPENAPI: &str = include_str!("../openapi.json");

#[derive(rust_embed::RustEmbed)]
#[folder = "assets/"]
struct Assets;

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "md" | "txt" | "LICENSE" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn asset(path: &str) -> Response {
    let path = if path.is_empty() { "index.html" } else { path };
    match Assets::get(path) {
        Some(f) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(content_type(path)),
                ),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            f.data.into_owned(),
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

async fn index() -> Response {
    asset("index.html")
}

async fn static_file(Path(path): Path<String>) -> Response {
    asset(&path)
}

/// The routes of the API and the page.
pub fn router(pool: Arc<Pool>) -> Router {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/events", get(events))
        .route("/api/events.atom", get(events_atom))
        .route("/api/events/{id}", get(event))
        .route("/api/articles/{id}", get(article))
        .route("/api/clusters", get(clusters))
        .route("/api/timeline", get(timeline))
        .route("/api/actors", get(actors))
        .route("/api/openapi.json", get(openapi))
        .route("/api/{*rest}", get(not_found_api))
        .route("/", get(index))
        .route("/{*path}", get(static_file))
        .with_state(pool)
}

/// Serves until Ctrl-C: binds `addr` (port 0 picks a free one), calls
/// `on_ready` with the bound address, then answers requests.
pub fn serve(pool: Pool, addr: &str, on_ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| ServerError::Bind(addr.to_string(), e))?;
        on_ready(listener.local_addr()?);
        axum::serve(listener, router(Arc::new(pool)))
            .with_graceful_shutdown(async {
                // If the handler cannot be installed, serve until killed.
                if tokio::signal::ctrl_c().await.is_err() {
                    std::future::pending::<()>().await;
                }
            })
            .await?;
        Ok(())
    })
}
