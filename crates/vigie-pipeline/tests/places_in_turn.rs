//! Class: one raid or bombardment told place by place, one sentence each,
//! with no verb of its own but the toll ("Gunmen raided villages on
//! Sunday. In Anka, seven people were shot dead. In Bukkuyum, four more
//! were killed."): each place is an event of the raid's kind and sides,
//! with its own toll. A sentence of another day is not one of them. Our
//! own articles, French and English, three wars.

mod common;
use common::*;

#[test]
fn en_bandit_raid_told_village_by_village() {
    // Nigeria.
    let evs = events_of(
        "2024-03-11",
        "Armed bandits on motorcycles raided several communities in Zamfara State on Sunday, residents and police said. In Anka, seven people were shot dead. In Bukkuyum, four more were killed as the attackers set fire to houses.\n",
    );
    let anka = find(&evs, "Attack", "Anka");
    assert_eq!(anka.fatalities, Some(7), "{}", show(&evs));
    let bukkuyum = find(&evs, "Attack", "Bukkuyum");
    assert_eq!(bukkuyum.fatalities, Some(4), "{}", show(&evs));
    assert_eq!(bukkuyum.actor1, anka.actor1, "{}", show(&evs));
    assert_eq!(bukkuyum.event_date, anka.event_date);
}

#[test]
fn en_shelling_told_town_by_town() {
    // Ukraine.
    let evs = events_of(
        "2023-11-21",
        "Russian forces shelled the Kherson region throughout Monday, the regional governor said. In Beryslav, two people were killed. In Bilozerka, a woman was killed in her garden.\n",
    );
    let e = find(&evs, "Shelling/artillery/missile attack", "Beryslav");
    assert_eq!(e.fatalities, Some(2), "{}", show(&evs));
    assert_eq!(e.actor1, "Military Forces of Russia");
    let e = find(&evs, "Shelling/artillery/missile attack", "Bilozerka");
    assert_eq!(e.fatalities, Some(1), "{}", show(&evs));
}

#[test]
fn fr_attaque_racontee_village_par_village() {
    // Burkina Faso.
    let evs = events_of(
        "2022-06-13",
        "Des hommes armés ont attaqué dimanche plusieurs localités de la province du Soum, selon des sources locales. À Djibo, onze civils ont été tués. À Aribinda, cinq personnes ont péri dans l'incendie de leurs maisons.\n",
    );
    let e = find(&evs, "Attack", "Djibo");
    assert_eq!(e.fatalities, Some(11), "{}", show(&evs));
    let e = find(&evs, "Attack", "Aribinda");
    assert_eq!(e.fatalities, Some(5), "{}", show(&evs));
}

#[test]
fn a_toll_of_another_day_is_not_a_place_of_the_raid() {
    // Nigeria: the next sentence recalls an older massacre in another town.
    let evs = events_of(
        "2024-03-11",
        "Armed bandits raided Anka in Zamfara State on Sunday, killing seven people, residents said. In March 2021, 30 people were killed in Bukkuyum.\n",
    );
    assert_eq!(
        find(&evs, "Attack", "Anka").fatalities,
        Some(7),
        "{}",
        show(&evs)
    );
    none_at(&evs, "Bukkuyum");
}

#[test]
fn a_list_item_is_not_a_place_of_the_previous_raid() {
    // DR Congo and Mali situation reports: each bullet is its own incident;
    // its dead are not given to the previous item's doers.
    for (published, text, place) in [
        (
            "2025-01-20",
            "ADF fighters attacked Mangina on 12 January, killing 18 civilians, aid agencies said.\n- Attack on a displacement site in Djugu territory on 14 January: nine people killed.\n",
            "Djugu",
        ),
        (
            "2024-08-02",
            "Des jihadistes du JNIM ont attaqué lundi un poste de l'armée à Boulkessi, tuant six soldats.\n- Embuscade sur l'axe Douentza-Boni le 30 juillet : quatre civils tués.\n",
            "Douentza",
        ),
    ] {
        let evs = events_of(published, text);
        assert!(
            !evs.iter().any(|e| {
                e.location.as_deref().is_some_and(|l| l.contains(place))
                    && e.provenance.as_ref().is_some_and(|p| p.rule.contains("place in turn"))
            }),
            "{}",
            show(&evs)
        );
    }
}
