//! RSS and Atom feeds: each item with content or a description becomes an
//! article; link, publication date and title are kept.

use crate::warc::id_for_url;
use scraper::Html;
use vigie_core::{Article, Diagnostic, FuzzyDate, InputFormat, MetaSource, Origin};

/// One item of a feed, as read.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedEntry {
    /// Position in the feed (from 1).
    pub position: u64,
    /// The item's key: its link, else its id, else `item-N`.
    pub key: String,
    pub link: Option<String>,
    pub title: Option<String>,
    pub published: Option<chrono::NaiveDate>,
    /// The text of its content, else of its summary.
    pub text: String,
    /// Whether the text is the item's full content (not only a summary).
    pub full_content: bool,
}

/// A feed's title and items.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub title: Option<String>,
    pub entries: Vec<FeedEntry>,
}

/// Parses an RSS, Atom or JSON Feed document.
pub fn parse(bytes: &[u8], path: &str) -> Result<Feed, Diagnostic> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| {
        Diagnostic::error(path, format!("not a readable RSS, Atom or JSON feed: {e}"))
    })?;
    let title = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let entries = feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| entry.links.first())
                .map(|l| l.href.trim().to_string())
                .filter(|l| !l.is_empty());
            let content = entry.content.as_ref().and_then(|c| c.body.clone());
            let full_content = content.as_deref().is_some_and(|c| !c.trim().is_empty());
            let html = content
                .filter(|c| !c.trim().is_empty())
                .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
                .unwrap_or_default();
            let fragment = Html::parse_fragment(&html);
            let text = crate::html::html_to_text(fragment.root_element());
            let key = match (&link, entry.id.trim()) {
                (Some(l), _) => l.clone(),
                (None, eid) if !eid.is_empty() => eid.to_string(),
                _ => format!("item-{}", i + 1),
            };
            FeedEntry {
                position: i as u64 + 1,
                key,
                link,
                title: entry
                    .title
                    .as_ref()
                    .map(|t| t.content.trim().to_string())
                    .filter(|t| !t.is_empty()),
                published: entry.published.or(entry.updated).map(|d| d.date_naive()),
                text: text.trim().to_string(),
                full_content,
            }
        })
        .collect();
    Ok(Feed { title, entries })
}

/// The article of a feed entry whose text is `text` (its own, or that of
/// the page it links to).
pub fn entry_article(
    entry: &FeedEntry,
    feed_title: Option<&str>,
    text: String,
    path: &str,
) -> Article {
    let mut a = Article::new(
        id_for_url(&entry.key),
        text,
        Origin::new(path, InputFormat::Feed).with_record(entry.position),
    );
    a.url = entry.link.clone();
    a.title = entry.title.clone();
    if let Some(d) = entry.published {
        a.offer_published(FuzzyDate::day(d), MetaSource::Input);
    }
    if let Some(t) = feed_title {
        a.offer_outlet(t, MetaSource::Markup);
    }
    a
}

/// Parses a feed document into articles (items without text are noted).
pub fn articles(bytes: &[u8], path: &str) -> Result<(Vec<Article>, Vec<Diagnostic>), Diagnostic> {
    let feed = parse(bytes, path)?;
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for entry in &feed.entries {
        if entry.text.is_empty() {
            diags.push(Diagnostic::note(
                format!("{path}: item {}", entry.position),
                "item has no content or description; skipped",
            ));
            continue;
        }
        out.push(entry_article(
            entry,
            feed.title.as_deref(),
            entry.text.clone(),
            path,
        ));
    }
    Ok((out, diags))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_and_atom_items() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Hebdo</title>
<item><title>Attaque près de Djibo</title><link>https://example.org/2022/05/03/djibo</link>
<pubDate>Tue, 03 May 2022 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Des hommes armés ont attaqué un poste militaire près de Djibo lundi.&lt;/p&gt;</description></item>
<item><title>Vide</title><link>https://example.org/empty</link></item>
</channel></rss>"#;
        let (arts, diags) = articles(rss.as_bytes(), "f.xml").unwrap();
        assert_eq!(arts.len(), 1);
        assert_eq!(diags.len(), 1);
        let a = &arts[0];
        assert!(a.text.contains("poste militaire près de Djibo"));
        assert_eq!(a.published.unwrap().to_string(), "2022-05-03");
        assert_eq!(a.outlet.as_deref(), Some("Sahel Hebdo"));
        assert_eq!(a.id, id_for_url("https://example.org/2022/05/03/djibo"));
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Front News</title><id>urn:x</id><updated>2023-02-09T00:00:00Z</updated>
<entry><title>Strike</title><id>urn:1</id><updated>2023-02-09T06:00:00Z</updated><link href="https://example.org/strike"/>
<content type="html">&lt;p&gt;A missile struck Zaporizhzhia overnight.&lt;/p&gt;</content></entry></feed>"#;
        let (arts, _) = articles(atom.as_bytes(), "f.atom").unwrap();
        assert_eq!(arts[0].text, "A missile struck Zaporizhzhia overnight.");
        assert!(articles(b"not xml", "bad.xml").is_err());
    }
}
