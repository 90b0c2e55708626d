//! `vigie annotate INPUT...`: one JSON object per article per line.

use crate::batch::Context;
use anyhow::Result;
use std::io::Write;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories, or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Pretty-print each record (not JSONL).
    #[arg(long)]
    pretty: bool,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode> {
    let pipeline = ctx.pipeline()?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let tally = ctx.run_inputs(&args.inputs, &pipeline, |chunk| {
        for p in &chunk {
            let rec = p.annotate_record(pipeline.lexicon());
            if args.pretty {
                serde_json::to_writer_pretty(&mut out, &rec)?;
            } else {
                serde_json::to_writer(&mut out, &rec)?;
            }
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    out.flush()?;
    ctx.summarize(&tally);
    Ok(ExitCode::SUCCESS)
}
