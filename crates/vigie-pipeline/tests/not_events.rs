//! Class: text that names violence without reporting a new event —
//! headlines and section titles over the story that tells it, background
//! ("the first attack since the town was retaken"), agreements named but
//! not reached, weapons carried. Our own articles, French and English,
//! several wars.

mod common;
use common::*;

fn subs(evs: &[vigie_core::Event]) -> Vec<&str> {
    evs.iter().map(|e| e.sub_event_type.as_str()).collect()
}

#[test]
fn en_section_title_is_not_a_battle() {
    // Syria: "Battle for Aleppo" heads a paragraph about a strike.
    let evs = events_of(
        "2016-11-20",
        "Syrian and Russian warplanes struck the rebel-held district of Sakhour in eastern Aleppo on Saturday, killing at least 27 civilians, the Syrian Observatory for Human Rights said.\n\n\
         Battle for Aleppo\n\n\
         Government forces have encircled the eastern districts since July, and aid convoys have not entered for months.\n",
    );
    assert!(!subs(&evs).contains(&"Armed clash"), "{}", show(&evs));
    find(&evs, "Air/drone strike", "Sakh");
}

#[test]
fn fr_headline_and_lead_are_one_event() {
    // Burkina Faso: the headline and the lead tell the same attack.
    let evs = events_of(
        "2022-06-13",
        "Carnage à Seytenga : au moins 50 civils tués par des hommes armés\n\n\
         Des hommes armés ont tué au moins cinquante civils dans la nuit de samedi à dimanche à Seytenga, dans la province du Séno, a annoncé le gouvernement.\n",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
}

#[test]
fn en_one_word_headline_over_two_attacks() {
    // Nigeria: "Carnage" heads a report of attacks in two places.
    let evs = events_of(
        "2024-02-05",
        "Carnage\n\n\
         Gunmen killed nine villagers in Dansadau on Saturday night, police said. In Kwatarkwashi, attackers shot dead five residents the same night.\n",
    );
    assert_eq!(evs.len(), 2, "{}", show(&evs));
}

#[test]
fn en_a_capture_recalled_as_background_is_not_news() {
    // Mozambique: "since the town was retaken" is history.
    let evs = events_of(
        "2023-05-02",
        "Insurgents attacked a village near Mocimboa da Praia on Sunday, killing three people, the first attack there since the town was retaken by Rwandan troops, a local official said.\n",
    );
    assert!(
        !subs(&evs).iter().any(|s| s.contains("territory")),
        "{}",
        show(&evs)
    );
}

#[test]
fn fr_depuis_la_reprise_is_background() {
    // Mali: "depuis la reprise de la ville" recalls an old capture.
    let evs = events_of(
        "2024-02-10",
        "Des jihadistes ont attaqué jeudi un convoi militaire près de Kidal, la première attaque d'ampleur depuis la reprise de la ville par l'armée malienne, selon des sources locales.\n",
    );
    assert!(
        !subs(&evs).iter().any(|s| s.contains("territory")),
        "{}",
        show(&evs)
    );
}

#[test]
fn talks_about_a_truce_are_no_agreement() {
    let fr = events_of(
        "2023-04-11",
        "Les discussions sur une trêve durable se poursuivent entre les Houthis et l'Arabie saoudite à Mascate, selon des diplomates.\n",
    );
    assert!(!subs(&fr).contains(&"Agreement"), "{}", show(&fr));
    let en = events_of(
        "2024-03-16",
        "Mediators pressed Hamas and Israel on Friday to accept a truce before Ramadan, but no deal was announced.\n",
    );
    assert!(!subs(&en).contains(&"Agreement"), "{}", show(&en));
}

#[test]
fn an_agreement_reached_is_one() {
    let fr = events_of(
        "2019-01-11",
        "Les jihadistes de Hayat Tahrir al-Cham et les rebelles du Front national de libération ont conclu jeudi un cessez-le-feu dans la province d'Idleb, selon l'OSDH.\n",
    );
    assert!(subs(&fr).contains(&"Agreement"), "{}", show(&fr));
}

#[test]
fn en_weapons_carried_are_not_separate_attacks() {
    // Iraq: RPGs are the means of the clash.
    let evs = events_of(
        "2022-04-12",
        "Islamic State militants armed with rocket-propelled grenades attacked an army checkpoint near Daquq on Monday, killing two soldiers, security sources said.\n",
    );
    assert!(!subs(&evs).contains(&"Grenade"), "{}", show(&evs));
    find(&evs, "Armed clash", "Dāqūq");
}

#[test]
fn en_fighting_running_since_a_past_year_sums_a_campaign_up() {
    // Yemen: "has killed thousands since early 2020" is no new event.
    let evs = events_of(
        "2022-01-27",
        "Fighting around Marib, the government's last northern stronghold, has killed thousands of combatants since early 2020, according to military estimates.\n",
    );
    assert!(evs.is_empty(), "{}", show(&evs));
}
