//! Class: a place named with the division it is in ("near Kiwanja in
//! Rutshuru territory", "à Djibo, dans la province du Soum", "Pulka, in
//! Gwoza Local Government Area"). The division locates the place: it is
//! not a second scene, and its noun ("Local Government Area") is not a
//! place. Named alone, the division is the scene. Our own articles,
//! French and English, several wars.

mod common;
use common::*;

#[test]
fn en_drone_strike_near_a_town_in_a_territory_is_one_event() {
    // DRC.
    let evs = events_of(
        "2024-04-30",
        "About 20 M23 fighters were killed on Monday when drones operated by the Congolese army struck their positions near Kiwanja in Rutshuru territory, security sources said.\n",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    find(&evs, "Air/drone strike", "Kiwanja");
}

#[test]
fn fr_town_then_its_territory() {
    // DRC, in French: the division comes after the town, with its noun
    // first.
    let evs = events_of(
        "2024-04-30",
        "Une vingtaine de combattants du M23 ont été tués lundi par des frappes de drones de l'armée congolaise près de Kiwanja, dans le territoire de Rutshuru, selon des sources sécuritaires.\n",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    find(&evs, "Air/drone strike", "Kiwanja");
}

#[test]
fn fr_town_then_its_province() {
    // Burkina Faso.
    let evs = events_of(
        "2023-06-12",
        "Des hommes armés ont tué dimanche au moins onze civils à Djibo, dans la province du Soum, selon des sources locales.\n",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    find(&evs, "Attack", "Djibo");
    none_at(&evs, "Soum");
}

#[test]
fn en_town_in_a_state_written_lower_case() {
    // Myanmar.
    let evs = events_of(
        "2024-01-15",
        "Junta aircraft bombed a market in Sittwe in Rakhine state on Sunday, killing seven civilians, residents said.\n",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    find(&evs, "Air/drone strike", "Sittwe");
}

#[test]
fn en_a_division_named_alone_is_the_scene_and_its_noun_no_place() {
    // Nigeria: the village is unknown to the gazetteer; the event is in
    // the LGA, at its seat, and "Local Government Area" is no place.
    let evs = events_of(
        "2024-03-10",
        "JAS fighters abducted at least eight women who had gone to fetch firewood outside Pulka, in Gwoza Local Government Area, on Sunday, residents said.\n",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    let e = find(&evs, "Abduction/forced disappearance", "Gwoza");
    assert!(e.geo_precision >= 2, "{}", show(&evs));
    none_at(&evs, "Local Government");
}
