//! Folding and tokenising text for dictionary matching.
//!
//! Matching in vigie is done on a *folded* copy of the text: lowercase, no
//! diacritics, typographic apostrophes and quotes unified, each token
//! preceded by one space. Apostrophes and hyphens separate tokens
//! (`l'armée` → `l armee`, `Deir ez-Zor` → `deir ez zor`); other
//! punctuation becomes one-character tokens so phrases never match across a
//! comma. Every token keeps the byte span of its original text.

use unicode_normalization::char::decompose_canonical;
use unicode_normalization::UnicodeNormalization;
use vigie_core::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits).
    Word,
    /// Digits only.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the original text.
    pub span: Span,
    /// Byte offset of the token's first character in [`Folded::folded`].
    pub folded_start: usize,
    /// Byte offset just after the token in [`Folded::folded`].
    pub folded_end: usize,
    pub kind: TokenKind,
    /// The original token starts with an uppercase letter.
    pub capitalized: bool,
    /// Every letter of the original token is uppercase (acronyms).
    pub all_caps: bool,
}

/// A folded, tokenised copy of (part of) a text.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// `" tok tok tok "`: each token preceded by a space, plus a final space.
    pub folded: String,
    pub tokens: Vec<Token>,
}

impl Folded {
    /// Folds the part of `text` covered by `span` (the whole text when
    /// `span` is `None`). Spans outside the text or off char boundaries give
    /// an empty result, never a panic.
    pub fn new(text: &str, span: Option<Span>) -> Folded {
        let span = span.unwrap_or(Span::new(0, text.len()));
        let Some(part) = span.slice(text) else {
            return Folded::default();
        };
        let mut out = Folded {
            folded: String::with_capacity(part.len() + 8),
            tokens: Vec::with_capacity(part.len() / 5),
        };
        let mut word_start: Option<usize> = None;
        let base = span.start;
        for (i, c) in part.char_indices() {
            if c.is_alphanumeric() || is_combining(c) {
                if word_start.is_none() {
                    word_start = Some(i);
                }
                continue;
            }
            if let Some(ws) = word_start.take() {
                out.push_word(part, base, ws, i);
            }
            if c.is_whitespace() || is_separator(c) {
                continue;
            }
            // Punctuation: its own token, folded to a canonical character.
            let end = i + c.len_utf8();
            out.push_punct(base + i, base + end, canonical_punct(c));
        }
        if let Some(ws) = word_start {
            out.push_word(part, base, ws, part.len());
        }
        out.folded.push(' ');
        out
    }

    fn push_word(&mut self, part: &str, base: usize, start: usize, end: usize) {
        let original = &part[start..end];
        self.folded.push(' ');
        let folded_start = self.folded.len();
        fold_into(original, &mut self.folded);
        let folded_end = self.folded.len();
        let mut letters = original.chars().filter(|c| c.is_alphabetic());
        let first_alpha = original.chars().next().is_some_and(|c| c.is_alphabetic());
        let kind = if first_alpha || original.chars().any(|c| c.is_alphabetic()) {
            TokenKind::Word
        } else {
            TokenKind::Number
        };
        let capitalized = original.chars().next().is_some_and(|c| c.is_uppercase());
        let all_caps = letters.clone().next().is_some() && letters.all(|c| c.is_uppercase());
        self.tokens.push(Token {
            span: Span::new(base + start, base + end),
            folded_start,
            folded_end,
            kind,
            capitalized,
            all_caps,
        });
    }

    fn push_punct(&mut self, start: usize, end: usize, c: char) {
        self.folded.push(' ');
        let folded_start = self.folded.len();
        self.folded.push(c);
        self.tokens.push(Token {
            span: Span::new(start, end),
            folded_start,
            folded_end: self.folded.len(),
            kind: TokenKind::Punct,
            capitalized: false,
            all_caps: false,
        });
    }

    /// Index of the token starting at folded byte offset `pos`, if any.
    pub fn token_at(&self, pos: usize) -> Option<usize> {
        self.tokens
            .binary_search_by_key(&pos, |t| t.folded_start)
            .ok()
    }

    /// Index of the token ending at folded byte offset `pos`, if any.
    pub fn token_ending_at(&self, pos: usize) -> Option<usize> {
        self.tokens
            .binary_search_by_key(&pos, |t| t.folded_end)
            .ok()
    }

    /// The folded form of token `i`.
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.folded.get(t.folded_start..t.folded_end))
            .unwrap_or("")
    }

    /// The original span covering tokens `first..=last`.
    pub fn span_of(&self, first: usize, last: usize) -> Option<Span> {
        let a = self.tokens.get(first)?;
        let b = self.tokens.get(last)?;
        Some(Span::new(a.span.start, b.span.end))
    }
}

fn is_combining(c: char) -> bool {
    // Combining diacritical marks (decomposed input) stay inside words.
    matches!(c as u32, 0x0300..=0x036F)
}

/// Characters that only separate tokens: apostrophes, hyphens, and similar.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '-' | '‐' | '‑' | '\u{00AD}' | '_'
    )
}

fn canonical_punct(c: char) -> char {
    match c {
        '«' | '»' | '“' | '”' | '„' | '‟' | '"' => '"',
        '–' | '—' | '―' => '-',
        '…' => '.',
        _ => c,
    }
}

/// Folds one word: lowercase, strip diacritics, expand ligatures.
pub fn fold_into(word: &str, out: &mut String) {
    for c in word.chars() {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            'ı' => out.push('i'),
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            _ => {
                let mut base = None;
                decompose_canonical(c, |d| {
                    if base.is_none() && !is_combining(d) {
                        base = Some(d);
                    }
                });
                if let Some(b) = base {
                    for l in b.to_lowercase() {
                        out.push(l);
                    }
                }
            }
        }
    }
}

/// Folds a phrase the way [`Folded`] folds text, without the leading and
/// trailing spaces: `"L'Armée  syrienne"` → `"l armee syrienne"`.
pub fn fold_phrase(phrase: &str) -> String {
    let normalized: String = phrase.nfc().collect();
    let f = Folded::new(&normalized, None);
    f.folded.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_apostrophes_and_hyphens() {
        let text = "L’Armée syrienne a repris Deir ez-Zor, «Etat islamique».";
        let f = Folded::new(text, None);
        assert_eq!(
            f.folded,
            " l armee syrienne a repris deir ez zor , \" etat islamique \" . "
        );
        // Every token's span slices the original.
        let words: Vec<&str> = f
            .tokens
            .iter()
            .map(|t| t.span.slice(text).unwrap())
            .collect();
        assert_eq!(words[0], "L");
        assert_eq!(words[1], "Armée");
        assert_eq!(words[6], "ez");
        assert!(f.tokens[1].capitalized);
        assert!(!f.tokens[2].capitalized);
    }

    #[test]
    fn acronyms_numbers_and_ligatures() {
        let f = Folded::new("Les FDS ont tué 12 soldats. Œuvre", None);
        assert!(f.tokens[1].all_caps);
        assert!(!f.tokens[0].all_caps);
        assert_eq!(f.tokens[4].kind, TokenKind::Number);
        assert_eq!(f.token_text(7), "oeuvre");
        assert_eq!(fold_phrase("  Soueïda  "), "soueida");
        assert_eq!(fold_phrase("Hodeïda"), "hodeida");
        assert_eq!(fold_phrase("ÉTAT"), "etat");
    }

    #[test]
    fn sub_span_offsets_point_into_the_original() {
        let text = "Menu. À Homs, des combats.";
        let f = Folded::new(text, Some(Span::new(6, text.len())));
        assert_eq!(f.tokens[0].span.slice(text), Some("À"));
        assert_eq!(f.tokens[1].span.slice(text), Some("Homs"));
        assert_eq!(f.token_at(f.tokens[1].folded_start), Some(1));
        // A span off a char boundary folds to nothing instead of panicking.
        let bad = Folded::new(text, Some(Span::new(7, 9)));
        assert!(bad.tokens.is_empty());
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        let decomposed = "Soue\u{0308}i\u{0301}da";
        assert_eq!(fold_phrase(decomposed), "soueida");
        let f = Folded::new(decomposed, None);
        assert_eq!(f.tokens.len(), 1);
        assert_eq!(f.token_text(0), "soueida");
    }
}
