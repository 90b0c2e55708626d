//! RSS and Atom feeds: each item with content or a description becomes an
//! article; link, publication date and title are kept.

use crate::warc::id_for_url;
use scraper::Html;
use vigie_core::{Article, Diagnostic, FuzzyDate, InputFormat, MetaSource, Origin};

/// Parses a feed document into articles (items without text are noted).
pub fn articles(bytes: &[u8], path: &str) -> Result<(Vec<Article>, Vec<Diagnostic>), Diagnostic> {
    let feed = feed_rs::parser::parse(bytes)
        .map_err(|e| Diagnostic::error(path, format!("not a readable RSS or Atom feed: {e}")))?;
    let feed_title = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let at = format!("{path}: item {}", i + 1);
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| entry.links.first())
            .map(|l| l.href.clone());
        let html = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let fragment = Html::parse_fragment(&html);
        let text = crate::html::html_to_text(fragment.root_element());
        if text.trim().is_empty() {
            diags.push(Diagnostic::note(
                at,
                "item has no content or description; skipped",
            ));
            continue;
        }
        let id = match (&link, entry.id.trim()) {
            (Some(l), _) => id_for_url(l),
            (None, eid) if !eid.is_empty() => id_for_url(eid),
            _ => format!("item-{}", i + 1),
        };
        let mut a = Article::new(
            id,
            text,
            Origin::new(path, InputFormat::Feed).with_record(i as u64 + 1),
        );
        a.url = link;
        a.title = entry.title.as_ref().map(|t| t.content.trim().to_string());
        if let Some(d) = entry.published.or(entry.updated) {
            a.offer_published(FuzzyDate::day(d.date_naive()), MetaSource::Input);
        }
        if let Some(t) = &feed_title {
            a.offer_outlet(t, MetaSource::Markup);
        }
        out.push(a);
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
