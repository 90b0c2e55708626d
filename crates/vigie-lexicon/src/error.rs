//! Errors in data files: always naming the file and what is wrong.

/// A problem with one data file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}: {source}")]
    Toml {
        file: String,
        #[source]
        source: toml::de::Error,
    },
    #[error("{file}: not valid UTF-8")]
    Utf8 { file: String },
    #[error("{file}:{line}: {reason}")]
    Line {
        file: String,
        line: usize,
        reason: String,
    },
    #[error("{file}: {reason}")]
    Invalid { file: String, reason: String },
    #[error(transparent)]
    Text(#[from] vigie_text::RulesError),
    #[error("{file}: cannot decompress: {reason}")]
    Gzip { file: String, reason: String },
}

impl LexiconError {
    pub fn invalid(file: &str, reason: impl Into<String>) -> Self {
        LexiconError::Invalid {
            file: file.to_string(),
            reason: reason.into(),
        }
    }

    pub fn line(file: &str, line: usize, reason: impl Into<String>) -> Self {
        LexiconError::Line {
            file: file.to_string(),
            line,
            reason: reason.into(),
        }
    }
}

/// Parses a TOML file, naming it in errors.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &str,
    bytes: &[u8],
) -> Result<T, LexiconError> {
    let text = std::str::from_utf8(bytes).map_err(|_| LexiconError::Utf8 {
        file: file.to_string(),
    })?;
    toml::from_str(text).map_err(|source| LexiconError::Toml {
        file: file.to_string(),
        source,
    })
}

/// The UTF-8 text of a data file.
pub(crate) fn utf8<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, LexiconError> {
    std::str::from_utf8(bytes).map_err(|_| LexiconError::Utf8 {
        file: file.to_string(),
    })
}

/// Iterates the data rows of a TSV file: skips `#` comments and blank
/// lines, yields (1-based line number, fields).
pub(crate) fn tsv_rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').collect()))
        }
    })
}
