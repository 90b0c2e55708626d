//! End-to-end tests of the `vigie` binary on inputs the tests write.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn vigie(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .env_remove("VIGIE_DATA")
        .output()
        .expect("the vigie binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const ARTICLE_FR: &str = " date 2019-03\n\
Les forces gouvernementales syriennes ont repris mardi la ville de Maaret al-Nouman, dans la province d'Idleb, après trois jours de combats contre les jihadistes de Hayat Tahrir al-Cham, a indiqué l'agence officielle Sana.\n\n\
Selon l'Observatoire syrien des droits de l'Homme, au moins douze combattants ont été tués dans les affrontements.\n";

fn write_inputs(dir: &Path) {
    std::fs::write(dir.join("maaret.txt"), ARTICLE_FR).unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(
        dir.join("binary.txt"),
        [0x7Fu8, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0],
    )
    .unwrap();
    std::fs::write(
        dir.join("latin1.txt"),
        b"Des frappes a\xe9riennes ont touch\xe9 Idleb jeudi, selon l'OSDH.",
    )
    .unwrap();
    let jsonl = [
        serde_json::json!({"id": "en-1", "published": "2022-04-08", "text": "A Russian missile struck the railway station in Kramatorsk on Friday, killing at least 50 civilians, regional officials said."}).to_string(),
        "{\"id\": \"broken\", \"text\": ".to_string(),
        serde_json::json!({"id": "en-2", "published": "2020-08-12", "text": "Police fired tear gas to disperse hundreds of protesters in Bamako on Wednesday."}).to_string(),
    ]
    .join("\n");
    std::fs::write(dir.join("batch.jsonl"), jsonl).unwrap();
}

#[test]
fn extract_reports_bad_inputs_and_processes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write_inputs(&inputs);
    let out = dir.path().join("out");
    let r = vigie(&[
        "extract",
        inputs.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let err = text(&r.stderr);
    for (file, reason) in [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("latin1.txt", "not valid UTF-8"),
        ("batch.jsonl:2", "malformed JSON line"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(file) && l.contains(reason)),
            "no {file}/{reason} in:\n{err}"
        );
    }
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        vec!["en-1.json", "en-2.json", "latin1.json", "maaret.json"]
    );
    // Gold format, with event ids; the clear French report gives its event.
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("maaret.json")).unwrap()).unwrap();
    assert_eq!(v["article"], "maaret");
    assert_eq!(v["published"], "2019-03");
    let events = v["events"].as_array().unwrap();
    let regain = events
        .iter()
        .find(|e| e["sub_event_type"] == "Government regains territory")
        .unwrap_or_else(|| panic!("no territory event in {events:#?}"));
    assert_eq!(regain["actor1"], "Military Forces of Syria");
    assert_eq!(regain["actor2"], "Hayat Tahrir al-Sham");
    assert_eq!(regain["country"], "SY");
    assert!(regain["event_id"].as_str().unwrap().starts_with("ev-"));
    let evidence = regain["evidence"].as_str().unwrap();
    assert!(ARTICLE_FR.contains(evidence) && !evidence.is_empty());
    let strike: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("en-1.json")).unwrap()).unwrap();
    let e = &strike["events"][0];
    assert_eq!(e["sub_event_type"], "Shelling/artillery/missile attack");
    assert_eq!(e["event_date"], "2022-04-08");
    assert_eq!(e["fatalities"], 50);
}

#[test]
fn eval_prints_scores_and_json() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("maaret.txt"), ARTICLE_FR).unwrap();
    let gold = dir.path().join("gold");
    std::fs::create_dir(&gold).unwrap();
    let g = serde_json::json!({
        "article": "maaret", "language": "fr", "published": "2019-03", "outlet": null,
        "events": [{
            "event_date": "2019-03-05", "date_precision": "day", "event_type": "Battles",
            "sub_event_type": "Government regains territory", "actor1": "Military Forces of Syria",
            "assoc_actor1": [], "actor2": "Hayat Tahrir al-Sham", "assoc_actor2": [], "inter1": 1, "inter2": 2,
            "country": "SY", "admin1": "Idlib", "location": "Ma'arrat an Nu'man", "latitude": 35.6478,
            "longitude": 36.6747, "geo_precision": 1, "fatalities": 12, "claimed_by": ["SANA"],
            "territory_km2": null, "evidence": "ont repris mardi la ville de Maaret al-Nouman", "notes": "x",
            "event_key": "k1"
        }]
    });
    std::fs::write(gold.join("maaret.json"), g.to_string()).unwrap();
    let r = vigie(&[
        "eval",
        "--gold",
        gold.to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let out = text(&r.stdout);
    assert!(
        out.contains("precision") && out.contains("recall") && out.contains("F1"),
        "{out}"
    );
    let r = vigie(&[
        "eval",
        "--json",
        "--gold",
        gold.to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    for key in ["precision", "recall", "f1", "field_accuracy", "merge_f1"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["recall"], 1.0, "{v:#}");
    let r = vigie(&[
        "eval",
        "--diff",
        "--gold",
        gold.to_str().unwrap(),
        dir.path().to_str().unwrap(),
    ]);
    assert!(r.status.success());
}

#[test]
fn annotate_spans_point_into_the_original_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("maaret.txt");
    std::fs::write(&path, ARTICLE_FR).unwrap();
    let r = vigie(&["annotate", path.to_str().unwrap()]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let line = text(&r.stdout);
    let v: serde_json::Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(v["id"], "maaret");
    assert_eq!(v["language"], "fr");
    assert_eq!(v["published"], "2019-03");
    assert_eq!(v["published_precision"], "month");
    assert!(!v["clean_text"].as_str().unwrap().contains("date 2019-03"));
    let mentions = v["mentions"].as_array().unwrap();
    let kinds: std::collections::BTreeSet<&str> = mentions
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    for k in ["place", "actor", "date", "number", "claim"] {
        assert!(kinds.contains(k), "no {k} mention in {mentions:#?}");
    }
    for m in mentions {
        let (a, b) = (
            m["span"][0].as_u64().unwrap() as usize,
            m["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE_FR[a..b], m["text"].as_str().unwrap());
    }
    let sana = mentions.iter().find(|m| m["kind"] == "claim").unwrap();
    assert_eq!(sana["claimant"], "SANA");
    let numbers: Vec<(Option<f64>, Option<&str>)> = mentions
        .iter()
        .filter(|m| m["kind"] == "number")
        .map(|m| (m["value"].as_f64(), m["counts"].as_str()))
        .collect();
    assert!(
        numbers.contains(&(Some(12.0), Some("killed"))),
        "{numbers:?}"
    );
}

#[test]
fn demo_runs_on_the_built_in_samples() {
    let r = vigie(&["demo", "--no-serve"]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let out = text(&r.stdout);
    assert!(out.contains("8 sample articles"), "{out}");
    assert!(out.contains("evidence:"), "{out}");
}

#[test]
fn bad_flags_and_missing_folders_fail() {
    assert!(!vigie(&["extract"]).status.success());
    assert!(!vigie(&["frobnicate"]).status.success());
    let r = vigie(&["eval", "--gold", "/nonexistent/gold", "."]);
    assert!(!r.status.success());
    assert!(text(&r.stderr).contains("/nonexistent/gold"));
}

#[test]
fn geocode_prints_ranked_json_lines() {
    let r = vigie(&["geocode", "Tripoli", "--country", "LY", "--limit", "2"]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let out = text(&r.stdout);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    for key in [
        "name",
        "country",
        "admin1",
        "latitude",
        "longitude",
        "population",
        "feature",
        "score",
    ] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    assert_eq!(first["country"], "LY");
    assert!(!vigie(&["geocode", "Tripoli", "--near", "north"])
        .status
        .success());
}

#[test]
fn gazetteer_import_builds_a_layer_used_by_the_pipeline() {
    let dir = tempfile::tempdir().unwrap();
    // A tiny GeoNames dump with a village no built-in data has.
    let row = |id: u32,
               name: &str,
               alt: &str,
               lat: f64,
               lon: f64,
               code: &str,
               a1: &str,
               pop: u64| {
        format!("{id}\t{name}\t{name}\t{alt}\t{lat}\t{lon}\tP\t{code}\tML\t\t{a1}\t\t\t\t{pop}\t\t300\tAfrica/Bamako\t2020-01-01\n")
    };
    let dump = row(
        90000001,
        "Kouroumbalé",
        "Kouroumbale",
        14.21,
        -4.09,
        "PPL",
        "07",
        900,
    ) + &row(
        90000002, "Sévaré", "Severe", 14.53, -4.09, "PPLA2", "07", 30000,
    );
    std::fs::write(dir.path().join("ML.txt"), dump).unwrap();
    std::fs::write(
        dir.path().join("admin1CodesASCII.txt"),
        "ML.07\tMopti\tMopti\t2453347\n",
    )
    .unwrap();
    let out = dir.path().join("ml.gaz");
    let r = vigie(&[
        "gazetteer",
        "import",
        dir.path().join("ML.txt").to_str().unwrap(),
        dir.path().join("admin1CodesASCII.txt").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(r.status.success(), "{}", text(&r.stderr));
    let r = vigie(&[
        "--gazetteer",
        out.to_str().unwrap(),
        "geocode",
        "Kouroumbale",
    ]);
    let first: serde_json::Value =
        serde_json::from_str(text(&r.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["name"], "Kouroumbalé");
    assert_eq!(first["admin1"], "Mopti");
    // Without the layer the village is unknown.
    let r = vigie(&["geocode", "Kouroumbale"]);
    assert!(text(&r.stdout).lines().all(|l| !l.contains("Kouroumbal")));
    // A broken layer file is an error naming it.
    std::fs::write(dir.path().join("bad.gaz"), b"not a gazetteer").unwrap();
    let r = vigie(&[
        "--gazetteer",
        dir.path().join("bad.gaz").to_str().unwrap(),
        "geocode",
        "Gao",
    ]);
    assert!(!r.status.success());
    assert!(text(&r.stderr).contains("bad.gaz"), "{}", text(&r.stderr));
}
