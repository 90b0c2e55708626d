//! Class: places named in an event's sentence that are not where it
//! happened — where fighters come from, where talks were held, the seat of
//! a sponsor, a photo caption, a person whose name is also a town, the
//! dateline city of a story about elsewhere. Our own articles, French and
//! English, several wars.

mod common;
use common::*;

#[test]
fn fr_origin_of_fighters_is_not_the_battlefield() {
    // Syria: the fighters' home towns are in Tunisia; the battle is where
    // the previous sentence says.
    let evs = events_of(
        "2017-09-12",
        "L'armée syrienne a lancé lundi un assaut contre les positions de l'Etat islamique près de Deir ez-Zor. \
         Une trentaine de jihadistes originaires de Tunis et de Sfax ont été tués dans les combats, selon l'OSDH.\n",
    );
    none_at(&evs, "Tunis");
    none_at(&evs, "Sfax");
    find(&evs, "Armed clash", "Deir");
}

#[test]
fn en_fighters_who_came_from_a_neighbouring_country() {
    // Niger: attackers from Mali; the attack is in Niger.
    let evs = events_of(
        "2025-03-22",
        "Gunmen hailing from Menaka in neighbouring Mali killed at least 20 villagers in an attack on the village of Tillia on Friday, Niger's interior ministry said.\n",
    );
    none_at(&evs, "Ménaka");
    find(&evs, "Attack", "Tillia");
}

#[test]
fn en_talks_venue_is_not_a_strike_place() {
    // Gaza: the strike in Khan Younis, the talks in Doha.
    let evs = events_of(
        "2024-03-16",
        "Israeli air strikes killed at least 20 people in Khan Younis on Friday, health officials said, while mediators held talks in Doha.\n",
    );
    none_at(&evs, "Doha");
}

#[test]
fn fr_a_truce_negotiated_abroad_places_nothing_there() {
    // Syria: the fighting in Idlib; the truce negotiated in Moscow.
    let evs = events_of(
        "2020-03-07",
        "Des combats ont opposé vendredi les forces gouvernementales syriennes aux rebelles près de Saraqeb, malgré un cessez-le-feu négocié à Moscou par la Russie et la Turquie.\n",
    );
    none_at(&evs, "Moscow");
    find(&evs, "Armed clash", "Saraqib");
    assert!(
        !evs.iter().any(|e| e.sub_event_type.as_str() == "Agreement"),
        "a truce named in passing is no agreement:\n{}",
        show(&evs)
    );
}

#[test]
fn en_sponsor_seat_before_a_hyphen_is_not_a_place() {
    // Yemen: "Riyadh-backed" government forces.
    let evs = events_of(
        "2021-03-08",
        "Riyadh-backed government forces clashed with Houthi fighters south of Marib on Sunday, killing 14, military sources said.\n",
    );
    none_at(&evs, "Riyadh");
    find(&evs, "Armed clash", "Ma");
}

#[test]
fn fr_photo_caption_places_nothing() {
    // Mali: the headline names Ménaka, a caption names Gao, the body "la
    // ville".
    let evs = events_of(
        "2022-03-05",
        "Mali : une attaque contre un camp militaire à Ménaka\n\n\
         Photo : un convoi de soldats maliens près de Gao, en février. © AFP\n\n\
         Des jihadistes ont attaqué vendredi le camp militaire de la ville, tuant deux soldats, a annoncé l'armée malienne.\n",
    );
    none_at(&evs, "Gao");
    find(&evs, "Armed clash", "Ménaka");
}

#[test]
fn en_a_person_after_a_title_is_not_a_town() {
    // Nigeria: Sheikh Gumi shares his name with a town.
    let p = process(dated(
        "2024-02-05",
        "Bandits killed nine villagers in Dansadau, in Zamfara State, on Saturday night, police said. \
         The cleric Sheikh Gumi condemned the killings and called for talks with the gangs.\n",
    ));
    let names: Vec<&str> = p
        .annotation
        .places
        .iter()
        .map(|pl| pl.value.mention.name.as_str())
        .collect();
    assert!(!names.iter().any(|n| n.contains("Gumi")), "{names:?}");
}

#[test]
fn a_surname_that_is_also_a_town_is_not_a_place() {
    // Pakistan and Mexico: "Khan", "Guerrero" after a given name are
    // people, whatever the gazetteer holds under those names.
    for (published, text, name) in [
        (
            "2023-05-10",
            "Supporters of opposition leader Imran Khan clashed with police in Lahore on Tuesday, Pakistani officials said.\n",
            "Khan",
        ),
        (
            "2024-10-28",
            "Le chef de la faction, Joaquín Guerrero, a été arrêté lundi à Culiacán par l'armée mexicaine.\n",
            "Guerrero",
        ),
    ] {
        let p = process(dated(published, text));
        let places: Vec<&str> = p
            .annotation
            .places
            .iter()
            .map(|pl| {
                pl.span
                    .slice(&p.article.text)
                    .unwrap_or("")
            })
            .collect();
        assert!(!places.iter().any(|t| t.contains(name)), "{places:?}");
    }
}

#[test]
fn en_dateline_city_is_not_the_scene_of_an_ascii_dash_story() {
    // Burkina Faso: filed from the capital, the attack in the north.
    let evs = events_of(
        "2022-06-13",
        "OUAGADOUGOU (Reuters) - Gunmen killed at least 50 civilians in an attack on the town of Seytenga in northern Burkina Faso on Saturday, the government said.\n",
    );
    none_at(&evs, "Ouagadougou");
}

#[test]
fn en_a_capital_is_not_a_hamlet_of_the_focus_country() {
    // Russia/Ukraine: "Washington and Berlin" supplied the air defences; a
    // Russian hamlet is also called Berlin.
    let p = process(dated(
        "2023-10-18",
        "Russian drones struck energy facilities in Odesa overnight, officials said. Air defence systems supplied by Washington and Berlin downed most of the Russian drones.\n",
    ));
    assert!(
        !p.annotation
            .places
            .iter()
            .any(|pl| pl.value.mention.country.as_deref() == Some("RU")),
        "a place in Russia was read"
    );
    none_at(&p.extraction.events, "Berlin");
}

#[test]
fn fr_wire_dateline_with_a_double_dash() {
    // Niger: "NIAMEY, 22 mars (Xinhua) --" is where the story was filed.
    let evs = events_of(
        "2025-03-22",
        "NIAMEY, 22 mars (Xinhua) -- Des hommes armés ont tué vendredi 44 civils dans une mosquée du village de Fambita, dans la région de Tillabéri, a annoncé le ministère nigérien de l'Intérieur.\n",
    );
    none_at(&evs, "Niamey");
}

#[test]
fn en_a_town_named_after_a_settlement_noun_is_the_whole_name() {
    // Syria: "the town of Tal Tamr" is Tall Tamr, not a place called Tal.
    let evs = events_of(
        "2019-11-15",
        "Turkish troops clashed with fighters of the Syrian Democratic Forces near the town of Tal Tamr on Thursday, the Syrian Observatory for Human Rights said.\n",
    );
    let e = find(&evs, "Armed clash", "Tamr");
    let (lat, lon) = (e.latitude.unwrap_or(0.0), e.longitude.unwrap_or(0.0));
    assert!(
        (lat - 36.66).abs() < 0.1 && (lon - 40.37).abs() < 0.1,
        "{lat},{lon}"
    );
}

#[test]
fn a_month_beside_a_day_is_no_place() {
    // Mozambique: "MAPUTO, Aug 8 (Reuters)" with no year anywhere: "Aug"
    // is a date the text cannot resolve, not a village.
    let p = process(undated(
        "MAPUTO, Aug 8 (Reuters) - Rwandan and Mozambican soldiers have recaptured the port town of Mocimboa da Praia from insurgents, Rwanda's military said on Sunday.\n",
    ));
    assert!(
        !p.annotation
            .places
            .iter()
            .any(|pl| pl.span.slice(&p.article.text) == Some("Aug")),
        "'Aug' read as a place"
    );
}
