//! Known news hosts → outlet names (`data/outlets.tsv`).

use crate::error::{tsv_rows, utf8, LexiconError};
use std::collections::HashMap;

/// One outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    pub name: String,
    pub country: Option<String>,
    pub language: Option<String>,
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
                    "expected `host<TAB>outlet[<TAB>country<TAB>language]`",
                ));
            }
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
}
