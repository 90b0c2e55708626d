//! Shared machinery of the commands: loading the lexicon (built-in data
//! plus the user's), reading inputs with a progress bar, processing
//! articles in parallel, reporting diagnostics.

use anyhow::{Context as _, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;
use vigie_core::{Article, Diagnostic, Severity};
use vigie_ingest::{Inputs, Item};
use vigie_lexicon::{DataSet, Lexicon};
use vigie_pipeline::{Pipeline, Processed};

/// Articles are processed in chunks of this many, in parallel.
const CHUNK: usize = 256;

/// What every command needs.
#[derive(Debug)]
pub struct Context {
    data: Option<PathBuf>,
    gazetteers: Vec<PathBuf>,
    pub verbose: bool,
    pub quiet: bool,
}

/// Counts of diagnostics by severity, and of articles.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub articles: usize,
    pub notes: usize,
    pub warnings: usize,
    pub errors: usize,
}

impl Context {
    pub fn new(
        data: Option<PathBuf>,
        gazetteers: Vec<PathBuf>,
        verbose: bool,
        quiet: bool,
    ) -> Self {
        Context {
            data,
            gazetteers,
            verbose,
            quiet,
        }
    }

    /// The built-in data, overlaid with the user's data directory.
    pub fn data_set(&self) -> Result<DataSet> {
        let mut set = DataSet::embedded();
        if let Some(dir) = &self.data {
            if !dir.is_dir() {
                anyhow::bail!("data directory {} does not exist", dir.display());
            }
            let (files, diags) = vigie_ingest::read_data_dir(dir);
            for d in diags {
                eprintln!("{d}");
            }
            for (path, bytes) in files {
                set.insert(path, bytes);
            }
        }
        Ok(set)
    }

    /// Compiles the lexicon (a broken data file stops the run).
    pub fn lexicon(&self) -> Result<Arc<Lexicon>> {
        let data = self.data_set()?;
        let mut layers: Vec<(String, vigie_lexicon::gazetteer::Bytes)> = Vec::new();
        for path in &self.gazetteers {
            let mapped = vigie_ingest::map_file(path).map_err(|d| anyhow::anyhow!("{d}"))?;
            layers.push((path.display().to_string(), Arc::new(mapped)));
        }
        let lex = Lexicon::load_with(&data, layers).context("cannot load the linguistic data")?;
        Ok(Arc::new(lex))
    }

    pub fn pipeline(&self) -> Result<Pipeline> {
        Ok(Pipeline::new(self.lexicon()?))
    }

    /// Prints a diagnostic according to verbosity.
    pub fn report(&self, d: &Diagnostic, tally: &mut Tally, bar: Option<&ProgressBar>) {
        match d.severity {
            Severity::Note => tally.notes += 1,
            Severity::Warning => tally.warnings += 1,
            Severity::Error => tally.errors += 1,
        }
        let show = match d.severity {
            Severity::Note => self.verbose,
            Severity::Warning => !self.quiet,
            Severity::Error => true,
        };
        if show {
            match bar {
                Some(b) => b.suspend(|| eprintln!("{d}")),
                None => eprintln!("{d}"),
            }
        }
    }

    /// A summary line of the diagnostics, on stderr.
    pub fn summarize(&self, tally: &Tally) {
        if self.quiet {
            return;
        }
        let mut parts = vec![format!("{} articles", tally.articles)];
        if tally.errors > 0 {
            parts.push(format!("{} inputs with errors", tally.errors));
        }
        if tally.warnings > 0 {
            parts.push(format!("{} warnings", tally.warnings));
        }
        if tally.notes > 0 {
            parts.push(format!(
                "{} notes{}",
                tally.notes,
                if self.verbose { "" } else { " (-v to show)" }
            ));
        }
        eprintln!("vigie: {}", parts.join(", "));
    }

    /// Reads `inputs`, processes every article, and hands each chunk of
    /// processed articles to `sink` in input order.
    pub fn run_inputs(
        &self,
        inputs: &[String],
        pipeline: &Pipeline,
        sink: impl FnMut(Vec<Processed>) -> Result<()>,
    ) -> Result<Tally> {
        self.run_inputs_with(inputs, pipeline, CHUNK, |_| Ok(()), |_| Ok(()), sink)
    }

    /// [`Context::run_inputs`] with a chunk size, a `skip` step that drops
    /// articles before processing (it removes them from the vector), and
    /// `on_input_diagnostic` for the diagnostics of inputs that gave no
    /// article.
    pub fn run_inputs_with(
        &self,
        inputs: &[String],
        pipeline: &Pipeline,
        chunk_size: usize,
        mut skip: impl FnMut(&mut Vec<Article>) -> Result<()>,
        mut on_input_diagnostic: impl FnMut(&Diagnostic) -> Result<()>,
        mut sink: impl FnMut(Vec<Processed>) -> Result<()>,
    ) -> Result<Tally> {
        let chunk_size = chunk_size.max(1);
        let mut reader = Inputs::new(inputs);
        let bar = self.progress(reader.total_bytes());
        let mut tally = Tally::default();
        let mut chunk: Vec<Article> = Vec::with_capacity(chunk_size);
        let mut flush = |chunk: &mut Vec<Article>,
                         tally: &mut Tally,
                         sink: &mut dyn FnMut(Vec<Processed>) -> Result<()>|
         -> Result<()> {
            if chunk.is_empty() {
                return Ok(());
            }
            let before = chunk.len();
            skip(chunk)?;
            tally.articles += before - chunk.len();
            let done: Vec<Processed> = std::mem::take(chunk)
                .into_par_iter()
                .map(|a| pipeline.process(a))
                .collect();
            for p in &done {
                for d in &p.diagnostics {
                    self.report(d, tally, bar.as_ref());
                }
            }
            tally.articles += done.len();
            sink(done)
        };
        while let Some(item) = reader.next() {
            match item {
                Item::Article(a) => chunk.push(*a),
                Item::Diagnostic(d) => {
                    self.report(&d, &mut tally, bar.as_ref());
                    on_input_diagnostic(&d)?;
                }
            }
            if chunk.len() >= chunk_size {
                flush(&mut chunk, &mut tally, &mut sink)?;
            }
            if let Some(b) = &bar {
                b.set_position(reader.done_bytes());
            }
        }
        flush(&mut chunk, &mut tally, &mut sink)?;
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        Ok(tally)
    }

    /// A byte progress bar on stderr (drawn only on a terminal).
    pub fn progress(&self, total: u64) -> Option<ProgressBar> {
        if self.quiet || total == 0 {
            return None;
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({eta})",
        ) {
            bar.set_style(style);
        }
        Some(bar)
    }
}

/// A file name for an article id: path separators and control characters
/// replaced, never empty.
pub fn file_name_for(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() || c == ':' {
                '_'
            } else {
                c
            }
        })
        .collect();
    if s.is_empty() || s == "." || s == ".." {
        s = format!("article_{s}");
    }
    s
}
