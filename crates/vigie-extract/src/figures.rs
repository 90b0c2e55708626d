//! The figures of an event: fatalities (the killed count nearest the
//! trigger, cumulative tolls excluded), territory in km² and who claims
//! them.

use vigie_annotate::{Annotation, Tagged};
use vigie_core::{Hedge, Span};
use vigie_lexicon::{FilterCue, Lexicon};

/// The killed count of the trigger's sentence nearest to it (cumulative
/// tolls excluded), as ACLED's conservative figure.
pub fn fatalities_for(
    ann: &Annotation,
    lex: &Lexicon,
    t: &Tagged<usize>,
) -> (Option<u32>, Option<Span>) {
    let cumulative: Vec<(usize, usize)> = ann
        .folded
        .get(t.sentence)
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
    let best = ann
        .numbers
        .iter()
        .filter(|n| n.sentence == t.sentence && n.value.counts == Some(vigie_core::Counted::Killed))
        .filter(|n| n.value.hedge != Hedge::AtMost && n.value.value < 100_000.0)
        .filter(|n| {
            !cumulative.iter().any(|&(a, b)| {
                (a as i64 - n.last as i64).abs() <= 6 || (b as i64 - n.first as i64).abs() <= 6
            })
        })
        .min_by_key(|n| (n.first as i64 - t.first as i64).unsigned_abs());
    match best {
        Some(n) => {
            let v = if n.value.hedge == Hedge::Range {
                n.value.low
            } else {
                n.value.value
            };
            (Some(v.round() as u32), Some(n.span))
        }
        None => (None, None),
    }
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
