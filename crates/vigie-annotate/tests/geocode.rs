//! `geocode` puts well-known conflict places, as French and English
//! reports spell them, within 10 km of the real place.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use vigie_annotate::places::geocode;
use vigie_core::geo::haversine_km;
use vigie_lexicon::Lexicon;

/// (name as written, country hint, true latitude, true longitude)
const PLACES: &[(&str, Option<&str>, f64, f64)] = &[
    ("Boukamal", None, 34.45, 40.92),
    ("Deir Ezzor", None, 35.34, 40.14),
    ("al-Soukhna", None, 34.89, 38.87),
    ("Palmyre", None, 34.56, 38.28),
    ("Raqqa", None, 35.95, 39.01),
    ("Mossoul", None, 36.34, 43.13),
    ("Kirkouk", None, 35.47, 44.39),
    ("Afrine", None, 36.51, 36.87),
    ("Manbij", None, 36.53, 37.95),
    ("Tombouctou", None, 16.77, -3.01),
    ("Ménaka", None, 15.92, 2.40),
    ("Gao", None, 16.27, -0.04),
    ("Ouagadougou", None, 12.37, -1.53),
    ("Maiduguri", None, 11.85, 13.16),
    ("Beni", Some("CD"), 0.49, 29.47),
    ("Goma", None, -1.68, 29.23),
    ("Tripoli", Some("LY"), 32.89, 13.19),
    ("Hodeïda", None, 14.80, 42.95),
    ("Kramatorsk", None, 48.72, 37.56),
    ("Donetsk", None, 48.02, 37.80),
    // More, as French and English reports write them.
    ("Alep", None, 36.20, 37.16),
    ("Damas", None, 33.51, 36.29),
    ("Idleb", None, 35.93, 36.63),
    ("Bagdad", None, 33.34, 44.40),
    ("Falloujah", None, 33.35, 43.78),
    ("Ramadi", None, 33.42, 43.30),
    ("Kaboul", None, 34.53, 69.17),
    ("Kandahar", None, 31.61, 65.71),
    ("Mogadiscio", None, 2.04, 45.34),
    ("Sanaa", None, 15.35, 44.21),
    ("Aden", Some("YE"), 12.78, 45.04),
    ("Marib", Some("YE"), 15.46, 45.32),
    ("Benghazi", None, 32.12, 20.07),
    ("Misrata", None, 32.38, 15.09),
    ("Bunia", None, 1.56, 30.25),
    ("Kidal", None, 18.44, 1.41),
    ("Djibo", None, 14.10, -1.63),
    ("Niamey", None, 13.51, 2.11),
    ("Diffa", None, 13.32, 12.61),
    ("Bamako", None, 12.65, -8.00),
    ("Marioupol", None, 47.10, 37.55),
    ("Kharkiv", None, 50.00, 36.23),
    ("Bakhmout", None, 48.60, 38.00),
    ("Khan Cheikhoun", None, 35.44, 36.65),
    ("Qamichli", None, 37.05, 41.23),
    ("Kobané", None, 36.89, 38.35),
];

#[test]
fn well_known_places_resolve_within_10_km() {
    let lex = Lexicon::embedded().unwrap();
    let mut misses = Vec::new();
    for &(name, country, lat, lon) in PLACES {
        match geocode(&lex, name, country, None).first() {
            Some(c) => {
                let d = haversine_km(lat, lon, c.latitude, c.longitude);
                if d > 10.0 {
                    misses.push(format!(
                        "{name}: {} ({}) is {d:.0} km away",
                        c.name, c.country
                    ));
                }
            }
            None => misses.push(format!("{name}: no candidate")),
        }
    }
    assert!(misses.is_empty(), "{misses:#?}");
}

#[test]
fn hints_change_the_ranking() {
    let lex = Lexicon::embedded().unwrap();
    // Tripoli in Lebanon or Libya.
    let lb = geocode(&lex, "Tripoli", Some("LB"), None);
    assert_eq!(lb[0].country, "LB");
    let near_libya = geocode(&lex, "Tripoli", None, Some((32.0, 14.0)));
    assert_eq!(near_libya[0].country, "LY");
    assert!(geocode(&lex, "Xqzzyv", None, None).is_empty());
}
