//! Places: toponym recognition in text, resolution among gazetteer
//! candidates, and relative locations.
//!
//! Recognition looks up token n-grams (longest first) in the gazetteer when
//! they are capitalised or follow a place cue ("la ville de", "près de",
//! "in the town of"); words already taken by actors, claimants, dates and
//! country names are skipped. A capitalised name after an explicit
//! settlement noun ("le village d'al-Kallabiyeh") is a place even when the
//! gazetteer lacks it. Resolution scores candidates by the article's
//! country focus, population and feature type, coherence with the other
//! places of the article, and the cue (a province cue wants a province).
//! Relative locations ("à 20 km à l'ouest de X", "au nord de X", "près de
//! X") get geo_precision 2 (offset when a distance is given); province-only
//! mentions get the division's centre and precision 3.

use crate::context::SentenceView;
use vigie_core::geo::{haversine_km, offset};
use vigie_core::{PlaceMention, Span};
use vigie_lexicon::{Entry, Lexicon, MatchKind, PlaceCueKind, PlaceRole, PlaceWord};

/// Most gazetteer entries kept for one name.
const MAX_ENTRIES: usize = 64;

/// A toponym found in a sentence, before resolution.
#[derive(Debug, Clone)]
pub struct PlaceCandidate {
    pub sentence: usize,
    /// Index of the sentence's paragraph.
    pub block: usize,
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub surface: String,
    /// Gazetteer entries and how the name matched them.
    pub entries: Vec<(Entry, MatchKind)>,
    /// The cue right before the name.
    pub cue: Option<PlaceCueKind>,
    /// "près de", "aux environs de", "near" shortly before.
    pub near: bool,
    /// A compass direction before ("au nord de"), with a distance when
    /// given ("à 20 km à l'ouest de"): (bearing, km, first token).
    pub direction: Option<(f64, Option<f64>, usize)>,
    /// A phrase for the place last named ("la cité antique").
    pub anaphor: bool,
    /// What the place is when it is not the scene of an event: fighters'
    /// origin, a venue of talks, a sponsor's seat, a photo caption.
    pub role: Option<PlaceRole>,
}

/// Finds toponym candidates in a sentence. `taken` are token ranges
/// already claimed by other annotators.
/// How many tokens may separate a place from the division it is in
/// ("Kiwanja, dans le territoire de Rutshuru").
const CONTAINER_GAP: usize = 6;

pub fn find_candidates(
    s: &SentenceView,
    block: usize,
    lex: &Lexicon,
    taken: &[(usize, usize)],
) -> Vec<PlaceCandidate> {
    let gaz = &lex.gazetteer;
    let n = s.len();
    let is_taken = |i: usize| taken.iter().any(|&(a, b)| a <= i && i <= b);
    // A title-case line ("Russian Missiles Hit Kyiv"): capitals say
    // nothing of names there.
    let words: Vec<usize> = (0..n)
        .filter(|&k| s.kind(k) == Some(vigie_text::TokenKind::Word))
        .collect();
    let title_case = words.len() >= 3
        && words.iter().filter(|&&k| s.capitalized(k)).count() * 3 >= words.len() * 2;
    // Place words of the sentence by start and end token.
    let mut cue_ending: Vec<Option<PlaceCueKind>> = vec![None; n + 1];
    let mut not_place: Vec<bool> = vec![false; n];
    let mut words_at: Vec<Vec<(usize, PlaceWord)>> = vec![Vec::new(); n];
    for m in lex.cues.places.find_all(&s.folded) {
        for w in lex.cues.places.payloads(m.pattern) {
            words_at[m.first].push((m.last, *w));
            if *w == PlaceWord::NotPlace {
                for slot in not_place.iter_mut().take(m.last + 1).skip(m.first) {
                    *slot = true;
                }
            }
            // "USS Porter", "missiles Tomahawk": up to two capitalised words
            // after; not in a title-case headline ("Missiles Hit Kyiv").
            if *w == PlaceWord::NotPlaceAfter && (!s.capitalized(m.last) || s.all_caps(m.last)) {
                let mut k = m.last + 1;
                while k < n && k <= m.last + 2 && s.capitalized(k) {
                    not_place[k] = true;
                    k += 1;
                }
            }
            if let PlaceWord::Cue(k) = w {
                // Keep the most specific cue ending at this token.
                let slot = &mut cue_ending[m.last];
                let rank = |k: PlaceCueKind| match k {
                    PlaceCueKind::Region => 4,
                    PlaceCueKind::Settlement => 3,
                    PlaceCueKind::Near | PlaceCueKind::Part => 2,
                    PlaceCueKind::Preposition => 1,
                };
                if slot.is_none_or(|cur| rank(*k) > rank(cur)) {
                    *slot = Some(*k);
                }
            }
        }
    }
    // Role cues: ending at a token (before a name), starting at one (after
    // a name); a credit cue anywhere makes the sentence a caption.
    let mut role_ending: Vec<Option<PlaceRole>> = vec![None; n + 1];
    let mut role_starting: Vec<Option<PlaceRole>> = vec![None; n + 1];
    let mut caption = false;
    for (k, ws) in words_at.iter().enumerate() {
        for &(l, w) in ws {
            match w {
                PlaceWord::Role(PlaceRole::Credit) => caption = true,
                PlaceWord::Role(r) => role_ending[l] = Some(r),
                PlaceWord::RoleAfter(r) => {
                    role_starting[k] = Some(r);
                    // "Local Government Area" after a name is not a
                    // place of its own ("la Zone verte" is one).
                    if r == PlaceRole::Container && k > 0 && s.capitalized(k - 1) {
                        for slot in not_place.iter_mut().take(l + 1).skip(k) {
                            *slot = true;
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // Tokens between a role cue and the name: determiners and place cues
    // ("originaires de la ville de Sfax").
    let role_before = |i: usize| -> Option<PlaceRole> {
        let mut k = i;
        for _ in 0..4 {
            if k == 0 {
                return None;
            }
            if let Some(r) = role_ending[k - 1] {
                return Some(r);
            }
            let skippable = matches!(
                s.word(k - 1),
                "la" | "le" | "l" | "les" | "the" | "a" | "an"
            ) || cue_ending[k - 1].is_some();
            if !skippable {
                return None;
            }
            k -= 1;
        }
        None
    };
    // A month name beside a day is a date even when it cannot be resolved
    // (no year known): "MAPUTO, Aug 8 (Reuters)" names no place "Aug".
    let cal = lex.calendar.matcher();
    let capital_beside_number =
        (0..n).any(|k| s.is_number(k) && (s.capitalized(k + 1) || (k > 0 && s.capitalized(k - 1))));
    let months = if capital_beside_number {
        cal.find_all(&s.folded)
    } else {
        Vec::new()
    };
    for m in months {
        let month = cal
            .payloads(m.pattern)
            .any(|(w, _)| matches!(w, vigie_lexicon::DateWord::Month(..)));
        let beside_day = s.is_number(m.last + 1) || (m.first > 0 && s.is_number(m.first - 1));
        if month && beside_day {
            for slot in not_place.iter_mut().take(m.last + 1).skip(m.first) {
                *slot = true;
            }
        }
    }
    let max_n = gaz.max_tokens().clamp(1, 6);
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if is_taken(i) || not_place[i] || s.kind(i) != Some(vigie_text::TokenKind::Word) {
            i += 1;
            continue;
        }
        let mut cue = if i > 0 { cue_ending[i - 1] } else { None };
        let mut anaphor = false;
        // A name listed after a place ("à Tessit, Ansongo, Bourem et
        // Ménaka") has that place's cue.
        let listed = out.last().is_some_and(|p: &PlaceCandidate| {
            p.sentence == s.index
                && p.last + 2 >= i
                && i > p.last
                && (p.last + 1..i).all(|k| matches!(s.word(k), "," | "et" | "and"))
        });
        if cue.is_none() && listed {
            cue = out
                .last()
                .and_then(|p| p.cue)
                .or(Some(PlaceCueKind::Preposition));
        }
        // Names start with a capitalised word or an article before one
        // ("al-Soukhna"); keys come from the folded tokens.
        let rules = gaz.rules();
        let starts_name = s.capitalized(i) || (rules.is_article(s.word(i)) && s.capitalized(i + 1));
        let mut found: Option<(usize, Vec<(Entry, MatchKind)>)> = None;
        if starts_name {
            let mut tokens: Vec<&str> = Vec::with_capacity(max_n);
            let mut lens: Vec<usize> = Vec::new();
            for len in 1..=max_n.min(n - i) {
                let k = i + len - 1;
                if is_taken(k) || s.kind(k) == Some(vigie_text::TokenKind::Punct) {
                    break;
                }
                tokens.push(s.word(k));
                lens.push(len);
            }
            // After a settlement noun the whole capitalised run is the
            // name: a match on its first word only ("Tal" in "the town of
            // Tal Tamr") is another place, so only matches of the whole
            // run count, exact or transliterated.
            let run_end = if cue == Some(PlaceCueKind::Settlement) {
                let mut e = i;
                while e < i + 3
                    && s.kind(e + 1) == Some(vigie_text::TokenKind::Word)
                    && s.capitalized(e + 1)
                    && matches!(s.gap(e, e + 1), " " | "-")
                {
                    e += 1;
                }
                e
            } else {
                i
            };
            lens.retain(|&len| i + len > run_end);
            for &len in lens.iter().rev() {
                let last = i + len - 1;
                let words = &tokens[..len];
                if len == 1 && (words[0].chars().count() < 3 || lex.text.is_stopword(words[0])) {
                    continue;
                }
                // Acronyms (ONU, OSDH, GNA) are organisations, not places.
                let acronym = (i..=last)
                    .all(|k| s.folded.tokens.get(k).is_some_and(|t| t.all_caps))
                    && words.iter().map(|w| w.chars().count()).sum::<usize>() <= 5;
                if acronym {
                    continue;
                }
                // A capitalised word followed by another one that does not
                // extend the name is a person's name ("Yara Charif").
                let next_is_word = s.kind(i + 1) == Some(vigie_text::TokenKind::Word);
                if len == 1
                    && cue.is_none()
                    && next_is_word
                    && s.capitalized(i + 1)
                    && s.gap(i, i + 1) == " "
                {
                    continue;
                }
                // ... and so is one after a capitalised word that starts
                // no name ("Imran Khan", "Héctor Guerrero"), unless
                // that word opens the sentence ("Kherson was shelled").
                let after_name = !title_case
                    && i > 1
                    && !is_taken(i - 1)
                    && s.kind(i - 1) == Some(vigie_text::TokenKind::Word)
                    && s.capitalized(i - 1)
                    && !s.folded.tokens.get(i - 1).is_some_and(|t| t.all_caps)
                    && s.gap(i - 1, i) == " "
                    && !lex.text.is_stopword(s.word(i - 1));
                if len == 1 && cue.is_none() && after_name {
                    continue;
                }
                if !s.capitalized(last) && !s.is_number(last) {
                    continue;
                }
                let mut entries: Vec<(Entry, MatchKind)> = gaz
                    .lookup_key(&words.join(" "))
                    .into_iter()
                    .map(|e| (e, MatchKind::Exact))
                    .collect();
                let content = rules.content_tokens(words).join(" ");
                if content != words.join(" ") {
                    for e in gaz.lookup_key(&content) {
                        if !entries.iter().any(|(x, _)| *x == e) {
                            entries.push((e, MatchKind::Exact));
                        }
                    }
                }
                if !entries.is_empty() {
                    found = Some((last, entries));
                    break;
                }
            }
            // Transliteration fallback: names of one to three words with
            // at least five letters ("Soukhna", "Khan Cheikhoun").
            if found.is_none() {
                for &len in lens.iter().rev().filter(|&&l| l <= 3) {
                    let last = i + len - 1;
                    let words = &tokens[..len];
                    let letters: usize = words.iter().map(|w| w.chars().count()).sum();
                    // Only after a place cue ("à", "près de", "la ville de"):
                    // skeletons of weapon and person names collide too.
                    let person = len == 1
                        && s.kind(i + 1) == Some(vigie_text::TokenKind::Word)
                        && s.capitalized(i + 1)
                        && s.gap(i, i + 1) == " ";
                    if letters < 5
                        || cue.is_none()
                        || person
                        || !s.capitalized(last)
                        || words.iter().any(|w| lex.text.is_stopword(w))
                    {
                        continue;
                    }
                    let Some(skel) = rules.skeleton_of_tokens(words) else {
                        continue;
                    };
                    let entries: Vec<(Entry, MatchKind)> = gaz
                        .lookup_skeleton(&skel)
                        .into_iter()
                        .map(|e| (e, MatchKind::Skeleton))
                        .collect();
                    if !entries.is_empty() {
                        found = Some((last, entries));
                        break;
                    }
                }
            }
        }
        // A capitalised name the gazetteer lacks, after a settlement noun
        // or a preposition (single word, or with an Arabic article).
        if found.is_none()
            && matches!(
                cue,
                Some(PlaceCueKind::Settlement | PlaceCueKind::Preposition | PlaceCueKind::Near)
            )
        {
            let article = matches!(
                s.word(i),
                "al" | "el" | "ad" | "ar" | "as" | "at" | "az" | "an" | "ash"
            );
            let last = if article && s.capitalized(i + 1) && s.gap(i, i + 1) == "-" {
                i + 1
            } else {
                i
            };
            let name_cap = s.capitalized(last)
                && !is_taken(last)
                && s.kind(last) == Some(vigie_text::TokenKind::Word);
            let next_cap = s.capitalized(last + 1) && s.gap(last, last + 1) == " ";
            let first_in_sentence = i == 0;
            // A run of capitalised words is a name when a settlement noun
            // introduces it or it is part of a list of places.
            let next_is_list = {
                let mut e = last;
                while e < last + 3
                    && s.capitalized(e + 1)
                    && s.kind(e + 1) == Some(vigie_text::TokenKind::Word)
                    && matches!(s.gap(e, e + 1), " " | "-")
                {
                    e += 1;
                }
                matches!(s.word(e + 1), "," | "et" | "and") && s.capitalized(e + 2)
            };
            let strong = cue == Some(PlaceCueKind::Settlement) || listed || next_is_list;
            let plausible = name_cap
                && !first_in_sentence
                && !lex.text.is_stopword(s.word(last))
                && s.word(last).chars().count() >= 3
                && (strong || article || !next_cap);
            if plausible {
                // After a settlement noun, a name of several capitalised
                // words is taken whole ("le village de Qasr Hunaydir").
                let mut last = last;
                while strong
                    && last < i + 3
                    && s.kind(last + 1) == Some(vigie_text::TokenKind::Word)
                    && s.capitalized(last + 1)
                    && !is_taken(last + 1)
                    && matches!(s.gap(last, last + 1), " " | "-")
                {
                    last += 1;
                }
                found = Some((last, Vec::new()));
            }
        }
        // "à 15 km au sud de la vieille ville": the place last named,
        // moved by the relation.
        if found.is_none() {
            let anaphor_end = words_at[i]
                .iter()
                .find(|(_, w)| *w == PlaceWord::Anaphor)
                .map(|(l, _)| *l);
            let after_direction = (i.saturating_sub(3)..i).any(|k| {
                words_at[k]
                    .iter()
                    .any(|(l, w)| *l < i && matches!(w, PlaceWord::Direction(_)))
            });
            if let (Some(last), true) = (anaphor_end, after_direction) {
                found = Some((last, Vec::new()));
                anaphor = true;
            }
        }
        let Some((last, mut entries)) = found else {
            i += 1;
            continue;
        };
        // Very common names ("Ali", "Al Bayda"): keep the focus-free top
        // by population, enough to rank.
        if entries.len() > MAX_ENTRIES {
            entries.sort_by_key(|(e, _)| {
                std::cmp::Reverse(match e {
                    Entry::Place(id) => gaz.brief(*id).map_or(0, |p| p.population),
                    Entry::Admin1(_) => u64::MAX,
                })
            });
            entries.truncate(MAX_ENTRIES);
        }
        let span = s.span_of(i, last);
        // A name listed after a settlement noun shares it: "les
        // agglomérations d'El Kuleybe et de Kirkouk".
        if cue == Some(PlaceCueKind::Preposition) {
            if let Some(prev) = out
                .last()
                .filter(|p: &&PlaceCandidate| p.cue == Some(PlaceCueKind::Settlement))
            {
                let list_only = (prev.last + 1..i).all(|k| {
                    matches!(
                        s.word(k),
                        "," | "et" | "and" | "de" | "d" | "du" | "a" | "of" | "la" | "le" | "l"
                    )
                });
                if list_only {
                    cue = Some(PlaceCueKind::Settlement);
                }
            }
        }
        // Relative words before the name.
        let window_start = i.saturating_sub(7);
        let mut near = false;
        let mut direction = None;
        for k in window_start..i {
            if (k..i).any(|j| matches!(s.word(j), "," | "." | ";" | "\"" | ":")) {
                continue;
            }
            for &(l, w) in &words_at[k] {
                if l >= i {
                    continue;
                }
                match w {
                    PlaceWord::Cue(PlaceCueKind::Near | PlaceCueKind::Part) => near = true,
                    PlaceWord::Direction(b) if l + 3 >= i => {
                        // A distance before the direction: "20 km à l'ouest".
                        let mut km = None;
                        let mut first = k;
                        for (d, ws) in words_at
                            .iter()
                            .enumerate()
                            .take(k)
                            .skip(k.saturating_sub(4))
                        {
                            if let Some(&(_, PlaceWord::DistanceUnit(f))) = ws
                                .iter()
                                .find(|(_, w)| matches!(w, PlaceWord::DistanceUnit(_)))
                            {
                                let num = s.word(d.saturating_sub(1));
                                if let Ok(v) = num.parse::<f64>() {
                                    km = Some(v * f);
                                    first = d.saturating_sub(1);
                                }
                            }
                        }
                        direction = Some((b, km, first));
                    }
                    _ => {}
                }
            }
        }
        // The role: a cue before or right after the name; a caption; else
        // the role of the place it is listed with ("originaires de Tunis
        // et de Sfax").
        let after = {
            let mut k = last + 1;
            while matches!(s.word(k), "/" | "-") {
                k += 1;
            }
            role_starting[k]
        };
        let listed_role = out.last().and_then(|p: &PlaceCandidate| {
            let joined = p.sentence == s.index
                && p.last < i
                && i - p.last <= 3
                && (p.last + 1..i).all(|k| {
                    matches!(
                        s.word(k),
                        "," | "et" | "and" | "or" | "ou" | "de" | "d" | "a" | "in" | "of" | "du"
                    )
                });
            joined.then_some(p.role).flatten()
        });
        let mut role = role_before(i)
            .or(after)
            .or(caption.then_some(PlaceRole::Credit))
            .or(listed_role.filter(|r| *r != PlaceRole::Container));
        // A division locates the place just named; with none just
        // before, it is the scene, known to its region.
        if role == Some(PlaceRole::Container) {
            let locates = out.last().is_some_and(|p: &PlaceCandidate| {
                p.sentence == s.index
                    && p.role.is_none()
                    && p.last < i
                    && i - p.last <= CONTAINER_GAP
                    && (p.last + 1..i).all(|k| s.kind(k) != Some(vigie_text::TokenKind::Number))
            });
            if !locates {
                role = None;
                if cue.is_none() || cue == Some(PlaceCueKind::Preposition) {
                    cue = Some(PlaceCueKind::Region);
                }
            }
        }
        // A person's name after a title, a name in a photo credit
        // ("NAME/AFP"): not a place at all.
        if role == Some(PlaceRole::Person)
            || (after == Some(PlaceRole::Credit) && s.word(last + 1) == "/")
        {
            let mut end = last + 1;
            while s.capitalized(end) && s.kind(end) == Some(vigie_text::TokenKind::Word) {
                end += 1;
            }
            i = end;
            continue;
        }
        let surface = span.slice(s.text).unwrap_or("").to_string();
        out.push(PlaceCandidate {
            sentence: s.index,
            block,
            first: i,
            last,
            span,
            surface,
            entries,
            cue,
            near,
            direction,
            anaphor,
            role,
        });
        i = last + 1;
    }
    out
}

/// Resolution context for one article.
#[derive(Debug, Clone, Default)]
pub struct PlaceContext {
    /// ISO alpha-2 of the article's main country.
    pub focus: Option<String>,
    /// Countries mentioned, with weights.
    pub countries: Vec<(String, f64)>,
}

fn entry_coords(lex: &Lexicon, e: Entry) -> Option<(f64, f64)> {
    match e {
        Entry::Place(i) => lex.gazetteer.brief(i).map(|p| (p.lat, p.lon)),
        Entry::Admin1(i) => lex
            .gazetteer
            .admin1(i)
            .filter(|a| a.lat.is_finite() && a.lon.is_finite())
            .map(|a| (a.lat, a.lon)),
    }
}

/// The country of a gazetteer entry.
pub fn entry_country(lex: &Lexicon, e: Entry) -> Option<String> {
    match e {
        Entry::Place(i) => lex.gazetteer.brief(i).map(|p| p.country_str().to_string()),
        Entry::Admin1(i) => lex.gazetteer.admin1(i).map(|a| a.country().to_string()),
    }
}

/// Prior score of a candidate entry (population, feature, country, cue),
/// or `None` when the entry is implausible for this article: a
/// transliteration match outside the article's countries.
fn prior(
    lex: &Lexicon,
    (e, how): (Entry, MatchKind),
    cand: &PlaceCandidate,
    ctx: &PlaceContext,
) -> Option<f64> {
    let mut score = if how == MatchKind::Skeleton {
        -1.5
    } else {
        0.0
    };
    let country = entry_country(lex, e);
    let in_focus = country.is_some() && ctx.focus.as_deref() == country.as_deref();
    let mentioned = country
        .as_deref()
        .and_then(|c| ctx.countries.iter().find(|(cc, _)| cc == c))
        .map(|(_, w)| *w);
    let elsewhere = !in_focus && mentioned.is_none() && ctx.focus.is_some();
    // A transliteration guess is only trusted in the article's own country.
    // With no focus at all it is no evidence ("Gorgadji" is not Nizhny
    // Novgorod).
    if how == MatchKind::Skeleton && (elsewhere || !in_focus) {
        return None;
    }
    // Outside the focus, a place needs a cue before it or to be big.
    if !in_focus && ctx.focus.is_some() && cand.cue.is_none() {
        if let Entry::Place(i) = e {
            if lex
                .gazetteer
                .brief(i)
                .is_some_and(|p| p.population < 100_000 && !p.overlay)
            {
                return None;
            }
        }
    }
    // Outside the article's countries, only well-known places.
    if elsewhere {
        if let Entry::Place(i) = e {
            if lex
                .gazetteer
                .brief(i)
                .is_some_and(|p| p.population < 50_000 && !p.overlay)
            {
                return None;
            }
        }
    }
    match e {
        Entry::Place(i) => {
            if let Some(p) = lex.gazetteer.brief(i) {
                score += ((p.population as f64) + 1.0).log10() * 0.6;
                score += match p.feature {
                    // A capital is the place its name means to most
                    // writers, even beside a homonymous hamlet of the
                    // focus country ("Washington and Berlin" in a story
                    // about Russia).
                    "PPLC" if cand.cue != Some(PlaceCueKind::Settlement) => 4.5,
                    "PPLC" => 2.0,
                    "PPLA" => 1.5,
                    "PPLA2" => 0.8,
                    "PPL" | "PPLA3" | "PPLA4" => 0.0,
                    // Hand-written overlay places (bases, crossings...).
                    _ if p.overlay => 1.5,
                    _ => 0.3,
                };
                if cand.cue == Some(PlaceCueKind::Region) {
                    score -= 2.0;
                }
            }
        }
        Entry::Admin1(_) => {
            score += if cand.cue == Some(PlaceCueKind::Region) {
                4.0
            } else {
                0.5
            };
        }
    }
    if in_focus {
        score += 4.0;
    } else if let Some(w) = mentioned {
        score += 1.0 + w.min(2.0);
    } else if ctx.focus.is_some() {
        score -= 2.5;
    } else if cand.cue.is_some() && how == MatchKind::Exact {
        // Nothing else says where the story is: a name spelled as in the
        // gazetteer after "in", "à", "near" is evidence enough.
        score += 1.0;
    }
    Some(score)
}

/// Resolves candidates to place mentions (index of the candidate, value).
pub fn resolve(
    cands: &[PlaceCandidate],
    lex: &Lexicon,
    ctx: &PlaceContext,
) -> Vec<(usize, PlaceMention)> {
    // Pass 1: best entry by prior alone; confident ones anchor pass 2.
    let best_prior: Vec<Option<(Entry, f64)>> = cands
        .iter()
        .map(|c| {
            c.entries
                .iter()
                .filter_map(|&e| prior(lex, e, c, ctx).map(|s| (e.0, s)))
                .max_by(|a, b| a.1.total_cmp(&b.1))
        })
        .collect();
    let anchors: Vec<(usize, (f64, f64))> = best_prior
        .iter()
        .enumerate()
        .filter_map(|(k, b)| {
            let (e, s) = (*b)?;
            (s >= 4.0)
                .then(|| entry_coords(lex, e).map(|c| (k, c)))
                .flatten()
        })
        .collect();
    let mut out: Vec<(usize, PlaceMention)> = Vec::new();
    for (k, c) in cands.iter().enumerate() {
        let scored = c
            .entries
            .iter()
            .filter_map(|&(e, how)| {
                let mut s = prior(lex, (e, how), c, ctx)?;
                if let Some((lat, lon)) = entry_coords(lex, e) {
                    let others: Vec<f64> = anchors
                        .iter()
                        .filter(|(j, _)| *j != k)
                        .map(|(_, (a, b))| haversine_km(lat, lon, *a, *b))
                        .collect();
                    if let Some(min) = others.iter().copied().reduce(f64::min) {
                        if min < 150.0 {
                            s += 1.5;
                        } else if min > 400.0 {
                            s -= 2.0;
                        }
                    }
                }
                Some((e, s))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        // Weak evidence: not a place of this story ("Jeff Davis", "USS
        // Porter"), or, after an explicit settlement noun, a local place
        // the gazetteer lacks that shares a famous name ("le village de
        // Kirkouk" in Syria).
        let strong_cue = c.cue == Some(PlaceCueKind::Settlement);
        let scored = match scored {
            Some((_, s)) if s < 1.0 && !strong_cue => continue,
            Some((_, s)) if s < 1.0 => None,
            other => other,
        };
        let mention = match scored {
            Some((e, s)) => place_mention(lex, e, c, s),
            None if c.entries.is_empty() || strong_cue => Some(PlaceMention {
                name: c.surface.clone(),
                country: ctx.focus.clone(),
                admin1: None,
                latitude: None,
                longitude: None,
                geo_precision: 1,
                feature: None,
                gazetteer_id: None,
                relation: Some("not in the gazetteer".into()),
                score: 0.0,
                role: None,
            }),
            None => continue,
        };
        let Some(mut mention) = mention else { continue };
        mention.role = c.role.map(|r| r.as_str().to_string());
        out.push((k, mention));
    }
    // A division whose place was not found is the scene itself, known
    // to its region ("outside Pulka, in Gwoza Local Government Area" with
    // Pulka unknown: Gwoza).
    let kept: Vec<usize> = out.iter().map(|(k, _)| *k).collect();
    for (k, m) in out.iter_mut() {
        let container = cands[*k].role == Some(PlaceRole::Container);
        if container && !(*k > 0 && kept.contains(&(*k - 1))) {
            m.role = None;
            m.geo_precision = m.geo_precision.max(2);
        }
    }
    resolve_anaphors(cands, &mut out);
    borrow_coordinates(cands, &mut out);
    out
}

/// Places named by an anaphor take the place last named before them,
/// moved by their relation ("à 15 km au sud de la vieille ville").
fn resolve_anaphors(cands: &[PlaceCandidate], out: &mut [(usize, PlaceMention)]) {
    for i in 0..out.len() {
        let c = &cands[out[i].0];
        if !c.anaphor {
            continue;
        }
        let antecedent = out
            .iter()
            .filter(|(k, p)| {
                !cands[*k].anaphor
                    && cands[*k].role.is_none()
                    && p.latitude.is_some()
                    && cands[*k].span.start < c.span.start
                    && p.geo_precision <= 2
            })
            .max_by_key(|(k, _)| cands[*k].span.start)
            .map(|(_, p)| p.clone());
        let Some(mut m) = antecedent else { continue };
        m.geo_precision = 2;
        if let (Some((bearing, km, _)), Some(lat), Some(lon)) =
            (c.direction, m.latitude, m.longitude)
        {
            match km {
                Some(km) if km > 0.0 && km < 500.0 => {
                    let (la, lo) = offset(lat, lon, km, bearing);
                    m.latitude = Some(la);
                    m.longitude = Some(lo);
                    m.relation = Some(format!("{km} km {} of {}", bearing_name(bearing), m.name));
                }
                _ => m.relation = Some(format!("{} of {}", bearing_name(bearing), m.name)),
            }
        }
        out[i].1 = m;
    }
}

/// Gives names the gazetteer lacks the coordinates of a nearby place:
/// an earlier mention of the same name, else the nearest place of the
/// same country in the paragraph (places merely "east of" a town last),
/// else the nearest earlier one in the article; geo_precision 2.
fn borrow_coordinates(cands: &[PlaceCandidate], out: &mut [(usize, PlaceMention)]) {
    let order: Vec<usize> = {
        let mut o: Vec<usize> = (0..out.len()).collect();
        o.sort_by_key(|&i| cands[out[i].0].span.start);
        o
    };
    for &i in &order {
        if out[i].1.latitude.is_some() {
            continue;
        }
        let c = &cands[out[i].0];
        let key = vigie_text::fold_phrase(&c.surface);
        let same_name = order
            .iter()
            .take_while(|&&j| j != i)
            .find(|&&j| {
                out[j].1.latitude.is_some()
                    && vigie_text::fold_phrase(&cands[out[j].0].surface) == key
            })
            .copied();
        // Another spelling of a name the article resolved ("Soueidaa"
        // beside "province de Soueïda"): that place, at its precision.
        let variant = same_name.is_none().then(|| {
            let core = content_key(&key);
            order
                .iter()
                .filter(|&&j| j != i && out[j].1.latitude.is_some())
                .filter(|&&j| {
                    let other = content_key(&vigie_text::fold_phrase(&cands[out[j].0].surface));
                    core.chars().count() >= 5
                        && strsim::normalized_levenshtein(&core, &other) >= 0.75
                })
                .min_by_key(|&&j| cands[out[j].0].span.gap(c.span))
                .copied()
        });
        if let Some(Some(j)) = variant {
            let p = out[j].1.clone();
            let m = &mut out[i].1;
            *m = PlaceMention {
                relation: Some(format!("spelling of {}", p.name)),
                geo_precision: p.geo_precision.max(2),
                role: m.role.take(),
                ..p
            };
            continue;
        }
        let pick = same_name.or_else(|| {
            out.iter()
                .enumerate()
                .filter(|(j, (_, p))| *j != i && p.latitude.is_some() && p.geo_precision <= 2)
                .filter(|(_, (_, p))| out[i].1.country.is_none() || p.country == out[i].1.country)
                .min_by_key(|(_, (k, p))| {
                    let o = &cands[*k];
                    let vague = p
                        .relation
                        .as_deref()
                        .is_some_and(|r| r.contains(" of ") && !r.contains("km"));
                    (
                        o.block != c.block,
                        vague,
                        o.span.start > c.span.start,
                        o.span.gap(c.span),
                    )
                })
                .map(|(j, _)| j)
        });
        if let Some(j) = pick {
            let p = out[j].1.clone();
            let m = &mut out[i].1;
            m.latitude = p.latitude;
            m.longitude = p.longitude;
            m.country = p.country.clone();
            m.admin1 = p.admin1.clone();
            m.geo_precision = 2;
            m.relation = Some(format!("not in the gazetteer; placed at {}", p.name));
        }
    }
}

/// A folded name without its Arabic article and hyphens ("as suwayda" ->
/// "suwayda").
fn content_key(folded: &str) -> String {
    let mut words: Vec<&str> = folded.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if words.len() > 1
        && matches!(
            words[0],
            "al" | "el" | "as" | "ad" | "ar" | "ash" | "at" | "az" | "an" | "l"
        )
    {
        words.remove(0);
    }
    words.concat()
}

fn bearing_name(b: f64) -> &'static str {
    const NAMES: [&str; 8] = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];
    NAMES[(((b + 22.5) % 360.0) / 45.0) as usize % 8]
}

fn place_mention(lex: &Lexicon, e: Entry, c: &PlaceCandidate, score: f64) -> Option<PlaceMention> {
    let gaz = &lex.gazetteer;
    let mut m = match e {
        Entry::Place(i) => {
            let p = gaz.place(i)?;
            PlaceMention {
                admin1: gaz.admin1_of(&p).map(|a| a.name),
                name: p.name,
                country: Some(p.country),
                latitude: Some(p.lat),
                longitude: Some(p.lon),
                geo_precision: 1,
                feature: Some(p.feature),
                gazetteer_id: Some(p.id),
                relation: None,
                score: score as f32,
                role: None,
            }
        }
        Entry::Admin1(i) => {
            let a = gaz.admin1(i)?;
            PlaceMention {
                name: a.name.clone(),
                country: Some(a.country().to_string()),
                admin1: Some(a.name.clone()),
                latitude: a.lat.is_finite().then_some(a.lat),
                longitude: a.lon.is_finite().then_some(a.lon),
                geo_precision: 3,
                feature: Some("ADM1".into()),
                gazetteer_id: Some(a.key.clone()),
                relation: None,
                score: score as f32,
                role: None,
            }
        }
    };
    // Areas (deserts, regions, valleys) are never precise points.
    if matches!(
        m.feature.as_deref(),
        Some("AREA" | "RGN" | "DSRT" | "VAL" | "FRST" | "PRK" | "LK" | "STM" | "PLN" | "MTS")
    ) && m.geo_precision == 1
    {
        m.geo_precision = 2;
    }
    if let Some((bearing, km, _)) = c.direction {
        if m.geo_precision < 3 {
            m.geo_precision = 2;
            match (km, m.latitude, m.longitude) {
                (Some(km), Some(lat), Some(lon)) if km > 0.0 && km < 500.0 => {
                    let (la, lo) = offset(lat, lon, km, bearing);
                    m.latitude = Some(la);
                    m.longitude = Some(lo);
                    m.relation = Some(format!("{km} km {} of {}", bearing_name(bearing), m.name));
                }
                _ => m.relation = Some(format!("{} of {}", bearing_name(bearing), m.name)),
            }
        }
    } else if c.near && m.geo_precision == 1 {
        m.geo_precision = 2;
        m.relation = Some(format!("near {}", m.name));
    }
    Some(m)
}

/// A ranked gazetteer candidate for a name (`vigie geocode`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Candidate {
    pub name: String,
    pub country: String,
    pub admin1: Option<String>,
    pub latitude: f64,
    pub longitude: f64,
    pub population: u64,
    pub feature: String,
    pub score: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `exact` or `transliteration`.
    pub matched: &'static str,
}

/// Ranks the gazetteer entries for `name`: exact and article-free names
/// first, the transliteration skeleton as a fallback; by population and
/// feature, the given country, and closeness to a point.
pub fn geocode(
    lex: &Lexicon,
    name: &str,
    country: Option<&str>,
    near: Option<(f64, f64)>,
) -> Vec<Candidate> {
    let gaz = &lex.gazetteer;
    let mut out: Vec<Candidate> = Vec::new();
    for (e, how) in gaz.lookup(name) {
        let (mut c, base) = match e {
            Entry::Place(id) => {
                let Some(p) = gaz.place(id) else { continue };
                let feature_bonus = match p.feature.as_str() {
                    "PPLC" => 2.0,
                    "PPLA" => 1.5,
                    "PPLA2" => 0.8,
                    f if f.starts_with("PPL") => 0.0,
                    _ => 0.5,
                };
                let base = ((p.population as f64) + 1.0).log10() * 0.6 + feature_bonus;
                (
                    Candidate {
                        admin1: gaz.admin1_of(&p).map(|a| a.name),
                        name: p.name,
                        country: p.country,
                        latitude: p.lat,
                        longitude: p.lon,
                        population: p.population,
                        feature: p.feature,
                        score: 0.0,
                        id: Some(p.id),
                        matched: "exact",
                    },
                    base,
                )
            }
            Entry::Admin1(id) => {
                let Some(a) = gaz.admin1(id) else { continue };
                (
                    Candidate {
                        name: a.name.clone(),
                        country: a.country().to_string(),
                        admin1: Some(a.name.clone()),
                        latitude: a.lat,
                        longitude: a.lon,
                        population: 0,
                        feature: "ADM1".into(),
                        score: 0.0,
                        id: Some(a.key.clone()),
                        matched: "exact",
                    },
                    3.0,
                )
            }
        };
        let mut score = base;
        if how == MatchKind::Skeleton {
            score -= 1.5;
            c.matched = "transliteration";
        }
        if let Some(cc) = country {
            score += if c.country.eq_ignore_ascii_case(cc) {
                5.0
            } else {
                -3.0
            };
        }
        if let Some((lat, lon)) = near {
            let d = haversine_km(lat, lon, c.latitude, c.longitude);
            score += 5.0 * (-d / 200.0).exp();
        }
        c.score = (score * 1000.0).round() / 1000.0;
        out.push(c);
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.population.cmp(&a.population))
    });
    out
}
