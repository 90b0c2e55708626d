//! Diagnostics: what was wrong with an input, and what was done about it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: a file skipped on purpose, a duplicate merged.
    Note,
    /// Something was wrong but the input was still used (lossy decoding).
    Warning,
    /// The input (or part of it) could not be used.
    Error,
}

/// A problem with one input, reported to the user; never a panic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The input it concerns: a path, `path:line`, or an article id.
    pub input: String,
    pub severity: Severity,
    /// Lowercase, no trailing period ("not valid UTF-8 at byte 1234").
    pub reason: String,
}

impl Diagnostic {
    pub fn new(input: impl Into<String>, severity: Severity, reason: impl Into<String>) -> Self {
        Diagnostic {
            input: input.into(),
            severity,
            reason: reason.into(),
        }
    }

    pub fn note(input: impl Into<String>, reason: impl Into<String>) -> Self {
        Diagnostic::new(input, Severity::Note, reason)
    }

    pub fn warning(input: impl Into<String>, reason: impl Into<String>) -> Self {
        Diagnostic::new(input, Severity::Warning, reason)
    }

    pub fn error(input: impl Into<String>, reason: impl Into<String>) -> Self {
        Diagnostic::new(input, Severity::Error, reason)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{level}: {}: {}", self.input, self.reason)
    }
}
