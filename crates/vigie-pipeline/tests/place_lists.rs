//! Class: one sentence, several places — "raids on the villages of A, B
//! and C", "deux attaques simultanées contre X et Y" — are one event per
//! place, each with its own toll when the text gives one. Our own
//! articles, French and English, several wars.

mod common;
use common::*;

#[test]
fn en_shelling_of_three_towns() {
    // Ukraine: a list with an article and a trailing common noun.
    let evs = events_of(
        "2023-10-18",
        "Russian forces shelled Nikopol, Marhanets and the Chervonohryhorivka community overnight, the regional governor said.\n",
    );
    for place in ["Nikopol", "Marhanets", "Chervonohryhorivka"] {
        find(&evs, "Shelling/artillery/missile attack", place);
    }
}

#[test]
fn en_raids_on_the_villages_of_a_list() {
    // Syria: "the villages of" before a list.
    let evs = events_of(
        "2019-05-22",
        "Russian air strikes hit the villages of Kafr Nabl, Hass and Kafr Sajna in southern Idlib on Tuesday, the Syrian Observatory for Human Rights said.\n",
    );
    for place in ["Kafran", "Has", "Kafr Sajn"] {
        find(&evs, "Air/drone strike", place);
    }
}

#[test]
fn fr_two_simultaneous_attacks_each_with_its_toll() {
    // Burkina Faso: two places, two tolls.
    let evs = events_of(
        "2023-10-10",
        "Des jihadistes ont mené dimanche deux attaques simultanées contre les villages de Gorgadji et de Sollé, dans le nord du Burkina Faso, faisant onze morts à Gorgadji et sept à Sollé, selon des sources locales.\n",
    );
    assert_eq!(
        find(&evs, "Attack", "Gorgadji").fatalities,
        Some(11),
        "{}",
        show(&evs)
    );
    assert_eq!(
        find(&evs, "Attack", "Soll").fatalities,
        Some(7),
        "{}",
        show(&evs)
    );
}

#[test]
fn en_strikes_on_two_towns_with_their_tolls() {
    // Sudan: one sentence, two towns, each toll after its town.
    let evs = events_of(
        "2024-06-11",
        "Army warplanes bombed markets in Kabkabiya and Mellit on Sunday, killing 11 people in Kabkabiya and four in Mellit, residents said.\n",
    );
    assert_eq!(
        find(&evs, "Air/drone strike", "Kabk").fatalities,
        Some(11),
        "{}",
        show(&evs)
    );
    assert_eq!(
        find(&evs, "Air/drone strike", "Mellit").fatalities,
        Some(4),
        "{}",
        show(&evs)
    );
}

#[test]
fn en_one_bombardment_with_two_weapons_is_one_event_per_place() {
    // Ukraine: artillery and drones on three towns: three events, not six.
    let evs = events_of(
        "2023-10-18",
        "Russian troops pounded Nikopol, Marhanets and Pokrovske with heavy artillery and kamikaze drones on Tuesday, the regional governor said.\n",
    );
    assert_eq!(evs.len(), 3, "{}", show(&evs));
}

#[test]
fn fr_a_series_of_air_raids_on_a_list_of_villages_is_one_strike_per_village() {
    // Lebanon: the air force "a mené une série de raids sur" three
    // villages: three air strikes.
    let evs = events_of(
        "2025-05-13",
        "Lundi, l'aviation israélienne a mené une série de raids sur les abords de Blida, Mais al-Jabal et Markaba, sans faire de victimes, selon l'agence officielle libanaise.\n",
    );
    for place in ["Blida", "Mais al-Jabal", "Markaba"] {
        find(&evs, "Air/drone strike", place);
    }
}

#[test]
fn en_jets_carried_out_a_wave_of_strikes_on_a_list_of_towns() {
    // Yemen: coalition jets, three districts of the capital's province.
    let evs = events_of(
        "2021-03-08",
        "Coalition jets carried out a wave of strikes on Sanaa, Amran and Dhamar on Sunday night, the Houthi-run Saba news agency said.\n",
    );
    for place in ["Sanaa", "Amr", "Dham"] {
        find(&evs, "Air/drone strike", place);
    }
}
