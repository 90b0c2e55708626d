//! Calendar words (`data/lexicon/<lang>/calendar.toml`) compiled into one
//! matcher whose payloads tell the date annotator what each phrase means.

use crate::error::{parse_toml, LexiconError};
use crate::matcher::{PhraseMatcher, PhraseMatcherBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// What a calendar phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateWord {
    /// Month 1..=12; `true` for the full name, `false` for an
    /// abbreviation ("sept", "janv"), which never makes a date alone.
    Month(u32, bool),
    /// Weekday 0..=6, Monday first.
    Weekday(u32),
    /// "1er", "first": day 1.
    FirstDay,
    /// A day relative to publication ("hier" = -1).
    Day(i64),
    /// A day relative to the last date mentioned ("la veille" = -1).
    AnaphoricDay(i64),
    TimeOfDay,
    /// A period relative to publication ("la semaine dernière").
    Period(Unit, i64),
    /// A season: first and last month.
    Season(u32, u32),
    Unit(Unit),
    Last,
    Next,
    Early,
    Mid,
    Late,
    /// "il y a" before a duration.
    Ago,
    /// "ago" after a duration.
    AgoAfter,
    Since,
    Filler,
    /// Before a season named without a year ("au printemps", "this summer").
    SeasonCue,
    RangeStart,
    RangeEnd,
    NightOf,
    NightTo,
    Approx,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    language: String,
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    #[serde(default)]
    first_day: Vec<String>,
    #[serde(default)]
    days: BTreeMap<String, i64>,
    #[serde(default)]
    anaphoric_days: BTreeMap<String, i64>,
    #[serde(default)]
    times_of_day: Vec<String>,
    #[serde(default)]
    period: Vec<PeriodEntry>,
    #[serde(default)]
    seasons: BTreeMap<String, [u32; 2]>,
    #[serde(default)]
    units: BTreeMap<String, Unit>,
    #[serde(default)]
    modifiers: Modifiers,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeriodEntry {
    phrases: Vec<String>,
    unit: Unit,
    offset: i64,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Modifiers {
    #[serde(default)]
    last: Vec<String>,
    #[serde(default)]
    next: Vec<String>,
    #[serde(default)]
    early: Vec<String>,
    #[serde(default)]
    mid: Vec<String>,
    #[serde(default)]
    late: Vec<String>,
    #[serde(default)]
    ago: Vec<String>,
    #[serde(default)]
    ago_after: Vec<String>,
    #[serde(default)]
    since: Vec<String>,
    #[serde(default)]
    filler: Vec<String>,
    #[serde(default)]
    season_cue: Vec<String>,
    #[serde(default)]
    range_start: Vec<String>,
    #[serde(default)]
    range_end: Vec<String>,
    #[serde(default)]
    night_of: Vec<String>,
    #[serde(default)]
    night_to: Vec<String>,
    #[serde(default)]
    approx: Vec<String>,
}

/// The calendar words of every language, compiled.
#[derive(Debug, Clone)]
pub struct Calendar {
    matcher: PhraseMatcher<(DateWord, u8)>,
    languages: Vec<String>,
}

impl Calendar {
    /// Parses calendar files; payloads carry the index of their language in
    /// [`Calendar::languages`].
    pub fn parse<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> Result<Calendar, LexiconError> {
        let mut b = PhraseMatcherBuilder::new();
        let mut languages: Vec<String> = Vec::new();
        for (file, bytes) in files {
            let c: CalendarFile = parse_toml(file, bytes)?;
            if c.months.len() != 12 {
                return Err(LexiconError::invalid(
                    file,
                    format!("months: expected 12 entries, found {}", c.months.len()),
                ));
            }
            if c.weekdays.len() != 7 {
                return Err(LexiconError::invalid(
                    file,
                    format!("weekdays: expected 7 entries, found {}", c.weekdays.len()),
                ));
            }
            let lang = match languages.iter().position(|l| *l == c.language) {
                Some(i) => i,
                None => {
                    languages.push(c.language.clone());
                    languages.len() - 1
                }
            } as u8;
            let mut add = |phrases: &[String], w: DateWord| {
                for p in phrases {
                    b.add(p, (w, lang));
                }
            };
            for (i, forms) in c.months.iter().enumerate() {
                let full_len = forms.first().map_or(0, |f| f.chars().count());
                for f in forms {
                    let full = f.chars().count() >= full_len;
                    add(std::slice::from_ref(f), DateWord::Month(i as u32 + 1, full));
                }
            }
            for (i, forms) in c.weekdays.iter().enumerate() {
                add(forms, DateWord::Weekday(i as u32));
            }
            add(&c.first_day, DateWord::FirstDay);
            for (p, off) in &c.days {
                add(std::slice::from_ref(p), DateWord::Day(*off));
            }
            for (p, off) in &c.anaphoric_days {
                add(std::slice::from_ref(p), DateWord::AnaphoricDay(*off));
            }
            add(&c.times_of_day, DateWord::TimeOfDay);
            for p in &c.period {
                add(&p.phrases, DateWord::Period(p.unit, p.offset));
            }
            for (p, [a, z]) in &c.seasons {
                if !(1..=12).contains(a) || !(1..=12).contains(z) {
                    return Err(LexiconError::invalid(
                        file,
                        format!("season {p:?}: months must be 1..12"),
                    ));
                }
                add(std::slice::from_ref(p), DateWord::Season(*a, *z));
            }
            for (p, u) in &c.units {
                add(std::slice::from_ref(p), DateWord::Unit(*u));
            }
            let m = &c.modifiers;
            add(&m.last, DateWord::Last);
            add(&m.next, DateWord::Next);
            add(&m.early, DateWord::Early);
            add(&m.mid, DateWord::Mid);
            add(&m.late, DateWord::Late);
            add(&m.ago, DateWord::Ago);
            add(&m.ago_after, DateWord::AgoAfter);
            add(&m.since, DateWord::Since);
            add(&m.filler, DateWord::Filler);
            add(&m.season_cue, DateWord::SeasonCue);
            add(&m.range_start, DateWord::RangeStart);
            add(&m.range_end, DateWord::RangeEnd);
            add(&m.night_of, DateWord::NightOf);
            add(&m.night_to, DateWord::NightTo);
            add(&m.approx, DateWord::Approx);
        }
        Ok(Calendar {
            matcher: b.build(),
            languages,
        })
    }

    pub fn matcher(&self) -> &PhraseMatcher<(DateWord, u8)> {
        &self.matcher
    }

    /// Index of a language code in payloads.
    pub fn language_index(&self, code: &str) -> Option<u8> {
        self.languages
            .iter()
            .position(|l| l == code)
            .map(|i| i as u8)
    }

    pub fn languages(&self) -> &[String] {
        &self.languages
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_text::Folded;

    #[test]
    fn compiles_the_embedded_calendars() {
        let fr = include_bytes!("../../../data/lexicon/fr/calendar.toml");
        let en = include_bytes!("../../../data/lexicon/en/calendar.toml");
        let cal = Calendar::parse([("fr", &fr[..]), ("en", &en[..])]).unwrap();
        let f = Folded::new("le 6 août au soir, hier et la semaine dernière", None);
        let words: Vec<DateWord> = cal
            .matcher()
            .find(&f)
            .iter()
            .map(|m| cal.matcher().payload(m.pattern).unwrap().0)
            .collect();
        assert!(words.contains(&DateWord::Month(8, true)));
        assert!(words.contains(&DateWord::TimeOfDay));
        assert!(words.contains(&DateWord::Day(-1)));
        assert!(words.contains(&DateWord::Period(Unit::Week, -1)));
        assert_eq!(cal.language_index("en"), Some(1));
    }

    #[test]
    fn rejects_incomplete_months() {
        let e = Calendar::parse([(
            "x.toml",
            &b"language = \"xx\"\nmonths = [[\"a\"]]\nweekdays = []"[..],
        )])
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.toml: months: expected 12 entries, found 1"
        );
    }
}
