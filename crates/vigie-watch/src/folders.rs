//! A watched folder: files (any input vigie reads) that appear or change
//! are read once they have settled, that is once their size and
//! modification time have not moved for the settle time; names that say a
//! file is still being written (`.part`, `.tmp`, `.crdownload`, hidden
//! files, editors' `~` backups) are left alone until renamed.

use crate::Batch;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use vigie_core::Diagnostic;
use vigie_ingest::{Inputs, Item};
use vigie_store::{SeenItem, Store, StoreError};

/// Suffixes of files being written by a download or a copy tool.
const PARTIAL_SUFFIXES: [&str; 6] = [".part", ".partial", ".tmp", ".crdownload", ".swp", "~"];

/// Whether a file name is one to read.
pub fn is_candidate(name: &str) -> bool {
    !name.starts_with('.')
        && !PARTIAL_SUFFIXES
            .iter()
            .any(|s| name.to_ascii_lowercase().ends_with(s))
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Look {
    size: u64,
    modified: i128,
}

impl Look {
    fn validator(&self) -> String {
        format!("{}:{}", self.size, self.modified)
    }
}

/// A folder and what its last scans saw.
#[derive(Debug)]
pub struct Folder {
    root: PathBuf,
    source: String,
    /// Each file's look at the last scan.
    looks: HashMap<PathBuf, Look>,
    /// Validators known to be stored (saves a query per file per scan).
    stored: HashMap<PathBuf, String>,
    /// Files of no input format, already noted.
    noted: std::collections::HashSet<PathBuf>,
}

/// What a scan found.
#[derive(Debug, Default)]
pub struct Scan {
    pub batch: Batch,
    /// Files read in this scan.
    pub read: usize,
    /// Files seen but not settled yet.
    pub pending: usize,
    /// Files in the folder.
    pub files: usize,
}

impl Folder {
    pub fn new(root: PathBuf) -> Folder {
        let source = format!("folder:{}", root.display());
        Folder {
            root,
            source,
            looks: HashMap::new(),
            stored: HashMap::new(),
            noted: Default::default(),
        }
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Scans the folder (recursively) and reads the files that settled
    /// and are new or changed since they were stored.
    pub fn scan(&mut self, store: &mut dyn Store, settle: Duration) -> Result<Scan, StoreError> {
        let mut scan = Scan::default();
        let mut files = Vec::new();
        let mut unknown = Vec::new();
        walk(
            &self.root,
            &mut files,
            &mut unknown,
            &mut scan.batch.diagnostics,
        );
        for path in unknown {
            if self.noted.insert(path.clone()) {
                scan.batch.diagnostics.push(Diagnostic::note(
                    path.display().to_string(),
                    "skipped: not a known input format (.txt, .html, .jsonl, .warc, .xml/.rss/.atom, optionally .gz/.zst)",
                ));
            }
        }
        scan.files = files.len();
        let wall = SystemTime::now();
        let mut looks = HashMap::with_capacity(files.len());
        let mut ready: Vec<(PathBuf, Look)> = Vec::new();
        for (path, look, modified_at) in files {
            let moved = self.looks.get(&path).is_some_and(|before| *before != look);
            let quiet_for = wall.duration_since(modified_at).unwrap_or(Duration::ZERO);
            let unstored = self.stored.get(&path) != Some(&look.validator());
            if unstored {
                if !moved && quiet_for >= settle {
                    ready.push((path.clone(), look.clone()));
                } else {
                    scan.pending += 1;
                }
            }
            looks.insert(path, look);
        }
        self.looks = looks;
        self.stored.retain(|p, _| self.looks.contains_key(p));
        if ready.is_empty() {
            return Ok(scan);
        }
        let keys: Vec<String> = ready.iter().map(|(p, _)| p.display().to_string()).collect();
        let known: HashMap<String, Option<String>> =
            store.seen_items(&self.source, &keys)?.into_iter().collect();
        for ((path, look), key) in ready.into_iter().zip(keys) {
            let validator = look.validator();
            if known.get(&key).and_then(|v| v.as_deref()) == Some(validator.as_str()) {
                self.stored.insert(path, validator);
                continue;
            }
            scan.read += 1;
            let mut first_article = None;
            for item in Inputs::new(&[key.as_str()]) {
                match item {
                    Item::Article(a) => {
                        first_article.get_or_insert_with(|| a.id.clone());
                        scan.batch.articles.push(*a);
                    }
                    Item::Diagnostic(d) => scan.batch.diagnostics.push(d),
                }
            }
            scan.batch.seen.push(SeenItem {
                source: self.source.clone(),
                item: key,
                validator: Some(validator.clone()),
                article_id: first_article,
            });
            // Marked as stored once the batch is (see `Watch::cycle`).
            scan.batch.files.push((path, validator));
        }
        Ok(scan)
    }

    /// Records that the files of a stored batch need no more reading.
    pub fn stored(&mut self, files: Vec<(PathBuf, String)>) {
        self.stored.extend(files);
    }
}

fn modified_nanos(t: SystemTime) -> i128 {
    match t.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

/// Every candidate file under `dir`, with its look and modification time.
fn walk(
    dir: &Path,
    out: &mut Vec<(PathBuf, Look, SystemTime)>,
    unknown: &mut Vec<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::error(
                dir.display().to_string(),
                vigie_ingest::io_reason(&e),
            ));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_candidate(name) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, out, unknown, diags);
        } else if meta.is_file() && vigie_ingest::FileKind::of(&path).is_none() {
            unknown.push(path);
        } else if meta.is_file() {
            let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            out.push((
                path,
                Look {
                    size: meta.len(),
                    modified: modified_nanos(modified),
                },
                modified,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_being_written_are_not_read() {
        assert!(is_candidate("dispatch-0412.txt"));
        assert!(is_candidate("feeds.jsonl.gz"));
        assert!(!is_candidate("dispatch.txt.part"));
        assert!(!is_candidate("page.html.crdownload"));
        assert!(!is_candidate(".dispatch.txt.swp"));
        assert!(!is_candidate("notes.txt~"));
        assert!(!is_candidate(".hidden"));
    }
}
