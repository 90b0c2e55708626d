//! The vigie pipeline: one article through the text stage, the annotators
//! and the extractor ([`Pipeline::process`]), and a batch of processed
//! articles through cross-article merging ([`assign_event_ids`]).
//!
//! This is the façade the binary, the store and the server use; it adds no
//! logic of its own beyond ordering the stages.

use serde::Serialize;
use std::sync::Arc;
use vigie_annotate::Annotation;
use vigie_core::{Article, ArticleEvents, Diagnostic, Mention};
use vigie_extract::Extraction;
use vigie_lexicon::Lexicon;
use vigie_merge::MentionRef;

pub use vigie_extract::Decision;

/// An article after the pipeline.
#[derive(Debug, Clone)]
pub struct Processed {
    pub article: Article,
    pub annotation: Annotation,
    pub extraction: Extraction,
    pub diagnostics: Vec<Diagnostic>,
}

/// The pipeline with its lexicon.
#[derive(Debug, Clone)]
pub struct Pipeline {
    lexicon: Arc<Lexicon>,
}

impl Pipeline {
    pub fn new(lexicon: Arc<Lexicon>) -> Self {
        Pipeline { lexicon }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Cleans, annotates and extracts one article.
    pub fn process(&self, mut article: Article) -> Processed {
        let lex = &*self.lexicon;
        let diagnostics = vigie_text::prepare(&mut article, &lex.text);
        let annotation = vigie_annotate::annotate(&mut article, lex);
        let extraction = vigie_extract::extract(&article, &annotation, lex);
        Processed {
            article,
            annotation,
            extraction,
            diagnostics,
        }
    }
}

/// Assigns each event of a batch of articles the id of its merged
/// cross-article event.
pub fn assign_event_ids(batch: &mut [ArticleEvents]) {
    let assignments = {
        let refs: Vec<MentionRef> = batch
            .iter()
            .flat_map(|a| {
                a.events.iter().enumerate().map(move |(i, e)| MentionRef {
                    article: &a.article,
                    index: i,
                    event: e,
                })
            })
            .collect();
        vigie_merge::merge(&refs)
    };
    let mut it = assignments.into_iter();
    for a in batch.iter_mut() {
        for e in &mut a.events {
            if let Some(m) = it.next() {
                e.event_id = Some(m.event_id);
            }
        }
    }
}

impl Processed {
    /// The article's events in the gold format of `events.md`.
    pub fn article_events(&self) -> ArticleEvents {
        ArticleEvents {
            article: self.article.id.clone(),
            language: self.article.language.clone(),
            published: self.article.published.map(|p| p.to_string()),
            outlet: self.article.outlet.clone(),
            events: self.extraction.events.clone(),
        }
    }

    /// What `vigie annotate` prints for the article.
    pub fn annotate_record(&self, lex: &Lexicon) -> AnnotateRecord {
        AnnotateRecord {
            id: self.article.id.clone(),
            url: self.article.url.clone(),
            language: self.article.language.clone(),
            published: self.article.published.map(|p| p.to_string()),
            published_precision: self
                .article
                .published
                .map(|p| p.precision.as_str().to_string()),
            outlet: self.article.outlet.clone(),
            title: self.article.title.clone(),
            near_duplicate_of: self.article.near_duplicate_of.clone(),
            focus_country: self.annotation.focus.clone(),
            clean_text: self.article.clean_text(),
            body: self.article.body.iter().map(|s| [s.start, s.end]).collect(),
            sentences: self
                .annotation
                .sentences
                .iter()
                .map(|s| [s.span.start, s.span.end])
                .collect(),
            mentions: self.annotation.mentions(&self.article.text, lex),
            decisions: self
                .extraction
                .decisions
                .iter()
                .map(|d| DecisionRecord {
                    rule: d.rule.clone(),
                    span: [d.span.start, d.span.end],
                    text: d.span.slice(&self.article.text).unwrap_or("").to_string(),
                    rejected: d.rejected.as_ref().map(ToString::to_string),
                })
                .collect(),
            diagnostics: self.diagnostics.iter().map(|d| d.to_string()).collect(),
        }
    }
}

/// One line of `vigie annotate` output.
#[derive(Debug, Clone, Serialize)]
pub struct AnnotateRecord {
    pub id: String,
    pub url: Option<String>,
    pub language: Option<String>,
    pub published: Option<String>,
    pub published_precision: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// The id of an earlier article of the run telling the same story.
    pub near_duplicate_of: Option<String>,
    pub focus_country: Option<String>,
    pub clean_text: String,
    /// Byte spans of the cleaned body in the original text.
    pub body: Vec<[usize; 2]>,
    pub sentences: Vec<[usize; 2]>,
    pub mentions: Vec<Mention>,
    /// What the extractor did with each trigger.
    pub decisions: Vec<DecisionRecord>,
    pub diagnostics: Vec<String>,
}

/// One trigger and what became of it: an event, or the reason it made none.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionRecord {
    pub rule: String,
    pub span: [usize; 2],
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rejected: Option<String>,
}
