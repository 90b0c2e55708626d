//! Sentence splitting inside the cleaned body.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
//! brackets after it) when whitespace follows and the next visible character
//! can start a sentence (an uppercase letter, a digit, an opening quote or
//! dash), unless the word before the period is a known abbreviation
//! (`M.`, `gén.`, `Gen.`, `U.S.`) or a single capital letter (an initial).
//! A line break after a block without final punctuation (a headline) also
//! ends a sentence.

use crate::rules::TextRules;
use vigie_core::Span;

/// A sentence of the body, with the index of the body block it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into the article's body spans (the paragraph).
    pub block: usize,
}

/// Splits each body span of `text` into sentences.
pub fn split(text: &str, body: &[Span], rules: &TextRules) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (block, span) in body.iter().enumerate() {
        let Some(part) = span.slice(text) else {
            continue;
        };
        for s in split_part(part, rules) {
            out.push(Sentence {
                span: Span::new(span.start + s.start, span.start + s.end),
                block,
            });
        }
    }
    out
}

/// Splits one block; spans are relative to `part`.
fn split_part(part: &str, rules: &TextRules) -> Vec<Span> {
    let mut spans = Vec::new();
    let chars: Vec<(usize, char)> = part.char_indices().collect();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let is_end = matches!(c, '.' | '!' | '?' | '…');
        let is_newline = c == '\n';
        if !is_end && !is_newline {
            i += 1;
            continue;
        }
        // Extend over repeated terminators and closing quotes/brackets.
        let mut j = i + 1;
        if is_end {
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '…' | '»' | '"' | '”' | '’' | ')' | ']'
                )
            {
                j += 1;
            }
        }
        let end_byte = chars.get(j).map_or(part.len(), |&(p, _)| p);
        // Need whitespace next (or the end of the block).
        let ws_follows = is_newline || j >= chars.len() || chars[j].1.is_whitespace();
        if !ws_follows {
            i = j;
            continue;
        }
        let mut k = j;
        let mut saw_newline = is_newline;
        while k < chars.len() && chars[k].1.is_whitespace() {
            saw_newline |= chars[k].1 == '\n';
            k += 1;
        }
        let next = chars.get(k).map(|&(_, c)| c);
        let boundary = if is_newline {
            // A line break ends a sentence when the line before has no
            // final punctuation and the next line starts like a sentence.
            next.is_some_and(starts_sentence)
        } else {
            next.is_none_or(|n| starts_sentence(n) || saw_newline)
                && !(c == '.' && before_is_abbreviation(&part[..pos], rules))
        };
        if boundary {
            let end = if is_newline { pos } else { end_byte };
            push_trimmed(part, start, end, &mut spans);
            start = chars.get(k).map_or(part.len(), |&(p, _)| p);
            i = k;
        } else {
            i = j.max(i + 1);
        }
    }
    push_trimmed(part, start, part.len(), &mut spans);
    spans
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '«' | '"' | '“' | '(' | '[' | '-' | '–' | '—' | '‘' | '\'' | '¿' | '¡'
        )
}

/// Whether the word just before a period is an abbreviation or an initial.
fn before_is_abbreviation(before: &str, rules: &TextRules) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.' || *c == '°')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    // A single capital letter is an initial ("H. R. McMaster", "J. Davis").
    if letters.len() == 1 && letters[0].is_uppercase() && word.chars().count() <= 2 {
        return true;
    }
    // Dotted acronyms ("U.S.", "U.N."): the word contains inner periods.
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        return true;
    }
    let folded = crate::fold::fold_phrase(&word).replace(' ', "");
    rules.abbreviations.contains(&folded)
}

fn push_trimmed(part: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(s) = part.get(start..end) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    out.push(Span::new(start + lead, start + lead + trimmed.len()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> TextRules {
        let mut r = TextRules::default();
        r.add_toml(
            "t",
            r#"language = "fr"
abbreviations = ["M", "gén", "col", "Gen", "U.S"]"#,
        )
        .unwrap();
        r
    }

    fn check(text: &str, expected: &[&str]) {
        let body = [Span::new(0, text.len())];
        let got: Vec<&str> = split(text, &body, &rules())
            .iter()
            .map(|s| s.span.slice(text).unwrap())
            .collect();
        assert_eq!(got, expected, "splitting {text:?}");
    }

    #[test]
    fn splits_on_terminators_followed_by_capitals() {
        check(
            "Les combats ont repris. L'armée avance! Qui tient Raqqa? Personne.",
            &[
                "Les combats ont repris.",
                "L'armée avance!",
                "Qui tient Raqqa?",
                "Personne.",
            ],
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_acronyms() {
        check(
            "M. Dupont a parlé au gén. Haddad. Le col. Sami est arrivé.",
            &[
                "M. Dupont a parlé au gén. Haddad.",
                "Le col. Sami est arrivé.",
            ],
        );
        check(
            "Gen. H. R. McMaster said the U.S. Army moved. Then it stopped.",
            &[
                "Gen. H. R. McMaster said the U.S. Army moved.",
                "Then it stopped.",
            ],
        );
    }

    #[test]
    fn quotes_and_numbers() {
        check(
            "«Nous tenons la ville.» Le porte-parole l'a confirmé. 12 soldats sont morts.",
            &[
                "«Nous tenons la ville.»",
                "Le porte-parole l'a confirmé.",
                "12 soldats sont morts.",
            ],
        );
        // A decimal or a period followed by a lowercase word does not split.
        check(
            "Il a reçu 1.5 million. et puis rien",
            &["Il a reçu 1.5 million. et puis rien"],
        );
    }

    #[test]
    fn line_breaks_end_headlines() {
        check(
            "Combats à Tripoli\nLe GNA a repoussé une offensive.",
            &["Combats à Tripoli", "Le GNA a repoussé une offensive."],
        );
        // A wrapped line continuing in lowercase stays one sentence.
        check(
            "The leaders agreed to end\nmilitary support.",
            &["The leaders agreed to end\nmilitary support."],
        );
    }

    #[test]
    fn sentence_spans_are_offset_into_the_text() {
        let text = "MENU\nPremière phrase. Deuxième phrase.";
        let body = [Span::new(5, text.len())];
        let s = split(text, &body, &rules());
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].span.slice(text), Some("Deuxième phrase."));
        assert_eq!(s[1].block, 0);
    }
}
