//! Class: articles whose publication date is only in the URL or in a
//! header line (JSONL lines with a `url` and no `published`). Each URL
//! form news sites use, on any host, and header lines that give the day
//! without its year, must date the events; an article with no date at
//! all says why its events are dropped.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

/// One event as (date, precision, sub-event type).
type Brief = (String, String, String);

/// Runs `vigie extract` on JSONL lines; returns each article's events.
fn extract(lines: &[serde_json::Value]) -> Vec<(String, Vec<Brief>)> {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let body: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    std::fs::write(&input, body.join("\n")).unwrap();
    let out = dir.path().join("out");
    let r = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args([
            "extract",
            "-q",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .env_remove("VIGIE_DATA")
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let mut got = Vec::new();
    for l in lines {
        let id = l["id"].as_str().unwrap();
        let f: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(out.join(format!("{id}.json"))).unwrap())
                .unwrap();
        let evs = f["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["event_date"].as_str().unwrap().to_string(),
                    e["date_precision"].as_str().unwrap().to_string(),
                    e["sub_event_type"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        got.push((id.to_string(), evs));
    }
    got
}

/// A JSONL line with no URL and no date: only the text can date it.
fn plain(id: &str, text: &str) -> serde_json::Value {
    serde_json::json!({"id": id, "text": text})
}

/// The event dates of one article of [`extract`]'s result.
fn dates_of(got: &[(String, Vec<Brief>)], id: &str) -> Vec<String> {
    let (_, evs) = got.iter().find(|(i, _)| i == id).unwrap();
    evs.iter().map(|e| e.0.clone()).collect()
}

fn line(id: &str, url: &str, text: &str) -> serde_json::Value {
    serde_json::json!({"id": id, "url": url, "text": text})
}

#[test]
fn dates_in_urls_of_any_host() {
    let got = extract(&[
        // Mali, /YYYY/MMDD/: Monday 4 November 2019.
        line(
            "ml",
            "https://www.sahel-infos.example/actualites/2019/1104/attaque-poste-tabankort",
            "Mali : une attaque repoussée près de Tabankort\n\
             Les Forces armées maliennes ont repoussé lundi une attaque de jihadistes contre leur poste de Tabankort, dans la région de Gao, a indiqué l'état-major dans un communiqué.",
        ),
        // Somalia, a slug that starts with the day and a time.
        line(
            "so",
            "https://news.horn.example/201906041530-shabaab-fighters-killed.html",
            "Somali troops clash with al-Shabaab near Afgooye\n\
             Somali government troops clashed with al-Shabaab fighters near the town of Afgooye on Monday, killing six militants, a military officer told reporters by phone.",
        ),
        // Ukraine, a numeric id that starts with the day.
        line(
            "ua",
            "https://www.ukr-news.example/news/2023091712345.html",
            "Ukrainian troops recaptured the village of Andriivka, south of Bakhmut, on Saturday, the General Staff said.",
        ),
    ]);
    let day = |id: &str| -> (String, String) {
        let (_, evs) = got.iter().find(|(i, _)| i == id).unwrap();
        assert!(!evs.is_empty(), "{id}: no event");
        (evs[0].0.clone(), evs[0].1.clone())
    };
    assert_eq!(day("ml"), ("2019-11-04".into(), "day".into()));
    assert_eq!(day("so"), ("2019-06-03".into(), "day".into()));
    assert_eq!(day("ua"), ("2023-09-16".into(), "day".into()));
}

#[test]
fn header_days_without_their_year() {
    let got = extract(&[
        // Syria: "12/04" in an update line, the year from the URL's month.
        line(
            "sy",
            "https://www.levant-actu.example/2016/04/syrie-khan-touman",
            "Syrie : l'armée reprend un village au sud d'Alep\n\
             Mis à jour à 09h10 le 12/04\n\
             Les forces gouvernementales syriennes ont repris mardi le village de Khan Touman, au sud d'Alep, après de violents combats contre les rebelles, selon l'Observatoire syrien.",
        ),
        // Iraq: a day and month in the header, the year in the footer.
        line(
            "iq",
            "https://www.mesopotamia.example/?p=88120",
            "Iraqi forces retake Hit\n\
             Published 14 April | 2 min read\n\
             Iraqi government forces retook the town of Hit in Anbar province from Islamic State on Wednesday, the Joint Operations Command said, the latest gain of an offensive the army began in March.\n\
             © 2016 Mesopotamia News. All rights reserved.",
        ),
        // Syria: a wire dateline without its year; the only year the prose
        // names is background, and 25 December falls on a Thursday in none
        // of the years from it: no year is guessed.
        line(
            "sy-wire",
            "https://www.levant-wire.example/?p=5512",
            "AMMAN, Dec 25 (Reuters) - Russian and Syrian warplanes struck towns in southern Idlib on Thursday, rescuers said, in the heaviest raids since a truce collapsed in August 2018.",
        ),
        // Burkina Faso: a full French header line.
        line(
            "bf",
            "https://www.faso-infos.example/?p=1201",
            "Attaque contre un détachement à Djibo\n\
             Publié le mardi 12 avril 2022 à 18:05\n\
             Des hommes armés ont attaqué lundi le camp militaire de Djibo, dans la province du Soum, a annoncé l'état-major, qui fait état de quatre soldats tués.",
        ),
    ]);
    let first = |id: &str| {
        let (_, evs) = got.iter().find(|(i, _)| i == id).unwrap();
        assert!(!evs.is_empty(), "{id}: no event");
        evs[0].clone()
    };
    assert_eq!(first("sy").0, "2016-04-12");
    assert_eq!(first("sy").1, "day");
    assert_eq!(first("iq").0, "2016-04-13");
    let (_, wire) = got.iter().find(|(i, _)| i == "sy-wire").unwrap();
    assert!(
        wire.iter().all(|(d, _, _)| !d.starts_with("2018")),
        "a background year dated the story: {wire:?}"
    );
    assert_eq!(first("bf").0, "2022-04-11");
}

/// Class: wire copy whose dateline gives the day and month but no year
/// ("MOGADISHU, Sept 23 (Reuters) -"), with nothing else dating it. The
/// lead names the weekday of the report ("said on Friday") and the text
/// names earlier years: the year is the first one, from the latest year
/// named, in which that day falls on that weekday. The weekday of an
/// event ("attacked on Friday") is no evidence: reports come days later.
#[test]
fn wire_datelines_without_a_year_take_it_from_the_lead_weekday() {
    let got = extract(&[
        // Somalia, English: 23 September is a Friday in 2022, after the
        // 2006 and 2022 the text names.
        plain(
            "so",
            "MOGADISHU, Sept 23 (Reuters) - Al Shabaab fighters attacked a military base near Adale in the Middle Shabelle region, killing at least seven soldiers, a regional official said on Friday.\n\n\
             The group, which has fought the government since 2006, has lost several towns to an offensive the army began in August 2022.",
        ),
        // Mali, French: 14 January is a Saturday in 2023, not in 2021 or
        // 2022.
        plain(
            "ml",
            "GAO (Mali), 14 janvier (AFP) - L'armée malienne a annoncé samedi avoir repoussé une attaque jihadiste contre son camp de Tessit, dans la région de Gao, tuant une vingtaine d'assaillants.\n\n\
             La zone des trois frontières est le théâtre de combats entre l'armée et les groupes jihadistes depuis le départ de la force Barkhane en 2021.",
        ),
        // Ukraine: 2 June is a Monday in none of 2019-2022: no year.
        plain(
            "ua",
            "KYIV, June 2 (Reuters) - Russian forces shelled the town of Avdiivka, killing two civilians, the regional governor said on Monday, in fighting that has gone on since 2019.",
        ),
        // Nigeria: the weekday is the attack's, not the report's (the
        // report came days later): 12 March 2021 is a Friday, but no year
        // is taken from it.
        plain(
            "ng",
            "MAIDUGURI, Nigeria, March 12 (Reuters) - Islamist insurgents attacked the town of Dikwa on Friday, burning the police station, residents said, the latest raid since the army withdrew in 2020.",
        ),
    ]);
    let dates = |id: &str| dates_of(&got, id);
    assert_eq!(dates("so"), ["2022-09-23"], "{got:?}");
    assert_eq!(
        dates("ml").first().map(String::as_str),
        Some("2023-01-14"),
        "{got:?}"
    );
    assert!(dates("ua").is_empty(), "{got:?}");
    assert!(dates("ng").is_empty(), "{got:?}");
}

/// Class: a header line with the weekday and the day but no year
/// ("Publié le mardi 12 avril"), no year in the metadata, header or
/// footer. The weekday picks the year, from the latest one the prose
/// names; a header day without a weekday is not guessed.
#[test]
fn header_days_with_a_weekday_take_the_year_it_fits() {
    let got = extract(&[
        // Burkina Faso: 12 April is a Tuesday in 2022 (Monday in 2021).
        plain(
            "bf",
            "Djibo : le camp militaire attaqué\n\
             Publié le mardi 12 avril à 18:05\n\
             Des hommes armés ont attaqué lundi le camp militaire de Djibo, dans la province du Soum, a annoncé l'état-major, qui fait état de quatre soldats tués. La ville est sous blocus depuis 2021.",
        ),
        // DR Congo: 9 March is a Thursday in 2023.
        plain(
            "cd",
            "M23 rebels take Rutshuru\n\
             Published Thursday 9 March | 3 min read\n\
             M23 rebels seized the town of Rutshuru in North Kivu on Wednesday after two days of fighting with the Congolese army, residents said. The rebels resumed their offensive in late 2021.",
        ),
        // Mozambique: a day without weekday or year: no year is guessed.
        plain(
            "mz",
            "Raid sur Macomia\n\
             Mis à jour à 09h10 le 13/05\n\
             Des insurgés ont attaqué vendredi la ville de Macomia, dans la province de Cabo Delgado, et se sont battus pendant des heures avec les soldats mozambicains, selon des sources locales, trois ans après la reprise de la région en 2021.",
        ),
    ]);
    let dates = |id: &str| dates_of(&got, id);
    assert_eq!(
        dates("bf").first().map(String::as_str),
        Some("2022-04-11"),
        "{got:?}"
    );
    assert_eq!(
        dates("cd").first().map(String::as_str),
        Some("2023-03-08"),
        "{got:?}"
    );
    assert!(dates("mz").is_empty(), "{got:?}");
}

#[test]
fn an_article_with_no_date_at_all_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        line(
            "x",
            "https://example.org/?p=7",
            "M23 rebels seized the town of Kiwanja on Saturday after the army withdrew, residents said.",
        )
        .to_string(),
    )
    .unwrap();
    let r = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["annotate", input.to_str().unwrap()])
        .env_remove("VIGIE_DATA")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&r.stdout);
    assert!(out.contains("\"published\":null"), "{out}");
    assert!(out.contains("no date"), "{out}");
}

/// Runs `vigie annotate` on text files; returns each file's `published`.
fn published_of(files: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (name, text) in files {
        let p = dir.path().join(format!("{name}.txt"));
        std::fs::write(&p, text).unwrap();
        paths.push(p.to_str().unwrap().to_string());
    }
    let mut args = vec!["annotate".to_string()];
    args.extend(paths);
    let r = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(&args)
        .env_remove("VIGIE_DATA")
        .output()
        .unwrap();
    String::from_utf8_lossy(&r.stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["published"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn scraped_headers_behind_menus_banners_and_long_headlines() {
    let got = published_of(&[
        // A menu line of bars and a cookie banner before the date line.
        (
            "menu",
            "Sahel Monitor\nHome | News | Mali | Niger | Burkina Faso | Chad | Analysis | Podcasts | Donate | About\n\n\
             We use cookies to make this website work and to understand how visitors use it. Read our privacy statement. [Accept all]\n\n\
             Jihadists attack army post near Diafarabé\n\
             4 March 2020\n\n\
             Suspected jihadists attacked an army post near Diafarabé in central Mali on Tuesday, killing four soldiers, military sources said on Wednesday.\n",
        ),
        // A headline of fifteen words is not the body: the date under it counts.
        (
            "long",
            "Soudan : de nouveaux bombardements frappent les quartiers nord d'El-Facher, les habitants fuient vers Tawila\n\n\
             Publié le samedi 15 juin 2024 à 11:20\n\n\
             Des obus sont tombés vendredi sur plusieurs quartiers du nord d'El-Facher, faisant au moins cinq morts parmi les civils, selon un comité de résistance local.\n",
        ),
        // A day without its year, the year from the copyright footer (the
        // text names an older year).
        (
            "footer",
            "ACTUALITÉS | SÉCURITÉ\nIturi : des miliciens attaquent un village de Djugu\nMis à jour à 08h40 le 12/02\n\n\
             Des miliciens ont attaqué samedi soir un village de Djugu, tuant six civils, un an après le massacre de février 2022 dans le même territoire, selon la société civile.\n\n\
             © 2023 Ituri Nouvelles – Tous droits réservés\n",
        ),
    ]);
    let of = |id: &str| {
        got.iter()
            .find(|(i, _)| i == id)
            .and_then(|(_, p)| p.clone())
    };
    assert_eq!(of("menu").as_deref(), Some("2020-03-04"));
    assert_eq!(of("long").as_deref(), Some("2024-06-15"));
    assert_eq!(of("footer").as_deref(), Some("2023-02-12"));
}
