//! Class: wire copy whose only date is a dateline or header day without a
//! year ("MOGADISHU, Sept 23 (Reuters) -", "Publié le mardi 12 avril"),
//! no year anywhere in the text, and a weekday the lead reports on. The
//! story is the latest year, up to the day vigie read it, in which that
//! day falls on that weekday. Our own articles, French and English,
//! several wars.

mod common;
use common::*;
use vigie_core::Article;

fn read_on(day: &str, text: &str) -> Article {
    let mut a = undated(text);
    a.retrieved = Some(day.parse().unwrap_or_else(|e| panic!("bad day {day}: {e}")));
    a
}

fn dates(a: Article) -> Vec<String> {
    process(a)
        .extraction
        .events
        .iter()
        .map(|e| e.event_date.to_string())
        .collect()
}

const SOMALIA: &str = "Al Shabaab fighters storm army base near Balcad\n\n\
MOGADISHU, Sept 23 (Reuters) - Al Shabaab fighters stormed an army base near Balcad, north of the capital, killing at least seven soldiers, a military officer said on Friday.\n";

#[test]
fn en_dateline_without_year_takes_the_latest_fitting_year_before_retrieval() {
    // 23 September fell on a Friday in 2022 (and not in 2023-2026).
    assert_eq!(
        dates(read_on("2026-12-03", SOMALIA)),
        vec!["2022-09-23"],
        "{}",
        show(&process(read_on("2026-12-03", SOMALIA)).extraction.events)
    );
}

#[test]
fn a_story_cannot_be_later_than_the_day_it_was_read() {
    // Read in mid-2022: September 2022 is still to come; the previous
    // Friday 23 September is in 2016.
    assert_eq!(dates(read_on("2022-06-01", SOMALIA)), vec!["2016-09-23"]);
}

#[test]
fn fr_wire_dateline_and_weekday_of_the_report() {
    // Mali: 14 January was a Tuesday in 2025.
    let text = "Mali : une attaque contre un poste de l'armée près de Ségou\n\n\
BAMAKO, 14 janvier (AFP) - Des jihadistes ont attaqué un poste de l'armée malienne près de Ségou, tuant quatre soldats, a indiqué mardi l'armée.\n";
    assert_eq!(dates(read_on("2026-12-03", text)), vec!["2025-01-14"]);
}

#[test]
fn fr_header_day_with_weekday_and_no_year() {
    // Burkina Faso: 12 April was a Tuesday in 2022.
    let text = "Publié le mardi 12 avril à 18h05\n\n\
Burkina : des civils tués dans une attaque à Djibo\n\n\
Des hommes armés non identifiés ont attaqué un marché de Djibo, tuant au moins neuf civils, selon des sources locales.\n";
    assert_eq!(dates(read_on("2026-12-03", text)), vec!["2022-04-12"]);
}

#[test]
fn without_a_retrieval_day_or_a_year_nothing_dates_the_story() {
    // Nothing dates it: the event is not coded with an invented year.
    assert!(dates(undated(SOMALIA)).is_empty());
}
