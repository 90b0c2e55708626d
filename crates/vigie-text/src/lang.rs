//! Language identification.
//!
//! Whole articles are easy: the stopword lists of `text.toml` tell French
//! from English after a few dozen words. Short or mixed texts go to `lingua`
//! (French and English models), restricted to the configured languages.

use crate::fold::{Folded, TokenKind};
use crate::rules::TextRules;
use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use std::sync::OnceLock;
use vigie_core::Span;

/// Identifies the language of the body of `text` (ISO 639-1), if it is one
/// of the configured languages and the evidence is clear enough.
pub fn detect(text: &str, body: &[Span], rules: &TextRules) -> Option<String> {
    let mut counts: Vec<(String, usize)> = rules.languages.iter().map(|l| (l.clone(), 0)).collect();
    let mut words = 0usize;
    let mut sample = String::new();
    'outer: for span in body {
        let folded = Folded::new(text, Some(*span));
        for (i, t) in folded.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            words += 1;
            if let Some(langs) = rules.stopwords.get(folded.token_text(i)) {
                for l in langs {
                    if let Some(c) = counts.iter_mut().find(|(code, _)| code == l) {
                        c.1 += 1;
                    }
                }
            }
            if words >= 400 {
                break 'outer;
            }
        }
        if sample.len() < 1500 {
            sample.push_str(span.slice(text).unwrap_or(""));
            sample.push('\n');
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(best, n), rest @ ..] if *n >= 8 && rest.first().is_none_or(|(_, m)| *n >= 2 * m) => {
            return Some(best.clone());
        }
        _ => {}
    }
    if words < 3 {
        return None;
    }
    let lang = detector().detect_language_of(&sample)?;
    let code = match lang {
        Language::French => "fr",
        Language::English => "en",
    };
    rules
        .languages
        .iter()
        .any(|l| l == code)
        .then(|| code.to_string())
}

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[Language::French, Language::English])
            .with_minimum_relative_distance(0.1)
            .build()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> TextRules {
        let mut r = TextRules::default();
        r.add_toml("fr", include_str!("../../../data/lexicon/fr/text.toml"))
            .unwrap();
        r.add_toml("en", include_str!("../../../data/lexicon/en/text.toml"))
            .unwrap();
        r
    }

    fn check(text: &str, expected: Option<&str>) {
        let body = [Span::new(0, text.len())];
        assert_eq!(detect(text, &body, &rules()).as_deref(), expected, "{text}");
    }

    #[test]
    fn articles_and_short_lines() {
        check(
            "Les forces gouvernementales ont repris le contrôle de la ville après trois jours de combats avec les insurgés, selon une source militaire qui a demandé à ne pas être nommée.",
            Some("fr"),
        );
        check(
            "Government forces regained control of the town after three days of fighting with the insurgents, according to a military source who asked not to be named.",
            Some("en"),
        );
        check("Frappes aériennes sur Idleb", Some("fr"));
        check("Airstrikes hit Idlib province", Some("en"));
        check("", None);
    }
}
