//! Class: an event's death toll is not where its trigger is, or is not a
//! plain count. The headline gives the toll the body leaves out; the
//! sentence after the event gives it ("Four policemen and two attackers
//! were killed"); the dead of both sides add up, a subset ("including
//! five children") does not; a weapon's designation ("S-300", "Su-34")
//! and an age ("a 68-year-old man", "un homme de 54 ans") count nobody;
//! "no casualties were reported" is a toll of zero. Our own articles,
//! French and English, several wars.

mod common;
use common::*;

#[test]
fn fr_the_headline_gives_the_toll_of_a_mine_blast() {
    // Mali: the body tells the blast, the headline its four dead.
    let evs = events_of(
        "2023-09-12",
        "Mali : quatre soldats tués par une mine près de Gao\n\nUn véhicule de l'armée malienne a sauté mardi sur un engin explosif improvisé sur la route entre Gao et Ansongo, a indiqué l'état-major dans un communiqué.\n",
    );
    let e = find(&evs, "Remote explosive/landmine/IED", "Gao");
    assert_eq!(e.fatalities, Some(4), "{}", show(&evs));
}

#[test]
fn en_the_headline_gives_the_toll_of_a_roadside_bomb() {
    // Somalia: the same, in English wire copy.
    let evs = events_of(
        "2023-03-03",
        "Five Somali soldiers killed in roadside blast near Afgooye\n\nMOGADISHU, March 3 (Reuters) - A roadside bomb hit a Somali army vehicle on Friday near Afgooye, on the road to the capital, a military officer said. Al Shabaab said it planted the device.\n",
    );
    let e = find(&evs, "Remote explosive/landmine/IED", "Afgooye");
    assert_eq!(e.fatalities, Some(5), "{}", show(&evs));
}

#[test]
fn en_the_next_sentence_gives_the_dead_of_both_sides() {
    // Pakistan: the attack, then its toll: four policemen and two of the
    // attackers, six in all, in one event.
    let evs = events_of(
        "2023-07-17",
        "Militants attacked a police checkpoint near Bannu late on Sunday, local officials said. Four policemen and two of the attackers were killed in the exchange of fire that followed, a police spokesman said.\n",
    );
    let e = find(&evs, "Armed clash", "Bannu");
    assert_eq!(e.fatalities, Some(6), "{}", show(&evs));
    assert_eq!(evs.len(), 1, "{}", show(&evs));
}

#[test]
fn fr_the_next_sentence_gives_the_dead_of_both_sides() {
    // DRC: ADF rebels attack an army position; three soldiers and five
    // assailants dead, told in the next sentence.
    let evs = events_of(
        "2022-11-25",
        "Des rebelles des ADF ont attaqué jeudi soir une position de l'armée congolaise près d'Oicha, dans le territoire de Beni. Trois militaires et cinq assaillants ont été tués au cours des combats, selon le porte-parole de l'armée dans la région.\n",
    );
    let e = find(&evs, "Armed clash", "Hyosha");
    assert_eq!(e.fatalities, Some(8), "{}", show(&evs));
    assert_eq!(evs.len(), 1, "{}", show(&evs));
}

#[test]
fn a_toll_in_another_paragraph_about_another_event_is_not_taken() {
    // Nigeria: the toll of the second paragraph is the second attack's,
    // not the first's.
    let evs = events_of(
        "2024-02-05",
        "Bandits abducted at least 20 villagers in Tsafe on Saturday night, residents said.\n\nIn a separate incident on Sunday, gunmen attacked a mosque in Bungudu, killing seven worshippers.\n",
    );
    let e = find(&evs, "Abduction/forced disappearance", "Tsafe");
    assert_eq!(e.fatalities, None, "{}", show(&evs));
}

#[test]
fn en_a_subset_of_the_dead_is_not_added() {
    // Syria: "including five children" is part of the twelve.
    let evs = events_of(
        "2019-07-22",
        "An air strike on a crowded market in Maarat al-Numan killed 12 people, including five children, on Monday, rescuers said.\n",
    );
    let e = find(&evs, "Air/drone strike", "Ma");
    assert_eq!(e.fatalities, Some(12), "{}", show(&evs));
}

#[test]
fn fr_a_subset_of_the_dead_is_not_added() {
    // Yemen: "dont quatre enfants" is part of the nine.
    let evs = events_of(
        "2018-08-09",
        "Une frappe aérienne de la coalition a tué jeudi neuf civils, dont quatre enfants, près de Saada, selon des sources médicales.\n",
    );
    let e = find(&evs, "Air/drone strike", "a");
    assert_eq!(e.fatalities, Some(9), "{}", show(&evs));
}

#[test]
fn a_weapons_designation_counts_nobody() {
    // Ukraine: the S-300 and the Su-34 are not 300 or 34 dead.
    let fr = events_of(
        "2022-08-18",
        "Deux missiles S-300 ont frappé dans la nuit un foyer de Kharkiv, tuant trois personnes, selon le gouverneur régional.\n",
    );
    let e = find(&fr, "Shelling/artillery/missile attack", "Kharkiv");
    assert_eq!(e.fatalities, Some(3), "{}", show(&fr));
    let en = events_of(
        "2024-01-14",
        "Su-34 bombers of the Russian air force dropped glide bombs on Kostiantynivka on Sunday, killing two people, the Ukrainian regional governor said.\n",
    );
    let e = find(&en, "Air/drone strike", "Kostyantynivka");
    assert_eq!(e.fatalities, Some(2), "{}", show(&en));
}

#[test]
fn an_age_counts_nobody() {
    // "a 68-year-old man" is one victim, not 68; the same in French.
    let en = events_of(
        "2023-06-20",
        "Russian shelling of Kherson killed a 68-year-old man on Monday, the regional administration said.\n",
    );
    let e = find(&en, "Shelling/artillery/missile attack", "Kherson");
    assert_ne!(e.fatalities, Some(68), "{}", show(&en));
    let fr = events_of(
        "2023-06-20",
        "Un habitant de 54 ans a été tué lundi par des tirs d'artillerie russes sur Nikopol, selon le gouverneur.\n",
    );
    let e = find(&fr, "Shelling/artillery/missile attack", "Nikopol");
    assert_ne!(e.fatalities, Some(54), "{}", show(&fr));
}

#[test]
fn no_casualties_is_a_toll_of_zero() {
    // Lebanon/Israel and Burkina Faso: "no casualties were reported",
    // "sans faire de victime".
    let en = events_of(
        "2024-05-02",
        "Hezbollah fired a barrage of rockets at an army base near Kiryat Shmona on Thursday. No casualties were reported, the Israeli military said.\n",
    );
    let e = find(&en, "Shelling/artillery/missile attack", "Shmona");
    assert_eq!(e.fatalities, Some(0), "{}", show(&en));
    let fr = events_of(
        "2023-04-11",
        "Des hommes armés ont incendié lundi la mairie de Titao, sans faire de victime, selon une source locale.\n",
    );
    let e = evs_first(&fr);
    assert_eq!(e.fatalities, Some(0), "{}", show(&fr));
}

fn evs_first(evs: &[vigie_core::Event]) -> &vigie_core::Event {
    evs.first()
        .unwrap_or_else(|| panic!("no event in:\n{}", show(evs)))
}

#[test]
fn en_the_next_sentence_gives_each_listed_place_its_own_toll() {
    // Ukraine: three towns shelled; the next sentence gives one of them a
    // dead man and another only wounded: the dead go to that town alone.
    let evs = events_of(
        "2023-10-18",
        "Russian troops shelled Nikopol, Marhanets and Pokrov with heavy artillery on Tuesday, the governor said. A 61-year-old man was killed in Marhanets, while two women were wounded in Nikopol.\n",
    );
    assert_eq!(
        find(&evs, "Shelling/artillery/missile attack", "Marhanets").fatalities,
        Some(1),
        "{}",
        show(&evs)
    );
    assert_eq!(
        find(&evs, "Shelling/artillery/missile attack", "Nikopol").fatalities,
        None,
        "{}",
        show(&evs)
    );
    assert_eq!(
        find(&evs, "Shelling/artillery/missile attack", "Pokrov").fatalities,
        None,
        "{}",
        show(&evs)
    );
}

#[test]
fn fr_the_next_sentence_gives_each_listed_place_its_own_toll() {
    // Burkina Faso: three villages attacked; three dead in one of them.
    let evs = events_of(
        "2023-05-10",
        "Des combattants jihadistes ont attaqué mardi les villages de Seytenga, Sebba et Mansila, dans la province du Yagha, selon des sources locales. Trois civils ont été tués à Sebba et deux autres blessés à Mansila.\n",
    );
    assert_eq!(
        find(&evs, "Attack", "Sebba").fatalities,
        Some(3),
        "{}",
        show(&evs)
    );
    assert_eq!(
        find(&evs, "Attack", "Mansila").fatalities,
        None,
        "{}",
        show(&evs)
    );
    assert_eq!(
        find(&evs, "Attack", "Seytenga").fatalities,
        None,
        "{}",
        show(&evs)
    );
}
