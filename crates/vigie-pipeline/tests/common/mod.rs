//! Helpers shared by the pipeline's test files: the embedded pipeline,
//! articles with or without metadata, and a compact view of events.
#![allow(dead_code)]

use std::sync::{Arc, OnceLock};
use vigie_core::{Article, Event, FuzzyDate, InputFormat, MetaSource, Origin};
use vigie_lexicon::Lexicon;
use vigie_pipeline::{Pipeline, Processed};

pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let lex = Lexicon::embedded().unwrap_or_else(|e| panic!("embedded lexicon: {e}"));
        Pipeline::new(Arc::new(lex))
    })
}

/// An article without a publication date (a JSONL line with only a
/// text): what the text says of its date is all there is.
pub fn undated(text: &str) -> Article {
    Article::new("t", text, Origin::new("test", InputFormat::Jsonl))
}

/// An article published on `published` (`YYYY-MM-DD` or `YYYY-MM`).
pub fn dated(published: &str, text: &str) -> Article {
    let mut a = Article::new("t", text, Origin::new("test", InputFormat::Text));
    let date = FuzzyDate::parse(published).unwrap_or_else(|| panic!("bad date {published}"));
    a.offer_published(date, MetaSource::Input);
    a
}

pub fn process(a: Article) -> Processed {
    pipeline().process(a)
}

pub fn events_of(published: &str, text: &str) -> Vec<Event> {
    process(dated(published, text)).extraction.events
}

/// One line per event: date precision | sub-event | place | sides | dead.
pub fn show(evs: &[Event]) -> String {
    evs.iter()
        .map(|e| {
            format!(
                "{} {} | {} | {} | {} vs {:?} | {:?}",
                e.event_date,
                e.date_precision.as_str(),
                e.sub_event_type.as_str(),
                e.location.as_deref().unwrap_or("-"),
                e.actor1,
                e.actor2,
                e.fatalities
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The event of sub-event type `sub` whose location contains `place`.
pub fn find<'a>(evs: &'a [Event], sub: &str, place: &str) -> &'a Event {
    evs.iter()
        .find(|e| {
            e.sub_event_type.as_str() == sub
                && e.location.as_deref().is_some_and(|l| l.contains(place))
        })
        .unwrap_or_else(|| panic!("no {sub} at {place} in:\n{}", show(evs)))
}

/// No event at a place whose name contains `place`.
pub fn none_at(evs: &[Event], place: &str) {
    assert!(
        !evs.iter()
            .any(|e| e.location.as_deref().is_some_and(|l| l.contains(place))),
        "an event was placed at {place}:\n{}",
        show(evs)
    );
}

/// The reasons the extractor gave for the triggers it rejected.
pub fn reasons(p: &Processed) -> Vec<String> {
    p.extraction
        .decisions
        .iter()
        .filter_map(|d| d.rejected.as_ref().map(ToString::to_string))
        .collect()
}
