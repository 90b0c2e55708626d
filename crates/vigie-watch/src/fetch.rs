//! Polite HTTP GETs and POSTs (the `ureq` client): one request at a time,
//! a minimum delay between two requests to the same host, a global
//! timeout per request, bounded redirects, a cap on the answer's size,
//! gzip, conditional requests (ETag / Last-Modified).

use std::collections::HashMap;
use std::time::{Duration, Instant};
use ureq::http::Uri;
use ureq::ResponseExt;

/// How requests are made.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// The whole request, from connecting to the last byte.
    pub timeout: Duration,
    /// Answers larger than this are refused (bytes, after decompression).
    pub max_bytes: u64,
    pub max_redirects: u32,
    /// Minimum time between two requests to one host.
    pub host_delay: Duration,
    pub user_agent: String,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            timeout: Duration::from_secs(20),
            max_bytes: 10 * 1024 * 1024,
            max_redirects: 5,
            host_delay: Duration::from_secs(1),
            user_agent: format!(
                "vigie/{} (conflict-event monitor; feed reader)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// Why a request gave nothing usable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("not a valid http(s) URL")]
    BadUrl,
    #[error("no complete answer within {0} s")]
    Timeout(u64),
    #[error("more than {0} redirects (a redirect loop?)")]
    Redirects(u32),
    #[error("answer larger than {0} bytes; skipped")]
    TooLarge(u64),
    #[error("HTTP status {0}")]
    Status(u16),
    #[error("unexpected content type {0:?}")]
    ContentType(String),
    #[error("{0}")]
    Transport(String),
}

impl FetchError {
    /// Whether trying again later may help (a 404 or a 410 will not).
    pub fn is_permanent(&self) -> bool {
        matches!(self, FetchError::BadUrl | FetchError::TooLarge(_))
            || matches!(self, FetchError::Status(s) if (400..500).contains(s) && *s != 408 && *s != 429)
    }
}

/// A successful answer (2xx, or 304 to a conditional request).
#[derive(Debug, Clone)]
pub struct Fetched {
    pub status: u16,
    /// The URL after redirects.
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl Fetched {
    pub fn not_modified(&self) -> bool {
        self.status == 304
    }

    /// The `charset` parameter of the content type.
    pub fn charset(&self) -> Option<&str> {
        let ct = self.content_type.as_deref()?;
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            (k.trim().eq_ignore_ascii_case("charset")).then(|| v.trim().trim_matches('"'))
        })
    }
}

/// What kind of document a request expects, for the `Accept` header and
/// the content-type check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Feed,
    Page,
}

impl Expect {
    fn accept(self) -> &'static str {
        match self {
            Expect::Feed => "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
            Expect::Page => "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8",
        }
    }

    /// Whether a content type can hold the document.
    fn admits(self, content_type: &str) -> bool {
        let mime = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if mime.is_empty() {
            return true;
        }
        match self {
            Expect::Feed => {
                mime.starts_with("text/") || mime.contains("xml") || mime.contains("json")
            }
            Expect::Page => mime.starts_with("text/") || mime.contains("html"),
        }
    }
}

/// The host part of a URL (politeness is per host).
pub fn host_of(url: &str) -> Option<String> {
    let uri: Uri = url.trim().parse().ok()?;
    match uri.scheme_str() {
        Some("http") | Some("https") => {}
        _ => return None,
    }
    uri.host().map(|h| h.to_ascii_lowercase())
}

/// Makes requests, one at a time, waiting between requests to one host.
pub struct Fetcher {
    agent: ureq::Agent,
    config: FetchConfig,
    last: HashMap<String, Instant>,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher")
            .field("config", &self.config)
            .finish()
    }
}

impl Fetcher {
    pub fn new(config: FetchConfig) -> Fetcher {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(config.timeout))
            .max_redirects(config.max_redirects)
            .max_redirects_will_error(true)
            .http_status_as_error(false)
            .user_agent(config.user_agent.as_str())
            .build()
            .into();
        Fetcher {
            agent,
            config,
            last: HashMap::new(),
        }
    }

    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// Waits until `host` may be asked again.
    fn wait_turn(&mut self, host: &str) {
        if let Some(at) = self.last.get(host) {
            let next = *at + self.config.host_delay;
            let now = Instant::now();
            if next > now {
                std::thread::sleep(next - now);
            }
        }
    }

    fn done(&mut self, host: String) {
        self.last.insert(host, Instant::now());
    }

    fn map_error(&self, e: ureq::Error) -> FetchError {
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout(self.config.timeout.as_secs().max(1)),
            ureq::Error::TooManyRedirects => FetchError::Redirects(self.config.max_redirects),
            ureq::Error::BodyExceedsLimit(n) => FetchError::TooLarge(n),
            ureq::Error::StatusCode(s) => FetchError::Status(s),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout(self.config.timeout.as_secs().max(1))
            }
            other => FetchError::Transport(other.to_string()),
        }
    }

    /// GETs `url`; with validators, a conditional request (a 304 comes
    /// back as [`Fetched::not_modified`]).
    pub fn get(
        &mut self,
        url: &str,
        expect: Expect,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        let host = host_of(url).ok_or(FetchError::BadUrl)?;
        self.wait_turn(&host);
        let result = self.get_now(url, expect, etag, last_modified);
        self.done(host);
        result
    }

    fn get_now(
        &mut self,
        url: &str,
        expect: Expect,
        etag: Option<&str>,
        last_modified: Option<&str>,
    ) -> Result<Fetched, FetchError> {
        let mut req = self.agent.get(url.trim()).header("Accept", expect.accept());
        if let Some(e) = etag {
            req = req.header("If-None-Match", e);
        }
        if let Some(m) = last_modified {
            req = req.header("If-Modified-Since", m);
        }
        let mut resp = req.call().map_err(|e| self.map_error(e))?;
        let status = resp.status().as_u16();
        let header = |name: &str| {
            resp.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let etag = header("etag");
        let last_modified = header("last-modified");
        let content_type = header("content-type");
        let final_url = resp.get_uri().to_string();
        if status == 304 {
            return Ok(Fetched {
                status,
                url: final_url,
                etag,
                last_modified,
                content_type,
                body: Vec::new(),
            });
        }
        if !(200..300).contains(&status) {
            return Err(FetchError::Status(status));
        }
        if let Some(ct) = &content_type {
            if !expect.admits(ct) {
                return Err(FetchError::ContentType(ct.clone()));
            }
        }
        let declared = header("content-length").and_then(|l| l.trim().parse::<u64>().ok());
        if declared.is_some_and(|n| n > self.config.max_bytes) {
            return Err(FetchError::TooLarge(self.config.max_bytes));
        }
        let body = resp
            .body_mut()
            .with_config()
            .limit(self.config.max_bytes)
            .read_to_vec()
            .map_err(|e| match self.map_error(e) {
                FetchError::TooLarge(_) => FetchError::TooLarge(self.config.max_bytes),
                other => other,
            })?;
        Ok(Fetched {
            status,
            url: final_url,
            etag,
            last_modified,
            content_type,
            body,
        })
    }

    /// POSTs a JSON document; Ok with the status when it is 2xx.
    pub fn post_json(&mut self, url: &str, body: &serde_json::Value) -> Result<u16, FetchError> {
        let host = host_of(url).ok_or(FetchError::BadUrl)?;
        self.wait_turn(&host);
        let bytes = serde_json::to_vec(body).unwrap_or_default();
        let result = self
            .agent
            .post(url.trim())
            .header("Content-Type", "application/json")
            .send(&bytes[..])
            .map_err(|e| self.map_error(e))
            .and_then(|resp| {
                let s = resp.status().as_u16();
                if (200..300).contains(&s) {
                    Ok(s)
                } else {
                    Err(FetchError::Status(s))
                }
            });
        // Alerts are not politeness-limited against the same host as feeds.
        self.last.remove(&host);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_content_types() {
        assert_eq!(
            host_of("https://News.Example.org/feed.xml").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(host_of("ftp://example.org/x"), None);
        assert_eq!(host_of("not a url"), None);
        assert!(Expect::Feed.admits("application/rss+xml; charset=utf-8"));
        assert!(Expect::Feed.admits("application/feed+json"));
        assert!(!Expect::Feed.admits("image/png"));
        assert!(Expect::Page.admits("text/html;charset=ISO-8859-1"));
        assert!(!Expect::Page.admits("application/pdf"));
    }

    #[test]
    fn permanent_failures() {
        assert!(FetchError::Status(404).is_permanent());
        assert!(!FetchError::Status(503).is_permanent());
        assert!(!FetchError::Status(429).is_permanent());
        assert!(!FetchError::Timeout(5).is_permanent());
    }

    #[test]
    fn charset_of_content_type() {
        let f = Fetched {
            status: 200,
            url: String::new(),
            etag: None,
            last_modified: None,
            content_type: Some("text/html; charset=\"windows-1252\"".into()),
            body: vec![],
        };
        assert_eq!(f.charset(), Some("windows-1252"));
    }
}
