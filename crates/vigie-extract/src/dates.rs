//! When an event happened: the date of its sentence, else of its
//! paragraph, else the publication date.

use crate::places::in_dateline;
use vigie_annotate::{Annotation, Tagged};
use vigie_core::{FuzzyDate, Precision, Span};

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

/// The trigger's date: the nearest date of its sentence that is not a
/// "depuis" span, else the last of its paragraph before it, else the
/// publication date (week precision when it is known to the day).
pub fn date_for(
    ann: &Annotation,
    t: &Tagged<usize>,
    published: Option<FuzzyDate>,
) -> Option<(FuzzyDate, DateFrom)> {
    let usable = |d: &&Tagged<vigie_core::DateMention>| {
        (d.value.end.is_none() || d.value.precision == Precision::Day) && !in_dateline(ann, d.span)
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
