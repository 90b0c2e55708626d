//! The compiled gazetteer: one little-endian blob with fixed-size place and
//! division records, a string pool, posting lists, and two FSTs (exact
//! keys and transliteration skeletons) mapping keys to postings. Built by
//! the build script for the embedded data and by `vigie gazetteer import`
//! for full GeoNames dumps; read in place (embedded bytes or a memory map).

use crate::key::FoldRules;
use crate::tsv::{Admin1Row, PlaceRow};
use std::collections::{BTreeMap, HashMap};

pub const MAGIC: &[u8; 8] = b"VIGIEGAZ";
pub const VERSION: u32 = 1;
pub const HEADER_LEN: usize = 8 + 4 * 4 + 8 + 8 * 10;
pub const PLACE_LEN: usize = 32;
pub const ADMIN1_LEN: usize = 16;
/// Posting entries with this bit set are admin1 indexes.
pub const ADMIN1_BIT: u32 = 1 << 31;
/// No admin1 for a place.
pub const NO_ADMIN1: u32 = u32::MAX;

/// Accumulates records and names, then writes the blob.
#[derive(Debug, Default)]
pub struct Builder {
    places: Vec<PlaceRow>,
    admin1: Vec<Admin1Row>,
    /// Extra names: (name, entry).
    names: Vec<(String, u32)>,
    ids: HashMap<String, u32>,
}

impl Builder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add_place(&mut self, p: PlaceRow) -> u32 {
        let idx = self.places.len() as u32;
        self.ids.insert(p.id.clone(), idx);
        self.places.push(p);
        idx
    }

    pub fn add_admin1(&mut self, a: Admin1Row) {
        self.admin1.push(a);
    }

    /// Points an alias at a place by id; false when the id is unknown.
    pub fn add_alias(&mut self, alias: &str, id: &str) -> bool {
        match self.ids.get(id) {
            Some(&i) => {
                self.names.push((alias.to_string(), i));
                true
            }
            None => false,
        }
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Writes the blob.
    pub fn write(self, rules: &FoldRules) -> Result<Vec<u8>, String> {
        let mut strings: Vec<u8> = Vec::new();
        let mut string_ids: HashMap<String, u32> = HashMap::new();
        let mut intern = |s: &str| -> u32 {
            if let Some(&o) = string_ids.get(s) {
                return o;
            }
            let o = strings.len() as u32;
            let b = s.as_bytes();
            let len = b.len().min(u16::MAX as usize);
            strings.extend_from_slice(&(len as u16).to_le_bytes());
            strings.extend_from_slice(&b[..len]);
            string_ids.insert(s.to_string(), o);
            o
        };
        let admin1_index: HashMap<&str, u32> = self
            .admin1
            .iter()
            .enumerate()
            .map(|(i, a)| (a.key.as_str(), i as u32))
            .collect();
        let mut exact: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut skel: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut max_tokens = 1usize;
        let mut index = |name: &str,
                         entry: u32,
                         exact: &mut BTreeMap<String, Vec<u32>>,
                         skel: &mut BTreeMap<String, Vec<u32>>| {
            for k in rules.exact_keys(name) {
                max_tokens = max_tokens.max(k.split(' ').count());
                let v = exact.entry(k).or_default();
                if !v.contains(&entry) {
                    v.push(entry);
                }
            }
            if let Some(k) = rules.skeleton(name) {
                let v = skel.entry(k).or_default();
                if !v.contains(&entry) {
                    v.push(entry);
                }
            }
        };
        let mut place_bytes = Vec::with_capacity(self.places.len() * PLACE_LEN);
        for (i, p) in self.places.iter().enumerate() {
            let entry = i as u32;
            index(&p.name, entry, &mut exact, &mut skel);
            for a in &p.alt_names {
                index(a, entry, &mut exact, &mut skel);
            }
            let key = format!("{}.{}", p.country, p.admin1);
            let a1 = admin1_index.get(key.as_str()).copied().unwrap_or(NO_ADMIN1);
            place_bytes.extend_from_slice(&(p.lat as f32).to_le_bytes());
            place_bytes.extend_from_slice(&(p.lon as f32).to_le_bytes());
            place_bytes
                .extend_from_slice(&(p.population.min(u32::MAX as u64) as u32).to_le_bytes());
            place_bytes.extend_from_slice(&intern(&p.name).to_le_bytes());
            place_bytes.extend_from_slice(&intern(&p.id).to_le_bytes());
            place_bytes.extend_from_slice(&intern(&p.feature).to_le_bytes());
            place_bytes.extend_from_slice(&a1.to_le_bytes());
            let cc = p.country.as_bytes();
            place_bytes.push(cc.first().copied().unwrap_or(b'?'));
            place_bytes.push(cc.get(1).copied().unwrap_or(b'?'));
            place_bytes.extend_from_slice(&[0, 0]);
        }
        for (name, entry) in &self.names {
            index(name, *entry, &mut exact, &mut skel);
        }
        let mut admin_bytes = Vec::with_capacity(self.admin1.len() * ADMIN1_LEN);
        for (i, a) in self.admin1.iter().enumerate() {
            let entry = i as u32 | ADMIN1_BIT;
            index(&a.name, entry, &mut exact, &mut skel);
            for n in &a.alt_names {
                index(n, entry, &mut exact, &mut skel);
            }
            admin_bytes.extend_from_slice(&(a.lat as f32).to_le_bytes());
            admin_bytes.extend_from_slice(&(a.lon as f32).to_le_bytes());
            admin_bytes.extend_from_slice(&intern(&a.name).to_le_bytes());
            admin_bytes.extend_from_slice(&intern(&a.key).to_le_bytes());
        }
        let mut postings: Vec<u32> = Vec::new();
        let mut fsts = Vec::new();
        for map in [&exact, &skel] {
            let mut b = fst::MapBuilder::memory();
            for (k, v) in map {
                let off = postings.len() as u64;
                let n = v.len().min(u16::MAX as usize);
                postings.extend_from_slice(&v[..n]);
                b.insert(k.as_bytes(), (off << 16) | n as u64)
                    .map_err(|e| e.to_string())?;
            }
            fsts.push(b.into_inner().map_err(|e| e.to_string())?);
        }
        let mut out = Vec::with_capacity(
            HEADER_LEN
                + place_bytes.len()
                + strings.len()
                + postings.len() * 4
                + fsts[0].len()
                + fsts[1].len(),
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(self.places.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.admin1.len() as u32).to_le_bytes());
        out.extend_from_slice(&(max_tokens as u32).to_le_bytes());
        out.extend_from_slice(&rules.hash.to_le_bytes());
        let mut offsets = [0u64; 10];
        let mut cursor = HEADER_LEN as u64;
        // Sections in order: places, admin1, strings, postings, exact FST,
        // skeleton FST.
        let lens = [
            place_bytes.len() as u64,
            admin_bytes.len() as u64,
            strings.len() as u64,
            postings.len() as u64 * 4,
            fsts[0].len() as u64,
            fsts[1].len() as u64,
        ];
        let mut starts = [0u64; 6];
        for (i, l) in lens.iter().enumerate() {
            starts[i] = cursor;
            cursor += l;
        }
        offsets[0] = starts[0];
        offsets[1] = starts[1];
        offsets[2] = starts[2];
        offsets[3] = lens[2];
        offsets[4] = starts[3];
        offsets[5] = postings.len() as u64;
        offsets[6] = starts[4];
        offsets[7] = lens[4];
        offsets[8] = starts[5];
        offsets[9] = lens[5];
        for o in offsets {
            out.extend_from_slice(&o.to_le_bytes());
        }
        out.extend_from_slice(&place_bytes);
        out.extend_from_slice(&admin_bytes);
        out.extend_from_slice(&strings);
        for p in &postings {
            out.extend_from_slice(&p.to_le_bytes());
        }
        out.extend_from_slice(&fsts[0]);
        out.extend_from_slice(&fsts[1]);
        Ok(out)
    }
}
