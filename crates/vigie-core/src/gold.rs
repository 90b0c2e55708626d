//! The per-article file of `events.md`: gold annotations and `vigie
//! extract` output share this shape.

use crate::Event;
use serde::{Deserialize, Serialize};

/// One article's events: `gold/<article-id>.json` or `vigie extract`'s
/// `<out>/<article-id>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleEvents {
    pub article: String,
    #[serde(default)]
    pub language: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or null.
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub events: Vec<Event>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_gold_file_shape() {
        let json = r#"{
          "article": "a1", "language": "fr", "published": "2017-08", "outlet": null,
          "events": [{
            "event_date": "2017-08-09", "date_precision": "week",
            "event_type": "Battles", "sub_event_type": "Armed clash",
            "actor1": "Islamic State", "assoc_actor1": [],
            "actor2": "Military Forces of Syria", "assoc_actor2": [],
            "inter1": 2, "inter2": 1, "country": "SY", "admin1": "Homs",
            "location": "Humaymah", "latitude": 34.45, "longitude": 39.8,
            "geo_precision": 2, "fatalities": 80, "claimed_by": ["SANA"],
            "territory_km2": null, "evidence": "x", "notes": "y",
            "event_key": "k"
          }]
        }"#;
        let g: ArticleEvents = serde_json::from_str(json).unwrap();
        assert_eq!(g.events.len(), 1);
        let e = &g.events[0];
        assert_eq!(e.fatalities, Some(80));
        assert!(e.validate().is_empty(), "{:?}", e.validate());
        let out = serde_json::to_value(e).unwrap();
        assert!(out.get("event_id").is_none());
        assert_eq!(out["event_key"], "k");
    }

    #[test]
    fn validate_reports_inconsistencies() {
        let json = r#"{"event_date": "2017-08-09", "date_precision": "day",
            "event_type": "Protests", "sub_event_type": "Armed clash",
            "actor1": "A", "actor2": null, "inter1": 9, "inter2": 1, "geo_precision": 4}"#;
        let e: crate::Event = serde_json::from_str(json).unwrap();
        let p = e.validate();
        assert_eq!(p.len(), 4, "{p:?}");
    }
}
