//! The vigie gazetteer: places and first-level divisions, looked up by
//! name with transliteration-aware keys (see [`key`]).
//!
//! Data lives in compiled *layers* ([`format`]): the embedded default
//! (GeoNames cities500 plus overlays, compiled by the build script from
//! `data/gazetteer/`), an imported full GeoNames dump (memory-mapped by
//! the caller), and small layers built at run time from user files. A
//! lookup searches every layer; exact keys first, the transliteration
//! skeleton only as a fallback.
//!
//! Architecture invariant: this crate parses bytes it is given; it never
//! opens a file.

pub mod format;
pub mod import;
pub mod key;
pub mod tsv;

use format::{ADMIN1_BIT, ADMIN1_LEN, HEADER_LEN, MAGIC, NO_ADMIN1, PLACE_LEN, VERSION};
pub use key::FoldRules;

use std::sync::Arc;

/// The compiled embedded gazetteer and the rules hash it was built with.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));

/// Errors reading a compiled gazetteer.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("{0}: not a vigie gazetteer (bad magic number)")]
    Magic(String),
    #[error("{0}: gazetteer format version {1}, this vigie reads version {VERSION}")]
    Version(String, u32),
    #[error("{0}: truncated or corrupt gazetteer ({1})")]
    Corrupt(String, String),
    #[error(transparent)]
    Tsv(#[from] tsv::TsvError),
    #[error("{0}")]
    Build(String),
}

/// A place or division in one layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id {
    pub layer: u16,
    pub index: u32,
}

/// What a name points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    Place(Id),
    Admin1(Id),
}

/// How a name was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchKind {
    /// Folded name, or folded without articles.
    Exact,
    /// Transliteration skeleton only.
    Skeleton,
}

/// A place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub country: String,
    pub feature: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub admin1: Option<Id>,
}

/// The fields of a place needed to rank candidates, read without
/// allocating.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceBrief<'a> {
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    pub country: [u8; 2],
    pub feature: &'a str,
    /// Hand-written overlay places have ids starting with `x`.
    pub overlay: bool,
}

impl PlaceBrief<'_> {
    pub fn country_str(&self) -> &str {
        std::str::from_utf8(&self.country).unwrap_or("")
    }
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

impl Admin1 {
    pub fn country(&self) -> &str {
        self.key.split('.').next().unwrap_or("")
    }
}

/// Bytes of a layer: embedded, owned, or a memory map held by the caller.
pub type Bytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// A sub-slice of layer bytes, for `fst::Map`.
#[derive(Clone)]
struct Slice {
    bytes: Bytes,
    start: usize,
    end: usize,
}

impl AsRef<[u8]> for Slice {
    fn as_ref(&self) -> &[u8] {
        let all: &[u8] = (*self.bytes).as_ref();
        all.get(self.start..self.end).unwrap_or(&[])
    }
}

/// One compiled layer, read in place.
#[derive(Clone)]
struct Layer {
    name: String,
    bytes: Bytes,
    n_places: u32,
    n_admin1: u32,
    max_tokens: u32,
    rules_hash: u64,
    places: usize,
    admin1: usize,
    strings: (usize, usize),
    postings: (usize, usize),
    exact: fst::Map<Slice>,
    skeleton: fst::Map<Slice>,
}

impl std::fmt::Debug for Layer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Layer")
            .field("name", &self.name)
            .field("places", &self.n_places)
            .field("admin1", &self.n_admin1)
            .finish()
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u32::from_le_bytes)
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8)
        .and_then(|s| s.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

/// Coordinates are stored as f32 (about a metre); read back rounded to
/// five decimals so they print as written.
fn f32_at(b: &[u8], at: usize) -> f64 {
    (f64::from(f32::from_bits(u32_at(b, at))) * 1e5).round() / 1e5
}

impl Layer {
    fn open(name: &str, bytes: Bytes) -> Result<Layer, GazetteerError> {
        let b: &[u8] = (*bytes).as_ref();
        if b.len() < HEADER_LEN || &b[..8] != MAGIC {
            return Err(GazetteerError::Magic(name.into()));
        }
        let version = u32_at(b, 8);
        if version != VERSION {
            return Err(GazetteerError::Version(name.into(), version));
        }
        let off: Vec<usize> = (0..10).map(|i| u64_at(b, 32 + 8 * i) as usize).collect();
        let n_places = u32_at(b, 12);
        let n_admin1 = u32_at(b, 16);
        let fits = |start: usize, len: usize| start.checked_add(len).is_some_and(|e| e <= b.len());
        let corrupt = |what: &str| GazetteerError::Corrupt(name.into(), what.into());
        if !fits(off[0], n_places as usize * PLACE_LEN)
            || !fits(off[1], n_admin1 as usize * ADMIN1_LEN)
        {
            return Err(corrupt("records out of range"));
        }
        if !fits(off[2], off[3])
            || !fits(off[4], off[5] * 4)
            || !fits(off[6], off[7])
            || !fits(off[8], off[9])
        {
            return Err(corrupt("sections out of range"));
        }
        let slice = |start: usize, len: usize| Slice {
            bytes: Arc::clone(&bytes),
            start,
            end: start + len,
        };
        let exact = fst::Map::new(slice(off[6], off[7])).map_err(|e| corrupt(&e.to_string()))?;
        let skeleton = fst::Map::new(slice(off[8], off[9])).map_err(|e| corrupt(&e.to_string()))?;
        Ok(Layer {
            name: name.into(),
            n_places,
            n_admin1,
            max_tokens: u32_at(b, 20),
            rules_hash: u64_at(b, 24),
            places: off[0],
            admin1: off[1],
            strings: (off[2], off[3]),
            postings: (off[4], off[5]),
            exact,
            skeleton,
            bytes,
        })
    }

    fn b(&self) -> &[u8] {
        (*self.bytes).as_ref()
    }

    fn str_at(&self, off: u32) -> &str {
        let b = self.b();
        let at = self.strings.0 + off as usize;
        let len = b
            .get(at..at + 2)
            .map_or(0, |s| u16::from_le_bytes([s[0], s[1]]) as usize);
        b.get(at + 2..at + 2 + len)
            .and_then(|s| std::str::from_utf8(s).ok())
            .unwrap_or("")
    }

    fn string(&self, off: u32) -> String {
        self.str_at(off).to_string()
    }

    fn brief(&self, index: u32) -> Option<PlaceBrief<'_>> {
        if index >= self.n_places {
            return None;
        }
        let b = self.b();
        let at = self.places + index as usize * PLACE_LEN;
        let cc = b.get(at + 28..at + 30)?;
        Some(PlaceBrief {
            lat: f32_at(b, at),
            lon: f32_at(b, at + 4),
            population: u64::from(u32_at(b, at + 8)),
            feature: self.str_at(u32_at(b, at + 20)),
            overlay: self.str_at(u32_at(b, at + 16)).starts_with('x'),
            country: [cc[0], cc[1]],
        })
    }

    fn postings(&self, value: u64) -> impl Iterator<Item = u32> + '_ {
        let off = (value >> 16) as usize;
        let n = (value & 0xFFFF) as usize;
        let b = self.b();
        let base = self.postings.0;
        (off..(off + n).min(self.postings.1)).map(move |i| u32_at(b, base + 4 * i))
    }

    fn place(&self, layer: u16, index: u32) -> Option<Place> {
        if index >= self.n_places {
            return None;
        }
        let b = self.b();
        let at = self.places + index as usize * PLACE_LEN;
        let a1 = u32_at(b, at + 24);
        let cc = b
            .get(at + 28..at + 30)
            .map(|s| String::from_utf8_lossy(s).into_owned())
            .unwrap_or_default();
        Some(Place {
            lat: f32_at(b, at),
            lon: f32_at(b, at + 4),
            population: u64::from(u32_at(b, at + 8)),
            name: self.string(u32_at(b, at + 12)),
            id: self.string(u32_at(b, at + 16)),
            feature: self.string(u32_at(b, at + 20)),
            admin1: (a1 != NO_ADMIN1).then_some(Id { layer, index: a1 }),
            country: cc,
        })
    }

    fn admin1(&self, index: u32) -> Option<Admin1> {
        if index >= self.n_admin1 {
            return None;
        }
        let b = self.b();
        let at = self.admin1 + index as usize * ADMIN1_LEN;
        Some(Admin1 {
            lat: f32_at(b, at),
            lon: f32_at(b, at + 4),
            name: self.string(u32_at(b, at + 8)),
            key: self.string(u32_at(b, at + 12)),
        })
    }
}

/// Places and divisions in one or more compiled layers.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    layers: Vec<Layer>,
    rules: FoldRules,
}

impl Gazetteer {
    /// The default gazetteer embedded in the binary, when it was compiled
    /// with these folding rules (else `None`: rebuild with
    /// [`Gazetteer::build`]).
    pub fn embedded(rules: FoldRules) -> Result<Option<Gazetteer>, GazetteerError> {
        let layer = Layer::open("embedded gazetteer", Arc::new(EMBEDDED))?;
        if layer.rules_hash != rules.hash {
            return Ok(None);
        }
        Ok(Some(Gazetteer {
            layers: vec![layer],
            rules,
        }))
    }

    /// An empty gazetteer.
    pub fn empty(rules: FoldRules) -> Gazetteer {
        Gazetteer {
            layers: Vec::new(),
            rules,
        }
    }

    /// Compiles TSV files (name, bytes) into a new layer: places files
    /// (`places*.tsv[.gz]`, `overlay.tsv`), `admin1*.tsv`, `aliases*.tsv`.
    pub fn build(rules: &FoldRules, files: &[(&str, &[u8])]) -> Result<Vec<u8>, GazetteerError> {
        let mut b = format::Builder::new();
        let base = |f: &str| f.rsplit('/').next().unwrap_or(f).to_string();
        for (file, bytes) in files {
            let n = base(file);
            if n.starts_with("admin1") || n.starts_with("aliases") || n.starts_with("folding") {
                continue;
            }
            for p in tsv::places(file, &tsv::text_of(file, bytes)?)? {
                b.add_place(p);
            }
        }
        for (file, bytes) in files {
            if base(file).starts_with("admin1") && !base(file).starts_with("admin1_names") {
                for a in tsv::admin1(file, &tsv::text_of(file, bytes)?)? {
                    b.add_admin1(a);
                }
            }
        }
        for (file, bytes) in files {
            if base(file).starts_with("aliases") {
                for (alias, id) in tsv::aliases(file, &tsv::text_of(file, bytes)?)? {
                    if !b.add_alias(&alias, &id) {
                        return Err(GazetteerError::Build(format!(
                            "{file}: alias {alias:?} points to unknown place id {id:?}"
                        )));
                    }
                }
            }
        }
        b.write(rules).map_err(GazetteerError::Build)
    }

    /// Adds a compiled layer (an import, or one from [`Gazetteer::build`]).
    pub fn add_layer(&mut self, name: &str, bytes: Bytes) -> Result<(), GazetteerError> {
        let layer = Layer::open(name, bytes)?;
        if layer.rules_hash != self.rules.hash {
            return Err(GazetteerError::Corrupt(
                name.into(),
                "built with other folding rules; rebuild it".into(),
            ));
        }
        self.layers.push(layer);
        Ok(())
    }

    pub fn rules(&self) -> &FoldRules {
        &self.rules
    }

    fn get(&self, map: impl Fn(&Layer) -> &fst::Map<Slice>, key: &str) -> Vec<Entry> {
        let mut out = Vec::new();
        for (li, layer) in self.layers.iter().enumerate() {
            if let Some(v) = map(layer).get(key.as_bytes()) {
                for p in layer.postings(v) {
                    let id = Id {
                        layer: li as u16,
                        index: p & !ADMIN1_BIT,
                    };
                    out.push(if p & ADMIN1_BIT != 0 {
                        Entry::Admin1(id)
                    } else {
                        Entry::Place(id)
                    });
                }
            }
        }
        out
    }

    /// Entries under an exact key (already folded, see [`key`]).
    pub fn lookup_key(&self, key: &str) -> Vec<Entry> {
        self.get(|l| &l.exact, key)
    }

    /// Entries under a skeleton key.
    pub fn lookup_skeleton(&self, skeleton: &str) -> Vec<Entry> {
        self.get(|l| &l.skeleton, skeleton)
    }

    /// Entries for a name as written: exact keys first; the skeleton only
    /// when no exact key matches.
    pub fn lookup(&self, name: &str) -> Vec<(Entry, MatchKind)> {
        let mut out: Vec<(Entry, MatchKind)> = Vec::new();
        for k in self.rules.exact_keys(name) {
            for e in self.lookup_key(&k) {
                if !out.iter().any(|(x, _)| *x == e) {
                    out.push((e, MatchKind::Exact));
                }
            }
        }
        if out.is_empty() {
            if let Some(s) = self.rules.skeleton(name) {
                out.extend(
                    self.lookup_skeleton(&s)
                        .into_iter()
                        .map(|e| (e, MatchKind::Skeleton)),
                );
            }
        }
        out
    }

    pub fn place(&self, id: Id) -> Option<Place> {
        self.layers
            .get(id.layer as usize)?
            .place(id.layer, id.index)
    }

    pub fn admin1(&self, id: Id) -> Option<Admin1> {
        self.layers.get(id.layer as usize)?.admin1(id.index)
    }

    /// A place's ranking fields, without allocating.
    pub fn brief(&self, id: Id) -> Option<PlaceBrief<'_>> {
        self.layers.get(id.layer as usize)?.brief(id.index)
    }

    /// The division a place is in.
    pub fn admin1_of(&self, place: &Place) -> Option<Admin1> {
        place.admin1.and_then(|id| self.admin1(id))
    }

    /// Longest name in tokens, over all layers.
    pub fn max_tokens(&self) -> usize {
        self.layers
            .iter()
            .map(|l| l.max_tokens as usize)
            .max()
            .unwrap_or(1)
    }

    /// Number of places over all layers.
    pub fn len(&self) -> usize {
        self.layers.iter().map(|l| l.n_places as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of name keys over all layers.
    pub fn key_count(&self) -> usize {
        self.layers
            .iter()
            .map(|l| l.exact.len() + l.skeleton.len())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> FoldRules {
        FoldRules::parse(include_str!("../../../data/gazetteer/folding.tsv")).unwrap()
    }

    const PLACES: &str = "# vigie-gazetteer 1\nid\tname\tcountry\tadmin1\tfeature\tlat\tlon\tpopulation\talt_names\n\
172425\tAs Sukhnah\tSY\t11\tPPL\t34.8853\t38.8711\t0\tEs Sukhne|Sukhnah\n\
163808\tTadmur\tSY\t11\tPPLA2\t34.5624\t38.284\t51015\tPalmyra|Tadmor\n";

    fn small() -> Gazetteer {
        let blob = Gazetteer::build(
            &rules(),
            &[
                ("places.tsv", PLACES.as_bytes()),
                ("admin1.tsv", b"key\tname\tlat\tlon\talt_names\nSY.11\tHoms\t34.73\t36.72\tprovince de Homs\n"),
                ("aliases.tsv", b"alias\tgeonameid\tnote\nPalmyre\t163808\tFrench\n"),
            ],
        )
        .unwrap();
        let mut g = Gazetteer::empty(rules());
        g.add_layer("test", Arc::new(blob)).unwrap();
        g
    }

    fn first_name(g: &Gazetteer, name: &str) -> Option<(String, MatchKind)> {
        g.lookup(name).first().map(|(e, k)| {
            let n = match e {
                Entry::Place(id) => g.place(*id).unwrap().name,
                Entry::Admin1(id) => g.admin1(*id).unwrap().name,
            };
            (n, *k)
        })
    }

    #[test]
    fn exact_article_free_and_skeleton_lookups() {
        let g = small();
        assert_eq!(
            first_name(&g, "Palmyre"),
            Some(("Tadmur".into(), MatchKind::Exact))
        );
        assert_eq!(
            first_name(&g, "al-Sukhnah"),
            Some(("As Sukhnah".into(), MatchKind::Exact))
        );
        assert_eq!(
            first_name(&g, "al-Soukhna"),
            Some(("As Sukhnah".into(), MatchKind::Skeleton))
        );
        assert_eq!(
            first_name(&g, "Homs"),
            Some(("Homs".into(), MatchKind::Exact))
        );
        assert_eq!(first_name(&g, "Raqqa"), None);
        let Entry::Place(id) = g.lookup("Tadmur")[0].0 else {
            panic!()
        };
        let p = g.place(id).unwrap();
        assert!((p.lat - 34.5624).abs() < 1e-4 && p.population == 51015 && p.feature == "PPLA2");
        assert_eq!(g.admin1_of(&p).unwrap().key, "SY.11");
        assert_eq!(g.len(), 2);
    }

    #[test]
    fn the_embedded_gazetteer_opens_and_resolves() {
        let g = Gazetteer::embedded(rules())
            .unwrap()
            .expect("embedded built with the current rules");
        assert!(g.len() > 200_000);
        let name = |n: &str| first_name(&g, n).map(|x| x.0);
        assert_eq!(name("Palmyre").as_deref(), Some("Tadmur"));
        assert!(g.max_tokens() >= 3);
    }

    #[test]
    fn corrupt_blobs_are_errors_not_panics() {
        let mut g = Gazetteer::empty(rules());
        assert!(matches!(
            g.add_layer("x", Arc::new(b"nope".to_vec())),
            Err(GazetteerError::Magic(_))
        ));
        let mut blob = Gazetteer::build(&rules(), &[("places.tsv", PLACES.as_bytes())]).unwrap();
        blob.truncate(blob.len() / 2);
        assert!(g.add_layer("half", Arc::new(blob)).is_err());
        let other = FoldRules::parse("article\tal\n").unwrap();
        let blob = Gazetteer::build(&other, &[("places.tsv", PLACES.as_bytes())]).unwrap();
        assert!(g.add_layer("other rules", Arc::new(blob)).is_err());
    }
}
