//! The compiled gazetteer: one little-endian blob with fixed-size place and
//! division records, a string pool, posting lists, and two FSTs (exact
//! keys and transliteration skeletons) mapping keys to postings. Built by
//! the build script for the embedded data and by `vigie gazetteer import`
//! for full GeoNames dumps; read in place (embedded bytes or a memory map).

use crate::key::FoldRules;
use crate::tsv::{Admin1Row, PlaceRow};
use std::collections::HashMap;

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

    /// Writes the blob. Keys are collected in one arena and sorted, so
    /// memory stays near the size of the keys themselves (a full GeoNames
    /// import has tens of millions).
    pub fn write(self, rules: &FoldRules) -> Result<Vec<u8>, String> {
        let mut strings: Vec<u8> = Vec::new();
        let mut interned: HashMap<String, u32> = HashMap::new();
        let push_str = |strings: &mut Vec<u8>, s: &str| -> u32 {
            let o = strings.len() as u32;
            let b = s.as_bytes();
            let len = b.len().min(u16::MAX as usize);
            strings.extend_from_slice(&(len as u16).to_le_bytes());
            strings.extend_from_slice(&b[..len]);
            o
        };
        let admin1_index: HashMap<&str, u32> = self
            .admin1
            .iter()
            .enumerate()
            .map(|(i, a)| (a.key.as_str(), i as u32))
            .collect();
        let mut keys = KeyArena::default();
        let mut max_tokens = 1usize;
        let mut index = |keys: &mut KeyArena, name: &str, entry: u32| {
            for k in rules.exact_keys(name) {
                max_tokens = max_tokens.max(k.split(' ').count());
                keys.push(0, &k, entry);
            }
            if let Some(k) = rules.skeleton(name) {
                keys.push(1, &k, entry);
            }
        };
        let mut place_bytes = Vec::with_capacity(self.places.len() * PLACE_LEN);
        for (i, p) in self.places.iter().enumerate() {
            let entry = i as u32;
            index(&mut keys, &p.name, entry);
            for a in &p.alt_names {
                index(&mut keys, a, entry);
            }
            let key = format!("{}.{}", p.country, p.admin1);
            let a1 = admin1_index.get(key.as_str()).copied().unwrap_or(NO_ADMIN1);
            let feature = match interned.get(&p.feature) {
                Some(&o) => o,
                None => {
                    let o = push_str(&mut strings, &p.feature);
                    interned.insert(p.feature.clone(), o);
                    o
                }
            };
            place_bytes.extend_from_slice(&(p.lat as f32).to_le_bytes());
            place_bytes.extend_from_slice(&(p.lon as f32).to_le_bytes());
            place_bytes
                .extend_from_slice(&(p.population.min(u32::MAX as u64) as u32).to_le_bytes());
            place_bytes.extend_from_slice(&push_str(&mut strings, &p.name).to_le_bytes());
            place_bytes.extend_from_slice(&push_str(&mut strings, &p.id).to_le_bytes());
            place_bytes.extend_from_slice(&feature.to_le_bytes());
            place_bytes.extend_from_slice(&a1.to_le_bytes());
            let cc = p.country.as_bytes();
            place_bytes.push(cc.first().copied().unwrap_or(b'?'));
            place_bytes.push(cc.get(1).copied().unwrap_or(b'?'));
            place_bytes.extend_from_slice(&[0, 0]);
        }
        for (name, entry) in &self.names {
            index(&mut keys, name, *entry);
        }
        let mut admin_bytes = Vec::with_capacity(self.admin1.len() * ADMIN1_LEN);
        for (i, a) in self.admin1.iter().enumerate() {
            let entry = i as u32 | ADMIN1_BIT;
            index(&mut keys, &a.name, entry);
            for n in &a.alt_names {
                index(&mut keys, n, entry);
            }
            admin_bytes.extend_from_slice(&(a.lat as f32).to_le_bytes());
            admin_bytes.extend_from_slice(&(a.lon as f32).to_le_bytes());
            admin_bytes.extend_from_slice(&push_str(&mut strings, &a.name).to_le_bytes());
            admin_bytes.extend_from_slice(&push_str(&mut strings, &a.key).to_le_bytes());
        }
        drop(self.places);
        let mut postings: Vec<u32> = Vec::new();
        let mut fsts = Vec::new();
        for kind in 0..2u8 {
            let mut b = fst::MapBuilder::memory();
            let sorted = keys.sorted(kind);
            let mut i = 0;
            while i < sorted.len() {
                let key = keys.key(sorted[i]);
                let off = postings.len() as u64;
                let mut n = 0usize;
                let mut last: Option<u32> = None;
                while i < sorted.len() && keys.key(sorted[i]) == key {
                    let e = keys.entry(sorted[i]);
                    if last != Some(e) && n < u16::MAX as usize {
                        postings.push(e);
                        n += 1;
                        last = Some(e);
                    }
                    i += 1;
                }
                b.insert(key, (off << 16) | n as u64)
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
        out.extend_from_slice(&((place_bytes.len() / PLACE_LEN) as u32).to_le_bytes());
        out.extend_from_slice(&(self.admin1.len() as u32).to_le_bytes());
        out.extend_from_slice(&(max_tokens as u32).to_le_bytes());
        out.extend_from_slice(&rules.hash.to_le_bytes());
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
        let mut cursor = HEADER_LEN as u64;
        for (i, l) in lens.iter().enumerate() {
            starts[i] = cursor;
            cursor += l;
        }
        let offsets = [
            starts[0],
            starts[1],
            starts[2],
            lens[2],
            starts[3],
            postings.len() as u64,
            starts[4],
            lens[4],
            starts[5],
            lens[5],
        ];
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

/// Keys with their entries, stored compactly: one byte arena and a
/// 16-byte record per key.
#[derive(Default)]
struct KeyArena {
    bytes: Vec<u8>,
    /// (offset, length, entry, kind)
    recs: Vec<(u32, u32, u32, u8)>,
}

impl KeyArena {
    fn push(&mut self, kind: u8, key: &str, entry: u32) {
        let off = self.bytes.len() as u32;
        self.bytes.extend_from_slice(key.as_bytes());
        self.recs.push((off, key.len() as u32, entry, kind));
    }

    fn key(&self, i: usize) -> &[u8] {
        let (o, l, _, _) = self.recs[i];
        &self.bytes[o as usize..(o + l) as usize]
    }

    fn entry(&self, i: usize) -> u32 {
        self.recs[i].2
    }

    /// Record indexes of one kind, sorted by key then entry.
    fn sorted(&self, kind: u8) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.recs.len())
            .filter(|&i| self.recs[i].3 == kind)
            .collect();
        idx.sort_unstable_by(|&a, &b| {
            self.key(a)
                .cmp(self.key(b))
                .then(self.recs[a].2.cmp(&self.recs[b].2))
        });
        idx
    }
}
