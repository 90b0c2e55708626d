//! Article metadata found in the text: the publication date in the header
//! ("19/11/2017", "10 novembre 2017 12:14", "Published March 3, 2018") or a
//! wire dateline ("BAMAKO, 12 août (Reuters) -"), and the outlet from the
//! table of known news hosts.

use crate::context::SentenceView;
use crate::dates::{find_dates, DateContext};
use chrono::Datelike;
use vigie_core::{Article, FuzzyDate, MetaSource, Precision, Span};
use vigie_lexicon::Lexicon;
use vigie_text::Sentence;

/// Sets the outlet from the URL's host when the input did not give it, and
/// the publication date from the URL when the host writes it in a form of
/// its own (`url_date` in `outlets.tsv`).
pub fn outlet_from_host(article: &mut Article, lex: &Lexicon) {
    if let Some(url) = article.url.clone() {
        if let Some(o) = lex.outlets.lookup(&url) {
            article.offer_outlet(&o.name, MetaSource::HostTable);
            if let Some(d) = o.url_date.and_then(|f| f.find(&url)) {
                article.offer_published(FuzzyDate::day(d), MetaSource::Url);
            }
        }
    }
}

/// Looks for the publication date in the header (the text before the first
/// body block) and in a wire dateline opening the first sentence. A day
/// found there sets the date when none is known, or refines a month known
/// from the date line or the URL when it falls in that month.
///
/// A header day written without its year ("Mis à jour à 09h10 le 12/04",
/// "Publié le mardi 12 avril") takes the year the metadata gives, else
/// the latest year the header and footer name. A wire dateline with
/// neither ("MOGADISHU, Sept 23 (Reuters) -") takes the first year, from
/// the latest one the text names, in which the day falls on the weekday
/// the lead reports on ("said on Friday").
pub fn published_from_header(
    article: &mut Article,
    sentences: &[Sentence],
    lex: &Lexicon,
    named: &mut Option<Named>,
) {
    let current = article.published;
    if current.is_some_and(|p| p.precision == Precision::Day) {
        return;
    }
    let retrieved = article.retrieved;
    // The year a day without one belongs to.
    // Looked up once, and only when a day without its year needs it.
    let mut year_memo: Option<Option<FuzzyDate>> = None;
    let mut year =
        || *year_memo.get_or_insert_with(|| current.or_else(|| latest_year(article, lex)));
    // The latest year the prose names, for a weekday to pick a year
    // from: looked up once, and only when a weekday needs it.
    let mut named_year = || {
        named
            .get_or_insert_with(|| latest_named(article, sentences, lex))
            .any
            .map(|d| d.year())
    };
    // The header: every line (kept or removed) before the first long
    // paragraph of the body.
    let header_end = article
        .body
        .iter()
        .find(|s| {
            // Words, not the bars of a menu line; a sentence, not a long
            // headline.
            s.slice(&article.text).is_some_and(|t| {
                let t = t.trim_end();
                t.split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count()
                    >= 15
                    && t.ends_with(['.', '!', '?', '»', '"', '”', ')'])
            })
        })
        .map_or(article.text.len(), |s| s.start)
        .min(HEADER_BYTES);
    let mut found: Option<FuzzyDate> = None;
    let mut pos = 0;
    for line in article.text[..floor_char(&article.text, header_end)].split_inclusive('\n') {
        let span = Span::new(pos, pos + line.trim_end().len());
        pos += line.len();
        if span.is_empty() || found.is_some() {
            continue;
        }
        let view = SentenceView::new(&article.text, 0, span);
        // Absolute days first; a day without its year only with a year
        // to give it.
        let mut ctx = DateContext {
            published: current,
            last: None,
        };
        let dates = find_dates(&view, &lex.calendar, &lex.numbers, &mut ctx);
        found = dates
            .iter()
            .find(|d| d.value.precision == Precision::Day && !d.value.relative)
            .map(|d| FuzzyDate::day(d.value.value));
        let undated_day = found.is_none() && line.bytes().any(|b| b.is_ascii_digit());
        if undated_day {
            // "12 avril" takes the year; "mardi" alone is relative to a
            // day we do not know.
            let day_in = |y: i32| {
                let mut ctx = DateContext {
                    published: chrono::NaiveDate::from_ymd_opt(y, 1, 1)
                        .map(|d| FuzzyDate::new(d, Precision::Year)),
                    last: None,
                };
                find_dates(&view, &lex.calendar, &lex.numbers, &mut ctx)
                    .iter()
                    .filter(|d| d.value.precision == Precision::Day)
                    .find(|d| has_month(&view, lex, d.first, d.last))
                    .map(|d| FuzzyDate::day(d.value.value))
                    .or_else(|| numeric_day_month(&view, y))
            };
            found = match year() {
                Some(y) => day_in(y.date.year()),
                // No year anywhere but the prose: a weekday written with
                // the day ("Publié le mardi 12 avril") picks it, from the
                // latest year the text names.
                None => first_weekday(&view, lex)
                    .and_then(|wd| year_of_weekday(wd, named_year(), retrieved, &day_in)),
            };
        }
    }
    // A wire dateline: "CITY, 12 août (Reuters) -" at the start of one of
    // the first sentences (a headline may come before it).
    for (i, lead) in sentences.iter().enumerate().take(DATELINE_SENTENCES) {
        if found.is_some() {
            break;
        }
        {
            let view = SentenceView::new(&article.text, i, lead.span);
            let dateline = |year: Option<FuzzyDate>| {
                let mut ctx = DateContext {
                    published: year,
                    last: None,
                };
                let d = find_dates(&view, &lex.calendar, &lex.numbers, &mut ctx)
                    .into_iter()
                    .next()?;
                let wire = d.first <= DATELINE_WORDS
                    && view.word(d.first.saturating_sub(1)) == ","
                    && (d.last + 1..(d.last + 6).min(view.len()))
                        .any(|k| matches!(view.word(k), "(" | "-"));
                let absolute = !d.value.relative || has_month(&view, lex, d.first, d.last);
                (wire && absolute && d.value.precision == Precision::Day)
                    .then(|| FuzzyDate::day(d.value.value))
            };
            match year() {
                Some(y) => {
                    found = dateline(Some(FuzzyDate::new(
                        y.date,
                        y.precision.max(Precision::Month),
                    )));
                }
                // Nothing gives the year: the weekday the lead reports on
                // ("said on Friday") picks it, from the latest year the
                // text names.
                None => {
                    let in_year = |y: i32| {
                        let probe = chrono::NaiveDate::from_ymd_opt(y, 1, 1)?;
                        dateline(Some(FuzzyDate::new(probe, Precision::Year)))
                    };
                    found = report_weekday(&view, lex)
                        .and_then(|wd| year_of_weekday(wd, named_year(), retrieved, &in_year));
                }
            }
        }
    }
    let Some(day) = found else { return };
    match current {
        None => {
            article.offer_published(day, MetaSource::Header);
        }
        Some(p) if p.compatible(&day) && p.precision > Precision::Day => {
            article.published = Some(day);
            article.published_source = Some(MetaSource::Header);
        }
        _ => {}
    }
}

/// In how many sentences from the start a wire dateline is looked for.
const DATELINE_SENTENCES: usize = 4;

/// How many words a dateline's place may take before its day ("GOMA,
/// Democratic Republic of Congo, May 1", "GAO (Mali), 14 janvier").
const DATELINE_WORDS: usize = 8;

/// How many years after the latest year the text names a dateline
/// without its year may fall in.
const WEEKDAY_YEARS: i32 = 3;

/// How many years before the day an article was retrieved a dateline
/// without any year may fall in.
const RETRIEVED_YEARS: i32 = 7;

/// The year of a day written without one (`day_in(year)` reads it in a
/// year) from the weekday `wd` the text gives it: the first year that
/// fits from the latest year the text names; when the text names none,
/// the latest that fits up to the day the article was retrieved (a wire
/// story read off a feed is recent).
fn year_of_weekday(
    wd: u32,
    named: Option<i32>,
    retrieved: Option<chrono::NaiveDate>,
    day_in: &dyn Fn(i32) -> Option<FuzzyDate>,
) -> Option<FuzzyDate> {
    let fits = |d: &FuzzyDate| d.date.weekday().num_days_from_monday() == wd;
    if let Some(y0) = named {
        return (y0..=y0 + WEEKDAY_YEARS).find_map(|y| day_in(y).filter(fits));
    }
    let r = retrieved?;
    (r.year() - RETRIEVED_YEARS..=r.year())
        .rev()
        .find_map(|y| day_in(y).filter(|d| fits(d) && d.date <= r))
}

/// The first weekday a line names (0 = Monday).
fn first_weekday(view: &SentenceView, lex: &Lexicon) -> Option<u32> {
    weekday_where(view, lex, |_| true)
}

/// The first weekday a sentence gives as the day of the report: right
/// after a reporting verb ("said on Friday", "a annoncé samedi"). A
/// weekday elsewhere is mostly the event's, days earlier.
fn report_weekday(view: &SentenceView, lex: &Lexicon) -> Option<u32> {
    let claims = &lex.cues.claims;
    let verb_ends: Vec<usize> = claims
        .find(&view.folded)
        .into_iter()
        .filter(|h| {
            claims
                .payloads(h.pattern)
                .any(|c| *c == vigie_lexicon::ClaimCue::Verb)
        })
        .map(|h| h.last)
        .collect();
    weekday_where(view, lex, |first| {
        verb_ends.iter().any(|&e| e < first && first <= e + 2)
    })
}

/// The first weekday named at a token `at` accepts.
fn weekday_where(view: &SentenceView, lex: &Lexicon, at: impl Fn(usize) -> bool) -> Option<u32> {
    let m = lex.calendar.matcher();
    m.find(&view.folded)
        .into_iter()
        .filter(|hit| at(hit.first))
        .find_map(|hit| {
            m.payloads(hit.pattern).find_map(|(w, _)| match w {
                vigie_lexicon::DateWord::Weekday(d) => Some(*d),
                _ => None,
            })
        })
}

/// Whether tokens `first..=last` name a month ("12 avril", "April 12"):
/// a day of a named month is absolute but for its year, unlike "mardi".
fn has_month(view: &SentenceView, lex: &Lexicon, first: usize, last: usize) -> bool {
    let matcher = lex.calendar.matcher();
    matcher.find_all(&view.folded).iter().any(|m| {
        m.first >= first
            && m.last <= last
            && matcher
                .payloads(m.pattern)
                .any(|(w, _)| matches!(w, vigie_lexicon::DateWord::Month(..)))
    })
}

/// A day and month written with digits and no year in a header line
/// ("le 12/04", "12.04 à 09h10"), in year `year`. Only in a short line:
/// elsewhere "3/4" is a fraction or a score.
fn numeric_day_month(view: &SentenceView, year: i32) -> Option<FuzzyDate> {
    const HEADER_WORDS: usize = 12;
    if view.len() > HEADER_WORDS * 2 {
        return None;
    }
    (0..view.len()).find_map(|i| {
        let sep = view.word(i + 1);
        let d = view.number(i)?;
        if !(sep == "/" || sep == ".") || !view.gap(i, i + 1).is_empty() {
            return None;
        }
        let m = view.number(i + 2)?;
        // Not a full date, not a time or a ratio of three parts.
        if view.word(i + 3) == sep || view.word(i).len() > 2 || view.word(i + 2).len() > 2 {
            return None;
        }
        let date = chrono::NaiveDate::from_ymd_opt(year, m as u32, d as u32)?;
        Some(FuzzyDate::day(date))
    })
}

/// The year of a page, from what is not the article's prose: header and
/// footer lines ("© 2023 Ituri Info", "Mis à jour en 2023"). A year the
/// prose names is mostly background ("the massacre of February 2022",
/// "since 2017") and would date a wire story of today years back.
fn latest_year(article: &Article, lex: &Lexicon) -> Option<FuzzyDate> {
    let text = &article.text;
    let mut best: Option<chrono::NaiveDate> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(pos, pos + line.trim_end().len());
        pos += line.len();
        if span.is_empty() {
            continue;
        }
        let prose = article.body.iter().any(|b| b.overlaps(span))
            && line.split_whitespace().count() >= PROSE_WORDS;
        if !prose {
            let view = SentenceView::new(text, 0, span);
            let mut ctx = DateContext::default();
            for d in find_dates(&view, &lex.calendar, &lex.numbers, &mut ctx) {
                if !d.value.relative {
                    let v = d.value.end.unwrap_or(d.value.value);
                    best = best.max(Some(v));
                }
            }
        }
        // A copyright notice: "© 2023", "© 2010-2023".
        if let Some(i) = line.find('©') {
            let years = line[i..]
                .split(|c: char| !c.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse::<i32>().ok())
                .filter(|y| (1990..=2100).contains(y))
                .max();
            if let Some(d) = years.and_then(|y| chrono::NaiveDate::from_ymd_opt(y, 1, 1)) {
                best = best.max(Some(d));
            }
        }
    }
    best.map(|d| FuzzyDate::new(d, Precision::Year))
}

/// The latest absolute day, and date of any precision to the year, the
/// text names: what the text says of when it was written when nothing
/// else does.
pub fn latest_named(article: &Article, sentences: &[Sentence], lex: &Lexicon) -> Named {
    let mut ctx = DateContext::default();
    let mut named = Named::default();
    for (i, s) in sentences.iter().enumerate() {
        let view = SentenceView::new(&article.text, i, s.span);
        for d in find_dates(&view, &lex.calendar, &lex.numbers, &mut ctx) {
            if d.value.relative {
                continue;
            }
            let v = Some(d.value.end.unwrap_or(d.value.value));
            named.any = named.any.max(v);
            if d.value.precision <= Precision::Day {
                named.day = named.day.max(v);
            }
        }
    }
    named
}

/// The latest dates a text names (relative ones left out).
#[derive(Debug, Clone, Copy, Default)]
pub struct Named {
    /// The latest explicit day.
    pub day: Option<chrono::NaiveDate>,
    /// The latest date to the year at least, a period by its end.
    pub any: Option<chrono::NaiveDate>,
}

/// Words from which a kept line is prose rather than a header line.
const PROSE_WORDS: usize = 15;

/// How far into the text a header dateline is looked for.
const HEADER_BYTES: usize = 3000;

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
