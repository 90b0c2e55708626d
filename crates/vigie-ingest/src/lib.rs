//! The ingest stage of vigie: reads every input a user gives (files,
//! directories, standard input; plain text, HTML, JSONL, WARC, RSS/Atom;
//! optionally gzip- or zstd-compressed) and yields [`Article`]s, reporting
//! every problem as a [`Diagnostic`] and going on with the rest. JSONL and
//! WARC files are streamed record by record.
//!
//! Architecture invariant: this is the only crate of the pipeline that
//! opens files (inputs, gold files, user data directories). Everything it
//! yields is data; a bad input never stops the run.
//!
//! Within a directory, structured inputs (JSONL) are read before loose
//! files, and an article whose id and text were already seen is skipped
//! with a note: when the same article comes both as a line of
//! `articles.jsonl` and as `<id>.txt`, the record with metadata wins.

pub mod decode;
pub mod feed;
pub mod files;
pub mod html;
pub mod jsonl;
pub mod near_dup;
pub mod url;
pub mod warc;

use std::cell::Cell;
use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use vigie_core::{Article, Diagnostic, InputFormat, MetaSource, Origin};

pub use files::{
    read_data_dir, read_extraction_bench, read_gold_dir, sniff, Compression, FileKind, Format,
};

/// What reading inputs yields.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Article(Box<Article>),
    Diagnostic(Diagnostic),
}

/// One input to read.
#[derive(Debug, Clone)]
enum Source {
    File {
        path: PathBuf,
        kind: FileKind,
        size: u64,
    },
    /// A file of unknown extension given by name: sniffed.
    Sniffed {
        path: PathBuf,
        size: u64,
    },
    Stdin,
}

struct JsonlStream {
    reader: Box<dyn BufRead>,
    path: String,
    stem: String,
    line_no: u64,
}

/// A file being read record by record.
enum Stream {
    Jsonl(JsonlStream),
    Warc(Box<warc::WarcStream>),
}

/// Counts bytes read from the underlying file, for progress.
struct Counting<R> {
    inner: R,
    counter: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.set(self.counter.get() + n as u64);
        Ok(n)
    }
}

/// An iterator over the articles (and diagnostics) of a list of inputs.
pub struct Inputs {
    queue: VecDeque<Source>,
    stream: Option<Stream>,
    pending: VecDeque<Item>,
    seen_ids: HashMap<String, String>,
    seen_hashes: HashMap<String, String>,
    near: near_dup::NearDuplicates,
    total_bytes: u64,
    done_bytes: u64,
    counter: Rc<Cell<u64>>,
    stream_base: u64,
    /// The day the articles are read: their `retrieved` date.
    today: chrono::NaiveDate,
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs")
            .field("queued", &self.queue.len())
            .field("total_bytes", &self.total_bytes)
            .finish()
    }
}

impl Inputs {
    /// Prepares to read `inputs` (paths, or `-` for standard input).
    /// Directories are walked now; files are read lazily.
    pub fn new<S: AsRef<str>>(inputs: &[S]) -> Inputs {
        let mut me = Inputs {
            queue: VecDeque::new(),
            stream: None,
            pending: VecDeque::new(),
            seen_ids: HashMap::new(),
            seen_hashes: HashMap::new(),
            near: near_dup::NearDuplicates::new(),
            total_bytes: 0,
            done_bytes: 0,
            counter: Rc::new(Cell::new(0)),
            stream_base: 0,
            today: chrono::Utc::now().date_naive(),
        };
        for input in inputs {
            let input = input.as_ref();
            if input == "-" {
                me.queue.push_back(Source::Stdin);
                continue;
            }
            let path = PathBuf::from(input);
            me.add_path(&path, true);
        }
        me
    }

    /// Reads the inputs as if on `day` (the `retrieved` date of articles
    /// that do not carry one), for reproducible runs.
    pub fn retrieved_on(mut self, day: chrono::NaiveDate) -> Inputs {
        self.today = day;
        self
    }

    /// Total size in bytes of the input files (stdin not counted).
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// Bytes of input consumed so far.
    pub fn done_bytes(&self) -> u64 {
        (self.done_bytes + self.counter.get().saturating_sub(self.stream_base))
            .min(self.total_bytes)
    }

    fn add_path(&mut self, path: &Path, explicit: bool) {
        let shown = path.display().to_string();
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                self.pending
                    .push_back(Item::Diagnostic(Diagnostic::error(shown, io_reason(&e))));
                return;
            }
        };
        if meta.is_dir() {
            let mut entries: Vec<(u8, PathBuf)> = Vec::new();
            match std::fs::read_dir(path) {
                Ok(rd) => {
                    for entry in rd {
                        match entry {
                            Ok(e) => {
                                let p = e.path();
                                let hidden = p
                                    .file_name()
                                    .and_then(|n| n.to_str())
                                    .is_some_and(|n| n.starts_with('.'));
                                if hidden {
                                    continue;
                                }
                                let rank = if p.is_dir() {
                                    2
                                } else {
                                    FileKind::of(&p).map_or(3, |k| {
                                        if k.is_structured() {
                                            0
                                        } else {
                                            1
                                        }
                                    })
                                };
                                entries.push((rank, p));
                            }
                            Err(e) => self.pending.push_back(Item::Diagnostic(Diagnostic::error(
                                shown.clone(),
                                io_reason(&e),
                            ))),
                        }
                    }
                }
                Err(e) => {
                    self.pending
                        .push_back(Item::Diagnostic(Diagnostic::error(shown, io_reason(&e))));
                    return;
                }
            }
            entries.sort();
            for (_, p) in entries {
                self.add_path(&p, false);
            }
            return;
        }
        match FileKind::of(path) {
            Some(kind) => {
                self.total_bytes += meta.len();
                self.queue.push_back(Source::File {
                    path: path.to_path_buf(),
                    kind,
                    size: meta.len(),
                });
            }
            None if explicit => {
                // A file named explicitly is read whatever its name: its
                // format is sniffed from its first bytes.
                self.total_bytes += meta.len();
                self.queue.push_back(Source::Sniffed {
                    path: path.to_path_buf(),
                    size: meta.len(),
                });
            }
            None => self.pending.push_back(Item::Diagnostic(Diagnostic::note(
                shown,
                "skipped: not a known input format (.txt, .html, .jsonl, .warc, .xml/.rss/.atom, optionally .gz/.zst)",
            ))),
        }
    }

    /// Applies duplicate detection to an article read from an input.
    fn admit(&mut self, article: Article) -> Item {
        if let Some(hash) = self.seen_ids.get(&article.id) {
            let reason = if *hash == article.content_hash {
                format!(
                    "article {:?} already read from another input; skipped",
                    article.id
                )
            } else {
                format!(
                    "article id {:?} already used by an article with different text; skipped (ids must be unique)",
                    article.id
                )
            };
            let severity = if *hash == article.content_hash {
                vigie_core::Severity::Note
            } else {
                vigie_core::Severity::Warning
            };
            return Item::Diagnostic(Diagnostic::new(article.origin.display(), severity, reason));
        }
        if let Some(first) = self.seen_hashes.get(&article.content_hash) {
            return Item::Diagnostic(Diagnostic::note(
                article.origin.display(),
                format!(
                    "article {:?} has exactly the text of {first:?}; skipped as a duplicate",
                    article.id
                ),
            ));
        }
        self.seen_ids
            .insert(article.id.clone(), article.content_hash.clone());
        self.seen_hashes
            .insert(article.content_hash.clone(), article.id.clone());
        let mut article = article;
        if let Some(nd) = self.near.check_and_add(&article.id, &article.text) {
            self.pending.push_back(Item::Diagnostic(Diagnostic::note(
                article.origin.display(),
                format!(
                    "article {:?} tells the same story as {:?} (about {:.0}% of its wording shared); kept as a separate source",
                    article.id,
                    nd.of,
                    nd.similarity * 100.0
                ),
            )));
            article.near_duplicate_of = Some(nd.of);
        }
        Item::Article(Box::new(article))
    }

    fn next_from_stream(&mut self) -> Option<Item> {
        match self.stream.as_mut()? {
            Stream::Jsonl(_) => self.next_jsonl(),
            Stream::Warc(w) => match w.next_item() {
                Some(warc::WarcItem::Article(a, diags)) => {
                    self.pending.extend(diags.into_iter().map(Item::Diagnostic));
                    Some(self.finalize(*a))
                }
                Some(warc::WarcItem::Diagnostic(d)) => Some(Item::Diagnostic(d)),
                None => {
                    let summary = w.summary();
                    self.finish_stream();
                    summary.map(Item::Diagnostic)
                }
            },
        }
    }

    fn next_jsonl(&mut self) -> Option<Item> {
        loop {
            let Some(Stream::Jsonl(stream)) = self.stream.as_mut() else {
                return None;
            };
            let mut buf = Vec::new();
            match stream.reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.finish_stream();
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    let d = Diagnostic::error(
                        format!("{}:{}", stream.path, stream.line_no + 1),
                        format!("read error: {e}; rest of file skipped"),
                    );
                    self.finish_stream();
                    return Some(Item::Diagnostic(d));
                }
            }
            stream.line_no += 1;
            let line_no = stream.line_no;
            let (line, warning) = match String::from_utf8(buf) {
                Ok(s) => (s, None),
                Err(e) => (
                    String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    Some(Diagnostic::warning(
                        format!("{}:{}", stream.path, line_no),
                        "line is not valid UTF-8; invalid bytes replaced",
                    )),
                ),
            };
            if let Some(w) = warning {
                self.pending.push_back(Item::Diagnostic(w));
            }
            let (path, stem) = (stream.path.clone(), stream.stem.clone());
            match jsonl::parse_line(&path, &stem, line_no, &line) {
                jsonl::LineResult::Blank => continue,
                jsonl::LineResult::Skip(d) => return Some(Item::Diagnostic(d)),
                jsonl::LineResult::Article(a, diags) => {
                    self.pending.extend(diags.into_iter().map(Item::Diagnostic));
                    return Some(self.finalize(*a));
                }
                jsonl::LineResult::Html {
                    article,
                    html,
                    diagnostics,
                } => {
                    self.pending
                        .extend(diagnostics.into_iter().map(Item::Diagnostic));
                    let a = *article;
                    let mut origin = a.origin.clone();
                    origin.format = InputFormat::Html;
                    let (mut h, _) =
                        html::article_from_html(&html, a.id.clone(), origin, a.url.as_deref());
                    // The record's own fields win over the page's markup.
                    if a.published.is_some() {
                        h.published = a.published;
                        h.published_source = a.published_source;
                    }
                    if a.outlet.is_some() {
                        h.outlet = a.outlet;
                        h.outlet_source = a.outlet_source;
                    }
                    h.title = a.title.or(h.title);
                    h.language = a.language.or(h.language);
                    return Some(self.finalize(h));
                }
            }
        }
    }

    fn finish_stream(&mut self) {
        self.stream = None;
        self.done_bytes += self.counter.get().saturating_sub(self.stream_base);
        self.stream_base = self.counter.get();
    }

    /// Fills metadata every input format shares, then admits the article.
    fn finalize(&mut self, mut article: Article) -> Item {
        complete(&mut article, self.today);
        self.admit(article)
    }

    fn open(
        &mut self,
        path: &Path,
        compression: Compression,
    ) -> Result<Box<dyn BufRead>, Diagnostic> {
        let shown = path.display().to_string();
        let file = std::fs::File::open(path)
            .map_err(|e| Diagnostic::error(shown.clone(), io_reason(&e)))?;
        self.stream_base = self.counter.get();
        let counting = Counting {
            inner: file,
            counter: Rc::clone(&self.counter),
        };
        decompress(Box::new(BufReader::new(counting)), compression, &shown)
    }

    fn read_all(
        &mut self,
        path: &Path,
        compression: Compression,
        size: u64,
    ) -> Result<Vec<u8>, Diagnostic> {
        let shown = path.display().to_string();
        let bytes = self.open(path, compression).and_then(|mut r| {
            let mut b = Vec::new();
            r.read_to_end(&mut b).map(|_| b).map_err(|e| {
                let what = match compression {
                    Compression::None => format!("cannot read: {e}"),
                    _ => format!("compressed data is corrupt or truncated: {e}"),
                };
                Diagnostic::error(shown.clone(), what)
            })
        });
        self.done_bytes += size;
        self.stream_base = self.counter.get();
        bytes
    }

    fn read_source(&mut self, source: Source) -> Option<Item> {
        match source {
            Source::Stdin => {
                let mut bytes = Vec::new();
                if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
                    return Some(Item::Diagnostic(Diagnostic::error(
                        "-",
                        format!("cannot read standard input: {e}"),
                    )));
                }
                let compression = compression_of(&bytes);
                match decompress(Box::new(std::io::Cursor::new(bytes)), compression, "-").and_then(
                    |mut r| {
                        let mut out = Vec::new();
                        r.read_to_end(&mut out).map(|_| out).map_err(|e| {
                            Diagnostic::error(
                                "-",
                                format!("compressed data is corrupt or truncated: {e}"),
                            )
                        })
                    },
                ) {
                    Ok(bytes) => {
                        let format = sniff(&bytes);
                        self.read_bytes("-", "stdin".into(), format, bytes)
                    }
                    Err(d) => Some(Item::Diagnostic(d)),
                }
            }
            Source::Sniffed { path, size } => {
                let shown = path.display().to_string();
                let mut head = [0u8; 4];
                let n = std::fs::File::open(&path)
                    .and_then(|mut f| f.read(&mut head))
                    .unwrap_or(0);
                let compression = compression_of(&head[..n]);
                match self.read_all(&path, compression, size) {
                    Ok(bytes) => {
                        let format = sniff(&bytes);
                        self.read_bytes(&shown, files::article_id(&path), format, bytes)
                    }
                    Err(d) => Some(Item::Diagnostic(d)),
                }
            }
            Source::File { path, kind, size } => {
                let shown = path.display().to_string();
                match kind.format {
                    Format::Jsonl | Format::Warc => match self.open(&path, kind.compression) {
                        Ok(reader) => {
                            self.stream = Some(if kind.format == Format::Jsonl {
                                Stream::Jsonl(JsonlStream {
                                    reader,
                                    path: shown,
                                    stem: files::article_id(&path),
                                    line_no: 0,
                                })
                            } else {
                                Stream::Warc(Box::new(warc::WarcStream::new(reader, shown)))
                            });
                            self.next_from_stream()
                        }
                        Err(d) => {
                            self.done_bytes += size;
                            Some(Item::Diagnostic(d))
                        }
                    },
                    Format::Text | Format::Html | Format::Feed => {
                        match self.read_all(&path, kind.compression, size) {
                            Err(d) => Some(Item::Diagnostic(d)),
                            Ok(bytes) => self.read_bytes(
                                &shown,
                                files::article_id(&path),
                                kind.format,
                                bytes,
                            ),
                        }
                    }
                }
            }
        }
    }

    /// Articles from a whole input in memory (text, HTML, feeds; and
    /// JSONL or WARC from standard input).
    fn read_bytes(
        &mut self,
        shown: &str,
        id: String,
        format: Format,
        bytes: Vec<u8>,
    ) -> Option<Item> {
        match format {
            Format::Text => self.text_article(shown, id, &bytes, InputFormat::Text),
            Format::Html => match decode::decode_html(&bytes, None) {
                Err(decode::NotText::Empty) => Some(Item::Diagnostic(Diagnostic::warning(
                    shown,
                    "empty file; skipped",
                ))),
                Err(decode::NotText::Binary(r)) => Some(Item::Diagnostic(Diagnostic::error(
                    shown,
                    format!("{r}; skipped"),
                ))),
                Ok(d) => {
                    if let Some(w) = d.warning {
                        self.pending
                            .push_back(Item::Diagnostic(Diagnostic::warning(shown, w)));
                    }
                    let (a, isolated) = html::article_from_html(
                        &d.text,
                        id,
                        Origin::new(shown, InputFormat::Html),
                        None,
                    );
                    if !isolated {
                        self.pending.push_back(Item::Diagnostic(Diagnostic::note(
                            shown,
                            "no main text found by the extractor; the whole page is cleaned as a scrape",
                        )));
                    }
                    Some(self.finalize(a))
                }
            },
            Format::Feed => match feed::articles(&bytes, shown) {
                Err(d) => Some(Item::Diagnostic(d)),
                Ok((arts, diags)) => {
                    self.pending.extend(diags.into_iter().map(Item::Diagnostic));
                    if arts.is_empty() {
                        return Some(Item::Diagnostic(Diagnostic::warning(
                            shown,
                            "feed has no item with text",
                        )));
                    }
                    let items: Vec<Item> = arts.into_iter().map(|a| self.finalize(a)).collect();
                    self.pending.extend(items);
                    self.pending.pop_front()
                }
            },
            Format::Jsonl => {
                self.stream = Some(Stream::Jsonl(JsonlStream {
                    reader: Box::new(std::io::Cursor::new(bytes)),
                    path: shown.to_string(),
                    stem: id,
                    line_no: 0,
                }));
                self.stream_base = self.counter.get();
                self.next_from_stream()
            }
            Format::Warc => {
                self.stream = Some(Stream::Warc(Box::new(warc::WarcStream::new(
                    Box::new(std::io::Cursor::new(bytes)),
                    shown.to_string(),
                ))));
                self.stream_base = self.counter.get();
                self.next_from_stream()
            }
        }
    }

    fn text_article(
        &mut self,
        shown: &str,
        id: String,
        bytes: &[u8],
        format: InputFormat,
    ) -> Option<Item> {
        match decode::decode(bytes, None) {
            Err(decode::NotText::Empty) => Some(Item::Diagnostic(Diagnostic::warning(
                shown,
                "empty file; skipped",
            ))),
            Err(decode::NotText::Binary(reason)) => Some(Item::Diagnostic(Diagnostic::error(
                shown,
                format!("{reason}; skipped"),
            ))),
            Ok(d) => {
                if let Some(w) = d.warning {
                    self.pending
                        .push_back(Item::Diagnostic(Diagnostic::warning(shown, w)));
                }
                let article = Article::new(id, d.text, Origin::new(shown, format));
                Some(self.finalize(article))
            }
        }
    }
}

/// The compression of bytes, by magic number.
fn compression_of(bytes: &[u8]) -> Compression {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Wraps a reader in the decompressor of `compression`.
fn decompress(
    reader: Box<dyn BufRead>,
    compression: Compression,
    shown: &str,
) -> Result<Box<dyn BufRead>, Diagnostic> {
    Ok(match compression {
        Compression::None => reader,
        Compression::Gzip => Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(reader))),
        Compression::Zstd => {
            let d = ruzstd::decoding::StreamingDecoder::new(reader)
                .map_err(|e| Diagnostic::error(shown, format!("not valid zstd data: {e}")))?;
            Box::new(BufReader::new(d))
        }
    })
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.stream.is_some() {
                if let Some(item) = self.next_from_stream() {
                    return Some(item);
                }
                continue;
            }
            let source = self.queue.pop_front()?;
            if let Some(item) = self.read_source(source) {
                return Some(item);
            }
        }
    }
}

/// A short reason for an I/O error, lowercase.
/// What every article read gets before the pipeline, wherever it came
/// from (a file, or a page `vigie watch` fetched): the day it was read
/// (`retrieved`, unless set), and the date its URL carries.
pub fn complete(article: &mut Article, today: chrono::NaiveDate) {
    if article.retrieved.is_none() {
        article.retrieved = Some(today);
    }
    if let Some(url) = article.url.clone() {
        if let Some(d) = url::date_in_url(&url) {
            article.offer_published(d, MetaSource::Url);
        }
    }
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            let mut c = s.chars();
            match c.next() {
                Some(f) => f.to_lowercase().chain(c).collect(),
                None => s,
            }
        }
    }
}

/// Opens a file for streaming, decompressing `.gz` and `.zst` by name.
pub fn open_reader(path: &Path) -> Result<Box<dyn BufRead>, Diagnostic> {
    let shown = path.display().to_string();
    let file =
        std::fs::File::open(path).map_err(|e| Diagnostic::error(shown.clone(), io_reason(&e)))?;
    let name = shown.to_ascii_lowercase();
    let compression = if name.ends_with(".gz") {
        Compression::Gzip
    } else if name.ends_with(".zst") {
        Compression::Zstd
    } else {
        Compression::None
    };
    decompress(
        Box::new(BufReader::with_capacity(1 << 20, file)),
        compression,
        &shown,
    )
}

/// Writes a whole file (compiled gazetteers, exports); errors name it.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    std::fs::write(path, bytes)
        .map_err(|e| Diagnostic::error(path.display().to_string(), io_reason(&e)))
}

/// A read-only memory map of a file, shareable across threads.
#[derive(Debug)]
pub struct Mapped(memmap2::Mmap);

impl AsRef<[u8]> for Mapped {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// Memory-maps a file (a compiled gazetteer): pages load on demand, so a
/// gazetteer of millions of names opens at once and shares memory.
pub fn map_file(path: &Path) -> Result<Mapped, Diagnostic> {
    let shown = path.display().to_string();
    let file =
        std::fs::File::open(path).map_err(|e| Diagnostic::error(shown.clone(), io_reason(&e)))?;
    // SAFETY: the map is read-only; vigie never writes the file while it
    // runs. A file truncated by another process could fault on access,
    // which is the documented limit of memory-mapped inputs.
    #[allow(unsafe_code)]
    let map = unsafe { memmap2::Mmap::map(&file) }
        .map_err(|e| Diagnostic::error(shown, format!("cannot map: {e}")))?;
    Ok(Mapped(map))
}

/// Peak resident memory of this process in bytes (Linux), for benchmarks.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Current resident memory of this process in bytes (Linux).
pub fn resident_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Creates a file for buffered writing; errors name it.
pub fn create_writer(path: &Path) -> Result<std::io::BufWriter<std::fs::File>, Diagnostic> {
    std::fs::File::create(path)
        .map(|f| std::io::BufWriter::with_capacity(1 << 20, f))
        .map_err(|e| Diagnostic::error(path.display().to_string(), io_reason(&e)))
}
