//! A local HTTP server for the tests (127.0.0.1, a free port): each
//! request is answered by the test's handler on its own thread; every
//! request is logged. Stopped when dropped.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use vigie_core::Article;
use vigie_store::ArticleRecord;

/// What a handler sees of a request.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub if_none_match: Option<String>,
    pub body: String,
}

/// What a handler answers.
pub enum Reply {
    Ok {
        content_type: &'static str,
        body: Vec<u8>,
        etag: Option<String>,
    },
    Status(u16),
    NotModified,
    Redirect(String),
    /// An endless body (streamed, no length).
    Endless(&'static str),
    /// Never answers within the test's timeouts.
    Hang(Duration),
}

pub fn ok(content_type: &'static str, body: impl Into<Vec<u8>>) -> Reply {
    Reply::Ok {
        content_type,
        body: body.into(),
        etag: None,
    }
}

pub type Handler = Arc<dyn Fn(&Seen) -> Reply + Send + Sync>;

pub struct TestServer {
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
    pub log: Arc<Mutex<Vec<Seen>>>,
    pub base: String,
}

struct Zeros;
impl Read for Zeros {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        buf.fill(b'a');
        Ok(buf.len())
    }
}

fn header(k: &str, v: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).unwrap()
}

impl TestServer {
    pub fn start(handler: Handler) -> TestServer {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (s, l) = (Arc::clone(&server), Arc::clone(&log));
        let thread = std::thread::spawn(move || {
            for mut req in s.incoming_requests() {
                let mut body = String::new();
                let _ = req.as_reader().read_to_string(&mut body);
                let seen = Seen {
                    method: req.method().to_string(),
                    path: req.url().to_string(),
                    if_none_match: req
                        .headers()
                        .iter()
                        .find(|h| h.field.equiv("If-None-Match"))
                        .map(|h| h.value.to_string()),
                    body,
                };
                l.lock().unwrap().push(seen.clone());
                let handler = Arc::clone(&handler);
                std::thread::spawn(move || {
                    let _ = match handler(&seen) {
                        Reply::Ok {
                            content_type,
                            body,
                            etag,
                        } => {
                            let mut r = tiny_http::Response::from_data(body)
                                .with_header(header("Content-Type", content_type));
                            if let Some(e) = etag {
                                r = r.with_header(header("ETag", &e));
                            }
                            req.respond(r)
                        }
                        Reply::Status(code) => req.respond(
                            tiny_http::Response::from_string("error").with_status_code(code),
                        ),
                        Reply::NotModified => req.respond(tiny_http::Response::empty(304)),
                        Reply::Redirect(to) => req.respond(
                            tiny_http::Response::empty(302).with_header(header("Location", &to)),
                        ),
                        Reply::Endless(ct) => req.respond(tiny_http::Response::new(
                            tiny_http::StatusCode(200),
                            vec![header("Content-Type", ct)],
                            Zeros,
                            None,
                            None,
                        )),
                        Reply::Hang(d) => {
                            std::thread::sleep(d);
                            req.respond(tiny_http::Response::from_string("late"))
                        }
                    };
                });
            }
        });
        TestServer {
            server,
            thread: Some(thread),
            log,
            base: format!("http://127.0.0.1:{port}"),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Requests made to `path` so far.
    pub fn hits(&self, path: &str) -> usize {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|s| s.path == path)
            .count()
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.log.lock().unwrap().clone()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Records of articles without running the pipeline (what the feed and
/// folder tests look at is which articles come, not their events).
pub fn bare(articles: Vec<Article>) -> Vec<ArticleRecord> {
    articles
        .iter()
        .map(|a| ArticleRecord::new(a, Vec::new(), Vec::new(), &[]))
        .collect()
}

/// An RSS document with the given items (link path, title, content).
pub fn rss(base: &str, items: &[(&str, &str, Option<&str>, Option<&str>)]) -> String {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Le Courrier du Sahel</title><link>https://example.org/</link><description>test</description>\n",
    );
    for (path, title, summary, content) in items {
        x.push_str(&format!(
            "<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid><pubDate>Tue, 12 Apr 2016 09:00:00 GMT</pubDate>"
        ));
        if let Some(s) = summary {
            x.push_str(&format!("<description>{s}</description>"));
        }
        if let Some(c) = content {
            x.push_str(&format!(
                "<content:encoded><![CDATA[{c}]]></content:encoded>"
            ));
        }
        x.push_str("</item>\n");
    }
    x.push_str("</channel></rss>\n");
    x
}

/// A long dispatch (more than a summary), our own text.
pub fn dispatch(place: &str, n: usize) -> String {
    format!(
        "<p>Des hommes armés ont attaqué lundi un poste de gendarmerie à {place}, dans le nord du pays, tuant {n} gendarmes, selon une source sécuritaire.</p>\
         <p>Les assaillants, arrivés à moto en fin de journée, ont incendié deux véhicules avant de se replier vers la frontière. Des renforts ont été envoyés dans la zone, où les attaques de ce type se sont multipliées depuis le début de l'année.</p>\
         <p>Les habitants interrogés par téléphone décrivent une localité désormais vidée d'une partie de sa population, les commerces restant fermés et les écoles sans élèves depuis plusieurs semaines.</p>"
    )
}
