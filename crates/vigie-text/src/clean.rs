//! Boilerplate removal for raw scrapes: keep the article's own text, drop
//! cookie and consent banners, menus, "follow us" lines, newsletter and
//! comment-policy blocks, "Lire aussi" headlines, counters and signatures.
//!
//! The text is cut into blocks (lines, with hard-wrapped lines joined) and
//! each block is judged on features, not on a list of known sentences:
//! length, stopword density, final punctuation, words addressing the reader,
//! weighted cue phrases from the language's `text.toml`, repetition, and
//! position relative to the article's core (its long prose blocks). Blocks
//! before the core keep only a headline and sentence-like lines; blocks
//! after it keep only full sentences. The result is a list of byte spans of
//! the original text, so every later span still points into it.

use crate::fold::{Folded, TokenKind};
use crate::rules::TextRules;
use rustc_hash::FxHashMap as HashMap;
use vigie_core::Span;

/// The outcome of cleaning: kept spans, and removed spans with a reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub body: Vec<Span>,
    pub removed: Vec<(Span, &'static str)>,
}

#[derive(Debug, Clone)]
struct Block {
    span: Span,
    words: usize,
    stop: usize,
    second_person: usize,
    score: u32,
    strong_cue: bool,
    related: bool,
    ends_sentence: bool,
    has_lower: bool,
    key: String,
}

impl Block {
    fn stop_ratio(&self) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            self.stop as f64 / self.words as f64
        }
    }

    fn threshold(&self) -> u32 {
        3 + (self.words / 15) as u32
    }

    fn is_boilerplate(&self) -> bool {
        let mut score = self.score;
        // Addressing the reader reinforces cue phrases ("vous consentez",
        // "your comment"), but alone it is a quote ("You've got to learn").
        if self.score >= 2
            && self.words > 0
            && self.second_person as f64 / self.words as f64 >= 0.03
        {
            score += 2 + self.second_person.min(3) as u32;
        }
        score >= self.threshold()
    }

    fn is_core(&self) -> bool {
        self.words >= 15 && self.stop_ratio() >= 0.15 && !self.is_boilerplate() && !self.related
    }

    fn sentence_like(&self) -> bool {
        self.words >= 4 && self.ends_sentence && self.stop_ratio() >= 0.1
    }
}

/// How much cleaning a text needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A raw scrape: menus, banners and footers around the article.
    #[default]
    Scrape,
    /// Text an HTML main-content extractor already isolated: only blocks
    /// that are boilerplate by their own cues go ("Read more", share
    /// prompts); no header or footer zones.
    Extracted,
}

/// Cleans `text` from byte `start` on (after any leading date line).
pub fn clean(text: &str, start: usize, rules: &TextRules) -> Cleaned {
    clean_with(text, start, rules, Mode::Scrape)
}

/// Cleans `text` from byte `start` on, in the given mode.
pub fn clean_with(text: &str, start: usize, rules: &TextRules, mode: Mode) -> Cleaned {
    let spans = split_blocks(text, start);
    let blocks: Vec<Block> = spans.iter().map(|&s| features(text, s, rules)).collect();
    let n = blocks.len();
    let mut drop: Vec<Option<&'static str>> = vec![None; n];

    // Repetition: later copies of a block go; short lines seen twice are
    // site furniture and all copies go; a block that only extends an
    // earlier headline ("<title> Source: Reuters") goes too.
    let mut seen: HashMap<&str, usize> = HashMap::default();
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for b in &blocks {
        *counts.entry(b.key.as_str()).or_default() += 1;
    }
    for (i, b) in blocks.iter().enumerate() {
        if b.key.is_empty() {
            continue;
        }
        if seen.contains_key(b.key.as_str()) {
            drop[i] = Some("repeated block");
        } else if b.words < 8 && counts[b.key.as_str()] > 1 {
            drop[i] = Some("repeated site line");
        } else if blocks[..i].iter().any(|e| {
            e.words >= 5
                && b.key.len() > e.key.len()
                && b.key.starts_with(e.key.as_str())
                && b.words < e.words + 6
        }) {
            drop[i] = Some("repeated headline");
        }
        seen.entry(b.key.as_str()).or_insert(i);
    }

    // Related-article cues drop their block, and when the cue stands alone
    // on its line, the short headline after it.
    for i in 0..n {
        if blocks[i].related {
            drop[i] = Some("related-article link");
            if blocks[i].words <= 4 {
                if let Some(next) = (i + 1..n).find(|&j| blocks[j].words > 0) {
                    if blocks[next].words < 20 && !blocks[next].ends_sentence {
                        drop[next] = Some("related-article headline");
                    }
                }
            }
        }
    }

    let mut core: Vec<usize> = (0..n)
        .filter(|&i| drop[i].is_none() && blocks[i].is_core())
        .collect();
    if core.is_empty() {
        core = (0..n)
            .filter(|&i| {
                let b = &blocks[i];
                drop[i].is_none() && b.words >= 6 && b.stop_ratio() >= 0.1 && !b.is_boilerplate()
            })
            .collect();
    }
    let (first, last) = match (core.first(), core.last()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => (n, n),
    };

    // The headline: the header line nearest the core that reads like
    // words ("Au Soudan, l'armée reprend Wad Madani"), not like a menu of
    // names ("Actualités Économie Vidéos Débats").
    let headline_ok = |i: usize| {
        let b = &blocks[i];
        drop[i].is_none() && !b.is_boilerplate() && b.words >= 4 && b.has_lower && b.score < 2
    };
    let headline = (0..first.min(n))
        .rev()
        .find(|&i| headline_ok(i) && blocks[i].stop_ratio() > 0.0)
        .or_else(|| (0..first.min(n)).rev().find(|&i| headline_ok(i)));
    let mut headline_taken = false;
    for i in 0..n {
        if drop[i].is_some() {
            continue;
        }
        let b = &blocks[i];
        if mode == Mode::Extracted {
            // Long paragraphs an extractor kept are the article's.
            drop[i] = if (b.is_boilerplate() && b.words < 40) || (b.strong_cue && b.words < 12) {
                Some("boilerplate")
            } else if b.words == 0 && b.key.is_empty() {
                Some("no words")
            } else {
                None
            };
            continue;
        }
        let verdict = if b.words == 0 {
            Some("no words")
        } else if b.is_boilerplate() {
            Some("boilerplate")
        } else if i < first {
            if b.sentence_like() && b.score < 2 && !b.strong_cue {
                None
            } else if !headline_taken && Some(i) == headline {
                headline_taken = true;
                None
            } else {
                Some("header line")
            }
        } else if i > last {
            let clean_sentence = b.words >= 6
                && b.ends_sentence
                && b.stop_ratio() >= 0.15
                && b.score <= 1
                && b.second_person == 0;
            if clean_sentence {
                None
            } else {
                Some("footer line")
            }
        } else if (b.score >= 2 && b.words < 12) || (b.strong_cue && b.words < 25) {
            Some("boilerplate line")
        } else if b.words <= 3 && !b.ends_sentence && b.score >= 1 {
            Some("menu line")
        } else {
            None
        };
        if verdict.is_none() && i < first {
            headline_taken = true;
        }
        drop[i] = verdict;
    }

    let mut out = Cleaned::default();
    for (i, b) in blocks.iter().enumerate() {
        match drop[i] {
            Some(reason) => out.removed.push((b.span, reason)),
            None => trim_boilerplate_sentences(text, b.span, rules, &mut out),
        }
    }
    out
}

/// Within a kept block, drops sentences that are themselves boilerplate
/// ("Connectez-vous pour lire plus tard.") and keeps the rest as runs.
fn trim_boilerplate_sentences(text: &str, span: Span, rules: &TextRules, out: &mut Cleaned) {
    let sentences = crate::sentences::split(text, &[span], rules);
    if sentences.len() <= 1 {
        out.body.push(span);
        return;
    }
    let mut run: Option<Span> = None;
    for s in sentences {
        let f = features(text, s.span, rules);
        let quoted = s
            .span
            .slice(text)
            .is_some_and(|t| t.contains(['«', '“', '"']));
        if f.is_boilerplate() && f.strong_cue && f.words < 25 && !quoted {
            if let Some(r) = run.take() {
                out.body.push(r);
            }
            out.removed.push((s.span, "boilerplate sentence"));
        } else {
            run = Some(match run {
                Some(r) => r.cover(s.span),
                None => s.span,
            });
        }
    }
    if let Some(r) = run {
        out.body.push(r);
    }
}

/// Cuts text into blocks: non-empty lines, where a line without final
/// punctuation followed by one starting in lowercase is joined to it (hard
/// wrapping).
fn split_blocks(text: &str, start: usize) -> Vec<Span> {
    let mut lines: Vec<Span> = Vec::new();
    let mut pos = start.min(text.len());
    while !text.is_char_boundary(pos) {
        pos += 1;
    }
    for line in text[pos..].split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            lines.push(Span::new(pos + lead, pos + lead + trimmed.len()));
        }
        pos += line.len();
    }
    let mut blocks: Vec<Span> = Vec::new();
    for line in lines {
        if let Some(prev) = blocks.last_mut() {
            let prev_text = prev.slice(text).unwrap_or("");
            let this = line.slice(text).unwrap_or("");
            let prev_open =
                !prev_text.ends_with(['.', '!', '?', ':', ';', '»', '"', '”', ')', '…']);
            let continues = this.chars().next().is_some_and(|c| c.is_lowercase());
            if prev_open && continues && prev_text.split_whitespace().count() >= 4 {
                *prev = prev.cover(line);
                continue;
            }
        }
        blocks.push(line);
    }
    blocks
}

fn features(text: &str, span: Span, rules: &TextRules) -> Block {
    let folded = Folded::new(text, Some(span));
    let raw = span.slice(text).unwrap_or("");
    let mut words = 0;
    let mut stop = 0;
    let mut second_person = 0;
    let mut key = String::new();
    let word_tokens: Vec<&str> = folded
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind != TokenKind::Punct)
        .map(|(i, _)| folded.token_text(i))
        .collect();
    for (i, t) in folded.tokens.iter().enumerate() {
        let w = folded.token_text(i);
        if t.kind == TokenKind::Word {
            words += 1;
            if rules.is_stopword(w) {
                stop += 1;
            }
            if rules.second_person.contains(w) {
                second_person += 1;
            }
        }
        if t.kind != TokenKind::Punct {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(w);
        }
    }
    let mut score = 0u32;
    let mut strong_cue = false;
    for weight in rules.matching_cue_weights(&word_tokens) {
        score += u32::from(weight);
        strong_cue |= weight >= 3;
    }
    let related = rules
        .related
        .iter()
        .any(|r| word_tokens.len() >= r.len() && word_tokens[..r.len()] == r[..]);
    let ends_sentence = raw
        .trim_end()
        .ends_with(['.', '!', '?', '»', '"', '”', '…']);
    let has_lower = raw.chars().any(|c| c.is_lowercase());
    Block {
        span,
        words,
        stop,
        second_person,
        score,
        strong_cue,
        related,
        ends_sentence,
        has_lower,
        key,
    }
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

    fn kept(text: &str) -> String {
        let c = clean(text, 0, &rules());
        c.body
            .iter()
            .map(|s| s.slice(text).unwrap())
            .collect::<Vec<_>>()
            .join("\n")
    }

    const SCRAPE: &str = "Accueil\nMenu\n\
Les rebelles reprennent un village près de Maarat al-Nouman\n\
Syrie\n\
Suivez-nous sur Telegram\n\
Des combattants rebelles ont repris samedi le village de Hich, au sud d'Idleb, après deux jours de combats contre les forces gouvernementales, selon une ONG.\n\
Lire aussi : Dix civils tués dans un raid sur Ariha\n\
Les affrontements ont fait au moins quinze morts dans les deux camps, a précisé l'Observatoire, qui dispose d'un réseau de sources sur le terrain.\n\
Suivez-nous sur Telegram\n\
Nous utilisons des cookies pour améliorer votre expérience. En cliquant sur « Tout accepter », vous consentez au dépôt de traceurs sur votre terminal.\n\
Tout accepter Tout refuser\n\
5 articles restants\n";

    #[test]
    fn the_headline_is_the_line_in_words_not_the_menu() {
        let k = kept(
            "Le Quotidien du Sahel\n\
             Actualités   Politique   Sécurité   Économie   Culture   Sports\n\
             Mali : l'armée reprend le contrôle de Léré après deux jours de combats\n\
             Publié le 3 mars 2024\n\
             Les Forces armées maliennes ont repris dimanche le contrôle de la localité de Léré, dans la région de Tombouctou, après deux jours de combats contre des jihadistes, selon l'état-major.\n",
        );
        assert!(k.contains("l'armée reprend le contrôle de Léré"), "{k}");
        assert!(!k.contains("Actualités"), "{k}");
    }

    #[test]
    fn keeps_article_sentences_and_drops_furniture() {
        let k = kept(SCRAPE);
        assert!(
            k.contains("Des combattants rebelles ont repris samedi le village de Hich"),
            "{k}"
        );
        assert!(
            k.contains("Les affrontements ont fait au moins quinze morts"),
            "{k}"
        );
        assert!(
            k.starts_with("Les rebelles reprennent un village"),
            "headline kept: {k}"
        );
        for gone in [
            "Accueil",
            "Menu",
            "Suivez",
            "cookies",
            "Tout refuser",
            "restants",
            "Lire aussi",
            "Syrie\n",
        ] {
            assert!(!k.contains(gone), "{gone:?} should be gone from:\n{k}");
        }
    }

    #[test]
    fn english_scrape_with_comment_policy_and_read_more() {
        let text = "Home | World | Africa\n\
Share this article\n\
Gunmen kill 12 villagers in central Mali\n\
Gunmen on motorbikes attacked the village of Ogossagou in central Mali on Sunday, killing at least 12 people and burning granaries, local officials said.\n\
Read more: Mali's junta extends transition\n\
The army said it had sent reinforcements to the area and that an investigation was under way into the attack.\n\
Comments\n\
We welcome comments that stay on topic. Please read our community guidelines before you post, and remember that your comment will be checked by a moderator.\n\
Sign up for our newsletter\n";
        let k = kept(text);
        assert!(
            k.contains("Gunmen on motorbikes attacked the village of Ogossagou"),
            "{k}"
        );
        assert!(
            k.contains("The army said it had sent reinforcements"),
            "{k}"
        );
        assert!(
            k.contains("Gunmen kill 12 villagers in central Mali"),
            "{k}"
        );
        for gone in [
            "Home |",
            "Share this",
            "Read more",
            "Comments",
            "community guidelines",
            "newsletter",
        ] {
            assert!(!k.contains(gone), "{gone:?} should be gone from:\n{k}");
        }
    }

    #[test]
    fn clean_prose_is_untouched() {
        let text = "Un attentat a frappé le marché de Maiduguri mardi. Le bilan est d'au moins six morts, selon la police.\n\nLes secours ont évacué les blessés vers l'hôpital de la ville, où plusieurs restaient dans un état grave mercredi.";
        let c = clean(text, 0, &rules());
        assert_eq!(c.body.len(), 2);
        assert!(c.removed.is_empty(), "{:?}", c.removed);
        // A news paragraph mentioning Telegram and a video is not a banner.
        let news = "Le gouverneur a publié sur Telegram une vidéo montrant la gare détruite, où au moins vingt personnes ont été tuées dans la matinée par un missile.";
        assert_eq!(clean(news, 0, &rules()).body.len(), 1);
    }

    #[test]
    fn repeated_paragraphs_keep_one_copy_and_wrapped_lines_join() {
        let para = "Les soldats ont repoussé une attaque contre leur poste de Djibo dans la nuit, selon une source sécuritaire qui a requis l'anonymat.";
        let text = format!("{para}\n{para}\nLes assaillants ont fui vers\nla frontière nigérienne avant l'aube, selon la même source.");
        let c = clean(&text, 0, &rules());
        assert_eq!(c.body.len(), 2, "{:?}", c);
        assert!(c.body[1]
            .slice(&text)
            .unwrap()
            .contains("vers\nla frontière"));
        assert_eq!(c.removed.len(), 1);
        assert_eq!(c.removed[0].1, "repeated block");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in ["", "\n\n\n", "é", "....", "«»", "\u{0}\u{1}", "a\nb\nc"] {
            let _ = clean(text, 0, &rules());
            let _ = clean(text, 1, &rules());
        }
    }
}
