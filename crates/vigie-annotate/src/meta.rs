//! Article metadata found in the text: the publication date in the header
//! ("19/11/2017", "10 novembre 2017 12:14", "Published March 3, 2018") or a
//! wire dateline ("BAMAKO, 12 août (Reuters) -"), and the outlet from the
//! table of known news hosts.

use crate::context::SentenceView;
use crate::dates::{find_dates, DateContext};
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
pub fn published_from_header(article: &mut Article, sentences: &[Sentence], lex: &Lexicon) {
    let current = article.published;
    if current.is_some_and(|p| p.precision == Precision::Day) {
        return;
    }
    // The header: every line (kept or removed) before the first long
    // paragraph of the body.
    let header_end = article
        .body
        .iter()
        .find(|s| {
            s.slice(&article.text)
                .is_some_and(|t| t.split_whitespace().count() >= 15)
        })
        .map_or(article.text.len(), |s| s.start)
        .min(HEADER_BYTES);
    let mut found: Option<FuzzyDate> = None;
    // Header lines: absolute dates only (no publication date to lean on).
    let mut pos = 0;
    for line in article.text[..floor_char(&article.text, header_end)].split_inclusive('\n') {
        let span = Span::new(pos, pos + line.trim_end().len());
        pos += line.len();
        if span.is_empty() || found.is_some() {
            continue;
        }
        let view = SentenceView::new(&article.text, 0, span);
        let mut ctx = DateContext {
            published: current,
            last: None,
        };
        for d in find_dates(&view, &lex.calendar, &lex.numbers, &mut ctx) {
            if d.value.precision == Precision::Day && !d.value.relative {
                found = Some(FuzzyDate::day(d.value.value));
                break;
            }
        }
    }
    // A wire dateline: "CITY, 12 août (Reuters) -" at the start of the
    // first sentence.
    if found.is_none() {
        if let Some(first) = sentences.first() {
            let view = SentenceView::new(&article.text, 0, first.span);
            let mut ctx = DateContext {
                published: current,
                last: None,
            };
            if let Some(d) = find_dates(&view, &lex.calendar, &lex.numbers, &mut ctx)
                .into_iter()
                .next()
            {
                let wire = d.first <= 4
                    && view.word(d.first.saturating_sub(1)) == ","
                    && (d.last + 1..(d.last + 6).min(view.len()))
                        .any(|k| matches!(view.word(k), "(" | "-"));
                if wire && d.value.precision == Precision::Day {
                    found = Some(FuzzyDate::day(d.value.value));
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

/// How far into the text a header dateline is looked for.
const HEADER_BYTES: usize = 3000;

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
