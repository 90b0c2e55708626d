//! `vigie bench-html DIR`: main-text extraction quality and speed on an
//! article-extraction benchmark folder (`ground-truth.json`,
//! `html/<id>.html.gz`), scored as that benchmark scores it.

use crate::batch::Context;
use anyhow::Result;
use std::process::ExitCode;
use std::time::Instant;
use vigie_core::{InputFormat, Origin};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The benchmark folder.
    dir: std::path::PathBuf,
    /// Print one JSON object.
    #[arg(long)]
    json: bool,
    /// List the gold paragraphs the cleaning removed.
    #[arg(long)]
    show_lost: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let lex = ctx.lexicon()?;
    let pages =
        vigie_ingest::read_extraction_bench(&args.dir).map_err(|d| anyhow::anyhow!("{d}"))?;
    let mut extractor = Vec::new();
    let mut cleaned = Vec::new();
    let mut seconds = 0.0;
    for (id, bytes, gold) in &pages {
        let t = Instant::now();
        let text = match vigie_ingest::decode::decode_html(bytes, None) {
            Ok(d) => d.text,
            Err(_) => String::new(),
        };
        let (mut article, _) = vigie_ingest::html::article_from_html(
            &text,
            id.clone(),
            Origin::new(id.as_str(), InputFormat::Html),
            None,
        );
        let raw = article.text.clone();
        vigie_text::prepare(&mut article, &lex.text);
        if args.show_lost {
            let mut pos = 0;
            for block in raw.split("\n\n") {
                let span = vigie_core::Span::new(pos, pos + block.len());
                pos += block.len() + 2;
                let kept = article.body.iter().any(|b| b.overlaps(span));
                if !kept && block.split_whitespace().count() > 3 && gold.contains(block.trim()) {
                    println!("LOST {id}: {}", block.chars().take(160).collect::<String>());
                }
            }
        }
        seconds += t.elapsed().as_secs_f64();
        extractor.push(vigie_eval::text::page_scores(&raw, gold));
        cleaned.push(vigie_eval::text::page_scores(&article.clean_text(), gold));
    }
    let (p1, r1, f1) = vigie_eval::text::mean_scores(&extractor);
    let (p2, r2, f2) = vigie_eval::text::mean_scores(&cleaned);
    let ms = seconds * 1000.0 / pages.len().max(1) as f64;
    if args.json {
        let v = serde_json::json!({
            "pages": pages.len(),
            "extractor": {"precision": p1, "recall": r1, "f1": f1},
            "extractor_and_cleaning": {"precision": p2, "recall": r2, "f1": f2},
            "ms_per_page": ms,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!(
            "{} pages, {ms:.2} ms per page (decode, extract, clean) on one core",
            pages.len()
        );
        println!("extractor             P {p1:.3}  R {r1:.3}  F1 {f1:.3}");
        println!("extractor + cleaning  P {p2:.3}  R {r2:.3}  F1 {f2:.3}");
    }
    Ok(ExitCode::SUCCESS)
}
