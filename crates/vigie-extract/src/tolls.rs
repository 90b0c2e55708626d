//! Tolls told outside the trigger's sentence: in the sentence right after
//! the event ("Militants attacked a checkpoint near Bannu. Four policemen
//! and two of the attackers were killed.") and in the headline ("Five
//! soldiers killed in roadside blast", the body telling the blast).

use crate::candidates::Draft;
use crate::figures::sentence_toll;
use crate::merging::near;
use crate::Context;
use vigie_annotate::{PlaceFound, Tagged};
use vigie_core::{DateMention, EventType, FuzzyDate, Span, SubEventType};

/// Words from a count to the place it is given for ("Three civilians
/// were killed in Sebba": five; "a 61-year-old man was killed in
/// Marhanets": eight).
const PLACE_AFTER_TOLL: usize = 10;

/// Gives each sentence's own toll to the event told just before it, when
/// the sentence tells no event of its own (only an ambiguous verb:
/// "were killed") and says nothing that sets it apart (another day,
/// another place). The sentence follows the event's in the same
/// paragraph, or opens the next one. Its ambiguous drafts are that
/// event's toll, not another event: they are dropped.
pub(crate) fn next_sentence_tolls(cx: &Context, drafts: &mut Vec<Draft>) {
    let ann = cx.ann;
    let block = |s: usize| ann.sentences.get(s).map(|x| x.block);
    let mut drop_weak: Vec<usize> = Vec::new();
    for s in 1..ann.sentences.len() {
        if cx.discourse.is_heading(s) || list_item(cx, s) {
            continue;
        }
        // The sentence's own events, but for what the raid also did
        // ("as the attackers set fire to houses").
        if drafts.iter().any(|d| {
            d.sentence == s && !d.weak && d.sub != SubEventType::LootingPropertyDestruction
        }) {
            continue;
        }
        let (Some(toll), span) = sentence_toll(ann, cx.lex, s) else {
            continue;
        };
        // The event told last before it.
        let Some(prev) = drafts
            .iter()
            .filter(|d| d.sentence < s && !d.weak && !d.headline)
            .map(|d| d.sentence)
            .max()
        else {
            continue;
        };
        let adjacent = prev + 1 == s
            && (block(prev) == block(s)
                || block(s).zip(block(prev)).is_some_and(|(a, b)| a == b + 1));
        if !adjacent {
            continue;
        }
        // Another day or another place: another event.
        let dates: Vec<_> = ann.dates.iter().filter(|d| d.sentence == s).collect();
        let places: Vec<_> = ann
            .places
            .iter()
            .filter(|p| p.sentence == s && p.value.role.is_none())
            .collect();
        // A list of places ("pounded Nikopol, Marhanets and ..."): the toll
        // goes only to the place it is given for ("A man was killed in
        // Marhanets"), with that count.
        let listed = drafts
            .iter()
            .filter(|d| d.sentence == prev && !d.weak)
            .count()
            > 1
            && drafts.iter().any(|d| d.sentence == prev && d.listed);
        let own: Vec<(&vigie_core::PlaceMention, u32, vigie_core::Span)> = if listed {
            crate::figures::killed_counts(ann, cx.lex, s)
                .into_iter()
                .filter_map(|n| {
                    // The first place after the count, before any other
                    // number ("A 61-year-old man was killed in Marhanets,
                    // while two women were wounded in Nikopol").
                    let p = places.iter().find(|p| {
                        p.first > n.last
                            && p.first - n.last <= PLACE_AFTER_TOLL
                            && !ann.numbers.iter().any(|m| {
                                m.sentence == s
                                    && m.first > n.last
                                    && m.first < p.first
                                    && m.value.counts != Some(vigie_core::Counted::Age)
                            })
                    })?;
                    let (f, _) = crate::figures::figure(n);
                    Some((&p.value.mention, f?, n.span))
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut given = false;
        for d in drafts.iter_mut().filter(|d| d.sentence == prev && !d.weak) {
            if d.fatalities.is_some() {
                continue;
            }
            if listed {
                if let Some(&(_, f, sp)) =
                    own.iter().find(|(p, _, _)| near(p, &d.place.value.mention))
                {
                    d.fatalities = Some(f);
                    d.fatalities_span = Some(sp);
                    given = true;
                }
                continue;
            }
            let other_day = dates.iter().any(|m| {
                let f = vigie_core::FuzzyDate::new(m.value.value, m.value.precision);
                !f.compatible(&d.date)
            });
            let other_place = !places.is_empty()
                && !places
                    .iter()
                    .any(|p| near(&p.value.mention, &d.place.value.mention));
            if other_day || other_place {
                continue;
            }
            d.fatalities = Some(toll);
            d.fatalities_span = span;
            given = true;
        }
        if !given && !listed {
            given = place_in_turn(cx, drafts, prev, s, toll, span, &dates, &places);
        }
        if given {
            drop_weak.push(s);
        }
    }
    drafts.retain(|d| !(d.weak && drop_weak.contains(&d.sentence)));
}

/// The headline's toll goes to the body's event that has none: the toll
/// of a headline draft to the body's first draft of its kind; when no
/// headline draft carries one (its verb alone, "killed", tells no
/// event), the headline sentence's toll to the first event of the lead
/// paragraph.
pub(crate) fn headline_toll(cx: &Context, drafts: &mut [Draft]) {
    let ann = cx.ann;
    let Some(h) = cx.discourse.headline else {
        return;
    };
    if drafts.iter().any(|d| d.headline && d.fatalities.is_some()) {
        headline_draft_tolls(drafts);
        return;
    }
    let (Some(toll), span) = sentence_toll(ann, cx.lex, h) else {
        return;
    };
    // The lead: the first paragraph after the headline with an event.
    let Some(first) = drafts
        .iter()
        .filter(|d| !d.headline && !d.weak)
        .map(|d| d.sentence)
        .min()
    else {
        return;
    };
    let lead = ann.sentences.get(first).map(|x| x.block);
    let first_prose = (h + 1..ann.sentences.len()).find(|&s| !cx.discourse.is_heading(s));
    let lead_is_first = first_prose
        .and_then(|s| ann.sentences.get(s))
        .map(|x| x.block)
        == lead;
    if !lead_is_first {
        return;
    }
    if let Some(d) = drafts
        .iter_mut()
        .filter(|d| !d.headline && !d.weak && d.sentence == first)
        .find(|d| d.fatalities.is_none())
    {
        d.fatalities = Some(toll);
        d.fatalities_span = span;
    }
}

/// A raid or a bombardment told place by place ("Gunmen raided villages
/// on Sunday. In Anka, seven people were shot dead."): a sentence whose
/// only news is a toll at a place of its own, right after an act of
/// violence elsewhere, is that act at this place. The new event takes the
/// act's kind, sides and day (the sentence must name no other day), and
/// the sentence's toll.
#[allow(clippy::too_many_arguments)]
fn place_in_turn(
    cx: &Context,
    drafts: &mut Vec<Draft>,
    prev: usize,
    s: usize,
    toll: u32,
    span: Option<Span>,
    dates: &[&Tagged<DateMention>],
    places: &[&Tagged<PlaceFound>],
) -> bool {
    let violent = |d: &Draft| {
        !d.weak
            && !d.headline
            && (d.sub == SubEventType::ArmedClash
                || matches!(
                    d.sub.event_type(),
                    EventType::ViolenceAgainstCivilians | EventType::ExplosionsRemoteViolence
                ))
    };
    let Some(source) = drafts
        .iter()
        .find(|d| d.sentence == prev && violent(d))
        .cloned()
    else {
        return false;
    };
    let same_day = dates
        .iter()
        .all(|m| FuzzyDate::new(m.value.value, m.value.precision).compatible(&source.date));
    // The place the sentence is about: its first, unless it is where an
    // event of the source's sentence already is.
    let Some(place) = places.first() else {
        return false;
    };
    let elsewhere = !drafts
        .iter()
        .filter(|d| d.sentence == prev)
        .any(|d| near(&place.value.mention, &d.place.value.mention));
    // The sentence's only news is the toll: no word of its own tells an
    // act, but for an ambiguous verb ("were killed", "ont abattu") and
    // what the raid also did ("set fire to houses"). "Attack on a camp in
    // Djugu: nine killed" is an act of its own, whoever did it.
    // (Triggers that made a draft were weighed by the caller.)
    let no_act = cx
        .ann
        .triggers
        .iter()
        .filter(|t| t.sentence == s && !drafts.iter().any(|d| d.trigger == t.span))
        .all(|t| cx.lex.triggers.rule(t.value).is_some_and(|r| r.doer_named));
    if !same_day || !elsewhere || !no_act {
        return false;
    }
    let Some(sentence) = cx.ann.sentences.get(s) else {
        return false;
    };
    let mut d = source;
    // The dead of a raid that carried people off are its killings.
    if d.sub.event_type() == EventType::ViolenceAgainstCivilians {
        d.sub = SubEventType::Attack;
    }
    d.sentence = s;
    d.place = (*place).clone();
    d.place_in_sentence = true;
    d.place_after = false;
    d.listed = false;
    d.fatalities = Some(toll);
    d.fatalities_span = span;
    d.trigger = span.unwrap_or(sentence.span);
    d.evidence = sentence.span;
    d.rule = format!("{} (place in turn)", d.rule);
    drafts.push(d);
    true
}

/// Whether a sentence opens an item of a list ("- Attack on a camp in
/// Djugu: nine killed"): each item tells its own incident, not the
/// previous one's.
fn list_item(cx: &Context, s: usize) -> bool {
    cx.ann
        .sentences
        .get(s)
        .and_then(|x| x.span.slice(&cx.article.text))
        .and_then(|t| t.trim_start().chars().next())
        .is_some_and(|c| {
            matches!(
                c,
                '-' | '\u{2013}' | '\u{2014}' | '\u{2022}' | '*' | '\u{25aa}'
            )
        })
}

/// The toll a headline gives ("Five dead in a strike on Zaporizhzhia")
/// is the toll of the event its body tells, when the body gives none: it
/// goes to the first body draft of the same sub-event (else of the same
/// event type) in the headline's country that has no toll of its own.
fn headline_draft_tolls(drafts: &mut [Draft]) {
    let tolls: Vec<(SubEventType, Option<String>, u32, Option<Span>)> = drafts
        .iter()
        .filter(|d| d.headline)
        .filter_map(|d| {
            d.fatalities.map(|f| {
                (
                    d.sub,
                    d.place.value.mention.country.clone(),
                    f,
                    d.fatalities_span,
                )
            })
        })
        .collect();
    for (sub, country, toll, span) in tolls {
        let open = |d: &Draft| {
            !d.headline
                && !d.weak
                && d.fatalities.is_none()
                && (country.is_none()
                    || d.place.value.mention.country.is_none()
                    || d.place.value.mention.country == country)
        };
        let target = drafts
            .iter()
            .position(|d| open(d) && d.sub == sub)
            .or_else(|| {
                drafts
                    .iter()
                    .position(|d| open(d) && d.sub.event_type() == sub.event_type())
            });
        if let Some(i) = target {
            drafts[i].fatalities = Some(toll);
            drafts[i].fatalities_span = span;
        }
    }
}
