//! Class: the article names no country; the scene's name is shared by
//! towns of several countries; a named actor that fights in one country
//! only (a Haitian gang, a Burkinabè vigilante group) says which. Our own
//! articles, French and English, several wars.

mod common;
use common::*;

fn country_at(evs: &[vigie_core::Event], place: &str) -> String {
    evs.iter()
        .find(|e| e.location.as_deref().is_some_and(|l| l.contains(place)))
        .and_then(|e| e.country.clone())
        .unwrap_or_else(|| panic!("no event at {place}:\n{}", show(evs)))
}

#[test]
fn fr_a_haitian_gang_places_liancourt_in_haiti() {
    // Liancourt is also a town of France.
    let evs = events_of(
        "2025-02-17",
        "Des membres du gang Gran Grif ont attaqué dimanche Liancourt, tuant six habitants, selon des témoins.\n",
    );
    assert_eq!(country_at(&evs, "Liancourt"), "HT");
    assert!(
        evs.iter()
            .all(|e| e.actor2.as_deref() == Some("Civilians (Haiti)")),
        "{}",
        show(&evs)
    );
}

#[test]
fn en_a_haitian_gang_places_liancourt_in_haiti() {
    let evs = events_of(
        "2025-02-17",
        "Members of the Gran Grif gang attacked Liancourt on Sunday, killing six residents, witnesses said.\n",
    );
    assert_eq!(country_at(&evs, "Liancourt"), "HT");
}

#[test]
fn en_burkinabe_vigilantes_place_bama_in_burkina_faso() {
    // Bama is also a large town of Nigeria.
    let evs = events_of(
        "2024-05-20",
        "Koglweogo vigilantes clashed with gunmen near Bama on Sunday, killing four, local sources said.\n",
    );
    assert_eq!(country_at(&evs, "Bama"), "BF");
}

#[test]
fn a_country_named_outweighs_one_actors_mentions() {
    // Haiti's gang named in a story about the Dominican Republic's
    // border: the country named as such stays the focus.
    let evs = events_of(
        "2025-02-17",
        "Dominican troops reinforced the border at Dajabón on Sunday after the Gran Grif gang attacked a Haitian village, the Dominican Republic's army said. Soldiers of the Dominican Republic clashed with smugglers in Dajabón, killing one.\n",
    );
    assert_eq!(country_at(&evs, "Dajab"), "DO");
}
