//! The scorer on hand-made gold/prediction pairs.

use super::*;
use chrono::NaiveDate;
use vigie_core::{EventType, SubEventType};

#[allow(clippy::too_many_arguments)]
fn ev(
    date: &str,
    precision: Precision,
    sub: SubEventType,
    actor1: &str,
    lat: f64,
    lon: f64,
    geo: u8,
    admin1: &str,
) -> Event {
    Event {
        event_date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        date_precision: precision,
        event_type: sub.event_type(),
        sub_event_type: sub,
        actor1: actor1.into(),
        assoc_actor1: vec![],
        actor2: None,
        assoc_actor2: vec![],
        inter1: 1,
        inter2: None,
        country: Some("SY".into()),
        admin1: Some(admin1.into()),
        location: Some("x".into()),
        latitude: Some(lat),
        longitude: Some(lon),
        geo_precision: geo,
        fatalities: None,
        claimed_by: vec![],
        territory_km2: None,
        evidence: String::new(),
        notes: String::new(),
        event_id: None,
        event_key: None,
        confidence: None,
        provenance: None,
    }
}

use Precision::*;
use SubEventType::*;

// Homs city and As Sukhnah are about 200 km apart; Palmyra (Tadmur) and
// As Sukhnah about 68 km.
const HOMS: (f64, f64) = (34.7268, 36.7234);
const SUKHNA: (f64, f64) = (34.8853, 38.8711);
const TADMUR: (f64, f64) = (34.5624, 38.284);

fn article(id: &str, events: Vec<Event>) -> ArticleEvents {
    ArticleEvents {
        article: id.into(),
        language: None,
        published: None,
        outlet: None,
        events,
    }
}

#[test]
fn date_precision_rule() {
    let g = ev(
        "2017-08-06",
        Day,
        GovernmentRegainsTerritory,
        "A",
        SUKHNA.0,
        SUKHNA.1,
        1,
        "Homs",
    );
    let p = |d: &str, pr: Precision| {
        ev(
            d,
            pr,
            GovernmentRegainsTerritory,
            "A",
            SUKHNA.0,
            SUKHNA.1,
            1,
            "Homs",
        )
    };
    // Day vs day: ±2 days.
    assert!(can_match(&p("2017-08-08", Day), &g));
    assert!(!can_match(&p("2017-08-09", Day), &g));
    // Week: ±7 days.
    assert!(can_match(&p("2017-08-13", Week), &g));
    assert!(!can_match(&p("2017-08-14", Week), &g));
    // Month: the same calendar month, whatever the day.
    assert!(can_match(&p("2017-08-31", Month), &g));
    assert!(!can_match(&p("2017-07-31", Month), &g));
    // Year: the same year.
    assert!(can_match(&p("2017-01-01", Year), &g));
    assert!(!can_match(&p("2018-08-06", Year), &g));
}

#[test]
fn fifty_km_rule_and_admin1_for_precision_three() {
    let g = ev(
        "2017-08-06",
        Day,
        ArmedClash,
        "A",
        SUKHNA.0,
        SUKHNA.1,
        1,
        "Homs",
    );
    // Palmyra is ~68 km away: no match at precision 1 or 2.
    let far = ev(
        "2017-08-06",
        Day,
        ArmedClash,
        "A",
        TADMUR.0,
        TADMUR.1,
        2,
        "Homs",
    );
    assert!(!can_match(&far, &g));
    // 40 km east of As Sukhnah: a match.
    let (la, lo) = vigie_core::geo::offset(SUKHNA.0, SUKHNA.1, 40.0, 90.0);
    assert!(can_match(
        &ev("2017-08-06", Day, ArmedClash, "A", la, lo, 2, "Homs"),
        &g
    ));
    // Province-only prediction: the admin1 decides, not the distance.
    let province = ev(
        "2017-08-06",
        Day,
        ArmedClash,
        "A",
        HOMS.0,
        HOMS.1,
        3,
        "Homs",
    );
    assert!(can_match(&province, &g));
    let other = ev(
        "2017-08-06",
        Day,
        ArmedClash,
        "A",
        HOMS.0,
        HOMS.1,
        3,
        "Hama",
    );
    assert!(!can_match(&other, &g));
    // Different event types never match.
    let strike = ev(
        "2017-08-06",
        Day,
        AirDroneStrike,
        "A",
        SUKHNA.0,
        SUKHNA.1,
        1,
        "Homs",
    );
    assert!(!can_match(&strike, &g));
    assert_eq!(strike.event_type, EventType::ExplosionsRemoteViolence);
}

#[test]
fn one_to_one_best_pairs_first() {
    // Two gold events in one town two days apart; predictions on both days
    // in the wrong order must still pair by closest date.
    let g = vec![
        ev(
            "2017-08-06",
            Day,
            ArmedClash,
            "A",
            SUKHNA.0,
            SUKHNA.1,
            1,
            "Homs",
        ),
        ev(
            "2017-08-08",
            Day,
            ArmedClash,
            "A",
            SUKHNA.0,
            SUKHNA.1,
            1,
            "Homs",
        ),
    ];
    let p = vec![
        ev(
            "2017-08-08",
            Day,
            ArmedClash,
            "A",
            SUKHNA.0,
            SUKHNA.1,
            1,
            "Homs",
        ),
        ev(
            "2017-08-06",
            Day,
            ArmedClash,
            "A",
            SUKHNA.0,
            SUKHNA.1,
            1,
            "Homs",
        ),
        ev(
            "2017-08-07",
            Day,
            ArmedClash,
            "A",
            SUKHNA.0,
            SUKHNA.1,
            1,
            "Homs",
        ),
    ];
    let pairs = match_events(&g, &p);
    assert_eq!(
        pairs,
        vec![
            Pair {
                gold: 0,
                predicted: 1
            },
            Pair {
                gold: 1,
                predicted: 0
            }
        ]
    );
    // Same sub-event type is preferred over a closer date.
    let g = vec![ev(
        "2017-08-06",
        Day,
        GovernmentRegainsTerritory,
        "A",
        SUKHNA.0,
        SUKHNA.1,
        1,
        "Homs",
    )];
    let p = vec![
        ev(
            "2017-08-06",
            Day,
            ArmedClash,
            "A",
            SUKHNA.0,
            SUKHNA.1,
            1,
            "Homs",
        ),
        ev(
            "2017-08-07",
            Day,
            GovernmentRegainsTerritory,
            "A",
            SUKHNA.0,
            SUKHNA.1,
            1,
            "Homs",
        ),
    ];
    assert_eq!(
        match_events(&g, &p),
        vec![Pair {
            gold: 0,
            predicted: 1
        }]
    );
}

#[test]
fn precision_recall_f1_and_fields() {
    let mut g1 = ev(
        "2017-08-06",
        Day,
        GovernmentRegainsTerritory,
        "Military Forces of Syria",
        SUKHNA.0,
        SUKHNA.1,
        1,
        "Homs",
    );
    g1.fatalities = Some(10);
    let g2 = ev(
        "2017-08-10",
        Week,
        ArmedClash,
        "Islamic State",
        SUKHNA.0,
        SUKHNA.1,
        1,
        "Homs",
    );
    let mut p1 = ev(
        "2017-08-07",
        Day,
        GovernmentRegainsTerritory,
        "Military Forces of Syria",
        SUKHNA.0 + 0.05,
        SUKHNA.1,
        1,
        "Homs",
    );
    p1.fatalities = Some(10);
    // Matched by the month rule; wrong actor; 35 km away (matched, but
    // the location is wrong at 10 km).
    let (la, lo) = vigie_core::geo::offset(SUKHNA.0, SUKHNA.1, 35.0, 0.0);
    let p2 = ev(
        "2017-08-01",
        Month,
        ArmedClash,
        "Military Forces of Syria",
        la,
        lo,
        2,
        "Homs",
    );
    let p3 = ev(
        "2017-08-06",
        Day,
        AirDroneStrike,
        "X",
        HOMS.0,
        HOMS.1,
        1,
        "Homs",
    );
    let gold = vec![article("a", vec![g1, g2]), article("b", vec![])];
    let pred = vec![article("a", vec![p1, p2, p3])];
    let r = score(&gold, &pred);
    assert_eq!((r.gold_events, r.predicted_events, r.matched), (2, 3, 2));
    assert!((r.precision - 2.0 / 3.0).abs() < 1e-9);
    assert!((r.recall - 1.0).abs() < 1e-9);
    assert!((r.f1 - 0.8).abs() < 1e-9);
    let fa = |f: &str| r.field_accuracy[f].unwrap();
    assert_eq!(fa("sub_event_type"), 1.0);
    assert_eq!(fa("actor1"), 0.5);
    assert_eq!(fa("actor2"), 1.0);
    // p1 is a day off with both day precision: wrong; p2 month: right.
    assert_eq!(fa("event_date"), 0.5);
    assert_eq!(fa("location"), 0.5);
    // p1 10 = 10; p2 null = null.
    assert_eq!(fa("fatalities"), 1.0);
    assert_eq!(r.per_article[0].false_alarms, vec![2]);
    assert_eq!(r.merge_f1, None);
}

#[test]
fn merge_f1_over_matched_mentions() {
    let mk = |id: &str, key: &str| {
        let mut e = ev(
            "2022-04-08",
            Day,
            ShellingArtilleryMissileAttack,
            "R",
            48.73,
            37.55,
            1,
            "Donetsk",
        );
        e.event_id = Some(id.into());
        e.event_key = Some(key.into());
        e
    };
    let gold = vec![
        article("a", vec![mk("", "k1")]),
        article("b", vec![mk("", "k1")]),
        article("c", vec![mk("", "k1")]),
        article("d", vec![mk("", "k2")]),
    ];
    // a and b merged (correct), c apart (miss), d merged with a (wrong).
    let pred = vec![
        article("a", vec![mk("E1", "")]),
        article("b", vec![mk("E1", "")]),
        article("c", vec![mk("E2", "")]),
        article("d", vec![mk("E1", "")]),
    ];
    let r = score(&gold, &pred);
    // Predicted-same pairs: ab, ad, bd = 3; gold-same: ab, ac, bc = 3; tp = ab.
    assert_eq!((r.merge_pairs_predicted, r.merge_pairs_gold), (3, 3));
    assert!((r.merge_precision.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert!((r.merge_recall.unwrap() - 1.0 / 3.0).abs() < 1e-9);
    assert!((r.merge_f1.unwrap() - 1.0 / 3.0).abs() < 1e-9);
}

#[test]
fn missing_predictions_and_empty_gold() {
    let g = ev(
        "2017-08-06",
        Day,
        ArmedClash,
        "A",
        SUKHNA.0,
        SUKHNA.1,
        1,
        "Homs",
    );
    let r = score(&[article("a", vec![g])], &[]);
    assert_eq!((r.precision, r.recall, r.f1), (0.0, 0.0, 0.0));
    assert_eq!(r.per_article[0].missed, vec![0]);
    assert_eq!(r.field_accuracy["actor1"], None);
    let r = score(&[article("none", vec![])], &[article("none", vec![])]);
    assert_eq!(r.f1, 0.0);
    assert_eq!(r.articles, 1);
    let json = serde_json::to_value(&r).unwrap();
    assert!(json.get("field_accuracy").is_some());
    assert!(json.get("merge_f1").unwrap().is_null());
}

#[test]
fn reliability_bins_count_matches_and_calibration_error() {
    let points = [
        (0.95, true),
        (0.92, true),
        (0.91, false),
        (0.35, false),
        (0.31, true),
    ];
    let (bins, ece) = crate::reliability(&points);
    assert_eq!(bins.len(), 2);
    assert_eq!((bins[0].low, bins[0].events, bins[0].matched), (0.3, 2, 1));
    assert_eq!((bins[1].low, bins[1].events, bins[1].matched), (0.9, 3, 2));
    assert!((bins[1].precision - 2.0 / 3.0).abs() < 1e-9);
    // |0.5 - 0.33| * 2/5 + |0.667 - 0.927| * 3/5
    let want = 0.4 * (0.5f64 - 0.33).abs() + 0.6 * (2.0f64 / 3.0 - 0.9266666666666666).abs();
    assert!(
        (ece.unwrap_or(-1.0) - want).abs() < 1e-9,
        "{ece:?} vs {want}"
    );
    assert_eq!(crate::reliability(&[]).1, None);
}
