//! File kinds by extension, article ids from file names, and the other
//! files vigie reads: gold folders and user data directories.

use std::path::Path;
use vigie_core::{ArticleEvents, Diagnostic};

/// An input's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Jsonl,
    Html,
    Warc,
    Feed,
}

/// An input's compression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// An input file's format and compression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    pub format: Format,
    pub compression: Compression,
}

impl FileKind {
    /// The kind of a path from its extension(s), `None` when unknown.
    pub fn of(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let (base, compression) = if let Some(b) = name.strip_suffix(".gz") {
            (b.to_string(), Compression::Gzip)
        } else if let Some(b) = name.strip_suffix(".zst") {
            (b.to_string(), Compression::Zstd)
        } else {
            (name, Compression::None)
        };
        let ext = base.rsplit_once('.').map(|(_, e)| e)?;
        let format = match ext {
            "txt" | "text" => Format::Text,
            "jsonl" | "ndjson" => Format::Jsonl,
            "html" | "htm" | "xhtml" => Format::Html,
            "warc" => Format::Warc,
            "xml" | "rss" | "atom" => Format::Feed,
            _ => return None,
        };
        Some(FileKind {
            format,
            compression,
        })
    }

    /// Structured inputs carry metadata; they are read first.
    pub fn is_structured(self) -> bool {
        matches!(self.format, Format::Jsonl | Format::Warc | Format::Feed)
    }
}

/// The format of bytes with no file name to go by (standard input).
pub fn sniff(bytes: &[u8]) -> Format {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 512)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if head.starts_with(b"WARC/") {
        Format::Warc
    } else if head.starts_with(b"{") {
        Format::Jsonl
    } else if head.starts_with(b"<") && (has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf")) {
        Format::Feed
    } else if head.starts_with(b"<") {
        Format::Html
    } else {
        Format::Text
    }
}

/// The article id of a file: its name without the format and compression
/// extensions (`seeds/001_x.txt.gz` → `001_x`).
pub fn article_id(path: &Path) -> String {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("article")
        .to_string();
    let mut id = name.as_str();
    for ext in [".gz", ".zst"] {
        if let Some(s) = id.strip_suffix(ext) {
            id = s;
        }
    }
    match id.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => id.to_string(),
    }
}

/// Reads every `*.json` of a gold folder. Files that do not parse are
/// reported and skipped.
pub fn read_gold_dir(dir: &Path) -> (Vec<ArticleEvents>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    let shown = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            diags.push(Diagnostic::error(shown, crate::io_reason(&e)));
            return (out, diags);
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("json"))
        .collect();
    paths.sort();
    for p in paths {
        let name = p.display().to_string();
        match std::fs::read(&p) {
            Err(e) => diags.push(Diagnostic::error(name, crate::io_reason(&e))),
            Ok(bytes) => match serde_json::from_slice::<ArticleEvents>(&bytes) {
                Ok(mut g) => {
                    let stem = article_id(&p);
                    if g.article.is_empty() {
                        g.article = stem;
                    } else if g.article != stem {
                        diags.push(Diagnostic::warning(
                            name,
                            format!("\"article\" is {:?} but the file is named {stem:?}; using the file name", g.article),
                        ));
                        g.article = stem;
                    }
                    out.push(g);
                }
                Err(e) => diags.push(Diagnostic::error(
                    name,
                    format!("not a valid gold file: {e}"),
                )),
            },
        }
    }
    (out, diags)
}

/// Reads a user data directory (same layout as the repository's `data/`)
/// as `(relative path, bytes)` pairs for `vigie_lexicon::DataSet`.
pub fn read_data_dir(dir: &Path) -> (Vec<(String, Vec<u8>)>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = match std::fs::read_dir(&d) {
            Ok(rd) => rd,
            Err(e) => {
                diags.push(Diagnostic::error(
                    d.display().to_string(),
                    crate::io_reason(&e),
                ));
                continue;
            }
        };
        for entry in rd.filter_map(Result::ok) {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let Ok(rel) = p.strip_prefix(dir) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            let known = ["toml", "tsv", "gz", "jsonl", "txt"]
                .iter()
                .any(|e| rel.ends_with(&format!(".{e}")));
            if !known {
                continue;
            }
            match std::fs::read(&p) {
                Ok(b) => files.push((rel, b)),
                Err(e) => diags.push(Diagnostic::error(
                    p.display().to_string(),
                    crate::io_reason(&e),
                )),
            }
        }
    }
    files.sort();
    (files, diags)
}

/// One page of the article-extraction benchmark: id, HTML bytes, gold body.
pub type BenchPage = (String, Vec<u8>, String);

/// Reads an article-extraction benchmark folder (`ground-truth.json`,
/// `html/<id>.html.gz`).
pub fn read_extraction_bench(dir: &Path) -> Result<Vec<BenchPage>, Diagnostic> {
    let gt_path = dir.join("ground-truth.json");
    let shown = gt_path.display().to_string();
    let bytes = std::fs::read(&gt_path)
        .map_err(|e| Diagnostic::error(shown.clone(), crate::io_reason(&e)))?;
    let gt: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&bytes)
        .map_err(|e| Diagnostic::error(shown.clone(), format!("not valid JSON: {e}")))?;
    let mut out = Vec::new();
    for (id, v) in gt {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let raw = std::fs::read(&path)
            .map_err(|e| Diagnostic::error(path.display().to_string(), crate::io_reason(&e)))?;
        let mut html = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&raw[..]), &mut html)
            .map_err(|e| {
                Diagnostic::error(
                    path.display().to_string(),
                    format!("cannot decompress: {e}"),
                )
            })?;
        let gold = v
            .get("articleBody")
            .and_then(|b| b.as_str())
            .unwrap_or("")
            .to_string();
        out.push((id, html, gold));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_ids() {
        let k = |f, c| {
            Some(FileKind {
                format: f,
                compression: c,
            })
        };
        assert_eq!(
            FileKind::of(Path::new("a/b.txt")),
            k(Format::Text, Compression::None)
        );
        assert_eq!(
            FileKind::of(Path::new("b.JSONL.gz")),
            k(Format::Jsonl, Compression::Gzip)
        );
        assert_eq!(
            FileKind::of(Path::new("cc.warc.gz")),
            k(Format::Warc, Compression::Gzip)
        );
        assert_eq!(
            FileKind::of(Path::new("p.html.zst")),
            k(Format::Html, Compression::Zstd)
        );
        assert_eq!(
            FileKind::of(Path::new("news.rss")),
            k(Format::Feed, Compression::None)
        );
        assert_eq!(FileKind::of(Path::new("gold/x.json")), None);
        assert_eq!(sniff(b"  WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff(b"<?xml version='1.0'?><rss>"), Format::Feed);
        assert_eq!(sniff(b"<!doctype html><html>"), Format::Html);
        assert_eq!(sniff(b"{\"id\": 1}"), Format::Jsonl);
        assert_eq!(sniff(b"Les forces"), Format::Text);
        assert_eq!(FileKind::of(Path::new("README")), None);
        assert_eq!(article_id(Path::new("seeds/001_abc.txt")), "001_abc");
        assert_eq!(article_id(Path::new("x.v2.txt.gz")), "x.v2");
        assert_eq!(article_id(Path::new("noext")), "noext");
    }
}
