//! Class: who did what to whom, from the clause rather than the nearest
//! actor: victims in the passive ("X were killed when Y attacked"),
//! victims who "perished in raids attributed to" a doer, attacks on
//! soldiers' positions, militants storming villages, and sources who say
//! what others did. Our own articles, French and English, several wars.

mod common;
use common::*;

#[test]
fn en_victims_killed_when_others_attacked_their_post() {
    // Iraq: the PMF suffered, IS attacked; a post is a military position.
    let evs = events_of(
        "2022-04-12",
        "Three fighters of the Popular Mobilization Forces were killed and four wounded when Islamic State militants attacked one of their posts south-east of Tuz Khurmatu late on Monday, a PMF commander said.\n",
    );
    let e = find(&evs, "Armed clash", "Khūrm");
    assert_eq!(e.actor1, "Islamic State", "{}", show(&evs));
    assert_eq!(
        e.actor2.as_deref(),
        Some("Popular Mobilization Forces"),
        "{}",
        show(&evs)
    );
    assert_eq!(e.fatalities, Some(3));
}

#[test]
fn fr_soldiers_killed_when_jihadists_attacked_their_camp() {
    // Mali: the soldiers are actor2, not actor1.
    let evs = events_of(
        "2019-10-02",
        "Vingt-cinq soldats maliens ont été tués lorsque des jihadistes ont attaqué lundi leur camp de Boulkessi, près de la frontière burkinabè, a annoncé le gouvernement.\n",
    );
    let e = find(&evs, "Armed clash", "Boulkessi");
    assert_ne!(e.actor1, "Military Forces of Mali", "{}", show(&evs));
    assert_eq!(
        e.actor2.as_deref(),
        Some("Military Forces of Mali"),
        "{}",
        show(&evs)
    );
    assert_eq!(e.fatalities, Some(25));
}

#[test]
fn fr_rebels_perished_in_raids_attributed_to_the_coalition() {
    // Yemen: the coalition struck, the Houthis died.
    let evs = events_of(
        "2022-01-27",
        "Une quarantaine de rebelles houthis ont péri mardi dans des raids aériens attribués à la coalition près de Harib, dans la province de Marib, selon des sources militaires.\n",
    );
    let e = find(&evs, "Air/drone strike", "īb");
    assert!(
        e.actor1.contains("Coalition") || e.actor1.contains("Saudi"),
        "{}",
        show(&evs)
    );
    assert_eq!(
        e.actor2.as_deref(),
        Some("Houthi Movement"),
        "{}",
        show(&evs)
    );
}

#[test]
fn en_fighters_killed_when_drones_operated_by_the_army_struck() {
    // DRC: "when drones operated by the Congolese army struck".
    let evs = events_of(
        "2024-05-01",
        "About 20 M23 fighters were killed on Monday when drones operated by the Congolese army struck their positions near Kiwanja, an army spokesman said.\n",
    );
    let e = find(&evs, "Air/drone strike", "Kiwanja");
    assert_eq!(
        e.actor1,
        "Military Forces of the Democratic Republic of Congo",
        "{}",
        show(&evs)
    );
    assert_eq!(
        e.actor2.as_deref(),
        Some("M23: March 23 Movement"),
        "{}",
        show(&evs)
    );
}

#[test]
fn en_militants_storming_a_village_is_violence_against_civilians() {
    // Somalia: no armed opponent, villagers killed: one Attack.
    let evs = events_of(
        "2021-07-09",
        "Al Shabaab militants stormed the village of Bulo Fulay near the army garrison town of Baidoa on Thursday and shot dead four villagers, elders said.\n",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    let e = &evs[0];
    assert_eq!(e.sub_event_type.as_str(), "Attack", "{}", show(&evs));
    assert_eq!(
        e.actor2.as_deref(),
        Some("Civilians (Somalia)"),
        "{}",
        show(&evs)
    );
}

#[test]
fn fr_assailants_burning_homes_in_a_village_attack_civilians() {
    // Burkina Faso: homes burnt by the attackers are part of the attack.
    let evs = events_of(
        "2023-02-20",
        "Des hommes armés ont attaqué dimanche le village de Tin-Akoff, dans la province de l'Oudalan, tuant six habitants et incendiant des dizaines de maisons, selon des sources locales.\n",
    );
    assert!(
        !evs.iter()
            .any(|e| e.sub_event_type.as_str() == "Violent demonstration"),
        "{}",
        show(&evs)
    );
    let e = evs
        .iter()
        .find(|e| e.sub_event_type.as_str() == "Attack")
        .unwrap_or_else(|| panic!("no attack:\n{}", show(&evs)));
    assert_eq!(
        e.actor2.as_deref(),
        Some("Civilians (Burkina Faso)"),
        "{}",
        show(&evs)
    );
}

#[test]
fn en_a_source_saying_what_militants_did_is_not_the_doer() {
    // Nigeria: the army reports, ISWAP attacked.
    let evs = events_of(
        "2020-06-14",
        "The Nigerian army said ISWAP fighters attacked the town of Monguno on Saturday, killing 20 soldiers.\n",
    );
    let e = find(&evs, "Armed clash", "Monguno");
    assert_eq!(e.actor1, "Islamic State (West Africa)", "{}", show(&evs));
}

#[test]
fn fr_civilians_killed_when_bombs_fell_is_the_shelling() {
    // DRC: the killing is told with the weapon: one shelling, its victims
    // and toll.
    let evs = events_of(
        "2024-05-01",
        "Lundi, deux civils ont été tués à Sake, à une vingtaine de kilomètres de Goma, lorsque des bombes attribuées au M23 sont tombées sur un marché.\n",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    let e = find(&evs, "Shelling/artillery/missile attack", "Sake");
    assert_eq!(e.actor1, "M23: March 23 Movement", "{}", show(&evs));
    assert_eq!(e.fatalities, Some(2));
    assert_eq!(
        e.actor2.as_deref(),
        Some("Civilians (Democratic Republic of Congo)")
    );
}

#[test]
fn en_homes_burnt_by_the_killers_are_part_of_the_attack() {
    // Nigeria: one attack, not an attack and a property destruction.
    let evs = events_of(
        "2023-12-26",
        "Gunmen killed at least 16 villagers in Mushu, in Plateau State, on Sunday night and set fire to dozens of houses, a local official said.\n",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    assert_eq!(evs[0].sub_event_type.as_str(), "Attack", "{}", show(&evs));
}

#[test]
fn fr_subject_after_a_participial_phrase() {
    // Syria: "Appuyées par ... le Hezbollah, les troupes ..." — the troops
    // hold the town, their ally does not.
    let evs = events_of(
        "2017-10-15",
        "Appuyées par l'aviation russe et le Hezbollah, les troupes gouvernementales syriennes tiennent désormais la ville de Mayadine, selon l'OSDH.\n",
    );
    let e = find(&evs, "Government regains territory", "Mayād");
    assert_eq!(e.actor1, "Military Forces of Syria", "{}", show(&evs));
}

#[test]
fn fr_the_agent_of_another_participle_is_not_the_attacker() {
    // Somalia: "une base ... tenue par des soldats ougandais": al-Shabaab
    // attacked, the Ugandans held the base.
    let evs = events_of(
        "2023-05-27",
        "Les islamistes shebabs ont attaqué vendredi à l'aube une base de la mission de l'Union africaine tenue par des soldats ougandais près de Mogadiscio, selon l'armée ougandaise.\n",
    );
    let e = evs
        .first()
        .unwrap_or_else(|| panic!("no event:\n{}", show(&evs)));
    assert_eq!(e.actor1, "Al Shabaab", "{}", show(&evs));
}

#[test]
fn en_the_government_is_the_countrys_own() {
    // Yemen: Saudi jets are named nearer, but "government forces" are
    // Yemen's.
    let evs = events_of(
        "2021-03-09",
        "Saudi-led coalition jets struck Houthi positions near Marib on Monday. Government forces clashed with Houthi fighters south of the city the same day, killing 14, military sources said.\n",
    );
    let e = evs
        .iter()
        .find(|e| e.sub_event_type.as_str() == "Armed clash")
        .unwrap_or_else(|| panic!("no clash:\n{}", show(&evs)));
    assert!(
        e.actor1 == "Military Forces of Yemen"
            || e.actor2.as_deref() == Some("Military Forces of Yemen"),
        "{}",
        show(&evs)
    );
}

#[test]
fn ambiguous_verbs_need_a_doer_and_yield_to_other_words() {
    // Nigeria: "struck" with an armed doer and a place is an attack.
    let evs = events_of(
        "2024-02-05",
        "The same night, armed bandits struck Kwatarkwashi in Bungudu, where five residents were killed, police said.\n",
    );
    let e = find(&evs, "Attack", "Kwatarkwashi");
    assert_eq!(
        e.actor2.as_deref(),
        Some("Civilians (Nigeria)"),
        "{}",
        show(&evs)
    );
    // Ukraine: the shelling tells the event, "killed" adds nothing.
    let evs = events_of(
        "2023-09-17",
        "Russian shelling of Kherson killed a 68-year-old man on Saturday, the regional governor said.\n",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    assert_eq!(
        evs[0].sub_event_type.as_str(),
        "Shelling/artillery/missile attack"
    );
    // Somalia: what a group claims to have killed is no event of its own.
    let evs = events_of(
        "2023-06-04",
        "Al-Shabaab, which claimed to have killed 137 soldiers at the base near Mogadishu, gave no evidence.\n",
    );
    assert!(evs.is_empty(), "{}", show(&evs));
    // Weather: an earthquake struck, nobody armed did it.
    let evs = events_of(
        "2023-02-07",
        "A powerful earthquake struck southern Turkey and northern Syria on Monday, killing thousands.\n",
    );
    assert!(evs.is_empty(), "{}", show(&evs));
}

#[test]
fn the_other_side_from_the_paragraph_when_the_clause_names_one() {
    // Iraq: the army retook the town; the loser is who the paragraph names.
    let evs = events_of(
        "2016-06-27",
        "Islamic State fighters had held Falluja since 2014. On Sunday, Iraqi forces retook the town's last district, the army said.\n",
    );
    let e = find(&evs, "Government regains territory", "Fall");
    assert_eq!(e.actor2.as_deref(), Some("Islamic State"), "{}", show(&evs));
    // Mali: a clash whose sentence names only the army.
    let evs = events_of(
        "2022-03-06",
        "Des jihadistes du JNIM sont actifs dans le cercle de Niono depuis des mois. Samedi, l'armée malienne a livré de violents combats près de Dogofry, selon des sources locales.\n",
    );
    let e = find(&evs, "Armed clash", "Dogofry");
    assert_eq!(
        e.actor2.as_deref(),
        Some("JNIM: Group for Support of Islam and Muslims"),
        "{}",
        show(&evs)
    );
}

#[test]
fn a_strike_that_killed_people_hit_civilians_and_a_mine_its_vehicle() {
    // Ukraine: shelling that killed two, no armed side hit.
    let evs = events_of(
        "2023-10-18",
        "Russian artillery shelled Kherson on Tuesday, killing two people, the regional governor said.\n",
    );
    let e = find(&evs, "Shelling/artillery/missile attack", "Kherson");
    assert_eq!(
        e.actor2.as_deref(),
        Some("Civilians (Ukraine)"),
        "{}",
        show(&evs)
    );
    // Nigeria: a landmine under a military truck hit the army.
    let evs = events_of(
        "2020-03-12",
        "On Tuesday, a landmine struck a Nigerian army truck on the road between Damboa and Maiduguri, killing four soldiers, a military source said.\n",
    );
    let e = evs
        .iter()
        .find(|e| e.sub_event_type.as_str() == "Remote explosive/landmine/IED")
        .unwrap_or_else(|| panic!("no IED:\n{}", show(&evs)));
    assert_eq!(
        e.actor2.as_deref(),
        Some("Military Forces of Nigeria"),
        "{}",
        show(&evs)
    );
}

#[test]
fn fr_the_police_as_a_source_is_not_the_other_side() {
    // Mali: "selon la police" names who says so; the dead are
    // people, no armed side suffers the attack: civilians.
    let evs = events_of(
        "2024-05-20",
        "Des hommes armés ont tué dimanche neuf personnes à Bandiagara, selon la police.\n",
    );
    let e = find(&evs, "Attack", "Bandiagara");
    assert_eq!(
        e.actor2.as_deref(),
        Some("Civilians (Mali)"),
        "{}",
        show(&evs)
    );
}

#[test]
fn en_people_killed_by_a_gang_according_to_police_were_civilians() {
    // Haiti: the gang is the agent of the passive; the police only
    // report it.
    let evs = events_of(
        "2025-02-17",
        "Eleven people were killed on Sunday by members of the Gran Grif gang in Liancourt, according to police.\n",
    );
    let e = find(&evs, "Attack", "Liancourt");
    assert_eq!(e.actor1, "Gran Grif Gang", "{}", show(&evs));
    assert_eq!(
        e.actor2.as_deref(),
        Some("Civilians (Haiti)"),
        "{}",
        show(&evs)
    );
}
