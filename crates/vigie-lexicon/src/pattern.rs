//! The small pattern language of trigger files: words separated by spaces,
//! `(a|b c|d)` alternatives, a group followed by `?` is optional, groups
//! nest. A pattern expands to the list of plain phrases it stands for.

/// Maximum number of phrases one pattern may expand to.
pub const MAX_EXPANSIONS: usize = 4096;

/// Expands `pattern` into plain phrases, or explains what is wrong.
pub fn expand(pattern: &str) -> Result<Vec<String>, String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut pos = 0;
    let alts = parse_alternatives(&chars, &mut pos, 0)?;
    if pos < chars.len() {
        return Err(format!("unbalanced ')' at character {pos}"));
    }
    let mut out: Vec<String> = alts
        .into_iter()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

fn parse_alternatives(
    chars: &[char],
    pos: &mut usize,
    depth: usize,
) -> Result<Vec<String>, String> {
    let mut alternatives = Vec::new();
    let mut current = vec![String::new()];
    while *pos < chars.len() {
        let c = chars[*pos];
        match c {
            '(' => {
                *pos += 1;
                let inner = parse_alternatives(chars, pos, depth + 1)?;
                if chars.get(*pos) != Some(&')') {
                    return Err("unclosed '('".to_string());
                }
                *pos += 1;
                let mut options = inner;
                if chars.get(*pos) == Some(&'?') {
                    *pos += 1;
                    options.push(String::new());
                }
                let mut next = Vec::with_capacity(current.len() * options.len());
                for prefix in &current {
                    for o in &options {
                        next.push(format!("{prefix} {o} "));
                    }
                }
                if next.len() > MAX_EXPANSIONS {
                    return Err(format!("expands to more than {MAX_EXPANSIONS} phrases"));
                }
                current = next;
            }
            ')' => {
                if depth == 0 {
                    return Err(format!("unbalanced ')' at character {}", *pos));
                }
                break;
            }
            '|' => {
                *pos += 1;
                alternatives.append(&mut current);
                current = vec![String::new()];
            }
            '?' => return Err(format!("'?' at character {} does not follow a group", *pos)),
            _ => {
                for s in &mut current {
                    s.push(c);
                }
                *pos += 1;
            }
        }
    }
    alternatives.append(&mut current);
    Ok(alternatives)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_optionals_and_nesting() {
        assert_eq!(expand("a (b|c) d").unwrap(), vec!["a b d", "a c d"]);
        assert_eq!(
            expand("(ont|a) repris (le contrôle (de|du))?").unwrap(),
            vec![
                "a repris",
                "a repris le contrôle de",
                "a repris le contrôle du",
                "ont repris",
                "ont repris le contrôle de",
                "ont repris le contrôle du",
            ]
        );
        assert_eq!(expand("x|y").unwrap(), vec!["x", "y"]);
        assert_eq!(expand("l'armée").unwrap(), vec!["l'armée"]);
    }

    #[test]
    fn errors() {
        assert_eq!(expand("a (b").unwrap_err(), "unclosed '('");
        assert!(expand("a b)").unwrap_err().contains("unbalanced"));
        let big = "(a|b|c|d|e|f|g|h) ".repeat(5);
        assert!(expand(&big).unwrap_err().contains("more than"));
        assert!(expand("(a|b) ?c")
            .unwrap_err()
            .contains("does not follow a group"));
    }
}
