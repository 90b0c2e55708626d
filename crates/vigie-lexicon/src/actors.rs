//! The actor dictionary: named armed actors, actors generated for every
//! country from templates (state forces, police, civilians, protesters),
//! and generic references ("les djihadistes") that point to a named actor
//! of the article in context. Formats: `data/actors/README.md`.

use crate::countries::{Countries, Country};
use crate::error::{parse_toml, LexiconError};
use crate::matcher::{PhraseMatcher, PhraseMatcherBuilder};
use rustc_hash::FxHashMap as HashMap;
use serde::Deserialize;

/// One actor of the dictionary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Canonical ACLED-style name.
    pub name: String,
    /// ACLED interaction code 1..8.
    pub inter: u8,
    /// ISO alpha-2 codes of the countries it operates in.
    pub countries: Vec<String>,
    pub years: Option<(i32, i32)>,
    /// Generic classes it can be referred to by (`jihadist`, `state_forces`).
    pub classes: Vec<String>,
    /// The country a generated actor belongs to (`Military Forces of Mali`).
    pub generated_for: Option<String>,
    /// The template a generated actor came from (`Military Forces of {name_en}`).
    pub template: Option<String>,
}

/// What an alias points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasTarget {
    /// An actor of [`Actors::get`].
    Actor(usize),
    /// An actor, for articles of a period only ([`Actors::period`]): "the
    /// Taliban" are an armed group before 15 August 2021 and Afghanistan's
    /// state forces after.
    Dated(usize, usize),
    /// A generic reference rule ([`Actors::generic`]).
    Generic(usize),
}

/// The dates an alias applies between (both inclusive, either open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    pub from: Option<chrono::NaiveDate>,
    pub until: Option<chrono::NaiveDate>,
}

impl Period {
    /// Whether an article of `date` falls in the period; an undated
    /// article may fall in any.
    pub fn covers(&self, date: Option<chrono::NaiveDate>) -> bool {
        match date {
            Some(d) => self.from.is_none_or(|f| f <= d) && self.until.is_none_or(|u| d <= u),
            None => true,
        }
    }
}

/// The actor a generic reference stands for when the article names no
/// actor of its class.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Fallback {
    /// One name, possibly a template (`Military Forces of {name_en}`)
    /// expanded for the article's country.
    Name(String),
    /// By ISO alpha-2 code of the article's country, `*` as default.
    ByCountry(std::collections::BTreeMap<String, String>),
}

/// What a generic rule falls back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FallbackActor<'a> {
    Known(&'a Actor),
    /// A name the dictionary does not list.
    New(String),
}

/// A generic reference rule: a class, and optionally a fallback and the
/// countries it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenericRule {
    pub class: String,
    pub fallback: Option<Fallback>,
    /// Empty: applies everywhere.
    pub countries: Vec<String>,
    /// Resolve to the fallback even when a named actor of the class is
    /// mentioned (ACLED codes marchers as `Protesters (Mali)`, the named
    /// movement as an associated actor).
    pub prefer_fallback: bool,
    /// Resolve only to actors of the article's country, else to the
    /// fallback: "the government" of a story about Yemen is Yemen's, even
    /// beside Saudi jets.
    pub local: bool,
}

impl GenericRule {
    /// The fallback name for an article's country, before templates are
    /// looked up (see [`Actors::fallback`]).
    fn fallback_name(&self, country: Option<&Country>) -> Option<String> {
        match self.fallback.as_ref()? {
            Fallback::Name(n) => Some(n.clone()),
            Fallback::ByCountry(map) => {
                let by_cc = country.and_then(|c| map.get(&c.iso2));
                by_cc.or_else(|| map.get("*")).cloned()
            }
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorFile {
    #[serde(default)]
    actor: Vec<ActorEntry>,
    #[serde(default)]
    template: Vec<ActorEntry>,
    #[serde(default)]
    generic: Vec<GenericEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorEntry {
    name: String,
    inter: u8,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    years: Option<[i32; 2]>,
    #[serde(default)]
    classes: Vec<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    /// People who lead the actor: named as the doer of an event ("imputée
    /// à Bachar al-Assad"), a leader stands for it.
    #[serde(default)]
    leaders: Vec<String>,
    /// Free text for maintainers; not used by the code.
    #[serde(default, rename = "notes")]
    _notes: Option<String>,
    /// Templates only: canonical names overriding the expanded one, by
    /// ISO alpha-2 code ("Military Forces of the United States").
    #[serde(default)]
    names: std::collections::BTreeMap<String, String>,
    /// Named actors only: the entry's aliases (and name) apply to articles
    /// dated from / until these days (`"2021-08-15"`).
    #[serde(default)]
    from: Option<toml::Value>,
    #[serde(default)]
    until: Option<toml::Value>,
    /// Named actors only: aliases that apply in a period only.
    #[serde(default)]
    dated: Vec<DatedEntry>,
}

/// `[[actor.dated]]`: aliases of the actor for articles of a period.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatedEntry {
    #[serde(default)]
    from: Option<toml::Value>,
    #[serde(default)]
    until: Option<toml::Value>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    #[serde(default, rename = "notes")]
    _notes: Option<String>,
}

/// A day written `"2021-08-15"` (or as a bare TOML date).
fn parse_day(
    file: &str,
    actor: &str,
    key: &str,
    v: Option<&toml::Value>,
) -> Result<Option<chrono::NaiveDate>, LexiconError> {
    let Some(v) = v else { return Ok(None) };
    let text = match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Datetime(d) => d.to_string(),
        other => other.to_string(),
    };
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            LexiconError::invalid(
                file,
                format!("{actor:?}: {key} = {text} is not a day written YYYY-MM-DD"),
            )
        })
}

fn parse_period(
    file: &str,
    actor: &str,
    from: Option<&toml::Value>,
    until: Option<&toml::Value>,
) -> Result<Option<Period>, LexiconError> {
    let p = Period {
        from: parse_day(file, actor, "from", from)?,
        until: parse_day(file, actor, "until", until)?,
    };
    if let (Some(f), Some(u)) = (p.from, p.until) {
        if u < f {
            return Err(LexiconError::invalid(
                file,
                format!("{actor:?}: until {u} is before from {f}"),
            ));
        }
    }
    Ok((p.from.is_some() || p.until.is_some()).then_some(p))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GenericEntry {
    class: String,
    #[serde(default)]
    fallback: Option<Fallback>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    prefer_fallback: bool,
    #[serde(default)]
    local: bool,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    /// Free text for maintainers; not used by the code.
    #[serde(default, rename = "notes")]
    _notes: Option<String>,
}

/// The compiled actor dictionary.
#[derive(Debug, Clone)]
pub struct Actors {
    actors: Vec<Actor>,
    by_name: HashMap<String, usize>,
    classes: Vec<String>,
    generic: Vec<GenericRule>,
    matcher: PhraseMatcher<AliasTarget>,
    leaders: PhraseMatcher<usize>,
    periods: Vec<Period>,
    /// (template, country) → the actor generated from it.
    generated: HashMap<(String, String), usize>,
}

/// Collects actor files before compiling them.
#[derive(Debug, Default)]
pub struct ActorsBuilder {
    actors: Vec<Actor>,
    by_name: HashMap<String, usize>,
    classes: Vec<String>,
    generic: Vec<GenericRule>,
    aliases: Vec<(String, AliasTarget)>,
    leaders: Vec<(String, usize)>,
    templates: Vec<(String, ActorEntry)>,
    periods: Vec<Period>,
}

impl ActorsBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one TOML file of `[[actor]]`, `[[template]]` or `[[generic]]`
    /// entries.
    pub fn add_file(&mut self, file: &str, bytes: &[u8]) -> Result<(), LexiconError> {
        let parsed: ActorFile = parse_toml(file, bytes)?;
        for entry in parsed.actor {
            check_entry(file, &entry)?;
            let aliases: Vec<String> = entry.fr.iter().chain(&entry.en).cloned().collect();
            let actor = Actor {
                name: entry.name.trim().to_string(),
                inter: entry.inter,
                countries: entry
                    .countries
                    .iter()
                    .map(|c| c.trim().to_ascii_uppercase())
                    .collect(),
                years: entry.years.map(|[a, b]| (a, b)),
                classes: entry.classes.clone(),
                generated_for: None,
                template: None,
            };
            let idx = self.upsert(actor);
            let name = entry.name.trim();
            let target = match parse_period(file, name, entry.from.as_ref(), entry.until.as_ref())?
            {
                Some(p) => {
                    self.periods.push(p);
                    AliasTarget::Dated(idx, self.periods.len() - 1)
                }
                None => AliasTarget::Actor(idx),
            };
            // The canonical name is an alias of itself.
            self.aliases.push((entry.name.clone(), target));
            for a in aliases {
                self.aliases.push((a, target));
            }
            for d in &entry.dated {
                let Some(p) = parse_period(file, name, d.from.as_ref(), d.until.as_ref())? else {
                    return Err(LexiconError::invalid(
                        file,
                        format!("{name:?}: a [[actor.dated]] list needs from or until"),
                    ));
                };
                self.periods.push(p);
                let target = AliasTarget::Dated(idx, self.periods.len() - 1);
                for a in d.fr.iter().chain(&d.en) {
                    self.aliases.push((a.clone(), target));
                }
            }
            for l in &entry.leaders {
                self.leaders.push((l.clone(), idx));
            }
        }
        for entry in parsed.template {
            check_entry(file, &entry)?;
            if !entry.leaders.is_empty() {
                return Err(LexiconError::invalid(
                    file,
                    format!("template {:?}: leaders belong to named actors", entry.name),
                ));
            }
            if entry.from.is_some() || entry.until.is_some() || !entry.dated.is_empty() {
                return Err(LexiconError::invalid(
                    file,
                    format!("template {:?}: periods belong to named actors", entry.name),
                ));
            }
            self.templates.push((file.to_string(), entry));
        }
        for g in parsed.generic {
            let class = g.class.trim().to_string();
            if class.is_empty() {
                return Err(LexiconError::invalid(
                    file,
                    "a [[generic]] entry has an empty class",
                ));
            }
            self.class_index(&class);
            self.generic.push(GenericRule {
                class,
                fallback: g.fallback,
                countries: g
                    .countries
                    .iter()
                    .map(|c| c.trim().to_ascii_uppercase())
                    .collect(),
                prefer_fallback: g.prefer_fallback,
                local: g.local,
            });
            let rule = self.generic.len() - 1;
            for a in g.fr.iter().chain(&g.en) {
                self.aliases.push((a.clone(), AliasTarget::Generic(rule)));
            }
        }
        Ok(())
    }

    fn class_index(&mut self, class: &str) -> usize {
        match self.classes.iter().position(|c| c == class) {
            Some(i) => i,
            None => {
                self.classes.push(class.to_string());
                self.classes.len() - 1
            }
        }
    }

    fn upsert(&mut self, actor: Actor) -> usize {
        match self.by_name.get(&actor.name) {
            Some(&i) => {
                // A later file refines an actor: merge countries and classes.
                let existing = &mut self.actors[i];
                for c in actor.countries {
                    if !existing.countries.contains(&c) {
                        existing.countries.push(c);
                    }
                }
                for c in actor.classes {
                    if !existing.classes.contains(&c) {
                        existing.classes.push(c);
                    }
                }
                existing.inter = actor.inter;
                if actor.generated_for.is_some() {
                    existing.generated_for = actor.generated_for;
                    existing.template = actor.template;
                }
                i
            }
            None => {
                self.by_name.insert(actor.name.clone(), self.actors.len());
                self.actors.push(actor);
                self.actors.len() - 1
            }
        }
    }

    /// Expands templates over the country table and compiles the matcher.
    pub fn build(mut self, countries: &Countries) -> Result<Actors, LexiconError> {
        let templates = std::mem::take(&mut self.templates);
        for (file, t) in &templates {
            for country in countries.iter() {
                let name = match t.names.get(&country.iso2) {
                    Some(n) => n.clone(),
                    None => {
                        let Some(name) =
                            expand(&t.name, country).and_then(|n| n.into_iter().next())
                        else {
                            continue;
                        };
                        name
                    }
                };
                let actor = Actor {
                    name: name.clone(),
                    inter: t.inter,
                    countries: vec![country.iso2.clone()],
                    years: None,
                    classes: t.classes.clone(),
                    generated_for: Some(country.iso2.clone()),
                    template: Some(t.name.clone()),
                };
                let idx = self.upsert(actor);
                self.aliases.push((name, AliasTarget::Actor(idx)));
                for pattern in t.fr.iter().chain(&t.en) {
                    for alias in expand(pattern, country).unwrap_or_default() {
                        self.aliases.push((alias, AliasTarget::Actor(idx)));
                    }
                }
            }
            if t.name.find('{').is_none() {
                return Err(LexiconError::invalid(
                    file,
                    format!("template {:?} has no placeholder", t.name),
                ));
            }
        }
        for c in self
            .actors
            .iter()
            .flat_map(|a| a.classes.clone())
            .collect::<Vec<_>>()
        {
            self.class_index(&c);
        }
        let mut builder = PhraseMatcherBuilder::new();
        for (alias, target) in &self.aliases {
            builder.add(alias, *target);
        }
        let mut leaders = PhraseMatcherBuilder::new();
        for (name, idx) in &self.leaders {
            leaders.add(name, *idx);
        }
        let mut generated = HashMap::default();
        for (i, a) in self.actors.iter().enumerate() {
            if let (Some(t), Some(c)) = (&a.template, &a.generated_for) {
                generated.entry((t.clone(), c.clone())).or_insert(i);
            }
        }
        Ok(Actors {
            generated,
            actors: self.actors,
            by_name: self.by_name,
            classes: self.classes,
            generic: self.generic,
            matcher: builder.build(),
            leaders: leaders.build(),
            periods: self.periods,
        })
    }
}

fn check_entry(file: &str, e: &ActorEntry) -> Result<(), LexiconError> {
    if e.name.trim().is_empty() {
        return Err(LexiconError::invalid(file, "an entry has an empty name"));
    }
    if !(1..=8).contains(&e.inter) {
        return Err(LexiconError::invalid(
            file,
            format!("{:?}: inter {} is not in 1..8", e.name, e.inter),
        ));
    }
    Ok(())
}

/// Fills `{name_en}`, `{adj_fr_fs}`... for one country; a `|`-list of
/// variants gives one string per variant. `None` when a placeholder has no
/// value for this country or is unknown.
fn expand(pattern: &str, country: &Country) -> Option<Vec<String>> {
    let mut results = vec![String::new()];
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}')? + open;
        let key = &rest[open + 1..close];
        let values: Vec<String> = match key {
            "name_en" => vec![country.name_en.clone()],
            "name_fr" => vec![country.name_fr.clone()],
            "adj_en" => country.adj_en.clone(),
            "adj_fr_ms" => country.adj_fr_ms.clone(),
            "adj_fr_fs" => country.adj_fr_fs.clone(),
            "adj_fr_mp" => country.adj_fr_mp.clone(),
            "adj_fr_fp" => country.adj_fr_fp.clone(),
            _ => return None,
        };
        let values: Vec<String> = values.into_iter().filter(|v| !v.is_empty()).collect();
        if values.is_empty() {
            return None;
        }
        let prefix = &rest[..open];
        results = results
            .into_iter()
            .flat_map(|r| values.iter().map(move |v| format!("{r}{prefix}{v}")))
            .collect();
        rest = &rest[close + 1..];
    }
    Some(results.into_iter().map(|r| format!("{r}{rest}")).collect())
}

impl Actors {
    pub fn get(&self, idx: usize) -> Option<&Actor> {
        self.actors.get(idx)
    }

    /// The period of a dated alias ([`AliasTarget::Dated`]).
    pub fn period(&self, idx: usize) -> Option<&Period> {
        self.periods.get(idx)
    }

    pub fn by_name(&self, name: &str) -> Option<&Actor> {
        self.by_name.get(name).and_then(|&i| self.actors.get(i))
    }

    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    pub fn class_name(&self, idx: usize) -> Option<&str> {
        self.classes.get(idx).map(String::as_str)
    }

    /// A generic reference rule.
    pub fn generic(&self, idx: usize) -> Option<&GenericRule> {
        self.generic.get(idx)
    }

    /// The actor a generic rule falls back to in an article about
    /// `country`: a template is the actor generated from it for that
    /// country (with its name overrides), a plain name the actor of that
    /// name, or a new name when the dictionary lacks it.
    pub fn fallback(
        &self,
        rule: &GenericRule,
        country: Option<&Country>,
    ) -> Option<FallbackActor<'_>> {
        let name = rule.fallback_name(country)?;
        if name.contains('{') {
            let c = country?;
            return self.generated(&name, &c.iso2).map(FallbackActor::Known);
        }
        Some(match self.by_name(&name) {
            Some(a) => FallbackActor::Known(a),
            None => FallbackActor::New(name),
        })
    }

    /// Leaders' names, each with the index of the actor they lead.
    pub fn leaders(&self) -> &PhraseMatcher<usize> {
        &self.leaders
    }

    pub fn matcher(&self) -> &PhraseMatcher<AliasTarget> {
        &self.matcher
    }

    pub fn len(&self) -> usize {
        self.actors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Actor> {
        self.actors.iter()
    }

    /// The generated actor of `template_prefix` ("Military Forces of") for
    /// a country, e.g. the state forces of the article's country.
    pub fn generated(&self, template: &str, iso2: &str) -> Option<&Actor> {
        self.generated
            .get(&(template.to_string(), iso2.to_string()))
            .and_then(|&i| self.actors.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries::TEST_COUNTRIES;
    use vigie_text::Folded;

    const FILE: &str = r#"
[[actor]]
name = "Islamic State"
inter = 2
countries = ["SY", "IQ"]
classes = ["jihadist"]
fr = ["Etat islamique", "EI", "Daech"]
en = ["ISIS", "IS"]
leaders = ["Abou Bakr al-Baghdadi", "Abu Bakr al-Baghdadi"]

[[template]]
name = "Military Forces of {name_en}"
inter = 1
classes = ["state_forces"]
names = { US = "Military Forces of the United States" }
fr = ["armée {adj_fr_fs}", "forces armées {adj_fr_fp}"]
en = ["{adj_en} army"]

[[generic]]
class = "jihadist"
fr = ["djihadistes", "jihadistes"]

[[generic]]
class = "government"
fallback = "Military Forces of {name_en}"
fr = ["régime"]

[[generic]]
class = "mercenary"
fallback = { ML = "Wagner Group", "*" = "Private Security Forces" }
fr = ["mercenaires"]
"#;

    fn actors() -> Actors {
        let countries = Countries::parse("c", TEST_COUNTRIES.as_bytes()).unwrap();
        let mut b = ActorsBuilder::new();
        b.add_file("t.toml", FILE.as_bytes()).unwrap();
        b.build(&countries).unwrap()
    }

    fn resolve(a: &Actors, text: &str) -> Vec<String> {
        let f = Folded::new(text, None);
        a.matcher()
            .find(&f)
            .iter()
            .map(|m| match a.matcher().payload(m.pattern) {
                Some(AliasTarget::Actor(i)) | Some(AliasTarget::Dated(i, _)) => {
                    a.get(*i).unwrap().name.clone()
                }
                Some(AliasTarget::Generic(c)) => {
                    format!("generic:{}", a.generic(*c).unwrap().class)
                }
                None => String::new(),
            })
            .collect()
    }

    #[test]
    fn templates_generate_state_forces_for_every_country() {
        let a = actors();
        assert_eq!(
            resolve(
                &a,
                "L'armée malienne et les forces armées américaines contre Daech"
            ),
            vec![
                "Military Forces of Mali",
                "Military Forces of the United States",
                "Islamic State"
            ]
        );
        assert_eq!(
            resolve(&a, "the US army and the American army"),
            vec![
                "Military Forces of the United States",
                "Military Forces of the United States"
            ]
        );
        assert_eq!(
            a.generated("Military Forces of {name_en}", "SY")
                .unwrap()
                .name,
            "Military Forces of Syria"
        );
    }

    #[test]
    fn leaders_are_not_aliases() {
        let a = actors();
        // A leader's name is no actor mention of its own...
        assert!(resolve(&a, "un message d'Abou Bakr al-Baghdadi").is_empty());
        // ...but the leaders' matcher finds it, pointing at the actor led.
        let f = Folded::new("un message d'Abu Bakr al Baghdadi", None);
        let found: Vec<&str> = a
            .leaders()
            .find(&f)
            .iter()
            .filter_map(|m| a.leaders().payload(m.pattern))
            .filter_map(|i| a.get(*i))
            .map(|x| x.name.as_str())
            .collect();
        assert_eq!(found, vec!["Islamic State"]);
        // Templates stand for every country: they have no leaders.
        let mut b = ActorsBuilder::new();
        let err = b
            .add_file(
                "bad.toml",
                b"[[template]]\nname = \"Army of {name_en}\"\ninter = 1\nleaders = [\"X\"]\n",
            )
            .unwrap_err();
        assert!(
            err.to_string().contains("leaders belong to named actors"),
            "{err}"
        );
    }

    #[test]
    fn generic_references_and_acronyms() {
        let a = actors();
        assert_eq!(
            resolve(&a, "les djihadistes de l'EI"),
            vec!["generic:jihadist", "Islamic State"]
        );
        assert!(resolve(&a, "this is it").is_empty());
        let countries = Countries::parse("c", TEST_COUNTRIES.as_bytes()).unwrap();
        let rule = |class: &str| {
            (0..3)
                .filter_map(|i| a.generic(i))
                .find(|r| r.class == class)
                .unwrap()
                .clone()
        };
        let name = |f: Option<FallbackActor>| match f {
            Some(FallbackActor::Known(a)) => Some(a.name.clone()),
            Some(FallbackActor::New(n)) => Some(n),
            None => None,
        };
        assert_eq!(
            name(a.fallback(&rule("government"), countries.get("SY"))).as_deref(),
            Some("Military Forces of Syria")
        );
        // Template name overrides apply ("the United States").
        assert_eq!(
            name(a.fallback(&rule("government"), countries.get("US"))).as_deref(),
            Some("Military Forces of the United States")
        );
        assert_eq!(name(a.fallback(&rule("government"), None)), None);
        assert_eq!(
            name(a.fallback(&rule("mercenary"), countries.get("ML"))).as_deref(),
            Some("Wagner Group")
        );
        assert_eq!(
            name(a.fallback(&rule("mercenary"), countries.get("SY"))).as_deref(),
            Some("Private Security Forces")
        );
        assert_eq!(
            name(a.fallback(&rule("jihadist"), countries.get("SY"))),
            None
        );
    }

    #[test]
    fn bad_entries_are_reported_with_the_file() {
        let mut b = ActorsBuilder::new();
        let e = b
            .add_file("bad.toml", b"[[actor]]\nname = \"X\"\ninter = 9\n")
            .unwrap_err();
        assert_eq!(e.to_string(), "bad.toml: \"X\": inter 9 is not in 1..8");
        let e = b
            .add_file(
                "bad.toml",
                b"[[actor]]\nname = \"X\"\ninter = 1\nalias = []\n",
            )
            .unwrap_err();
        assert!(e.to_string().starts_with("bad.toml:"), "{e}");
    }

    #[test]
    fn dated_aliases_carry_their_period() {
        let countries = Countries::parse("c", TEST_COUNTRIES.as_bytes()).unwrap();
        let mut b = ActorsBuilder::new();
        let file = r#"
[[actor]]
name = "Taliban"
inter = 2
countries = ["AF"]
until = "2021-08-14"
en = ["Taliban"]

[[actor]]
name = "Military Forces of Afghanistan"
inter = 1
countries = ["AF"]
en = ["Afghan National Army"]

[[actor.dated]]
from = 2021-08-15
en = ["Taliban", "Taliban forces"]
"#;
        b.add_file("af.toml", file.as_bytes()).unwrap();
        let a = b.build(&countries).unwrap();
        let f = Folded::new("Taliban forces and the Taliban", None);
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let mut seen = Vec::new();
        for m in a.matcher().find(&f) {
            for t in a.matcher().payloads(m.pattern) {
                if let AliasTarget::Dated(i, p) = *t {
                    let p = a.period(p).unwrap();
                    seen.push((
                        a.get(i).unwrap().name.clone(),
                        p.covers(day("2019-05-01")),
                        p.covers(day("2023-05-01")),
                        p.covers(None),
                    ));
                }
            }
        }
        seen.sort();
        seen.dedup();
        assert_eq!(
            seen,
            vec![
                (
                    "Military Forces of Afghanistan".to_string(),
                    false,
                    true,
                    true
                ),
                ("Taliban".to_string(), true, false, true),
            ]
        );
        // The undated alias stays an ordinary one.
        assert_eq!(
            resolve(&a, "Afghan National Army"),
            ["Military Forces of Afghanistan"]
        );
    }

    #[test]
    fn bad_periods_are_reported_with_the_file() {
        let mut b = ActorsBuilder::new();
        let e = b
            .add_file(
                "p.toml",
                b"[[actor]]\nname = \"X\"\ninter = 2\nfrom = \"2021-13-01\"\nen = [\"Xx\"]\n",
            )
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "p.toml: \"X\": from = 2021-13-01 is not a day written YYYY-MM-DD"
        );
        let e = b
            .add_file(
                "p.toml",
                b"[[actor]]\nname = \"X\"\ninter = 2\nfrom = \"2021-08-15\"\nuntil = \"2020-01-01\"\nen = [\"Xx\"]\n",
            )
            .unwrap_err();
        assert!(e.to_string().contains("before from"), "{e}");
        let e = b
            .add_file(
                "p.toml",
                b"[[actor]]\nname = \"X\"\ninter = 2\nen = [\"Xx\"]\n[[actor.dated]]\nen = [\"Yy\"]\n",
            )
            .unwrap_err();
        assert!(e.to_string().contains("needs from or until"), "{e}");
    }
}
