//! One short article per extraction rule, in French and English, written
//! for these tests: what each rule must produce, and what each filter must
//! keep out. Run the whole chain (cleaning, annotators, extractor) on the
//! embedded data files.

mod common;
use common::show;
use vigie_core::Event;
use vigie_pipeline::Processed;

fn run(published: &str, text: &str) -> Processed {
    common::process(common::dated(published, text))
}

fn events(published: &str, text: &str) -> Vec<Event> {
    run(published, text).extraction.events
}

/// The only event, checked field by field (`None` = not checked).
struct Expect<'a> {
    sub: &'a str,
    actor1: &'a str,
    actor2: Option<&'a str>,
    location: &'a str,
    date: Option<&'a str>,
    fatalities: Option<u32>,
}

fn one(published: &str, text: &str, x: Expect) -> Event {
    let evs = events(published, text);
    assert_eq!(
        evs.len(),
        1,
        "expected one event from {text:?}, got:\n{}",
        show(&evs)
    );
    let e = evs.into_iter().next().unwrap_or_else(|| unreachable!());
    assert_eq!(
        e.sub_event_type.as_str(),
        x.sub,
        "{}",
        show(std::slice::from_ref(&e))
    );
    assert_eq!(e.actor1, x.actor1, "{}", show(std::slice::from_ref(&e)));
    if let Some(a2) = x.actor2 {
        assert_eq!(
            e.actor2.as_deref(),
            Some(a2),
            "{}",
            show(std::slice::from_ref(&e))
        );
    }
    let loc = e.location.clone().unwrap_or_default();
    assert!(
        loc.contains(x.location),
        "location {loc:?}, wanted {:?}",
        x.location
    );
    if let Some(d) = x.date {
        assert_eq!(
            e.event_date.to_string(),
            d,
            "{}",
            show(std::slice::from_ref(&e))
        );
    }
    if x.fatalities.is_some() {
        assert_eq!(
            e.fatalities,
            x.fatalities,
            "{}",
            show(std::slice::from_ref(&e))
        );
    }
    assert!(!e.evidence.is_empty());
    assert!(e.provenance.is_some());
    e
}

/// No event, and the extractor's reason for the trigger mentions `why`.
fn none(published: &str, text: &str, why: &str) {
    let p = run(published, text);
    assert!(
        p.extraction.events.is_empty(),
        "expected no event from {text:?}, got:\n{}",
        show(&p.extraction.events)
    );
    let reasons: Vec<String> = p
        .extraction
        .decisions
        .iter()
        .filter_map(|d| d.rejected.as_ref().map(ToString::to_string))
        .collect();
    assert!(
        reasons.iter().any(|r| r.contains(why)),
        "no rejection mentioning {why:?} in {reasons:?}"
    );
}

// --- territory -----------------------------------------------------------

#[test]
fn fr_capture_active_with_loser() {
    one(
        "2019-03-15",
        "L'armée syrienne a repris jeudi le contrôle de la ville de Palmyre à l'Etat islamique, après trois jours de combats.",
        Expect {
            sub: "Government regains territory",
            actor1: "Military Forces of Syria",
            actor2: Some("Islamic State"),
            location: "Tadmur",
            date: Some("2019-03-14"),
            fatalities: None,
        },
    );
}

#[test]
fn fr_capture_passive_takes_the_agent_as_actor1() {
    one(
        "2020-06-12",
        "La ville de Ménaka a été reprise mercredi par les Forces armées maliennes, selon l'état-major.",
        Expect {
            sub: "Government regains territory",
            actor1: "Military Forces of Mali",
            actor2: None,
            location: "Ménaka",
            date: Some("2020-06-10"),
            fatalities: None,
        },
    );
}

#[test]
fn en_capture_by_a_non_state_group() {
    one(
        "2022-06-14",
        "M23 rebels seized the border town of Bunagana on Monday after the Congolese army withdrew, local officials said.",
        Expect {
            sub: "Non-state actor overtakes territory",
            actor1: "M23: March 23 Movement",
            actor2: None,
            location: "Bunagana",
            date: Some("2022-06-13"),
            fatalities: None,
        },
    );
}

#[test]
fn en_taken_then_retaken_are_two_events() {
    let evs = events(
        "2021-04-20",
        "Islamic State West Africa Province fighters seized the town of Damasak on Saturday. \
         On Monday, Nigerian troops recaptured the town after heavy fighting, the army said.",
    );
    let subs: Vec<&str> = evs.iter().map(|e| e.sub_event_type.as_str()).collect();
    assert!(
        subs.contains(&"Non-state actor overtakes territory"),
        "{}",
        show(&evs)
    );
    assert!(
        subs.contains(&"Government regains territory"),
        "{}",
        show(&evs)
    );
}

#[test]
fn fr_expel_the_loser_is_actor2() {
    one(
        "2019-03-24",
        "Les Forces démocratiques syriennes ont chassé samedi l'Etat islamique du village de Baghouz, dans l'est de la Syrie.",
        Expect {
            sub: "Non-state actor overtakes territory",
            actor1: "Syrian Democratic Forces",
            actor2: Some("Islamic State"),
            location: "Bagh",
            date: Some("2019-03-23"),
            fatalities: None,
        },
    );
}

#[test]
fn territory_change_needs_a_named_place() {
    none(
        "2018-05-02",
        "L'armée malienne a libéré de vastes territoires au cours des derniers mois.",
        "without a named place",
    );
}

#[test]
fn en_a_capture_object_far_from_the_verb_is_not_a_place_taken() {
    let evs = events(
        "2021-02-18",
        "Police in Kaduna State seized four rifles and two motorcycles in a raid on a forest hideout near Birnin Gwari on Tuesday.",
    );
    assert!(
        evs.iter()
            .all(|e| !e.sub_event_type.as_str().contains("territory")),
        "{}",
        show(&evs)
    );
}

// --- battles -------------------------------------------------------------

#[test]
fn fr_repel_makes_the_attacker_actor1() {
    one(
        "2019-07-02",
        "L'armée nigériane a repoussé dimanche une attaque de Boko Haram contre sa base de Monguno, tuant dix-sept assaillants.",
        Expect {
            sub: "Armed clash",
            actor1: "Boko Haram - JAS",
            actor2: Some("Military Forces of Nigeria"),
            location: "Monguno",
            date: Some("2019-06-30"),
            fatalities: Some(17),
        },
    );
}

#[test]
fn fr_attack_on_a_military_camp_is_a_clash_with_its_dead() {
    one(
        "2022-06-10",
        "Au moins neuf soldats ont été tués jeudi dans l'attaque d'un camp militaire à Djibo, dans le nord du Burkina Faso, par des jihadistes de l'Etat islamique au Grand Sahara, a indiqué une source sécuritaire.",
        Expect {
            sub: "Armed clash",
            actor1: "Islamic State (Greater Sahara)",
            actor2: Some("Military Forces of Burkina Faso"),
            location: "Djibo",
            date: Some("2022-06-09"),
            fatalities: Some(9),
        },
    );
}

#[test]
fn en_attack_on_an_army_outpost_is_a_clash_with_its_dead() {
    one(
        "2021-03-26",
        "Gunmen from Islamic State West Africa Province killed seven soldiers on Thursday in an attack on an army outpost in Damasak, in Borno State, military sources said.",
        Expect {
            sub: "Armed clash",
            actor1: "Islamic State (West Africa)",
            actor2: Some("Military Forces of Nigeria"),
            location: "Damasak",
            date: Some("2021-03-25"),
            fatalities: Some(7),
        },
    );
}

#[test]
fn fr_perpetrator_named_after_the_attack_is_actor1_not_the_speaker() {
    let evs = events(
        "2017-04-06",
        "Washington a vivement condamné mercredi l'attaque chimique attribuée au régime syrien qui a fait au moins trente morts mardi à Khan Cheikhoun, dans la province d'Idleb.",
    );
    let chem: Vec<&Event> = evs
        .iter()
        .filter(|e| e.sub_event_type.as_str() == "Chemical weapon")
        .collect();
    assert_eq!(chem.len(), 1, "{}", show(&evs));
    assert_eq!(chem[0].actor1, "Military Forces of Syria", "{}", show(&evs));
}

#[test]
fn fr_leader_named_as_perpetrator_stands_for_his_forces() {
    // A date between the cue and the name, a title and quotes around it.
    let evs = events(
        "2018-02-08",
        "Paris a dénoncé l'attaque au chlore imputée lundi au « président Bachar al-Assad » contre la ville de Saraqeb.",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    assert_eq!(evs[0].sub_event_type.as_str(), "Chemical weapon");
    assert_eq!(evs[0].actor1, "Military Forces of Syria", "{}", show(&evs));
    assert_eq!(evs[0].location.as_deref(), Some("Saraqib"));
    assert_eq!(evs[0].event_date.to_string(), "2018-02-05");
}

#[test]
fn en_leader_named_as_perpetrator_stands_for_his_forces() {
    let evs = events(
        "2018-04-09",
        "A chemical attack blamed by Washington on Bashar al-Assad killed at least 40 people in the town of Douma on Saturday, rescuers said.",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    assert_eq!(evs[0].actor1, "Military Forces of Syria", "{}", show(&evs));
    assert_eq!(evs[0].fatalities, Some(40), "{}", show(&evs));
}

#[test]
fn leader_speaking_is_no_actor() {
    // Outside a perpetrator's place a leader's name is a speaker: the
    // rebels did the shelling he talks about.
    let evs = events(
        "2016-08-03",
        "Bachar al-Assad a affirmé mardi que les rebelles de l'Armée syrienne libre avaient tiré des obus de mortier lundi sur un quartier d'Alep.",
    );
    assert!(!evs.is_empty(), "the shelling is an event");
    assert!(
        evs.iter().all(|e| e.actor1 != "Military Forces of Syria"),
        "{}",
        show(&evs)
    );
}

#[test]
fn fr_repeated_mention_keeps_the_doer_and_takes_the_named_place() {
    // The second sentence names the place but not the doer: one event,
    // by the actor the first sentence names, at the place the second gives.
    let evs = events(
        "2018-02-06",
        "Une attaque chimique attribuée aux forces du régime syrien a de nouveau visé des civils dimanche. Des navires américains croisent en Méditerranée, loin de Damas. Selon des secouristes, l'attaque chimique contre la localité de Saraqeb a fait onze blessés.",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
    assert_eq!(evs[0].actor1, "Military Forces of Syria", "{}", show(&evs));
    assert_eq!(
        evs[0].location.as_deref(),
        Some("Saraqib"),
        "{}",
        show(&evs)
    );
}

#[test]
fn en_clash_with_fatalities_and_date() {
    one(
        "2020-10-14",
        "Taliban fighters clashed with Afghan soldiers near Lashkar Gah on Tuesday, leaving at least 12 people dead, officials said.",
        Expect {
            sub: "Armed clash",
            actor1: "Taliban",
            actor2: Some("Military Forces of Afghanistan"),
            location: "Lashkar G",
            date: Some("2020-10-13"),
            fatalities: Some(12),
        },
    );
}

#[test]
fn fr_fighting_with_a_capture_in_the_same_sentence_is_the_capture() {
    one(
        "2017-10-18",
        "Après de violents combats, l'armée irakienne a repris lundi la ville de Kirkouk aux peshmergas.",
        Expect {
            sub: "Government regains territory",
            actor1: "Military Forces of Iraq",
            actor2: None,
            location: "Kirkuk",
            date: None,
            fatalities: None,
        },
    );
}

// --- remote violence ----------------------------------------------------------

#[test]
fn fr_air_strike_with_country_adjective_and_civilians() {
    one(
        "2019-05-30",
        "Des frappes aériennes russes ont touché mardi la ville de Maarat al-Nouman, dans la province syrienne d'Idleb, tuant neuf civils, selon l'OSDH.",
        Expect {
            sub: "Air/drone strike",
            actor1: "Military Forces of Russia",
            actor2: Some("Civilians (Syria)"),
            location: "Nu",
            date: Some("2019-05-28"),
            fatalities: Some(9),
        },
    );
}

#[test]
fn en_strike_without_a_named_striker_takes_the_paragraphs_force() {
    one(
        "2022-04-09",
        "Russian forces have pressed their assault in the east. A missile attack on the railway station in Kramatorsk killed 20 civilians on Friday.",
        Expect {
            sub: "Shelling/artillery/missile attack",
            actor1: "Military Forces of Russia",
            actor2: Some("Civilians (Ukraine)"),
            location: "Kramatorsk",
            date: Some("2022-04-08"),
            fatalities: Some(20),
        },
    );
}

#[test]
fn fr_suicide_bomb_perpetrator_from_the_next_sentence() {
    one(
        "2018-05-03",
        "Un kamikaze s'est fait exploser mardi sur le marché de Mubi, tuant cinq personnes. L'attentat porte la marque de Boko Haram.",
        Expect {
            sub: "Suicide bomb",
            actor1: "Boko Haram - JAS",
            actor2: Some("Civilians (Nigeria)"),
            location: "Mubi",
            date: Some("2018-05-01"),
            fatalities: Some(5),
        },
    );
}

#[test]
fn en_roadside_bomb_without_perpetrator_is_unidentified() {
    one(
        "2021-09-13",
        "A roadside bomb struck a convoy near Kidal in northern Mali on Sunday, killing three people.",
        Expect {
            sub: "Remote explosive/landmine/IED",
            actor1: "Unidentified Armed Group (Mali)",
            actor2: None,
            location: "Kidal",
            date: Some("2021-09-12"),
            fatalities: Some(3),
        },
    );
}

#[test]
fn fr_list_of_places_gives_one_event_each() {
    let evs = events(
        "2020-02-07",
        "Des frappes aériennes ont visé jeudi Saraqeb, Ariha et Binnish, dans la province d'Idleb, selon des secouristes.",
    );
    assert_eq!(evs.len(), 3, "{}", show(&evs));
    assert!(evs
        .iter()
        .all(|e| e.sub_event_type.as_str() == "Air/drone strike"));
}

// --- violence against civilians ------------------------------------------

#[test]
fn en_attack_then_kidnapping_is_one_abduction() {
    one(
        "2021-02-19",
        "Gunmen stormed a secondary school in Kagara on Wednesday and kidnapped 27 pupils, police said.",
        Expect {
            sub: "Abduction/forced disappearance",
            actor1: "Unidentified Armed Group (Nigeria)",
            actor2: Some("Civilians (Nigeria)"),
            location: "Kagara",
            date: Some("2021-02-17"),
            fatalities: None,
        },
    );
}

#[test]
fn fr_civilians_killed_is_an_attack() {
    one(
        "2021-11-09",
        "Une douzaine de civils ont été tués dimanche soir à coups de machette dans un village proche de Beni. L'attaque est attribuée aux ADF.",
        Expect {
            sub: "Attack",
            actor1: "ADF: Allied Democratic Forces",
            actor2: Some("Civilians (Democratic Republic of Congo)"),
            location: "Beni",
            date: Some("2021-11-07"),
            fatalities: Some(12),
        },
    );
}

#[test]
fn en_looting_by_an_armed_group_is_property_destruction() {
    one(
        "2018-03-09",
        "Al Shabaab fighters looted the market of Jowhar on Wednesday, residents said.",
        Expect {
            sub: "Looting/property destruction",
            actor1: "Al Shabaab",
            actor2: Some("Civilians (Somalia)"),
            location: "Jawhar",
            date: Some("2018-03-07"),
            fatalities: None,
        },
    );
}

// --- demonstrations ---------------------------------------------------------

#[test]
fn fr_protest_by_the_countrys_protesters() {
    one(
        "2020-06-07",
        "Des milliers de personnes ont manifesté vendredi à Bamako pour réclamer la démission du président.",
        Expect {
            sub: "Peaceful protest",
            actor1: "Protesters (Mali)",
            actor2: None,
            location: "Bamako",
            date: Some("2020-06-05"),
            fatalities: None,
        },
    );
}

#[test]
fn en_dispersed_protest_has_the_police_as_actor2() {
    one(
        "2019-01-18",
        "Police fired tear gas to disperse protesters in Khartoum on Thursday.",
        Expect {
            sub: "Protest with intervention",
            actor1: "Protesters (Sudan)",
            actor2: Some("Police Forces of Sudan"),
            location: "Khartoum",
            date: Some("2019-01-17"),
            fatalities: None,
        },
    );
}

// --- filters ----------------------------------------------------------------

#[test]
fn fr_plans_are_not_events() {
    none(
        "2017-06-01",
        "L'armée prévoit de reprendre la ville de Raqqa dans les prochaines semaines.",
        "future",
    );
}

#[test]
fn fr_an_aim_with_an_adverb_is_still_a_plan() {
    none(
        "2017-11-20",
        "Damas cherchait désormais à reprendre le contrôle de la ville de Raqqa.",
        "future",
    );
}

#[test]
fn en_denied_shelling_is_not_an_event() {
    none(
        "2016-02-10",
        "The army denied that it had shelled the town of Kafr Nabl on Monday.",
        "negated",
    );
}

#[test]
fn fr_history_is_not_news() {
    none(
        "2019-05-08",
        "Pendant la Seconde Guerre mondiale, la ville de Bizerte avait été bombardée par l'aviation allemande.",
        "history",
    );
}

#[test]
fn en_old_events_are_background() {
    none(
        "2020-05-10",
        "In March 2019, Islamic State fighters seized the town of Kidal after a week of fighting.",
        "background",
    );
}

#[test]
fn fr_a_campaign_toll_is_not_a_clash() {
    none(
        "2019-07-25",
        "Selon l'ONU, les combats ont fait 1.200 morts et 5.000 blessés.",
        "campaign",
    );
}

#[test]
fn en_killed_since_a_movement_began_sums_it_up() {
    none(
        "2019-12-01",
        "More than 300 people have been killed since the protests began two months ago.",
        "campaign",
    );
}

#[test]
fn fr_what_people_flee_is_not_a_new_event() {
    none(
        "2017-10-15",
        "Des centaines de familles fuyant les combats sont arrivées à Gao ces derniers jours.",
        "flee",
    );
}

#[test]
fn en_a_month_name_is_not_a_march() {
    none(
        "2023-04-10",
        "The rapprochement between the two capitals announced in March gave the talks fresh momentum.",
        "part of a date",
    );
}

// --- places -------------------------------------------------------------------

#[test]
fn en_dateline_city_is_not_the_event_place() {
    let e = one(
        "2020-05-06",
        "KABUL, May 6 — Taliban fighters attacked an army checkpoint in Kunduz on Tuesday, killing four soldiers.",
        Expect {
            sub: "Armed clash",
            actor1: "Taliban",
            actor2: None,
            location: "Kunduz",
            date: Some("2020-05-05"),
            fatalities: Some(4),
        },
    );
    assert_ne!(e.location.as_deref(), Some("Kabul"));
}

#[test]
fn fr_a_foreign_capital_as_a_backer_is_not_a_place() {
    let evs = events(
        "2017-10-15",
        "Les Forces démocratiques syriennes, appuyées par Washington, combattent l'Etat islamique près de Raqqa.",
    );
    assert!(!evs.is_empty(), "no event");
    assert!(
        evs.iter().all(|e| e.country.as_deref() == Some("SY")),
        "{}",
        show(&evs)
    );
}

#[test]
fn social_networks_are_not_places() {
    let p = run(
        "2022-10-19",
        "Un missile est tombé près d'une école de Zaporijjia, a précisé le gouverneur sur Telegram.",
    );
    assert!(
        p.annotation
            .places
            .iter()
            .all(|pl| !pl.value.mention.name.contains("Telegram")),
        "Telegram taken for a place"
    );
    assert!(p.extraction.events.iter().all(|e| e
        .location
        .as_deref()
        .is_some_and(|l| l.starts_with("Zapor"))));
}

// --- merging in an article -----------------------------------------------

#[test]
fn fr_two_sentences_about_one_capture_make_one_event() {
    let evs = events(
        "2016-03-28",
        "L'armée syrienne a repris dimanche le contrôle total de Palmyre. \
         La reprise de Palmyre par l'armée syrienne est un revers majeur pour l'Etat islamique.",
    );
    assert_eq!(evs.len(), 1, "{}", show(&evs));
}

#[test]
fn every_event_has_notes_evidence_spans_and_a_confidence() {
    let text = "Des frappes aériennes russes ont touché mardi la ville de Maarat al-Nouman, tuant neuf civils.";
    let evs = events("2019-05-30", text);
    assert!(!evs.is_empty());
    for e in &evs {
        assert!(!e.notes.is_empty());
        let c = e.confidence.unwrap_or(-1.0);
        assert!((0.0..=1.0).contains(&c), "confidence {c}");
        let prov = e.provenance.as_ref().unwrap_or_else(|| unreachable!());
        let quoted = prov.evidence.slice(text).unwrap_or("");
        assert!(text.contains(e.evidence.as_str()) && quoted.contains("frappes"));
        for (field, span) in &prov.fields {
            assert!(
                span.slice(text).is_some(),
                "span of {field} out of the text"
            );
        }
    }
}
