//! Place recognition and relative locations on sentences written for the
//! tests.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;
use vigie_core::geo::haversine_km;
use vigie_core::{Article, FuzzyDate, InputFormat, Origin, PlaceMention, Span};
use vigie_lexicon::Lexicon;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::embedded().unwrap())
}

fn places(lang: &str, text: &str) -> Vec<(String, PlaceMention)> {
    let mut a = Article::new("t", text, Origin::new("t", InputFormat::Builtin));
    a.language = Some(lang.into());
    a.published = FuzzyDate::parse("2019-05-10");
    a.body = vec![Span::new(0, text.len())];
    let ann = vigie_annotate::annotate(&mut a, lexicon());
    ann.places
        .iter()
        .map(|p| {
            (
                p.span.slice(text).unwrap().to_string(),
                p.value.mention.clone(),
            )
        })
        .collect()
}

fn find<'a>(ps: &'a [(String, PlaceMention)], surface: &str) -> &'a PlaceMention {
    &ps.iter()
        .find(|(s, _)| s.contains(surface))
        .unwrap_or_else(|| panic!("no place {surface:?} in {ps:#?}"))
        .1
}

fn near(m: &PlaceMention, lat: f64, lon: f64, km: f64) -> bool {
    haversine_km(m.latitude.unwrap(), m.longitude.unwrap(), lat, lon) <= km
}

#[test]
fn distance_and_direction_offsets() {
    let ps = places(
        "fr",
        "Les troupes sont arrivées à 30 km au sud de Raqqa, en Syrie, mardi.",
    );
    let m = find(&ps, "Raqqa");
    assert_eq!(m.geo_precision, 2);
    // Ar Raqqah (35.95, 39.01) moved 30 km south.
    assert!(near(m, 35.68, 39.01, 3.0), "{m:?}");
    assert!(m.relation.as_deref().unwrap().starts_with("30 km S of"));
    let ps = places("en", "Fighting raged north of Aleppo, in Syria, on Monday.");
    let m = find(&ps, "Aleppo");
    assert_eq!(
        (m.geo_precision, m.relation.as_deref()),
        (2, Some("N of Aleppo"))
    );
}

#[test]
fn near_province_and_anaphora() {
    let ps = places(
        "fr",
        "Des combats ont eu lieu près de Palmyre, dans le désert syrien.",
    );
    assert_eq!(find(&ps, "Palmyre").geo_precision, 2);
    let ps = places(
        "fr",
        "Des frappes ont visé des positions dans la province d'Idleb, en Syrie.",
    );
    let m = find(&ps, "Idleb");
    assert_eq!((m.geo_precision, m.admin1.as_deref()), (3, Some("Idlib")));
    // "la cité antique" is Palmyra, 25 km west of it is where the fighting is,
    // and a village the gazetteer lacks is placed there.
    let ps = places(
        "fr",
        "L'armée syrienne approche de Palmyre. Les troupes sont à 25 km à l'ouest de la cité antique et combattent près du village de Qasr Hunaydir.",
    );
    let anaphor = find(&ps, "la cité antique");
    assert!(near(anaphor, 34.56, 38.01, 3.0), "{anaphor:?}");
    let village = find(&ps, "Qasr Hunaydir");
    assert!(near(village, 34.56, 38.01, 3.0), "{village:?}");
    assert!(village
        .relation
        .as_deref()
        .unwrap()
        .starts_with("not in the gazetteer"));
}

#[test]
fn ships_and_weapons_are_not_places() {
    let ps = places(
        "fr",
        "Le destroyer USS Carney a abattu trois drones Shahed au large de Hodeïda, puis la frégate HMS Diamond a tiré des missiles Sea Viper.",
    );
    for wrong in ["Carney", "Shahed", "Diamond", "Viper", "Sea"] {
        assert!(
            !ps.iter().any(|(s, _)| s.contains(wrong)),
            "{wrong} taken for a place: {ps:#?}"
        );
    }
    assert!(
        ps.iter()
            .any(|(s, m)| s.contains("Hodeïda") && m.country.as_deref() == Some("YE")),
        "{ps:#?}"
    );
    // A title-case headline keeps its place after a weapon noun.
    let ps = places("en", "Russian Missiles Hit Kyiv");
    assert!(ps.iter().any(|(s, _)| s.contains("Kyiv")), "{ps:#?}");
}

#[test]
fn people_organisations_and_far_namesakes_are_not_places() {
    let ps = places("en", "Pentagon spokesman Jeff Davis said the USS Porter fired missiles at the Shayrat airbase in Syria.");
    for wrong in ["Jeff", "Davis", "Porter", "USS"] {
        assert!(
            !ps.iter().any(|(s, _)| s.contains(wrong)),
            "{wrong} taken for a place: {ps:#?}"
        );
    }
    assert!(
        ps.iter()
            .any(|(s, m)| s.contains("Shayrat") && m.country.as_deref() == Some("SY")),
        "{ps:#?}"
    );
    let ps = places(
        "fr",
        "Selon l'ONU et l'OSDH, les combats ont repris autour d'Idleb, en Syrie.",
    );
    assert!(
        !ps.iter()
            .any(|(s, _)| s.contains("ONU") || s.contains("OSDH")),
        "{ps:#?}"
    );
}
