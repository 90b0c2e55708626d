//! Number words, vague amounts, hedges and counted nouns
//! (`data/lexicon/<lang>/numbers.toml`), compiled for the number annotator.

use crate::error::{parse_toml, LexiconError};
use crate::matcher::{PhraseMatcher, PhraseMatcherBuilder};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;
use std::collections::BTreeMap;
use vigie_core::{Counted, Hedge};
use vigie_text::fold_phrase;

/// What a number-related phrase means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberWord {
    /// A vague amount with ACLED's conventional value.
    Vague(f64),
    Hedge(Hedge),
    RangeStart,
    RangeEnd,
    /// A noun after the number naming what is counted.
    Noun(Counted),
    /// A participle/verb after the counted phrase.
    After(Counted),
    /// A verb before the number.
    Before(Counted),
    /// A phrase saying that nobody of this category was affected ("no
    /// casualties were reported", "sans faire de victime"): a count of 0.
    None(Counted),
    /// Before a count that is part of another ("including", "dont").
    Subset,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NumbersFile {
    language: String,
    #[serde(default)]
    group_separators: Vec<String>,
    #[serde(default)]
    decimal_separators: Vec<String>,
    #[serde(default)]
    words: BTreeMap<String, u64>,
    #[serde(default)]
    multipliers: BTreeMap<String, u64>,
    #[serde(default)]
    vague: BTreeMap<String, f64>,
    #[serde(default)]
    hedges: Hedges,
    #[serde(default)]
    range: RangeWords,
    #[serde(default)]
    counted: Vec<CountedEntry>,
    #[serde(default)]
    conjunctions: Vec<String>,
    #[serde(default)]
    subsets: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Hedges {
    #[serde(default)]
    approx: Vec<String>,
    #[serde(default)]
    at_least: Vec<String>,
    #[serde(default)]
    at_most: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RangeWords {
    #[serde(default)]
    start: Vec<String>,
    #[serde(default)]
    end: Vec<String>,
    #[serde(default)]
    dash: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CountedEntry {
    category: String,
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    none: Vec<String>,
}

/// Number knowledge of every language.
#[derive(Debug, Clone)]
pub struct Numbers {
    /// Folded number word → value.
    pub words: HashMap<String, u64>,
    /// Folded multiplier → factor.
    pub multipliers: HashMap<String, u64>,
    /// Characters allowed between digit groups of three.
    pub group_separators: Vec<char>,
    pub decimal_separators: Vec<char>,
    pub dash_ranges: bool,
    /// Folded words joining two numbers: inside one ("soixante et onze")
    /// or between two counts of the same thing ("11 killed in X and four
    /// in Y").
    pub conjunctions: Vec<String>,
    matcher: PhraseMatcher<NumberWord>,
}

impl Numbers {
    pub fn parse<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> Result<Numbers, LexiconError> {
        let mut b = PhraseMatcherBuilder::new();
        let mut out = Numbers {
            words: HashMap::default(),
            multipliers: HashMap::default(),
            group_separators: Vec::new(),
            decimal_separators: Vec::new(),
            dash_ranges: false,
            conjunctions: Vec::new(),
            matcher: PhraseMatcherBuilder::new().build(),
        };
        for (file, bytes) in files {
            let n: NumbersFile = parse_toml(file, bytes)?;
            let _ = n.language;
            for s in n.group_separators.iter().chain(&n.decimal_separators) {
                if s.chars().count() != 1 {
                    return Err(LexiconError::invalid(
                        file,
                        format!("separator {s:?} must be one character"),
                    ));
                }
            }
            out.group_separators
                .extend(n.group_separators.iter().filter_map(|s| s.chars().next()));
            out.decimal_separators
                .extend(n.decimal_separators.iter().filter_map(|s| s.chars().next()));
            out.dash_ranges |= n.range.dash;
            for (w, v) in &n.words {
                out.words.insert(fold_phrase(w), *v);
            }
            out.conjunctions
                .extend(n.conjunctions.iter().map(|w| fold_phrase(w)));
            for (w, v) in &n.multipliers {
                out.multipliers.insert(fold_phrase(w), *v);
            }
            for (p, v) in &n.vague {
                b.add(p, NumberWord::Vague(*v));
            }
            for p in &n.hedges.approx {
                b.add(p, NumberWord::Hedge(Hedge::Approx));
            }
            for p in &n.hedges.at_least {
                b.add(p, NumberWord::Hedge(Hedge::AtLeast));
            }
            for p in &n.hedges.at_most {
                b.add(p, NumberWord::Hedge(Hedge::AtMost));
            }
            for p in &n.range.start {
                b.add(p, NumberWord::RangeStart);
            }
            for p in &n.range.end {
                b.add(p, NumberWord::RangeEnd);
            }
            for p in &n.subsets {
                b.add(p, NumberWord::Subset);
            }
            for c in &n.counted {
                let cat = Counted::parse(&c.category).ok_or_else(|| {
                    LexiconError::invalid(
                        file,
                        format!("unknown counted category {:?}", c.category),
                    )
                })?;
                for p in &c.nouns {
                    b.add(p, NumberWord::Noun(cat));
                }
                for p in &c.after {
                    b.add(p, NumberWord::After(cat));
                }
                for p in &c.before {
                    b.add(p, NumberWord::Before(cat));
                }
                for p in &c.none {
                    b.add(p, NumberWord::None(cat));
                }
            }
        }
        out.group_separators.sort_unstable();
        out.group_separators.dedup();
        out.decimal_separators.sort_unstable();
        out.decimal_separators.dedup();
        out.matcher = b.build();
        Ok(out)
    }

    pub fn matcher(&self) -> &PhraseMatcher<NumberWord> {
        &self.matcher
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiles_embedded_numbers() {
        let fr = include_bytes!("../../../data/lexicon/fr/numbers.toml");
        let en = include_bytes!("../../../data/lexicon/en/numbers.toml");
        let n = Numbers::parse([("fr", &fr[..]), ("en", &en[..])]).unwrap();
        assert_eq!(n.words.get("douze"), Some(&12));
        assert_eq!(n.multipliers.get("mille"), Some(&1000));
        assert!(n.group_separators.contains(&'.'));
        assert!(n.decimal_separators.contains(&','));
        let e = Numbers::parse([(
            "x",
            &b"language=\"x\"\n[[counted]]\ncategory=\"dead\"\n"[..],
        )])
        .unwrap_err();
        assert_eq!(e.to_string(), "x: unknown counted category \"dead\"");
    }
}
