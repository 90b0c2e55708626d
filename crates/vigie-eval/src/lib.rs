//! The scorer of `events.md`.
//!
//! A predicted event matches a gold event of the same article when their
//! event types are equal, their locations are within 50 km (or share the
//! admin1 when either has geo_precision 3), and their dates agree within
//! the coarser of the two precisions (day ±2 days, week ±7, month the same
//! month, year the same year). Matching is one-to-one, best pairs first
//! (same sub-event type, then closest date, then closest place). Reported:
//! precision, recall and F1 of events; over matched pairs the accuracy of
//! `sub_event_type`, `actor1`, `actor2`, `event_date` (the exact day when
//! both have day precision, else agreement within the coarser precision),
//! location (within 10 km) and `fatalities` (exact, null equals null); and
//! the pairwise merge F1 of predicted `event_id`s against gold
//! `event_key`s over matched mentions.

pub mod text;

use serde::Serialize;
use std::collections::BTreeMap;
use vigie_core::date::dates_compatible;
use vigie_core::geo::haversine_km;
use vigie_core::{ArticleEvents, Event, Precision};

/// Distance within which two locations match, in km.
pub const MATCH_KM: f64 = 50.0;
/// Distance within which a matched location counts as correct, in km.
pub const LOCATION_KM: f64 = 10.0;

/// The fields whose accuracy is reported.
pub const FIELDS: &[&str] = &[
    "sub_event_type",
    "actor1",
    "actor2",
    "event_date",
    "location",
    "fatalities",
];

/// A matched pair, by index into the article's gold and predicted events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub gold: usize,
    pub predicted: usize,
}

/// Per-article outcome.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleScore {
    pub article: String,
    pub gold: usize,
    pub predicted: usize,
    pub pairs: Vec<Pair>,
    /// Gold events left unmatched.
    pub missed: Vec<usize>,
    /// Predicted events left unmatched.
    pub false_alarms: Vec<usize>,
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn from_counts(tp: usize, predicted: usize, gold: usize) -> Prf {
        let precision = if predicted == 0 {
            0.0
        } else {
            tp as f64 / predicted as f64
        };
        let recall = if gold == 0 {
            0.0
        } else {
            tp as f64 / gold as f64
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold_events: usize,
    pub predicted_events: usize,
    pub matched: usize,
    /// Accuracy of each field over matched pairs (null without pairs).
    pub field_accuracy: BTreeMap<String, Option<f64>>,
    /// Pairwise merge F1 (null when neither side merges anything).
    pub merge_f1: Option<f64>,
    pub merge_precision: Option<f64>,
    pub merge_recall: Option<f64>,
    pub merge_pairs_gold: usize,
    pub merge_pairs_predicted: usize,
    pub articles: usize,
    /// Calibration of the predicted events' confidence: bins of width 0.1
    /// with the share of their events that match a gold event.
    pub reliability: Vec<Bin>,
    /// Expected calibration error over those bins (null without events).
    pub calibration_error: Option<f64>,
    pub per_article: Vec<ArticleScore>,
}

/// One confidence bin of the reliability table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Bin {
    pub low: f64,
    pub high: f64,
    pub events: usize,
    pub matched: usize,
    /// Mean confidence of the bin's events.
    pub mean_confidence: f64,
    /// Share of the bin's events that match a gold event.
    pub precision: f64,
}

/// The reliability table of `(confidence, matched)` pairs.
pub fn reliability(points: &[(f64, bool)]) -> (Vec<Bin>, Option<f64>) {
    let mut bins: Vec<Bin> = (0..10)
        .map(|i| Bin {
            low: i as f64 / 10.0,
            high: (i + 1) as f64 / 10.0,
            events: 0,
            matched: 0,
            mean_confidence: 0.0,
            precision: 0.0,
        })
        .collect();
    for &(c, m) in points {
        let i = ((c.clamp(0.0, 1.0) * 10.0) as usize).min(9);
        let b = &mut bins[i];
        b.events += 1;
        b.matched += usize::from(m);
        b.mean_confidence += c;
    }
    let total: usize = bins.iter().map(|b| b.events).sum();
    let mut ece = 0.0;
    for b in &mut bins {
        if b.events > 0 {
            b.mean_confidence /= b.events as f64;
            b.precision = b.matched as f64 / b.events as f64;
            ece +=
                (b.events as f64 / total.max(1) as f64) * (b.precision - b.mean_confidence).abs();
        }
    }
    bins.retain(|b| b.events > 0);
    (bins, (total > 0).then_some(ece))
}

fn location_distance(a: &Event, b: &Event) -> Option<f64> {
    let (la, oa) = a.coordinates()?;
    let (lb, ob) = b.coordinates()?;
    Some(haversine_km(la, oa, lb, ob))
}

fn norm(s: &str) -> String {
    s.trim().to_lowercase()
}

fn same_admin1(a: &Event, b: &Event) -> bool {
    match (&a.admin1, &b.admin1) {
        (Some(x), Some(y)) => norm(x) == norm(y) && a.country == b.country,
        _ => false,
    }
}

/// Whether the locations match under the scoring rule.
pub fn locations_match(p: &Event, g: &Event) -> bool {
    if location_distance(p, g).is_some_and(|d| d <= MATCH_KM) {
        return true;
    }
    (p.geo_precision == 3 || g.geo_precision == 3) && same_admin1(p, g)
}

/// Whether the dates match under the scoring rule.
pub fn dates_match(p: &Event, g: &Event) -> bool {
    let precision = p.date_precision.coarser(g.date_precision);
    dates_compatible(p.event_date, g.event_date, precision)
}

/// Whether a predicted event may be matched to a gold event.
pub fn can_match(p: &Event, g: &Event) -> bool {
    p.event_type == g.event_type && locations_match(p, g) && dates_match(p, g)
}

/// One-to-one matching, best pairs first.
pub fn match_events(gold: &[Event], predicted: &[Event]) -> Vec<Pair> {
    let mut candidates: Vec<((u8, i64, u64), Pair)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in predicted.iter().enumerate() {
            if !can_match(p, g) {
                continue;
            }
            let sub = u8::from(p.sub_event_type != g.sub_event_type);
            let days = (p.event_date - g.event_date).num_days().abs();
            let km = location_distance(p, g).map_or(u64::MAX, |d| (d * 1000.0) as u64);
            candidates.push((
                (sub, days, km),
                Pair {
                    gold: gi,
                    predicted: pi,
                },
            ));
        }
    }
    candidates.sort_by_key(|(cost, pair)| (*cost, pair.gold, pair.predicted));
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; predicted.len()];
    let mut pairs = Vec::new();
    for (_, pair) in candidates {
        if !used_g[pair.gold] && !used_p[pair.predicted] {
            used_g[pair.gold] = true;
            used_p[pair.predicted] = true;
            pairs.push(pair);
        }
    }
    pairs.sort_by_key(|p| p.gold);
    pairs
}

/// Whether a field of a matched pair is correct.
pub fn field_correct(field: &str, p: &Event, g: &Event) -> bool {
    match field {
        "sub_event_type" => p.sub_event_type == g.sub_event_type,
        "actor1" => norm(&p.actor1) == norm(&g.actor1),
        "actor2" => p.actor2.as_deref().map(norm) == g.actor2.as_deref().map(norm),
        "event_date" => {
            if p.date_precision == Precision::Day && g.date_precision == Precision::Day {
                p.event_date == g.event_date
            } else {
                dates_match(p, g)
            }
        }
        "location" => location_distance(p, g).is_some_and(|d| d <= LOCATION_KM),
        "fatalities" => p.fatalities == g.fatalities,
        _ => false,
    }
}

/// Scores predictions against gold. Only articles with a gold file are
/// scored; an article with gold but no prediction counts as predicting
/// nothing.
pub fn score(gold: &[ArticleEvents], predicted: &[ArticleEvents]) -> Report {
    let by_id: BTreeMap<&str, &ArticleEvents> =
        predicted.iter().map(|a| (a.article.as_str(), a)).collect();
    let empty: Vec<Event> = Vec::new();
    let mut per_article = Vec::new();
    let mut correct: BTreeMap<&str, usize> = FIELDS.iter().map(|f| (*f, 0)).collect();
    let (mut n_gold, mut n_pred, mut n_match) = (0, 0, 0);
    // (event_id, event_key) of every matched mention, for merge scoring.
    let mut matched_ids: Vec<(Option<String>, Option<String>)> = Vec::new();
    let mut confidence: Vec<(f64, bool)> = Vec::new();
    let mut golds: Vec<&ArticleEvents> = gold.iter().collect();
    golds.sort_by(|a, b| a.article.cmp(&b.article));
    for g in golds {
        let preds = by_id.get(g.article.as_str()).map_or(&empty, |p| &p.events);
        let pairs = match_events(&g.events, preds);
        for pair in &pairs {
            let (ge, pe) = (&g.events[pair.gold], &preds[pair.predicted]);
            for f in FIELDS {
                if field_correct(f, pe, ge) {
                    *correct.entry(f).or_default() += 1;
                }
            }
            matched_ids.push((pe.event_id.clone(), ge.event_key.clone()));
        }
        let missed = (0..g.events.len())
            .filter(|i| !pairs.iter().any(|p| p.gold == *i))
            .collect();
        let false_alarms: Vec<usize> = (0..preds.len())
            .filter(|i| !pairs.iter().any(|p| p.predicted == *i))
            .collect();
        for (i, e) in preds.iter().enumerate() {
            if let Some(c) = e.confidence {
                confidence.push((f64::from(c), !false_alarms.contains(&i)));
            }
        }
        n_gold += g.events.len();
        n_pred += preds.len();
        n_match += pairs.len();
        per_article.push(ArticleScore {
            article: g.article.clone(),
            gold: g.events.len(),
            predicted: preds.len(),
            pairs,
            missed,
            false_alarms,
        });
    }
    let prf = Prf::from_counts(n_match, n_pred, n_gold);
    let field_accuracy = FIELDS
        .iter()
        .map(|f| {
            let acc = (n_match > 0).then(|| correct[f] as f64 / n_match as f64);
            (f.to_string(), acc)
        })
        .collect();
    let (mut tp, mut ps, mut gs) = (0usize, 0usize, 0usize);
    for i in 0..matched_ids.len() {
        for j in i + 1..matched_ids.len() {
            let (pa, ga) = &matched_ids[i];
            let (pb, gb) = &matched_ids[j];
            let pred_same = pa.is_some() && pa == pb;
            let gold_same = ga.is_some() && ga == gb;
            ps += usize::from(pred_same);
            gs += usize::from(gold_same);
            tp += usize::from(pred_same && gold_same);
        }
    }
    let merge = (ps > 0 || gs > 0).then(|| Prf::from_counts(tp, ps, gs));
    let (reliability, calibration_error) = reliability(&confidence);
    Report {
        precision: prf.precision,
        recall: prf.recall,
        f1: prf.f1,
        gold_events: n_gold,
        predicted_events: n_pred,
        matched: n_match,
        field_accuracy,
        merge_f1: merge.map(|m| m.f1),
        merge_precision: merge.map(|m| m.precision),
        merge_recall: merge.map(|m| m.recall),
        merge_pairs_gold: gs,
        merge_pairs_predicted: ps,
        articles: per_article.len(),
        reliability,
        calibration_error,
        per_article,
    }
}

/// Why a gold event was not matched by a given prediction (for diffs).
pub fn mismatch_reasons(p: &Event, g: &Event) -> Vec<String> {
    let mut why = Vec::new();
    if p.event_type != g.event_type {
        why.push(format!("type {} vs gold {}", p.event_type, g.event_type));
    }
    if !locations_match(p, g) {
        match location_distance(p, g) {
            Some(d) => why.push(format!("{:.0} km from gold location", d)),
            None => why.push("no coordinates".into()),
        }
    }
    if !dates_match(p, g) {
        why.push(format!(
            "date {} ({}) vs gold {} ({})",
            p.event_date, p.date_precision, g.event_date, g.date_precision
        ));
    }
    why
}

#[cfg(test)]
mod tests;
