//! The sides of an event when its clause leaves them out: the frame's
//! own conventions (protesters of the country, rioters, civilians as the
//! victims of violence), the state named by an adjective ("une frappe
//! turque"), the doer another mention of the same event names, the
//! armed group the paragraph names, the sides of the article's last
//! event.

use crate::roles::Roles;
use crate::Context;
use vigie_annotate::{Annotation, Tagged};
use vigie_core::taxonomy::inter;
use vigie_core::{ActorMention, SubEventType};
use vigie_lexicon::{Frame, Lexicon, Trigger, TriggerSubEvent};

/// A trigger whose own sentence names its doer.
#[derive(Debug)]
pub struct NamedDoer {
    pub sub: SubEventType,
    pub sentence: usize,
    pub actor1: ActorMention,
    pub actor2: Option<ActorMention>,
}

/// The sides of one trigger's event, with where they came from.
#[derive(Debug, Clone, Default)]
pub struct Sides {
    pub actor1: Option<ActorMention>,
    /// The span of actor1 when its clause names it.
    pub actor1_span: Option<vigie_core::Span>,
    pub actor2: Option<ActorMention>,
    pub actor2_span: Option<vigie_core::Span>,
    pub assoc1: Vec<String>,
    pub assoc2: Vec<String>,
    /// actor1 was taken from the context, not the clause.
    pub from_context: bool,
    /// Property destruction by an armed group written with a riot word.
    pub sub_override: Option<SubEventType>,
    /// actor2 is the article's most named opponent, a guess: it does not
    /// carry over to the next events.
    pub actor2_guessed: bool,
}

/// The doers named beside the article's triggers of a fixed sub-event
/// type, for mentions that repeat an event without naming who did it.
pub fn named_doers<E>(
    ann: &Annotation,
    lex: &Lexicon,
    attached: &[Result<Roles, E>],
) -> Vec<NamedDoer> {
    ann.triggers
        .iter()
        .zip(attached)
        .filter_map(|(t, r)| {
            let r = r.as_ref().ok()?;
            let rule = lex.triggers.rule(t.value)?;
            let TriggerSubEvent::Fixed(sub) = rule.sub_event else {
                return None;
            };
            Some(NamedDoer {
                sub,
                sentence: t.sentence,
                actor1: r.actor1.as_ref()?.value.clone(),
                actor2: r.actor2.as_ref().map(|a| a.value.clone()),
            })
        })
        .collect()
}

/// The actor a per-country template gives for the article's focus
/// country ("Civilians ({name_en})").
pub fn country_actor(cx: &Context, template: &str) -> Option<ActorMention> {
    let c = cx.ann.focus.as_deref()?;
    let a = cx.lex.actors.generated(template, c)?;
    Some(ActorMention {
        canonical: a.name.clone(),
        inter: a.inter,
        country: Some(c.to_string()),
        generic: Some("country".into()),
    })
}

/// The sides of a trigger's event: those its clause gives (`r`), then the
/// frame's conventions and the context. `last` is the article's last
/// event's pair of sides.
pub fn sides(
    cx: &Context,
    t: &Tagged<usize>,
    rule: &Trigger,
    r: &Roles,
    named: &[NamedDoer],
    last: Option<&(ActorMention, Option<ActorMention>)>,
) -> Sides {
    let (ann, lex) = (cx.ann, cx.lex);
    let mut s = Sides {
        actor1: r.actor1.as_ref().map(|a| a.value.clone()),
        actor1_span: r.actor1.as_ref().map(|a| a.span),
        actor2: r.actor2.as_ref().map(|a| a.value.clone()),
        actor2_span: r.actor2.as_ref().map(|a| a.span),
        assoc1: r.assoc1.iter().map(|a| a.value.canonical.clone()).collect(),
        assoc2: r.assoc2.iter().map(|a| a.value.canonical.clone()).collect(),
        ..Sides::default()
    };
    match rule.frame {
        Frame::Protest | Frame::Disperse => {
            // The protesters of the country act; police intervene; a
            // named organising group marches with them.
            let police = s.actor1.clone().filter(|a| a.inter == inter::STATE_FORCES);
            let organiser = s
                .actor1
                .clone()
                .filter(|a| a.inter != inter::STATE_FORCES && a.inter != inter::PROTESTERS);
            s.actor1 = country_actor(cx, "Protesters ({name_en})");
            s.actor1_span = None;
            if rule.frame == Frame::Disperse {
                s.actor2 = police.or_else(|| country_actor(cx, "Police Forces of {name_en}"));
                s.actor2_span = None;
            }
            if let Some(o) = organiser {
                push_unique(&mut s.assoc1, &o.canonical);
            }
        }
        // Burning and looting by an armed group is property
        // destruction, not a riot.
        Frame::Riot
            if s.actor1
                .as_ref()
                .is_some_and(|a| matches!(a.inter, 1..=3 | 8) && s.actor1_span.is_some()) =>
        {
            s.sub_override = Some(SubEventType::LootingPropertyDestruction);
            if s.actor2.is_none() {
                s.actor2 = country_actor(cx, "Civilians ({name_en})");
                s.actor2_span = None;
            }
        }
        Frame::Riot if s.actor1.as_ref().is_none_or(|a| a.inter != inter::RIOTERS) => {
            s.actor1 = country_actor(cx, "Rioters ({name_en})");
            s.actor1_span = None;
        }
        _ => {}
    }
    // Strikes without a named actor: "a Russian Federation missile",
    // "une frappe turque": the state forces of the country named just
    // before the trigger.
    if s.actor1.is_none() && matches!(rule.frame, Frame::Strike) {
        s.actor1 = ann
            .countries
            .iter()
            .filter(|c| c.sentence == t.sentence && c.last < t.first && t.first - c.last <= 6)
            .max_by_key(|c| c.last)
            .and_then(|c| {
                lex.actors
                    .generated("Military Forces of {name_en}", &c.value)
            })
            .map(|a| ActorMention {
                canonical: a.name.clone(),
                inter: a.inter,
                country: a.countries.first().cloned(),
                generic: Some("country".into()),
            });
    }
    // An event named again without its doer ("l'attaque chimique
    // contre la ville" after "l'attaque chimique attribuée au régime"):
    // the doer the nearest mention of the same kind names.
    if s.actor1.is_none()
        && matches!(
            rule.frame,
            Frame::Strike | Frame::Explode | Frame::Kill | Frame::Abduct | Frame::Attack
        )
    {
        if let TriggerSubEvent::Fixed(sub) = rule.sub_event {
            if let Some(n) = named
                .iter()
                .filter(|n| n.sub == sub && n.sentence != t.sentence)
                .min_by_key(|n| (n.sentence.abs_diff(t.sentence), n.sentence > t.sentence))
            {
                s.actor1 = Some(n.actor1.clone());
                if s.actor2.is_none() {
                    s.actor2.clone_from(&n.actor2);
                    s.actor2_span = None;
                }
                s.from_context = true;
            }
        }
    }
    // Bombings and attacks on civilians whose perpetrator the sentence
    // does not name: the armed group the paragraph or the article names
    // ("il porte la marque de Boko Haram"), else an unidentified one.
    if s.actor1.is_none()
        && matches!(
            rule.frame,
            Frame::Explode | Frame::Kill | Frame::Abduct | Frame::Attack
        )
    {
        let block = ann.sentences.get(t.sentence).map(|s| s.block);
        s.actor1 = ann
            .actors
            .iter()
            .filter(|a| matches!(a.value.inter, 2..=4) && a.value.generic.is_none())
            .min_by_key(|a| {
                let same_block = ann.sentences.get(a.sentence).map(|s| s.block) == block;
                (!same_block, a.span.gap(t.span))
            })
            .map(|a| a.value.clone())
            .or_else(|| {
                let country = ann.focus.as_deref().and_then(|c| lex.countries.get(c))?;
                Some(ActorMention {
                    canonical: format!("Unidentified Armed Group ({})", country.name_en),
                    inter: inter::POLITICAL_MILITIAS,
                    country: Some(country.iso2.clone()),
                    generic: Some("unidentified".into()),
                })
            });
        s.from_context = true;
    }
    // Strikes whose sentence names no striker ("l'attaque au missile
    // sur la gare"): the armed force the paragraph, else the article,
    // names nearest to it ("les troupes d'occupation russes").
    if s.actor1.is_none() && rule.frame == Frame::Strike {
        let block = ann.sentences.get(t.sentence).map(|s| s.block);
        s.actor1 = ann
            .actors
            .iter()
            .filter(|a| matches!(a.value.inter, 1..=3 | 8))
            .min_by_key(|a| {
                let same_block = ann.sentences.get(a.sentence).map(|s| s.block) == block;
                (!same_block, a.value.generic.is_some(), a.span.gap(t.span))
            })
            .map(|a| a.value.clone());
        // Nobody named at all: ACLED's unidentified military forces.
        if s.actor1.is_none() {
            s.actor1 = Some(ActorMention {
                canonical: "Unidentified Military Forces".into(),
                inter: inter::EXTERNAL,
                country: None,
                generic: Some("unidentified".into()),
            });
        }
        s.from_context = true;
    }
    // Civilians named in a strike's sentence are its target.
    if s.actor2.is_none() && rule.frame == Frame::Strike {
        if let Some(c) = ann
            .actors
            .iter()
            .find(|a| a.sentence == t.sentence && a.value.inter == inter::CIVILIANS)
        {
            s.actor2 = Some(c.value.clone());
            s.actor2_span = Some(c.span);
        }
    }
    if s.actor1.is_none() {
        if let Some((a1, a2)) = last {
            // The side of the last event that is not this one's target.
            let is_target = s
                .actor2
                .as_ref()
                .is_some_and(|x| x.canonical == a1.canonical);
            if is_target {
                s.actor1 = a2.clone();
            } else {
                s.actor1 = Some(a1.clone());
                if s.actor2.is_none() {
                    s.actor2 = a2.clone();
                }
            }
            s.from_context = s.actor1.is_some();
        }
    }
    // A place taken from a named side by an unnamed one ("we freed the
    // town from the YPG"): the armed actor the article names most.
    if s.actor1.is_none() && matches!(rule.frame, Frame::Capture | Frame::Expel | Frame::Clash) {
        if let Some(target) = &s.actor2 {
            s.actor1 = most_named_other(ann, &target.canonical);
            s.from_context = s.actor1.is_some();
        }
    }
    // A change of territory without a named loser: the other side of
    // the article's last event ("the city" was taken from them).
    if s.actor2.is_none() && matches!(rule.frame, Frame::Capture | Frame::Expel) {
        if let (Some(a1), Some((l1, l2))) = (&s.actor1, last) {
            s.actor2 = if l1.canonical != a1.canonical {
                Some(l1.clone())
            } else {
                l2.clone()
            };
            s.actor2_span = None;
        }
    }
    // Nobody named on the other side. A strike that killed people or hit
    // homes with no armed side suffering it hit civilians; a fight, a
    // strike on fighters or a change of territory was against the side the
    // paragraph, else the article, names most on the other side.
    if s.actor2.is_none() {
        if let Some(a1) = s.actor1.clone() {
            match rule.frame {
                Frame::Strike if civilians_hit(cx, t, &a1) => {
                    s.actor2 = country_actor(cx, "Civilians ({name_en})");
                }
                Frame::Strike
                | Frame::Clash
                | Frame::Repel
                | Frame::Capture
                | Frame::Expel
                | Frame::Attack
                    if !r.civilian_target =>
                {
                    s.actor2 = opponent(ann, t, &a1);
                    s.actor2_guessed = s.actor2.is_some();
                    // An armed group's attack that killed people, with no
                    // armed side anywhere to suffer it, was on civilians.
                    if s.actor2.is_none()
                        && rule.frame == Frame::Attack
                        && matches!(a1.inter, 2..=4)
                        && civilians_hit(cx, t, &a1)
                    {
                        s.actor2 = country_actor(cx, "Civilians ({name_en})");
                    }
                }
                _ => {}
            }
            s.actor2_span = None;
        }
    }
    if (matches!(
        rule.frame,
        Frame::Explode | Frame::Kill | Frame::Abduct | Frame::Loot
    ) || r.civilian_target)
        && s.actor2.is_none()
    {
        s.actor2 = country_actor(cx, "Civilians ({name_en})");
        s.actor2_span = None;
    }
    // The other side is never actor1 itself, nor the state forces of
    // actor1's own state ("postes de police" taken by the army).
    if let Some(a1) = &s.actor1 {
        let same_side = |a: &ActorMention| {
            a.canonical == a1.canonical
                || (a.inter == inter::STATE_FORCES
                    && a1.inter == inter::STATE_FORCES
                    && a.country.is_some()
                    && a.country == a1.country)
        };
        if s.actor2.as_ref().is_some_and(same_side) {
            s.actor2 = None;
            s.actor2_span = None;
        }
        let name = a1.canonical.clone();
        s.assoc1.retain(|a| *a != name);
    }
    s
}

/// Whether a strike's sentence tells of civilians hit: a civilian object
/// (homes, a market), or dead with no armed side of the sentence but the
/// striker.
fn civilians_hit(cx: &Context, t: &Tagged<usize>, striker: &ActorMention) -> bool {
    let ann = cx.ann;
    let Some(f) = ann.folded.get(t.sentence) else {
        return false;
    };
    let object = cx.lex.cues.roles.find_all(f).iter().any(|m| {
        cx.lex
            .cues
            .roles
            .payloads(m.pattern)
            .any(|c| *c == vigie_lexicon::RoleCue::CivilianTarget)
    });
    let dead = ann.numbers.iter().any(|n| {
        n.sentence == t.sentence
            && n.value.value > 0.0
            && matches!(
                n.value.counts,
                Some(vigie_core::Counted::Killed | vigie_core::Counted::Wounded)
            )
    });
    let armed_other = ann.actors.iter().any(|a| {
        a.sentence == t.sentence
            && matches!(a.value.inter, 1..=4 | 8)
            && a.value.canonical != striker.canonical
            && !ann.claims.iter().any(|cl| cl.span.overlaps(a.span))
    });
    object || (dead && !armed_other)
}

/// The other side of a fight whose clause names one side: the armed actor
/// of the other kind (non-state against state forces, state forces or
/// another group against a non-state one) named most in the trigger's
/// paragraph, else in the article; ties to the nearest.
fn opponent(ann: &Annotation, t: &Tagged<usize>, a1: &ActorMention) -> Option<ActorMention> {
    let state = |inter: u8| matches!(inter, inter::STATE_FORCES | inter::EXTERNAL);
    let other_kind = |a: &ActorMention| {
        a.canonical != a1.canonical
            && matches!(a.inter, 1..=4 | 8)
            && if state(a1.inter) {
                !state(a.inter)
            } else {
                true
            }
            && !(state(a.inter) && state(a1.inter))
    };
    let block = ann.sentences.get(t.sentence).map(|s| s.block);
    let pick = |in_block: bool| -> Option<ActorMention> {
        let mut counts: Vec<(&ActorMention, usize, usize)> = Vec::new();
        for a in &ann.actors {
            let same_block = ann.sentences.get(a.sentence).map(|s| s.block) == block;
            // A source ("selon la police", "police said") takes no part.
            let source = ann.claims.iter().any(|cl| cl.span.overlaps(a.span));
            if (in_block && !same_block) || !other_kind(&a.value) || source {
                continue;
            }
            let gap = a.span.gap(t.span);
            match counts
                .iter_mut()
                .find(|(m, _, _)| m.canonical == a.value.canonical)
            {
                Some(c) => {
                    c.1 += 1;
                    c.2 = c.2.min(gap);
                }
                None => counts.push((&a.value, 1, gap)),
            }
        }
        counts
            .into_iter()
            .max_by_key(|&(_, n, gap)| (n, std::cmp::Reverse(gap)))
            .map(|(m, _, _)| m.clone())
    };
    pick(true).or_else(|| pick(false))
}

/// The armed actor named most often in the article (by name, not by a
/// generic word), other than `other`; ties go to the earliest.
fn most_named_other(ann: &Annotation, other: &str) -> Option<ActorMention> {
    let mut counts: Vec<(&ActorMention, usize, usize)> = Vec::new();
    for a in &ann.actors {
        let v = &a.value;
        if v.generic.is_some() || v.canonical == other || !matches!(v.inter, 1..=3 | 8) {
            continue;
        }
        match counts
            .iter_mut()
            .find(|(m, _, _)| m.canonical == v.canonical)
        {
            Some(c) => c.1 += 1,
            None => counts.push((v, 1, a.span.start)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n, start)| (n, std::cmp::Reverse(start)))
        .map(|(m, _, _)| m.clone())
}

pub(crate) fn push_unique(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_string());
    }
}
