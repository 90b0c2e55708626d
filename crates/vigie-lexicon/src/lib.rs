//! Linguistic data for vigie and the matchers compiled from it.
//!
//! Everything vigie knows about language and the world (place names, actor
//! names and aliases, event trigger words, month and weekday names, number
//! words, boilerplate cues) lives in data files under `data/`, documented in
//! `data/README.md`. They are embedded in the binary and can be extended or
//! replaced by user files without recompiling (see [`DataSet`]).
//!
//! Architecture invariant: this crate parses bytes it is given; it never
//! opens a file.

pub mod actors;
pub mod calendar;
pub mod claimants;
pub mod countries;
pub mod cues;
pub mod data;
mod error;
pub mod matcher;
pub mod numbers;
pub mod outlets;
pub mod pattern;
pub mod triggers;

pub use actors::{Actor, Actors, AliasTarget, Fallback, FallbackActor, GenericRule, Period};
pub use calendar::{Calendar, DateWord, Unit};
pub use claimants::{Claimant, Claimants};
pub use countries::{Countries, Country};
pub use cues::{ClaimCue, Cues, PlaceCueKind, PlaceRole, PlaceWord, RoleCue};
pub use data::DataSet;
pub use error::LexiconError;
pub use matcher::{PhraseMatch, PhraseMatcher, PhraseMatcherBuilder};
pub use numbers::{NumberWord, Numbers};
pub use outlets::{Outlet, Outlets};
pub use triggers::{Condition, FilterCue, Frame, Trigger, TriggerSubEvent, Triggers};
pub use vigie_gazetteer as gazetteer;
pub use vigie_gazetteer::{Admin1, Entry, FoldRules, Gazetteer, MatchKind, Place};

use vigie_text::TextRules;

/// Everything compiled from a [`DataSet`].
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub text: TextRules,
    pub countries: Countries,
    pub actors: Actors,
    pub claimants: Claimants,
    pub outlets: Outlets,
    pub calendar: Calendar,
    pub numbers: Numbers,
    pub triggers: Triggers,
    pub cues: Cues,
    pub gazetteer: Gazetteer,
}

/// Files of the lexicon directories for one kind (`lexicon/*/<name>`).
fn per_language<'a>(data: &'a DataSet, name: &'a str) -> Vec<(&'a str, &'a [u8])> {
    data.matching("lexicon/", name)
        .filter(|(p, _)| p.ends_with(&format!("/{name}")))
        .collect()
}

impl Lexicon {
    /// The lexicon of the embedded data.
    pub fn embedded() -> Result<Lexicon, LexiconError> {
        Lexicon::load(&DataSet::embedded())
    }

    /// Compiles a data set. Errors name the file and the problem; the
    /// first error stops the load (a broken data file is a configuration
    /// error, not input).
    pub fn load(data: &DataSet) -> Result<Lexicon, LexiconError> {
        Lexicon::load_with(data, Vec::new())
    }

    /// Compiles a data set, adding compiled gazetteer layers (an imported
    /// GeoNames dump, memory-mapped by the caller).
    pub fn load_with(
        data: &DataSet,
        extra_layers: Vec<(String, gazetteer::Bytes)>,
    ) -> Result<Lexicon, LexiconError> {
        let start = std::time::Instant::now();
        let lap = |what: &str| tracing::debug!("lexicon: {what} loaded at {:?}", start.elapsed());
        let mut text = TextRules::default();
        for (file, bytes) in per_language(data, "text.toml") {
            let src = std::str::from_utf8(bytes)
                .map_err(|_| LexiconError::invalid(file, "not valid UTF-8"))?;
            text.add_toml(file, src)?;
        }
        let countries = match data.get("countries.tsv") {
            Some(b) => Countries::parse("countries.tsv", b)?,
            None => Countries::default(),
        };
        let mut actors = actors::ActorsBuilder::new();
        for (file, bytes) in data.matching("actors/", ".toml") {
            actors.add_file(file, bytes)?;
        }
        let actors = actors.build(&countries)?;
        lap("actors");
        let claimant_files: Vec<(&str, &[u8])> = data.matching("claimants", ".toml").collect();
        let claimants = Claimants::parse(claimant_files)?;
        let outlets = match data.get("outlets.tsv") {
            Some(b) => Outlets::parse("outlets.tsv", b)?,
            None => Outlets::default(),
        };
        let calendar = Calendar::parse(per_language(data, "calendar.toml"))?;
        let numbers = Numbers::parse(per_language(data, "numbers.toml"))?;
        let triggers = Triggers::parse(per_language(data, "triggers.toml"))?;
        let cues = Cues::parse(
            per_language(data, "claims.toml"),
            per_language(data, "places.toml"),
            per_language(data, "roles.toml"),
        )?;
        lap("cues");
        let gazetteer = load_gazetteer(data, extra_layers)?;
        lap("gazetteer");
        Ok(Lexicon {
            text,
            countries,
            actors,
            claimants,
            outlets,
            calendar,
            numbers,
            triggers,
            cues,
            gazetteer,
        })
    }
}

/// The gazetteer files the embedded index is compiled from.
const GAZETTEER_BASE: &[&str] = &[
    "gazetteer/places.tsv.gz",
    "gazetteer/overlay.tsv",
    "gazetteer/aliases.tsv",
    "gazetteer/admin1.tsv",
    "gazetteer/folding.tsv",
];

/// The embedded compiled gazetteer when the user changed none of its
/// files, else one compiled now from the data set; user place files
/// (`gazetteer/*.tsv` under other names) and `extra` add layers.
fn load_gazetteer(
    data: &DataSet,
    extra: Vec<(String, gazetteer::Bytes)>,
) -> Result<Gazetteer, LexiconError> {
    let folding = data.get("gazetteer/folding.tsv").unwrap_or_default();
    let rules_text = std::str::from_utf8(folding)
        .map_err(|_| LexiconError::invalid("gazetteer/folding.tsv", "not valid UTF-8"))?;
    let rules = FoldRules::parse(rules_text)
        .map_err(|e| LexiconError::invalid("gazetteer/folding.tsv", e))?;
    let replaced = data
        .user_paths()
        .iter()
        .any(|p| GAZETTEER_BASE.contains(&p.as_str()));
    let gaz_err =
        |e: vigie_gazetteer::GazetteerError| LexiconError::invalid("gazetteer", e.to_string());
    let embedded = if replaced {
        None
    } else {
        Gazetteer::embedded(rules.clone()).map_err(gaz_err)?
    };
    let mut gaz = match embedded {
        Some(g) => g,
        None => {
            tracing::info!(
                "compiling the gazetteer from the data files (its files or folding rules changed)"
            );
            let files: Vec<(&str, &[u8])> = GAZETTEER_BASE
                .iter()
                .filter_map(|p| data.get(p).map(|b| (*p, b)))
                .collect();
            let blob = Gazetteer::build(&rules, &files).map_err(gaz_err)?;
            let mut g = Gazetteer::empty(rules.clone());
            g.add_layer("gazetteer", std::sync::Arc::new(blob))
                .map_err(gaz_err)?;
            g
        }
    };
    let user: Vec<(&str, &[u8])> = data
        .user_paths()
        .iter()
        .filter(|p| {
            p.starts_with("gazetteer/")
                && !GAZETTEER_BASE.contains(&p.as_str())
                && p.ends_with(".tsv")
        })
        .filter_map(|p| data.get(p).map(|b| (p.as_str(), b)))
        .collect();
    if !user.is_empty() {
        let blob = Gazetteer::build(&rules, &user).map_err(gaz_err)?;
        gaz.add_layer("user gazetteer files", std::sync::Arc::new(blob))
            .map_err(gaz_err)?;
    }
    for (name, bytes) in extra {
        gaz.add_layer(&name, bytes).map_err(gaz_err)?;
    }
    Ok(gaz)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_lexicon_loads() {
        let lex = Lexicon::embedded().unwrap();
        assert!(lex.text.languages.contains(&"fr".to_string()));
        assert!(!lex.triggers.is_empty());
    }

    #[test]
    fn a_broken_user_file_names_itself() {
        let mut data = DataSet::embedded();
        data.insert(
            "lexicon/fr/calendar.toml",
            b"language = \"fr\"\nmonths = []\nweekdays = []".to_vec(),
        );
        let e = Lexicon::load(&data).unwrap_err();
        assert_eq!(
            e.to_string(),
            "lexicon/fr/calendar.toml: months: expected 12 entries, found 0"
        );
    }
}
