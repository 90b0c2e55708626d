//! The figures of an event: fatalities (the killed count nearest the
//! trigger, cumulative tolls excluded), territory in km² and who claims
//! them.

use vigie_annotate::{Annotation, PlaceFound, Tagged};
use vigie_core::{Hedge, NumberMention, Span};
use vigie_lexicon::{FilterCue, Lexicon, NumberWord};

/// The killed counts of a sentence, cumulative tolls
/// excluded.
pub(crate) fn killed_counts<'a>(
    ann: &'a Annotation,
    lex: &Lexicon,
    sentence: usize,
) -> Vec<&'a Tagged<NumberMention>> {
    let cumulative: Vec<(usize, usize)> = ann
        .folded
        .get(sentence)
        .map(|f| {
            lex.triggers
                .filters()
                .find_all(f)
                .into_iter()
                .filter(|m| {
                    lex.triggers.filters().payload(m.pattern) == Some(&FilterCue::Cumulative)
                })
                .map(|m| (m.first, m.last))
                .collect()
        })
        .unwrap_or_default();
    ann.numbers
        .iter()
        .filter(|n| n.sentence == sentence && n.value.counts == Some(vigie_core::Counted::Killed))
        .filter(|n| n.value.hedge != Hedge::AtMost && n.value.value < 100_000.0)
        .filter(|n| {
            !cumulative.iter().any(|&(a, b)| {
                (a as i64 - n.last as i64).abs() <= 6 || (b as i64 - n.first as i64).abs() <= 6
            })
        })
        .collect()
}

/// ACLED's conservative figure of a count: the low end of a range.
pub(crate) fn figure(n: &Tagged<NumberMention>) -> (Option<u32>, Option<Span>) {
    let v = if n.value.hedge == Hedge::Range {
        n.value.low
    } else {
        n.value.value
    };
    (Some(v.round() as u32), Some(n.span))
}

/// The killed count of the trigger's sentence nearest to it (cumulative
/// tolls excluded), as ACLED's conservative figure; the dead of several
/// groups add up ("four policemen and two of the attackers").
pub fn fatalities_for(
    ann: &Annotation,
    lex: &Lexicon,
    t: &Tagged<usize>,
) -> (Option<u32>, Option<Span>) {
    let counts = killed_counts(ann, lex, t.sentence);
    if let Some(sum) = groups_sum(ann, lex, t.sentence, &counts) {
        return sum;
    }
    // "Trente-neuf personnes, dont quatre enfants": the whole, not the
    // part nearest the trigger.
    let wholes = wholes(ann, lex, t.sentence, &counts);
    let pool = if wholes.is_empty() { counts } else { wholes };
    pool.into_iter()
        .min_by_key(|n| (n.first as i64 - t.first as i64).unsigned_abs())
        .map_or((None, None), figure)
}

/// The counts that are not part of another: "including five children",
/// "dont quatre enfants" before the count, "five of them" after it.
fn wholes<'a>(
    ann: &Annotation,
    lex: &Lexicon,
    sentence: usize,
    counts: &[&'a Tagged<NumberMention>],
) -> Vec<&'a Tagged<NumberMention>> {
    let Some(f) = ann.folded.get(sentence) else {
        return counts.to_vec();
    };
    let words = lex.numbers.matcher();
    let found = words.find_all(f);
    let subset = |n: &Tagged<NumberMention>| {
        found.iter().any(|m| {
            ((m.last < n.first && n.first - m.last <= 2) || m.first == n.last + 1)
                && words
                    .payloads(m.pattern)
                    .any(|w| matches!(w, NumberWord::Subset))
        })
    };
    counts.iter().copied().filter(|n| !subset(n)).collect()
}

/// The toll of a sentence that adds the dead of several groups, each
/// named by its own noun ("Seven of the attackers were killed and two
/// soldiers lost their lives": 9). A count inside a subset phrase
/// ("including five children", "dont quatre enfants") is part of another
/// and not added; two counts of the same noun (or of none) are competing
/// figures, not groups: `None`.
fn groups_sum(
    ann: &Annotation,
    lex: &Lexicon,
    sentence: usize,
    counts: &[&Tagged<NumberMention>],
) -> Option<(Option<u32>, Option<Span>)> {
    let f = ann.folded.get(sentence)?;
    let parts = wholes(ann, lex, sentence, counts);
    if parts.len() < 2 {
        return None;
    }
    // The noun of each count: the first counted noun of the lexicon
    // within three words after it ("seven of the attackers": attackers).
    let words = lex.numbers.matcher();
    let found = words.find_all(f);
    let noun = |n: &Tagged<NumberMention>| -> Option<String> {
        found
            .iter()
            .filter(|m| m.first > n.last && m.first <= n.last + 3)
            .find(|m| {
                words
                    .payloads(m.pattern)
                    .any(|w| matches!(w, NumberWord::Noun(_)))
            })
            .map(|m| {
                (m.first..=m.last)
                    .map(|k| f.token_text(k))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
    };
    let mut nouns: Vec<String> = Vec::new();
    for n in &parts {
        let w = noun(n)?;
        if nouns.contains(&w) {
            return None;
        }
        nouns.push(w);
    }
    let mut total = 0u32;
    for n in &parts {
        total = total.saturating_add(figure(n).0?);
    }
    let span = parts.iter().map(|n| n.span).reduce(Span::cover);
    Some((Some(total), span))
}

/// The toll a sentence gives on its own, for the event told just before
/// it ("Militants attacked a checkpoint. Four policemen and two of the
/// attackers were killed."): its killed counts, cumulative tolls
/// excluded, added up by group, else the first.
pub fn sentence_toll(
    ann: &Annotation,
    lex: &Lexicon,
    sentence: usize,
) -> (Option<u32>, Option<Span>) {
    let counts = killed_counts(ann, lex, sentence);
    if let Some(sum) = groups_sum(ann, lex, sentence, &counts) {
        return sum;
    }
    counts.first().map_or((None, None), |n| figure(n))
}

/// Words between a toll and the place it is given for ("onze morts à
/// Gorgadji", "four in Mellit").
const TOLL_REACH: usize = 4;

/// The fatalities of each place of a list the trigger governs: the toll
/// the sentence gives next to that place named again ("killing 11 in
/// Kabkabiya and four in Mellit"); without such tolls, the sentence's
/// figure goes to the first place only (a total is not each place's).
pub fn fatalities_by_place(
    ann: &Annotation,
    lex: &Lexicon,
    t: &Tagged<usize>,
    places: &[Tagged<PlaceFound>],
) -> Vec<(Option<u32>, Option<Span>)> {
    let counts = killed_counts(ann, lex, t.sentence);
    let Some(folded) = ann.folded.get(t.sentence) else {
        return vec![(None, None); places.len()];
    };
    // Where else the sentence writes each place's name (its tokens again,
    // whether or not recognised as a place the second time).
    let again = |p: &Tagged<PlaceFound>| -> Vec<(usize, usize)> {
        let words: Vec<&str> = (p.first..=p.last).map(|k| folded.token_text(k)).collect();
        let n = words.len();
        (0..folded.tokens.len().saturating_sub(n - 1))
            .filter(|&k| k != p.first)
            .filter(|&k| (0..n).all(|j| folded.token_text(k + j) == words[j]))
            .map(|k| (k, k + n - 1))
            .collect()
    };
    let own: Vec<(Option<u32>, Option<Span>)> = places
        .iter()
        .map(|p| {
            again(p)
                .into_iter()
                .flat_map(|(qf, ql)| {
                    counts.iter().filter_map(move |n| {
                        // "onze morts à Gorgadji" before the place; "in
                        // Gorgadji, 11 dead" right after it.
                        let gap = if n.last < qf && qf - n.last <= TOLL_REACH {
                            qf - n.last
                        } else if n.first > ql && n.first - ql <= 2 {
                            TOLL_REACH + n.first - ql
                        } else {
                            return None;
                        };
                        Some((gap, *n))
                    })
                })
                .min_by_key(|(gap, _)| *gap)
                .map_or((None, None), |(_, n)| figure(n))
        })
        .collect();
    if own.iter().any(|f| f.0.is_some()) {
        return own;
    }
    let total = fatalities_for(ann, lex, t);
    (0..places.len())
        .map(|i| if i == 0 { total } else { (None, None) })
        .collect()
}

/// Claimants whose scope covers the trigger.
pub fn claims_for(ann: &Annotation, t: &Tagged<usize>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in &ann.claims {
        if c.value.scope.contains(t.span) || c.sentence == t.sentence {
            for name in c.value.via.iter().chain(std::iter::once(&c.value.claimant)) {
                if !out.contains(name) {
                    out.push(name.clone());
                }
            }
        }
    }
    out
}

/// The area said to be taken in the trigger's sentence, in km².
pub fn territory_for(ann: &Annotation, t: &Tagged<usize>) -> Option<f64> {
    ann.numbers
        .iter()
        .filter(|n| n.sentence == t.sentence && n.value.counts == Some(vigie_core::Counted::Km2))
        .map(|n| n.value.value)
        .next()
}
