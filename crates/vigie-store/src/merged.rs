//! Merged events: the mentions of several articles that report the same
//! real-world event (grouped by `vigie_merge`), summed up as one record.
//!
//! The merged event takes the most precise date and place, the actors and
//! types of its most confident report, every claimant, and the fatalities
//! as best/low/high across reports: low and high are the smallest and
//! largest figures; best is the smallest figure that a named source
//! vouches for (ACLED's conservative rule), else the smallest figure.

use serde::{Deserialize, Serialize};
use vigie_core::taxonomy::inter::interaction;
use vigie_core::Event;

/// One merged event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedEvent {
    pub id: String,
    pub event_date: String,
    pub date_precision: String,
    pub event_type: String,
    pub sub_event_type: String,
    pub disorder_type: String,
    pub actor1: String,
    pub assoc_actor1: Vec<String>,
    pub actor2: Option<String>,
    pub assoc_actor2: Vec<String>,
    pub inter1: u8,
    pub inter2: Option<u8>,
    pub interaction: u8,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub location: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: u8,
    /// The conservative figure (see the module documentation).
    pub fatalities: Option<u32>,
    pub fatalities_low: Option<u32>,
    pub fatalities_high: Option<u32>,
    pub claimed_by: Vec<String>,
    pub territory_km2: Option<f64>,
    pub notes: String,
    pub confidence: Option<f32>,
    /// Number of articles reporting it.
    pub sources: usize,
    /// Outlets of those articles (for ACLED's `source` column).
    pub outlets: Vec<String>,
    /// Why reports were merged.
    pub merge_reasons: Vec<String>,
}

/// A stored mention, as merging sees it.
#[derive(Debug, Clone)]
pub struct MemberMention {
    pub article: String,
    pub index: usize,
    pub outlet: Option<String>,
    pub event: Event,
}

fn push_unique(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x == s) {
        list.push(s.to_string());
    }
}

/// Groups mentions into merged events. Returns the events and, for each
/// mention (same order as `members`), the index of its event.
pub fn merge_all(members: &[MemberMention]) -> (Vec<MergedEvent>, Vec<usize>) {
    let refs: Vec<vigie_merge::MentionRef> = members
        .iter()
        .map(|m| vigie_merge::MentionRef {
            article: &m.article,
            index: m.index,
            event: &m.event,
        })
        .collect();
    let assignments = vigie_merge::merge(&refs);
    let mut ids: Vec<String> = Vec::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut of_member = Vec::with_capacity(members.len());
    let mut reasons: Vec<Vec<String>> = Vec::new();
    let mut by_id: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, a) in assignments.into_iter().enumerate() {
        let g = *by_id.entry(a.event_id.clone()).or_insert_with(|| {
            ids.push(a.event_id.clone());
            groups.push(Vec::new());
            reasons.push(Vec::new());
            ids.len() - 1
        });
        groups[g].push(i);
        // "a and b: why", once per pair of articles.
        for r in a.reasons {
            let here = members[i].article.as_str();
            let line = match r.split_once(": ") {
                Some((other, why)) => {
                    let (x, y) = if here <= other {
                        (here, other)
                    } else {
                        (other, here)
                    };
                    format!("{x} and {y}: {why}")
                }
                None => format!("{here}: {r}"),
            };
            push_unique(&mut reasons[g], &line);
        }
        of_member.push(g);
    }
    let events = groups
        .iter()
        .zip(ids)
        .zip(reasons)
        .map(|((g, id), mut why)| {
            why.sort();
            summarise(id, g.iter().map(|&i| &members[i]).collect(), why)
        })
        .collect();
    (events, of_member)
}

/// Sums up the mentions of one event.
pub fn summarise(
    id: String,
    mut ms: Vec<&MemberMention>,
    merge_reasons: Vec<String>,
) -> MergedEvent {
    // A stable order: by article and index.
    ms.sort_by(|a, b| (&a.article, a.index).cmp(&(&b.article, b.index)));
    let conf = |m: &MemberMention| m.event.confidence.unwrap_or(0.5);
    let best_by = |key: &dyn Fn(&MemberMention) -> (u8, i64)| -> usize {
        let mut best = 0;
        for (i, m) in ms.iter().enumerate() {
            if key(m) < key(ms[best]) {
                best = i;
            }
        }
        best
    };
    let score = |c: f32| -((c * 1000.0) as i64);
    let rep = ms[best_by(&|m| (0, score(conf(m))))];
    let dated = ms[best_by(&|m| (m.event.date_precision as u8, score(conf(m))))];
    let placed = ms[best_by(&|m| {
        let located = u8::from(m.event.coordinates().is_none());
        (
            m.event.geo_precision.saturating_add(located * 10),
            score(conf(m)),
        )
    })];
    let e = &rep.event;
    let mut claimed_by = Vec::new();
    let mut assoc1 = Vec::new();
    let mut assoc2 = Vec::new();
    let mut outlets = Vec::new();
    let mut articles: Vec<&str> = Vec::new();
    for m in &ms {
        for c in &m.event.claimed_by {
            push_unique(&mut claimed_by, c);
        }
        for a in &m.event.assoc_actor1 {
            if *a != e.actor1 {
                push_unique(&mut assoc1, a);
            }
        }
        for a in &m.event.assoc_actor2 {
            if Some(a) != e.actor2.as_ref() {
                push_unique(&mut assoc2, a);
            }
        }
        if let Some(o) = &m.outlet {
            push_unique(&mut outlets, o);
        }
        if !articles.contains(&m.article.as_str()) {
            articles.push(&m.article);
        }
    }
    let figures: Vec<u32> = ms.iter().filter_map(|m| m.event.fatalities).collect();
    let sourced: Vec<u32> = ms
        .iter()
        .filter(|m| !m.event.claimed_by.is_empty())
        .filter_map(|m| m.event.fatalities)
        .collect();
    let low = figures.iter().copied().min();
    let high = figures.iter().copied().max();
    let best = sourced.iter().copied().min().or(low);
    // Independent reports corroborate: 1 - prod(1 - c).
    let confidence = {
        let miss: f32 = ms
            .iter()
            .filter_map(|m| m.event.confidence)
            .map(|c| 1.0 - c.clamp(0.0, 1.0))
            .product();
        ms.iter()
            .any(|m| m.event.confidence.is_some())
            .then(|| (1.0 - miss).min(0.99))
    };
    let territory = ms.iter().find_map(|m| m.event.territory_km2);
    MergedEvent {
        id,
        event_date: dated.event.event_date.format("%Y-%m-%d").to_string(),
        date_precision: dated.event.date_precision.as_str().to_string(),
        event_type: e.event_type.as_str().to_string(),
        sub_event_type: e.sub_event_type.as_str().to_string(),
        disorder_type: e.sub_event_type.disorder_type().to_string(),
        actor1: e.actor1.clone(),
        assoc_actor1: assoc1,
        actor2: e.actor2.clone(),
        assoc_actor2: assoc2,
        inter1: e.inter1,
        inter2: e.inter2,
        interaction: interaction(e.inter1, e.inter2),
        country: placed.event.country.clone().or_else(|| e.country.clone()),
        admin1: placed.event.admin1.clone(),
        location: placed.event.location.clone(),
        latitude: placed.event.latitude,
        longitude: placed.event.longitude,
        geo_precision: placed.event.geo_precision,
        fatalities: best,
        fatalities_low: low,
        fatalities_high: high,
        claimed_by,
        territory_km2: territory,
        notes: e.notes.clone(),
        confidence,
        sources: articles.len(),
        outlets,
        merge_reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(article: &str, json: serde_json::Value) -> MemberMention {
        let mut base = serde_json::json!({
            "event_date": "2017-08-06", "date_precision": "day",
            "event_type": "Battles", "sub_event_type": "Government regains territory",
            "actor1": "Military Forces of Syria", "actor2": "Islamic State",
            "inter1": 1, "inter2": 2, "country": "SY", "admin1": "Homs",
            "location": "As Sukhnah", "latitude": 34.885, "longitude": 38.871, "geo_precision": 1,
            "confidence": 0.8
        });
        if let (Some(b), Some(o)) = (base.as_object_mut(), json.as_object()) {
            for (k, v) in o {
                b.insert(k.clone(), v.clone());
            }
        }
        MemberMention {
            article: article.into(),
            index: 0,
            outlet: Some(format!("outlet of {article}")),
            event: serde_json::from_value(base).unwrap_or_else(|e| panic!("{e}")),
        }
    }

    #[test]
    fn three_reports_give_one_event_with_best_low_high() {
        let ms = vec![
            mention(
                "a",
                serde_json::json!({"fatalities": 40, "claimed_by": ["SANA"]}),
            ),
            mention(
                "b",
                serde_json::json!({"fatalities": 25, "claimed_by": ["SOHR"], "date_precision": "week", "event_date": "2017-08-08"}),
            ),
            mention(
                "c",
                serde_json::json!({"fatalities": 12, "geo_precision": 2, "latitude": 34.9}),
            ),
        ];
        let (events, of) = merge_all(&ms);
        assert_eq!(events.len(), 1);
        assert_eq!(of, vec![0, 0, 0]);
        let e = &events[0];
        assert_eq!(
            (e.fatalities, e.fatalities_low, e.fatalities_high),
            (Some(25), Some(12), Some(40))
        );
        assert_eq!(e.sources, 3);
        assert_eq!(e.claimed_by, vec!["SANA", "SOHR"]);
        assert_eq!(e.event_date, "2017-08-06");
        assert_eq!(e.date_precision, "day");
        assert_eq!(e.geo_precision, 1);
        assert_eq!(e.merge_reasons.len(), 3, "{:?}", e.merge_reasons);
        assert!(e.confidence.unwrap_or(0.0) > 0.99 - 1e-6);
        assert_eq!(e.interaction, 12);
    }

    #[test]
    fn merging_does_not_depend_on_order() {
        let a = mention("a", serde_json::json!({"fatalities": 40}));
        let b = mention("b", serde_json::json!({"fatalities": 25}));
        let c = mention(
            "c",
            serde_json::json!({"location": "Palmyra", "latitude": 34.56, "longitude": 38.28}),
        );
        let (e1, _) = merge_all(&[a.clone(), b.clone(), c.clone()]);
        let (mut e2, _) = merge_all(&[c, b, a]);
        let mut e1 = e1;
        e1.sort_by(|x, y| x.id.cmp(&y.id));
        e2.sort_by(|x, y| x.id.cmp(&y.id));
        assert_eq!(e1, e2);
        assert_eq!(e1.len(), 2);
    }
}
