//! JSONL records: one article per line, `{"id", "url"?, "published"?,
//! "title"?, "outlet"?, "language"?, "text" | "html"}`.

use serde::Deserialize;
use vigie_core::{Article, Diagnostic, FuzzyDate, InputFormat, MetaSource, Origin};

#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
}

/// What one line gave.
#[derive(Debug)]
pub enum LineResult {
    Article(Box<Article>, Vec<Diagnostic>),
    /// An HTML record: the caller extracts the text.
    Html {
        article: Box<Article>,
        html: String,
        diagnostics: Vec<Diagnostic>,
    },
    Skip(Diagnostic),
    Blank,
}

/// Parses one JSONL line (`line_no` 1-based) of `path`; `stem` names
/// articles without an id.
pub fn parse_line(path: &str, stem: &str, line_no: u64, line: &str) -> LineResult {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return LineResult::Blank;
    }
    let origin = Origin::new(path, InputFormat::Jsonl).with_record(line_no);
    let at = origin.display();
    let record: Record = match serde_json::from_str(trimmed) {
        Ok(r) => r,
        Err(e) => {
            return LineResult::Skip(Diagnostic::error(at, format!("malformed JSON line: {e}")));
        }
    };
    let mut diags = Vec::new();
    let id = match &record.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => {
            let id = format!("{stem}-{line_no}");
            diags.push(Diagnostic::warning(
                at.clone(),
                format!("no \"id\" field; named the article {id:?}"),
            ));
            id
        }
    };
    let (text, html) = match (record.text, record.html) {
        (Some(t), _) if !t.trim().is_empty() => (t, None),
        (_, Some(h)) if !h.trim().is_empty() => (String::new(), Some(h)),
        _ => {
            return LineResult::Skip(Diagnostic::error(
                at,
                format!("article {id:?} has no \"text\" or \"html\""),
            ));
        }
    };
    let mut article = Article::new(id, text, origin);
    article.url = record.url.filter(|u| !u.trim().is_empty());
    article.title = record.title.filter(|t| !t.trim().is_empty());
    if let Some(o) = record.outlet {
        article.offer_outlet(&o, MetaSource::Input);
    }
    if let Some(l) = record.language {
        let l = l.trim().to_ascii_lowercase();
        if !l.is_empty() {
            article.language = Some(l);
        }
    }
    if let Some(p) = record.published.filter(|p| !p.trim().is_empty()) {
        match FuzzyDate::parse(&p) {
            Some(d) => {
                article.offer_published(d, MetaSource::Input);
            }
            None => diags.push(Diagnostic::warning(
                at,
                format!("\"published\" {p:?} is not a YYYY-MM-DD, YYYY-MM or YYYY date; ignored"),
            )),
        }
    }
    match html {
        Some(html) => LineResult::Html {
            article: Box::new(article),
            html,
            diagnostics: diags,
        },
        None => LineResult::Article(Box::new(article), diags),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_and_minimal_records() {
        let line = r#"{"id": "a1", "url": "https://x.org/a", "published": "2017-08-07", "outlet": "X", "language": "FR", "text": "Les combats ont repris."}"#;
        let LineResult::Article(a, d) = parse_line("in.jsonl", "in", 1, line) else {
            panic!("not an article")
        };
        assert!(d.is_empty());
        assert_eq!(a.id, "a1");
        assert_eq!(a.language.as_deref(), Some("fr"));
        assert_eq!(a.published.unwrap().to_string(), "2017-08-07");
        assert_eq!(a.origin.display(), "in.jsonl:1");
        let LineResult::Article(a, d) =
            parse_line("in.jsonl", "in", 7, r#"{"text": "x", "published": "hier"}"#)
        else {
            panic!()
        };
        assert_eq!(a.id, "in-7");
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn malformed_and_empty_lines() {
        let LineResult::Skip(d) = parse_line("in.jsonl", "in", 3, "{\"id\": \"x\", text}") else {
            panic!()
        };
        assert!(
            d.to_string()
                .starts_with("error: in.jsonl:3: malformed JSON line"),
            "{d}"
        );
        let LineResult::Skip(d) = parse_line("in.jsonl", "in", 4, r#"{"id": "x", "text": "  "}"#)
        else {
            panic!()
        };
        assert_eq!(d.reason, "article \"x\" has no \"text\" or \"html\"");
        assert!(matches!(
            parse_line("in.jsonl", "in", 5, "   "),
            LineResult::Blank
        ));
        assert!(matches!(
            parse_line("in.jsonl", "in", 6, r#"{"id": 5, "html": "<p>x</p>"}"#),
            LineResult::Html { .. }
        ));
    }
}
