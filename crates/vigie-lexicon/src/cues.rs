//! Claim cues (`claims.toml`) and place cues (`places.toml`) per language.

use crate::error::{parse_toml, LexiconError};
use crate::matcher::{PhraseMatcher, PhraseMatcherBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;

/// What an attribution cue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimCue {
    /// Before the claimant ("selon", "according to").
    Before,
    /// A speech verb ("a indiqué", "said").
    Verb,
    /// Makes the claimant a relay of another ("citant").
    Relay,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    language: String,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    relay: Vec<String>,
}

/// What a place cue says about the place after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceCueKind {
    Settlement,
    Preposition,
    Near,
    Region,
    Part,
}

/// A place-related phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PlaceWord {
    Cue(PlaceCueKind),
    /// A compass bearing in degrees.
    Direction(f64),
    /// A distance unit in km.
    DistanceUnit(f64),
    DirectionBefore,
    DirectionAfter,
    /// A phrase standing for the place last named ("la cité antique").
    Anaphor,
    /// A capitalised name that is never a place ("Telegram").
    NotPlace,
    /// A word whose following capitalised name is never a place: a ship's
    /// prefix ("USS Porter"), a weapon's ("missile Tomahawk").
    NotPlaceAfter,
    /// A noun for a part or facility of a place ("l'aéroport", "the main
    /// barracks"): with no name after it, it stands for the place the
    /// discourse is about.
    Facility,
    /// Before a place that is not where an event happened.
    Role(PlaceRole),
    /// Right after such a place ("Washington-backed", "the Doha talks").
    RoleAfter(PlaceRole),
    /// A word that may stand between two places of one list ("et", "the").
    Joiner,
}

impl PlaceRole {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceRole::Origin => "origin",
            PlaceRole::Venue => "venue",
            PlaceRole::Sponsor => "sponsor",
            PlaceRole::Credit => "credit",
            PlaceRole::Person => "person",
            PlaceRole::Container => "container",
        }
    }
}

/// What a place named after a role cue is, when it is not the scene of an
/// event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceRole {
    /// Where people come from ("des combattants originaires de Tunis").
    Origin,
    /// Where talks were held ("une trêve négociée à Genève").
    Venue,
    /// A government's seat standing for it ("la coalition menée par Paris").
    Sponsor,
    /// A photo credit or caption ("NAME/Reuters", "© AFP"): every place of
    /// a sentence with such a cue.
    Credit,
    /// A person's name after a title ("le général Khalifa Haftar").
    Person,
    /// The division a place just named is in ("Kiwanja in Rutshuru
    /// territory", "Pulka, in Gwoza Local Government Area"): it locates
    /// that place, it is not another scene. Without a place just before,
    /// the division is the scene, known to its region.
    Container,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacesFile {
    language: String,
    #[serde(default)]
    cue: Vec<CueEntry>,
    #[serde(default)]
    directions: BTreeMap<String, f64>,
    #[serde(default)]
    distance_units: BTreeMap<String, f64>,
    #[serde(default)]
    direction_before: Vec<String>,
    #[serde(default)]
    direction_after: Vec<String>,
    #[serde(default)]
    anaphors: Vec<String>,
    #[serde(default)]
    not_places: Vec<String>,
    #[serde(default)]
    not_places_after: Vec<String>,
    #[serde(default)]
    facilities: Vec<String>,
    #[serde(default)]
    list_joiners: Vec<String>,
    #[serde(default)]
    role: Vec<RoleEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleEntry {
    kind: PlaceRole,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueEntry {
    kind: PlaceCueKind,
    phrases: Vec<String>,
}

/// What a role cue says about the actor after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RoleCue {
    Agent,
    Loser,
    Target,
    Support,
    Between,
    Perpetrator,
    Passive,
    /// After an actor that suffered the event ("ont péri", "were killed").
    Suffered,
    /// Opens a subordinate or coordinate clause ("lorsque", "when").
    Clause,
    /// An object that makes an attack violence against civilians ("le
    /// village", "worshippers").
    CivilianTarget,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesFile {
    language: String,
    #[serde(default)]
    agent: Vec<String>,
    #[serde(default)]
    loser: Vec<String>,
    #[serde(default)]
    target: Vec<String>,
    #[serde(default)]
    support: Vec<String>,
    #[serde(default)]
    between: Vec<String>,
    #[serde(default)]
    perpetrator: Vec<String>,
    #[serde(default)]
    passive: Vec<String>,
    #[serde(default)]
    suffered: Vec<String>,
    #[serde(default)]
    clause: Vec<String>,
    #[serde(default)]
    civilian_targets: Vec<String>,
}

/// Compiled claim, place and role cues.
#[derive(Debug, Clone)]
pub struct Cues {
    pub claims: PhraseMatcher<ClaimCue>,
    pub places: PhraseMatcher<PlaceWord>,
    pub roles: PhraseMatcher<RoleCue>,
}

impl Cues {
    pub fn parse<'a>(
        claim_files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
        place_files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
        role_files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> Result<Cues, LexiconError> {
        let mut c = PhraseMatcherBuilder::new();
        for (file, bytes) in claim_files {
            let f: ClaimsFile = parse_toml(file, bytes)?;
            let _ = f.language;
            for p in &f.before {
                c.add(p, ClaimCue::Before);
            }
            for p in &f.verbs {
                c.add(p, ClaimCue::Verb);
            }
            for p in &f.relay {
                c.add(p, ClaimCue::Relay);
            }
        }
        let mut p = PhraseMatcherBuilder::new();
        for (file, bytes) in place_files {
            let f: PlacesFile = parse_toml(file, bytes)?;
            let _ = f.language;
            for cue in &f.cue {
                for phrase in &cue.phrases {
                    p.add(phrase, PlaceWord::Cue(cue.kind));
                }
            }
            for (w, b) in &f.directions {
                if !(0.0..360.0).contains(b) {
                    return Err(LexiconError::invalid(
                        file,
                        format!("direction {w:?}: bearing {b} is not in [0, 360)"),
                    ));
                }
                p.add(w, PlaceWord::Direction(*b));
            }
            for (w, k) in &f.distance_units {
                p.add(w, PlaceWord::DistanceUnit(*k));
            }
            for (list, word) in [
                (&f.direction_before, PlaceWord::DirectionBefore),
                (&f.direction_after, PlaceWord::DirectionAfter),
                (&f.anaphors, PlaceWord::Anaphor),
                (&f.not_places, PlaceWord::NotPlace),
                (&f.not_places_after, PlaceWord::NotPlaceAfter),
                (&f.facilities, PlaceWord::Facility),
                (&f.list_joiners, PlaceWord::Joiner),
            ] {
                for w in list {
                    p.add(w, word);
                }
            }
            for role in &f.role {
                for phrase in &role.phrases {
                    p.add(phrase, PlaceWord::Role(role.kind));
                }
                for phrase in &role.after {
                    p.add(phrase, PlaceWord::RoleAfter(role.kind));
                }
            }
        }
        let mut r = PhraseMatcherBuilder::new();
        for (file, bytes) in role_files {
            let f: RolesFile = parse_toml(file, bytes)?;
            let _ = f.language;
            for (list, cue) in [
                (&f.agent, RoleCue::Agent),
                (&f.loser, RoleCue::Loser),
                (&f.target, RoleCue::Target),
                (&f.support, RoleCue::Support),
                (&f.between, RoleCue::Between),
                (&f.perpetrator, RoleCue::Perpetrator),
                (&f.passive, RoleCue::Passive),
                (&f.suffered, RoleCue::Suffered),
                (&f.clause, RoleCue::Clause),
                (&f.civilian_targets, RoleCue::CivilianTarget),
            ] {
                for p in list {
                    r.add(p, cue);
                }
            }
        }
        Ok(Cues {
            claims: c.build(),
            places: p.build(),
            roles: r.build(),
        })
    }
}
