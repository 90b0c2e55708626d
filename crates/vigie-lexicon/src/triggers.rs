//! Event triggers (`data/lexicon/<lang>/triggers.toml`): phrases mapped to
//! an ACLED sub-event type and an argument frame, plus the filter cues
//! (future, negation, history, cumulative tolls, reported speech).

use crate::error::{parse_toml, LexiconError};
use crate::matcher::{PhraseMatcher, PhraseMatcherBuilder};
use crate::pattern::expand;
use serde::Deserialize;
use vigie_core::SubEventType;

/// Where a trigger's arguments are; see the head of `fr/triggers.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Frame {
    Capture,
    Expel,
    Repel,
    Clash,
    Attack,
    Strike,
    Explode,
    Kill,
    Abduct,
    Arrest,
    Protest,
    Disperse,
    Riot,
    Agreement,
    Base,
    Loot,
    Withdraw,
}

/// The sub-event a trigger reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerSubEvent {
    Fixed(SubEventType),
    /// Government regains territory or non-state actor overtakes territory,
    /// decided by actor1.
    Territory,
}

/// One trigger rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    pub id: String,
    pub sub_event: TriggerSubEvent,
    pub frame: Frame,
    pub language: String,
    /// The trigger reports an event only when its sentence also has one of
    /// its `needs` phrases ("trêve" with "conclu", "signé", "entré en
    /// vigueur"): see [`Triggers::conditions`].
    pub needs: bool,
    /// An ambiguous verb ("struck", "a frappé", "killed") reports an event
    /// only when its own clause names who did it.
    pub doer_named: bool,
}

/// A condition a trigger's own phrases put on its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    /// One of these must be in the sentence (rule index).
    Needs(usize),
    /// One of these right before the trigger makes it the instrument of
    /// another event ("armed with rocket-propelled grenades").
    NotAfter(usize),
    /// One of these right after the trigger makes it a modifier of
    /// something else ("drone reconnaissance", "missile factory").
    NotBefore(usize),
}

/// A kind of filter cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterCue {
    Future,
    Negation,
    History,
    Cumulative,
    /// What people flee ("fuyant les combats"): not a new event.
    Displacement,
    /// An event recalled as the reference point of another ("the first
    /// attack since the town was retaken").
    Since,
    Reported,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerFile {
    language: String,
    #[serde(default)]
    macros: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    trigger: Vec<TriggerEntry>,
    #[serde(default)]
    filters: Filters,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerEntry {
    id: String,
    sub_event: String,
    frame: Frame,
    patterns: Vec<String>,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    doer_named: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Filters {
    #[serde(default)]
    future: Vec<String>,
    #[serde(default)]
    negation: Vec<String>,
    #[serde(default)]
    history: Vec<String>,
    #[serde(default)]
    cumulative: Vec<String>,
    #[serde(default)]
    displacement: Vec<String>,
    #[serde(default)]
    since: Vec<String>,
    #[serde(default)]
    reported: Vec<String>,
}

/// All trigger rules and filter cues, compiled.
#[derive(Debug, Clone)]
pub struct Triggers {
    rules: Vec<Trigger>,
    matcher: PhraseMatcher<usize>,
    filters: PhraseMatcher<FilterCue>,
    conditions: PhraseMatcher<Condition>,
}

impl Triggers {
    pub fn parse<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> Result<Triggers, LexiconError> {
        let mut rules = Vec::new();
        let mut b = PhraseMatcherBuilder::new();
        let mut f = PhraseMatcherBuilder::new();
        let mut c = PhraseMatcherBuilder::new();
        for (file, bytes) in files {
            let parsed: TriggerFile = parse_toml(file, bytes)?;
            for t in parsed.trigger {
                let sub_event = if t.sub_event.eq_ignore_ascii_case("territory") {
                    TriggerSubEvent::Territory
                } else {
                    TriggerSubEvent::Fixed(SubEventType::parse(&t.sub_event).ok_or_else(|| {
                        LexiconError::invalid(
                            file,
                            format!("trigger {:?}: unknown sub_event {:?}", t.id, t.sub_event),
                        )
                    })?)
                };
                let idx = rules.len();
                rules.push(Trigger {
                    id: t.id.clone(),
                    sub_event,
                    frame: t.frame,
                    language: parsed.language.clone(),
                    needs: !t.needs.is_empty(),
                    doer_named: t.doer_named,
                });
                let expanded = |p: &str| {
                    expand(p).map_err(|e| {
                        LexiconError::invalid(
                            file,
                            format!("trigger {:?}: pattern {p:?}: {e}", t.id),
                        )
                    })
                };
                for (list, cond) in [
                    (&t.needs, Condition::Needs(idx)),
                    (&t.not_after, Condition::NotAfter(idx)),
                    (&t.not_before, Condition::NotBefore(idx)),
                ] {
                    for p in list {
                        for phrase in expanded(p)? {
                            c.add(&phrase, cond);
                        }
                    }
                }
                for p in &t.patterns {
                    let mut p = p.clone();
                    for (name, body) in &parsed.macros {
                        p = p.replace(&format!("{{{name}}}"), body);
                    }
                    if let Some(open) = p.find('{') {
                        let name: String = p[open..].chars().take_while(|c| *c != '}').collect();
                        return Err(LexiconError::invalid(
                            file,
                            format!("trigger {:?}: unknown macro {name}}}", t.id),
                        ));
                    }
                    let p = &p;
                    let phrases = expand(p).map_err(|e| {
                        LexiconError::invalid(
                            file,
                            format!("trigger {:?}: pattern {p:?}: {e}", t.id),
                        )
                    })?;
                    for phrase in phrases {
                        b.add(&phrase, idx);
                    }
                }
            }
            let fl = &parsed.filters;
            for (list, cue) in [
                (&fl.future, FilterCue::Future),
                (&fl.negation, FilterCue::Negation),
                (&fl.history, FilterCue::History),
                (&fl.cumulative, FilterCue::Cumulative),
                (&fl.displacement, FilterCue::Displacement),
                (&fl.since, FilterCue::Since),
                (&fl.reported, FilterCue::Reported),
            ] {
                for p in list {
                    f.add(p, cue);
                }
            }
        }
        Ok(Triggers {
            rules,
            matcher: b.build(),
            filters: f.build(),
            conditions: c.build(),
        })
    }

    pub fn rule(&self, idx: usize) -> Option<&Trigger> {
        self.rules.get(idx)
    }

    pub fn matcher(&self) -> &PhraseMatcher<usize> {
        &self.matcher
    }

    pub fn filters(&self) -> &PhraseMatcher<FilterCue> {
        &self.filters
    }

    /// The `needs` and `not_after` phrases of every rule.
    pub fn conditions(&self) -> &PhraseMatcher<Condition> {
        &self.conditions
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_text::Folded;

    #[test]
    fn embedded_trigger_files_compile_and_match() {
        let fr = include_bytes!("../../../data/lexicon/fr/triggers.toml");
        let en = include_bytes!("../../../data/lexicon/en/triggers.toml");
        let t = Triggers::parse([("fr", &fr[..]), ("en", &en[..])]).unwrap();
        let f = Folded::new(
            "L'armée a repris le contrôle de Palmyre après des frappes aériennes.",
            None,
        );
        let ids: Vec<&str> = t
            .matcher()
            .find(&f)
            .iter()
            .map(|m| {
                t.rule(*t.matcher().payload(m.pattern).unwrap())
                    .unwrap()
                    .id
                    .as_str()
            })
            .collect();
        assert_eq!(ids, vec!["fr.capture.reprendre", "fr.strike.air"]);
        let f = Folded::new(
            "A roadside bomb killed three soldiers, officials said.",
            None,
        );
        let ids: Vec<&str> = t
            .matcher()
            .find(&f)
            .iter()
            .map(|m| {
                t.rule(*t.matcher().payload(m.pattern).unwrap())
                    .unwrap()
                    .id
                    .as_str()
            })
            .collect();
        // "killed" is an ambiguous verb (doer_named): it matches, and the
        // extractor lets the bomb tell the event.
        assert_eq!(ids, vec!["en.explode.ied", "en.attack.ambiguous"]);
        let ambiguous = t.rule(
            *t.matcher()
                .payload(t.matcher().find(&f)[1].pattern)
                .unwrap(),
        );
        assert!(ambiguous.is_some_and(|r| r.doer_named));
    }

    #[test]
    fn unknown_sub_event_is_reported() {
        let src = "language = \"fr\"\n[[trigger]]\nid = \"x\"\nsub_event = \"Battle\"\nframe = \"clash\"\npatterns = [\"a\"]\n";
        let e = Triggers::parse([("t.toml", src.as_bytes())]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.toml: trigger \"x\": unknown sub_event \"Battle\""
        );
    }
}
