//! Class: the event's place is not in its own sentence. A change of
//! territory about "the airport", "the barracks", "la ville" takes the
//! place the discourse is about: the previous sentences, else the
//! headline — not the dateline city the story was filed from, nor a
//! place named only in passing. Our own articles, several wars, French
//! and English.

mod common;
use common::*;

#[test]
fn en_facility_taken_under_a_headline_naming_the_city() {
    // Iraq: the city only in the headline; the dateline is elsewhere.
    let evs = events_of(
        "2015-12-28",
        "Iraqi forces close in on Ramadi\n\n\
         BAGHDAD (Reuters) - Iraqi troops seized the main government complex on Sunday, the last stronghold of Islamic State fighters in the centre of the city, a military spokesman said.\n",
    );
    let e = find(&evs, "Government regains territory", "Ramadi");
    assert_eq!(e.actor1, "Military Forces of Iraq", "{}", show(&evs));
    assert_eq!(e.event_date.to_string(), "2015-12-27");
    none_at(&evs, "Baghdad");
}

#[test]
fn fr_airport_taken_after_a_sentence_naming_the_town() {
    // Mali: the town in the previous sentence.
    let evs = events_of(
        "2023-11-16",
        "Les Forces armées maliennes sont arrivées mardi aux abords d'Anéfis, dans la région de Kidal, selon des sources locales. \
         Mercredi, les soldats ont pris le contrôle de l'aéroport et des principaux bâtiments administratifs, a indiqué l'état-major.\n",
    );
    let e = find(&evs, "Government regains territory", "An");
    assert_eq!(e.actor1, "Military Forces of Mali", "{}", show(&evs));
    assert_eq!(e.event_date.to_string(), "2023-11-15", "{}", show(&evs));
}

#[test]
fn fr_the_army_now_holds_the_city() {
    // Syria: "tient désormais la ville", the city in the headline.
    let evs = events_of(
        "2016-03-28",
        "Syrie : l'armée entre dans Palmyre\n\n\
         Après trois semaines d'offensive appuyée par l'aviation russe, l'armée syrienne tient désormais la ville, a annoncé dimanche la télévision d'État.\n",
    );
    let e = find(&evs, "Government regains territory", "Tadmur");
    assert_eq!(e.actor1, "Military Forces of Syria", "{}", show(&evs));
}

#[test]
fn en_rebels_seize_the_barracks_of_the_town_of_the_lead() {
    // DRC: the town in the lead sentence, the barracks in the next one.
    let evs = events_of(
        "2022-10-30",
        "GOMA, Congo (AP) — M23 rebels advanced on Rutshuru on Saturday after heavy fighting with the Congolese army, residents said. \
         By the afternoon the rebels had seized the main barracks and the administrator's office, a local official said.\n",
    );
    let e = find(&evs, "Non-state actor overtakes territory", "Rutshuru");
    assert_eq!(e.actor1, "M23: March 23 Movement", "{}", show(&evs));
    none_at(&evs, "Goma");
}

#[test]
fn a_territory_change_about_nothing_named_is_still_not_coded() {
    // "vast territories", no place anywhere: nothing to code.
    let p = process(dated(
        "2017-06-10",
        "Les forces gouvernementales ont repris de vastes territoires aux jihadistes ces derniers mois, selon le ministère.\n",
    ));
    assert!(
        p.extraction.events.is_empty(),
        "{}",
        show(&p.extraction.events)
    );
}

#[test]
fn a_nationality_adjective_says_whose_not_where() {
    // Ukraine and Syria: "Russian bombers", "bombes planantes russes",
    // "drones turcs" name who struck; the town is resolved in the country
    // the story is in, not in the striker's.
    for (published, text, sub, country) in [
        (
            "2024-01-14",
            "Russian Su-34 bombers dropped glide bombs on Kostiantynivka on Sunday, killing two people, the regional governor said.\n",
            "Air/drone strike",
            "UA",
        ),
        (
            "2024-05-05",
            "Des bombes planantes russes ont frappé samedi Kostiantynivka, tuant trois civils, selon le gouverneur.\n",
            "Air/drone strike",
            "UA",
        ),
        (
            "2024-05-05",
            "Des drones turcs ont frappé dimanche un véhicule à Derik, dans le nord-est, tuant deux civils, selon l'OSDH.\n",
            "Air/drone strike",
            "SY",
        ),
    ] {
        let evs = events_of(published, text);
        let e = evs
            .iter()
            .find(|e| e.sub_event_type.as_str() == sub)
            .unwrap_or_else(|| panic!("no {sub} in:\n{}", show(&evs)));
        assert_eq!(e.country.as_deref(), Some(country), "{}", show(&evs));
    }
}
