//! Metadata from URLs: a publication date in the path.

use vigie_core::{FuzzyDate, Precision};

/// A date in a URL path: `/2016/06/30/`, `/2015/10/`, `/20180318/`,
/// `-20170407-`, `/2019-07-23/`. Only plausible years (1990..=2100).
pub fn date_in_url(url: &str) -> Option<FuzzyDate> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split(['/', '-', '_', '.']).collect();
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year_ok = |y: u32| (1990..=2100).contains(&y);
    for (i, p) in parts.iter().enumerate() {
        // YYYYMMDD in one piece.
        if p.len() == 8 {
            if let Some(n) = num(p) {
                let (y, m, d) = (n / 10000, (n / 100) % 100, n % 100);
                if year_ok(y) {
                    if let Some(date) = chrono::NaiveDate::from_ymd_opt(y as i32, m, d) {
                        return Some(FuzzyDate::day(date));
                    }
                }
            }
        }
        // YYYY / MM [/ DD].
        if p.len() == 4 {
            let Some(y) = num(p).filter(|&y| year_ok(y)) else {
                continue;
            };
            let Some(m) = parts
                .get(i + 1)
                .filter(|s| s.len() == 2)
                .and_then(|s| num(s))
                .filter(|m| (1..=12).contains(m))
            else {
                continue;
            };
            let day = parts
                .get(i + 2)
                .filter(|s| s.len() == 2)
                .and_then(|s| num(s));
            if let Some(date) = day.and_then(|d| chrono::NaiveDate::from_ymd_opt(y as i32, m, d)) {
                return Some(FuzzyDate::day(date));
            }
            if let Some(date) = chrono::NaiveDate::from_ymd_opt(y as i32, m, 1) {
                return Some(FuzzyDate::new(date, Precision::Month));
            }
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
        check("not a url", None);
    }
}
