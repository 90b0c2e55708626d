//! Table-driven tests of the annotators: `tests/data/{dates,numbers,actors}.tsv`
//! (format in `tests/data/README.md`), run through the real `annotate()`
//! on one-sentence articles. Every failing case is listed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::sync::OnceLock;
use vigie_core::{Article, FuzzyDate, InputFormat, Origin, Span};
use vigie_lexicon::Lexicon;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::embedded().expect("the embedded lexicon loads"))
}

fn rows(file: &str) -> Vec<Vec<String>> {
    let path = format!("{}/tests/data/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// Annotates `text` as one article whose body is the whole text.
fn annotate(lang: &str, published: &str, text: &str) -> vigie_annotate::Annotation {
    let mut a = Article::new("t", text, Origin::new("table", InputFormat::Builtin));
    a.language = Some(lang.to_string());
    a.published = FuzzyDate::parse(published);
    a.body = vec![Span::new(0, text.len())];
    vigie_annotate::annotate(&mut a, lexicon())
}

fn surface_span(text: &str, surface: &str) -> Span {
    let start = text
        .find(surface)
        .unwrap_or_else(|| panic!("{surface:?} not in {text:?}"));
    Span::new(start, start + surface.len())
}

/// The found item overlapping the surface; several: the `index`-th.
fn pick<T: Clone>(found: &[(Span, T)], target: Span, index: usize) -> Option<T> {
    let overlapping: Vec<&(Span, T)> = found.iter().filter(|(s, _)| s.overlaps(target)).collect();
    match overlapping.as_slice() {
        [] => None,
        [one] => Some(one.1.clone()),
        many => Some(
            many.iter()
                .min_by_key(|(s, _)| s.start.abs_diff(target.start))
                .map(|x| x.1.clone())
                .unwrap_or_else(|| many[0].1.clone()),
        ),
    }
    .or_else(|| {
        found
            .get(index)
            .filter(|(s, _)| s.overlaps(target))
            .map(|x| x.1.clone())
    })
}

fn report(name: &str, total: usize, failures: &[String]) {
    for f in failures {
        println!("{f}");
    }
    println!("{name}: {} of {total} cases pass", total - failures.len());
    assert!(
        failures.is_empty(),
        "{} {name} cases fail (listed above)",
        failures.len()
    );
}

#[test]
fn dates_table() {
    let rows = rows("dates.tsv");
    let mut failures = Vec::new();
    for r in &rows {
        let [lang, published, text, index, surface, value, precision, end] = &r[..] else {
            panic!("bad row {r:?}");
        };
        let ann = annotate(lang, published, text);
        let target = surface_span(text, surface);
        let found: Vec<(Span, (String, String, String))> = ann
            .dates
            .iter()
            .map(|d| {
                (
                    d.span,
                    (
                        d.value.value.to_string(),
                        d.value.precision.to_string(),
                        d.value.end.map(|e| e.to_string()).unwrap_or_default(),
                    ),
                )
            })
            .collect();
        let got = pick(&found, target, index.parse().unwrap_or(0));
        let ok = match (value.as_str(), &got) {
            ("NONE", None) => true,
            ("NONE", Some(_)) => false,
            (_, Some((v, p, e))) => v == value && p == precision && e == end,
            (_, None) => false,
        };
        if !ok {
            failures.push(format!("DATE {lang} pub={published:<10} {text:?}\n     {surface:?}: want {value} {precision} {end}, got {got:?}"));
        }
    }
    report("dates", rows.len(), &failures);
}

#[test]
fn numbers_table() {
    let rows = rows("numbers.tsv");
    let mut failures = Vec::new();
    for r in &rows {
        let [lang, text, index, surface, value, low, high, hedge, counts] = &r[..] else {
            panic!("bad row {r:?}");
        };
        let ann = annotate(lang, "", text);
        let target = surface_span(text, surface);
        let num = |s: &str| {
            if s == "inf" {
                f64::MAX
            } else {
                s.parse::<f64>().unwrap()
            }
        };
        let found: Vec<(Span, vigie_core::NumberMention)> = ann
            .numbers
            .iter()
            .map(|n| (n.span, n.value.clone()))
            .collect();
        let got = pick(&found, target, index.parse().unwrap_or(0));
        let want_counts = (!counts.is_empty()).then(|| vigie_core::Counted::parse(counts).unwrap());
        let ok = got.as_ref().is_some_and(|n| {
            n.value == num(value)
                && n.low == num(low)
                && n.high == num(high)
                && serde_json::to_value(n.hedge).unwrap()
                    == serde_json::Value::String(hedge.clone())
                && n.counts == want_counts
        });
        if !ok {
            failures.push(format!(
                "NUMBER {lang} {text:?}\n     {surface:?}: want {value} [{low}, {high}] {hedge} {counts}, got {:?}",
                got.map(|n| (n.value, n.low, n.high, n.hedge, n.counts))
            ));
        }
    }
    report("numbers", rows.len(), &failures);
}

#[test]
fn actors_table() {
    let rows = rows("actors.tsv");
    let mut failures = Vec::new();
    for r in &rows {
        let [lang, text, index, surface, canonical, inter] = &r[..] else {
            panic!("bad row {r:?}");
        };
        let ann = annotate(lang, "", text);
        let target = surface_span(text, surface);
        let found: Vec<(Span, (String, u8))> = ann
            .actors
            .iter()
            .map(|a| (a.span, (a.value.canonical.clone(), a.value.inter)))
            .collect();
        let got = pick(&found, target, index.parse().unwrap_or(0));
        let ok = match (canonical.as_str(), &got) {
            ("NONE", g) => g.is_none(),
            (c, Some((name, i))) => name == c && i.to_string() == *inter,
            _ => false,
        };
        if !ok {
            failures.push(format!("ACTOR {lang} {text:?}\n     {surface:?}: want {canonical} ({inter}), got {got:?} [focus {:?}]", ann.focus));
        }
    }
    report("actors", rows.len(), &failures);
}
