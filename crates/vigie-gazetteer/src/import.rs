//! Import of full GeoNames dumps (`allCountries.txt`, per-country
//! `XX.txt`, optional `alternateNamesV2.txt` and `admin1CodesASCII.txt`)
//! into a compiled layer. Dumps are streamed line by line; admin1 centres
//! come from each division's capital (`PPLA`), else its largest place.

use crate::format::Builder;
use crate::tsv::{Admin1Row, PlaceRow};
use crate::FoldRules;
use std::collections::HashMap;
use std::io::BufRead;

/// Which GeoNames feature classes to import: populated places (P),
/// administrative areas (A), and the spot, area, hydrographic, terrain and
/// vegetation features a conflict report names (S, L, H, T, V).
pub const FEATURE_CLASSES: &[&str] = &["P", "A", "S", "L", "H", "T", "V"];

/// Counts of what an import read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportStats {
    pub lines: u64,
    pub places: u64,
    pub names: u64,
    pub alternate_names: u64,
    pub admin1: u64,
    pub skipped: u64,
}

/// Accumulates GeoNames files, then writes a layer.
#[derive(Debug, Default)]
pub struct Importer {
    builder: Builder,
    admin1: Vec<Admin1Row>,
    /// geonameid → extra names from `alternateNamesV2.txt`.
    alternate: HashMap<String, Vec<String>>,
    /// `CC.CODE` → (lat, lon, population, is capital).
    centres: HashMap<String, (f64, f64, u64, bool)>,
    pub stats: ImportStats,
}

fn is_link_or_code(lang: &str) -> bool {
    matches!(
        lang,
        "link" | "post" | "iata" | "icao" | "faac" | "abbr" | "wkdt" | "unlc" | "tcid"
    )
}

impl Importer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads `admin1CodesASCII.txt` (`CC.CODE<TAB>name<TAB>ascii<TAB>id`).
    pub fn read_admin1(&mut self, reader: impl BufRead) -> std::io::Result<()> {
        for line in reader.lines() {
            let line = line?;
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 2 || !f[0].contains('.') {
                continue;
            }
            let ascii = f.get(2).filter(|s| !s.is_empty()).copied().unwrap_or(f[1]);
            self.admin1.push(Admin1Row {
                key: f[0].to_string(),
                name: ascii.to_string(),
                lat: f64::NAN,
                lon: f64::NAN,
                alt_names: if ascii != f[1] {
                    vec![f[1].to_string()]
                } else {
                    Vec::new()
                },
            });
            self.stats.admin1 += 1;
        }
        Ok(())
    }

    /// Reads `alternateNamesV2.txt`, keeping the names in `languages` (ISO
    /// codes; names without a language are kept too; empty list: all).
    /// Must come before the geoname files it completes.
    pub fn read_alternate_names(
        &mut self,
        reader: impl BufRead,
        languages: &[String],
    ) -> std::io::Result<()> {
        for line in reader.split(b'\n') {
            let line = line?;
            let line = String::from_utf8_lossy(&line);
            let f: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
            if f.len() < 4 || is_link_or_code(f[2]) {
                continue;
            }
            if !languages.is_empty() && !f[2].is_empty() && !languages.iter().any(|l| l == f[2]) {
                continue;
            }
            self.alternate
                .entry(f[1].to_string())
                .or_default()
                .push(f[3].to_string());
            self.stats.alternate_names += 1;
        }
        Ok(())
    }

    /// Reads a `geoname` table dump (19 tab-separated columns). Bad lines
    /// are counted and skipped; `progress` is called every 100,000 lines.
    pub fn read_geonames(
        &mut self,
        reader: impl BufRead,
        mut progress: impl FnMut(u64),
    ) -> std::io::Result<()> {
        for line in reader.split(b'\n') {
            let line = line?;
            self.stats.lines += 1;
            if self.stats.lines.is_multiple_of(100_000) {
                progress(self.stats.lines);
            }
            let line = String::from_utf8_lossy(&line);
            let f: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
            if f.len() < 15 || !FEATURE_CLASSES.contains(&f[6]) {
                self.stats.skipped += 1;
                continue;
            }
            let (Ok(lat), Ok(lon)) = (f[4].parse::<f64>(), f[5].parse::<f64>()) else {
                self.stats.skipped += 1;
                continue;
            };
            // GeoNames' own alternate names: capitalised ones only (the
            // lowercase ones are machine transliterations).
            let mut alt_names: Vec<String> = f[3]
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty() && s.chars().any(|c| c.is_uppercase()))
                .map(str::to_string)
                .collect();
            if let Some(extra) = self.alternate.remove(f[0]) {
                alt_names.extend(extra);
            }
            alt_names.sort();
            alt_names.dedup();
            let population: u64 = f[14].parse().unwrap_or(0);
            let key = format!("{}.{}", f[8], f[10]);
            if f[6] == "P" {
                let capital = f[7] == "PPLA";
                let e = self
                    .centres
                    .entry(key)
                    .or_insert((lat, lon, population, capital));
                if (capital && !e.3) || (capital == e.3 && population > e.2) {
                    *e = (lat, lon, population, capital);
                }
            }
            self.stats.names += 1 + alt_names.len() as u64;
            self.builder.add_place(PlaceRow {
                id: f[0].to_string(),
                name: f[1].to_string(),
                country: f[8].to_string(),
                admin1: f[10].to_string(),
                feature: f[7].to_string(),
                lat,
                lon,
                population,
                alt_names,
            });
            self.stats.places += 1;
        }
        Ok(())
    }

    /// Writes the compiled layer.
    pub fn finish(mut self, rules: &FoldRules) -> Result<Vec<u8>, String> {
        for mut a in std::mem::take(&mut self.admin1) {
            if let Some(&(lat, lon, _, _)) = self.centres.get(&a.key) {
                a.lat = lat;
                a.lon = lon;
            }
            self.builder.add_admin1(a);
        }
        self.builder.write(rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entry, Gazetteer};
    use std::sync::Arc;

    /// A few lines in the GeoNames dump format.
    #[allow(clippy::too_many_arguments)]
    fn row(
        id: u32,
        name: &str,
        alt: &str,
        lat: f64,
        lon: f64,
        class: &str,
        code: &str,
        cc: &str,
        a1: &str,
        pop: u64,
    ) -> String {
        format!("{id}\t{name}\t{name}\t{alt}\t{lat}\t{lon}\t{class}\t{code}\t{cc}\t\t{a1}\t\t\t\t{pop}\t\t300\tAsia/Damascus\t2020-01-01\n")
    }

    #[test]
    fn imports_a_small_dump() {
        let dump = [
            row(
                1,
                "Tadmur",
                "Palmyra,Tadmor,tdmr",
                34.56,
                38.28,
                "P",
                "PPLA2",
                "SY",
                "11",
                51000,
            ),
            row(
                2,
                "Homs",
                "Hims,Emesa",
                34.73,
                36.72,
                "P",
                "PPLA",
                "SY",
                "11",
                775000,
            ),
            row(
                3,
                "Jabal Bishri",
                "Bishri",
                35.4,
                39.2,
                "T",
                "MTS",
                "SY",
                "06",
                0,
            ),
            row(4, "Some Road", "", 35.0, 38.0, "R", "RD", "SY", "11", 0),
            "broken line\n".to_string(),
        ]
        .concat();
        let mut imp = Importer::new();
        imp.read_admin1("SY.11\tMuḩāfaz̧at Ḩimş\tHoms\t169575\n".as_bytes())
            .unwrap();
        imp.read_alternate_names("9\t1\tfr\tPalmyre\t\t\t\t\t\t\n10\t1\tlink\thttps://x\t\t\t\t\t\t\n11\t2\tde\tHoms-Stadt\t\t\t\t\t\t\n".as_bytes(), &["fr".into(), "en".into()]).unwrap();
        let mut ticks = 0;
        imp.read_geonames(dump.as_bytes(), |_| ticks += 1).unwrap();
        assert_eq!((imp.stats.places, imp.stats.skipped), (3, 2));
        let rules = FoldRules::parse(include_str!("../../../data/gazetteer/folding.tsv")).unwrap();
        let blob = imp.finish(&rules).unwrap();
        let mut g = Gazetteer::empty(rules);
        g.add_layer("import", Arc::new(blob)).unwrap();
        let Entry::Place(id) = g.lookup("Palmyre")[0].0 else {
            panic!()
        };
        let p = g.place(id).unwrap();
        assert_eq!(p.name, "Tadmur");
        let a = g.admin1_of(&p).unwrap();
        assert_eq!(a.name, "Homs");
        // The division's centre is its capital.
        assert!((a.lat - 34.73).abs() < 0.01);
        assert!(
            g.lookup("Homs-Stadt").is_empty(),
            "German names were not asked for"
        );
        assert!(!g.lookup("Bishri").is_empty());
    }
}
