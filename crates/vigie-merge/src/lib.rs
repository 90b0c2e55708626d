//! Cross-article merging: event mentions from different articles that
//! report the same real-world event get the same `event_id`.
//!
//! Two mentions are the same event when their event types are equal, their
//! dates agree within the coarser precision, their places are within a
//! distance that grows with the coarser geo precision (25 km for two
//! points, 50 km when either is "near" a place, the same admin1 when either
//! is province-level), and their actors are compatible (they share an
//! actor, counting associated actors). Events are the connected components
//! of that relation, so the result does not depend on the order articles
//! come in. Candidates are blocked by event type and month, not compared
//! all against all. A component's id is derived from its smallest member,
//! so it is stable for the same set of mentions.

use chrono::Datelike;
use std::collections::HashMap;
use vigie_core::geo::haversine_km;
use vigie_core::Event;

/// A mention to merge: its article and the event.
#[derive(Debug, Clone, Copy)]
pub struct MentionRef<'a> {
    pub article: &'a str,
    pub index: usize,
    pub event: &'a Event,
}

/// Maximum distance in km for two mentions to merge, by the coarser
/// geo precision of the two (`None`: compare admin1 instead).
pub fn merge_distance_km(a: u8, b: u8) -> Option<f64> {
    match a.max(b) {
        1 => Some(25.0),
        2 => Some(50.0),
        _ => None,
    }
}

fn actors(e: &Event) -> Vec<&str> {
    let mut v: Vec<&str> = vec![e.actor1.as_str()];
    v.extend(e.actor2.as_deref());
    v.extend(e.assoc_actor1.iter().map(String::as_str));
    v.extend(e.assoc_actor2.iter().map(String::as_str));
    v
}

/// Why two mentions are the same event, or `None` when they are not.
pub fn same_event(a: &Event, b: &Event) -> Option<String> {
    if a.event_type != b.event_type || !a.fuzzy_date().compatible(&b.fuzzy_date()) {
        return None;
    }
    let place = match (
        merge_distance_km(a.geo_precision, b.geo_precision),
        a.coordinates(),
        b.coordinates(),
    ) {
        (Some(max), Some((la, oa)), Some((lb, ob))) => {
            let d = haversine_km(la, oa, lb, ob);
            (d <= max).then(|| format!("{d:.0} km apart"))
        }
        (None, _, _) => (a.admin1.is_some() && a.admin1 == b.admin1 && a.country == b.country)
            .then(|| format!("same admin1 {}", a.admin1.as_deref().unwrap_or(""))),
        _ => (a.location.is_some() && a.location == b.location)
            .then(|| "same location name".to_string()),
    }?;
    let (xa, xb) = (actors(a), actors(b));
    let shared = xa.iter().find(|x| xb.contains(x))?;
    Some(format!(
        "{} on compatible dates, {place}, both involving {shared}",
        a.event_type
    ))
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// The merged event of each mention (same order as `mentions`): its id and
/// the reasons that joined it to others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub event_id: String,
    pub reasons: Vec<String>,
}

/// Groups mentions into events. Mentions of one article are never merged
/// with each other (the extractor already merged those).
pub fn merge(mentions: &[MentionRef]) -> Vec<Assignment> {
    let n = mentions.len();
    // Blocks: (event type, year*12 + month); each mention is compared
    // with the mentions of its own month and the previous one.
    let mut blocks: HashMap<(String, i32), Vec<usize>> = HashMap::new();
    let month = |e: &Event| e.event_date.year() * 12 + e.event_date.month0() as i32;
    for (i, m) in mentions.iter().enumerate() {
        blocks
            .entry((m.event.event_type.as_str().to_string(), month(m.event)))
            .or_default()
            .push(i);
    }
    let mut uf = UnionFind((0..n).collect());
    let mut reasons: Vec<Vec<String>> = vec![Vec::new(); n];
    for (i, m) in mentions.iter().enumerate() {
        let key = m.event.event_type.as_str().to_string();
        let mo = month(m.event);
        for delta in [0, -1] {
            let Some(block) = blocks.get(&(key.clone(), mo + delta)) else {
                continue;
            };
            for &j in block {
                if (delta == 0 && j <= i) || mentions[j].article == m.article {
                    continue;
                }
                // Year precision spans many months: compare across blocks
                // only within the same block's reach (month precision or finer).
                if let Some(why) = same_event(m.event, mentions[j].event) {
                    uf.union(i, j);
                    reasons[i].push(format!("{}: {why}", mentions[j].article));
                    reasons[j].push(format!("{}: {why}", m.article));
                }
            }
        }
    }
    // The id of a component: hash of its smallest member's key.
    let key_of = |m: &MentionRef| format!("{}#{}", m.article, m.index);
    let mut smallest: HashMap<usize, String> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let root = uf.find(i);
        let k = key_of(m);
        let entry = smallest.entry(root).or_insert_with(|| k.clone());
        if k < *entry {
            *entry = k;
        }
    }
    (0..n)
        .map(|i| {
            let root = uf.find(i);
            let k = smallest.get(&root).cloned().unwrap_or_default();
            Assignment {
                event_id: format!("ev-{:016x}", xxhash_rust::xxh3::xxh3_64(k.as_bytes())),
                reasons: std::mem::take(&mut reasons[i]),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(json: serde_json::Value) -> Event {
        let mut base = serde_json::json!({
            "event_date": "2022-04-08", "date_precision": "day",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "actor1": "Military Forces of Russia", "actor2": "Civilians (Ukraine)",
            "inter1": 8, "inter2": 7, "country": "UA", "admin1": "Donetsk",
            "location": "Kramatorsk", "latitude": 48.72, "longitude": 37.56, "geo_precision": 1
        });
        if let (Some(b), Some(o)) = (base.as_object_mut(), json.as_object()) {
            for (k, v) in o {
                b.insert(k.clone(), v.clone());
            }
        }
        serde_json::from_value(base).unwrap()
    }

    fn ids(events: &[(&str, Event)]) -> Vec<String> {
        let refs: Vec<MentionRef> = events
            .iter()
            .map(|(a, e)| MentionRef {
                article: a,
                index: 0,
                event: e,
            })
            .collect();
        merge(&refs).into_iter().map(|a| a.event_id).collect()
    }

    #[test]
    fn same_strike_from_three_outlets_merges_in_any_order() {
        let a = ("a", ev(serde_json::json!({})));
        let b = (
            "b",
            ev(
                serde_json::json!({"date_precision": "month", "event_date": "2022-04-01", "latitude": 48.75}),
            ),
        );
        let c = (
            "c",
            ev(
                serde_json::json!({"actor1": "Military Forces of Russia", "actor2": null, "inter2": null}),
            ),
        );
        let other = (
            "d",
            ev(serde_json::json!({"location": "Kharkiv", "latitude": 49.99, "longitude": 36.23})),
        );
        let forward = ids(&[a.clone(), b.clone(), c.clone(), other.clone()]);
        assert_eq!(forward[0], forward[1]);
        assert_eq!(forward[0], forward[2]);
        assert_ne!(forward[0], forward[3]);
        let backward = ids(&[other, c, b, a]);
        assert_eq!(backward[3], forward[0], "ids do not depend on order");
        assert_eq!(backward[0], forward[3]);
    }

    #[test]
    fn different_types_dates_actors_or_places_stay_apart() {
        let base = ev(serde_json::json!({}));
        for other in [
            ev(serde_json::json!({"event_date": "2022-04-12"})),
            ev(serde_json::json!({"event_type": "Battles", "sub_event_type": "Armed clash"})),
            ev(
                serde_json::json!({"actor1": "Military Forces of Ukraine", "actor2": "Islamic State"}),
            ),
            ev(serde_json::json!({"latitude": 49.2})),
        ] {
            assert!(same_event(&base, &other).is_none(), "{other:?}");
        }
        // Province-level mentions compare admin1.
        let province =
            ev(serde_json::json!({"geo_precision": 3, "latitude": 48.0, "longitude": 37.8}));
        assert!(same_event(&base, &province).is_some());
        // Two mentions in one article never merge.
        let refs = [
            MentionRef {
                article: "a",
                index: 0,
                event: &base,
            },
            MentionRef {
                article: "a",
                index: 1,
                event: &base,
            },
        ];
        let out = merge(&refs);
        assert_ne!(out[0].event_id, out[1].event_id);
    }
}
