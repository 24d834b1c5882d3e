//! The corpus commands, `scan` and `find-quote`: clap's types and `run`. Declared from
//! `main.rs`; `cli.rs` registers the subcommands.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use sourcediff::load::DEFAULT_MAX_BYTES;
use sourcediff::report::{printable, write_atomically};
use sourcediff::scan::{self, ScanDoc, ScanOptions, Sink};
use sourcediff::scan::{Budget, HtmlSink, Input, JsonlSink, TextSink, scan_inputs};
use sourcediff::{Error, Options};

use crate::cli::unit_interval;

/// Scan output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScanFormat {
    /// A summary: pairs ranked by shared fraction, then reprint families.
    Text,
    /// One JSON object per line (schema: docs/json.md).
    Jsonl,
    /// A folder (--output DIR): an index page of families and pairs, one compare page per pair.
    Html,
}

#[derive(Debug, clap::Args)]
pub struct ScanArgs {
    /// Folders (read recursively: *.txt, *.jsonl), article files, or JSON Lines files of
    /// articles ({"id", "text"}, optional "date", "source", "title", "url").
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScanFormat::Text)]
    pub format: ScanFormat,
    /// Report only pairs where at least this fraction (0..1) of one article is shared.
    #[arg(long, value_name = "X", default_value_t = 0.0, value_parser = unit_interval)]
    pub min_shared: f64,
    /// Only pairs with this article (a document id or a path as given), ranked by shared
    /// fraction. A file that is not among the inputs is added to them.
    #[arg(long, value_name = "ARTICLE")]
    pub against: Option<String>,
    /// Largest article accepted, in bytes; larger ones are skipped.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// A folder for the index's sorted shards and the saved candidate list: lets an archive
    /// larger than memory be scanned, and a second run over the same inputs reuse the list.
    #[arg(long, value_name = "DIR")]
    pub work_dir: Option<PathBuf>,
    /// Memory to stay under (e.g. 12G, 512M): above it the index spills to --work-dir and
    /// articles are indexed again per batch of pairs instead of being kept.
    #[arg(long, value_name = "BUDGET", default_value = "4G", value_parser = scan::parse_size)]
    pub memory: u64,
    /// A sentence found word for word in N articles or more is boilerplate (a byline, a
    /// follow-us line, an editor's note); a pair that shares only boilerplate is not reported.
    /// 0 reports it.
    #[arg(long, value_name = "N", default_value_t = scan::BOILERPLATE_DF)]
    pub boilerplate_df: usize,
    /// Write to FILE (for html: into the folder DIR) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct FindQuoteArgs {
    /// The quotation's words (without quote marks).
    #[arg(value_name = "TEXT")]
    pub text: String,
    /// Folders, article files or JSON Lines files, as for `scan`.
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = QuoteFormat::Text)]
    pub format: QuoteFormat,
    /// Largest article accepted, in bytes; larger ones are skipped.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

/// `find-quote` formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuoteFormat {
    /// One line per occurrence.
    Text,
    /// One JSON object per line.
    Jsonl,
}

/// Reads the inputs; skipped files are reported on standard error as they are met, with a
/// count at the end.
fn load(inputs: &[PathBuf], max_bytes: u64) -> Result<Vec<Input>, Error> {
    let mut skipped = 0usize;
    let read = scan::read_inputs(inputs, max_bytes, &mut |why| {
        skipped += 1;
        eprintln!("sourcediff: skipped {}", printable(&why));
    })?;
    if skipped > 0 {
        let noun = if skipped == 1 { "input" } else { "inputs" };
        eprintln!("sourcediff: {skipped} {noun} skipped");
    }
    Ok(read)
}

fn index(inputs: Vec<Input>) -> Vec<ScanDoc> {
    inputs
        .into_par_iter()
        .map(|i| ScanDoc::new(i.id, i.article, i.meta))
        .collect()
}

fn write_err(name: &str) -> impl Fn(io::Error) -> Error + '_ {
    move |source| Error::Write {
        name: name.to_string(),
        source,
    }
}

/// `sourcediff scan`.
pub fn scan(a: ScanArgs, stdout: &mut dyn Write) -> Result<(), Error> {
    if let Some(out) = &a.output {
        for input in &a.inputs {
            if clobbers(out, input) {
                return Err(Error::OutputIsInput { path: out.clone() });
            }
        }
    }
    let mut docs = load(&a.inputs, a.max_bytes)?;
    if let Some(dir) = &a.work_dir {
        for input in &a.inputs {
            if clobbers(dir, input) || input.canonicalize().ok() == resolve(dir) {
                return Err(Error::OutputIsInput { path: dir.clone() });
            }
        }
    }
    let budget = Budget {
        work_dir: a.work_dir.clone(),
        memory: a.memory,
    };
    let against = match &a.against {
        None => None,
        Some(name) => Some(match docs.iter().position(|d| &d.id == name) {
            Some(k) => k,
            None => {
                let path = PathBuf::from(name);
                let mut extra = load(std::slice::from_ref(&path), a.max_bytes)?;
                let Some(doc) = extra.pop() else {
                    return Err(Error::Usage(format!(
                        "{}: --against needs one readable article",
                        printable(name)
                    )));
                };
                docs.push(doc);
                docs.len() - 1
            }
        }),
    };
    let mut options = ScanOptions::default();
    options.align = Options::default();
    options.min_shared = a.min_shared;
    options.against = against;
    options.boilerplate_df = a.boilerplate_df;
    let bar = if io::stderr().is_terminal() {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} pairs aligned, {eta} left")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut progress = |done: usize, total: usize| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    };
    let result = match (a.format, &a.output) {
        (ScanFormat::Html, None) => Err(Error::Usage(
            "--format html writes a folder: name it with --output DIR".to_string(),
        )),
        (ScanFormat::Html, Some(dir)) => {
            let mut sink = HtmlSink::new(dir.clone());
            let name = dir.display().to_string();
            scan_inputs(docs, &options, &budget, &mut sink, &mut progress)
                .map(|_| ())
                .map_err(write_err(&name))
        }
        (format, Some(path)) => {
            let name = path.display().to_string();
            write_atomically(path, |out| {
                run_sink(format, docs, &options, &budget, out, &mut progress)
            })
            .map_err(write_err(&name))
        }
        (format, None) => run_sink(format, docs, &options, &budget, stdout, &mut progress)
            .and_then(|()| stdout.flush())
            .map_err(write_err("<stdout>")),
    };
    bar.finish_and_clear();
    result
}

fn run_sink(
    format: ScanFormat,
    docs: Vec<Input>,
    options: &ScanOptions,
    budget: &Budget,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(usize, usize),
) -> io::Result<()> {
    let mut sink: Box<dyn Sink + '_> = match format {
        ScanFormat::Jsonl => Box::new(JsonlSink::new(out)),
        _ => Box::new(TextSink::new(out)),
    };
    scan_inputs(docs, options, budget, sink.as_mut(), progress).map(|_| ())
}

/// A path made absolute, following links, whether or not the file exists yet.
fn resolve(p: &Path) -> Option<PathBuf> {
    p.canonicalize().ok().or_else(|| {
        let parent = p
            .parent()
            .filter(|x| !x.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Some(parent.canonicalize().ok()?.join(p.file_name()?))
    })
}

/// Whether writing to `out` would write over the input `input`, or put a file a later scan of
/// the input folder would read as an article.
fn clobbers(out: &Path, input: &Path) -> bool {
    let (Some(o), Ok(i)) = (resolve(out), input.canonicalize()) else {
        return false;
    };
    o == i || (i.is_dir() && o.starts_with(&i) && scan::is_article_path(&o))
}

/// `sourcediff find-quote`.
pub fn find_quote(a: FindQuoteArgs, stdout: &mut dyn Write) -> Result<(), Error> {
    if a.text.trim().is_empty() {
        return Err(Error::Usage("the quotation is empty".to_string()));
    }
    let docs = index(load(&a.inputs, a.max_bytes)?);
    let hits = scan::find_quote(&a.text, &docs);
    let write = |out: &mut dyn Write| -> io::Result<()> {
        match a.format {
            QuoteFormat::Jsonl => {
                for h in &hits {
                    serde_json::to_writer(&mut *out, h)?;
                    out.write_all(b"\n")?;
                }
            }
            QuoteFormat::Text => {
                writeln!(out, "{} occurrences, earliest first", hits.len())?;
                for h in &hits {
                    let status = &h.status;
                    writeln!(
                        out,
                        "{:<9} {}  {}  {}..{}  {}  \u{201c}{}\u{201d}",
                        status,
                        printable(h.date.as_deref().unwrap_or("-")),
                        printable(&h.id),
                        h.span.start,
                        h.span.end,
                        printable(h.speaker.as_deref().unwrap_or("(no speaker)")),
                        printable(&h.text)
                    )?;
                }
            }
        }
        out.flush()
    };
    write(stdout).map_err(write_err("<stdout>"))
}
