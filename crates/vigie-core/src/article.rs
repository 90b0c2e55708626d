//! An article: its identity, metadata, original text and cleaned spans.

use crate::{FuzzyDate, Span};
use serde::{Deserialize, Serialize};

/// The input format an article was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    Text,
    Html,
    Jsonl,
    Warc,
    Feed,
    /// Built into the binary (demo samples, test fixtures).
    Builtin,
}

/// Where an article came from, for diagnostics and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The path as the user gave it (or `-` for standard input).
    pub input: String,
    pub format: InputFormat,
    /// Line number (JSONL) or record number (WARC, feeds), 1-based.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
}

impl Origin {
    pub fn new(input: impl Into<String>, format: InputFormat) -> Self {
        Origin {
            input: input.into(),
            format,
            record: None,
        }
    }

    pub fn with_record(mut self, record: u64) -> Self {
        self.record = Some(record);
        self
    }

    /// `path` or `path:line` for messages.
    pub fn display(&self) -> String {
        match self.record {
            Some(r) => format!("{}:{}", self.input, r),
            None => self.input.clone(),
        }
    }
}

/// Where a piece of metadata was found, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaSource {
    /// A field of the input record (JSONL `published`, feed `pubDate`).
    Input,
    /// HTML meta tags, JSON-LD, `<time>` elements, WARC headers.
    Markup,
    /// A leading ` date YYYY-MM` line.
    DateLine,
    /// A date in the URL path.
    Url,
    /// A dateline in the article header ("19/11/2017", "10 novembre 2017").
    Header,
    /// The table of known news hosts.
    HostTable,
    /// Inferred from the text (signature phrases, language model).
    Text,
}

/// One news article as the pipeline sees it.
///
/// `text` is the original text exactly as read (for HTML, the extracted main
/// text); every [`Span`] anywhere in vigie points into it. `body` is the
/// article's own text after boilerplate removal, as a sorted list of
/// non-overlapping spans of `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub outlet_source: Option<MetaSource>,
    #[serde(default)]
    pub published: Option<FuzzyDate>,
    #[serde(default)]
    pub published_source: Option<MetaSource>,
    /// ISO 639-1 code (`fr`, `en`...).
    #[serde(default)]
    pub language: Option<String>,
    pub text: String,
    #[serde(default)]
    pub body: Vec<Span>,
    pub origin: Origin,
    /// Hex digest of `text` (exact-duplicate detection, change detection).
    pub content_hash: String,
    /// Id of an earlier article of the run with nearly the same text (the
    /// same wire story on another site): a separate source, flagged.
    #[serde(default)]
    pub near_duplicate_of: Option<String>,
    /// The day vigie obtained the article (read the file, fetched the
    /// page): the latest the story can be, for a date written without its
    /// year and nothing else to give one.
    #[serde(default)]
    pub retrieved: Option<chrono::NaiveDate>,
}

impl Article {
    /// A new article whose body is, until cleaned, its whole text.
    pub fn new(id: impl Into<String>, text: impl Into<String>, origin: Origin) -> Self {
        let text = text.into();
        let content_hash = content_hash(&text);
        let body = if text.is_empty() {
            Vec::new()
        } else {
            vec![Span::new(0, text.len())]
        };
        Article {
            id: id.into(),
            url: None,
            title: None,
            outlet: None,
            outlet_source: None,
            published: None,
            published_source: None,
            language: None,
            text,
            body,
            origin,
            content_hash,
            near_duplicate_of: None,
            retrieved: None,
        }
    }

    /// Sets the publication date if none is known yet, if `source` is more
    /// trusted than the current one, or if the date refines the current
    /// one (a day of the month a date line gives); returns whether it was
    /// set.
    pub fn offer_published(&mut self, date: FuzzyDate, source: MetaSource) -> bool {
        let better = match self.published_source {
            None => true,
            Some(current) => source < current,
        };
        let refines = self.published.is_some_and(|p| {
            let ((start, end), (new_start, new_end)) = (p.range(), date.range());
            date.precision < p.precision && start <= new_start && new_end <= end
        });
        if better || refines || self.published.is_none() {
            self.published = Some(date);
            self.published_source = Some(source);
            true
        } else {
            false
        }
    }

    /// Sets the outlet if none is known yet or `source` is more trusted.
    pub fn offer_outlet(&mut self, outlet: &str, source: MetaSource) -> bool {
        let outlet = outlet.trim();
        if outlet.is_empty() {
            return false;
        }
        let better = match self.outlet_source {
            None => true,
            Some(current) => source < current,
        };
        if better || self.outlet.is_none() {
            self.outlet = Some(outlet.to_string());
            self.outlet_source = Some(source);
            true
        } else {
            false
        }
    }

    /// The cleaned text: the body spans joined by blank lines.
    pub fn clean_text(&self) -> String {
        let mut out = String::new();
        for span in &self.body {
            if let Some(s) = span.slice(&self.text) {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(s.trim());
            }
        }
        out
    }

    /// Whether `span` lies in the cleaned body.
    pub fn in_body(&self, span: Span) -> bool {
        self.body.iter().any(|b| b.contains(span))
    }
}

/// The content hash used for duplicate and change detection: 128-bit xxh3
/// of the text, in hex.
pub fn content_hash(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_trusted_metadata_wins() {
        let mut a = Article::new("a", "texte", Origin::new("a.txt", InputFormat::Text));
        let url_date = FuzzyDate::parse("2017-08").unwrap();
        let input_date = FuzzyDate::parse("2017-08-07").unwrap();
        assert!(a.offer_published(url_date, MetaSource::Url));
        assert!(a.offer_published(input_date, MetaSource::Input));
        assert!(!a.offer_published(url_date, MetaSource::Header));
        assert_eq!(a.published, Some(input_date));
        assert!(!a.offer_outlet("  ", MetaSource::Input));
        assert!(a.offer_outlet("RT France", MetaSource::HostTable));
        assert!(!a.offer_outlet("Other", MetaSource::Text));
        assert_eq!(a.outlet.as_deref(), Some("RT France"));
    }

    #[test]
    fn a_day_refines_a_month_from_a_more_trusted_source() {
        let mut a = Article::new("a", "texte", Origin::new("a.txt", InputFormat::Text));
        let month = FuzzyDate::parse("2017-04").unwrap();
        assert!(a.offer_published(month, MetaSource::DateLine));
        // A day of that month in the URL refines it...
        let day = FuzzyDate::parse("2017-04-07").unwrap();
        assert!(a.offer_published(day, MetaSource::Url));
        assert_eq!(a.published, Some(day));
        // ...a day outside it, or a coarser date, does not.
        let mut b = Article::new("b", "texte", Origin::new("b.txt", InputFormat::Text));
        assert!(b.offer_published(month, MetaSource::DateLine));
        assert!(!b.offer_published(FuzzyDate::parse("2017-05-02").unwrap(), MetaSource::Url));
        assert!(!b.offer_published(FuzzyDate::parse("2017").unwrap(), MetaSource::Url));
        assert_eq!(b.published, Some(month));
    }

    #[test]
    fn clean_text_joins_body_spans() {
        let mut a = Article::new(
            "a",
            "Menu\nFirst.\nCookies\nSecond.",
            Origin::new("-", InputFormat::Text),
        );
        a.body = vec![Span::new(5, 11), Span::new(20, 27)];
        assert_eq!(a.clean_text(), "First.\n\nSecond.");
        assert!(a.in_body(Span::new(6, 10)));
        assert!(!a.in_body(Span::new(0, 4)));
        assert_ne!(content_hash("a"), content_hash("b"));
    }
}
