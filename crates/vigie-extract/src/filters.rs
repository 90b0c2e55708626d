//! Whether a trigger reports an event at all: its language, the cues of
//! its clause (future, negation, history, cumulative tolls, what people
//! flee), and the reasons a trigger makes no event ([`Rejection`]).

use crate::{roles, Context};
use std::fmt;
use vigie_annotate::{Annotation, Tagged};
use vigie_core::FuzzyDate;
use vigie_lexicon::{Condition, FilterCue, Lexicon};

/// Why a trigger made no event; `Display` is the reason `vigie eval
/// --diff` prints.
#[derive(Debug, Clone, PartialEq)]
pub enum Rejection {
    UnknownRule,
    /// A trigger of another language than the article's: a false friend
    /// ("démonstration" is not "demonstration").
    OtherLanguage {
        rule: String,
        article: String,
    },
    Future(String),
    Negated(String),
    History(String),
    Cumulative(String),
    Displacement(String),
    /// The reference point of another event ("depuis la reprise de la ville").
    Since(String),
    /// A section title or a headline over the story that tells it.
    Heading,
    /// An agreement named, not one reached ("malgré un cessez-le-feu").
    NotRealised,
    /// A weapon named as the means of another event ("armed with
    /// rocket-propelled grenades").
    Preceded(String),
    /// The trigger word qualifies another noun ("drone reconnaissance").
    Modifier(String),
    /// "in March" is a date, not a march.
    PartOfDate,
    /// A toll of this size with no date and no place in the sentence.
    CampaignToll(f64),
    NoActor,
    /// An ambiguous verb whose clause names nobody doing it.
    NoDoerNamed,
    TerritoryWithoutPlace,
    NoPlace,
    YearSummary(FuzzyDate),
    NoDate,
    Background {
        date: FuzzyDate,
        days: i64,
    },
    AfterPublication(FuzzyDate),
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::UnknownRule => write!(f, "unknown trigger rule"),
            Rejection::OtherLanguage { rule, article } => {
                write!(f, "trigger of language {rule:?} in a {article:?} article")
            }
            Rejection::Future(w) => write!(f, "future or plan: \"{w}\""),
            Rejection::Negated(w) => write!(f, "negated: \"{w}\""),
            Rejection::History(w) => write!(f, "history: \"{w}\""),
            Rejection::Cumulative(w) => write!(f, "summed up over a campaign: \"{w}\""),
            Rejection::Displacement(w) => write!(f, "what people flee: \"{w}\""),
            Rejection::Since(w) => write!(f, "background, the reference of another event: \"{w}\""),
            Rejection::Heading => write!(f, "a heading: the body tells the story"),
            Rejection::NotRealised => write!(
                f,
                "named, not reported as done: none of the trigger's `needs` words in the sentence"
            ),
            Rejection::Preceded(w) => write!(
                f,
                "no event after \"{w}\" (the means of another one, or a risk)"
            ),
            Rejection::Modifier(w) => write!(f, "a modifier of \"{w}\", not an event"),
            Rejection::PartOfDate => write!(f, "the trigger word is part of a date"),
            Rejection::CampaignToll(n) => write!(
                f,
                "toll of a whole campaign: {n}+ killed, no date or place in the sentence"
            ),
            Rejection::NoActor => write!(f, "no actor found for the trigger"),
            Rejection::NoDoerNamed => write!(
                f,
                "an ambiguous verb (doer_named) whose clause names nobody doing it"
            ),
            Rejection::TerritoryWithoutPlace => {
                write!(f, "territory change without a named place in the sentence")
            }
            Rejection::NoPlace => write!(f, "no place found for the trigger"),
            Rejection::YearSummary(d) => write!(f, "summary over a year ({d})"),
            Rejection::NoDate => write!(
                f,
                "no date: the article has no publication date and the sentence none"
            ),
            Rejection::Background { date, days } => write!(
                f,
                "background: dated {date}, more than {days} days before publication"
            ),
            Rejection::AfterPublication(d) => write!(f, "future: dated {d}, after publication"),
        }
    }
}

/// A trigger's roles, or why it makes no event: a trigger of another
/// language than the article's, then the filters of [`filtered`].
pub(crate) fn screen(cx: &Context, t: &Tagged<usize>) -> Result<roles::Roles, Rejection> {
    let Some(rule) = cx.lex.triggers.rule(t.value) else {
        return Err(Rejection::UnknownRule);
    };
    if cx
        .article
        .language
        .as_deref()
        .is_some_and(|l| l != rule.language)
    {
        return Err(Rejection::OtherLanguage {
            rule: rule.language.clone(),
            article: cx.article.language.clone().unwrap_or_else(|| "?".into()),
        });
    }
    if let Some(why) = filtered(cx.ann, cx.lex, t) {
        return Err(why);
    }
    if let Some(why) = conditions(cx.ann, cx.lex, t, rule.needs) {
        return Err(why);
    }
    Ok(roles::attach(
        cx.ann, cx.lex, t.sentence, t.first, t.last, rule.frame,
    ))
}

/// Why a trigger does not report an event in its clause, if it does not.
pub fn filtered(ann: &Annotation, lex: &Lexicon, t: &Tagged<usize>) -> Option<Rejection> {
    let folded = ann.folded.get(t.sentence)?;
    let cues = lex.triggers.filters().find_all(folded);
    let words = |a: usize, b: usize| -> String {
        (a..=b)
            .map(|k| folded.token_text(k))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for m in &cues {
        let Some(cue) = lex.triggers.filters().payload(m.pattern) else {
            continue;
        };
        // "May 6" is a date, not a modal.
        let cue_span = folded.span_of(m.first, m.last);
        if cue_span.is_some_and(|s| ann.dates.iter().any(|d| d.span.overlaps(s))) {
            continue;
        }
        let near_before = m.last < t.first && t.first - m.last <= 5;
        let around = m.first + 4 >= t.first && m.first <= t.last + 3;
        let w = || words(m.first, m.last);
        match cue {
            FilterCue::Future if near_before => return Some(Rejection::Future(w())),
            FilterCue::History => return Some(Rejection::History(w())),
            FilterCue::Cumulative if m.last < t.first && t.first - m.last <= 3 => {
                return Some(Rejection::Cumulative(w()))
            }
            FilterCue::Displacement if m.last < t.first && t.first - m.last <= 2 => {
                return Some(Rejection::Displacement(w()))
            }
            FilterCue::Negation if around || near_before => return Some(Rejection::Negated(w())),
            FilterCue::Since if m.last < t.first && t.first - m.last <= SINCE_REACH => {
                return Some(Rejection::Since(w()))
            }
            _ => {}
        }
    }
    None
}

/// A trigger's own conditions on its sentence: the `needs` it lacks, a
/// `not_after` phrase right before it.
fn conditions(
    ann: &Annotation,
    lex: &Lexicon,
    t: &Tagged<usize>,
    needs: bool,
) -> Option<Rejection> {
    let folded = ann.folded.get(t.sentence)?;
    let matcher = lex.triggers.conditions();
    let found = matcher.find_all(folded);
    let mut met = !needs;
    for m in &found {
        for c in matcher.payloads(m.pattern) {
            match *c {
                // In the trigger's clause, not anywhere in the sentence.
                Condition::Needs(r)
                    if r == t.value
                        && m.first.abs_diff(t.first).min(m.last.abs_diff(t.last))
                            <= NEEDS_REACH =>
                {
                    met = true
                }
                Condition::NotBefore(r) if r == t.value && m.first == t.last + 1 => {
                    let words: Vec<&str> =
                        (m.first..=m.last).map(|k| folded.token_text(k)).collect();
                    return Some(Rejection::Modifier(words.join(" ")));
                }
                // "armed with sniper rifles and rocket-propelled grenades":
                // over a list, not over a clause.
                Condition::NotAfter(r)
                    if r == t.value
                        && m.last < t.first
                        && t.first - m.last <= NOT_AFTER_REACH
                        && (m.last + 1..t.first).all(|k| {
                            !matches!(folded.token_text(k), "." | ";" | ":" | "(" | ")")
                        }) =>
                {
                    let words: Vec<&str> =
                        (m.first..=m.last).map(|k| folded.token_text(k)).collect();
                    return Some(Rejection::Preceded(words.join(" ")));
                }
                _ => {}
            }
        }
    }
    (!met).then_some(Rejection::NotRealised)
}

/// Words between a trigger and one of its `needs` phrases.
const NEEDS_REACH: usize = 8;

/// Words between a `not_after` phrase and the trigger it cancels.
const NOT_AFTER_REACH: usize = 6;

/// Words between "since"/"depuis" and a trigger it makes background
/// ("since the town was retaken": three).
const SINCE_REACH: usize = 5;

/// A death toll from which on a sentence about "the fighting" with no
/// date and no place sums up a campaign ("les combats ont fait 1.093
/// morts") rather than reports one clash.
pub const CAMPAIGN_TOLL: f64 = 500.0;

pub fn campaign_toll(ann: &Annotation, t: &Tagged<usize>) -> bool {
    let big = ann.numbers.iter().any(|n| {
        n.sentence == t.sentence
            && n.value.counts == Some(vigie_core::Counted::Killed)
            && n.value.value >= CAMPAIGN_TOLL
    });
    big && !ann.dates.iter().any(|d| d.sentence == t.sentence)
        && !ann.places.iter().any(|p| p.sentence == t.sentence)
}
