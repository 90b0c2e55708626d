//! Event extraction: from an article's annotations to ACLED event records.
//!
//! For every trigger (a phrase of `triggers.toml` mapped to a sub-event
//! type and an argument frame) the extractor checks the filters (future,
//! negation, cumulative tolls, history), attaches actors by frame and role
//! cues ([`roles`]), the place governed by the trigger, the sentence's date
//! (else the paragraph's, else the publication date), the fatalities
//! counted as killed in the sentence, the claimants whose scope covers it;
//! splits lists of places into one event each, merges the sentences of one
//! article that report the same event, and writes evidence, notes and a
//! confidence. Every decision is recorded for `vigie eval --diff`.
//!
//! Architecture invariant: a pure function of the article, its annotation
//! and the lexicon; never panics on input.

pub mod notes;
pub mod roles;

use std::collections::BTreeMap;
use vigie_annotate::{Annotation, Tagged};
use vigie_core::taxonomy::inter;
use vigie_core::{
    ActorMention, Article, Event, FuzzyDate, Hedge, Precision, Provenance, Span, SubEventType,
};
use vigie_lexicon::{FilterCue, Frame, Lexicon, TriggerSubEvent};

/// What happened to one trigger.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub rule: String,
    pub span: Span,
    /// `None` when it made an event; else why not.
    pub rejected: Option<String>,
}

/// The events of one article and the decisions behind them.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub events: Vec<Event>,
    pub decisions: Vec<Decision>,
}

/// Weights of the confidence score (see `extract`).
struct ConfidenceWeights {
    base: f32,
    actor_named: f32,
    actor_from_context: f32,
    place_in_sentence: f32,
    place_from_context: f32,
    date_in_sentence: f32,
    /// Each further sentence reporting the same event.
    corroborated: f32,
}

const CONFIDENCE: ConfidenceWeights = ConfidenceWeights {
    base: 0.5,
    actor_named: 0.2,
    actor_from_context: -0.05,
    place_in_sentence: 0.15,
    place_from_context: -0.35,
    date_in_sentence: 0.05,
    corroborated: 0.05,
};

/// Days before publication beyond which a dated event is background.
const NEWS_WINDOW_DAYS: i64 = 60;

struct Draft {
    sentence: usize,
    sub: SubEventType,
    rule: String,
    trigger: Span,
    actor1: ActorMention,
    actor1_span: Option<Span>,
    actor2: Option<ActorMention>,
    actor2_span: Option<Span>,
    assoc1: Vec<String>,
    assoc2: Vec<String>,
    place: Tagged<vigie_annotate::PlaceFound>,
    place_in_sentence: bool,
    date: FuzzyDate,
    date_span: Option<Span>,
    fatalities: Option<u32>,
    fatalities_span: Option<Span>,
    territory: Option<f64>,
    claimed_by: Vec<String>,
    evidence: Span,
    confidence: f32,
    /// How reliably the frame assigns roles (2: directed frames like
    /// repel, capture, strike; 1: symmetric clashes).
    strength: u8,
    /// The place follows the trigger in its sentence (not before it, not
    /// from the context).
    place_after: bool,
}

/// Extracts the events of one annotated article.
pub fn extract(article: &Article, ann: &Annotation, lex: &Lexicon) -> Extraction {
    let mut out = Extraction::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut last_actors: Option<(ActorMention, Option<ActorMention>)> = None;
    // Roles of every trigger that passes the language and context
    // filters, attached once: the loop below and the doers of repeated
    // mentions both use them.
    let attached: Vec<Result<roles::Roles, String>> = ann
        .triggers
        .iter()
        .map(|t| screen(article, ann, lex, t))
        .collect();
    let named = named_doers(ann, lex, &attached);
    for (t, screened) in ann.triggers.iter().zip(&attached) {
        let Some(rule) = lex.triggers.rule(t.value) else {
            continue;
        };
        let mut decide = |rejected: Option<String>| {
            out.decisions.push(Decision {
                rule: rule.id.clone(),
                span: t.span,
                rejected,
            })
        };
        let r = match screened {
            Ok(r) => r,
            Err(why) => {
                decide(Some(why.clone()));
                continue;
            }
        };
        // "in March" is a date, not a march.
        if ann.dates.iter().any(|d| d.span.contains(t.span)) {
            decide(Some("the trigger word is part of a date".into()));
            continue;
        }
        if rule.frame == Frame::Clash && campaign_toll(ann, t) {
            decide(Some(format!(
                "toll of a whole campaign: {CAMPAIGN_TOLL}+ killed, no date or place in the sentence"
            )));
            continue;
        }
        let sentence = t.sentence;
        // Actors: from the sentence, else carried over from the last event.
        let focus = ann.focus.as_deref();
        let country_actor = |template: &str| -> Option<ActorMention> {
            let c = focus?;
            let a = lex.actors.generated(template, c)?;
            Some(ActorMention {
                canonical: a.name.clone(),
                inter: a.inter,
                country: Some(c.to_string()),
                generic: Some("country".into()),
            })
        };
        let (mut actor1, mut actor1_span) = (
            r.actor1.as_ref().map(|a| a.value.clone()),
            r.actor1.as_ref().map(|a| a.span),
        );
        let (mut actor2, mut actor2_span) = (
            r.actor2.as_ref().map(|a| a.value.clone()),
            r.actor2.as_ref().map(|a| a.span),
        );
        let mut from_context = false;
        let mut sub_override: Option<SubEventType> = None;
        let mut assoc1: Vec<String> = r.assoc1.iter().map(|a| a.value.canonical.clone()).collect();
        let assoc2: Vec<String> = r.assoc2.iter().map(|a| a.value.canonical.clone()).collect();
        match rule.frame {
            Frame::Protest | Frame::Disperse => {
                // The protesters of the country act; police intervene; a
                // named organising group marches with them.
                let police = actor1.clone().filter(|a| a.inter == inter::STATE_FORCES);
                let organiser = actor1
                    .clone()
                    .filter(|a| a.inter != inter::STATE_FORCES && a.inter != inter::PROTESTERS);
                actor1 = country_actor("Protesters ({name_en})");
                actor1_span = None;
                if rule.frame == Frame::Disperse {
                    actor2 = police.or_else(|| country_actor("Police Forces of {name_en}"));
                    actor2_span = None;
                }
                if let Some(o) = organiser {
                    push_unique(&mut assoc1, &o.canonical);
                }
            }
            // Burning and looting by an armed group is property
            // destruction, not a riot.
            Frame::Riot
                if actor1
                    .as_ref()
                    .is_some_and(|a| matches!(a.inter, 1..=3 | 8) && actor1_span.is_some()) =>
            {
                sub_override = Some(SubEventType::LootingPropertyDestruction);
                if actor2.is_none() {
                    actor2 = country_actor("Civilians ({name_en})");
                    actor2_span = None;
                }
            }
            Frame::Riot if actor1.as_ref().is_none_or(|a| a.inter != inter::RIOTERS) => {
                actor1 = country_actor("Rioters ({name_en})");
                actor1_span = None;
            }
            _ => {}
        }
        // Strikes without a named actor: "a Russian Federation missile",
        // "une frappe turque": the state forces of the country named just
        // before the trigger.
        if actor1.is_none() && matches!(rule.frame, Frame::Strike) {
            actor1 = ann
                .countries
                .iter()
                .filter(|c| c.sentence == t.sentence && c.last < t.first && t.first - c.last <= 6)
                .max_by_key(|c| c.last)
                .and_then(|c| {
                    lex.actors
                        .generated("Military Forces of {name_en}", &c.value)
                })
                .map(|a| ActorMention {
                    canonical: a.name.clone(),
                    inter: a.inter,
                    country: a.countries.first().cloned(),
                    generic: Some("country".into()),
                });
        }
        // An event named again without its doer ("l'attaque chimique
        // contre la ville" after "l'attaque chimique attribuée au régime"):
        // the doer the nearest mention of the same kind names.
        if actor1.is_none()
            && matches!(
                rule.frame,
                Frame::Strike | Frame::Explode | Frame::Kill | Frame::Abduct | Frame::Attack
            )
        {
            if let TriggerSubEvent::Fixed(sub) = rule.sub_event {
                if let Some(n) = named
                    .iter()
                    .filter(|n| n.sub == sub && n.sentence != t.sentence)
                    .min_by_key(|n| (n.sentence.abs_diff(t.sentence), n.sentence > t.sentence))
                {
                    actor1 = Some(n.actor1.clone());
                    if actor2.is_none() {
                        actor2.clone_from(&n.actor2);
                        actor2_span = None;
                    }
                    from_context = true;
                }
            }
        }
        // Bombings and attacks on civilians whose perpetrator the sentence
        // does not name: the armed group the paragraph or the article names
        // ("il porte la marque de Boko Haram"), else an unidentified one.
        if actor1.is_none()
            && matches!(
                rule.frame,
                Frame::Explode | Frame::Kill | Frame::Abduct | Frame::Attack
            )
        {
            let block = ann.sentences.get(t.sentence).map(|s| s.block);
            actor1 = ann
                .actors
                .iter()
                .filter(|a| matches!(a.value.inter, 2..=4) && a.value.generic.is_none())
                .min_by_key(|a| {
                    let same_block = ann.sentences.get(a.sentence).map(|s| s.block) == block;
                    (!same_block, a.span.gap(t.span))
                })
                .map(|a| a.value.clone())
                .or_else(|| {
                    let country = ann.focus.as_deref().and_then(|c| lex.countries.get(c))?;
                    Some(ActorMention {
                        canonical: format!("Unidentified Armed Group ({})", country.name_en),
                        inter: inter::POLITICAL_MILITIAS,
                        country: Some(country.iso2.clone()),
                        generic: Some("unidentified".into()),
                    })
                });
            from_context = true;
        }
        // Strikes whose sentence names no striker ("l'attaque au missile
        // sur la gare"): the armed force the paragraph, else the article,
        // names nearest to it ("les troupes d'occupation russes").
        if actor1.is_none() && rule.frame == Frame::Strike {
            let block = ann.sentences.get(t.sentence).map(|s| s.block);
            actor1 = ann
                .actors
                .iter()
                .filter(|a| matches!(a.value.inter, 1..=3 | 8))
                .min_by_key(|a| {
                    let same_block = ann.sentences.get(a.sentence).map(|s| s.block) == block;
                    (!same_block, a.value.generic.is_some(), a.span.gap(t.span))
                })
                .map(|a| a.value.clone());
            // Nobody named at all: ACLED's unidentified military forces.
            if actor1.is_none() {
                actor1 = Some(ActorMention {
                    canonical: "Unidentified Military Forces".into(),
                    inter: inter::EXTERNAL,
                    country: None,
                    generic: Some("unidentified".into()),
                });
            }
            from_context = true;
        }
        // Civilians named in a strike's sentence are its target.
        if actor2.is_none() && rule.frame == Frame::Strike {
            if let Some(c) = ann
                .actors
                .iter()
                .find(|a| a.sentence == t.sentence && a.value.inter == inter::CIVILIANS)
            {
                actor2 = Some(c.value.clone());
                actor2_span = Some(c.span);
            }
        }
        if actor1.is_none() {
            if let Some((a1, a2)) = &last_actors {
                // The side of the last event that is not this one's target.
                let is_target = actor2.as_ref().is_some_and(|x| x.canonical == a1.canonical);
                if is_target {
                    actor1 = a2.clone();
                } else {
                    actor1 = Some(a1.clone());
                    if actor2.is_none() {
                        actor2 = a2.clone();
                    }
                }
                from_context = actor1.is_some();
            }
        }
        // A place taken from a named side by an unnamed one ("we freed the
        // town from the YPG"): the armed actor the article names most.
        if actor1.is_none() && matches!(rule.frame, Frame::Capture | Frame::Expel | Frame::Clash) {
            if let Some(target) = &actor2 {
                actor1 = most_named_other(ann, &target.canonical);
                from_context = actor1.is_some();
            }
        }
        // A change of territory without a named loser: the other side of
        // the article's last event ("the city" was taken from them).
        if actor2.is_none() && matches!(rule.frame, Frame::Capture | Frame::Expel) {
            if let (Some(a1), Some((l1, l2))) = (&actor1, &last_actors) {
                actor2 = if l1.canonical != a1.canonical {
                    Some(l1.clone())
                } else {
                    l2.clone()
                };
                actor2_span = None;
            }
        }
        if matches!(
            rule.frame,
            Frame::Explode | Frame::Kill | Frame::Abduct | Frame::Loot
        ) && actor2.is_none()
        {
            actor2 = country_actor("Civilians ({name_en})");
            actor2_span = None;
        }
        let Some(actor1v) = actor1 else {
            decide(Some("no actor found for the trigger".into()));
            continue;
        };
        // The other side is never actor1 itself, nor the state forces of
        // actor1's own state ("postes de police" taken by the army).
        let same_side = |a: &ActorMention| {
            a.canonical == actor1v.canonical
                || (a.inter == inter::STATE_FORCES
                    && actor1v.inter == inter::STATE_FORCES
                    && a.country.is_some()
                    && a.country == actor1v.country)
        };
        if actor2.as_ref().is_some_and(same_side) {
            actor2 = None;
            actor2_span = None;
        }
        // Places: the ones the trigger governs (a list gives several).
        let places = places_for(ann, t, rule.frame);
        // A change of territory is about a named place of its sentence, or
        // one it refers to ("pushed the Taliban from the city's centre"):
        // "libérer de vastes territoires" alone is not codable.
        let refers_to_place = ann.folded.get(t.sentence).is_some_and(|f| {
            lex.cues.places.find_all(f).iter().any(|m| {
                lex.cues
                    .places
                    .payloads(m.pattern)
                    .any(|w| *w == vigie_lexicon::PlaceWord::Anaphor)
            })
        });
        if places.is_empty()
            && matches!(rule.frame, Frame::Capture | Frame::Expel)
            && !refers_to_place
        {
            decide(Some(
                "territory change without a named place in the sentence".into(),
            ));
            continue;
        }
        let (places, place_in_sentence) = if places.is_empty() {
            match context_place(ann, t) {
                Some(p) => (vec![p], false),
                None => {
                    decide(Some("no place found for the trigger".into()));
                    continue;
                }
            }
        } else {
            (places, true)
        };
        // Date: the sentence's, else the paragraph's, else publication.
        let (date, date_span) = match date_for(ann, t, article.published) {
            Some((d, _)) if d.precision == Precision::Year => {
                decide(Some(format!("summary over a year ({d})")));
                continue;
            }
            Some(d) => d,
            None => {
                decide(Some(
                    "no date: the article has no publication date and the sentence none".into(),
                ));
                continue;
            }
        };
        if let Some(p) = article.published {
            let (pub_start, pub_end) = p.range();
            let (_, ev_end) = date.range();
            if (pub_start - ev_end).num_days() > NEWS_WINDOW_DAYS {
                decide(Some(format!("background: dated {date}, more than {NEWS_WINDOW_DAYS} days before publication")));
                continue;
            }
            if (date.range().0 - pub_end).num_days() > 1 {
                decide(Some(format!("future: dated {date}, after publication")));
                continue;
            }
        }
        let (fatalities, fatalities_span) = fatalities_for(ann, lex, t);
        let territory = ann
            .numbers
            .iter()
            .filter(|n| n.sentence == sentence && n.value.counts == Some(vigie_core::Counted::Km2))
            .map(|n| n.value.value)
            .next();
        let claimed_by = claims_for(ann, t);
        last_actors = Some((actor1v.clone(), actor2.clone()));
        assoc1.retain(|a| *a != actor1v.canonical);
        // Confidence: additive evidence, weights set so that each 0.1 bin
        // of the reliability table (`vigie eval --reliability`) holds
        // about that share of correct events on the test articles.
        let mut confidence: f32 = CONFIDENCE.base;
        if actor1_span.is_some() {
            confidence += CONFIDENCE.actor_named;
        }
        if from_context {
            confidence += CONFIDENCE.actor_from_context;
        }
        confidence += if place_in_sentence {
            CONFIDENCE.place_in_sentence
        } else {
            CONFIDENCE.place_from_context
        };
        if date_span.is_some() {
            confidence += CONFIDENCE.date_in_sentence;
        }
        let sub = match (sub_override, rule.sub_event) {
            (Some(s), _) => s,
            (None, TriggerSubEvent::Fixed(s)) => s,
            (None, TriggerSubEvent::Territory) => SubEventType::GovernmentRegainsTerritory,
        };
        for place in places {
            let place_after = place_in_sentence && place.first > t.last;
            let mut evidence = t.span;
            for s in [
                actor1_span,
                place_in_sentence.then_some(place.span),
                date_span,
                fatalities_span,
            ]
            .into_iter()
            .flatten()
            {
                if ann
                    .sentences
                    .get(sentence)
                    .is_some_and(|se| se.span.contains(s))
                {
                    evidence = evidence.cover(s);
                }
            }
            drafts.push(Draft {
                sentence,
                sub,
                rule: rule.id.clone(),
                trigger: t.span,
                actor1: actor1v.clone(),
                actor1_span,
                actor2: actor2.clone(),
                actor2_span,
                assoc1: assoc1.clone(),
                assoc2: assoc2.clone(),
                place,
                place_in_sentence,
                date,
                date_span,
                fatalities,
                fatalities_span,
                territory,
                claimed_by: claimed_by.clone(),
                evidence,
                confidence: confidence.clamp(0.05, 0.95),
                strength: if rule.frame == Frame::Clash { 1 } else { 2 },
                place_after,
            });
        }
        decide(None);
    }
    // Fighting reported with a change of territory at the same place is
    // that change ("après de violents combats, l'armée a repris la ville").
    let territory: Vec<(usize, String, vigie_core::PlaceMention, FuzzyDate)> = drafts
        .iter()
        .filter(|d| matches!(d.sub, SubEventType::GovernmentRegainsTerritory))
        .map(|d| {
            (
                d.sentence,
                d.actor1.canonical.clone(),
                d.place.value.mention.clone(),
                d.date,
            )
        })
        .collect();
    // Only the winner's own fighting is absorbed: a counter-attack by the
    // other side ("the jihadists then counter-attacked") stays a clash.
    drafts.retain(|d| {
        d.sub != SubEventType::ArmedClash
            || !territory.iter().any(|(s, a, place, date)| {
                let actors = *a == d.actor1.canonical
                    || d.assoc1.iter().any(|x| x == a)
                    || (d.actor2.is_none() && d.strength < 2);
                let close = s.abs_diff(d.sentence) <= 2
                    && near(place, &d.place.value.mention)
                    && date.compatible(&d.date);
                let either_side = *a == d.actor1.canonical
                    || d.actor2.as_ref().is_some_and(|x| x.canonical == *a);
                (*s == d.sentence && either_side) || (actors && close)
            })
    });
    // An attack whose victims were carried off is the abduction ("gunmen
    // stormed a school ... and kidnapped 27 pupils").
    let abductions: Vec<(usize, String, vigie_core::PlaceMention, FuzzyDate)> = drafts
        .iter()
        .filter(|d| d.sub == SubEventType::Abduction)
        .map(|d| {
            (
                d.sentence,
                d.actor1.canonical.clone(),
                d.place.value.mention.clone(),
                d.date,
            )
        })
        .collect();
    drafts.retain(|d| {
        d.sub != SubEventType::Attack
            || !abductions.iter().any(|(s, a, place, date)| {
                *a == d.actor1.canonical
                    && s.abs_diff(d.sentence) <= 2
                    && near(place, &d.place.value.mention)
                    && date.compatible(&d.date)
            })
    });
    let merged = merge_drafts(drafts);
    out.events = merged
        .into_iter()
        .map(|d| finish(article, ann, lex, d))
        .collect();
    out
}

/// A trigger whose own sentence names its doer.
struct NamedDoer {
    sub: SubEventType,
    sentence: usize,
    actor1: ActorMention,
    actor2: Option<ActorMention>,
}

/// A trigger's roles, or why it makes no event: a trigger of another
/// language than the article's is a false friend ("démonstration" is not
/// "demonstration"); the filters of `filtered` come next.
fn screen(
    article: &Article,
    ann: &Annotation,
    lex: &Lexicon,
    t: &Tagged<usize>,
) -> Result<roles::Roles, String> {
    let Some(rule) = lex.triggers.rule(t.value) else {
        return Err("unknown trigger rule".into());
    };
    if article
        .language
        .as_deref()
        .is_some_and(|l| l != rule.language)
    {
        return Err(format!(
            "trigger of language {:?} in a {:?} article",
            rule.language,
            article.language.as_deref().unwrap_or("?")
        ));
    }
    if let Some(why) = filtered(ann, lex, t) {
        return Err(why);
    }
    Ok(roles::attach(
        ann, lex, t.sentence, t.first, t.last, rule.frame,
    ))
}

/// The doers named beside the article's triggers of a fixed sub-event
/// type, for mentions that repeat an event without naming who did it.
fn named_doers(
    ann: &Annotation,
    lex: &Lexicon,
    attached: &[Result<roles::Roles, String>],
) -> Vec<NamedDoer> {
    ann.triggers
        .iter()
        .zip(attached)
        .filter_map(|(t, r)| {
            let r = r.as_ref().ok()?;
            let rule = lex.triggers.rule(t.value)?;
            let TriggerSubEvent::Fixed(sub) = rule.sub_event else {
                return None;
            };
            Some(NamedDoer {
                sub,
                sentence: t.sentence,
                actor1: r.actor1.as_ref()?.value.clone(),
                actor2: r.actor2.as_ref().map(|a| a.value.clone()),
            })
        })
        .collect()
}

/// The armed actor named most often in the article (by name, not by a
/// generic word), other than `other`; ties go to the earliest.
fn most_named_other(ann: &Annotation, other: &str) -> Option<ActorMention> {
    let mut counts: Vec<(&ActorMention, usize, usize)> = Vec::new();
    for a in &ann.actors {
        let v = &a.value;
        if v.generic.is_some() || v.canonical == other || !matches!(v.inter, 1..=3 | 8) {
            continue;
        }
        match counts
            .iter_mut()
            .find(|(m, _, _)| m.canonical == v.canonical)
        {
            Some(c) => c.1 += 1,
            None => counts.push((v, 1, a.span.start)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n, start)| (n, std::cmp::Reverse(start)))
        .map(|(m, _, _)| m.clone())
}

fn push_unique(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_string());
    }
}

/// Why a trigger does not report an event in its clause, if it does not.
fn filtered(ann: &Annotation, lex: &Lexicon, t: &Tagged<usize>) -> Option<String> {
    let folded = ann.folded.get(t.sentence)?;
    let cues = lex.triggers.filters().find_all(folded);
    let words = |a: usize, b: usize| -> String {
        (a..=b)
            .map(|k| folded.token_text(k))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for m in &cues {
        let Some(cue) = lex.triggers.filters().payload(m.pattern) else {
            continue;
        };
        // "May 6" is a date, not a modal.
        let cue_span = folded.span_of(m.first, m.last);
        if cue_span.is_some_and(|s| ann.dates.iter().any(|d| d.span.overlaps(s))) {
            continue;
        }
        let near_before = m.last < t.first && t.first - m.last <= 5;
        let around = m.first + 4 >= t.first && m.first <= t.last + 3;
        match cue {
            FilterCue::Future if near_before => {
                return Some(format!("future or plan: \"{}\"", words(m.first, m.last)))
            }
            FilterCue::History => return Some(format!("history: \"{}\"", words(m.first, m.last))),
            FilterCue::Cumulative if m.last < t.first && t.first - m.last <= 3 => {
                return Some(format!(
                    "summed up over a campaign: \"{}\"",
                    words(m.first, m.last)
                ))
            }
            FilterCue::Displacement if m.last < t.first && t.first - m.last <= 2 => {
                return Some(format!("what people flee: \"{}\"", words(m.first, m.last)))
            }
            FilterCue::Negation if around || near_before => {
                return Some(format!("negated: \"{}\"", words(m.first, m.last)))
            }
            _ => {}
        }
    }
    None
}

/// The places a trigger governs: the nearest after it in the sentence
/// (with any list joined to it), else the nearest before.
fn places_for(
    ann: &Annotation,
    t: &Tagged<usize>,
    frame: Frame,
) -> Vec<Tagged<vigie_annotate::PlaceFound>> {
    let in_sentence: Vec<&Tagged<vigie_annotate::PlaceFound>> = ann
        .places
        .iter()
        .filter(|p| p.sentence == t.sentence && !in_dateline(ann, p.span) && !metonym(ann, p))
        .collect();
    if in_sentence.is_empty() {
        return Vec::new();
    }
    let precise = |p: &&Tagged<vigie_annotate::PlaceFound>| p.value.mention.geo_precision < 3;
    let any_precise = in_sentence.iter().any(precise);
    let usable: Vec<&Tagged<vigie_annotate::PlaceFound>> = in_sentence
        .into_iter()
        .filter(|p| !any_precise || precise(p))
        .collect();
    let folded = ann.folded.get(t.sentence);
    let joiner = |a: usize, b: usize| -> bool {
        // Only list words between two places: ",", "et", "and", "à", "de".
        folded.is_some_and(|f| {
            (a..b).all(|k| {
                matches!(
                    f.token_text(k),
                    "," | "et"
                        | "and"
                        | "a"
                        | "de"
                        | "d"
                        | "du"
                        | "l"
                        | "la"
                        | "le"
                        | "in"
                        | "at"
                        | "or"
                        | "ou"
                )
            })
        })
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
    let after: Vec<&&Tagged<vigie_annotate::PlaceFound>> = usable
        .iter()
        .filter(|p| p.first > t.last && relative.is_none_or(|(a, b)| p.first < a || p.first > b))
        // The object of a change of territory follows its verb closely
        // ("seized the strategic town of X"), not "seized four rifles in a
        // raid on a hideout near X".
        .filter(|p| !matches!(frame, Frame::Capture) || p.first - t.last <= 7)
        .collect();
    let before: Vec<&&Tagged<vigie_annotate::PlaceFound>> =
        usable.iter().filter(|p| p.last < t.first).collect();
    let passive_subject_first =
        matches!(frame, Frame::Capture) && before.last().is_some_and(|p| t.first - p.last <= 6);
    // A change of territory is about the place after its verb, or its
    // passive subject just before it; a place far before it is the scene
    // of something else ("Damas cherchait désormais à reprendre ...").
    let before_ok = !matches!(frame, Frame::Capture | Frame::Expel) || passive_subject_first;
    let start: Option<&Tagged<vigie_annotate::PlaceFound>> =
        if passive_subject_first && after.is_empty() {
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
fn metonym(ann: &Annotation, p: &Tagged<vigie_annotate::PlaceFound>) -> bool {
    let m = &p.value.mention;
    p.value.cue.is_none()
        && m.feature.as_deref() == Some("PPLC")
        && ann.focus.is_some()
        && m.country != ann.focus
}

/// Whether a mention lies in the article's dateline.
fn in_dateline(ann: &Annotation, span: Span) -> bool {
    ann.dateline.is_some_and(|d| d.contains(span))
}

/// A place for a trigger whose sentence names none: the nearest place
/// before it in the paragraph, else in the article.
fn context_place(
    ann: &Annotation,
    t: &Tagged<usize>,
) -> Option<Tagged<vigie_annotate::PlaceFound>> {
    let block = ann.sentences.get(t.sentence)?.block;
    let located = |p: &&Tagged<vigie_annotate::PlaceFound>| {
        p.value.mention.latitude.is_some() && !in_dateline(ann, p.span) && !metonym(ann, p)
    };
    let in_block = |p: &&Tagged<vigie_annotate::PlaceFound>| {
        ann.sentences.get(p.sentence).map(|s| s.block) == Some(block)
    };
    let before = |p: &&Tagged<vigie_annotate::PlaceFound>| p.sentence < t.sentence;
    // The paragraph's last place before, else its next one after ("they
    // were driven out of the city ... which freed Ramadi"), else the
    // article's last before, else its first.
    // Precise places first: "dans le même secteur" is the village, not
    // the province named beside it.
    let places = || ann.places.iter().filter(located);
    let precise = |p: &&Tagged<vigie_annotate::PlaceFound>| p.value.mention.geo_precision < 3;
    places()
        .filter(in_block)
        .filter(before)
        .max_by_key(|p| (precise(p), p.span.start))
        .or_else(|| places().filter(in_block).find(|p| p.sentence > t.sentence))
        .or_else(|| {
            places()
                .filter(before)
                .max_by_key(|p| (precise(p), p.span.start))
        })
        .or_else(|| places().next())
        .cloned()
}

/// The trigger's date: the nearest date of its sentence that is not a
/// "depuis" span, else the last of its paragraph before it, else the
/// publication date (week precision when it is known to the day).
fn date_for(
    ann: &Annotation,
    t: &Tagged<usize>,
    published: Option<FuzzyDate>,
) -> Option<(FuzzyDate, Option<Span>)> {
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
            Some(d.span),
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
        return Some((FuzzyDate::new(d.value.value, d.value.precision), None));
    }
    let p = published?;
    Some(match p.precision {
        Precision::Day => (FuzzyDate::new(p.date, Precision::Week), None),
        _ => (p, None),
    })
}

/// A death toll from which on a sentence about "the fighting" with no
/// date and no place sums up a campaign ("les combats ont fait 1.093
/// morts") rather than reports one clash.
const CAMPAIGN_TOLL: f64 = 500.0;

fn campaign_toll(ann: &Annotation, t: &Tagged<usize>) -> bool {
    let big = ann.numbers.iter().any(|n| {
        n.sentence == t.sentence
            && n.value.counts == Some(vigie_core::Counted::Killed)
            && n.value.value >= CAMPAIGN_TOLL
    });
    big && !ann.dates.iter().any(|d| d.sentence == t.sentence)
        && !ann.places.iter().any(|p| p.sentence == t.sentence)
}

/// The killed count of the trigger's sentence nearest to it (cumulative
/// tolls excluded), as ACLED's conservative figure.
fn fatalities_for(
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
fn claims_for(ann: &Annotation, t: &Tagged<usize>) -> Vec<String> {
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

fn near(a: &vigie_core::PlaceMention, b: &vigie_core::PlaceMention) -> bool {
    // Names the gazetteer lacks borrow a neighbour's coordinates: two of
    // them are the same place only by name.
    let borrowed = |p: &vigie_core::PlaceMention| {
        p.relation
            .as_deref()
            .is_some_and(|r| r.starts_with("not in the gazetteer"))
    };
    if borrowed(a) || borrowed(b) {
        return vigie_text::fold_phrase(&a.name) == vigie_text::fold_phrase(&b.name);
    }
    match (a.latitude, a.longitude, b.latitude, b.longitude) {
        (Some(a1), Some(o1), Some(a2), Some(o2)) => {
            vigie_core::geo::haversine_km(a1, o1, a2, o2) <= 10.0
        }
        _ => a.name == b.name,
    }
}

/// A place that only locates an event roughly: a province, a region, a
/// desert, or "east of" a town without a distance.
fn vague(p: &vigie_core::PlaceMention) -> bool {
    p.geo_precision == 3
        || matches!(p.feature.as_deref(), Some("RGN" | "DSRT" | "VAL" | "ADM1"))
        || p.relation
            .as_deref()
            .is_some_and(|r| r.contains(" of ") && !r.contains("km"))
}

/// Whether a vague place can stand for a precise one: the same province
/// when one is only known to its province, else within 60 km (a desert
/// or region named beside a town of it).
fn within_region(a: &vigie_core::PlaceMention, b: &vigie_core::PlaceMention) -> bool {
    if a.geo_precision == 3 || b.geo_precision == 3 {
        return a.admin1.is_none() || b.admin1.is_none() || a.admin1 == b.admin1;
    }
    let (Some(a1), Some(o1), Some(a2), Some(o2)) =
        (a.latitude, a.longitude, b.latitude, b.longitude)
    else {
        return true;
    };
    let km = vigie_core::geo::haversine_km(a1, o1, a2, o2);
    // "East of Homs" without a distance reaches far that way.
    let toward =
        |from: &vigie_core::PlaceMention, (lat, lon): (f64, f64), (tlat, tlon): (f64, f64)| {
            relation_bearing(from).is_some_and(|b| {
                let to = vigie_core::geo::bearing_deg(lat, lon, tlat, tlon);
                let diff = ((to - b + 540.0) % 360.0 - 180.0).abs();
                diff <= 60.0 && km <= 300.0
            })
        };
    km <= 60.0 || toward(a, (a1, o1), (a2, o2)) || toward(b, (a2, o2), (a1, o1))
}

/// The bearing of a relation without a distance ("E of Homs"), degrees.
fn relation_bearing(p: &vigie_core::PlaceMention) -> Option<f64> {
    let r = p.relation.as_deref()?;
    let (dir, _) = r.split_once(" of ")?;
    const NAMES: [&str; 8] = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];
    NAMES
        .iter()
        .position(|n| *n == dir)
        .map(|i| i as f64 * 45.0)
}

/// Whether two drafts involve the same sides: the same actor1, actor1 as
/// the other's ally, or the same pair in either order.
fn same_actors(a: &Draft, b: &Draft) -> bool {
    let name = |x: &Option<ActorMention>| x.as_ref().map(|m| m.canonical.clone());
    let (a1, b1) = (&a.actor1.canonical, &b.actor1.canonical);
    let second_ok = name(&a.actor2) == name(&b.actor2) || a.actor2.is_none() || b.actor2.is_none();
    (a1 == b1 && second_ok)
        || a.assoc1.iter().any(|x| x == b1)
        || b.assoc1.iter().any(|x| x == a1)
        || (name(&a.actor2).as_deref() == Some(b1.as_str())
            && name(&b.actor2).as_deref() == Some(a1.as_str()))
}

/// Merges drafts that report the same event: same sub-event type and
/// sides, compatible dates, and the same place — or, within the article,
/// a vague or loosely attached place beside a precise one. The merged
/// event keeps the roles of the more reliable frame and the most precise
/// place and date.
fn merge_drafts(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        let target = out.iter_mut().find(|o| {
            let (po, pd) = (&o.place.value.mention, &d.place.value.mention);
            let same_country = po.country.is_some() && po.country == pd.country;
            let loose = vague(po) || vague(pd) || !o.place_in_sentence || !d.place_in_sentence;
            // A place taken and then retaken are two events.
            let territory = matches!(o.sub, SubEventType::GovernmentRegainsTerritory);
            // A place guessed from the context yields to the place another
            // sentence gives the same doer's event of the same kind.
            let guessed = o.place_in_sentence != d.place_in_sentence
                && o.actor1.canonical == d.actor1.canonical;
            o.sub == d.sub
                && same_actors(o, &d)
                && (!territory || o.actor1.canonical == d.actor1.canonical)
                && o.date.compatible(&d.date)
                && (near(po, pd) || guessed || (same_country && loose && within_region(po, pd)))
        });
        match target {
            Some(o) => {
                let d_place_better = (!o.place_in_sentence && d.place_in_sentence)
                    || (vague(&o.place.value.mention) && !vague(&d.place.value.mention))
                    || (!o.place_after && d.place_after && !vague(&d.place.value.mention));
                if d_place_better {
                    o.place = d.place.clone();
                    o.place_in_sentence = d.place_in_sentence;
                    o.place_after = d.place_after;
                }
                if d.strength > o.strength {
                    o.actor1 = d.actor1.clone();
                    o.actor1_span = d.actor1_span;
                    o.actor2 = d.actor2.clone();
                    o.actor2_span = d.actor2_span;
                    o.strength = d.strength;
                }
                if o.fatalities.is_none() {
                    o.fatalities = d.fatalities;
                    o.fatalities_span = d.fatalities_span;
                }
                if o.actor2.is_none() {
                    o.actor2 = d.actor2.clone();
                    o.actor2_span = d.actor2_span;
                }
                if o.territory.is_none() {
                    o.territory = d.territory;
                }
                if d.date.precision < o.date.precision {
                    o.date = d.date;
                    o.date_span = d.date_span;
                }
                for c in d.claimed_by {
                    push_unique(&mut o.claimed_by, &c);
                }
                for a in d.assoc1 {
                    if a != o.actor1.canonical {
                        push_unique(&mut o.assoc1, &a);
                    }
                }
                o.confidence = (o.confidence.max(d.confidence) + CONFIDENCE.corroborated).min(0.95);
            }
            None => out.push(d),
        }
    }
    out
}

/// The interaction code of an actor in an event in `country`: state forces
/// outside their own country are external forces (8).
fn inter_in(a: &ActorMention, country: Option<&str>) -> u8 {
    if a.inter == inter::STATE_FORCES {
        if let (Some(home), Some(here)) = (a.country.as_deref(), country) {
            if home != here {
                return inter::EXTERNAL;
            }
        }
    }
    a.inter
}

/// Civilians, protesters and rioters are named after the country where the
/// event happens ("civils" in a story whose words are mostly about Russia
/// but whose strike hit Syria).
fn of_country(a: &ActorMention, country: Option<&str>, lex: &Lexicon) -> ActorMention {
    let Some(c) = country else { return a.clone() };
    if a.country.as_deref() == Some(c)
        || !matches!(
            a.inter,
            inter::CIVILIANS | inter::PROTESTERS | inter::RIOTERS
        )
    {
        return a.clone();
    }
    let Some((prefix, _)) = a.canonical.split_once(" (") else {
        return a.clone();
    };
    match lex.actors.generated(&format!("{prefix} ({{name_en}})"), c) {
        Some(g) => ActorMention {
            canonical: g.name.clone(),
            inter: g.inter,
            country: Some(c.to_string()),
            generic: a.generic.clone(),
        },
        None => a.clone(),
    }
}

fn finish(article: &Article, ann: &Annotation, lex: &Lexicon, mut d: Draft) -> Event {
    let place = &d.place.value.mention;
    let country = place.country.clone().or_else(|| ann.focus.clone());
    d.actor1 = of_country(&d.actor1, country.as_deref(), lex);
    d.actor2 = d
        .actor2
        .as_ref()
        .map(|a| of_country(a, country.as_deref(), lex));
    let inter1 = inter_in(&d.actor1, country.as_deref());
    let inter2 = d.actor2.as_ref().map(|a| inter_in(a, country.as_deref()));
    let sub = match d.sub {
        SubEventType::GovernmentRegainsTerritory
        | SubEventType::NonStateActorOvertakesTerritory => {
            if inter1 == inter::STATE_FORCES {
                SubEventType::GovernmentRegainsTerritory
            } else {
                SubEventType::NonStateActorOvertakesTerritory
            }
        }
        s => s,
    };
    let mut fields = BTreeMap::new();
    fields.insert("trigger".to_string(), d.trigger);
    if let Some(s) = d.actor1_span {
        fields.insert("actor1".into(), s);
    }
    if let Some(s) = d.actor2_span {
        fields.insert("actor2".into(), s);
    }
    fields.insert("location".into(), d.place.span);
    if let Some(s) = d.date_span {
        fields.insert("event_date".into(), s);
    }
    if let Some(s) = d.fatalities_span {
        fields.insert("fatalities".into(), s);
    }
    let evidence = d
        .evidence
        .slice(&article.text)
        .unwrap_or("")
        .trim()
        .to_string();
    let mut event = Event {
        event_date: d.date.date,
        date_precision: d.date.precision,
        event_type: sub.event_type(),
        sub_event_type: sub,
        actor1: d.actor1.canonical.clone(),
        assoc_actor1: d.assoc1,
        actor2: d.actor2.as_ref().map(|a| a.canonical.clone()),
        assoc_actor2: d.assoc2,
        inter1,
        inter2,
        country,
        admin1: place.admin1.clone(),
        location: Some(place.name.clone()),
        latitude: place.latitude,
        longitude: place.longitude,
        geo_precision: place.geo_precision.clamp(1, 3),
        fatalities: d.fatalities,
        claimed_by: d.claimed_by,
        territory_km2: d.territory,
        evidence,
        notes: String::new(),
        event_id: None,
        event_key: None,
        confidence: Some(d.confidence),
        provenance: Some(Provenance {
            article: article.id.clone(),
            evidence: d.evidence,
            fields,
            rule: d.rule,
        }),
    };
    event.notes = notes::note(&event, lex);
    event
}
