//! Known news hosts → outlet names (`data/outlets.tsv`).

use crate::error::{tsv_rows, utf8, LexiconError};
use std::collections::HashMap;

/// One outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    pub name: String,
    pub country: Option<String>,
    pub language: Option<String>,
    /// How the site writes its publication date as one all-digit piece of
    /// its URL paths (`url_date` column).
    pub url_date: Option<UrlDateFormat>,
}

/// A site's digit-only date in URL paths: the order of day, month and year
/// and the year's width (`DDMMYY`, `YYYYMMDD`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlDateFormat {
    /// Offsets of day, month and year in the piece.
    day: usize,
    month: usize,
    year: usize,
    year_digits: usize,
}

impl UrlDateFormat {
    /// Parses `DD`, `MM` and `YY`/`YYYY`, each once, in any order.
    pub fn parse(s: &str) -> Option<UrlDateFormat> {
        let (mut day, mut month, mut year) = (None, None, None);
        let mut year_digits = 0;
        let mut pos = 0;
        let mut rest = s;
        while !rest.is_empty() {
            let (slot, width) = if rest.starts_with("YYYY") {
                (&mut year, 4)
            } else if rest.starts_with("YY") {
                (&mut year, 2)
            } else if rest.starts_with("DD") {
                (&mut day, 2)
            } else if rest.starts_with("MM") {
                (&mut month, 2)
            } else {
                return None;
            };
            if slot.replace(pos).is_some() {
                return None;
            }
            if rest.starts_with('Y') {
                year_digits = width;
            }
            pos += width;
            rest = &rest[width..];
        }
        Some(UrlDateFormat {
            day: day?,
            month: month?,
            year: year?,
            year_digits,
        })
    }

    fn width(&self) -> usize {
        4 + self.year_digits
    }

    /// The first piece of the URL's path (split at `/`, `-`, `_`, `.`)
    /// that has exactly this format's digits and makes a valid date.
    pub fn find(&self, url: &str) -> Option<chrono::NaiveDate> {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let path = rest.split_once('/').map_or("", |(_, p)| p);
        let path = path.split(['?', '#']).next().unwrap_or("");
        path.split(['/', '-', '_', '.']).find_map(|piece| {
            if piece.len() != self.width() || !piece.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let num = |at: usize, len: usize| piece.get(at..at + len)?.parse::<u32>().ok();
            let mut y = num(self.year, self.year_digits)?;
            if self.year_digits == 2 {
                y += if y < 90 { 2000 } else { 1900 };
            }
            chrono::NaiveDate::from_ymd_opt(y as i32, num(self.month, 2)?, num(self.day, 2)?)
        })
    }
}

/// The host table.
#[derive(Debug, Clone, Default)]
pub struct Outlets {
    by_host: HashMap<String, Outlet>,
}

impl Outlets {
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Outlets, LexiconError> {
        let text = utf8(file, bytes)?;
        let mut out = Outlets::default();
        for (line, f) in tsv_rows(text) {
            if f.first() == Some(&"host") {
                continue;
            }
            if f.len() < 2 || f[0].trim().is_empty() || f[1].trim().is_empty() {
                return Err(LexiconError::line(
                    file,
                    line,
                    "expected `host<TAB>outlet[<TAB>country<TAB>language[<TAB>url_date]]`",
                ));
            }
            let url_date = match f.get(4).map(|s| s.trim()).filter(|s| !s.is_empty()) {
                None => None,
                Some(s) => Some(UrlDateFormat::parse(s).ok_or_else(|| {
                    LexiconError::line(
                        file,
                        line,
                        "url_date must combine DD, MM and YY or YYYY once each (e.g. DDMMYY)",
                    )
                })?),
            };
            let opt = |i: usize| {
                f.get(i)
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            out.by_host.insert(
                normalize_host(f[0]),
                Outlet {
                    name: f[1].trim().to_string(),
                    country: opt(2),
                    language: opt(3),
                    url_date,
                },
            );
        }
        Ok(out)
    }

    /// The outlet of a URL or host: exact host first, then parent domains
    /// (`fr.example.com` → `example.com`), `www.` ignored.
    pub fn lookup(&self, url_or_host: &str) -> Option<&Outlet> {
        let host = host_of(url_or_host)?;
        let mut h = normalize_host(&host);
        loop {
            if let Some(o) = self.by_host.get(&h) {
                return Some(o);
            }
            let dot = h.find('.')?;
            let parent = h[dot + 1..].to_string();
            if !parent.contains('.') {
                return None;
            }
            h = parent;
        }
    }

    pub fn len(&self) -> usize {
        self.by_host.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_host.is_empty()
    }
}

fn normalize_host(h: &str) -> String {
    let h = h.trim().trim_end_matches('.').to_ascii_lowercase();
    h.strip_prefix("www.").map(str::to_string).unwrap_or(h)
}

/// The host part of a URL (or the string itself when it is a bare host).
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty() && host.contains('.')).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_parent_domains() {
        let o = Outlets::parse(
            "outlets.tsv",
            b"# vigie-outlets 1\nhost\toutlet\tcountry\tlanguage\nlemonde.fr\tLe Monde\tFR\tfr\nfr.example.africa\tExample Afrique\t\t\n",
        )
        .unwrap();
        assert_eq!(
            o.lookup("https://www.lemonde.fr/international/article/x.html")
                .unwrap()
                .name,
            "Le Monde"
        );
        assert_eq!(
            o.lookup("http://abonnes.lemonde.fr:8080/x").unwrap().name,
            "Le Monde"
        );
        assert_eq!(
            o.lookup("fr.example.africa").unwrap().name,
            "Example Afrique"
        );
        assert!(o.lookup("https://example.africa/").is_none());
        assert!(o.lookup("not a url").is_none());
        assert_eq!(
            host_of("https://user@www.dw.com/en/x"),
            Some("www.dw.com".into())
        );
    }

    #[test]
    fn site_specific_url_dates() {
        let o = Outlets::parse(
            "outlets.tsv",
            b"# vigie-outlets 1\nhost\toutlet\tcountry\tlanguage\turl_date\nexample.fr\tExemple\tFR\tfr\tDDMMYY\nexample.com\tExample\tUS\ten\tMMDDYYYY\n",
        )
        .unwrap();
        let fr = o
            .lookup("https://www.example.fr/")
            .unwrap()
            .url_date
            .unwrap();
        let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            fr.find("https://www.example.fr/journal/international/040417/une-attaque"),
            date("2017-04-04")
        );
        assert_eq!(
            fr.find("https://www.example.fr/journal/311299/x"),
            date("1999-12-31")
        );
        // Not six digits, or not a date: nothing.
        assert_eq!(fr.find("https://www.example.fr/article/1234567/x"), None);
        assert_eq!(fr.find("https://www.example.fr/article/321399/x"), None);
        let us = o.lookup("example.com").unwrap().url_date.unwrap();
        assert_eq!(
            us.find("https://example.com/news-04152019-strike"),
            date("2019-04-15")
        );
        for bad in ["DDMM", "DDMMYYMM", "DDXXYY", "DDDDYY"] {
            assert!(UrlDateFormat::parse(bad).is_none(), "{bad}");
        }
        let err = Outlets::parse(
            "outlets.tsv",
            b"# vigie-outlets 1\nexample.fr\tExemple\tFR\tfr\tDD-MM-YY\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("url_date"), "{err}");
    }
}
