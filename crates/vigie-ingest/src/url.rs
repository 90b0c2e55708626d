//! Metadata from URLs: a publication date in the path.

use vigie_core::{FuzzyDate, Precision};

/// A date in a URL path, in the forms news sites use whatever their host:
/// `/2016/06/30/`, `/2016/0630/`, `/2015/10/` (month only), `/20180318/`,
/// `-20170407-`, `/2019-07-23/`, `/30-06-2016-slug`, and a slug or numeric
/// id that starts with the day (`/201604121530-slug`, `/2016041212345.html`).
/// Only plausible years (1990..=2100). Host-specific forms (Mediapart's
/// `DDMMYY`) are in `outlets.tsv`.
pub fn date_in_url(url: &str) -> Option<FuzzyDate> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split(['/', '-', '_', '.', ',']).collect();
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = |s: &str| num(s).filter(|y| s.len() == 4 && (1990..=2100).contains(y));
    let two = |s: &str| num(s).filter(|_| s.len() == 2);
    let day = |y: u32, m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(y as i32, m, d);
    // A day written in one piece at the start of a part: YYYYMMDD, then
    // nothing or a time or an id of up to six digits.
    let compact = |p: &str| -> Option<chrono::NaiveDate> {
        if p.len() < 8 || p.len() > 14 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y = year(&p[..4])?;
        day(y, num(&p[4..6])?, num(&p[6..8])?)
    };
    for (i, p) in parts.iter().enumerate() {
        if let Some(date) = compact(p) {
            return Some(FuzzyDate::day(date));
        }
        // DD-MM-YYYY.
        if let (Some(d), Some(m), Some(y)) = (
            two(p),
            parts.get(i + 1).and_then(|s| two(s)),
            parts.get(i + 2).and_then(|s| year(s)),
        ) {
            if let Some(date) = day(y, m, d) {
                return Some(FuzzyDate::day(date));
            }
        }
        // YYYY / MM [/ DD], YYYY / MMDD.
        let Some(y) = year(p) else {
            continue;
        };
        let next = parts.get(i + 1).copied().unwrap_or("");
        if next.len() == 4 {
            if let Some(date) = num(next).and_then(|_| day(y, num(&next[..2])?, num(&next[2..])?)) {
                return Some(FuzzyDate::day(date));
            }
        }
        let Some(m) = two(next).filter(|m| (1..=12).contains(m)) else {
            continue;
        };
        let d = parts.get(i + 2).and_then(|s| two(s));
        if let Some(date) = d.and_then(|d| day(y, m, d)) {
            return Some(FuzzyDate::day(date));
        }
        if let Some(date) = day(y, m, 1) {
            return Some(FuzzyDate::new(date, Precision::Month));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str, expected: Option<&str>) {
        assert_eq!(
            date_in_url(url).map(|d| d.to_string()).as_deref(),
            expected,
            "{url}"
        );
    }

    #[test]
    fn dates_in_paths() {
        check(
            "https://www.example.fr/2016/06/30/11-morts-au-cameroun/",
            Some("2016-06-30"),
        );
        check(
            "https://www.example.com/2015/10/taliban-forces-take-city",
            Some("2015-10"),
        );
        check(
            "https://fr.example.africa/20180318/commandant-1035550357.html",
            Some("2018-03-18"),
        );
        check(
            "http://www.example.fr/monde/2045575-20170407-frappes-syrie",
            Some("2017-04-07"),
        );
        check(
            "https://example.com/article/2019/07/23/libye/x_133228.html",
            Some("2019-07-23"),
        );
        check(
            "https://example.com/news/2019-07-23/story",
            Some("2019-07-23"),
        );
        check("https://example.com/?p=54499", None);
        check("https://example.com/a/1035550357.html", None);
        check("https://example.com/2019/13/01/x", None);
        check("https://example.com/journal/040417/x", None);
        check(
            "https://example.org/actu/2016/0412/combats-alep",
            Some("2016-04-12"),
        );
        check(
            "https://example.org/a/201604121530-slug.html",
            Some("2016-04-12"),
        );
        check(
            "https://example.org/p/2016041212345.html",
            Some("2016-04-12"),
        );
        check("https://example.org/news/20160412-slug", Some("2016-04-12"));
        check(
            "https://example.org/infos/12-04-2016-attaque-a-gao",
            Some("2016-04-12"),
        );
        check("https://example.org/2016/04/slug", Some("2016-04"));
        // Ids that are not days: too long, or no real month and day.
        check("https://example.org/a/201699991234.html", None);
        check("https://example.org/a/20160412123456789.html", None);
        check("https://example.org/2016/1399/x", None);
        check("https://example.org/story/1234-5678", None);
        check("not a url", None);
    }
}
