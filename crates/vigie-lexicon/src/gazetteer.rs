//! The gazetteer: places with names, alternate names, coordinates,
//! population and feature codes, plus first-level divisions (admin1).
//! Formats: `data/gazetteer/README.md` (GeoNames-derived, CC BY 4.0).

use crate::error::{tsv_rows, utf8, LexiconError};
use std::collections::HashMap;
use std::io::Read;
use vigie_text::fold_phrase;

/// One place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub country: String,
    /// GeoNames admin1 code (`11`), empty when unknown.
    pub admin1: String,
    pub feature: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// A first-level division.
#[derive(Debug, Clone, PartialEq)]
pub struct Admin1 {
    /// `CC.CODE`.
    pub key: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
}

/// What a name in the index points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    Place(u32),
    Admin1(u32),
}

/// Places and divisions indexed by folded name keys.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    admin1: Vec<Admin1>,
    admin1_by_key: HashMap<String, u32>,
    index: HashMap<String, Vec<Entry>>,
    by_id: HashMap<String, u32>,
    /// Longest name in tokens (bounds n-gram lookups).
    max_tokens: usize,
}

/// Arabic article forms dropped from the start of a name key
/// ("al-Soukhna" and "Soukhna" meet).
const ARTICLES: &[&str] = &[
    "al", "el", "as", "ad", "ar", "ash", "at", "az", "an", "ech", "ed", "er", "es", "et", "ez",
];

/// The lookup keys of a name: its folded form and, when it starts with an
/// Arabic article, the form without it.
pub fn name_keys(name: &str) -> Vec<String> {
    let folded = fold_phrase(name);
    let mut keys = Vec::with_capacity(2);
    if folded.is_empty() {
        return keys;
    }
    if let Some((first, rest)) = folded.split_once(' ') {
        if ARTICLES.contains(&first) && !rest.is_empty() {
            keys.push(rest.to_string());
        }
    }
    keys.push(folded);
    keys
}

impl Gazetteer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads a places file (`places.tsv`, gzip-compressed when `path` ends
    /// in `.gz`, or the `overlay.tsv` hand-written file).
    pub fn add_places(&mut self, file: &str, bytes: &[u8]) -> Result<usize, LexiconError> {
        let decompressed;
        let bytes = if file.ends_with(".gz") {
            let mut out = Vec::with_capacity(bytes.len() * 4);
            flate2::read::MultiGzDecoder::new(bytes)
                .read_to_end(&mut out)
                .map_err(|e| LexiconError::Gzip {
                    file: file.to_string(),
                    reason: e.to_string(),
                })?;
            decompressed = out;
            &decompressed[..]
        } else {
            bytes
        };
        let text = utf8(file, bytes)?;
        let mut added = 0;
        for (line, f) in tsv_rows(text) {
            if f.first() == Some(&"id") {
                continue;
            }
            if f.len() < 8 {
                return Err(LexiconError::line(
                    file,
                    line,
                    format!("expected 9 columns, found {}", f.len()),
                ));
            }
            let parse_f = |s: &str, what: &str| -> Result<f64, LexiconError> {
                s.trim().parse::<f64>().map_err(|_| {
                    LexiconError::line(file, line, format!("{what} {s:?} is not a number"))
                })
            };
            let lat = parse_f(f[5], "latitude")?;
            let lon = parse_f(f[6], "longitude")?;
            if !vigie_core::geo::valid(lat, lon) {
                return Err(LexiconError::line(
                    file,
                    line,
                    format!("({lat}, {lon}) is not a valid position"),
                ));
            }
            let population = f[7].trim().parse::<u64>().unwrap_or(0);
            let place = Place {
                id: f[0].trim().to_string(),
                name: f[1].trim().to_string(),
                country: f[2].trim().to_ascii_uppercase(),
                admin1: f[3].trim().to_string(),
                feature: f[4].trim().to_string(),
                lat,
                lon,
                population,
            };
            let idx = self.places.len() as u32;
            let mut names: Vec<&str> = vec![f[1]];
            if let Some(alts) = f.get(8) {
                names.extend(alts.split('|'));
            }
            for n in names {
                self.index_name(n, Entry::Place(idx));
            }
            self.by_id.insert(place.id.clone(), idx);
            self.places.push(place);
            added += 1;
        }
        Ok(added)
    }

    /// Reads `aliases.tsv`: `alias<TAB>place id[<TAB>note]`, pointing extra
    /// names at places already loaded.
    pub fn add_aliases(&mut self, file: &str, bytes: &[u8]) -> Result<usize, LexiconError> {
        let text = utf8(file, bytes)?;
        let mut added = 0;
        for (line, f) in tsv_rows(text) {
            if f.first() == Some(&"alias") {
                continue;
            }
            if f.len() < 2 {
                return Err(LexiconError::line(file, line, "expected `alias<TAB>id`"));
            }
            let Some(&idx) = self.by_id.get(f[1].trim()) else {
                return Err(LexiconError::line(
                    file,
                    line,
                    format!("no place with id {:?}", f[1].trim()),
                ));
            };
            self.index_name(f[0], Entry::Place(idx));
            added += 1;
        }
        Ok(added)
    }

    /// Reads `admin1.tsv`: `key<TAB>name<TAB>lat<TAB>lon<TAB>alt_names`.
    pub fn add_admin1(&mut self, file: &str, bytes: &[u8]) -> Result<usize, LexiconError> {
        let text = utf8(file, bytes)?;
        let mut added = 0;
        for (line, f) in tsv_rows(text) {
            if f.first() == Some(&"key") {
                continue;
            }
            if f.len() < 4 || !f[0].contains('.') {
                return Err(LexiconError::line(
                    file,
                    line,
                    "expected `CC.CODE<TAB>name<TAB>lat<TAB>lon[<TAB>alt_names]`",
                ));
            }
            let lat = f[2].trim().parse::<f64>().unwrap_or(f64::NAN);
            let lon = f[3].trim().parse::<f64>().unwrap_or(f64::NAN);
            let idx = self.admin1.len() as u32;
            let a = Admin1 {
                key: f[0].trim().to_string(),
                name: f[1].trim().to_string(),
                lat,
                lon,
            };
            let mut names: Vec<&str> = vec![f[1]];
            if let Some(alts) = f.get(4) {
                names.extend(alts.split('|'));
            }
            for n in names {
                self.index_name(n, Entry::Admin1(idx));
            }
            self.admin1_by_key.insert(a.key.clone(), idx);
            self.admin1.push(a);
            added += 1;
        }
        Ok(added)
    }

    fn index_name(&mut self, name: &str, entry: Entry) {
        for key in name_keys(name.trim()) {
            let tokens = key.split(' ').count();
            self.max_tokens = self.max_tokens.max(tokens);
            let list = self.index.entry(key).or_default();
            if !list.contains(&entry) {
                list.push(entry);
            }
        }
    }

    /// Entries whose names have this key (see [`name_keys`]).
    pub fn lookup_key(&self, key: &str) -> &[Entry] {
        self.index.get(key).map_or(&[], Vec::as_slice)
    }

    /// Entries named `name` under any of its keys.
    pub fn lookup(&self, name: &str) -> Vec<Entry> {
        let mut out: Vec<Entry> = Vec::new();
        for k in name_keys(name) {
            for e in self.lookup_key(&k) {
                if !out.contains(e) {
                    out.push(*e);
                }
            }
        }
        out
    }

    pub fn place(&self, idx: u32) -> Option<&Place> {
        self.places.get(idx as usize)
    }

    pub fn admin1(&self, idx: u32) -> Option<&Admin1> {
        self.admin1.get(idx as usize)
    }

    /// The division a place is in.
    pub fn admin1_of(&self, place: &Place) -> Option<&Admin1> {
        let key = format!("{}.{}", place.country, place.admin1);
        self.admin1_by_key
            .get(&key)
            .and_then(|&i| self.admin1.get(i as usize))
    }

    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACES: &str = "# vigie-gazetteer 1\nid\tname\tcountry\tadmin1\tfeature\tlat\tlon\tpopulation\talt_names\n\
172425\tAs Sukhnah\tSY\t11\tPPL\t34.8853\t38.8711\t0\tEs Sukhne|Soukhne|Sukhnah\n\
170794\tTadmur\tSY\t11\tPPL\t34.5624\t38.284\t51323\tPalmyra|Tadmor\n";

    fn gaz() -> Gazetteer {
        let mut g = Gazetteer::new();
        assert_eq!(g.add_places("places.tsv", PLACES.as_bytes()).unwrap(), 2);
        g.add_admin1(
            "admin1.tsv",
            b"key\tname\tlat\tlon\talt_names\nSY.11\tHoms\t34.5\t38.0\tprovince de Homs\n",
        )
        .unwrap();
        g.add_aliases("aliases.tsv", b"Palmyre\t170794\tFrench\n")
            .unwrap();
        g
    }

    #[test]
    fn folded_and_article_free_keys_meet() {
        let g = gaz();
        let hit = |n: &str| match g.lookup(n).first() {
            Some(Entry::Place(i)) => g.place(*i).unwrap().name.clone(),
            Some(Entry::Admin1(i)) => g.admin1(*i).unwrap().name.clone(),
            None => String::new(),
        };
        assert_eq!(hit("al-Sukhnah"), "As Sukhnah");
        assert_eq!(hit("SUKHNAH"), "As Sukhnah");
        assert_eq!(hit("Palmyre"), "Tadmur");
        assert_eq!(hit("Homs"), "Homs");
        assert_eq!(hit("Raqqa"), "");
        let t = g.place(1).unwrap();
        assert_eq!(g.admin1_of(t).unwrap().name, "Homs");
        assert_eq!(name_keys("Al-Soukhna"), vec!["soukhna", "al soukhna"]);
    }

    #[test]
    fn bad_rows_are_reported_with_line() {
        let mut g = Gazetteer::new();
        let e = g
            .add_places("p.tsv", b"1\tX\tSY\t11\tPPL\tnorth\t38\t0\t\n")
            .unwrap_err();
        assert_eq!(e.to_string(), "p.tsv:1: latitude \"north\" is not a number");
        let e = g.add_aliases("a.tsv", b"Foo\t999\n").unwrap_err();
        assert_eq!(e.to_string(), "a.tsv:1: no place with id \"999\"");
        let e = g.add_places("p.tsv.gz", b"not gzip").unwrap_err();
        assert!(
            e.to_string().starts_with("p.tsv.gz: cannot decompress"),
            "{e}"
        );
    }
}
