//! Claims: who a statement or figure is attributed to ("selon l'agence
//! Sana", "a indiqué l'OSDH", "d'après une source militaire", "according
//! to the Pentagon", "X said"), the clause or sentences it covers, and
//! reporting chains ("RT, citant l'agence Sana": Sana via RT).

use crate::context::SentenceView;
use vigie_core::Span;
use vigie_lexicon::{ClaimCue, Lexicon};
use vigie_text::Sentence;

/// A claim found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundClaim {
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub claimant: String,
    pub via: Option<String>,
    pub scope: Span,
}

const DETERMINERS: &[&str] = &[
    "l", "la", "le", "les", "un", "une", "des", "du", "de", "d", "the", "a", "an", "son", "sa",
    "ses", "its", "his", "her", "their",
];

/// Finds the claims of sentence `s` (index `idx` among `sentences`).
pub fn find_claims(
    s: &SentenceView,
    sentences: &[Sentence],
    idx: usize,
    lex: &Lexicon,
) -> Vec<FoundClaim> {
    let mut cues: Vec<(usize, usize, ClaimCue)> = Vec::new();
    for m in lex.cues.claims.find_all(&s.folded) {
        for c in lex.cues.claims.payloads(m.pattern) {
            cues.push((m.first, m.last, *c));
        }
    }
    let hits: Vec<(usize, usize, Span, String)> = lex
        .claimants
        .matcher()
        .find(&s.folded)
        .into_iter()
        .filter_map(|m| {
            let c = lex
                .claimants
                .get(*lex.claimants.matcher().payload(m.pattern)?)?;
            Some((m.first, m.last, m.span, c.name.clone()))
        })
        .collect();
    let ends_clause = |k: usize| matches!(s.word(k), "." | ";" | "?" | "!");
    let mut out: Vec<FoundClaim> = Vec::new();
    for (h, &(first, last, span, ref name)) in hits.iter().enumerate() {
        // Walk back over determiners and adjectives to the cue.
        let mut k = first;
        let mut steps = 0;
        while k > 0 && steps < 4 && DETERMINERS.contains(&s.word(k - 1)) {
            k -= 1;
            steps += 1;
        }
        let before = cues.iter().any(|&(_, l, c)| {
            matches!(c, ClaimCue::Before | ClaimCue::Relay) && (l + 1 == k || l + 1 == first)
        });
        let verb = cues.iter().any(|&(f, l, c)| {
            c == ClaimCue::Verb
                && ((l < first && first - l <= 6 && !(l..first).any(ends_clause))
                    || (f > last && f - last <= 5 && !(last..f).any(ends_clause)))
        });
        if !before && !verb {
            continue;
        }
        // "X, citant Y" / "Y cité par X": Y is the source, X the relay.
        let mut via = None;
        for (g, &(_, gl, _, ref other)) in hits.iter().enumerate() {
            let relay_between = |a: usize, b: usize| {
                cues.iter()
                    .any(|&(f, l, c)| c == ClaimCue::Relay && f >= a && l < b)
            };
            if g != h && gl < first && first - gl <= 6 && relay_between(gl + 1, first) {
                via = Some(other.clone());
            }
        }
        // Scope: the sentence, extended back to the opening quote when the
        // attribution follows a quotation.
        let mut scope = s.span;
        let before_text = s.text.get(s.span.start..span.start).unwrap_or("");
        let closes = before_text.contains('»')
            || before_text.contains('”')
            || (before_text.matches('"').count() % 2 == 1);
        if closes && !before_text.contains('«') && !before_text.contains('“') {
            let mut j = idx;
            while j > 0 && idx - j < 4 {
                j -= 1;
                let t = sentences[j].span.slice(s.text).unwrap_or("");
                scope = sentences[j].span.cover(scope);
                if t.contains('«') || t.contains('“') || t.starts_with('"') {
                    break;
                }
            }
        }
        out.push(FoundClaim {
            first,
            last,
            span,
            claimant: name.clone(),
            via,
            scope,
        });
    }
    out
}
