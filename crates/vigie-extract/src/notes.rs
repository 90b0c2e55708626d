//! One-sentence English notes for events, from templates by sub-event type.

use vigie_core::{Event, Precision, SubEventType};
use vigie_lexicon::Lexicon;

fn when(e: &Event) -> String {
    match e.date_precision {
        Precision::Day => format!("on {}", e.event_date.format("%-d %B %Y")),
        Precision::Week => format!("in the week of {}", e.event_date.format("%-d %B %Y")),
        Precision::Month => format!("in {}", e.event_date.format("%B %Y")),
        Precision::Year => format!("in {}", e.event_date.format("%Y")),
    }
}

fn place(e: &Event, lex: &Lexicon) -> String {
    let loc = e
        .location
        .clone()
        .unwrap_or_else(|| "an unnamed place".into());
    let country = e
        .country
        .as_deref()
        .and_then(|c| lex.countries.get(c))
        .map(|c| c.name_en.clone())
        .or_else(|| e.country.clone());
    let prep = if e.geo_precision == 1 { "in" } else { "near" };
    let mut s = format!("{prep} {loc}");
    if let Some(a) = &e.admin1 {
        if a != &loc {
            s.push_str(&format!(" ({a}"));
            if let Some(c) = &country {
                s.push_str(&format!(", {c}"));
            }
            s.push(')');
            return s;
        }
    }
    if let Some(c) = country {
        s.push_str(&format!(" ({c})"));
    }
    s
}

/// The note of an event: who did what to whom, where, when, the toll and
/// who says so.
pub fn note(e: &Event, lex: &Lexicon) -> String {
    use SubEventType::*;
    let a1 = &e.actor1;
    let a2 = e.actor2.as_deref();
    let with_a2 = |verb: &str, fallback: &str| match a2 {
        Some(b) => format!("{a1} {verb} {b}"),
        None => format!("{a1} {fallback}"),
    };
    let what = match e.sub_event_type {
        ArmedClash => with_a2("clashed with", "fought an armed clash"),
        GovernmentRegainsTerritory => with_a2("regained territory from", "regained territory"),
        NonStateActorOvertakesTerritory => with_a2("took territory from", "took territory"),
        ChemicalWeapon => with_a2("used chemical weapons against", "used chemical weapons"),
        AirDroneStrike => with_a2(
            "carried out air or drone strikes on",
            "carried out air or drone strikes",
        ),
        SuicideBomb => with_a2(
            "carried out a suicide bombing against",
            "carried out a suicide bombing",
        ),
        ShellingArtilleryMissileAttack => {
            with_a2("shelled or fired missiles at", "shelled or fired missiles")
        }
        RemoteExplosive => with_a2(
            "targeted with an explosive device",
            "detonated an explosive device",
        ),
        Grenade => with_a2("threw a grenade at", "threw a grenade"),
        SexualViolence => with_a2(
            "committed sexual violence against",
            "committed sexual violence",
        ),
        Attack => with_a2("attacked", "carried out an attack"),
        Abduction => with_a2("abducted", "abducted people"),
        PeacefulProtest => format!("{a1} held a peaceful protest"),
        ProtestWithIntervention => with_a2(
            "protested and were dispersed by",
            "protested and were dispersed",
        ),
        ExcessiveForceAgainstProtesters => {
            with_a2("faced excessive force from", "faced excessive force")
        }
        ViolentDemonstration => format!("{a1} rioted"),
        MobViolence => format!("{a1} engaged in mob violence"),
        Agreement => with_a2("reached an agreement with", "reached an agreement"),
        Arrests => with_a2("arrested members of", "made arrests"),
        ChangeToGroupActivity => format!("{a1} changed its activity or posture"),
        DisruptedWeaponsUse => format!("{a1} disrupted weapons use"),
        HeadquartersOrBaseEstablished => format!("{a1} established a base"),
        LootingPropertyDestruction => with_a2(
            "looted or destroyed property of",
            "looted or destroyed property",
        ),
        NonViolentTransferOfTerritory => with_a2(
            "took over territory without fighting from",
            "took over territory without fighting",
        ),
        Other => format!("{a1} was involved in an event"),
    };
    let mut s = format!("{what} {} {}", place(e, lex), when(e));
    if let Some(f) = e.fatalities {
        s.push_str(&format!(", with {f} reported killed"));
    }
    if !e.claimed_by.is_empty() {
        s.push_str(&format!(", according to {}", e.claimed_by.join(" and ")));
    }
    s.push('.');
    s
}
