//! File kinds by extension, article ids from file names, and the other
//! files vigie reads: gold folders and user data directories.

use std::path::Path;
use vigie_core::{ArticleEvents, Diagnostic};

/// An input file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Text { gzip: bool },
    Jsonl { gzip: bool },
}

impl FileKind {
    /// The kind of a path from its extension(s), `None` when unknown.
    pub fn of(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let (base, gzip) = match name.strip_suffix(".gz") {
            Some(b) => (b.to_string(), true),
            None => (name, false),
        };
        let ext = base.rsplit_once('.').map(|(_, e)| e)?;
        match ext {
            "txt" | "text" => Some(FileKind::Text { gzip }),
            "jsonl" | "ndjson" => Some(FileKind::Jsonl { gzip }),
            _ => None,
        }
    }

    /// Structured inputs carry metadata; they are read first.
    pub fn is_structured(self) -> bool {
        matches!(self, FileKind::Jsonl { .. })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_ids() {
        assert_eq!(
            FileKind::of(Path::new("a/b.txt")),
            Some(FileKind::Text { gzip: false })
        );
        assert_eq!(
            FileKind::of(Path::new("b.JSONL.gz")),
            Some(FileKind::Jsonl { gzip: true })
        );
        assert_eq!(FileKind::of(Path::new("gold/x.json")), None);
        assert_eq!(FileKind::of(Path::new("README")), None);
        assert_eq!(article_id(Path::new("seeds/001_abc.txt")), "001_abc");
        assert_eq!(article_id(Path::new("x.v2.txt.gz")), "x.v2");
        assert_eq!(article_id(Path::new("noext")), "noext");
    }
}
