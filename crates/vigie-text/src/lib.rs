//! The text stage of vigie: from an article's original text to its cleaned
//! body, sentences, folded tokens and language.
//!
//! Everything here is a pure function of the text and the [`TextRules`]
//! data; spans always point into the original text.

pub mod clean;
pub mod dateline;
pub mod fold;
pub mod lang;
pub mod rules;
pub mod sentences;

pub use clean::{clean, clean_with, Cleaned, Mode};
pub use fold::{fold_phrase, Folded, Token, TokenKind};
pub use rules::{RulesError, TextRules};
pub use sentences::{split as split_sentences, Sentence};

use vigie_core::{Article, Diagnostic, InputFormat, MetaSource};

/// Runs the text stage on an article: reads a leading date line, removes
/// boilerplate (setting `article.body`) and identifies the language when
/// the input did not give it. Returns notes about what was removed.
pub fn prepare(article: &mut Article, rules: &TextRules) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut start = 0;
    if let Some((date, body_start)) = dateline::leading_date(&article.text) {
        article.offer_published(date, MetaSource::DateLine);
        start = body_start;
    }
    // Text an HTML extractor isolated needs only a light pass.
    let mode = match article.origin.format {
        InputFormat::Html | InputFormat::Warc | InputFormat::Feed => Mode::Extracted,
        _ => Mode::Scrape,
    };
    let cleaned = clean_with(&article.text, start, rules, mode);
    article.body = cleaned.body;
    if article.body.is_empty() && !article.text.trim().is_empty() {
        diags.push(Diagnostic::warning(
            article.origin.display(),
            format!(
                "article {:?}: no article text left after boilerplate removal",
                article.id
            ),
        ));
    }
    if article.language.is_none() {
        article.language = lang::detect(&article.text, &article.body, rules);
    }
    diags
}
