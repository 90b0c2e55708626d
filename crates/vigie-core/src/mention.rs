//! Mentions: what the annotators find in an article before events are built.
//!
//! Each mention has a byte [`Span`] into the article's original text and a
//! normalised value. Serialised flat with a `kind` tag, as `vigie annotate`
//! prints them (`{"kind": "place", "span": [3, 9], "name": ...}`).

use crate::{Precision, Span, SubEventType};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One mention found in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    /// The surface text of the span.
    pub text: String,
    #[serde(flatten)]
    pub value: MentionValue,
}

impl Mention {
    pub fn new(span: Span, text: impl Into<String>, value: MentionValue) -> Self {
        Mention {
            span,
            text: text.into(),
            value,
        }
    }

    pub fn kind(&self) -> &'static str {
        match &self.value {
            MentionValue::Place(_) => "place",
            MentionValue::Actor(_) => "actor",
            MentionValue::Leader(_) => "leader",
            MentionValue::Date(_) => "date",
            MentionValue::Number(_) => "number",
            MentionValue::Claim(_) => "claim",
            MentionValue::Trigger(_) => "trigger",
        }
    }
}

/// The normalised value of a mention, by kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum MentionValue {
    Place(PlaceMention),
    Actor(ActorMention),
    /// A leader's name, as the actor led ("Bachar al-Assad" for the
    /// Syrian forces); it stands for the actor only as an event's doer.
    Leader(ActorMention),
    Date(DateMention),
    Number(NumberMention),
    Claim(ClaimMention),
    Trigger(TriggerMention),
}

/// A place, resolved against the gazetteer when possible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// The gazetteer's name (English GeoNames name when it has one), else
    /// the article's spelling.
    pub name: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// 1 the place itself, 2 near it or part of a region, 3 only the
    /// province/region is known.
    pub geo_precision: u8,
    /// GeoNames feature code (`PPL`, `PPLA`, `ADM1`, `AIRB`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
    /// Gazetteer id (GeoNames id, or an overlay id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer_id: Option<String>,
    /// How the place is situated relative to the named one, in words
    /// ("20 km W of", "near", "eastern outskirts of"), if it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    /// Resolution confidence in [0, 1].
    #[serde(default)]
    pub score: f32,
    /// What the place is in the text when it is not where something
    /// happened (`origin`, `venue`, `sponsor`, `credit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// An armed actor, a group of civilians or protesters, or a generic
/// reference to one ("les djihadistes").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// Canonical ACLED-style name (`Military Forces of Syria`).
    pub canonical: String,
    /// ACLED interaction code 1..8.
    pub inter: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Set when the text only had a generic reference ("the militants"),
    /// resolved in context to `canonical`; names the generic class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generic: Option<String>,
}

/// A date expression resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// The (start) day: `YYYY-MM-DD`.
    pub value: NaiveDate,
    pub precision: Precision,
    /// Last day, for spans ("du 5 au 7 juin", "depuis le 7 février").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// Whether it was resolved relative to the publication date ("hier").
    #[serde(default)]
    pub relative: bool,
}

/// How a number is hedged in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    Exact,
    /// "près de", "environ", "nearly", "about".
    Approx,
    /// "au moins", "plus de", "at least", "more than".
    AtLeast,
    /// "moins de", "up to", "less than".
    AtMost,
    /// "des dizaines", "dozens": ACLED's conventional minimum.
    Vague,
    /// "de 700 à 1.000", "between 5 and 7".
    Range,
}

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    Killed,
    Wounded,
    /// Killed and wounded together ("25 morts et blessés").
    Casualties,
    Captured,
    Abducted,
    Arrested,
    Fighters,
    Civilians,
    People,
    Villages,
    Km2,
    Km,
    Displaced,
    Weapons,
    /// An age or a duration ("a 68-year-old man", "un homme de 54 ans"):
    /// never a count of people.
    Age,
    Other,
}

impl Counted {
    pub fn parse(s: &str) -> Option<Counted> {
        serde_json::from_value(serde_json::Value::String(s.trim().to_string())).ok()
    }
}

/// A number phrase: value, range, hedge and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub hedge: Hedge,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<Counted>,
}

/// An attribution: who a statement or figure is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimMention {
    /// Canonical claimant (`SANA`, `SOHR`, `Pentagon`, `military source`).
    pub claimant: String,
    /// Who relayed it, for reporting chains ("RT, citant l'agence Sana").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The clause or sentence the attribution covers.
    pub scope: Span,
}

/// An event trigger: a phrase that reports an event of some sub-type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriggerMention {
    pub sub_event_type: SubEventType,
    /// Id of the lexicon rule that matched (for `eval --diff`).
    pub rule: String,
    /// Whether the trigger is in the passive voice ("a été repris par").
    #[serde(default)]
    pub passive: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_serialise_flat_with_kind() {
        let m = Mention::new(
            Span::new(10, 15),
            "Daech",
            MentionValue::Actor(ActorMention {
                canonical: "Islamic State".into(),
                inter: 2,
                country: None,
                generic: None,
            }),
        );
        let v = serde_json::to_value(&m).unwrap();
        assert_eq!(v["kind"], "actor");
        assert_eq!(v["canonical"], "Islamic State");
        assert_eq!(v["span"], serde_json::json!([10, 15]));
        let back: Mention = serde_json::from_value(v).unwrap();
        assert_eq!(back, m);
        assert_eq!(Counted::parse("km2"), Some(Counted::Km2));
        assert_eq!(Counted::parse("dead"), None);
    }
}
