//! Near-duplicate articles: the same wire story published by several sites,
//! each with its own headline, menus and a sentence more or less.
//!
//! Each article's text becomes a set of five-word shingles (lowercased
//! words, punctuation ignored), summarised by a MinHash signature of
//! [`HASHES`] values. Signatures are indexed in bands of [`ROWS`] values
//! (locality-sensitive hashing), so an article is compared only with the
//! articles that share a band, not with all of them. Two articles whose
//! estimated Jaccard similarity reaches [`THRESHOLD`] tell the same story.
//! They are flagged, never dropped: for event merging they are separate
//! sources.
//!
//! Memory: a signature is `HASHES * 4` bytes per article (256 bytes), plus
//! the band index.

use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

/// Values in a signature.
pub const HASHES: usize = 64;
/// Values per band: 32 bands of 2 find pairs at Jaccard 0.5 with
/// probability above 0.99.
pub const ROWS: usize = 2;
/// Estimated Jaccard similarity from which two texts are the same story.
pub const THRESHOLD: f64 = 0.5;
/// Words per shingle.
const SHINGLE: usize = 5;
/// Texts with fewer words are too short to judge.
const MIN_WORDS: usize = 40;

type Signature = [u32; HASHES];

/// A near-duplicate found for an article.
#[derive(Debug, Clone, PartialEq)]
pub struct NearDuplicate {
    /// The id of the earlier article telling the same story.
    pub of: String,
    /// The estimated Jaccard similarity of their shingle sets.
    pub similarity: f64,
}

/// The articles seen so far, indexed for near-duplicate lookups.
#[derive(Debug, Default)]
pub struct NearDuplicates {
    ids: Vec<String>,
    signatures: Vec<Signature>,
    bands: HashMap<u64, Vec<u32>>,
}

/// A 64-bit mixer (splitmix64's finaliser): one shingle hash becomes
/// [`HASHES`] independent-looking hashes.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The MinHash signature of a text, or `None` when it is too short.
pub fn signature(text: &str) -> Option<Signature> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut sig = [u32::MAX; HASHES];
    let mut joined = String::new();
    for window in words.windows(SHINGLE) {
        joined.clear();
        for w in window {
            joined.push_str(w);
            joined.push(' ');
        }
        let h = xxh3_64(joined.as_bytes());
        for (i, slot) in sig.iter_mut().enumerate() {
            let v = (mix(h ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> 32) as u32;
            if v < *slot {
                *slot = v;
            }
        }
    }
    Some(sig)
}

/// The estimated Jaccard similarity of two signatures.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

fn band_key(band: usize, values: &[u32]) -> u64 {
    let mut bytes = Vec::with_capacity(4 + values.len() * 4);
    bytes.extend_from_slice(&(band as u32).to_le_bytes());
    for v in values {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    xxh3_64(&bytes)
}

impl NearDuplicates {
    pub fn new() -> NearDuplicates {
        NearDuplicates::default()
    }

    /// Compares an article with those seen before and remembers it. Returns
    /// the most similar earlier article at or above [`THRESHOLD`] (the
    /// earliest on a tie).
    pub fn check_and_add(&mut self, id: &str, text: &str) -> Option<NearDuplicate> {
        let sig = signature(text)?;
        let mut best: Option<(u32, f64)> = None;
        let mut seen = std::collections::HashSet::new();
        for (band, values) in sig.chunks(ROWS).enumerate() {
            let Some(candidates) = self.bands.get(&band_key(band, values)) else {
                continue;
            };
            for &c in candidates {
                if !seen.insert(c) {
                    continue;
                }
                let s = similarity(&sig, &self.signatures[c as usize]);
                let better = match best {
                    None => true,
                    Some((b, bs)) => s > bs || (s == bs && c < b),
                };
                if s >= THRESHOLD && better {
                    best = Some((c, s));
                }
            }
        }
        let index = self.ids.len() as u32;
        for (band, values) in sig.chunks(ROWS).enumerate() {
            self.bands
                .entry(band_key(band, values))
                .or_default()
                .push(index);
        }
        self.ids.push(id.to_string());
        self.signatures.push(sig);
        best.map(|(c, s)| NearDuplicate {
            of: self.ids[c as usize].clone(),
            similarity: s,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Au moins douze soldats ont été tués mardi dans l'attaque d'un poste militaire près de la frontière, a indiqué mercredi un responsable local sous couvert d'anonymat. Les assaillants, arrivés à moto en fin d'après-midi, ont incendié plusieurs véhicules avant de se replier vers la forêt voisine. L'armée a lancé une opération de ratissage dans la zone et affirme avoir neutralisé une dizaine d'assaillants. Aucune revendication n'avait été publiée mercredi soir, mais la région est régulièrement visée par des groupes armés affiliés à l'Etat islamique.";

    #[test]
    fn the_same_wire_story_on_two_sites_is_found() {
        let site_a = format!("Accueil Politique Sécurité Sport\n{WIRE}\nPartagez cet article sur les réseaux sociaux. Inscrivez-vous à notre lettre d'information.");
        let site_b = format!("Attaque meurtrière contre un poste militaire\n{WIRE} Le gouvernement a décrété trois jours de deuil national.\nTous droits réservés.");
        let mut nd = NearDuplicates::new();
        assert_eq!(nd.check_and_add("a", &site_a), None);
        let found = nd.check_and_add("b", &site_b).expect("same story");
        assert_eq!(found.of, "a");
        assert!(found.similarity >= THRESHOLD, "{found:?}");
    }

    #[test]
    fn different_stories_on_the_same_subject_are_not() {
        let other = "Des affrontements ont opposé lundi l'armée à des hommes armés dans le nord du pays, faisant plusieurs morts selon des sources sécuritaires. Les combats ont éclaté à l'aube autour d'un marché hebdomadaire, où les assaillants s'en sont pris aux commerçants avant l'arrivée des renforts. Un bilan officiel fait état de sept morts parmi les civils et de trois soldats blessés, tandis que l'armée dit avoir repris le contrôle de la localité dans la soirée.";
        let mut nd = NearDuplicates::new();
        assert_eq!(nd.check_and_add("a", WIRE), None);
        assert_eq!(nd.check_and_add("b", other), None);
    }

    #[test]
    fn short_texts_are_not_judged() {
        let mut nd = NearDuplicates::new();
        assert_eq!(nd.check_and_add("a", "Deux morts dans une attaque."), None);
        assert_eq!(nd.check_and_add("b", "Deux morts dans une attaque."), None);
        assert!(signature("Deux morts dans une attaque.").is_none());
    }
}
