//! Role attachment: which actors of a sentence are actor1, actor2 and
//! their allies for a trigger, by its frame (see the head of
//! `data/lexicon/fr/triggers.toml`) and the role cues of `roles.toml`.

use vigie_annotate::{Annotation, Tagged};
use vigie_core::taxonomy::inter;
use vigie_core::ActorMention;
use vigie_lexicon::{Frame, Lexicon, RoleCue};

/// One actor of the sentence with the cue before it.
#[derive(Debug, Clone)]
pub struct Cued<'a> {
    pub actor: &'a Tagged<ActorMention>,
    pub cue: Option<RoleCue>,
}

/// The actors found for a trigger.
#[derive(Debug, Clone, Default)]
pub struct Roles {
    pub actor1: Option<Tagged<ActorMention>>,
    pub actor2: Option<Tagged<ActorMention>>,
    pub assoc1: Vec<Tagged<ActorMention>>,
    pub assoc2: Vec<Tagged<ActorMention>>,
    pub passive: bool,
    /// The trigger's object is a village, a market, worshippers...: the
    /// victims are civilians whatever armed actor the sentence also names.
    pub civilian_target: bool,
}

const DETERMINERS: &[&str] = &[
    "l", "la", "le", "les", "un", "une", "des", "du", "de", "d", "the", "a", "an", "ses", "son",
    "sa", "leurs", "leur", "its", "their",
];

/// Tokens after a trigger within which "par"/"by" introduces its agent.
const AGENT_REACH: usize = 8;

/// Role cues by last token for one sentence.
pub fn role_cues(ann: &Annotation, sentence: usize, lex: &Lexicon) -> Vec<(usize, usize, RoleCue)> {
    let Some(folded) = ann.folded.get(sentence) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for m in lex.cues.roles.find_all(folded) {
        for c in lex.cues.roles.payloads(m.pattern) {
            out.push((m.first, m.last, *c));
        }
    }
    out
}

/// The role cue right before token `first` (skipping determiners and, for
/// support cues, a few words like "l'aviation").
fn cue_before(
    ann: &Annotation,
    sentence: usize,
    first: usize,
    cues: &[(usize, usize, RoleCue)],
) -> Option<RoleCue> {
    let folded = ann.folded.get(sentence)?;
    // A cue ending right before the actor ("aux mains des ...").
    if let Some(c) = cues
        .iter()
        .filter(|&&(_, l, _)| l + 1 == first)
        .max_by_key(|&&(f, _, _)| first - f)
    {
        return Some(c.2);
    }
    let mut k = first;
    let mut skipped = 0;
    while k > 0 && skipped < 3 && DETERMINERS.contains(&folded.token_text(k - 1)) {
        // A determiner may itself be a cue ("à", "de" are not determiners;
        // "du" may be "aux mains du").
        if cues.iter().any(|&(_, l, _)| l == k - 1) {
            break;
        }
        k -= 1;
        skipped += 1;
    }
    // Longest cue ending right before (prefer specific ones over "et").
    cues.iter()
        .filter(|&&(_, l, _)| l + 1 == k)
        .max_by_key(|&&(f, _, c)| (c != RoleCue::Between || f + 1 < k, k - f))
        .map(|&(_, _, c)| c)
}

/// Words that open a relative clause (another verb's arguments follow).
pub fn is_relative(word: &str) -> bool {
    matches!(
        word,
        "qui" | "dont" | "lequel" | "laquelle" | "lesquels" | "which" | "who" | "whose" | "whom"
    )
}

fn same(a: &Tagged<ActorMention>, b: &Tagged<ActorMention>) -> bool {
    a.value.canonical == b.value.canonical
}

/// Attaches roles for a trigger spanning tokens `first..=last`.
pub fn attach(
    ann: &Annotation,
    lex: &Lexicon,
    sentence: usize,
    first: usize,
    last: usize,
    frame: Frame,
) -> Roles {
    let cues = role_cues(ann, sentence, lex);
    let actors: Vec<Cued> = ann
        .actors
        .iter()
        .filter(|a| a.sentence == sentence)
        .map(|a| Cued {
            actor: a,
            cue: cue_before(ann, sentence, a.first, &cues),
        })
        .collect();
    // Actors overlapping the trigger ("frappes aériennes russes") act.
    let overlapping: Vec<&Cued> = actors
        .iter()
        .filter(|c| c.actor.first <= last && c.actor.last >= first)
        .collect();
    let before: Vec<&Cued> = actors.iter().filter(|c| c.actor.last < first).collect();
    // A source named after the trigger ("..., police said") takes no part.
    let claimant = |c: &&Cued| ann.claims.iter().any(|cl| cl.span.overlaps(c.actor.span));
    let after: Vec<&Cued> = actors
        .iter()
        .filter(|c| c.actor.first > last && !claimant(c))
        .collect();
    // A passive auxiliary right before the trigger, or opening it ("a été
    // reprise par", a trigger written "été reprise").
    let passive = cues.iter().any(|&(f, l, c)| {
        c == RoleCue::Passive && (l + 1 == first || l + 2 == first || (f == first && l < last))
    });
    let is = |c: &Cued, cue: RoleCue| c.cue == Some(cue);
    // Civilians and protesters suffer violence; they only act in protests.
    let unarmed_frame = matches!(frame, Frame::Protest | Frame::Disperse | Frame::Riot);
    let can_act = |c: &Cued| {
        unarmed_frame || !matches!(c.actor.value.inter, inter::PROTESTERS | inter::CIVILIANS)
    };
    // An actor that suffered the event ("neuf soldats ont été tués", "the
    // rebels perished in raids"): a victim, never the doer.
    let suffered = |c: &Cued| {
        let after_actor = c.actor.last + 1;
        cues.iter().any(|&(f, _, cue)| {
            cue == RoleCue::Suffered
                && f >= after_actor
                && f <= after_actor + 3
                && !actors
                    .iter()
                    .any(|o| o.actor.first >= after_actor && o.actor.first < f)
        })
    };
    let plain = |c: &&Cued| {
        can_act(c)
            && !suffered(c)
            && !matches!(
                c.cue,
                Some(RoleCue::Support | RoleCue::Loser | RoleCue::Target | RoleCue::Agent)
            )
    };
    // A trigger in a clause of its own ("... were killed when militants
    // attacked") takes its subject there when the clause names one.
    let clause_start = cues
        .iter()
        .filter(|&&(_, l, c)| c == RoleCue::Clause && l < first)
        .map(|&(_, l, _)| l + 1)
        .max();
    let in_clause: Vec<&Cued> = match clause_start {
        Some(start) if before.iter().any(|c| c.actor.first >= start && plain(c)) => before
            .iter()
            .copied()
            .filter(|c| c.actor.first >= start)
            .collect(),
        _ => before.clone(),
    };
    // A source before its report ("the army said ISWAP fighters attacked")
    // is not the subject when the report names one.
    let source_before = |c: &&Cued| {
        claimant(c)
            && in_clause
                .iter()
                .any(|o| o.actor.first > c.actor.last && plain(o) && !claimant(o))
    };
    let folded = ann.folded.get(sentence);
    // The antecedent of a relative pronoun opening the trigger's clause is
    // its subject: "repoussée par les FDS qui affirment avoir bombardé des positions".
    let relative_subject = folded.and_then(|f| {
        let pronoun = (first.saturating_sub(8)..first)
            .rev()
            .find(|&k| matches!(f.token_text(k), "qui" | "who" | "which"))?;
        if before.iter().any(|c| c.actor.first > pronoun) {
            return None;
        }
        before
            .iter()
            .copied()
            .find(|c| c.actor.last + 1 == pronoun && can_act(c))
    });
    // The actor right before the verb, after a comma that closes a
    // participial phrase ("Appuyées par l'aviation russe et le Hezbollah,
    // les troupes gouvernementales tiennent ..."), is its subject.
    let adjacent = in_clause.iter().copied().rev().find(|c| {
        plain(c)
            && first - c.actor.last <= 2
            && folded.is_some_and(|f| {
                (c.actor.first.saturating_sub(2)..c.actor.first).any(|k| f.token_text(k) == ",")
            })
    });
    let subject = relative_subject
        .filter(|c| !suffered(c))
        .or(adjacent)
        .or_else(|| {
            in_clause
                .iter()
                .copied()
                .find(|c| plain(c) && !source_before(c))
        })
        .or_else(|| overlapping.iter().copied().find(|c| can_act(c)));
    // The agent of the trigger's own participle, not of a relative
    // clause after it ("chassés de la ville, qui ..., occupée par Daech").
    let same_clause = |c: &&Cued| {
        folded.is_none_or(|f| !(last + 2..c.actor.first).any(|k| is_relative(f.token_text(k))))
    };
    // A perpetrator named after the trigger: a perpetrator cue at most
    // three words after it, then an actor or a leader at most three words
    // after the cue ("attribuée au régime", "imputée mardi au « dictateur
    // Bachar al-Assad »"), with no clause between.
    let words_between = |from: usize, to: usize, comma: bool| -> Option<usize> {
        let f = folded?;
        let mut words = 0;
        for k in from..to {
            match f.token_text(k) {
                "\"" | "'" | "’" | "-" => {}
                "," if comma => {}
                w if w.chars().all(char::is_alphanumeric) && !is_relative(w) => words += 1,
                _ => return None,
            }
        }
        Some(words)
    };
    let perpetrator: Option<Cued> = cues
        .iter()
        .filter(|&&(f, _, c)| {
            c == RoleCue::Perpetrator
                && f > last
                && words_between(last + 1, f, true).is_some_and(|n| n <= 3)
        })
        .min_by_key(|&&(f, _, _)| f)
        .and_then(|&(_, l, _)| {
            ann.actors
                .iter()
                .chain(&ann.leaders)
                .filter(|a| a.sentence == sentence && a.first > l)
                .filter(|a| !matches!(a.value.inter, inter::PROTESTERS | inter::CIVILIANS))
                .filter(|a| words_between(l + 1, a.first, false).is_some_and(|n| n <= 3))
                .min_by_key(|a| a.first)
        })
        .map(|a| Cued {
            actor: a,
            cue: Some(RoleCue::Perpetrator),
        });
    // The agent of the trigger itself, close after it ("reprise par
    // l'armée", "l'attaque d'un camp par des jihadistes"), not of another
    // participle further on ("une base ... tenue par des soldats").
    let agent = after
        .iter()
        .copied()
        .filter(same_clause)
        .filter(|c| c.actor.first - last <= AGENT_REACH)
        .find(|c| is(c, RoleCue::Agent) && can_act(c))
        .or(perpetrator.as_ref());
    let first_after_plain = after
        .iter()
        .copied()
        .find(|c| !is(c, RoleCue::Support) && !is(c, RoleCue::Agent) && can_act(c));
    let victim_after = after
        .iter()
        .copied()
        .find(|c| !is(c, RoleCue::Support) && !is(c, RoleCue::Agent));
    let loser_after = after
        .iter()
        .copied()
        .find(|c| is(c, RoleCue::Loser) && can_act(c))
        .or(first_after_plain);
    // How far after a trigger its object may be ("stormed the remote
    // village", "ont attaqué dimanche le village").
    const OBJECT_REACH: usize = 4;
    let civilian_target = matches!(frame, Frame::Attack | Frame::Clash | Frame::Kill)
        && cues
            .iter()
            .any(|&(f, _, c)| c == RoleCue::CivilianTarget && f > last && f - last <= OBJECT_REACH);
    // An actor introduced by "de", "of": the doer of a noun.
    let genitive = |c: &Cued| {
        folded.is_some_and(|f| {
            let mut k = c.actor.first;
            while k > 0
                && DETERMINERS.contains(&f.token_text(k - 1))
                && !matches!(f.token_text(k - 1), "de" | "d" | "du" | "des")
            {
                k -= 1;
            }
            k > 0 && matches!(f.token_text(k - 1), "de" | "d" | "du" | "des" | "of")
        })
    };
    let mut roles = Roles {
        passive,
        civilian_target,
        ..Roles::default()
    };
    let (a1, a2): (Option<&Cued>, Option<&Cued>) = match frame {
        Frame::Capture => {
            if passive {
                (agent, None)
            } else {
                (subject, loser_after)
            }
        }
        Frame::Expel => {
            if passive {
                (agent, subject)
            } else {
                (subject, first_after_plain)
            }
        }
        Frame::Repel => {
            if passive {
                (subject, agent)
            } else {
                (first_after_plain.or(agent), subject)
            }
        }
        Frame::Clash | Frame::Agreement => match subject {
            Some(s) => (
                Some(s),
                after
                    .iter()
                    .copied()
                    .find(|c| !same(c.actor, s.actor) && !is(c, RoleCue::Support) && can_act(c)),
            ),
            None => {
                let mut it = after
                    .iter()
                    .copied()
                    .filter(|c| !is(c, RoleCue::Support) && can_act(c));
                let x = it.next();
                let y = it.find(|c| x.is_none_or(|x| !same(c.actor, x.actor)));
                (x, y)
            }
        },
        Frame::Strike
        | Frame::Attack
        | Frame::Kill
        | Frame::Abduct
        | Frame::Arrest
        | Frame::Loot
        | Frame::Base => {
            if passive {
                (
                    agent.or(first_after_plain),
                    before.iter().copied().find(|c| !is(c, RoleCue::Support)),
                )
            } else {
                let target = after
                    .iter()
                    .copied()
                    .find(|c| is(c, RoleCue::Target))
                    .or(victim_after);
                // An agent after a nominal trigger names the doer, and the
                // actor before it is who suffered: "neuf soldats tués dans
                // l'attaque d'un camp par des jihadistes".
                match (subject, agent) {
                    (Some(s), Some(ag)) if !same(ag.actor, s.actor) && is(ag, RoleCue::Agent) => {
                        (Some(ag), Some(s))
                    }
                    // A perpetrator named after the fact ("l'attaque
                    // chimique attribuée au régime") did it; the subject
                    // of the sentence may be anyone talking about it.
                    (_, Some(p)) if is(p, RoleCue::Perpetrator) => {
                        (Some(p), target.filter(|t| !same(t.actor, p.actor)))
                    }
                    (Some(s), _) | (None, Some(s)) => {
                        // No target after the trigger: the object of the
                        // verb before it ("X killed seven soldiers in an
                        // attack on an outpost"), not an ally ("X et Y").
                        let object_before = || {
                            before.iter().copied().find(|c| {
                                c.actor.first > s.actor.last
                                    && !same(c.actor, s.actor)
                                    && !is(c, RoleCue::Support)
                                    && folded.is_none_or(|f| {
                                        !matches!(f.token_text(c.actor.first - 1), "et" | "and")
                                    })
                            })
                        };
                        let t = target
                            .filter(|t| !same(t.actor, s.actor))
                            .or_else(object_before);
                        (Some(s), t)
                    }
                    // No subject: an actor after a noun trigger, in the
                    // genitive, did it ("une frappe de drone de l'armée");
                    // after a verb it is the object ("ont pris d'assaut la
                    // base de la Monusco").
                    (None, None) => match first_after_plain {
                        Some(c) if !genitive(c) && frame == Frame::Attack => (None, Some(c)),
                        other => (other, None),
                    },
                }
            }
        }
        // A bomb's target: the armed side named after it ("a landmine
        // struck a military truck": the army), not an ally.
        Frame::Explode => {
            let doer = agent.or(subject);
            let hit = after.iter().copied().find(|c| {
                !is(c, RoleCue::Support)
                    && !is(c, RoleCue::Agent)
                    && doer.is_none_or(|d| !same(d.actor, c.actor))
            });
            (doer, hit)
        }
        Frame::Protest | Frame::Disperse | Frame::Riot | Frame::Withdraw => {
            (subject.or(first_after_plain), None)
        }
    };
    // Nobody named as the target: whoever suffered it ("three PMF fighters
    // were killed when ...", "des rebelles ont péri dans des raids").
    let victim_frame = matches!(
        frame,
        Frame::Strike | Frame::Attack | Frame::Kill | Frame::Clash | Frame::Explode | Frame::Abduct
    );
    let a2 = a2.or_else(|| {
        victim_frame
            .then(|| {
                actors
                    .iter()
                    .find(|c| suffered(c) && a1.is_none_or(|x| !same(x.actor, c.actor)))
            })
            .flatten()
    });
    roles.actor1 = a1.map(|c| c.actor.clone());
    roles.actor2 = a2
        .map(|c| c.actor.clone())
        .filter(|a| roles.actor1.as_ref().is_none_or(|b| !same(a, b)));
    if civilian_target
        && roles
            .actor2
            .as_ref()
            .is_none_or(|a| a.value.inter != inter::CIVILIANS)
    {
        roles.actor2 = actors
            .iter()
            .find(|c| c.actor.value.inter == inter::CIVILIANS)
            .map(|c| c.actor.clone());
    }
    let coordinated = |c: &Cued| {
        // "X et Y" before the trigger: Y fights beside X.
        c.actor.first > 0
            && folded.is_some_and(|f| matches!(f.token_text(c.actor.first - 1), "et" | "and"))
            && roles
                .actor1
                .as_ref()
                .is_some_and(|a| a.last < c.actor.first)
    };
    for c in before.iter().chain(after.iter()) {
        let ally =
            (is(c, RoleCue::Support) || (c.actor.last < first && coordinated(c))) && can_act(c);
        let new = roles.actor1.as_ref().is_none_or(|m| !same(m, c.actor))
            && roles.actor2.as_ref().is_none_or(|m| !same(m, c.actor))
            && !roles.assoc1.iter().any(|x| same(x, c.actor));
        if ally && new {
            roles.assoc1.push(c.actor.clone());
        }
    }
    roles
}
