//! One trigger's event drafts: its sides ([`doers`]), places
//! ([`places`]), date ([`dates`]) and figures ([`figures`]), put together
//! with a confidence and the span of evidence; one draft per place.

use crate::dates::{self, DateFrom};
use crate::doers::{self, NamedDoer};
use crate::filters::{self, Rejection};
use crate::roles::Roles;
use crate::{figures, places, Context};
use vigie_annotate::{PlaceFound, Tagged};
use vigie_core::taxonomy::inter;
use vigie_core::{ActorMention, FuzzyDate, Precision, Span, SubEventType};
use vigie_lexicon::{Frame, Trigger, TriggerSubEvent};

/// Weights of the confidence score (see [`drafts_for`]).
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

/// What a further sentence reporting the same event adds to confidence.
pub(crate) const CORROBORATED: f32 = CONFIDENCE.corroborated;

/// Days before publication beyond which a dated event is background.
const NEWS_WINDOW_DAYS: i64 = 60;

/// The same for an event known only to its month, from the end of that
/// month.
const MONTH_WINDOW_DAYS: i64 = 31;

/// One event as one trigger reports it, before merging.
#[derive(Clone)]
pub(crate) struct Draft {
    pub sentence: usize,
    pub sub: SubEventType,
    pub rule: String,
    pub trigger: Span,
    pub actor1: ActorMention,
    pub actor1_span: Option<Span>,
    pub actor2: Option<ActorMention>,
    pub actor2_span: Option<Span>,
    pub assoc1: Vec<String>,
    pub assoc2: Vec<String>,
    pub place: Tagged<PlaceFound>,
    pub place_in_sentence: bool,
    pub date: FuzzyDate,
    pub date_span: Option<Span>,
    pub fatalities: Option<u32>,
    pub fatalities_span: Option<Span>,
    pub territory: Option<f64>,
    pub claimed_by: Vec<String>,
    pub evidence: Span,
    pub confidence: f32,
    /// How reliably the frame assigns roles (2: directed frames like
    /// repel, capture, strike; 1: symmetric clashes).
    pub strength: u8,
    /// The place follows the trigger in its sentence (not before it, not
    /// from the context).
    pub place_after: bool,
    /// From the headline.
    pub headline: bool,
    /// One of the places of a list its trigger governs.
    pub listed: bool,
    /// From an ambiguous verb (`doer_named`): it stands only where no other
    /// trigger of its sentence tells the event.
    pub weak: bool,
}

/// What the triggers of an article carry to the next ones.
#[derive(Default)]
pub(crate) struct State {
    /// The sides of the last trigger that made an event.
    pub last_actors: Option<(ActorMention, Option<ActorMention>)>,
}

/// The drafts of one screened trigger, or why it makes none.
pub(crate) fn drafts_for(
    cx: &Context,
    t: &Tagged<usize>,
    rule: &Trigger,
    r: &Roles,
    named: &[NamedDoer],
    state: &mut State,
) -> Result<Vec<Draft>, Rejection> {
    let (article, ann, lex) = (cx.article, cx.ann, cx.lex);
    // A section title ("Battle for Aleppo") reports nothing; the headline
    // counts only where the body does not tell its kind of event.
    let heading = cx.discourse.is_heading(t.sentence);
    if heading && cx.discourse.headline != Some(t.sentence) {
        return Err(Rejection::Heading);
    }
    if ann.dates.iter().any(|d| d.span.contains(t.span)) {
        return Err(Rejection::PartOfDate);
    }
    if rule.frame == Frame::Clash && filters::campaign_toll(ann, t) {
        return Err(Rejection::CampaignToll(filters::CAMPAIGN_TOLL));
    }
    if rule.doer_named && r.actor1.is_none() {
        return Err(Rejection::NoDoerNamed);
    }
    let sides = doers::sides(cx, t, rule, r, named, state.last_actors.as_ref());
    let Some(actor1) = sides.actor1.clone() else {
        return Err(Rejection::NoActor);
    };
    // Places: the ones the trigger governs (a list gives several).
    let governed = places::places_for(ann, lex, t, rule.frame);
    // A change of territory is about a named place of its sentence, or
    // one it refers to: "la ville", "the city's centre", "the airport",
    // "the main barracks" stand for the place the discourse is about.
    // "libérer de vastes territoires" alone is not codable.
    if governed.is_empty()
        && matches!(rule.frame, Frame::Capture | Frame::Expel)
        && !places::refers_to_place(ann, lex, t)
    {
        return Err(Rejection::TerritoryWithoutPlace);
    }
    // An ambiguous verb places its event in its own sentence: without a
    // place there it is a summary ("killed 74 members of the security
    // forces").
    if rule.doer_named && governed.is_empty() {
        return Err(Rejection::NoPlace);
    }
    let (found, place_in_sentence) = if governed.is_empty() {
        match cx.discourse.place(ann, t.sentence) {
            Some(p) => (vec![p], false),
            None => return Err(Rejection::NoPlace),
        }
    } else {
        (governed, true)
    };
    // Date: the sentence's, else the paragraph's, else publication.
    // A year named in the text is a summary ("en 2016, 300 attaques");
    // an article known only to its year dates its events to that year.
    let (date, date_span) = match dates::date_for(ann, lex, t, article.published) {
        Some((d, from)) if d.precision == Precision::Year && from != DateFrom::Publication => {
            return Err(Rejection::YearSummary(d))
        }
        Some((d, from)) => (d, from.span()),
        None => return Err(Rejection::NoDate),
    };
    if let Some(p) = article.published {
        let (pub_start, pub_end) = p.range();
        let (_, ev_end) = date.range();
        // A month named before the publication's ("took Mellit in April"
        // in June) is background sooner than a day.
        let window = if date.precision >= Precision::Month && p.precision == Precision::Day {
            MONTH_WINDOW_DAYS
        } else {
            NEWS_WINDOW_DAYS
        };
        if (pub_start - ev_end).num_days() > window {
            return Err(Rejection::Background { date, days: window });
        }
        if (date.range().0 - pub_end).num_days() > 1 {
            return Err(Rejection::AfterPublication(date));
        }
    }
    // "Fighting around Marib has killed thousands since early 2020": a
    // trigger running since a date older than the news window sums a
    // campaign up.
    if let (Some(p), Some(since)) = (article.published, dates::since_date(ann, lex, t)) {
        if (p.range().0 - since.range().1).num_days() > NEWS_WINDOW_DAYS {
            return Err(Rejection::Cumulative(format!("since {since}")));
        }
    }
    let tolls = if found.len() > 1 {
        figures::fatalities_by_place(ann, lex, t, &found)
    } else {
        vec![figures::fatalities_for(ann, lex, t)]
    };
    let territory = figures::territory_for(ann, t);
    let claimed_by = figures::claims_for(ann, t);
    state.last_actors = Some((
        actor1.clone(),
        sides.actor2.clone().filter(|_| !sides.actor2_guessed),
    ));
    // Confidence: additive evidence, weights set so that each 0.1 bin
    // of the reliability table (`vigie eval --reliability`) holds
    // about that share of correct events on the test articles.
    let mut confidence: f32 = CONFIDENCE.base;
    if sides.actor1_span.is_some() {
        confidence += CONFIDENCE.actor_named;
    }
    if sides.from_context {
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
    let sub = match (sides.sub_override, rule.sub_event) {
        (Some(s), _) => s,
        (None, TriggerSubEvent::Fixed(s)) => s,
        (None, TriggerSubEvent::Territory) => SubEventType::GovernmentRegainsTerritory,
    };
    // Violence against civilians is an attack; against an armed side it
    // is a clash, whatever the word ("militants attacked their post",
    // "gunmen stormed the village").
    let sub = match (sub, sides.actor2.as_ref().map(|a| a.inter)) {
        (SubEventType::Attack, Some(1..=4 | 8)) => SubEventType::ArmedClash,
        (SubEventType::ArmedClash, Some(inter::CIVILIANS)) => SubEventType::Attack,
        (s, _) => s,
    };
    let sentence_span = ann.sentences.get(t.sentence).map(|s| s.span);
    let listed = found.len() > 1;
    let mut out = Vec::with_capacity(found.len());
    for (place, (fatalities, fatalities_span)) in found.into_iter().zip(tolls) {
        let place_after = place_in_sentence && place.first > t.last;
        let mut evidence = t.span;
        for s in [
            sides.actor1_span,
            place_in_sentence.then_some(place.span),
            date_span,
            fatalities_span,
        ]
        .into_iter()
        .flatten()
        {
            if sentence_span.is_some_and(|se| se.contains(s)) {
                evidence = evidence.cover(s);
            }
        }
        out.push(Draft {
            sentence: t.sentence,
            sub,
            rule: rule.id.clone(),
            trigger: t.span,
            actor1: actor1.clone(),
            actor1_span: sides.actor1_span,
            actor2: sides.actor2.clone(),
            actor2_span: sides.actor2_span,
            assoc1: sides.assoc1.clone(),
            assoc2: sides.assoc2.clone(),
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
            headline: heading,
            listed,
            weak: rule.doer_named,
        });
    }
    Ok(out)
}
