//! When an event happened: the date of its sentence, else of its
//! paragraph, else the publication date.

use crate::places::in_dateline;
use vigie_annotate::{Annotation, Tagged};
use vigie_core::{FuzzyDate, Precision, Span};
use vigie_lexicon::{FilterCue, Lexicon};

/// Where an event's date came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DateFrom {
    /// A date of the trigger's own sentence.
    Sentence(Span),
    /// The last date of its paragraph before it.
    Paragraph,
    /// The publication date (or what the text says of it).
    Publication,
}

impl DateFrom {
    pub fn span(self) -> Option<Span> {
        match self {
            DateFrom::Sentence(s) => Some(s),
            _ => None,
        }
    }
}

/// The first "since" cue after the trigger in its sentence (token).
fn since_after(ann: &Annotation, lex: &Lexicon, t: &Tagged<usize>) -> Option<usize> {
    let f = ann.folded.get(t.sentence)?;
    let filters = lex.triggers.filters();
    filters
        .find_all(f)
        .into_iter()
        .filter(|m| m.first > t.last && filters.payload(m.pattern) == Some(&FilterCue::Since))
        .map(|m| m.first)
        .min()
}

/// The date a trigger runs "since" ("has killed thousands since early
/// 2020"), if its sentence gives one after it.
pub fn since_date(ann: &Annotation, lex: &Lexicon, t: &Tagged<usize>) -> Option<FuzzyDate> {
    let k = since_after(ann, lex, t)?;
    ann.dates
        .iter()
        .filter(|d| d.sentence == t.sentence && d.first > k && d.first <= k + 4)
        .map(|d| FuzzyDate::new(d.value.value, d.value.precision))
        .next()
}

/// The trigger's date: the nearest date of its sentence that is not a
/// "depuis" span, else the last of its paragraph before it, else the
/// publication date (week precision when it is known to the day).
pub fn date_for(
    ann: &Annotation,
    lex: &Lexicon,
    t: &Tagged<usize>,
    published: Option<FuzzyDate>,
) -> Option<(FuzzyDate, DateFrom)> {
    // "... on Tuesday, in the heaviest raids since a truce collapsed in
    // August 2018": a date after a "since" that follows the trigger dates
    // the reference point, not the event.
    let since_after = since_after(ann, lex, t);
    let usable = |d: &&Tagged<vigie_core::DateMention>| {
        (d.value.end.is_none() || d.value.precision == Precision::Day)
            && !in_dateline(ann, d.span)
            && !(d.sentence == t.sentence && since_after.is_some_and(|k| d.first > k))
    };
    let dist = |d: &Tagged<vigie_core::DateMention>| {
        if d.last < t.first {
            t.first - d.last
        } else {
            d.first.saturating_sub(t.last)
        }
    };
    let in_sentence = ann
        .dates
        .iter()
        .filter(|d| d.sentence == t.sentence)
        .filter(usable)
        .min_by_key(|d| dist(d));
    if let Some(d) = in_sentence {
        return Some((
            FuzzyDate::new(d.value.value, d.value.precision),
            DateFrom::Sentence(d.span),
        ));
    }
    // A wire lead without a time word reports the day it was filed:
    // "BAMAKO, 12 août (Reuters) - La police a dispersé ...".
    let lead_day = ann
        .dates
        .iter()
        .filter(|d| d.sentence == t.sentence && in_dateline(ann, d.span))
        .find(|d| d.value.precision == Precision::Day);
    if let Some(d) = lead_day {
        return Some((
            FuzzyDate::new(d.value.value, d.value.precision),
            DateFrom::Sentence(d.span),
        ));
    }
    let block = ann.sentences.get(t.sentence).map(|s| s.block);
    let in_paragraph = ann
        .dates
        .iter()
        .filter(|d| {
            d.sentence < t.sentence && ann.sentences.get(d.sentence).map(|s| s.block) == block
        })
        .filter(usable)
        .filter(|d| {
            d.value.precision <= Precision::Week
                || (d.value.precision == Precision::Year && d.value.relative)
        })
        .max_by_key(|d| d.span.start);
    if let Some(d) = in_paragraph {
        return Some((
            FuzzyDate::new(d.value.value, d.value.precision),
            DateFrom::Paragraph,
        ));
    }
    let p = published?;
    Some(match p.precision {
        Precision::Day => (
            FuzzyDate::new(p.date, Precision::Week),
            DateFrom::Publication,
        ),
        _ => (p, DateFrom::Publication),
    })
}
