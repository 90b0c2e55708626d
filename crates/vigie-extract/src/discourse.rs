//! What the article is about, carried from its headline through the
//! paragraphs: which sentences are headings (the headline, section titles),
//! and the place the discourse is about at each sentence, for events whose
//! sentence names none ("the soldiers took control of the airport", "l'armée
//! tient désormais la ville").

use crate::places::{event_place, in_dateline};
use vigie_annotate::{Annotation, PlaceFound, Tagged};
use vigie_core::Article;
use vigie_lexicon::Lexicon;

/// Most words of a heading line.
const HEADING_WORDS: usize = 20;

/// The article-level context of the extractor.
#[derive(Debug, Clone, Default)]
pub struct Discourse {
    /// Per sentence: a line of its own without final punctuation (the
    /// headline, a section title, a caption line).
    pub heading: Vec<bool>,
    /// The headline: the longest heading before the first sentence of
    /// prose.
    pub headline: Option<usize>,
}

impl Discourse {
    pub fn new(article: &Article, ann: &Annotation, lex: &Lexicon) -> Discourse {
        let text = article.text.as_str();
        let heading: Vec<bool> = ann
            .sentences
            .iter()
            .map(|s| {
                let Some(t) = s.span.slice(text) else {
                    return false;
                };
                let t = t.trim();
                let ends_line = text[s.span.end..]
                    .chars()
                    .find(|c| !matches!(c, ' ' | '\t'))
                    .is_none_or(|c| c == '\n' || c == '\r');
                let words = t.split_whitespace().count();
                ends_line
                    && words > 0
                    && words <= HEADING_WORDS
                    && !t.ends_with(['.', '!', '?', '…', '»', '"', '”', ';', ')'])
            })
            .collect();
        // The headline is written in words ("l'armée reprend Wad Madani
        // aux paramilitaires"), a menu or a section line in names: the
        // heading with the most function words, then the longest.
        let first_prose = heading.iter().position(|h| !h).unwrap_or(heading.len());
        let function_words = |i: usize| {
            ann.folded.get(i).map_or(0, |f| {
                (0..f.tokens.len())
                    .filter(|&k| lex.text.is_stopword(f.token_text(k)))
                    .count()
            })
        };
        let headline = (0..first_prose).max_by_key(|&i| {
            let len = ann.sentences.get(i).map_or(0, |s| s.span.len());
            (function_words(i), len, std::cmp::Reverse(i))
        });
        Discourse { heading, headline }
    }

    pub fn is_heading(&self, sentence: usize) -> bool {
        self.heading.get(sentence).copied().unwrap_or(false)
    }

    /// The place the discourse is about at `sentence`, which names none:
    /// the last place of its paragraph before it, else the headline's,
    /// else the next one of its paragraph, else the article's last before
    /// it, else the dateline's, else the article's first. Precise places
    /// first within each; places that are not event places never.
    pub fn place(&self, ann: &Annotation, sentence: usize) -> Option<Tagged<PlaceFound>> {
        let block = ann.sentences.get(sentence)?.block;
        let located = |p: &&Tagged<PlaceFound>| {
            p.value.mention.latitude.is_some()
                && event_place(ann, p)
                && (!self.is_heading(p.sentence) || Some(p.sentence) == self.headline)
        };
        let places = || ann.places.iter().filter(located);
        let undated = |p: &&Tagged<PlaceFound>| !in_dateline(ann, p.span);
        let in_block = |p: &&Tagged<PlaceFound>| {
            ann.sentences.get(p.sentence).map(|s| s.block) == Some(block)
                && Some(p.sentence) != self.headline
        };
        let before = |p: &&Tagged<PlaceFound>| p.sentence < sentence;
        let precise = |p: &&Tagged<PlaceFound>| p.value.mention.geo_precision < 3;
        let headline = self.headline.filter(|&h| h != sentence);
        // The last sentence before that names a place, and in it the
        // first place (the next ones often locate it: "X, dans la région
        // de Y").
        let salient =
            |p: &&Tagged<PlaceFound>| (p.sentence, precise(p), std::cmp::Reverse(p.span.start));
        places()
            .filter(undated)
            .filter(in_block)
            .filter(before)
            .max_by_key(salient)
            .or_else(|| {
                places()
                    .filter(|p| Some(p.sentence) == headline)
                    .max_by_key(|p| (precise(p), std::cmp::Reverse(p.span.start)))
            })
            .or_else(|| {
                places()
                    .filter(undated)
                    .filter(in_block)
                    .find(|p| p.sentence > sentence)
            })
            .or_else(|| places().filter(undated).filter(before).max_by_key(salient))
            .or_else(|| places().find(|p| in_dateline(ann, p.span)))
            .or_else(|| places().find(undated))
            .cloned()
    }
}
