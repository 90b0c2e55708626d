//! The leading ` date YYYY-MM` line some scrapes start with.
//!
//! Collected articles sometimes begin with a machine-written line giving
//! the publication date (`" date 2017-08 Les troupes..."`), followed on the
//! same line by the text. It is metadata, not article text.

use vigie_core::FuzzyDate;

/// If `text` starts (after whitespace) with `date YYYY-MM[-DD]`, returns the
/// date and the byte offset where the article's text begins.
pub fn leading_date(text: &str) -> Option<(FuzzyDate, usize)> {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let after_kw = rest
        .strip_prefix("date")
        .or_else(|| rest.strip_prefix("Date"))
        .or_else(|| rest.strip_prefix("DATE"))?;
    let after_colon = after_kw.strip_prefix(':').unwrap_or(after_kw);
    let value_start_rel = after_colon.len() - after_colon.trim_start().len();
    if value_start_rel == 0 && after_colon.len() == after_kw.len() {
        // "dates..." or "datelines": not our line.
        return None;
    }
    let value = &after_colon[value_start_rel..];
    let token_len = value
        .find(|c: char| c.is_whitespace())
        .unwrap_or(value.len());
    let date = FuzzyDate::parse(&value[..token_len])?;
    let consumed = text.len() - value.len() + token_len;
    let rest = &text[consumed..];
    let body_start = consumed + (rest.len() - rest.trim_start().len());
    Some((date, body_start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_core::Precision;

    #[test]
    fn reads_month_and_day_lines() {
        let text = " date 2017-08 Les troupes ont avancé.";
        let (d, start) = leading_date(text).unwrap();
        assert_eq!(d.to_string(), "2017-08");
        assert_eq!(d.precision, Precision::Month);
        assert_eq!(&text[start..], "Les troupes ont avancé.");
        let (d, start) = leading_date("date: 2022-04-08\nA missile hit.").unwrap();
        assert_eq!(d.precision, Precision::Day);
        assert_eq!(start, 17);
    }

    #[test]
    fn ignores_other_openings() {
        assert!(leading_date("Les troupes ont avancé.").is_none());
        assert!(leading_date("datelines 2017-08 x").is_none());
        assert!(leading_date(" date 2017-13 x").is_none());
        assert!(leading_date(" date").is_none());
        assert!(leading_date("").is_none());
    }
}
