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

    /// Headlines and one-line captions, the hardest case: few words, many
    /// names. Accuracy must stay at 95% or better (measured: see the
    /// assertion message).
    #[test]
    fn short_texts_accuracy() {
        let fr = [
            "Frappes aériennes sur Idleb",
            "Trois soldats tués près de Gao",
            "L'armée reprend Tessalit",
            "Attentat à Mogadiscio : au moins neuf morts",
            "Nouveaux combats à Bakhmout",
            "Le M23 s'empare de Bunagana",
            "Manifestation dispersée à Bamako",
            "Deux casques bleus blessés au Mali",
            "Raid meurtrier contre un village du Nord-Kivu",
            "Explosion d'une voiture piégée à Kaboul",
            "Les rebelles houthis revendiquent une attaque de drone",
            "Enlèvement de quinze élèves au Nigeria",
            "Tirs d'artillerie sur Kharkiv dans la nuit",
            "Un chef jihadiste neutralisé par l'armée",
            "Couvre-feu décrété à Tripoli",
            "Des civils fuient les combats autour de Marib",
            "Bilan alourdi après l'attaque de Dori",
            "L'Etat islamique revendique l'attentat",
            "Otage libéré au Sahel",
            "Accrochages à la frontière syro-turque",
        ];
        let en = [
            "Airstrikes hit Idlib province",
            "Three soldiers killed near Gao",
            "Army retakes Tessalit",
            "Mogadishu bombing: at least nine dead",
            "Fresh fighting in Bakhmut",
            "M23 rebels seize Bunagana",
            "Protest broken up in Bamako",
            "Two peacekeepers wounded in Mali",
            "Deadly raid on a North Kivu village",
            "Car bomb explodes in Kabul",
            "Houthi rebels claim drone attack",
            "Fifteen pupils abducted in Nigeria",
            "Overnight shelling hits Kharkiv",
            "Jihadist commander killed by the army",
            "Curfew imposed in Tripoli",
            "Civilians flee fighting around Marib",
            "Death toll rises after Dori attack",
            "Islamic State claims the bombing",
            "Hostage freed in the Sahel",
            "Clashes on the Syrian-Turkish border",
        ];
        let rules = rules();
        let mut right = 0;
        let mut wrong = Vec::new();
        for (lang, texts) in [("fr", &fr), ("en", &en)] {
            for t in texts.iter() {
                let got = detect(t, &[Span::new(0, t.len())], &rules);
                if got.as_deref() == Some(lang) {
                    right += 1;
                } else {
                    wrong.push(format!("{t:?} -> {got:?}"));
                }
            }
        }
        let accuracy = right as f64 / (fr.len() + en.len()) as f64;
        eprintln!("short-text language accuracy {accuracy:.3}; wrong: {wrong:?}");
        assert!(
            accuracy >= 0.95,
            "short-text accuracy {accuracy:.3}; wrong: {wrong:?}"
        );
    }
}
