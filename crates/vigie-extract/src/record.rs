//! A merged draft as an event record: interaction codes by the country
//! where it happened, civilians and protesters named after that country,
//! the sub-event type of a change of territory by who won it, provenance
//! spans, evidence and notes.

use crate::candidates::Draft;
use crate::{notes, Context};
use std::collections::BTreeMap;
use vigie_core::taxonomy::inter;
use vigie_core::{ActorMention, Event, Provenance, SubEventType};
use vigie_lexicon::Lexicon;

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

pub(crate) fn finish(cx: &Context, mut d: Draft) -> Event {
    let (article, ann, lex) = (cx.article, cx.ann, cx.lex);
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
