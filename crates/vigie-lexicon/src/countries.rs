//! The country table (`data/countries.tsv`): ISO codes, English and French
//! names and adjectives, ACLED region. Used to generate state forces,
//! police, civilians and protesters for every country, to read country
//! words in text ("syrien", "Malian"), and for exports.

use crate::error::{tsv_rows, utf8, LexiconError};
use crate::matcher::{PhraseMatcher, PhraseMatcherBuilder};
use rustc_hash::FxHashMap as HashMap;

/// One country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub name_en: String,
    pub name_fr: String,
    pub adj_en: Vec<String>,
    pub adj_fr_ms: Vec<String>,
    pub adj_fr_fs: Vec<String>,
    pub adj_fr_mp: Vec<String>,
    pub adj_fr_fp: Vec<String>,
    pub region: String,
    pub names_fr_alt: Vec<String>,
    pub names_en_alt: Vec<String>,
    /// ISO 3166-1 numeric code (760 for Syria); `None` for codes ISO does
    /// not assign (XK) and for files without the optional 13th column.
    pub iso_num: Option<u16>,
}

impl Country {
    /// Every adjective form, both languages.
    pub fn adjectives(&self) -> impl Iterator<Item = &String> {
        self.adj_en
            .iter()
            .chain(&self.adj_fr_ms)
            .chain(&self.adj_fr_fs)
            .chain(&self.adj_fr_mp)
            .chain(&self.adj_fr_fp)
    }

    /// Every name form, both languages.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        [&self.name_en, &self.name_fr]
            .into_iter()
            .chain(&self.names_fr_alt)
            .chain(&self.names_en_alt)
    }
}

/// All countries, by ISO alpha-2 code.
#[derive(Debug, Clone)]
pub struct Countries {
    list: Vec<Country>,
    by_iso2: HashMap<String, usize>,
    /// Country names and adjectives → index into `list`.
    words: PhraseMatcher<usize>,
}

impl Default for Countries {
    fn default() -> Self {
        Countries {
            list: Vec::new(),
            by_iso2: HashMap::default(),
            words: PhraseMatcherBuilder::new().build(),
        }
    }
}

/// The optional `iso_num` column: empty or missing is `None`; anything
/// else must be an ISO 3166-1 numeric code (1 to 999).
fn iso_num(file: &str, line: usize, field: Option<&str>) -> Result<Option<u16>, LexiconError> {
    let Some(raw) = field.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(None);
    };
    match raw.parse::<u16>() {
        Ok(n) if (1..=999).contains(&n) => Ok(Some(n)),
        _ => Err(LexiconError::line(
            file,
            line,
            format!("iso_num {raw:?} is not an ISO 3166-1 numeric code (an integer, 1 to 999)"),
        )),
    }
}

fn variants(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl Countries {
    /// Parses `countries.tsv` (format: `data/README.md`).
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Countries, LexiconError> {
        let text = utf8(file, bytes)?;
        let mut out = Countries::default();
        let mut header_seen = false;
        for (line, f) in tsv_rows(text) {
            if !header_seen {
                header_seen = true;
                if f.first() == Some(&"iso2") {
                    continue;
                }
            }
            if f.len() < 10 {
                return Err(LexiconError::line(
                    file,
                    line,
                    format!(
                        "expected at least 10 tab-separated columns, found {}",
                        f.len()
                    ),
                ));
            }
            let iso2 = f[0].trim().to_ascii_uppercase();
            if iso2.len() != 2 || !iso2.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(LexiconError::line(
                    file,
                    line,
                    format!("{:?} is not an ISO alpha-2 code", f[0]),
                ));
            }
            let country = Country {
                iso2: iso2.clone(),
                iso3: f[1].trim().to_string(),
                name_en: f[2].trim().to_string(),
                name_fr: f[3].trim().to_string(),
                adj_en: variants(f[4]),
                adj_fr_ms: variants(f[5]),
                adj_fr_fs: variants(f[6]),
                adj_fr_mp: variants(f[7]),
                adj_fr_fp: variants(f[8]),
                region: f[9].trim().to_string(),
                names_fr_alt: f.get(10).map(|s| variants(s)).unwrap_or_default(),
                names_en_alt: f.get(11).map(|s| variants(s)).unwrap_or_default(),
                iso_num: iso_num(file, line, f.get(12).copied())?,
            };
            if country.name_en.is_empty() {
                return Err(LexiconError::line(file, line, "empty English name"));
            }
            match out.by_iso2.get(&iso2) {
                Some(&i) => out.list[i] = country,
                None => {
                    out.by_iso2.insert(iso2, out.list.len());
                    out.list.push(country);
                }
            }
        }
        let mut b = PhraseMatcherBuilder::new();
        for (i, c) in out.list.iter().enumerate() {
            for w in c.names().chain(c.adjectives()) {
                // Two-letter codes ("US") are too ambiguous as country words.
                if w.chars().filter(|c| c.is_alphabetic()).count() > 2 {
                    b.add(w, i);
                }
            }
        }
        out.words = b.build();
        Ok(out)
    }

    /// Country names and adjectives ("Syrie", "syrienne", "Malian").
    pub fn words(&self) -> &PhraseMatcher<usize> {
        &self.words
    }

    /// The country at an index of [`Countries::words`] payloads.
    pub fn at(&self, idx: usize) -> Option<&Country> {
        self.list.get(idx)
    }

    pub fn get(&self, iso2: &str) -> Option<&Country> {
        self.by_iso2
            .get(&iso2.to_ascii_uppercase())
            .and_then(|&i| self.list.get(i))
    }

    pub fn iter(&self) -> impl Iterator<Item = &Country> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
pub(crate) const TEST_COUNTRIES: &str = "# vigie-countries 1
iso2\tiso3\tname_en\tname_fr\tadj_en\tadj_fr_ms\tadj_fr_fs\tadj_fr_mp\tadj_fr_fp\tregion\tnames_fr_alt\tnames_en_alt
SY\tSYR\tSyria\tSyrie\tSyrian\tsyrien\tsyrienne\tsyriens\tsyriennes\tMiddle East\t\t
ML\tMLI\tMali\tMali\tMalian\tmalien\tmalienne\tmaliens\tmaliennes\tWestern Africa\t\t
US\tUSA\tUnited States\tÉtats-Unis\tAmerican|US\taméricain\taméricaine\taméricains\taméricaines\tNorth America\tEtats-Unis|USA\tUS|USA|America
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_and_variants() {
        let c = Countries::parse("countries.tsv", TEST_COUNTRIES.as_bytes()).unwrap();
        assert_eq!(c.len(), 3);
        let us = c.get("us").unwrap();
        assert_eq!(us.adj_en, vec!["American", "US"]);
        assert!(us.names().any(|n| n == "USA"));
        assert_eq!(c.get("SY").unwrap().region, "Middle East");
    }

    #[test]
    fn reports_line_and_reason() {
        let e = Countries::parse(
            "c.tsv",
            b"iso2\tx\nSYR\tSYR\tSyria\tSyrie\ta\tb\tc\td\te\tf\n",
        )
        .unwrap_err();
        assert_eq!(e.to_string(), "c.tsv:2: \"SYR\" is not an ISO alpha-2 code");
        let e = Countries::parse("c.tsv", b"SY\tSYR\n").unwrap_err();
        assert!(e.to_string().contains("expected at least 10"), "{e}");
    }

    #[test]
    fn parses_optional_iso_num() {
        let tsv = "# vigie-countries 1
iso2\tiso3\tname_en\tname_fr\tadj_en\tadj_fr_ms\tadj_fr_fs\tadj_fr_mp\tadj_fr_fp\tregion\tnames_fr_alt\tnames_en_alt\tiso_num
SY\tSYR\tSyria\tSyrie\tSyrian\tsyrien\tsyrienne\tsyriens\tsyriennes\tMiddle East\t\t\t760
XK\tXKX\tKosovo\tKosovo\tKosovar\tkosovar\tkosovare\tkosovars\tkosovares\tEurope\t\t\t
";
        let c = Countries::parse("countries.tsv", tsv.as_bytes()).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c.get("SY").unwrap().iso_num, Some(760));
        assert_eq!(c.get("XK").unwrap().iso_num, None);
        // Rows with only 12 columns still parse, without a numeric code.
        let old = Countries::parse("countries.tsv", TEST_COUNTRIES.as_bytes()).unwrap();
        assert_eq!(old.get("ML").unwrap().iso_num, None);
    }

    #[test]
    fn rejects_non_numeric_iso_num() {
        let e = Countries::parse(
            "c.tsv",
            b"SY\tSYR\tSyria\tSyrie\ta\tb\tc\td\te\tMiddle East\t\t\t760\n\
              ML\tMLI\tMali\tMali\ta\tb\tc\td\te\tWestern Africa\t\t\tabc\n",
        )
        .unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("c.tsv:2: "), "{msg}");
        assert!(msg.contains("iso_num \"abc\""), "{msg}");
    }
}
