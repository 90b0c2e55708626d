//! Actor mentions: dictionary aliases (named actors and the state forces,
//! police, civilians and protesters generated for every country) and
//! generic references ("les djihadistes", "the militants", "le régime")
//! resolved to the nearest compatible named actor of the article, or to the
//! rule's fallback for the article's country.

use crate::context::SentenceView;
use vigie_core::{ActorMention, Span};
use vigie_lexicon::{AliasTarget, FallbackActor, Lexicon};

/// An actor mention before generic references are resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundActor {
    pub sentence: usize,
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub target: Target,
    /// Every named actor the words may stand for ("ADF" in DR Congo and in
    /// Cameroon): re-chosen once the article's country is known.
    pub alternatives: Vec<usize>,
}

/// What a mention names.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// An actor index of the lexicon.
    Named(usize),
    /// Generic reference rules (the caller picks one for the country).
    Generic(Vec<usize>),
}

/// Finds actor aliases in a sentence. Named actors win over generic
/// references on the same words; among named actors, one operating in the
/// article's focus country wins, then one whose alias is dated to the
/// article's period (an alias of another period is dropped when the words
/// have another reading).
pub fn find_actors(
    s: &SentenceView,
    lex: &Lexicon,
    focus: Option<&str>,
    date: Option<chrono::NaiveDate>,
) -> Vec<FoundActor> {
    let m = lex.actors.matcher();
    let mut out = Vec::new();
    for hit in m.find(&s.folded) {
        // Named candidates with their period fit: 2 dated to the article's
        // period, 1 undated, 0 dated to another period.
        let mut fits: Vec<(usize, u8)> = Vec::new();
        let mut generic: Vec<usize> = Vec::new();
        for t in m.payloads(hit.pattern) {
            let (i, fit) = match *t {
                AliasTarget::Actor(i) => (i, 1),
                // Undated article: periods are not judged.
                AliasTarget::Dated(i, _) if date.is_none() => (i, 1),
                AliasTarget::Dated(i, p) => {
                    let covers = lex.actors.period(p).is_some_and(|p| p.covers(date));
                    (i, if covers { 2 } else { 0 })
                }
                AliasTarget::Generic(r) => {
                    generic.push(r);
                    continue;
                }
            };
            match fits.iter_mut().find(|(j, _)| *j == i) {
                Some(e) => e.1 = e.1.max(fit),
                None => fits.push((i, fit)),
            }
        }
        if fits.iter().any(|&(_, f)| f > 0) || !generic.is_empty() {
            fits.retain(|&(_, f)| f > 0);
        }
        let fit_of = |i: usize| fits.iter().find(|(j, _)| *j == i).map_or(0, |e| e.1);
        let mut named: Vec<usize> = fits.iter().map(|e| e.0).collect();
        let focus_generic = generic.iter().any(|&r| {
            lex.actors.generic(r).is_some_and(|g| {
                !g.countries.is_empty() && focus.is_some_and(|f| g.countries.iter().any(|c| c == f))
            })
        });
        let named_here = named.iter().any(|&i| {
            lex.actors.get(i).is_some_and(|a| {
                a.countries.is_empty() || focus.is_some_and(|f| a.countries.iter().any(|c| c == f))
            })
        });
        if focus_generic && !named_here {
            named.clear();
        }
        let target = if !named.is_empty() {
            // Prefer a hand-written actor over a generated one, then one
            // operating in the focus country.
            let score = |i: &usize| {
                let a = lex.actors.get(*i);
                let operates =
                    a.is_some_and(|a| focus.is_some_and(|f| a.countries.iter().any(|c| c == f)));
                let hand = a.is_some_and(|a| a.template.is_none());
                (u8::from(operates), fit_of(*i), u8::from(hand))
            };
            let best = named.iter().copied().max_by_key(score);
            match best {
                Some(b) => Target::Named(b),
                None => continue,
            }
        } else {
            Target::Generic(generic)
        };
        out.push(FoundActor {
            sentence: s.index,
            first: hit.first,
            last: hit.last,
            span: hit.span,
            target,
            alternatives: named,
        });
    }
    out
}

/// Resolves every actor mention of an article to an [`ActorMention`]:
/// named ones directly, generic ones to the nearest named mention whose
/// actor has the rule's class (same sentence before, then earlier, then
/// later), else to the rule's fallback for the focus country. Unresolved
/// generic mentions are dropped.
pub fn resolve_actors(
    found: &[FoundActor],
    lex: &Lexicon,
    focus: Option<&str>,
) -> Vec<(usize, ActorMention)> {
    let country = focus.and_then(|f| lex.countries.get(f));
    let named_mention = |i: usize| -> Option<ActorMention> {
        let a = lex.actors.get(i)?;
        Some(ActorMention {
            canonical: a.name.clone(),
            inter: a.inter,
            country: a.countries.first().cloned(),
            generic: None,
        })
    };
    let mut out = Vec::new();
    for (k, f) in found.iter().enumerate() {
        match &f.target {
            Target::Named(i) => {
                let operates = |j: &usize| {
                    lex.actors
                        .get(*j)
                        .is_some_and(|a| focus.is_some_and(|c| a.countries.iter().any(|x| x == c)))
                };
                let i = if operates(i) {
                    *i
                } else {
                    f.alternatives.iter().copied().find(operates).unwrap_or(*i)
                };
                if let Some(m) = named_mention(i) {
                    out.push((k, m));
                }
            }
            Target::Generic(rules) => {
                // Rules restricted to the focus country win over general ones.
                let applicable: Vec<_> = rules
                    .iter()
                    .filter_map(|&r| lex.actors.generic(r))
                    .filter(|r| {
                        r.countries.is_empty()
                            || focus.is_some_and(|f| r.countries.iter().any(|c| c == f))
                    })
                    .collect();
                let Some(rule) = applicable
                    .iter()
                    .find(|r| !r.countries.is_empty())
                    .or_else(|| applicable.first())
                else {
                    continue;
                };
                // Nearest named mention with the class: by byte distance,
                // earlier mentions preferred at equal distance.
                let mut best: Option<(usize, usize)> = None;
                for (j, g) in found.iter().enumerate() {
                    let Target::Named(i) = g.target else { continue };
                    let Some(actor) = lex.actors.get(i) else {
                        continue;
                    };
                    if !actor.classes.contains(&rule.class) {
                        continue;
                    }
                    if rule.local && !focus.is_some_and(|c| actor.countries.iter().any(|x| x == c))
                    {
                        continue;
                    }
                    let dist = f.span.gap(g.span) + if g.span.start > f.span.start { 1 } else { 0 };
                    if best.is_none_or(|(_, d)| dist < d) {
                        best = Some((j, dist));
                    }
                }
                if rule.prefer_fallback && lex.actors.fallback(rule, country).is_some() {
                    best = None;
                }
                let resolved = match best {
                    Some((j, _)) => match found[j].target {
                        Target::Named(i) => named_mention(i),
                        Target::Generic(_) => None,
                    },
                    None => lex.actors.fallback(rule, country).map(|f| match f {
                        FallbackActor::Known(a) => ActorMention {
                            canonical: a.name.clone(),
                            inter: a.inter,
                            country: a.countries.first().cloned(),
                            generic: None,
                        },
                        FallbackActor::New(name) => ActorMention {
                            canonical: name,
                            inter: fallback_inter(&rule.class),
                            country: focus.map(str::to_string),
                            generic: None,
                        },
                    }),
                };
                if let Some(mut m) = resolved {
                    m.generic = Some(rule.class.clone());
                    out.push((k, m));
                }
            }
        }
    }
    out
}

/// The interaction code of a fallback actor the dictionary does not list.
fn fallback_inter(class: &str) -> u8 {
    match class {
        "protesters" => 6,
        "rioters" => 5,
        "civilians" => 7,
        "military" | "government" | "state_forces" | "police" => 1,
        "peacekeepers" | "coalition" | "foreign_forces" | "mercenary" => 8,
        _ => 3,
    }
}
