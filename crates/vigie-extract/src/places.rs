//! Where an event happened: the places its trigger governs in the
//! sentence (a list gives one event each), else the place the paragraph
//! or the article is about; places that stand for something else (a
//! capital for its government, a dateline) are not event places.

use crate::roles;
use vigie_annotate::{Annotation, PlaceFound, Tagged};
use vigie_core::Span;
use vigie_lexicon::{Frame, Lexicon, PlaceWord};

/// The places a trigger governs: the nearest after it in the sentence
/// (with any list joined to it), else the nearest before.
pub fn places_for(
    ann: &Annotation,
    lex: &Lexicon,
    t: &Tagged<usize>,
    frame: Frame,
) -> Vec<Tagged<PlaceFound>> {
    let in_sentence: Vec<&Tagged<PlaceFound>> = ann
        .places
        .iter()
        .filter(|p| p.sentence == t.sentence && !in_dateline(ann, p.span) && event_place(ann, p))
        .collect();
    if in_sentence.is_empty() {
        return Vec::new();
    }
    let precise = |p: &&Tagged<PlaceFound>| p.value.mention.geo_precision < 3;
    let any_precise = in_sentence.iter().any(precise);
    let usable: Vec<&Tagged<PlaceFound>> = in_sentence
        .into_iter()
        .filter(|p| !any_precise || precise(p))
        .collect();
    let folded = ann.folded.get(t.sentence);
    // Only list words between two places: commas and the joiners of
    // `places.toml` ("et", "and", "de", "the").
    let joiners: Vec<usize> = folded
        .map(|f| {
            lex.cues
                .places
                .find_all(f)
                .into_iter()
                .filter(|m| {
                    m.first == m.last
                        && lex
                            .cues
                            .places
                            .payloads(m.pattern)
                            .any(|w| *w == PlaceWord::Joiner)
                })
                .map(|m| m.first)
                .collect()
        })
        .unwrap_or_default();
    let joiner = |a: usize, b: usize| -> bool {
        folded.is_some_and(|f| (a..b).all(|k| f.token_text(k) == "," || joiners.contains(&k)))
    };
    // Places after the trigger in its own clause: not in a relative
    // clause that follows it ("chassés de la ville, qui ... de Bagdad").
    // A relative right after a noun trigger describes the event itself
    // ("les affrontements qui ont eu lieu à X").
    // The relative clause runs to the next comma ("des civils qui
    // fuyaient, à 20 km de X": X places the event again).
    let relative = folded.and_then(|f| {
        let start = (t.last + 2..f.tokens.len()).find(|&k| roles::is_relative(f.token_text(k)))?;
        let end = (start..f.tokens.len())
            .find(|&k| f.token_text(k) == ",")
            .unwrap_or(f.tokens.len());
        Some((start, end))
    });
    let after: Vec<&&Tagged<PlaceFound>> = usable
        .iter()
        .filter(|p| p.first > t.last && relative.is_none_or(|(a, b)| p.first < a || p.first > b))
        // The object of a change of territory follows its verb closely
        // ("seized the strategic town of X"), not "seized four rifles in a
        // raid on a hideout near X".
        .filter(|p| !matches!(frame, Frame::Capture) || p.first - t.last <= 7)
        .collect();
    let before: Vec<&&Tagged<PlaceFound>> = usable.iter().filter(|p| p.last < t.first).collect();
    let passive_subject_first =
        matches!(frame, Frame::Capture) && before.last().is_some_and(|p| t.first - p.last <= 6);
    // A change of territory is about the place after its verb, or its
    // passive subject just before it; a place far before it is the scene
    // of something else ("Damas cherchait désormais à reprendre ...").
    let before_ok = !matches!(frame, Frame::Capture | Frame::Expel) || passive_subject_first;
    let start: Option<&Tagged<PlaceFound>> = if passive_subject_first && after.is_empty() {
        before.last().map(|p| **p)
    } else {
        after
            .first()
            .map(|p| **p)
            .or_else(|| before.last().filter(|_| before_ok).map(|p| **p))
    };
    let Some(start) = start else {
        return Vec::new();
    };
    let mut list = vec![start.clone()];
    // Extend forwards and backwards over a list.
    let idx = usable
        .iter()
        .position(|p| p.span == start.span)
        .unwrap_or(0);
    let mut k = idx;
    while k + 1 < usable.len() && joiner(usable[k].last + 1, usable[k + 1].first) {
        k += 1;
        list.push(usable[k].clone());
    }
    let mut k = idx;
    while k > 0 && joiner(usable[k - 1].last + 1, usable[k].first) && usable[k - 1].last < t.first {
        k -= 1;
        list.insert(0, usable[k].clone());
    }
    list
}

/// A foreign capital named without a place preposition stands for its
/// government ("appuyées par Washington", "Ankara launched its offensive").
pub fn metonym(ann: &Annotation, p: &Tagged<PlaceFound>) -> bool {
    let m = &p.value.mention;
    p.value.cue.is_none()
        && m.feature.as_deref() == Some("PPLC")
        && ann.focus.is_some()
        && m.country != ann.focus
}

/// Whether a mention lies in the article's dateline.
pub fn in_dateline(ann: &Annotation, span: Span) -> bool {
    ann.dateline.is_some_and(|d| d.contains(span))
}

/// Words after the trigger (determiners and adjectives) within which a
/// facility noun is its object ("seized the main government complex").
const FACILITY_REACH: usize = 5;

/// Whether a trigger's sentence refers to a place without naming it: an
/// anaphor anywhere ("la ville", "the city's centre"), or a facility noun
/// as the trigger's object ("ont pris le contrôle de l'aéroport", "seized
/// the main barracks") or as its passive subject just before it.
pub fn refers_to_place(ann: &Annotation, lex: &Lexicon, t: &Tagged<usize>) -> bool {
    let Some(f) = ann.folded.get(t.sentence) else {
        return false;
    };
    lex.cues.places.find_all(f).iter().any(|m| {
        lex.cues.places.payloads(m.pattern).any(|w| match w {
            PlaceWord::Anaphor => true,
            PlaceWord::Facility => {
                (m.first > t.last && m.first - t.last <= FACILITY_REACH)
                    || (m.last < t.first && t.first - m.last <= 3)
            }
            _ => false,
        })
    })
}

/// Whether a place can be where an event happened: not a capital standing
/// for its government, not an origin, venue, sponsor or caption.
pub fn event_place(ann: &Annotation, p: &Tagged<PlaceFound>) -> bool {
    p.value.role.is_none() && !metonym(ann, p)
}
