//! The event record of `events.md`, with provenance and confidence.

use crate::{EventType, Precision, Span, SubEventType};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One event as reported by one article (an "event mention"): every field of
/// the gold format, plus `event_id` (the merged cross-article event), the
/// confidence and the provenance of each field.
///
/// The same struct reads gold files (where `event_key` is set and the extra
/// fields are absent) and writes `vigie extract` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub event_date: NaiveDate,
    pub date_precision: Precision,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    pub actor1: String,
    #[serde(default)]
    pub assoc_actor1: Vec<String>,
    #[serde(default)]
    pub actor2: Option<String>,
    #[serde(default)]
    pub assoc_actor2: Vec<String>,
    pub inter1: u8,
    #[serde(default)]
    pub inter2: Option<u8>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub admin1: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
    pub geo_precision: u8,
    #[serde(default)]
    pub fatalities: Option<u32>,
    #[serde(default)]
    pub claimed_by: Vec<String>,
    #[serde(default)]
    pub territory_km2: Option<f64>,
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub notes: String,
    /// Output only: the merged cross-article event this mention belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Gold only: stable key of the real-world event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_key: Option<String>,
    /// Output only: confidence in [0, 1] that this is a true event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// Output only: where each field came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// Where an event's fields came from in its article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Provenance {
    pub article: String,
    /// The quoted evidence (`Event::evidence`) as a span.
    pub evidence: Span,
    /// Span of each field's source text, by field name (`actor1`,
    /// `location`, `event_date`, `fatalities`, `claimed_by`, `trigger`...).
    #[serde(default)]
    pub fields: BTreeMap<String, Span>,
    /// The lexicon rule that triggered the event.
    #[serde(default)]
    pub rule: String,
}

impl Event {
    /// The event's date as a fuzzy date.
    pub fn fuzzy_date(&self) -> crate::FuzzyDate {
        crate::FuzzyDate::new(self.event_date, self.date_precision)
    }

    /// Coordinates when both are known and valid.
    pub fn coordinates(&self) -> Option<(f64, f64)> {
        match (self.latitude, self.longitude) {
            (Some(lat), Some(lon)) if crate::geo::valid(lat, lon) => Some((lat, lon)),
            _ => None,
        }
    }

    /// Checks the record's internal consistency (the sub-type belongs to the
    /// type, codes in range, `inter2` null iff `actor2` null); returns every
    /// problem found.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.sub_event_type.event_type() != self.event_type {
            problems.push(format!(
                "sub_event_type {:?} does not belong to event_type {:?}",
                self.sub_event_type.as_str(),
                self.event_type.as_str()
            ));
        }
        if !crate::taxonomy::inter::is_valid(self.inter1) {
            problems.push(format!("inter1 {} is not in 1..8", self.inter1));
        }
        match (&self.actor2, self.inter2) {
            (Some(_), Some(i)) if !crate::taxonomy::inter::is_valid(i) => {
                problems.push(format!("inter2 {i} is not in 1..8"))
            }
            (Some(_), None) => problems.push("actor2 is set but inter2 is null".into()),
            (None, Some(_)) => problems.push("inter2 is set but actor2 is null".into()),
            _ => {}
        }
        if !(1..=3).contains(&self.geo_precision) {
            problems.push(format!(
                "geo_precision {} is not in 1..3",
                self.geo_precision
            ));
        }
        if let (Some(lat), Some(lon)) = (self.latitude, self.longitude) {
            if !crate::geo::valid(lat, lon) {
                problems.push(format!("coordinates ({lat}, {lon}) are not valid"));
            }
        }
        problems
    }
}
