//! Date expressions in French and English, resolved against the article's
//! publication date and its precision.
//!
//! Recognised: numeric dates (`19/11/2017`, `2017-11-19`), day and month
//! with optional weekday, year and time of day (`vendredi 8 avril`, `le 6
//! août au soir`, `Sept. 28`, `March 3, 2018`), day ranges (`du 5 au 7
//! juin`, `Sept. 29-30`), nights (`dans la nuit de mercredi à jeudi`),
//! months (`en mai`, `janvier 2015`, `fin juillet`, `mi-août`), years (`en
//! 2014`), seasons (`au printemps 2015`), weekdays (`jeudi`, `lundi soir`,
//! `jeudi dernier`, `on Saturday`), relative days (`hier`, `yesterday`),
//! days relative to the last date (`la veille`, `the day before`), periods
//! (`la semaine dernière`), durations back (`il y a près de deux
//! semaines`, `two weeks ago`) and spans to publication (`depuis le 7
//! février`). All words come from `calendar.toml`.
//!
//! Resolution never invents precision: a weekday in an article known only
//! to the month resolves to that month with month precision.

use crate::context::SentenceView;
use chrono::{Datelike, Days, Months, NaiveDate};
use vigie_core::date::last_day_of_month;
use vigie_core::{DateMention, FuzzyDate, Precision};
use vigie_lexicon::{Calendar, DateWord, Numbers, Unit};

/// State carried across the sentences of one article.
#[derive(Debug, Clone, Default)]
pub struct DateContext {
    pub published: Option<FuzzyDate>,
    /// The last day-precise date mentioned, for "la veille".
    pub last: Option<FuzzyDate>,
}

/// A date found in a sentence: token range and value.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDate {
    pub first: usize,
    pub last: usize,
    pub value: DateMention,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    Early,
    Mid,
    Late,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Rel {
    Plain,
    Last,
    Next,
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Exact {
        y: Option<i32>,
        m: u32,
        d: u32,
        end: Option<(u32, u32)>,
    },
    MonthYear {
        y: Option<i32>,
        m: u32,
        part: Option<Part>,
    },
    Year(i32),
    Weekday(u32, Rel),
    RelDay(i64),
    Anaphoric(i64),
    Period(Unit, i64),
    Ago(u64, Unit),
    Season {
        y: Option<i32>,
        from: u32,
        to: u32,
        last: bool,
    },
    Numeric(NaiveDate),
}

struct Parser<'a, 'b> {
    s: &'a SentenceView<'b>,
    numbers: &'a Numbers,
    /// Per start token: (last token, word, language index).
    words: Vec<Vec<(usize, DateWord, u8)>>,
    english: Option<u8>,
}

impl<'a, 'b> Parser<'a, 'b> {
    fn new(s: &'a SentenceView<'b>, cal: &'a Calendar, numbers: &'a Numbers) -> Self {
        let mut words = vec![Vec::new(); s.len()];
        for m in cal.matcher().find_all(&s.folded) {
            for (w, lang) in cal.matcher().payloads(m.pattern) {
                words[m.first].push((m.last, *w, *lang));
            }
        }
        for list in &mut words {
            list.sort_by_key(|w| std::cmp::Reverse(w.0));
        }
        Parser {
            s,
            numbers,
            words,
            english: cal.language_index("en"),
        }
    }

    /// The longest word at `i` satisfying `f`, as (last token, value).
    fn word<T>(&self, i: usize, f: impl Fn(DateWord) -> Option<T>) -> Option<(usize, T)> {
        let list = self.words.get(i)?;
        list.iter().find_map(|&(last, w, lang)| {
            // English month and weekday names are always capitalised
            // ("may", "march", "sun" are words).
            let needs_capital = matches!(w, DateWord::Month(..) | DateWord::Weekday(_))
                && Some(lang) == self.english;
            if needs_capital && !self.s.capitalized(i) {
                return None;
            }
            f(w).map(|v| (last, v))
        })
    }

    fn has(&self, i: usize, f: impl Fn(DateWord) -> bool) -> Option<usize> {
        self.word(i, |w| f(w).then_some(())).map(|(l, _)| l)
    }

    /// Skips an abbreviation period right after token `last` when a number
    /// follows ("Sept. 28"), not a sentence's final period.
    fn after_abbrev(&self, last: usize) -> usize {
        if self.s.word(last + 1) == "."
            && self.s.gap(last, last + 1).is_empty()
            && self
                .s
                .word(last + 2)
                .starts_with(|c: char| c.is_ascii_digit())
        {
            last + 1
        } else {
            last
        }
    }

    fn month(&self, i: usize) -> Option<(usize, u32)> {
        self.word(i, |w| match w {
            DateWord::Month(m, _) => Some(m),
            _ => None,
        })
        .map(|(l, m)| (self.after_abbrev(l), m))
    }

    /// A month by its full name (abbreviations like "sept" are words too).
    fn full_month(&self, i: usize) -> Option<(usize, u32)> {
        self.word(i, |w| match w {
            DateWord::Month(m, true) => Some(m),
            _ => None,
        })
    }

    fn weekday(&self, i: usize) -> Option<(usize, u32)> {
        self.word(i, |w| match w {
            DateWord::Weekday(d) => Some(d),
            _ => None,
        })
        .map(|(l, d)| (self.after_abbrev(l), d))
    }

    /// A day of the month: `6`, `1er`, `28th`, `premier`.
    fn day(&self, i: usize) -> Option<(usize, u32)> {
        if let Some(l) = self.has(i, |w| w == DateWord::FirstDay) {
            return Some((l, 1));
        }
        let w = self.s.word(i);
        let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
        let suffix = &w[digits.len()..];
        if digits.is_empty()
            || digits.len() > 2
            || !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er")
        {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some((i, d))
    }

    fn year(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.s.word(i);
        if w.len() == 4 && self.s.is_number(i) {
            let y: i32 = w.parse().ok()?;
            if (1900..=2100).contains(&y) {
                return Some((i, y));
            }
        }
        None
    }

    /// A year after `last`, possibly after a comma ("March 3, 2018").
    fn year_after(&self, last: usize) -> Option<(usize, i32)> {
        if let Some(y) = self.year(last + 1) {
            return Some(y);
        }
        if self.s.word(last + 1) == "," {
            return self.year(last + 2);
        }
        None
    }

    /// Extends `last` over times of day ("au soir", "matin").
    fn times(&self, mut last: usize) -> usize {
        while let Some(l) = self.has(last + 1, |w| w == DateWord::TimeOfDay) {
            last = l;
        }
        last
    }

    fn fillers(&self, mut i: usize) -> usize {
        while let Some(l) = self.has(i, |w| w == DateWord::Filler) {
            i = l + 1;
        }
        i
    }

    /// A small count: digits or a number word ("deux").
    fn count(&self, i: usize) -> Option<(usize, u64)> {
        if let Some(n) = self.s.number(i) {
            return Some((i, n));
        }
        self.numbers.words.get(self.s.word(i)).map(|&v| (i, v))
    }

    /// Parses one expression starting at token `i`.
    fn parse_at(&self, i: usize) -> Option<(usize, Expr)> {
        self.numeric(i)
            .or_else(|| self.range(i))
            .or_else(|| self.night(i))
            .or_else(|| self.day_month(i))
            .or_else(|| self.month_day(i))
            .or_else(|| self.month_year(i))
            .or_else(|| self.weekday_expr(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.ago(i))
            .or_else(|| self.season(i))
            .or_else(|| self.bare_year(i))
    }

    fn numeric(&self, i: usize) -> Option<(usize, Expr)> {
        let a = self.s.number(i)?;
        let sep1 = self.s.gap(i, i + 1);
        // Hyphens fold away, so "2017-11-19" is three tokens with "-" gaps.
        if self.s.word(i).len() == 4 && sep1 == "-" {
            let (m, d) = (self.s.number(i + 1)?, self.s.number(i + 2)?);
            if self.s.gap(i + 1, i + 2) != "-" {
                return None;
            }
            let date = NaiveDate::from_ymd_opt(a as i32, m as u32, d as u32)?;
            return Some((i + 2, Expr::Numeric(date)));
        }
        // dd/mm/yyyy or dd.mm.yyyy: punctuation tokens between.
        let sep = self.s.word(i + 1);
        if !(sep == "/" || sep == ".") || !self.s.gap(i, i + 1).is_empty() {
            return None;
        }
        let m = self.s.number(i + 2)?;
        if self.s.word(i + 3) != sep {
            return None;
        }
        let yw = self.s.word(i + 4);
        let y = self.s.number(i + 4)?;
        let y = match yw.len() {
            4 => y as i32,
            2 => 2000 + y as i32,
            _ => return None,
        };
        let date = NaiveDate::from_ymd_opt(y, m as u32, a as u32)?;
        Some((i + 4, Expr::Numeric(date)))
    }

    /// "du 5 au 7 juin", "entre le 5 et le 7 juin", "from Aug. 3 to 5",
    /// "between June 10 and 12, 2016".
    fn range(&self, i: usize) -> Option<(usize, Expr)> {
        let l = self.has(i, |w| w == DateWord::RangeStart)?;
        if let Some((lm, m)) = self.month(self.fillers(l + 1)) {
            let (l1, d1) = self.day(lm + 1)?;
            let l2 = self.has(l1 + 1, |w| w == DateWord::RangeEnd)?;
            let j = self.fillers(l2 + 1);
            let (m2, j) = match self.month(j) {
                Some((lm2, m2)) => (m2, lm2 + 1),
                None => (m, j),
            };
            let (l3, d2) = self.day(j)?;
            let (last, y) = match self.year_after(l3) {
                Some((l, y)) => (l, Some(y)),
                None => (l3, None),
            };
            return Some((
                self.times(last),
                Expr::Exact {
                    y,
                    m,
                    d: d1,
                    end: Some((m2, d2)),
                },
            ));
        }
        let (l1, d1) = self.day(self.fillers(l + 1))?;
        let l2 = self.has(l1 + 1, |w| w == DateWord::RangeEnd)?;
        let (l3, d2) = self.day(self.fillers(l2 + 1))?;
        let (l4, m) = self.month(l3 + 1)?;
        let (last, y) = match self.year_after(l4) {
            Some((l, y)) => (l, Some(y)),
            None => (l4, None),
        };
        Some((
            self.times(last),
            Expr::Exact {
                y,
                m,
                d: d1,
                end: Some((m, d2)),
            },
        ))
    }

    /// "dans la nuit de mercredi à jeudi", "overnight Tuesday".
    fn night(&self, i: usize) -> Option<(usize, Expr)> {
        let l = self.has(i, |w| w == DateWord::NightOf)?;
        let j = self.fillers(l + 1);
        if let Some((lw, wd)) = self.weekday(j) {
            let mut last = lw;
            if let Some(lt) = self.has(lw + 1, |w| w == DateWord::NightTo) {
                if let Some((l2, _)) = self.weekday(self.fillers(lt + 1)) {
                    last = l2;
                }
            }
            return Some((last, Expr::Weekday(wd, Rel::Plain)));
        }
        let (ld, d) = self.day(j)?;
        let mut last = ld;
        if let Some(lt) = self.has(ld + 1, |w| w == DateWord::NightTo) {
            if let Some((l2, _)) = self.day(self.fillers(lt + 1)) {
                last = l2;
            }
        }
        let (lm, m) = self.month(last + 1)?;
        let (last, y) = match self.year_after(lm) {
            Some((l, y)) => (l, Some(y)),
            None => (lm, None),
        };
        Some((last, Expr::Exact { y, m, d, end: None }))
    }

    /// [weekday [time]] [le] day [-day] month [year] [time].
    fn day_month(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        if let Some((lw, _)) = self.weekday(i) {
            j = self.times(lw) + 1;
            if self.s.word(j) == "," {
                j += 1;
            }
            j = self.fillers(j);
        }
        let (ld, d) = self.day(j)?;
        let mut end_day = None;
        let mut after_day = ld;
        if self.s.gap(ld, ld + 1) == "-" {
            if let Some((l2, d2)) = self.day(ld + 1) {
                end_day = Some(d2);
                after_day = l2;
            }
        }
        let (lm, m) = self.month(after_day + 1)?;
        let (last, y) = match self.year_after(lm) {
            Some((l, y)) => (l, Some(y)),
            None => (lm, None),
        };
        Some((
            self.times(last),
            Expr::Exact {
                y,
                m,
                d,
                end: end_day.map(|e| (m, e)),
            },
        ))
    }

    /// English order: [weekday,] month day[-day] [, year].
    fn month_day(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        if let Some((lw, _)) = self.weekday(i) {
            j = lw + 1;
            if self.s.word(j) == "," {
                j += 1;
            }
        }
        let (lm, m) = self.month(j)?;
        let (ld, d) = self.day(lm + 1)?;
        let mut last = ld;
        let mut end = None;
        if self.s.gap(ld, ld + 1) == "-" {
            if let Some((l2, d2)) = self.day(ld + 1) {
                end = Some((m, d2));
                last = l2;
            }
        }
        let (last, y) = match self.year_after(last) {
            Some((l, y)) => (l, Some(y)),
            None => (last, None),
        };
        Some((self.times(last), Expr::Exact { y, m, d, end }))
    }

    /// [début|mi|fin] month [year]; a month alone only after a cue word.
    fn month_year(&self, i: usize) -> Option<(usize, Expr)> {
        let (part, j) = match self.word(i, |w| match w {
            DateWord::Early => Some(Part::Early),
            DateWord::Mid => Some(Part::Mid),
            DateWord::Late => Some(Part::Late),
            _ => None,
        }) {
            Some((l, p)) => (Some(p), self.fillers(l + 1)),
            None => (None, i),
        };
        let (lm, m) = self.month(j)?;
        if let Some((ly, y)) = self.year_after(lm) {
            return Some((
                ly,
                Expr::MonthYear {
                    y: Some(y),
                    m,
                    part,
                },
            ));
        }
        // Abbreviations alone are words ("sept soldats").
        self.full_month(j)?;
        // A month without a year needs a cue before it ("en mai", "depuis
        // mai", "fin juillet", "in May").
        let cued = part.is_some()
            || (i > 0
                && self.words.get(i - 1).is_some_and(|ws| {
                    ws.iter().any(|(l, w, _)| {
                        *l == i - 1 && matches!(w, DateWord::Filler | DateWord::Since)
                    })
                }));
        cued.then_some((lm, Expr::MonthYear { y: None, m, part }))
    }

    fn weekday_expr(&self, i: usize) -> Option<(usize, Expr)> {
        let (lw, wd) = self.weekday(i)?;
        let mut last = self.times(lw);
        let mut rel = Rel::Plain;
        if let Some((l, r)) = self.word(last + 1, |w| match w {
            DateWord::Last => Some(Rel::Last),
            DateWord::Next => Some(Rel::Next),
            _ => None,
        }) {
            rel = r;
            last = self.times(l);
        }
        // English "last Friday".
        if i > 0 && rel == Rel::Plain {
            if let Some((l, r)) = self.word(i - 1, |w| match w {
                DateWord::Last => Some(Rel::Last),
                DateWord::Next => Some(Rel::Next),
                _ => None,
            }) {
                if l == i - 1 {
                    rel = r;
                }
            }
        }
        Some((last, Expr::Weekday(wd, rel)))
    }

    fn relative(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some((l, off)) = self.word(i, |w| match w {
            DateWord::Day(o) => Some(o),
            _ => None,
        }) {
            return Some((self.times(l), Expr::RelDay(off)));
        }
        if let Some((l, off)) = self.word(i, |w| match w {
            DateWord::AnaphoricDay(o) => Some(o),
            _ => None,
        }) {
            return Some((self.times(l), Expr::Anaphoric(off)));
        }
        self.word(i, |w| match w {
            DateWord::Period(u, o) => Some((u, o)),
            _ => None,
        })
        .map(|(l, (u, o))| (l, Expr::Period(u, o)))
    }

    /// "il y a (près de) deux semaines", "two weeks ago".
    fn ago(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some(l) = self.has(i, |w| w == DateWord::Ago) {
            let mut j = l + 1;
            if let Some(la) = self.has(j, |w| w == DateWord::Approx) {
                j = la + 1;
            }
            let (ln, n) = self.count(j)?;
            let (lu, u) = self.word(ln + 1, |w| match w {
                DateWord::Unit(u) => Some(u),
                _ => None,
            })?;
            return Some((lu, Expr::Ago(n, u)));
        }
        let (ln, n) = self.count(i)?;
        let (lu, u) = self.word(ln + 1, |w| match w {
            DateWord::Unit(u) => Some(u),
            _ => None,
        })?;
        let la = self.has(lu + 1, |w| w == DateWord::AgoAfter)?;
        Some((la, Expr::Ago(n, u)))
    }

    fn season(&self, i: usize) -> Option<(usize, Expr)> {
        let (l, (from, to)) = self.word(i, |w| match w {
            DateWord::Season(a, b) => Some((a, b)),
            _ => None,
        })?;
        // "summer 2014", "summer of 2014", "l'été 2014".
        let after = self.fillers(l + 1);
        if let Some((ly, y)) = self.year_after(l).or_else(|| self.year(after)) {
            return Some((
                ly,
                Expr::Season {
                    y: Some(y),
                    from,
                    to,
                    last: false,
                },
            ));
        }
        // "été" is also a participle and "fall" a noun: a season alone
        // needs a season cue before it ("au printemps", "this summer") or
        // "dernier"/"last" around it.
        let last_after = self.has(l + 1, |w| w == DateWord::Last);
        let last_before = i > 0 && self.has(i - 1, |w| w == DateWord::Last) == Some(i - 1);
        let cue_before = (0..i).any(|k| {
            self.words[k]
                .iter()
                .any(|(e, w, _)| *e + 1 == i && *w == DateWord::SeasonCue)
        });
        if last_after.is_none() && !last_before && !cue_before {
            return None;
        }
        let last = last_after.is_some() || last_before;
        Some((
            last_after.unwrap_or(l),
            Expr::Season {
                y: None,
                from,
                to,
                last,
            },
        ))
    }

    /// Whether the token before `i` is a one-token cue for a date
    /// ("en", "depuis", "in", "since", "fin", "du").
    fn cued(&self, i: usize) -> bool {
        i > 0
            && self.words.get(i - 1).is_some_and(|ws| {
                ws.iter().any(|(last, w, _)| {
                    *last == i - 1
                        && matches!(
                            w,
                            DateWord::Filler
                                | DateWord::Since
                                | DateWord::Early
                                | DateWord::Late
                                | DateWord::RangeStart
                                | DateWord::RangeEnd
                        )
                })
            })
    }

    /// A year alone, after a cue ("en 2014", "depuis 2011", "in 2001"):
    /// "2014 morts" is not a date.
    fn bare_year(&self, i: usize) -> Option<(usize, Expr)> {
        let (l, y) = self.year(i)?;
        self.cued(i).then_some((l, Expr::Year(y)))
    }
}

/// Finds and resolves the dates of one sentence, updating `ctx.last`.
pub fn find_dates(
    s: &SentenceView,
    cal: &Calendar,
    numbers: &Numbers,
    ctx: &mut DateContext,
) -> Vec<FoundDate> {
    let p = Parser::new(s, cal, numbers);
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        // "depuis le 7 février": a span from that date to publication.
        // A range ("from Aug. 3 to 5") is not a "since".
        let ranged = p.range(i).is_some();
        let since = p.has(i, |w| w == DateWord::Since).filter(|_| !ranged);
        let start = since.map_or(i, |l| p.fillers(l + 1));
        match p
            .parse_at(start)
            .or_else(|| if since.is_some() { p.parse_at(i) } else { None })
        {
            Some((last, expr)) => {
                if let Some(mut value) = resolve(&expr, ctx).map(normalise) {
                    // "depuis le 7 février": a span to publication (days only).
                    let day = value.precision == Precision::Day && value.end.is_none();
                    if since.is_some() && day && !matches!(expr, Expr::Ago(..)) {
                        if let Some(p) = ctx.published {
                            value.end = Some(p.range().1);
                        }
                    }
                    if value.precision == Precision::Day {
                        ctx.last = Some(FuzzyDate::day(value.value));
                    }
                    let mut first = if since.is_some() { i } else { start };
                    // Take the cue into the span: "last Friday", "en 2014".
                    let cue_before = match expr {
                        Expr::Weekday(_, Rel::Last | Rel::Next) => {
                            first > 0
                                && p.has(first - 1, |w| {
                                    matches!(w, DateWord::Last | DateWord::Next)
                                }) == Some(first - 1)
                        }
                        Expr::Year(_) => since.is_none() && p.cued(first),
                        _ => false,
                    };
                    if cue_before {
                        first -= 1;
                    }
                    out.push(FoundDate { first, last, value });
                }
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Month-precise dates are the 1st of their month, year-precise ones the
/// 1st of January.
fn normalise(mut m: DateMention) -> DateMention {
    match m.precision {
        Precision::Month => m.value = m.value.with_day(1).unwrap_or(m.value),
        Precision::Year => {
            m.value = NaiveDate::from_ymd_opt(m.value.year(), 1, 1).unwrap_or(m.value)
        }
        _ => {}
    }
    m
}

fn shift_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs())).unwrap_or(d)
    }
}

fn shift_months(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32)).unwrap_or(d)
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs() as u32))
            .unwrap_or(d)
    }
}

fn mention(value: NaiveDate, precision: Precision, relative: bool) -> DateMention {
    DateMention {
        value,
        precision,
        end: None,
        relative,
    }
}

/// The year for a month (and day) given without one: the publication
/// year, or the one before when that would put the date well after
/// publication.
fn infer_year(m: u32, d: u32, published: FuzzyDate) -> i32 {
    let y = published.date.year();
    let (_, pub_end) = published.range();
    match NaiveDate::from_ymd_opt(y, m, d.min(28)) {
        Some(candidate) if candidate > shift_days(pub_end, 31) => y - 1,
        _ => y,
    }
}

fn resolve(expr: &Expr, ctx: &DateContext) -> Option<DateMention> {
    let published = ctx.published;
    match *expr {
        Expr::Numeric(d) => Some(mention(d, Precision::Day, false)),
        Expr::Exact { y, m, d, end } => {
            let year = match y {
                Some(y) => y,
                None => infer_year(m, d, published?),
            };
            let date = NaiveDate::from_ymd_opt(year, m, d)?;
            let mut out = mention(date, Precision::Day, y.is_none());
            if let Some((em, ed)) = end {
                let end = NaiveDate::from_ymd_opt(year, em, ed)?;
                if end >= date {
                    out.end = Some(end);
                }
            }
            Some(out)
        }
        Expr::MonthYear { y, m, part } => {
            let year = match y {
                Some(y) => y,
                None => infer_year(m, 1, published?),
            };
            let first = NaiveDate::from_ymd_opt(year, m, 1)?;
            Some(match part {
                None => mention(first, Precision::Month, y.is_none()),
                Some(p) => {
                    let day = match p {
                        Part::Early => 5,
                        Part::Mid => 15,
                        Part::Late => 25,
                    };
                    mention(first.with_day(day)?, Precision::Week, y.is_none())
                }
            })
        }
        Expr::Year(y) => Some(mention(
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            Precision::Year,
            false,
        )),
        Expr::Weekday(wd, rel) => {
            let p = published?;
            match p.precision {
                Precision::Day | Precision::Week => {
                    let pub_wd = p.date.weekday().num_days_from_monday();
                    let back = (pub_wd + 7 - wd) % 7;
                    let date = match rel {
                        Rel::Plain => shift_days(p.date, -(back as i64)),
                        Rel::Last => shift_days(p.date, -(if back == 0 { 7 } else { back as i64 })),
                        Rel::Next => shift_days(p.date, ((wd + 7 - pub_wd) % 7).max(1) as i64),
                    };
                    Some(mention(date, p.precision, true))
                }
                Precision::Month => Some(mention(p.date.with_day(1)?, Precision::Month, true)),
                Precision::Year => None,
            }
        }
        Expr::RelDay(off) => {
            let p = published?;
            match p.precision {
                Precision::Day | Precision::Week => {
                    Some(mention(shift_days(p.date, off), p.precision, true))
                }
                Precision::Month => Some(mention(p.date.with_day(1)?, Precision::Month, true)),
                Precision::Year => None,
            }
        }
        Expr::Anaphoric(off) => match ctx.last {
            Some(last) => Some(mention(shift_days(last.date, off), Precision::Day, true)),
            None => resolve(&Expr::RelDay(off), ctx),
        },
        Expr::Period(unit, off) => {
            let p = published?;
            match unit {
                Unit::Day => resolve(&Expr::RelDay(off), ctx),
                Unit::Week => match p.precision {
                    Precision::Day | Precision::Week => {
                        Some(mention(shift_days(p.date, 7 * off), Precision::Week, true))
                    }
                    _ if off == 0 => Some(mention(p.date.with_day(1)?, Precision::Month, true)),
                    _ => None,
                },
                Unit::Month => {
                    let first = p.date.with_day(1)?;
                    Some(mention(shift_months(first, off), Precision::Month, true))
                }
                Unit::Year => {
                    let y = p.date.year() + off as i32;
                    Some(mention(
                        NaiveDate::from_ymd_opt(y, 1, 1)?,
                        Precision::Year,
                        true,
                    ))
                }
            }
        }
        Expr::Ago(n, unit) => {
            let p = published?;
            let n = n.min(10_000) as i64;
            let (days, precision) = match unit {
                Unit::Day => (n, Precision::Day),
                Unit::Week => (7 * n, Precision::Week),
                Unit::Month => (30 * n, Precision::Month),
                Unit::Year => (365 * n, Precision::Year),
            };
            match p.precision {
                Precision::Day | Precision::Week => {
                    let date = match unit {
                        Unit::Month => shift_months(p.date, -n),
                        _ => shift_days(p.date, -days),
                    };
                    Some(mention(date, precision.max(p.precision), true))
                }
                Precision::Month if days < 28 => {
                    Some(mention(p.date.with_day(1)?, Precision::Month, true))
                }
                Precision::Month => {
                    let date = shift_days(p.date.with_day(15)?, -days);
                    Some(mention(
                        date.with_day(1)?,
                        precision.max(Precision::Month),
                        true,
                    ))
                }
                Precision::Year => None,
            }
        }
        Expr::Season { y, from, to, last } => {
            let year = match (y, published) {
                (Some(y), _) => y,
                (None, Some(p)) if last => p.date.year() - 1,
                (None, Some(p)) => p.date.year(),
                (None, None) => return None,
            };
            let start = NaiveDate::from_ymd_opt(year, from, 1)?;
            let end_year = if to < from { year + 1 } else { year };
            let end = last_day_of_month(NaiveDate::from_ymd_opt(end_year, to, 1)?);
            Some(DateMention {
                value: start,
                precision: Precision::Month,
                end: Some(end),
                relative: y.is_none(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_core::Span;

    fn lex() -> (Calendar, Numbers) {
        let fr = include_bytes!("../../../data/lexicon/fr/calendar.toml");
        let en = include_bytes!("../../../data/lexicon/en/calendar.toml");
        let cal = Calendar::parse([("fr", &fr[..]), ("en", &en[..])]).unwrap();
        let nf = include_bytes!("../../../data/lexicon/fr/numbers.toml");
        let ne = include_bytes!("../../../data/lexicon/en/numbers.toml");
        let num = Numbers::parse([("fr", &nf[..]), ("en", &ne[..])]).unwrap();
        (cal, num)
    }

    /// Finds the dates of `text` published on `published`; returns
    /// (surface, value, precision, end).
    fn dates(text: &str, published: &str) -> Vec<(String, String, Precision, Option<String>)> {
        let (cal, num) = lex();
        let s = SentenceView::new(text, 0, Span::new(0, text.len()));
        let mut ctx = DateContext {
            published: FuzzyDate::parse(published),
            last: None,
        };
        find_dates(&s, &cal, &num, &mut ctx)
            .into_iter()
            .map(|f| {
                (
                    s.span_of(f.first, f.last).slice(text).unwrap().to_string(),
                    f.value.value.to_string(),
                    f.value.precision,
                    f.value.end.map(|e| e.to_string()),
                )
            })
            .collect()
    }

    fn one(text: &str, published: &str, surface: &str, value: &str, precision: Precision) {
        let got = dates(text, published);
        assert_eq!(got.len(), 1, "{text:?} published {published}: {got:?}");
        assert_eq!(got[0].0, surface, "{text:?}");
        assert_eq!(got[0].1, value, "{text:?}");
        assert_eq!(got[0].2, precision, "{text:?}");
    }

    #[test]
    fn absolute_dates() {
        use Precision::*;
        one(
            "Le 6 août au soir, l'armée est entrée dans la ville.",
            "2017-08-07",
            "6 août au soir",
            "2017-08-06",
            Day,
        );
        let got = dates(
            "annoncé hier soir, dimanche 27 décembre 2015.",
            "2015-12-28",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("hier soir", "2015-12-27")
        );
        assert_eq!(
            (got[1].0.as_str(), got[1].1.as_str()),
            ("dimanche 27 décembre 2015", "2015-12-27")
        );
        one(
            "tuées vendredi 8 avril dans l'attaque",
            "2022-04",
            "vendredi 8 avril",
            "2022-04-08",
            Day,
        );
        one(
            "le 1er mars, des combats",
            "2019-03-05",
            "1er mars",
            "2019-03-01",
            Day,
        );
        one(
            "On Sept. 28, Taliban forces attacked.",
            "2015-10",
            "Sept. 28",
            "2015-09-28",
            Day,
        );
        one(
            "Published March 3, 2018 by staff",
            "2018-03-04",
            "March 3, 2018",
            "2018-03-03",
            Day,
        );
        one(
            "OLJ 19/11/2017 Boukamal",
            "2017-11",
            "19/11/2017",
            "2017-11-19",
            Day,
        );
        one(
            "mise à jour 2019-07-23 à 10h",
            "2019-07",
            "2019-07-23",
            "2019-07-23",
            Day,
        );
        one(
            "dimanche 18 mars 2018, Afrine",
            "2018-03-20",
            "dimanche 18 mars 2018",
            "2018-03-18",
            Day,
        );
    }

    #[test]
    fn year_inference_looks_back() {
        // "le 28 décembre" in a January article is last December.
        one(
            "Les combats du 28 décembre ont fait 3 morts.",
            "2018-01-05",
            "28 décembre",
            "2017-12-28",
            Precision::Day,
        );
        one(
            "Des frappes le 8 novembre.",
            "2017-11-19",
            "8 novembre",
            "2017-11-08",
            Precision::Day,
        );
    }

    #[test]
    fn weekdays_with_day_and_month_publication() {
        use Precision::*;
        // 2017-11-19 is a Sunday.
        one(
            "a annoncé dimanche le service",
            "2017-11-19",
            "dimanche",
            "2017-11-19",
            Day,
        );
        one(
            "a annoncé jeudi le ministre",
            "2017-11-19",
            "jeudi",
            "2017-11-16",
            Day,
        );
        one(
            "jeudi dernier, un raid",
            "2017-11-16",
            "jeudi dernier",
            "2017-11-09",
            Day,
        );
        one(
            "lundi soir, des tirs",
            "2017-11-19",
            "lundi soir",
            "2017-11-13",
            Day,
        );
        // Known only to the month: never a made-up day.
        one(
            "relate l'agence Sana jeudi",
            "2017-08",
            "jeudi",
            "2017-08-01",
            Month,
        );
        one(
            "news reports said on Friday",
            "2022-04-08",
            "Friday",
            "2022-04-08",
            Day,
        );
        one(
            "the army said last Friday",
            "2022-04-08",
            "last Friday",
            "2022-04-01",
            Day,
        );
    }

    #[test]
    fn relative_days_periods_and_durations() {
        use Precision::*;
        one(
            "poursuivaient, hier, leur offensive",
            "2017-02-18",
            "hier",
            "2017-02-17",
            Day,
        );
        one(
            "poursuivaient, hier, leur offensive",
            "2017-02",
            "hier",
            "2017-02-01",
            Month,
        );
        one(
            "Il y a près de deux semaines, des miliciens",
            "2018-09-20",
            "Il y a près de deux semaines",
            "2018-09-06",
            Week,
        );
        one(
            "Il y a près de deux semaines, des miliciens",
            "2018-09",
            "Il y a près de deux semaines",
            "2018-09-01",
            Month,
        );
        one(
            "fighters left two weeks ago",
            "2018-09-20",
            "two weeks ago",
            "2018-09-06",
            Week,
        );
        one(
            "la semaine dernière, un raid",
            "2018-09-20",
            "la semaine dernière",
            "2018-09-13",
            Week,
        );
        one(
            "yesterday morning, a blast",
            "2020-05-10",
            "yesterday morning",
            "2020-05-09",
            Day,
        );
    }

    #[test]
    fn months_years_seasons_and_spans() {
        use Precision::*;
        one(
            "assiégées depuis janvier 2015 par",
            "2017-08",
            "depuis janvier 2015",
            "2015-01-01",
            Month,
        );
        one(
            "depuis le mois de mai, l'armée",
            "2017-08-07",
            "depuis le mois de mai",
            "2017-05-01",
            Month,
        );
        one(
            "fin juillet, les combats",
            "2017-08-07",
            "fin juillet",
            "2017-07-25",
            Week,
        );
        one(
            "tombée au printemps 2015",
            "2017-08",
            "printemps 2015",
            "2015-03-01",
            Month,
        );
        one(
            "proclamé en 2014 par",
            "2017-11-19",
            "en 2014",
            "2014-01-01",
            Year,
        );
        let got = dates("Depuis le 7 février, les détachements", "2017-02");
        assert_eq!(
            got,
            vec![(
                "Depuis le 7 février".into(),
                "2017-02-07".into(),
                Day,
                Some("2017-02-28".into())
            )]
        );
        let got = dates("du 5 au 7 juin 2016, des heurts", "2016-06-20");
        assert_eq!(
            got,
            vec![(
                "du 5 au 7 juin 2016".into(),
                "2016-06-05".into(),
                Day,
                Some("2016-06-07".into())
            )]
        );
        let got = dates(
            "rebels held most districts of the town on Sept. 29-30.",
            "2015-10",
        );
        assert_eq!(got[0].1, "2015-09-29");
        assert_eq!(got[0].3.as_deref(), Some("2015-09-30"));
    }

    #[test]
    fn nights_and_anaphora() {
        use Precision::*;
        // 2016-06-30 is a Thursday.
        one(
            "dans la nuit de mercredi à jeudi près du fleuve",
            "2016-06-30",
            "dans la nuit de mercredi à jeudi",
            "2016-06-29",
            Day,
        );
        let got = dates(
            "Le 8 novembre, l'armée est entrée; la veille, des tirs.",
            "2017-11-19",
        );
        assert_eq!(got[1].1, "2017-11-07");
    }

    #[test]
    fn non_dates() {
        assert!(dates("Près de 80 terroristes ont été éliminés.", "2017-08").is_empty());
        assert!(dates("Il a dit qu'il may come in March.", "2017-08")
            .iter()
            .all(|d| d.0 != "may"));
        assert!(dates("la résolution 2254 du Conseil de sécurité", "2017-02").is_empty());
        assert!(dates("Theresa May a parlé", "2017-02").is_empty());
        // Without a publication date, relative dates cannot be resolved.
        assert!(dates("hier, des combats", "").is_empty());
        assert_eq!(dates("le 6 août 2017", "")[0].1, "2017-08-06");
    }
}
