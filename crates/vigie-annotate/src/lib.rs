//! Annotators of vigie: everything found in an article before events are
//! built: dates, numbers, actors, places, claims and event triggers, each
//! with a byte span into the original text.
//!
//! [`annotate`] runs them all on an article whose body has been cleaned
//! (see `vigie_text::prepare`) and returns an [`Annotation`]: per-kind
//! lists tagged with their sentence and tokens, for the extractor, and
//! [`Annotation::mentions`], the flat list `vigie annotate` prints.
//!
//! Architecture invariant: pure functions of the article and the lexicon;
//! no I/O, no panics on any input.

pub mod actors;
pub mod claims;
pub mod context;
pub mod dates;
pub mod meta;
pub mod numbers;
pub mod places;

use context::SentenceView;
use rustc_hash::FxHashMap as HashMap;
use vigie_core::{
    ActorMention, Article, ClaimMention, DateMention, Mention, MentionValue, NumberMention,
    PlaceMention, Span, SubEventType, TriggerMention,
};
use vigie_lexicon::{Lexicon, PlaceCueKind, PlaceRole, TriggerSubEvent};
use vigie_text::{Folded, Sentence};

/// A value found in a sentence, with its tokens and span.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged<T> {
    pub sentence: usize,
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub value: T,
}

/// A place with how the text introduced it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceFound {
    pub mention: PlaceMention,
    pub cue: Option<PlaceCueKind>,
    /// Set when the place is not the scene of an event (an origin, a
    /// venue, a sponsor's seat, a caption).
    pub role: Option<vigie_lexicon::PlaceRole>,
}

/// Everything the annotators found in one article.
#[derive(Debug, Clone, Default)]
pub struct Annotation {
    pub sentences: Vec<Sentence>,
    /// The folded tokens of each sentence.
    pub folded: Vec<Folded>,
    /// Trigger rule indexes of `Lexicon::triggers`.
    pub triggers: Vec<Tagged<usize>>,
    pub actors: Vec<Tagged<ActorMention>>,
    /// Leaders named outside an actor's name ("Bachar al-Assad"), as the
    /// actor they lead: the extractor counts them only as the doer named
    /// after an event ("imputée à Bachar al-Assad").
    pub leaders: Vec<Tagged<ActorMention>>,
    pub places: Vec<Tagged<PlaceFound>>,
    pub dates: Vec<Tagged<DateMention>>,
    pub numbers: Vec<Tagged<NumberMention>>,
    pub claims: Vec<Tagged<ClaimMention>>,
    /// Country names and adjectives ("syrienne", "Russian Federation"),
    /// as ISO alpha-2 codes.
    pub countries: Vec<Tagged<String>>,
    /// The article's main country (ISO alpha-2).
    pub focus: Option<String>,
    /// A wire dateline opening the first sentence ("KIEV, 19 octobre
    /// 2022 –"): where and when the story was filed, not where and when
    /// its events happened.
    pub dateline: Option<Span>,
}

/// The size an admin1 division counts for when a name votes for a country.
const ADMIN1_VOTE_SIZE: u64 = 100_000;

/// How many times larger a place must be than its namesakes abroad for its
/// name to vote for its country.
const DOMINANT_MATCH: u64 = 10;

/// What a nationality inside an actor's name weighs for the article's
/// country focus (a country named as such weighs 1, a town 0.5).
const ACTOR_NATIONALITY_WEIGHT: f64 = 0.4;

/// What a mention of a named actor of one country (a gang of Haiti, a
/// rebel group of Congo) weighs for the article's country, and at most
/// over all its mentions: a little less than a town of that country.
const NAMED_ACTOR_WEIGHT: f64 = 0.4;
const NAMED_ACTOR_MAX: f64 = 1.0;

/// The span of a dateline at the start of a sentence: capitalised words
/// and a comma, then a dash, within the first dozen tokens.
fn dateline(v: &SentenceView) -> Option<Span> {
    if !v.capitalized(0) {
        return None;
    }
    // A dash token (en or em dash), or an ASCII " - " between two tokens
    // (hyphens are not tokens).
    let end = (1..v.len().min(14)).find_map(|k| {
        if matches!(v.word(k), "-" | "–" | "—") {
            Some(k)
        } else {
            let gap = v.gap(k - 1, k);
            (gap.contains(" - ") || gap.contains(" -- ") || gap.contains("--")).then_some(k - 1)
        }
    })?;
    // "KIEV, 19 octobre -", or a city in capitals: "BAGHDAD (Reuters) -",
    // "EL FASHER / KABKABIYA –".
    let caps =
        v.folded.tokens.first().is_some_and(|t| t.all_caps) && v.original(0).chars().count() >= 3;
    ((0..end).any(|k| v.word(k) == ",") || caps).then(|| v.span_of(0, end))
}

fn tagged<T>(s: &SentenceView, first: usize, last: usize, value: T) -> Tagged<T> {
    Tagged {
        sentence: s.index,
        first,
        last,
        span: s.span_of(first, last),
        value,
    }
}

/// Annotates an article: sentences, then metadata from the text, dates,
/// numbers, claims, actors, places and triggers.
pub fn annotate(article: &mut Article, lex: &Lexicon) -> Annotation {
    let sentences = vigie_text::split_sentences(&article.text, &article.body, &lex.text);
    meta::outlet_from_host(article, lex);
    let mut named = None;
    meta::published_from_header(article, &sentences, lex, &mut named);
    let mut ann = Annotation {
        sentences: sentences.clone(),
        ..Annotation::default()
    };
    // No publication date from metadata or the header: the latest explicit
    // day the text names stands for it, known to the week. (A month or a
    // year named alone is mostly background: "depuis mai 2015".)
    if article.published.is_none() {
        let named = named.unwrap_or_else(|| meta::latest_named(article, &sentences, lex));
        if let Some(d) = named.day {
            article.offer_published(
                vigie_core::FuzzyDate::new(d, vigie_core::Precision::Week),
                vigie_core::MetaSource::Text,
            );
        }
    }
    let text = article.text.as_str();
    let mut date_ctx = dates::DateContext {
        published: article.published,
        last: None,
    };
    // Country words first: they set the focus that actors are read with.
    // Weight and first position per country (ties go to the first named).
    let mut country_weight: HashMap<String, (f64, usize)> = HashMap::default();
    let mut taken: Vec<Vec<(usize, usize)>> = Vec::with_capacity(sentences.len());
    let mut adjectives: Vec<bool> = Vec::new();
    let views: Vec<SentenceView> = sentences
        .iter()
        .enumerate()
        .map(|(i, sent)| SentenceView::new(text, i, sent.span))
        .collect();
    for view in &views {
        let mut used: Vec<(usize, usize)> = Vec::new();
        for m in lex.countries.words().find(&view.folded) {
            if let Some(c) = lex
                .countries
                .words()
                .payload(m.pattern)
                .and_then(|&i| lex.countries.at(i))
            {
                ann.countries
                    .push(tagged(view, m.first, m.last, c.iso2.clone()));
                // An adjective ("Russian bombers", "les frappes russes")
                // says whose, not where: it weighs as a nationality
                // inside an actor's name does.
                let matched = (m.first..=m.last)
                    .map(|k| view.folded.token_text(k))
                    .collect::<Vec<_>>()
                    .join(" ");
                let adjective = c
                    .adjectives()
                    .any(|a| vigie_text::fold_phrase(a) == matched);
                adjectives.push(adjective);
                let e = country_weight
                    .entry(c.iso2.clone())
                    .or_insert((0.0, m.span.start));
                e.0 += if adjective {
                    ACTOR_NATIONALITY_WEIGHT
                } else {
                    1.0
                };
            }
            used.push((m.first, m.last));
        }
        taken.push(used);
    }
    let focus_of = |w: &HashMap<String, (f64, usize)>| {
        w.iter()
            .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
            .map(|(c, _)| c.clone())
    };
    let mut focus = focus_of(&country_weight);
    // Actors next: their names are not dates ("Mouvement du 23-Mars").
    let mut found_actors: Vec<actors::FoundActor> = Vec::new();
    for view in &views {
        found_actors.extend(actors::find_actors(
            view,
            lex,
            focus.as_deref(),
            article.published.map(|p| p.date),
        ));
    }
    for a in &found_actors {
        taken[a.sentence].push((a.first, a.last));
    }
    // A nationality inside an actor's name ("Russian forces shelled
    // Nikopol") says who acts, not where: it weighs less for the focus
    // than the country named as such or the places.
    for (c, &adjective) in ann.countries.iter().zip(&adjectives) {
        if adjective {
            continue;
        }
        let in_actor = found_actors
            .iter()
            .any(|a| a.sentence == c.sentence && a.first <= c.first && c.last <= a.last);
        if in_actor {
            if let Some(w) = country_weight.get_mut(&c.value) {
                w.0 -= 1.0 - ACTOR_NATIONALITY_WEIGHT;
            }
        }
    }
    // Named actors of one country say where the story is ("Gran Grif"
    // in Haiti, whatever town of France shares a name with the scene).
    let mut actor_votes: HashMap<usize, f64> = HashMap::default();
    for a in &found_actors {
        let actors::Target::Named(idx) = a.target else {
            continue;
        };
        let Some(actor) = lex.actors.get(idx) else {
            continue;
        };
        let [country] = actor.countries.as_slice() else {
            continue;
        };
        if actor.template.is_some() || a.alternatives.len() > 1 {
            continue;
        }
        let given = actor_votes.entry(idx).or_insert(0.0);
        let add = NAMED_ACTOR_WEIGHT.min(NAMED_ACTOR_MAX - *given);
        if add <= 0.0 {
            continue;
        }
        *given += add;
        country_weight
            .entry(country.clone())
            .or_insert((0.0, a.span.start))
            .0 += add;
    }
    for (i, view) in views.iter().enumerate() {
        let actor_tokens: Vec<(usize, usize)> = found_actors
            .iter()
            .filter(|a| a.sentence == i)
            .map(|a| (a.first, a.last))
            .collect();
        let mut used: Vec<(usize, usize)> = actor_tokens.clone();
        for d in dates::find_dates(view, &lex.calendar, &lex.numbers, &mut date_ctx) {
            if actor_tokens
                .iter()
                .any(|&(a, b)| d.first <= b && a <= d.last)
            {
                continue;
            }
            used.push((d.first, d.last));
            ann.dates.push(tagged(view, d.first, d.last, d.value));
        }
        for n in numbers::find_numbers(view, &lex.numbers, &used) {
            ann.numbers.push(tagged(view, n.first, n.last, n.value));
        }
        for c in claims::find_claims(view, &sentences, i, lex) {
            taken[i].push((c.first, c.last));
            ann.claims.push(Tagged {
                sentence: i,
                first: c.first,
                last: c.last,
                span: c.span,
                value: ClaimMention {
                    claimant: c.claimant,
                    via: c.via,
                    scope: c.scope,
                },
            });
        }
        taken[i].extend(used);
    }
    // Leaders' names are people, not places ("Khalifa Haftar").
    let leader_matches: Vec<Vec<vigie_lexicon::PhraseMatch>> = views
        .iter()
        .map(|v| lex.actors.leaders().find(&v.folded))
        .collect();
    for (i, ms) in leader_matches.iter().enumerate() {
        for m in ms {
            taken[i].push((m.first, m.last));
        }
    }
    let mut candidates: Vec<places::PlaceCandidate> = Vec::new();
    for (i, view) in views.iter().enumerate() {
        candidates.extend(places::find_candidates(
            view,
            sentences[i].block,
            lex,
            &taken[i],
        ));
    }
    // Countries named in the text; unambiguous, exactly matched towns of
    // some size vote for the focus too.
    let mentioned: Vec<(String, f64)> = country_weight
        .iter()
        .map(|(c, w)| (c.clone(), w.0))
        .collect();
    // A division a place is in is a place of the story too.
    for c in candidates
        .iter()
        .filter(|c| c.role.is_none() || c.role == Some(PlaceRole::Container))
    {
        // Exact matches of some size (admin1 divisions count as large),
        // by country: the name votes for the country of its one match, or
        // of a match ten times larger than any elsewhere ("Kherson" the
        // city, not a hamlet of the same name abroad).
        // A capital named with no place word before it may stand for its
        // government ("Paris a dénoncé"): it votes only when unambiguous.
        let capital_alone = c.cue.is_none()
            && c.entries.iter().any(|(e, _)| match e {
                vigie_lexicon::Entry::Place(id) => lex
                    .gazetteer
                    .brief(*id)
                    .is_some_and(|p| p.feature == "PPLC"),
                vigie_lexicon::Entry::Admin1(_) => false,
            });

        let mut by_country: Vec<(String, u64)> = Vec::new();
        for (e, how) in &c.entries {
            if *how != vigie_lexicon::MatchKind::Exact {
                continue;
            }
            let size = match e {
                vigie_lexicon::Entry::Place(id) => match lex.gazetteer.brief(*id) {
                    Some(p) if p.population >= 1000 || p.overlay => p.population.max(1000),
                    _ => continue,
                },
                vigie_lexicon::Entry::Admin1(_) => ADMIN1_VOTE_SIZE,
            };
            let Some(country) = places::entry_country(lex, *e) else {
                continue;
            };
            match by_country.iter_mut().find(|(k, _)| *k == country) {
                Some(entry) => entry.1 = entry.1.max(size),
                None => by_country.push((country, size)),
            }
        }
        by_country.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
        let winner = match by_country.as_slice() {
            [(only, _)] => Some(only.clone()),
            [(top, a), (_, b), ..] if !capital_alone && *a >= DOMINANT_MATCH * *b => {
                Some(top.clone())
            }
            _ => None,
        };
        if let Some(country) = winner {
            country_weight
                .entry(country)
                .or_insert((0.0, c.span.start))
                .0 += 0.5;
        }
    }
    focus = focus_of(&country_weight).or(focus);
    let ctx = places::PlaceContext {
        focus: focus.clone(),
        countries: mentioned,
    };
    for (k, m) in places::resolve(&candidates, lex, &ctx) {
        let c = &candidates[k];
        ann.places.push(Tagged {
            sentence: c.sentence,
            first: c.first,
            last: c.last,
            span: c.span,
            value: PlaceFound {
                // A division left without the place it locates is the
                // scene (see `places::resolve`).
                role: c
                    .role
                    .filter(|r| *r != PlaceRole::Container || m.role.is_some()),
                mention: m,
                cue: c.cue,
            },
        });
    }
    // Nothing named a country: the country of the places found.
    if focus.is_none() {
        let mut votes: Vec<(String, usize)> = Vec::new();
        for p in &ann.places {
            let m = &p.value.mention;
            if let (Some(c), Some(_)) = (&m.country, &m.gazetteer_id) {
                match votes.iter_mut().find(|(v, _)| v == c) {
                    Some(v) => v.1 += 1,
                    None => votes.push((c.clone(), 1)),
                }
            }
        }
        focus = votes.into_iter().max_by_key(|(_, n)| *n).map(|(c, _)| c);
    }
    for (k, m) in actors::resolve_actors(&found_actors, lex, focus.as_deref()) {
        let f = &found_actors[k];
        ann.actors.push(Tagged {
            sentence: f.sentence,
            first: f.first,
            last: f.last,
            span: f.span,
            value: m,
        });
    }
    for (view, ms) in views.iter().zip(&leader_matches) {
        for m in ms.iter().cloned() {
            // "forces de Bachar al-Assad" is an actor's own name.
            let inside_actor = ann
                .actors
                .iter()
                .any(|a| a.sentence == view.index && a.first <= m.last && m.first <= a.last);
            let led = lex
                .actors
                .leaders()
                .payload(m.pattern)
                .and_then(|&i| lex.actors.get(i));
            let Some(actor) = led.filter(|_| !inside_actor) else {
                continue;
            };
            ann.leaders.push(tagged(
                view,
                m.first,
                m.last,
                ActorMention {
                    canonical: actor.name.clone(),
                    inter: actor.inter,
                    country: actor.countries.first().cloned(),
                    generic: None,
                },
            ));
        }
    }
    // Triggers of the article's language (a phrase may be in several
    // languages' lists: "missiles"), longest first, without overlaps.
    let language = article.language.clone();
    let matcher = lex.triggers.matcher();
    for view in &views {
        let mut last_end: Option<usize> = None;
        for m in matcher.find_all(&view.folded) {
            if last_end.is_some_and(|e| m.first <= e) {
                continue;
            }
            let mut rules = matcher.payloads(m.pattern).copied();
            let rule = match language.as_deref() {
                Some(l) => rules.find(|&r| lex.triggers.rule(r).is_some_and(|t| t.language == l)),
                None => rules.next(),
            };
            if let Some(rule) = rule {
                ann.triggers.push(tagged(view, m.first, m.last, rule));
                last_end = Some(m.last);
            }
        }
    }
    // The dateline opens the first sentence of prose, after any headline.
    ann.dateline = views.iter().take(4).find_map(|v| {
        let span = dateline(v)?;
        let holds = |m: Span| span.contains(m);
        (ann.dates.iter().any(|d| holds(d.span)) || ann.places.iter().any(|p| holds(p.span)))
            .then_some(span)
    });
    ann.focus = focus;
    ann.folded = views.into_iter().map(|v| v.folded).collect();
    ann
}

impl Annotation {
    /// Every mention, sorted by position, as `vigie annotate` prints them.
    pub fn mentions(&self, text: &str, lex: &Lexicon) -> Vec<Mention> {
        let surface = |s: Span| s.slice(text).unwrap_or("").to_string();
        let mut out: Vec<Mention> = Vec::new();
        for t in &self.places {
            out.push(Mention::new(
                t.span,
                surface(t.span),
                MentionValue::Place(t.value.mention.clone()),
            ));
        }
        for t in &self.actors {
            out.push(Mention::new(
                t.span,
                surface(t.span),
                MentionValue::Actor(t.value.clone()),
            ));
        }
        for t in &self.leaders {
            out.push(Mention::new(
                t.span,
                surface(t.span),
                MentionValue::Leader(t.value.clone()),
            ));
        }
        for t in &self.dates {
            out.push(Mention::new(
                t.span,
                surface(t.span),
                MentionValue::Date(t.value.clone()),
            ));
        }
        for t in &self.numbers {
            out.push(Mention::new(
                t.span,
                surface(t.span),
                MentionValue::Number(t.value.clone()),
            ));
        }
        for t in &self.claims {
            out.push(Mention::new(
                t.span,
                surface(t.span),
                MentionValue::Claim(t.value.clone()),
            ));
        }
        for t in &self.triggers {
            if let Some(rule) = lex.triggers.rule(t.value) {
                let sub_event_type = match rule.sub_event {
                    TriggerSubEvent::Fixed(s) => s,
                    TriggerSubEvent::Territory => SubEventType::GovernmentRegainsTerritory,
                };
                out.push(Mention::new(
                    t.span,
                    surface(t.span),
                    MentionValue::Trigger(TriggerMention {
                        sub_event_type,
                        rule: rule.id.clone(),
                        passive: false,
                    }),
                ));
            }
        }
        out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        out
    }
}
