//! A dictionary of phrases matched on folded text, on whole tokens.
//!
//! Patterns are folded like the text (see `vigie_text::fold`) and matched
//! as sequences of whole tokens in a trie of tokens, so a text token that
//! starts no pattern costs one hash lookup, however many phrases the
//! dictionary holds. A pattern
//! written entirely in capitals in the data (`EI`, `FDS`, `IS`) only matches
//! text written in capitals, so the acronym `IS` never matches the verb
//! "is". [`PhraseMatcher::find`] resolves overlaps leftmost-longest.

use rustc_hash::FxHashMap as HashMap;
use vigie_core::Span;
use vigie_text::fold::fold_phrase;
use vigie_text::Folded;

/// One match: tokens `first..=last` of the folded text, the original span,
/// and the index of the matched pattern (see [`PhraseMatcher::payloads`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub pattern: usize,
}

#[derive(Debug, Clone)]
struct PatternInfo {
    all_caps: bool,
    payloads: Vec<usize>,
}

/// A node of the token trie: the patterns that end here and the next
/// tokens.
#[derive(Debug, Clone, Default)]
struct Node {
    ends: Vec<usize>,
    next: HashMap<Box<str>, usize>,
}

/// Compiled phrases, each with one or more payloads.
#[derive(Debug, Clone)]
pub struct PhraseMatcher<T> {
    /// The token trie; node 0 is the root.
    trie: Vec<Node>,
    patterns: Vec<PatternInfo>,
    payloads: Vec<T>,
    /// Folded phrase → patterns with that form.
    by_phrase: HashMap<String, Vec<usize>>,
}

/// Builds a [`PhraseMatcher`].
#[derive(Debug)]
pub struct PhraseMatcherBuilder<T> {
    folded: Vec<String>,
    patterns: Vec<PatternInfo>,
    index: HashMap<(String, bool), usize>,
    payloads: Vec<T>,
}

impl<T> Default for PhraseMatcherBuilder<T> {
    fn default() -> Self {
        PhraseMatcherBuilder {
            folded: Vec::new(),
            patterns: Vec::new(),
            index: HashMap::default(),
            payloads: Vec::new(),
        }
    }
}

impl<T> PhraseMatcherBuilder<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a phrase with its payload; returns false when the phrase folds
    /// to nothing (it is then ignored).
    pub fn add(&mut self, phrase: &str, payload: T) -> bool {
        let folded = fold_phrase(phrase);
        if folded.is_empty() {
            return false;
        }
        let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
        let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        self.payloads.push(payload);
        let payload_idx = self.payloads.len() - 1;
        let key = (folded, all_caps);
        let idx = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                self.folded.push(key.0.clone());
                self.patterns.push(PatternInfo {
                    all_caps,
                    payloads: Vec::new(),
                });
                let i = self.patterns.len() - 1;
                self.index.insert(key, i);
                i
            }
        };
        self.patterns[idx].payloads.push(payload_idx);
        true
    }

    pub fn len(&self) -> usize {
        self.payloads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }

    /// Files every pattern under its first token.
    pub fn build(self) -> PhraseMatcher<T> {
        let mut trie = vec![Node::default()];
        for (i, folded) in self.folded.iter().enumerate() {
            let mut node = 0;
            for tok in folded.split(' ') {
                node = match trie[node].next.get(tok) {
                    Some(&n) => n,
                    None => {
                        trie.push(Node::default());
                        let n = trie.len() - 1;
                        trie[node].next.insert(Box::from(tok), n);
                        n
                    }
                };
            }
            trie[node].ends.push(i);
        }
        let mut by_phrase: HashMap<String, Vec<usize>> = HashMap::default();
        for ((folded, _), idx) in self.index {
            by_phrase.entry(folded).or_default().push(idx);
        }
        PhraseMatcher {
            trie,
            patterns: self.patterns,
            payloads: self.payloads,
            by_phrase,
        }
    }
}

impl<T> PhraseMatcher<T> {
    /// Every match on token boundaries, overlapping ones included, in
    /// order of start then length (longest first).
    pub fn find_all(&self, text: &Folded) -> Vec<PhraseMatch> {
        let mut out = Vec::new();
        let Some(root) = self.trie.first() else {
            return out;
        };
        for first in 0..text.tokens.len() {
            let mut node = root;
            for last in first..text.tokens.len() {
                let Some(&n) = node.next.get(text.token_text(last)) else {
                    break;
                };
                node = &self.trie[n];
                for &pattern in &node.ends {
                    if self.patterns[pattern].all_caps
                        && !text.tokens[first..=last]
                            .iter()
                            .all(|t| t.kind != vigie_text::TokenKind::Word || t.all_caps)
                    {
                        continue;
                    }
                    let Some(span) = text.span_of(first, last) else {
                        continue;
                    };
                    out.push(PhraseMatch {
                        first,
                        last,
                        span,
                        pattern,
                    });
                }
            }
        }
        out.sort_by(|a, b| a.first.cmp(&b.first).then(b.last.cmp(&a.last)));
        out
    }

    /// Matches with overlaps removed, leftmost-longest first.
    pub fn find(&self, text: &Folded) -> Vec<PhraseMatch> {
        let mut out: Vec<PhraseMatch> = Vec::new();
        for m in self.find_all(text) {
            if out.last().is_some_and(|prev| m.first <= prev.last) {
                continue;
            }
            out.push(m);
        }
        out
    }

    /// The payloads of a matched pattern.
    pub fn payloads(&self, pattern: usize) -> impl Iterator<Item = &T> + '_ {
        self.patterns
            .get(pattern)
            .into_iter()
            .flat_map(|p| p.payloads.iter())
            .filter_map(|&i| self.payloads.get(i))
    }

    /// Payloads of the phrases whose folded form is exactly `folded` (as
    /// given by `vigie_text::fold_phrase`), capitals ignored.
    pub fn payloads_of_phrase<'a>(&'a self, folded: &str) -> impl Iterator<Item = &'a T> + 'a {
        self.by_phrase
            .get(folded)
            .into_iter()
            .flatten()
            .flat_map(move |&p| self.payloads(p))
    }

    /// The first payload of a matched pattern.
    pub fn payload(&self, pattern: usize) -> Option<&T> {
        self.payloads(pattern).next()
    }

    pub fn len(&self) -> usize {
        self.payloads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(phrases: &[(&str, u32)]) -> PhraseMatcher<u32> {
        let mut b = PhraseMatcherBuilder::new();
        for (p, v) in phrases {
            b.add(p, *v);
        }
        b.build()
    }

    fn found(m: &PhraseMatcher<u32>, text: &str) -> Vec<(String, u32)> {
        let f = Folded::new(text, None);
        m.find(&f)
            .into_iter()
            .map(|x| {
                (
                    x.span.slice(text).unwrap().to_string(),
                    *m.payload(x.pattern).unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn whole_tokens_longest_first_accents_folded() {
        let m = matcher(&[
            ("Etat islamique", 1),
            ("armée syrienne", 2),
            ("armée", 3),
            ("EI", 4),
        ]);
        assert_eq!(
            found(
                &m,
                "L'Armée syrienne combat l'État islamique (EI) et l'armée."
            ),
            vec![
                ("Armée syrienne".into(), 2),
                ("État islamique".into(), 1),
                ("EI".into(), 4),
                ("armée".into(), 3)
            ]
        );
        // No match inside a longer word.
        assert!(found(&m, "Les armées syriennes").is_empty());
    }

    #[test]
    fn capital_patterns_need_capitals() {
        let m = matcher(&[("IS", 1), ("ISIS", 2)]);
        assert_eq!(found(&m, "IS fighters"), vec![("IS".into(), 1)]);
        assert!(found(&m, "This is what it is").is_empty());
        assert_eq!(found(&m, "Isis and ISIS"), vec![("ISIS".into(), 2)]);
    }

    #[test]
    fn phrases_do_not_cross_punctuation_and_share_payloads() {
        let mut b = PhraseMatcherBuilder::new();
        b.add("Daech", 1u32);
        b.add("daech", 2u32);
        b.add("prise de", 3);
        let m = b.build();
        let f = Folded::new("la prise, de Daech", None);
        let got = m.find(&f);
        assert_eq!(got.len(), 1);
        assert_eq!(
            m.payloads(got[0].pattern).copied().collect::<Vec<_>>(),
            vec![1, 2]
        );
        let empty: PhraseMatcher<u32> = PhraseMatcherBuilder::new().build();
        assert!(empty.find(&f).is_empty());
    }
}
