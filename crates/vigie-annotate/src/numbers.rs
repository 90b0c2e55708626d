//! Number phrases: digits with French or English separators ("1.000",
//! "1 300", "5,000", "1300km²"), number words ("vingt-cinq", "quatre-vingt-
//! dix", "deux mille cinq cents", "eleven"), vague amounts with ACLED's
//! conventional values ("des dizaines" → 10, "dozens" → 12), hedges ("près
//! de", "at least"), ranges ("de 700 à 1.000") and what is counted
//! ("11 morts" killed, "80 terroristes ont été éliminés" killed, "killing
//! at least 50" killed, "1300 km²" km2). Words come from `numbers.toml`.

use crate::context::SentenceView;
use vigie_core::{Counted, Hedge, NumberMention};
use vigie_lexicon::{NumberWord, Numbers};
use vigie_text::TokenKind;

/// A number phrase found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundNumber {
    /// First token (the hedge when there is one).
    pub first: usize,
    pub last: usize,
    pub value: NumberMention,
}

/// A number read at a token: value, last token, unit glued to the digits.
struct Read {
    last: usize,
    value: f64,
    glued_unit: Option<String>,
    vague: bool,
}

struct Parser<'a, 'b> {
    s: &'a SentenceView<'b>,
    n: &'a Numbers,
    words: Vec<Vec<(usize, NumberWord)>>,
}

impl<'a, 'b> Parser<'a, 'b> {
    fn word<T>(&self, i: usize, f: impl Fn(NumberWord) -> Option<T>) -> Option<(usize, T)> {
        self.words
            .get(i)?
            .iter()
            .find_map(|&(l, w)| f(w).map(|v| (l, v)))
    }

    /// Digits with group separators and decimals, starting at token `i`.
    fn digits(&self, i: usize) -> Option<Read> {
        let tok = self.s.folded.tokens.get(i)?;
        let w = self.s.word(i);
        let lead: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
        if lead.is_empty() {
            return None;
        }
        let glued = &w[lead.len()..];
        if tok.kind == TokenKind::Word && !glued.is_empty() {
            // "1300km²", "12e": digits with letters glued on.
            if glued.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            let value: f64 = lead.parse().ok()?;
            return Some(Read {
                last: i,
                value,
                glued_unit: Some(glued.to_string()),
                vague: false,
            });
        }
        let mut text = lead.clone();
        let mut last = i;
        // Groups of three after a separator: "1.000", "1 300", "5,000".
        loop {
            let next = last + 1;
            let gap = self.s.gap(last, next);
            let sep_token = self.s.word(next);
            let (sep_char, group_idx) = if gap.chars().count() == 1
                && gap.chars().all(|c| self.n.group_separators.contains(&c))
            {
                (gap.chars().next(), next)
            } else if gap.is_empty()
                && sep_token.chars().count() == 1
                && sep_token
                    .chars()
                    .all(|c| self.n.group_separators.contains(&c))
                && self.s.gap(next, next + 1).is_empty()
            {
                (sep_token.chars().next(), next + 1)
            } else {
                (None, 0)
            };
            let Some(_) = sep_char else { break };
            let g = self.s.word(group_idx);
            if self.s.is_number(group_idx) && g.len() == 3 {
                text.push_str(g);
                last = group_idx;
            } else {
                break;
            }
        }
        // Decimals: "2,5", "1.5" (a separator followed by 1-2 digits, or
        // any digits not in a group of three).
        let next = last + 1;
        let sep = self.s.word(next);
        if sep.chars().count() == 1
            && sep.chars().all(|c| self.n.decimal_separators.contains(&c))
            && self.s.gap(last, next).is_empty()
            && self.s.gap(next, next + 1).is_empty()
            && self.s.is_number(next + 1)
            && self.s.word(next + 1).len() != 3
        {
            text.push('.');
            text.push_str(self.s.word(next + 1));
            last = next + 1;
        }
        let value: f64 = text.parse().ok()?;
        Some(Read {
            last,
            value,
            glued_unit: None,
            vague: false,
        })
    }

    /// Number words: "vingt-cinq", "quatre-vingt-dix", "deux mille".
    fn words_number(&self, i: usize) -> Option<Read> {
        let mut total: u64 = 0;
        let mut current: u64 = 0;
        let mut last = None;
        let mut j = i;
        loop {
            let w = self.s.word(j);
            if let Some(&v) = self.n.words.get(w) {
                if v == 20 && current % 100 == 4 && last.is_some() {
                    // quatre-vingt(s)
                    current = current - 4 + 80;
                } else if last.is_some() && !current.is_multiple_of(10) && v < 100 {
                    break;
                } else {
                    current += v;
                }
                last = Some(j);
            } else if let Some(&m) = self.n.multipliers.get(w) {
                if m >= 1000 {
                    total += current.max(1) * m;
                    current = 0;
                } else {
                    current = current.max(1) * m;
                }
                last = Some(j);
            } else if self.n.conjunctions.iter().any(|c| c == w)
                && last.is_some()
                && self.n.words.contains_key(self.s.word(j + 1))
            {
                // "soixante et onze", "one hundred and five"
            } else {
                break;
            }
            j += 1;
        }
        let last = last?;
        Some(Read {
            last,
            value: (total + current) as f64,
            glued_unit: None,
            vague: false,
        })
    }

    fn read(&self, i: usize) -> Option<Read> {
        if let Some((l, v)) = self.word(i, |w| match w {
            NumberWord::Vague(v) => Some(v),
            _ => None,
        }) {
            return Some(Read {
                last: l,
                value: v,
                glued_unit: None,
                vague: true,
            });
        }
        self.digits(i).or_else(|| self.words_number(i))
    }
}

/// Finds the number phrases of a sentence, skipping tokens in `skip`
/// (dates already found there).
pub fn find_numbers(s: &SentenceView, n: &Numbers, skip: &[(usize, usize)]) -> Vec<FoundNumber> {
    let mut words = vec![Vec::new(); s.len()];
    for m in n.matcher().find_all(&s.folded) {
        for w in n.matcher().payloads(m.pattern) {
            words[m.first].push((m.last, *w));
        }
    }
    for list in &mut words {
        list.sort_by_key(|w| std::cmp::Reverse(w.0));
    }
    let p = Parser { s, n, words };
    let skipped = |i: usize| skip.iter().any(|&(a, b)| a <= i && i <= b);
    let mut out: Vec<FoundNumber> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if skipped(i) {
            i += 1;
            continue;
        }
        // "No casualties were reported": a count of zero.
        if let Some((l, c)) = p.word(i, |w| match w {
            NumberWord::None(c) => Some(c),
            _ => None,
        }) {
            out.push(FoundNumber {
                first: i,
                last: l,
                value: NumberMention {
                    value: 0.0,
                    low: 0.0,
                    high: 0.0,
                    hedge: Hedge::Exact,
                    counts: Some(c),
                },
            });
            i = l + 1;
            continue;
        }
        // A hedge before the number.
        let (hedge, start) = match p.word(i, |w| match w {
            NumberWord::Hedge(h) => Some(h),
            _ => None,
        }) {
            Some((l, h)) if !skipped(l + 1) => (Some(h), l + 1),
            _ => (None, i),
        };
        // A range opener before the number: "de 700 à 1.000".
        let range_open = p
            .word(start, |w| (w == NumberWord::RangeStart).then_some(()))
            .map(|(l, _)| l);
        let num_start = match range_open {
            Some(l) if p.read(l + 1).is_some() => l + 1,
            _ => start,
        };
        let Some(read) = p.read(num_start) else {
            i += 1;
            continue;
        };
        // A designation ("S-300", "Su-34", "BM-21"): a short capitalised
        // word joined to the digits by a hyphen names a weapon, not a count.
        if designation(s, num_start) {
            i = read.last + 1;
            continue;
        }
        let mut low = read.value;
        let mut high = read.value;
        let mut last = read.last;
        let mut kind = if read.vague {
            Hedge::Vague
        } else {
            hedge.unwrap_or(Hedge::Exact)
        };
        // The other end of a range.
        let closer = p
            .word(last + 1, |w| (w == NumberWord::RangeEnd).then_some(()))
            .map(|(l, _)| l);
        let dash =
            n.dash_ranges && matches!(s.gap(last, last + 1), "-" | "–") && s.is_number(last + 1);
        let other_start = match (range_open, closer) {
            (Some(_), Some(l)) => Some(l + 1),
            _ if dash => Some(last + 1),
            _ => None,
        };
        if let Some(os) = other_start {
            if let Some(other) = p.read(os) {
                if other.value > read.value {
                    high = other.value;
                    last = other.last;
                    kind = Hedge::Range;
                }
            }
        }
        if matches!(kind, Hedge::AtLeast) {
            high = f64::INFINITY;
        }
        if matches!(kind, Hedge::AtMost) {
            low = 0.0;
        }
        let value = read.value;
        // What is counted: a glued unit, a noun after (skipping "de"),
        // then a participle after or a verb before that makes it a count
        // of the dead or wounded.
        let mut counts: Option<Counted> = None;
        if let Some(unit) = &read.glued_unit {
            let unit_folded = vigie_text::fold_phrase(unit);
            counts = n
                .matcher()
                .payloads_of_phrase(&unit_folded)
                .find_map(|w| match w {
                    NumberWord::Noun(c) => Some(*c),
                    _ => None,
                });
        }
        let mut j = last + 1;
        for _ in 0..2 {
            if matches!(s.word(j), "de" | "d" | "of" | "des") {
                j += 1;
            }
        }
        let mut noun_follows = counts.is_some();
        // "a 68-year-old man": one man; the age between is skipped.
        if counts.is_none() && read.value == 1.0 && !s.is_number(num_start) {
            if let Some(age) = p.read(j) {
                if let Some((l, Counted::Age)) = p.word(age.last + 1, |w| match w {
                    NumberWord::Noun(c) => Some(c),
                    _ => None,
                }) {
                    j = l + 1;
                }
            }
        }
        if counts.is_none() {
            if let Some((l, c)) = p.word(j, |w| match w {
                NumberWord::Noun(c) => Some(c),
                _ => None,
            }) {
                counts = Some(c);
                noun_follows = true;
                j = l + 1;
            }
        }
        let decisive = |c: Counted| {
            matches!(
                c,
                Counted::Killed
                    | Counted::Wounded
                    | Counted::Captured
                    | Counted::Abducted
                    | Counted::Arrested
                    | Counted::Displaced
                    | Counted::Casualties
            )
        };
        // A verb right before the number (after any hedge): "killed 14
        // people", "tuant au moins 12 civils".
        let mut before_verb: Option<Counted> = None;
        let before_end = if hedge.is_some() { i } else { start };
        for k in (before_end.saturating_sub(4)..before_end).rev() {
            if let Some((l, c)) = p.word(k, |w| match w {
                NumberWord::Before(c) => Some(c),
                _ => None,
            }) {
                // Next to the number, or one word away ("killing the 14"),
                // but not across a conjunction or a comma: in "killed and
                // 15 abducted" the verb counts the previous number.
                let gap = l + 1 < before_end;
                let joined = gap
                    && (s.word(l + 1) == "," || n.conjunctions.iter().any(|c| c == s.word(l + 1)));
                if l + 1 >= before_end.saturating_sub(1) && !joined {
                    before_verb = Some(c);
                    break;
                }
            }
        }
        let wounded = counts == Some(Counted::Wounded);
        let measure = counts.is_some_and(|c| {
            matches!(
                c,
                Counted::Km | Counted::Km2 | Counted::Villages | Counted::Weapons | Counted::Age
            )
        });
        if before_verb.is_some() && !counts.is_some_and(decisive) && !measure {
            counts = before_verb;
        } else if wounded || (!counts.is_some_and(decisive) && !measure) {
            // A participle in the clause after the noun phrase ("80
            // terroristes ont été éliminés"; wounded who "ont succombé"),
            // up to the next number, which counts something else.
            let mut k = j;
            while k < s.len() && k <= j + 8 {
                if matches!(s.word(k), "." | ";" | "?" | "!") || s.is_number(k) {
                    break;
                }
                if let Some((_, c)) = p.word(k, |w| match w {
                    NumberWord::After(c) => Some(c),
                    _ => None,
                }) {
                    if !wounded || c == Counted::Killed {
                        counts = Some(c);
                    }
                    break;
                }
                k += 1;
            }
        }
        // "onze morts à Gorgadji et sept à Sollé": a bare number right
        // after a conjunction counts what the sentence's previous count
        // does, when nothing else says what it counts.
        if counts.is_none() && num_start > 0 {
            let conj = n.conjunctions.iter().any(|c| c == s.word(num_start - 1));
            if conj {
                counts = out
                    .last()
                    .filter(|prev: &&FoundNumber| num_start - prev.last <= ELLIPSIS_REACH)
                    .and_then(|prev| prev.value.counts)
                    .filter(|c| decisive(*c));
            }
        }
        // One ("un", "une", "a") only counts when a counted noun follows:
        // "killed by a drone" is no count of the dead.
        let single_word_one = read.value == 1.0 && !s.is_number(num_start) && !read.vague;
        if single_word_one && !noun_follows {
            i = last + 1;
            continue;
        }
        let first = if hedge.is_some() {
            i
        } else {
            range_open
                .filter(|_| kind == Hedge::Range)
                .unwrap_or(num_start)
        };
        out.push(FoundNumber {
            first,
            last,
            value: NumberMention {
                value,
                low,
                high: if high.is_finite() { high } else { f64::MAX },
                hedge: kind,
                counts,
            },
        });
        i = last + 1;
    }
    share_participles(s, n, &mut out);
    out
}

/// Tokens between two coordinated counts ("Trois militaires et cinq
/// assaillants"): a noun, a comma or a conjunction.
const LIST_REACH: usize = 5;

/// Coordinated counts share the participle after the last one ("Trois
/// militaires et cinq assaillants ont été tués": both killed; "two
/// soldiers and a member of the militia were killed").
fn share_participles(s: &SentenceView, n: &Numbers, out: &mut [FoundNumber]) {
    let shared = |c: Counted| {
        matches!(
            c,
            Counted::Killed | Counted::Wounded | Counted::Abducted | Counted::Arrested
        )
    };
    for k in (0..out.len().saturating_sub(1)).rev() {
        let (a, b) = (&out[k], &out[k + 1]);
        // The earlier count names people ("trois militaires"); "dozens of
        // gun trucks, killing five" is no list of the dead.
        let open = a
            .value
            .counts
            .is_some_and(|c| matches!(c, Counted::Fighters | Counted::Civilians | Counted::People));
        let Some(c) = b.value.counts.filter(|c| shared(*c)) else {
            continue;
        };
        let between = a.last + 1..b.first;
        let listed = between.len() <= LIST_REACH
            && between
                .clone()
                .any(|j| s.word(j) == "," || n.conjunctions.iter().any(|w| w == s.word(j)))
            && between
                .clone()
                .all(|j| s.kind(j) == Some(TokenKind::Word) || s.word(j) == ",");
        if open && listed {
            out[k].value.counts = Some(c);
        }
    }
}

/// Whether the digits at token `i` end a designation: "S-300", "Su-34",
/// "MiG-29", "BM-21" (a word of at most four letters, capitalised, glued
/// to the digits by a hyphen).
fn designation(s: &SentenceView, i: usize) -> bool {
    if i == 0 || !s.is_number(i) || !matches!(s.gap(i - 1, i), "-" | "–") {
        return false;
    }
    let prev = s.original(i - 1);
    s.kind(i - 1) == Some(TokenKind::Word)
        && (1..=4).contains(&prev.chars().count())
        && prev.chars().all(char::is_alphabetic)
        && prev.chars().next().is_some_and(char::is_uppercase)
}

/// Tokens from one count back to the previous one it shares its noun with
/// ("killing 11 people in Kabkabiya and four in Mellit").
const ELLIPSIS_REACH: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_core::Span;

    fn lex() -> Numbers {
        let nf = include_bytes!("../../../data/lexicon/fr/numbers.toml");
        let ne = include_bytes!("../../../data/lexicon/en/numbers.toml");
        Numbers::parse([("fr", &nf[..]), ("en", &ne[..])]).unwrap()
    }

    fn nums(text: &str) -> Vec<(String, f64, Hedge, Option<Counted>)> {
        let n = lex();
        let s = SentenceView::new(text, 0, Span::new(0, text.len()));
        find_numbers(&s, &n, &[])
            .into_iter()
            .map(|f| {
                (
                    s.span_of(f.first, f.last).slice(text).unwrap().to_string(),
                    f.value.value,
                    f.value.hedge,
                    f.value.counts,
                )
            })
            .collect()
    }

    fn one(text: &str, surface: &str, value: f64, hedge: Hedge, counts: Option<Counted>) {
        let got = nums(text);
        assert_eq!(got.len(), 1, "{text:?}: {got:?}");
        assert_eq!(
            got[0],
            (surface.to_string(), value, hedge, counts),
            "{text:?}"
        );
    }

    #[test]
    fn digits_and_separators() {
        use Counted::*;
        one(
            "près de 80 terroristes ont été éliminés",
            "près de 80",
            80.0,
            Hedge::Approx,
            Some(Killed),
        );
        one(
            "a fait 11 morts au Cameroun",
            "11",
            11.0,
            Hedge::Exact,
            Some(Killed),
        );
        one(
            "plus de 1300km² et des postes",
            "plus de 1300km²",
            1300.0,
            Hedge::AtLeast,
            Some(Km2),
        );
        one(
            "un bilan de 1.093 morts",
            "1.093",
            1093.0,
            Hedge::Exact,
            Some(Killed),
        );
        one(
            "plus de 350 000 morts",
            "plus de 350 000",
            350000.0,
            Hedge::AtLeast,
            Some(Killed),
        );
        one(
            "a city of 300,000 people",
            "300,000",
            300000.0,
            Hedge::Exact,
            Some(People),
        );
        one(
            "un territoire de 22 km²",
            "22",
            22.0,
            Hedge::Exact,
            Some(Km2),
        );
        one(
            "59 missiles Tomahawk",
            "59",
            59.0,
            Hedge::Exact,
            Some(Weapons),
        );
    }

    #[test]
    fn words_vague_amounts_and_verbs() {
        use Counted::*;
        one(
            "a tué onze personnes",
            "onze",
            11.0,
            Hedge::Exact,
            Some(Killed),
        );
        one(
            "Sept personnes sont mortes sur le coup",
            "Sept",
            7.0,
            Hedge::Exact,
            Some(Killed),
        );
        one(
            "de tuer des dizaines de terroristes",
            "des dizaines",
            10.0,
            Hedge::Vague,
            Some(Killed),
        );
        one(
            "dozens of militants were killed",
            "dozens",
            12.0,
            Hedge::Vague,
            Some(Killed),
        );
        one(
            "vingt-cinq soldats",
            "vingt-cinq",
            25.0,
            Hedge::Exact,
            Some(Fighters),
        );
        one(
            "quatre-vingt-dix villages",
            "quatre-vingt-dix",
            90.0,
            Hedge::Exact,
            Some(Villages),
        );
        one(
            "deux mille cinq cents déplacés",
            "deux mille cinq cents",
            2500.0,
            Hedge::Exact,
            Some(Displaced),
        );
        one(
            "Au moins 52 personnes ont été tuées vendredi",
            "Au moins 52",
            52.0,
            Hedge::AtLeast,
            Some(Killed),
        );
        one(
            "Près d'une centaine de blessés",
            "Près d'une centaine",
            100.0,
            Hedge::Vague,
            Some(Wounded),
        );
    }

    #[test]
    fn english_pairs_and_ranges() {
        use Counted::*;
        let got =
            nums("killing at least 50 people and wounding more than 100, hospital staff said");
        assert_eq!(
            got[0],
            ("at least 50".into(), 50.0, Hedge::AtLeast, Some(Killed))
        );
        assert_eq!(
            got[1],
            ("more than 100".into(), 100.0, Hedge::AtLeast, Some(Wounded))
        );
        let got = nums("de 700 à 1.000 combattants");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, Hedge::Range);
        let got = nums("Quatre blessés ont ensuite succombé à leurs blessures.");
        assert_eq!(got[0].3, Some(Killed));
    }

    #[test]
    fn designations_ages_and_no_casualties() {
        // Weapons' designations count nothing.
        assert!(nums("Deux missiles S-300 ont frappé")
            .iter()
            .all(|n| n.1 != 300.0));
        assert!(nums("Su-34 bombers dropped glide bombs").is_empty());
        assert!(nums("BM-21 Grad rockets hit the town").is_empty());
        // Ages are ages, even after a killing verb.
        let age = nums("shelling killed a 68-year-old man");
        assert!(
            age.iter().all(|n| n.1 != 68.0 || n.3 == Some(Counted::Age)),
            "{age:?}"
        );
        assert!(
            age.iter()
                .any(|n| n.1 == 1.0 && n.3 == Some(Counted::Killed)),
            "{age:?}"
        );
        let age = nums("un habitant de 54 ans a été tué");
        assert!(age.iter().all(|n| n.3 != Some(Counted::Killed)), "{age:?}");
        // A statement that nobody died is a count of zero.
        one(
            "No casualties were reported, the army said.",
            "No casualties",
            0.0,
            Hedge::Exact,
            Some(Counted::Killed),
        );
        one(
            "ils ont incendié la mairie, sans faire de victime",
            "sans faire de victime",
            0.0,
            Hedge::Exact,
            Some(Counted::Killed),
        );
        // A killing verb before a conjunction counts the number before it.
        let pair = nums("At least 18 civilians killed and 15 abducted near Mangina");
        assert_eq!(pair[1].3, Some(Counted::Abducted), "{pair:?}");
        let pair = nums("six fighters had been killed and two soldiers wounded");
        assert_eq!(pair[1].3, Some(Counted::Wounded), "{pair:?}");
        // Only counts of people share a participle.
        let trucks =
            nums("stormed the base in dozens of gun trucks, killing at least five soldiers");
        assert_eq!(trucks[0].3, None, "{trucks:?}");
        // "One" as an article after a killing verb counts nothing.
        let art = nums("huit civils ont été tués par une frappe de drone");
        assert!(art.iter().all(|n| n.1 != 1.0), "{art:?}");
        let art = nums("two guards were killed by a roadside bomb");
        assert!(art.iter().all(|n| n.1 != 1.0), "{art:?}");
        one(
            "The rockets fell in open areas and no injuries were reported.",
            "no injuries were reported",
            0.0,
            Hedge::Exact,
            Some(Counted::Killed),
        );
        one(
            "Aucun décès n'a été signalé, selon le maire.",
            "Aucun décès",
            0.0,
            Hedge::Exact,
            Some(Counted::Killed),
        );
        // Digits after a hyphen that is not a designation still count.
        one(
            "les combats de Kidal-Nord ont fait 12 morts",
            "12",
            12.0,
            Hedge::Exact,
            Some(Counted::Killed),
        );
    }

    #[test]
    fn non_numbers() {
        assert!(nums("une source militaire a indiqué").is_empty());
        assert!(nums("A Russian missile hit the station").is_empty());
        assert!(nums("").is_empty());
    }
}
