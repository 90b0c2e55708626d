//! The set of data files a lexicon is built from: the files embedded in the
//! binary, overlaid with files a user supplies.
//!
//! Paths are relative to the data root (`actors/syria.toml`,
//! `lexicon/fr/calendar.toml`). A user file with the same path as an
//! embedded one replaces it; any other user file is added (a new actor file,
//! a new language). This crate never touches the filesystem: the caller
//! reads user files (see `vigie_ingest::data_dir`) and hands their bytes in.

use std::collections::BTreeMap;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Named data files (path → bytes).
#[derive(Debug, Clone, Default)]
pub struct DataSet {
    files: BTreeMap<String, std::borrow::Cow<'static, [u8]>>,
    /// Paths that came from the user rather than the binary.
    user: Vec<String>,
}

impl DataSet {
    /// The data embedded in the binary.
    pub fn embedded() -> DataSet {
        let mut set = DataSet::default();
        for (path, bytes) in embedded::EMBEDDED {
            set.files
                .insert((*path).to_string(), std::borrow::Cow::Borrowed(*bytes));
        }
        set
    }

    /// An empty set (tests build their own).
    pub fn empty() -> DataSet {
        DataSet::default()
    }

    /// Adds or replaces a file.
    pub fn insert(&mut self, path: impl Into<String>, bytes: Vec<u8>) {
        let path = path.into().replace('\\', "/");
        self.user.push(path.clone());
        self.files.insert(path, std::borrow::Cow::Owned(bytes));
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|c| c.as_ref())
    }

    /// Files whose path starts with `prefix` and ends with `suffix`, sorted.
    pub fn matching<'a>(
        &'a self,
        prefix: &'a str,
        suffix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a [u8])> + 'a {
        self.files
            .iter()
            .filter(move |(p, _)| p.starts_with(prefix) && p.ends_with(suffix))
            .map(|(p, b)| (p.as_str(), b.as_ref()))
    }

    /// Paths supplied by the user.
    pub fn user_paths(&self) -> &[String] {
        &self.user
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_has_the_lexicon_and_user_files_overlay() {
        let mut set = DataSet::embedded();
        assert!(set.get("lexicon/fr/text.toml").is_some());
        let n = set.len();
        set.insert("lexicon/fr/text.toml", b"language = \"fr\"".to_vec());
        set.insert("actors/mine.toml", b"".to_vec());
        assert_eq!(set.len(), n + 1);
        assert_eq!(
            set.get("lexicon/fr/text.toml"),
            Some(&b"language = \"fr\""[..])
        );
        assert_eq!(set.user_paths().len(), 2);
        assert!(set
            .matching("actors/", ".toml")
            .any(|(p, _)| p == "actors/mine.toml"));
    }
}
