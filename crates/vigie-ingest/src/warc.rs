//! WARC archives (Common Crawl news, Internet Archive): response records
//! with HTML bodies become articles; other records are counted and noted.
//! Records are read one at a time: a multi-GB archive is never loaded.

use crate::html::article_from_html;
use std::io::{BufRead, Read};
use vigie_core::{Article, Diagnostic, InputFormat, Origin};

/// What reading one record gave.
#[derive(Debug)]
pub enum WarcItem {
    Article(Box<Article>, Vec<Diagnostic>),
    Diagnostic(Diagnostic),
}

/// Counts of skipped records, reported once per file.
#[derive(Debug, Default, Clone, Copy)]
pub struct Skipped {
    pub not_response: u64,
    pub not_html: u64,
}

/// Streams the articles of a WARC file.
pub struct WarcStream {
    records: warc::RecordIter<Box<dyn BufRead>>,
    path: String,
    index: u64,
    pub skipped: Skipped,
    done: bool,
}

impl std::fmt::Debug for WarcStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WarcStream")
            .field("path", &self.path)
            .field("index", &self.index)
            .finish()
    }
}

/// A stable article id for a URL.
pub fn id_for_url(url: &str) -> String {
    format!(
        "u{:016x}",
        xxhash_rust::xxh3::xxh3_64(url.trim().as_bytes())
    )
}

/// Splits an HTTP response into (content-type, content-encoding,
/// transfer-encoding, body).
fn http_parts(raw: &[u8]) -> Option<(String, String, String, &[u8])> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            raw.windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        })?;
    let head = String::from_utf8_lossy(&raw[..end.0]);
    let mut ctype = String::new();
    let mut cenc = String::new();
    let mut tenc = String::new();
    for line in head.lines().skip(1) {
        if let Some((k, v)) = line.split_once(':') {
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => ctype = v.trim().to_string(),
                "content-encoding" => cenc = v.trim().to_ascii_lowercase(),
                "transfer-encoding" => tenc = v.trim().to_ascii_lowercase(),
                _ => {}
            }
        }
    }
    Some((ctype, cenc, tenc, &raw[end.1..]))
}

fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Some(nl) = rest.windows(2).position(|w| w == b"\r\n") {
        let size_str = String::from_utf8_lossy(&rest[..nl]);
        let Ok(size) = usize::from_str_radix(size_str.split(';').next().unwrap_or("").trim(), 16)
        else {
            return body.to_vec();
        };
        if size == 0 {
            break;
        }
        let start = nl + 2;
        let Some(chunk) = rest.get(start..start + size) else {
            out.extend_from_slice(&rest[start.min(rest.len())..]);
            break;
        };
        out.extend_from_slice(chunk);
        rest = rest.get(start + size + 2..).unwrap_or(&[]);
    }
    out
}

impl WarcStream {
    pub fn new(reader: Box<dyn BufRead>, path: String) -> Self {
        WarcStream {
            records: warc::WarcReader::new(reader).iter_records(),
            path,
            index: 0,
            skipped: Skipped::default(),
            done: false,
        }
    }

    /// The next article or diagnostic; `None` at the end.
    pub fn next_item(&mut self) -> Option<WarcItem> {
        loop {
            if self.done {
                return None;
            }
            let record = match self.records.next() {
                None => {
                    self.done = true;
                    return None;
                }
                Some(Err(e)) => {
                    self.done = true;
                    return Some(WarcItem::Diagnostic(Diagnostic::error(
                        format!("{}: record {}", self.path, self.index + 1),
                        format!("cannot read WARC record ({e}); rest of file skipped"),
                    )));
                }
                Some(Ok(r)) => r,
            };
            self.index += 1;
            if record.warc_type().to_string() != "response" {
                self.skipped.not_response += 1;
                continue;
            }
            let url = record
                .header(warc::WarcHeader::TargetURI)
                .map(|u| u.to_string())
                .unwrap_or_default();
            let at = format!("{}: record {} ({url})", self.path, self.index);
            let Some((ctype, cenc, tenc, body)) = http_parts(record.body()) else {
                return Some(WarcItem::Diagnostic(Diagnostic::warning(
                    at,
                    "response without HTTP headers; skipped",
                )));
            };
            let lower = ctype.to_ascii_lowercase();
            if !(lower.contains("html") || lower.is_empty()) {
                self.skipped.not_html += 1;
                continue;
            }
            let mut body = if tenc.contains("chunked") {
                dechunk(body)
            } else {
                body.to_vec()
            };
            if cenc.contains("gzip") || cenc.contains("deflate") {
                let mut out = Vec::new();
                let ok = if cenc.contains("gzip") {
                    flate2::read::MultiGzDecoder::new(&body[..])
                        .read_to_end(&mut out)
                        .is_ok()
                } else {
                    flate2::read::ZlibDecoder::new(&body[..])
                        .read_to_end(&mut out)
                        .is_ok()
                };
                if !ok {
                    return Some(WarcItem::Diagnostic(Diagnostic::warning(
                        at,
                        format!("cannot decode {cenc} body; skipped"),
                    )));
                }
                body = out;
            } else if !cenc.is_empty() && cenc != "identity" {
                return Some(WarcItem::Diagnostic(Diagnostic::warning(
                    at,
                    format!("unsupported content encoding {cenc:?}; skipped"),
                )));
            }
            let charset = lower
                .split(';')
                .find_map(|p| p.trim().strip_prefix("charset="))
                .map(|c| c.trim_matches(['"', '\'']).to_string());
            let decoded = match crate::decode::decode_html(&body, charset.as_deref()) {
                Ok(d) => d,
                Err(_) => {
                    return Some(WarcItem::Diagnostic(Diagnostic::warning(
                        at,
                        "empty or binary body; skipped",
                    )));
                }
            };
            let mut diags = Vec::new();
            if let Some(w) = decoded.warning {
                diags.push(Diagnostic::warning(at.clone(), w));
            }
            let origin = Origin::new(self.path.clone(), InputFormat::Warc).with_record(self.index);
            let id = if url.is_empty() {
                format!("warc-{}", self.index)
            } else {
                id_for_url(&url)
            };
            let (article, _) = article_from_html(
                &decoded.text,
                id,
                origin,
                (!url.is_empty()).then_some(url.as_str()),
            );
            return Some(WarcItem::Article(Box::new(article), diags));
        }
    }

    /// A note on what was skipped, once the file is read.
    pub fn summary(&self) -> Option<Diagnostic> {
        let s = self.skipped;
        (s.not_response + s.not_html > 0).then(|| {
            Diagnostic::note(
                self.path.clone(),
                format!(
                    "skipped {} non-response records and {} non-HTML responses",
                    s.not_response, s.not_html
                ),
            )
        })
    }
}
