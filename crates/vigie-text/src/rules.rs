//! Text rules: the per-language data (stopwords, abbreviations, boilerplate
//! cues) that cleaning, sentence splitting and language id use.
//!
//! Rules are parsed from `data/lexicon/<lang>/text.toml` (format in
//! `data/lexicon/README.md`); several languages merge into one [`TextRules`]
//! because a French site may well carry an English cookie banner.

use crate::fold::fold_phrase;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

/// Errors in a text-rules file.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("{file}: {source}")]
    Toml {
        file: String,
        #[source]
        source: toml::de::Error,
    },
    #[error("{file}: boilerplate weight {weight} is not 1, 2 or 3")]
    Weight { file: String, weight: u8 },
    #[error("{file}: language code {code:?} is not a two-letter ISO 639-1 code")]
    Language { file: String, code: String },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    language: String,
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    second_person: Vec<String>,
    #[serde(default)]
    abbreviations: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    boilerplate: Vec<CueGroup>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueGroup {
    weight: u8,
    phrases: Vec<String>,
}

/// Merged text rules for every configured language.
#[derive(Debug, Clone, Default)]
pub struct TextRules {
    /// Folded stopword → languages it belongs to.
    pub stopwords: HashMap<String, Vec<String>>,
    pub languages: Vec<String>,
    pub second_person: HashSet<String>,
    /// Folded abbreviations (without the final period).
    pub abbreviations: HashSet<String>,
    /// Folded "related article" cues, as token sequences.
    pub related: Vec<Vec<String>>,
    /// Folded boilerplate cues as token sequences, with weights.
    pub cues: Vec<(Vec<String>, u8)>,
    /// First token of a cue → indexes into `cues`.
    cue_index: HashMap<String, Vec<usize>>,
}

impl TextRules {
    /// Adds the rules of one file (`name` is used in error messages).
    pub fn add_toml(&mut self, name: &str, source: &str) -> Result<(), RulesError> {
        let file: RulesFile = toml::from_str(source).map_err(|e| RulesError::Toml {
            file: name.to_string(),
            source: e,
        })?;
        let lang = file.language.trim().to_ascii_lowercase();
        if lang.len() != 2 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(RulesError::Language {
                file: name.to_string(),
                code: file.language,
            });
        }
        if !self.languages.contains(&lang) {
            self.languages.push(lang.clone());
        }
        for w in &file.stopwords {
            let f = fold_phrase(w);
            let langs = self.stopwords.entry(f).or_default();
            if !langs.contains(&lang) {
                langs.push(lang.clone());
            }
        }
        self.second_person
            .extend(file.second_person.iter().map(|w| fold_phrase(w)));
        for a in &file.abbreviations {
            // "j.-c" folds to "j c": keep the last token, which is what
            // precedes the period in text.
            let f = fold_phrase(a);
            if let Some(last) = f.split(' ').next_back() {
                self.abbreviations.insert(last.to_string());
            }
            self.abbreviations.insert(f.replace(' ', ""));
        }
        for r in &file.related {
            let toks = tokens_of(r);
            if !toks.is_empty() && !self.related.contains(&toks) {
                self.related.push(toks);
            }
        }
        for group in &file.boilerplate {
            if !(1..=3).contains(&group.weight) {
                return Err(RulesError::Weight {
                    file: name.to_string(),
                    weight: group.weight,
                });
            }
            for p in &group.phrases {
                let toks = tokens_of(p);
                if toks.is_empty() {
                    continue;
                }
                match self.cues.iter_mut().find(|(t, _)| *t == toks) {
                    Some(existing) => existing.1 = existing.1.max(group.weight),
                    None => self.cues.push((toks, group.weight)),
                }
            }
        }
        self.cue_index.clear();
        for (i, (toks, _)) in self.cues.iter().enumerate() {
            if let Some(first) = toks.first() {
                self.cue_index.entry(first.clone()).or_default().push(i);
            }
        }
        Ok(())
    }

    /// Weights of the distinct boilerplate cues found in a folded token
    /// sequence (punctuation tokens removed).
    pub fn matching_cue_weights(&self, tokens: &[&str]) -> Vec<u8> {
        let mut found: Vec<usize> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let Some(candidates) = self.cue_index.get(*t) else {
                continue;
            };
            for &c in candidates {
                let cue = &self.cues[c].0;
                let fits = tokens.len() - i >= cue.len()
                    && cue.iter().zip(&tokens[i..]).all(|(a, b)| a == b);
                if fits && !found.contains(&c) {
                    found.push(c);
                }
            }
        }
        found.into_iter().map(|c| self.cues[c].1).collect()
    }

    /// Whether a folded word is a stopword of any language.
    pub fn is_stopword(&self, folded: &str) -> bool {
        self.stopwords.contains_key(folded)
    }
}

fn tokens_of(phrase: &str) -> Vec<String> {
    fold_phrase(phrase)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_merges_languages() {
        let mut r = TextRules::default();
        r.add_toml(
            "fr.toml",
            r#"language = "fr"
stopwords = ["le", "à"]
abbreviations = ["M", "gén", "J.-C"]
related = ["Lire aussi"]
[[boilerplate]]
weight = 3
phrases = ["Cookies", "Tout accepter"]"#,
        )
        .unwrap();
        r.add_toml(
            "en.toml",
            "language = \"en\"\nstopwords = [\"the\", \"a\"]\n[[boilerplate]]\nweight = 2\nphrases = [\"cookies\"]",
        )
        .unwrap();
        assert_eq!(r.languages, vec!["fr", "en"]);
        assert!(r.is_stopword("a"));
        assert!(r.abbreviations.contains("gen"));
        assert!(r.abbreviations.contains("c"));
        assert_eq!(
            r.related,
            vec![vec!["lire".to_string(), "aussi".to_string()]]
        );
        // The stronger weight of a cue listed twice wins.
        assert!(r.cues.contains(&(vec!["cookies".into()], 3)));
    }

    #[test]
    fn bad_files_name_the_file_and_the_problem() {
        let mut r = TextRules::default();
        let e = r
            .add_toml("x.toml", "language = \"fr\"\nstopword = []")
            .unwrap_err();
        assert!(e.to_string().starts_with("x.toml:"), "{e}");
        let e = r
            .add_toml(
                "y.toml",
                "language = \"fr\"\n[[boilerplate]]\nweight = 5\nphrases = []",
            )
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "y.toml: boilerplate weight 5 is not 1, 2 or 3"
        );
        let e = r.add_toml("z.toml", "language = \"French\"").unwrap_err();
        assert!(e.to_string().contains("ISO 639-1"), "{e}");
    }
}
