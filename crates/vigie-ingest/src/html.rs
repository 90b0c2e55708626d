//! HTML pages: main text with the `trafilatura` extractor (paragraph
//! breaks kept), and metadata from the page itself: title, publication
//! date (meta tags, JSON-LD, `<time>`), site name, canonical URL, language.

use scraper::{ElementRef, Html, Node, Selector};
use vigie_core::{Article, FuzzyDate, InputFormat, MetaSource, Origin};

/// Below this many characters of extracted text the page is read whole
/// (and cleaned as a raw scrape) instead.
const MIN_EXTRACTED: usize = 200;

/// Metadata read from a page's markup.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub published: Option<FuzzyDate>,
    pub site_name: Option<String>,
    pub canonical: Option<String>,
    pub language: Option<String>,
}

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn clean_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads the page's own metadata.
pub fn page_meta(doc: &Html) -> PageMeta {
    let mut m = PageMeta::default();
    let meta_content = |query: &str| -> Option<String> {
        let s = sel(query)?;
        doc.select(&s)
            .filter_map(|e| e.value().attr("content"))
            .map(clean_ws)
            .find(|v| !v.is_empty())
    };
    m.title =
        meta_content("meta[property=\"og:title\"], meta[name=\"twitter:title\"]").or_else(|| {
            let s = sel("title")?;
            doc.select(&s)
                .next()
                .map(|t| clean_ws(&t.text().collect::<String>()))
                .filter(|t| !t.is_empty())
        });
    m.site_name = meta_content("meta[property=\"og:site_name\"], meta[name=\"application-name\"]");
    m.canonical = sel("link[rel=\"canonical\"]")
        .and_then(|s| {
            doc.select(&s)
                .filter_map(|e| e.value().attr("href"))
                .next()
                .map(str::to_string)
        })
        .or_else(|| meta_content("meta[property=\"og:url\"]"))
        .filter(|u| u.starts_with("http"));
    m.language = sel("html")
        .and_then(|s| {
            doc.select(&s)
                .next()?
                .value()
                .attr("lang")
                .map(str::to_string)
        })
        .or_else(|| {
            meta_content("meta[http-equiv=\"content-language\"], meta[property=\"og:locale\"]")
        })
        .and_then(|l| {
            let code = l.trim().split(['-', '_']).next()?.to_ascii_lowercase();
            (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())).then_some(code)
        });
    // Publication date: meta tags, JSON-LD, then <time datetime>.
    let date_metas = [
        "meta[property=\"article:published_time\"]",
        "meta[name=\"article:published_time\"]",
        "meta[itemprop=\"datePublished\"]",
        "meta[name=\"pubdate\"]",
        "meta[name=\"publishdate\"]",
        "meta[name=\"publish-date\"]",
        "meta[name=\"date\"]",
        "meta[name=\"dc.date\"]",
        "meta[name=\"DC.date.issued\"]",
        "meta[name=\"dcterms.date\"]",
        "meta[name=\"sailthru.date\"]",
        "meta[name=\"parsely-pub-date\"]",
        "meta[property=\"og:published_time\"]",
    ];
    m.published = date_metas
        .iter()
        .find_map(|q| meta_content(q).and_then(|v| FuzzyDate::parse(&v)))
        .or_else(|| json_ld_date(doc))
        .or_else(|| {
            let s = sel("time[datetime]")?;
            doc.select(&s)
                .filter_map(|e| e.value().attr("datetime"))
                .find_map(FuzzyDate::parse)
        });
    if m.site_name.is_none() {
        m.site_name = json_ld_publisher(doc);
    }
    m
}

fn json_ld_values(doc: &Html) -> Vec<serde_json::Value> {
    let Some(s) = sel("script[type=\"application/ld+json\"]") else {
        return Vec::new();
    };
    doc.select(&s)
        .filter_map(|e| {
            serde_json::from_str::<serde_json::Value>(&e.text().collect::<String>()).ok()
        })
        .collect()
}

fn find_key<'a>(
    v: &'a serde_json::Value,
    key: &str,
    depth: usize,
) -> Option<&'a serde_json::Value> {
    if depth > 6 {
        return None;
    }
    match v {
        serde_json::Value::Object(o) => o
            .get(key)
            .or_else(|| o.values().find_map(|x| find_key(x, key, depth + 1))),
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_key(x, key, depth + 1)),
        _ => None,
    }
}

fn json_ld_date(doc: &Html) -> Option<FuzzyDate> {
    json_ld_values(doc).iter().find_map(|v| {
        find_key(v, "datePublished", 0)?
            .as_str()
            .and_then(FuzzyDate::parse)
    })
}

fn json_ld_publisher(doc: &Html) -> Option<String> {
    json_ld_values(doc).iter().find_map(|v| {
        let p = find_key(v, "publisher", 0)?;
        let name = p
            .get("name")
            .or_else(|| p.as_array()?.first()?.get("name"))?;
        name.as_str().map(clean_ws).filter(|n| !n.is_empty())
    })
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "tr",
    "table",
    "br",
    "figcaption",
    "figure",
    "pre",
    "dd",
    "dt",
    "main",
    "aside",
    "nav",
];
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "button", "form",
];

/// The text of an HTML fragment or page, one block element per paragraph.
pub fn html_to_text(root: ElementRef) -> String {
    fn walk(node: ego_tree::NodeRef<Node>, out: &mut String) {
        match node.value() {
            Node::Text(t) => {
                let s: &str = t;
                let mut last_space = out.ends_with(' ') || out.ends_with('\n') || out.is_empty();
                for c in s.chars() {
                    if c.is_whitespace() {
                        if !last_space {
                            out.push(' ');
                            last_space = true;
                        }
                    } else {
                        out.push(c);
                        last_space = false;
                    }
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) {
                    return;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    break_paragraph(out);
                }
                for child in node.children() {
                    walk(child, out);
                }
                if block {
                    break_paragraph(out);
                }
            }
            _ => {
                for child in node.children() {
                    walk(child, out);
                }
            }
        }
    }
    fn break_paragraph(out: &mut String) {
        while out.ends_with(' ') {
            out.pop();
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            if out.ends_with('\n') {
                out.push('\n');
            } else {
                out.push_str("\n\n");
            }
        }
    }
    let mut out = String::new();
    walk(*root, &mut out);
    out.trim().to_string()
}

/// An article from an HTML page (already decoded). Returns the article
/// and whether the extractor isolated the main text (else the whole page
/// text is kept, to be cleaned as a scrape).
pub fn article_from_html(
    html: &str,
    id: String,
    origin: Origin,
    url: Option<&str>,
) -> (Article, bool) {
    let doc = Html::parse_document(html);
    let meta = page_meta(&doc);
    let opts = trafilatura::Options::default();
    let extracted = trafilatura::extract(html, &opts).ok().map(|r| {
        let fragment = Html::parse_fragment(&r.content_html);
        let text = html_to_text(fragment.root_element());
        let date = r.metadata.date;
        let site = Some(r.metadata.sitename).filter(|s| !s.trim().is_empty());
        (text, date, site)
    });
    let (text, isolated, traf_date, traf_site) = match extracted {
        Some((text, date, site)) if text.chars().count() >= MIN_EXTRACTED => {
            (text, true, date, site)
        }
        other => {
            let body = sel("body")
                .and_then(|s| doc.select(&s).next())
                .unwrap_or_else(|| doc.root_element());
            let (date, site) = other.map(|(_, d, s)| (d, s)).unwrap_or((None, None));
            (html_to_text(body), false, date, site)
        }
    };
    let mut origin = origin;
    if !isolated {
        // The whole page: clean it as a raw scrape.
        origin.format = match origin.format {
            InputFormat::Html => InputFormat::Text,
            f => f,
        };
    }
    let mut a = Article::new(id, text, origin);
    a.url = url.map(str::to_string).or(meta.canonical.clone());
    a.title = meta.title;
    if let Some(d) = meta.published {
        a.offer_published(d, MetaSource::Markup);
    } else if let Some(d) = traf_date {
        a.offer_published(FuzzyDate::day(d), MetaSource::Markup);
    }
    if let Some(s) = meta.site_name.or(traf_site) {
        a.offer_outlet(&s, MetaSource::Markup);
    }
    a.language = meta.language;
    (a, isolated)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="fr-FR"><head>
<title>Syrie : l'armée reprend une ville - Le Quotidien du Levant</title>
<meta property="og:site_name" content="Le Quotidien du Levant">
<meta property="article:published_time" content="2019-05-09T08:15:00+02:00">
<link rel="canonical" href="https://www.example.org/monde/2019/05/09/syrie-armee-ville">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-05-08","publisher":{"name":"LQL"}}</script>
</head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/abo">Abonnez-vous</a></nav>
<div class="cookie">Nous utilisons des cookies. En cliquant sur Tout accepter vous consentez.</div>
<article><h1>Syrie : l'armée reprend la ville de Kafr Nabuda</h1>
<p>Les forces gouvernementales syriennes ont repris mercredi la ville de Kafr Nabuda, dans le nord-ouest de la province de Hama, après plusieurs jours de combats contre les groupes rebelles et jihadistes, a rapporté l'agence officielle Sana.</p>
<p>Selon l'Observatoire syrien des droits de l'Homme, au moins vingt combattants des deux camps ont été tués dans les affrontements, qui se poursuivaient jeudi dans les environs de la ville.</p>
<p>Les bombardements de l'aviation russe sur le sud de la province d'Idleb ont par ailleurs forcé des milliers de civils à fuir vers la frontière turque au cours de la semaine.</p>
</article>
<aside>Lire aussi : Les enjeux de la bataille d'Idleb</aside>
<footer>© Le Quotidien du Levant - Tous droits réservés</footer>
</body></html>"#;

    #[test]
    fn main_text_and_metadata() {
        let (a, isolated) = article_from_html(
            PAGE,
            "p1".into(),
            Origin::new("p1.html", InputFormat::Html),
            None,
        );
        assert!(isolated);
        assert!(
            a.text
                .contains("ont repris mercredi la ville de Kafr Nabuda"),
            "{}",
            a.text
        );
        assert!(
            a.text.contains("\n\nSelon l'Observatoire"),
            "paragraphs kept: {:?}",
            a.text
        );
        assert!(!a.text.contains("cookies"), "{}", a.text);
        assert!(!a.text.contains("Abonnez-vous"), "{}", a.text);
        assert_eq!(a.published.unwrap().to_string(), "2019-05-09");
        assert_eq!(a.outlet.as_deref(), Some("Le Quotidien du Levant"));
        assert_eq!(a.language.as_deref(), Some("fr"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://www.example.org/monde/2019/05/09/syrie-armee-ville")
        );
        assert!(a
            .title
            .unwrap()
            .starts_with("Syrie : l'armée reprend une ville"));
    }

    #[test]
    fn short_pages_fall_back_to_the_whole_text() {
        let html = "<html><body><p>Deux soldats tués près de Gao.</p><p>Menu</p></body></html>";
        let (a, isolated) = article_from_html(
            html,
            "s".into(),
            Origin::new("s.html", InputFormat::Html),
            None,
        );
        assert!(!isolated);
        assert_eq!(a.origin.format, InputFormat::Text);
        assert!(a.text.contains("Deux soldats tués près de Gao."));
    }

    #[test]
    fn broken_markup_never_panics() {
        for html in [
            "",
            "<",
            "<html><body><p>unclosed",
            "<<<>>>&&&;",
            "<script>var x = '<p>';</script>",
        ] {
            let _ = article_from_html(
                html,
                "x".into(),
                Origin::new("x.html", InputFormat::Html),
                None,
            );
        }
    }
}
