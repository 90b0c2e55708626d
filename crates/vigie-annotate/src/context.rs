//! Per-sentence view shared by the annotators: the folded tokens of one
//! sentence and helpers to look at the original text around them.

use vigie_core::Span;
use vigie_text::{Folded, TokenKind};

/// One sentence, folded.
#[derive(Debug)]
pub struct SentenceView<'a> {
    pub text: &'a str,
    pub index: usize,
    pub span: Span,
    pub folded: Folded,
}

impl<'a> SentenceView<'a> {
    pub fn new(text: &'a str, index: usize, span: Span) -> Self {
        SentenceView {
            text,
            index,
            span,
            folded: Folded::new(text, Some(span)),
        }
    }

    pub fn len(&self) -> usize {
        self.folded.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.folded.tokens.is_empty()
    }

    /// Folded text of token `i` ("" out of range).
    pub fn word(&self, i: usize) -> &str {
        self.folded.token_text(i)
    }

    /// Original text of token `i`.
    pub fn original(&self, i: usize) -> &'a str {
        self.folded
            .tokens
            .get(i)
            .and_then(|t| t.span.slice(self.text))
            .unwrap_or("")
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.folded.tokens.get(i).map(|t| t.kind)
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// Numeric value of a digit token.
    pub fn number(&self, i: usize) -> Option<u64> {
        if self.is_number(i) {
            self.word(i).parse().ok()
        } else {
            None
        }
    }

    /// Original text between the end of token `a` and the start of token
    /// `b` (empty when they touch or are out of order).
    pub fn gap(&self, a: usize, b: usize) -> &'a str {
        match (self.folded.tokens.get(a), self.folded.tokens.get(b)) {
            (Some(x), Some(y)) if x.span.end <= y.span.start => {
                self.text.get(x.span.end..y.span.start).unwrap_or("")
            }
            _ => "",
        }
    }

    /// The original span of tokens `first..=last`.
    pub fn span_of(&self, first: usize, last: usize) -> Span {
        self.folded.span_of(first, last).unwrap_or(self.span)
    }

    /// Whether token `i` starts with a capital letter.
    pub fn capitalized(&self, i: usize) -> bool {
        self.folded.tokens.get(i).is_some_and(|t| t.capitalized)
    }

    pub fn all_caps(&self, i: usize) -> bool {
        self.folded.tokens.get(i).is_some_and(|t| t.all_caps)
    }
}
