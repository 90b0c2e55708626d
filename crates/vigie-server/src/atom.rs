//! The alert feed: merged events matching the API's filters, most
//! recently changed first, as an Atom document (RFC 4287).

use vigie_store::StampedEvent;

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Times without a stored stamp (events stored before vigie kept them).
const EPOCH: &str = "1970-01-01T00:00:00Z";

/// The title line of an event.
pub fn title(e: &StampedEvent) -> String {
    let ev = &e.event;
    let place = match (&ev.location, &ev.country) {
        (Some(l), Some(c)) => format!("{l} ({c})"),
        (Some(l), None) => l.clone(),
        (None, Some(c)) => c.clone(),
        (None, None) => "unknown place".into(),
    };
    let mut t = format!(
        "{}: {} in {place}, {}",
        ev.sub_event_type, ev.actor1, ev.event_date
    );
    if let Some(f) = ev.fatalities.filter(|f| *f > 0) {
        t.push_str(&format!(", {f} killed"));
    }
    t
}

/// The Atom document. `self_path` is the request's path and query (the
/// feed's own link), `filter` a description of the filter.
pub fn feed(events: &[StampedEvent], self_path: &str, filter: &str) -> String {
    let updated = events
        .iter()
        .filter_map(|e| e.updated_at.as_deref())
        .max()
        .unwrap_or(EPOCH);
    let mut x = String::with_capacity(1024 + events.len() * 800);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    x.push_str(&format!(
        "  <id>urn:vigie:events:{}</id>\n",
        escape(&urn_part(filter))
    ));
    let described = if filter.is_empty() {
        "all events".to_string()
    } else {
        filter.to_string()
    };
    x.push_str(&format!(
        "  <title>vigie: new and updated events ({})</title>\n",
        escape(&described)
    ));
    x.push_str(&format!("  <updated>{}</updated>\n", escape(updated)));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(self_path)
    ));
    x.push_str("  <link rel=\"alternate\" type=\"text/html\" href=\"/\"/>\n");
    x.push_str("  <author><name>vigie</name></author>\n");
    x.push_str(&format!(
        "  <generator version=\"{}\">vigie</generator>\n",
        env!("CARGO_PKG_VERSION")
    ));
    for e in events {
        let ev = &e.event;
        let updated = e.updated_at.as_deref().unwrap_or(EPOCH);
        let published = e.first_seen.as_deref().unwrap_or(updated);
        x.push_str("  <entry>\n");
        x.push_str(&format!(
            "    <id>urn:vigie:event:{}</id>\n",
            escape(&urn_part(&ev.id))
        ));
        x.push_str(&format!("    <title>{}</title>\n", escape(&title(e))));
        x.push_str(&format!("    <updated>{}</updated>\n", escape(updated)));
        x.push_str(&format!(
            "    <published>{}</published>\n",
            escape(published)
        ));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"application/json\" href=\"/api/events/{}\"/>\n",
            escape(&ev.id)
        ));
        x.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            escape(&ev.event_type),
            escape(&ev.sub_event_type)
        ));
        let mut summary = ev.notes.clone();
        summary.push_str(&format!(
            " ({} source{})",
            ev.sources,
            if ev.sources == 1 { "" } else { "s" }
        ));
        x.push_str(&format!(
            "    <summary type=\"text\">{}</summary>\n",
            escape(summary.trim())
        ));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// A string made safe inside a URN (no spaces or reserved characters).
fn urn_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '=') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape("A & B <c> \"d\" 'e'\u{1}"),
            "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;"
        );
        assert_eq!(
            urn_part("country=ML&type=Battles"),
            "country=ML_type=Battles"
        );
    }
}
