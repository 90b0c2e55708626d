//! Event extraction: from an article's annotations to ACLED event records.
//!
//! For every trigger (a phrase of `triggers.toml` mapped to a sub-event
//! type and an argument frame) the extractor runs one step per module:
//! - [`filters`]: the trigger's language, future, negation, cumulative
//!   tolls, history, headlines and background;
//! - [`roles`]: the actors its clause gives by frame and role cues, and
//!   [`doers`]: the sides the article's context gives when the clause
//!   leaves them out;
//! - [`places`]: the places it governs (a list gives one event each),
//!   else the place the discourse is about;
//! - [`dates`]: the sentence's date, else the paragraph's, else the
//!   publication date;
//! - [`figures`]: fatalities, territory and claimants;
//! - [`merging`]: the drafts of one article that report the same event
//!   are merged; [`record`] writes the event, its evidence, notes
//!   ([`notes`]) and confidence.
//!
//! [`discourse`] carries what the article is about (its place, its sides,
//! its date) from the headline and dateline through the paragraphs, for
//! the steps that fill what a sentence leaves out. Every trigger gets a
//! [`Decision`]: it made an event, or why not ([`Rejection`]), for
//! `vigie eval --diff`.
//!
//! Architecture invariant: a pure function of the article, its annotation
//! and the lexicon; never panics on input.

mod candidates;
mod dates;
pub mod discourse;
mod doers;
mod figures;
mod filters;
mod merging;
pub mod notes;
mod places;
mod record;
pub mod roles;
mod tolls;

pub use filters::Rejection;

use vigie_annotate::Annotation;
use vigie_core::{Article, Event, Span};
use vigie_lexicon::Lexicon;

/// What happened to one trigger.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub rule: String,
    pub span: Span,
    /// `None` when it made an event; else why not.
    pub rejected: Option<Rejection>,
}

/// The events of one article and the decisions behind them.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub events: Vec<Event>,
    pub decisions: Vec<Decision>,
}

/// What every step reads: the article, its annotation and the lexicon.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub article: &'a Article,
    pub ann: &'a Annotation,
    pub lex: &'a Lexicon,
    pub discourse: &'a discourse::Discourse,
}

/// Extracts the events of one annotated article.
pub fn extract(article: &Article, ann: &Annotation, lex: &Lexicon) -> Extraction {
    let discourse = discourse::Discourse::new(article, ann, lex);
    let cx = Context {
        article,
        ann,
        lex,
        discourse: &discourse,
    };
    let mut out = Extraction::default();
    // Roles of every trigger that passes the language and context
    // filters, attached once: the loop below and the doers of repeated
    // mentions both use them.
    let attached: Vec<Result<roles::Roles, Rejection>> = ann
        .triggers
        .iter()
        .map(|t| filters::screen(&cx, t))
        .collect();
    let named = doers::named_doers(ann, lex, &attached);
    let mut state = candidates::State::default();
    let mut drafts = Vec::new();
    for (t, screened) in ann.triggers.iter().zip(&attached) {
        let Some(rule) = lex.triggers.rule(t.value) else {
            continue;
        };
        let result = screened
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|r| candidates::drafts_for(&cx, t, rule, r, &named, &mut state));
        let rejected = match result {
            Ok(mut ds) => {
                drafts.append(&mut ds);
                None
            }
            Err(why) => Some(why),
        };
        out.decisions.push(Decision {
            rule: rule.id.clone(),
            span: t.span,
            rejected,
        });
    }
    tolls::next_sentence_tolls(&cx, &mut drafts);
    tolls::headline_toll(&cx, &mut drafts);
    let drafts = merging::subsume(drafts);
    out.events = merging::merge_drafts(drafts)
        .into_iter()
        .map(|d| record::finish(&cx, d))
        .collect();
    out
}
