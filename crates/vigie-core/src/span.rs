//! Byte spans into an article's original text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into an article's original text.
///
/// Spans always point into [`crate::Article::text`], never into a cleaned or
/// folded copy, so every extracted field can be traced back to the bytes it
/// came from. Serialised as a two-element array `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers, or `None` when it does not fall on
    /// character boundaries of `text` (a bad span is data, not a panic).
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// Distance in bytes between two spans (0 when they overlap).
    pub fn gap(&self, other: Span) -> usize {
        if self.overlaps(other) {
            0
        } else if self.end <= other.start {
            other.start - self.end
        } else {
            self.start - other.end
        }
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(d)?;
        if end < start {
            return Err(serde::de::Error::custom(format!(
                "span end {end} is before its start {start}"
            )));
        }
        Ok(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_refuses_non_char_boundaries() {
        let text = "Alep à l'est";
        assert_eq!(Span::new(0, 4).slice(text), Some("Alep"));
        // 'à' is two bytes; a span ending inside it is not a slice.
        assert_eq!(Span::new(5, 6).slice(text), None);
        assert_eq!(Span::new(5, 7).slice(text), Some("à"));
        assert_eq!(Span::new(10, 99).slice(text), None);
    }

    #[test]
    fn gap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(9, 12);
        assert_eq!(a.gap(b), 4);
        assert_eq!(b.gap(a), 4);
        assert_eq!(a.cover(b), Span::new(0, 12));
        assert_eq!(a.gap(Span::new(3, 7)), 0);
    }

    #[test]
    fn serde_as_pair_and_rejects_reversed() {
        let s: Span = serde_json::from_str("[3, 8]").unwrap_or_default();
        assert_eq!(s, Span::new(3, 8));
        assert_eq!(serde_json::to_string(&s).ok().as_deref(), Some("[3,8]"));
        assert!(serde_json::from_str::<Span>("[8, 3]").is_err());
    }
}
