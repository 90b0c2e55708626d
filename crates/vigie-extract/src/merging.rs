//! Within-article merging: a fight reported with the change of territory
//! it led to is that change; an attack whose victims were carried off is
//! the abduction; drafts reporting the same event (same sub-event type
//! and sides, compatible dates, the same or a compatible place) become
//! one.

use crate::candidates::{Draft, CORROBORATED};
use crate::doers::push_unique;
use vigie_core::{ActorMention, EventType, FuzzyDate, PlaceMention, SubEventType};

/// Drops the drafts another one stands for: fighting at a place whose
/// change of hands the article reports, attacks whose victims were
/// abducted.
pub(crate) fn subsume(mut drafts: Vec<Draft>) -> Vec<Draft> {
    // An ambiguous verb ("killed", "struck") stands only for events no
    // other word of its sentence tells ("Russian shelling of Kherson
    // killed a man": the shelling).
    let told: Vec<usize> = drafts
        .iter()
        .filter(|d| !d.weak)
        .map(|d| d.sentence)
        .collect();
    drafts.retain(|d| !d.weak || !told.contains(&d.sentence));
    // The headline announces what the body tells: its drafts stand only
    // for kinds of event the body does not report.
    let body_types: Vec<vigie_core::EventType> = drafts
        .iter()
        .filter(|d| !d.headline)
        .map(|d| d.sub.event_type())
        .collect();
    drafts.retain(|d| !d.headline || !body_types.contains(&d.sub.event_type()));
    // Fighting reported with a change of territory at the same place is
    // that change ("après de violents combats, l'armée a repris la ville").
    let territory = facts(&drafts, SubEventType::GovernmentRegainsTerritory);
    // Only the winner's own fighting is absorbed: a counter-attack by the
    // other side ("the jihadists then counter-attacked") stays a clash.
    drafts.retain(|d| {
        d.sub != SubEventType::ArmedClash
            || !territory.iter().any(|(s, a, place, date)| {
                let actors = *a == d.actor1.canonical
                    || d.assoc1.iter().any(|x| x == a)
                    || ((d.actor2.is_none() || d.actor2_span.is_none()) && d.strength < 2);
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
    let abductions = facts(&drafts, SubEventType::Abduction);
    // Killings told with the weapon that did them ("deux civils tués à Sake
    // lorsque des bombes sont tombées") are that strike: its victims and
    // toll go to it.
    let strikes: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].sub.event_type() == EventType::ExplosionsRemoteViolence)
        .collect();
    let mut absorbed = vec![false; drafts.len()];
    for i in 0..drafts.len() {
        if drafts[i].sub != SubEventType::Attack {
            continue;
        }
        let Some(&j) = strikes.iter().find(|&&j| {
            drafts[j].sentence == drafts[i].sentence
                && (drafts[j].actor1.canonical == drafts[i].actor1.canonical
                    || drafts[i].actor1_span.is_none())
        }) else {
            continue;
        };
        let (victims, toll, toll_span) = (
            drafts[i].actor2.clone(),
            drafts[i].fatalities,
            drafts[i].fatalities_span,
        );
        // The place the killing verb governs ("tués à Sake") over one the
        // weapon word only follows ("..., à 20 km de Goma, lorsque des
        // bombes").
        let place =
            (drafts[i].place_after && !drafts[j].place_after).then(|| drafts[i].place.clone());
        let s = &mut drafts[j];
        if let Some(p) = place {
            s.place = p;
            s.place_after = true;
        }
        if s.actor2.is_none() {
            s.actor2 = victims;
        }
        if s.fatalities.is_none() {
            s.fatalities = toll;
            s.fatalities_span = toll_span;
        }
        absorbed[i] = true;
    }
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        !absorbed[k - 1]
    });
    // Homes burnt or shops looted by the attackers of an attack or a
    // clash told beside it are part of it, not an event of their own.
    let violent: Vec<(usize, String, FuzzyDate)> = drafts
        .iter()
        .filter(|d| {
            matches!(
                d.sub.event_type(),
                EventType::ViolenceAgainstCivilians | EventType::Battles
            )
        })
        .map(|d| (d.sentence, d.actor1.canonical.clone(), d.date))
        .collect();
    drafts.retain(|d| {
        d.sub != SubEventType::LootingPropertyDestruction
            || !violent.iter().any(|(s, a, date)| {
                *a == d.actor1.canonical && s.abs_diff(d.sentence) <= 1 && date.compatible(&d.date)
            })
    });
    drafts.retain(|d| {
        d.sub != SubEventType::Attack
            || !abductions.iter().any(|(s, a, place, date)| {
                *a == d.actor1.canonical
                    && s.abs_diff(d.sentence) <= 2
                    && near(place, &d.place.value.mention)
                    && date.compatible(&d.date)
            })
    });
    drafts
}

/// The sentence, doer, place and date of every draft of one sub-event
/// type, for the drafts those events stand for.
fn facts(drafts: &[Draft], sub: SubEventType) -> Vec<(usize, String, PlaceMention, FuzzyDate)> {
    drafts
        .iter()
        .filter(|d| d.sub == sub)
        .map(|d| {
            (
                d.sentence,
                d.actor1.canonical.clone(),
                d.place.value.mention.clone(),
                d.date,
            )
        })
        .collect()
}

/// A name the gazetteer lacks, placed at a neighbour's coordinates.
fn borrowed(p: &PlaceMention) -> bool {
    p.relation
        .as_deref()
        .is_some_and(|r| r.starts_with("not in the gazetteer"))
}

pub(crate) fn near(a: &PlaceMention, b: &PlaceMention) -> bool {
    // Names the gazetteer lacks borrow a neighbour's coordinates: two of
    // them are the same place only by name.
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
fn vague(p: &PlaceMention) -> bool {
    p.geo_precision == 3
        || matches!(p.feature.as_deref(), Some("RGN" | "DSRT" | "VAL" | "ADM1"))
        || p.relation
            .as_deref()
            .is_some_and(|r| r.contains(" of ") && !r.contains("km"))
}

/// Whether a vague place can stand for a precise one: the same province
/// when one is only known to its province, else within 60 km (a desert
/// or region named beside a town of it).
fn within_region(a: &PlaceMention, b: &PlaceMention) -> bool {
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
    let toward = |from: &PlaceMention, (lat, lon): (f64, f64), (tlat, tlon): (f64, f64)| {
        relation_bearing(from).is_some_and(|b| {
            let to = vigie_core::geo::bearing_deg(lat, lon, tlat, tlon);
            let diff = ((to - b + 540.0) % 360.0 - 180.0).abs();
            diff <= 60.0 && km <= 300.0
        })
    };
    km <= 60.0 || toward(a, (a1, o1), (a2, o2)) || toward(b, (a2, o2), (a1, o1))
}

/// The bearing of a relation without a distance ("E of Homs"), degrees.
fn relation_bearing(p: &PlaceMention) -> Option<f64> {
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
    // A side the text does not name (guessed from the context) never
    // keeps two reports of one event apart.
    let soft = |d: &Draft| d.actor2.is_none() || d.actor2_span.is_none();
    let second_ok = name(&a.actor2) == name(&b.actor2) || soft(a) || soft(b);
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
pub(crate) fn merge_drafts(drafts: Vec<Draft>) -> Vec<Draft> {
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
            // Two words of one sentence for one doer's act ("stormed the
            // village ... and shot dead four villagers") are one event,
            // wherever each word's nearest place is; one word's list of
            // places is several.
            let one_clause = o.sentence == d.sentence
                && o.trigger != d.trigger
                && o.actor1.canonical == d.actor1.canonical
                && ((!o.listed && !d.listed) || near(po, pd));
            // One bombardment with several weapons ("pounded X with
            // artillery and drones"): one event per place, of the first
            // weapon named.
            let weapons = one_clause
                && o.sub.event_type() == EventType::ExplosionsRemoteViolence
                && d.sub.event_type() == EventType::ExplosionsRemoteViolence
                && near(po, pd);
            // The places of one trigger's list are as many events, however
            // close ("Marhanets and Chervonohryhorivka", 7 km apart).
            o.trigger != d.trigger
                && (o.sub == d.sub || weapons)
                && same_actors(o, &d)
                && (!territory || o.actor1.canonical == d.actor1.canonical)
                && o.date.compatible(&d.date)
                && (one_clause
                    || near(po, pd)
                    || guessed
                    || (same_country && loose && within_region(po, pd)))
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
                if o.actor2.is_none() || (o.actor2_span.is_none() && d.actor2_span.is_some()) {
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
                o.confidence = (o.confidence.max(d.confidence) + CORROBORATED).min(0.95);
            }
            None => out.push(d),
        }
    }
    out
}
