//! Scoring of extracted article bodies against gold bodies, as the
//! scrapinghub article-extraction benchmark does it: `\w+` tokens, 4-token
//! shingles with counts, tp/fp/fn normalised to sum 1 per page; precision
//! and recall averaged over pages, F1 from the two means.

use std::collections::HashMap;

fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || c == '_' {
            cur.extend(c.to_lowercase());
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn shingles(s: &str) -> HashMap<Vec<String>, f64> {
    let t = tokens(s);
    let mut m = HashMap::new();
    if t.len() < 4 {
        if !t.is_empty() {
            *m.entry(t).or_insert(0.0) += 1.0;
        }
        return m;
    }
    for w in t.windows(4) {
        *m.entry(w.to_vec()).or_insert(0.0) += 1.0;
    }
    m
}

/// Precision and recall of one page.
pub fn page_scores(predicted: &str, gold: &str) -> (f64, f64) {
    let p = shingles(predicted);
    let g = shingles(gold);
    let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
    for (k, v) in &p {
        let gv = g.get(k).copied().unwrap_or(0.0);
        tp += v.min(gv);
        fp += (v - gv).max(0.0);
    }
    for (k, v) in &g {
        fneg += (v - p.get(k).copied().unwrap_or(0.0)).max(0.0);
    }
    let total = tp + fp + fneg;
    if total == 0.0 {
        return (1.0, 1.0);
    }
    let precision = if tp + fp == 0.0 { 0.0 } else { tp / (tp + fp) };
    let recall = if tp + fneg == 0.0 {
        0.0
    } else {
        tp / (tp + fneg)
    };
    (precision, recall)
}

/// Mean precision, mean recall and the F1 of the means over pages.
pub fn mean_scores(pages: &[(f64, f64)]) -> (f64, f64, f64) {
    if pages.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let n = pages.len() as f64;
    let p = pages.iter().map(|x| x.0).sum::<f64>() / n;
    let r = pages.iter().map(|x| x.1).sum::<f64>() / n;
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_scores() {
        let gold = "One two three four five six.";
        assert_eq!(page_scores(gold, gold), (1.0, 1.0));
        assert_eq!(page_scores("", gold), (0.0, 0.0));
        let (p, r) = page_scores("Menu. One two three four five six.", gold);
        assert!(r == 1.0 && p < 1.0 && p > 0.5, "{p}");
        let (p, r, f) = mean_scores(&[(1.0, 1.0), (0.5, 1.0)]);
        assert_eq!((p, r), (0.75, 1.0));
        assert!((f - 6.0 / 7.0).abs() < 1e-9);
    }
}
