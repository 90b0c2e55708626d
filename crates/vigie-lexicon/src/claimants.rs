//! Claimants: who statements and figures are attributed to (agencies,
//! observatories, ministries, military sources...). Format:
//! `data/claimants.toml`, documented in `data/actors/README.md`.

use crate::error::{parse_toml, LexiconError};
use crate::matcher::{PhraseMatcher, PhraseMatcherBuilder};
use serde::Deserialize;

/// One claimant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimant {
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimantFile {
    #[serde(default)]
    claimant: Vec<ClaimantEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimantEntry {
    name: String,
    kind: String,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
    /// Free text for maintainers; not used by the code.
    #[serde(default, rename = "notes")]
    _notes: Option<String>,
}

/// The claimant dictionary and its matcher.
#[derive(Debug, Clone)]
pub struct Claimants {
    list: Vec<Claimant>,
    matcher: PhraseMatcher<usize>,
}

impl Claimants {
    /// Parses claimant files (several may be given).
    pub fn parse<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    ) -> Result<Claimants, LexiconError> {
        let mut list: Vec<Claimant> = Vec::new();
        let mut builder = PhraseMatcherBuilder::new();
        for (file, bytes) in files {
            let parsed: ClaimantFile = parse_toml(file, bytes)?;
            for e in parsed.claimant {
                if e.name.trim().is_empty() {
                    return Err(LexiconError::invalid(file, "a claimant has an empty name"));
                }
                let idx = match list.iter().position(|c| c.name == e.name) {
                    Some(i) => i,
                    None => {
                        list.push(Claimant {
                            name: e.name.trim().to_string(),
                            kind: e.kind.trim().to_string(),
                        });
                        list.len() - 1
                    }
                };
                builder.add(&e.name, idx);
                for alias in e.fr.iter().chain(&e.en) {
                    builder.add(alias, idx);
                }
            }
        }
        Ok(Claimants {
            list,
            matcher: builder.build(),
        })
    }

    pub fn get(&self, idx: usize) -> Option<&Claimant> {
        self.list.get(idx)
    }

    pub fn matcher(&self) -> &PhraseMatcher<usize> {
        &self.matcher
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_text::Folded;

    #[test]
    fn matches_aliases_to_canonical_names() {
        let toml = r#"
[[claimant]]
name = "SOHR"
kind = "observatory"
fr = ["OSDH", "Observatoire syrien des droits de l'Homme"]
en = ["Syrian Observatory for Human Rights"]
"#;
        let c = Claimants::parse([("claimants.toml", toml.as_bytes())]).unwrap();
        let text = "selon l'Observatoire syrien des droits de l’homme (OSDH)";
        let f = Folded::new(text, None);
        let names: Vec<&str> = c
            .matcher()
            .find(&f)
            .iter()
            .map(|m| {
                c.get(*c.matcher().payload(m.pattern).unwrap())
                    .unwrap()
                    .name
                    .as_str()
            })
            .collect();
        assert_eq!(names, vec!["SOHR", "SOHR"]);
    }
}
