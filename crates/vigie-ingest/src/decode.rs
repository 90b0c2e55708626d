//! Bytes to text: binary detection, UTF-8 (with BOM), and a legacy
//! single-byte fallback for the rest, never failing on invalid bytes.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Why some bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    Empty,
    /// Binary: the reason says what gave it away.
    Binary(String),
}

/// Decoded text and a warning when the decoding was not plain UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Whether bytes look like a binary file (checks the first 8 KiB).
pub fn binary_reason(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return None;
    }
    for (magic, what) in [
        (&b"%PDF"[..], "a PDF document"),
        (&b"PK\x03\x04"[..], "a ZIP archive"),
        (&b"\x89PNG"[..], "a PNG image"),
        (&b"\xFF\xD8\xFF"[..], "a JPEG image"),
        (&b"GIF8"[..], "a GIF image"),
        (&b"\x7FELF"[..], "an executable"),
        (&b"SQLite format 3"[..], "a SQLite database"),
    ] {
        if head.starts_with(magic) {
            return Some(format!("binary file ({what})"));
        }
    }
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        return Some(format!("binary file (NUL byte at offset {pos})"));
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    if control * 20 > head.len() {
        return Some(format!(
            "binary file ({control} control bytes in the first {} bytes)",
            head.len()
        ));
    }
    None
}

/// Decodes bytes to text. `declared` is a charset label from metadata
/// (HTML meta, HTTP header), if any. Invalid UTF-8 without a declaration
/// is read as Windows-1252 (a superset of Latin-1), with a warning.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Result<Decoded, NotText> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(NotText::Empty);
    }
    if let Some(reason) = binary_reason(bytes) {
        return Err(NotText::Binary(reason));
    }
    // A BOM wins over everything.
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            warning: had_errors.then(|| format!("invalid {} bytes replaced", enc.name())),
        });
    }
    let declared = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            warning: None,
        }),
        Err(e) => {
            let (enc, declared_used) = match declared {
                Some(enc) if enc != UTF_8 => (enc, true),
                _ => (WINDOWS_1252, false),
            };
            let (text, _, had_errors) = enc.decode(bytes);
            let warning = match (declared_used, had_errors) {
                (true, false) => None,
                (true, true) => Some(format!("invalid {} bytes replaced", enc.name())),
                (false, _) => Some(format!(
                    "not valid UTF-8 (byte {}); decoded as {}",
                    e.valid_up_to(),
                    enc.name()
                )),
            };
            Ok(Decoded {
                text: text.into_owned(),
                warning,
            })
        }
    }
}

/// The charset an HTML document declares in its first bytes
/// (`<meta charset="...">` or `content="text/html; charset=..."`).
pub fn html_declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &head[pos + 8..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'>' | b'/'))
        .unwrap_or(rest.len());
    let label = std::str::from_utf8(&rest[..end]).ok()?.trim();
    (!label.is_empty()).then(|| label.to_string())
}

/// Decodes an HTML document: BOM, then the HTTP header's charset, then the
/// document's own declaration, then UTF-8 if valid, then a guess from the
/// bytes (`chardetng`).
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Result<Decoded, NotText> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(NotText::Empty);
    }
    if bytes.contains(&0) && Encoding::for_bom(bytes).is_none() {
        return Err(NotText::Binary("binary data (NUL bytes)".into()));
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            warning: None,
        });
    }
    let declared = http_charset
        .map(str::to_string)
        .or_else(|| html_declared_charset(bytes))
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    let enc = match declared {
        Some(enc) => enc,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => {
            let mut det = chardetng::EncodingDetector::new();
            det.feed(bytes, true);
            det.guess(None, true)
        }
    };
    let (text, _, had_errors) = enc.decode(bytes);
    // A page declared UTF-8 whose bytes are not: guess instead.
    if had_errors && enc == UTF_8 {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(bytes, true);
        let guess = det.guess(None, true);
        let (text, _, _) = guess.decode(bytes);
        return Ok(Decoded {
            text: text.into_owned(),
            warning: Some(format!(
                "declared UTF-8 but is not; decoded as {}",
                guess.name()
            )),
        });
    }
    Ok(Decoded {
        text: text.into_owned(),
        warning: had_errors.then(|| format!("invalid {} bytes replaced", enc.name())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_latin1_and_bom() {
        assert_eq!(
            decode("Alep à l'est".as_bytes(), None).unwrap().text,
            "Alep à l'est"
        );
        let latin1 = b"Alep \xe0 l'est, Soue\xefda";
        let d = decode(latin1, None).unwrap();
        assert_eq!(d.text, "Alep à l'est, Soueïda");
        assert!(d.warning.unwrap().contains("not valid UTF-8 (byte 5)"));
        let declared = decode(latin1, Some("iso-8859-1")).unwrap();
        assert_eq!(declared.text, "Alep à l'est, Soueïda");
        assert_eq!(declared.warning, None);
        let bom = b"\xEF\xBB\xBFHoms";
        assert_eq!(decode(bom, None).unwrap().text, "Homs");
    }

    #[test]
    fn html_charsets() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Les forces ont repris Ra\xefs \xe0 l'aube.</p></body></html>";
        assert_eq!(html_declared_charset(latin1).as_deref(), Some("iso-8859-1"));
        assert!(decode_html(latin1, None)
            .unwrap()
            .text
            .contains("Raïs à l'aube"));
        let http = b"<p>Soue\xefda</p>";
        assert!(decode_html(http, Some("windows-1252"))
            .unwrap()
            .text
            .contains("Soueïda"));
        // Undeclared legacy bytes: guessed, never a crash.
        let guessed = decode_html(
            b"<p>Des frappes a\xe9riennes ont touch\xe9 la r\xe9gion d'Idleb.</p>",
            None,
        )
        .unwrap();
        assert!(guessed.text.contains("aériennes"), "{}", guessed.text);
        let meta = b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1256'>";
        assert_eq!(html_declared_charset(meta).as_deref(), Some("windows-1256"));
    }

    #[test]
    fn empty_and_binary() {
        assert_eq!(decode(b"", None), Err(NotText::Empty));
        assert_eq!(decode(b" \n\t", None), Err(NotText::Empty));
        assert!(
            matches!(decode(b"%PDF-1.4 ...", None), Err(NotText::Binary(r)) if r.contains("PDF"))
        );
        assert!(
            matches!(decode(b"abc\0def", None), Err(NotText::Binary(r)) if r.contains("NUL byte at offset 3"))
        );
        let noise: Vec<u8> = (0u8..=255).cycle().take(4000).filter(|&b| b != 0).collect();
        assert!(matches!(decode(&noise, None), Err(NotText::Binary(_))));
    }
}
