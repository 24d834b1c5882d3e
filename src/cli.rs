//! The command line: clap's derive types, and `run`, which turns them into library calls.
//! Declared from `main.rs`, so nothing here is part of the library's API.

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::cli_gate::Outcome;

use sourcediff::load::{self, DEFAULT_MAX_BYTES, InputFormat, LoadOptions};
use sourcediff::quotes as quote;
use sourcediff::{
    Document, Error, Format, Options, RenderOptions, Section, Source, compare, report, segment,
};

/// Wrap width when the report does not go to a terminal.
const DEFAULT_WIDTH: usize = 100;

/// Compare news articles that tell the same story: shared and altered quotes, the same facts in
/// other words, claims only one article makes, and how much text is reused.
#[derive(Debug, Parser)]
#[command(name = "sourcediff", version, about)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare two or more articles: shared and altered quotes, edited sentences, the same
    /// facts in other words, unique assertions, and how much text each pair shares.
    Compare(CompareArgs),
    /// List the quotations of one article, with their speakers and byte offsets.
    Quotes(SegmentArgs),
    /// List the sentences of one article, with byte offsets.
    Segment(SegmentArgs),
    /// Find every pair of articles that share passages across an archive (folders, files,
    /// JSON Lines), with reprint families and their probable sources.
    Scan(crate::cli_scan::ScanArgs),
    /// Find every occurrence of a quotation across an archive, earliest first.
    FindQuote(crate::cli_scan::FindQuoteArgs),
    /// Print the completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `sourcediff man > sourcediff.1`.
    Man,
}

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The articles: text, HTML or Markdown files, http(s):// URLs, or - for standard input
    /// (once).
    #[arg(value_name = "FILE", num_args = 2.., required = true)]
    pub files: Vec<String>,
    #[command(flatten)]
    pub gate: crate::cli_gate::GateArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// When to color the terminal report (auto: when writing to a terminal and NO_COLOR is
    /// unset).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,
    /// Show only these parts of the report (comma-separated); JSON always has everything.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "PARTS")]
    pub only: Vec<OnlyArg>,
    /// Wrap the terminal report at this many columns (default: the terminal's width, or 100).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..))]
    pub width: Option<u16>,
    /// Word similarity (0..1) from which a pair counts as edited.
    #[arg(long, value_name = "X", default_value_t = Options::default().edited_threshold, value_parser = unit_interval)]
    pub edited_threshold: f64,
    /// Weighted content overlap (0..1) from which a pair counts as the same fact reframed.
    #[arg(long, value_name = "X", default_value_t = Options::default().framing_threshold, value_parser = unit_interval)]
    pub framing_threshold: f64,
    /// Character-trigram similarity (0..1) from which two words count as one word spelled two
    /// ways (Soleimani / Suleimani).
    #[arg(long, value_name = "X", default_value_t = Options::default().fuzzy_word_threshold, value_parser = unit_interval)]
    pub fuzzy_threshold: f64,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The terminal report.
    Text,
    /// JSON for pipelines (schema: docs/json.md).
    Json,
    /// One self-contained HTML page.
    Html,
    /// Markdown for tickets and CMSs.
    Markdown,
}

/// `--color` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Color when writing to a terminal and NO_COLOR is unset.
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

/// `--only` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OnlyArg {
    /// Shared and unmatched quotations.
    Quotes,
    /// Sentences found word for word in another article.
    Verbatim,
    /// Sentences lightly edited.
    Edited,
    /// The same fact in other words.
    Framing,
    /// Sentences no other article carries.
    Unique,
}

pub(crate) fn unit_interval(s: &str) -> Result<f64, String> {
    let x: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("{x} is outside 0..1"))
    }
}

#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Largest article accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Write the report to FILE instead of standard output (never over an input file).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// A name to show for an input instead of its path (repeat: the first label names the first
    /// input, and so on).
    #[arg(long, value_name = "NAME")]
    pub label: Vec<String>,
    /// Drop lines matching this regular expression before analysis (repeatable), e.g.
    /// '^Editor.s note:' or '(?i)sign up for our newsletter'.
    #[arg(long, value_name = "REGEX")]
    pub ignore: Vec<String>,
    /// Read --ignore patterns from FILE, one per line (blank lines and lines starting with #
    /// skipped).
    #[arg(long, value_name = "FILE")]
    pub ignore_file: Vec<PathBuf>,
    /// The input format (auto: told by the content).
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto, value_name = "FORMAT")]
    pub input_format: InputFormatArg,
    /// Give up on a URL input after this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

/// `--input-format` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// Told by the content: HTML, Markdown or plain text.
    Auto,
    /// Plain UTF-8 text.
    Text,
    /// An HTML page (the article body is extracted).
    Html,
    /// Markdown (the text without markup).
    Markdown,
}

impl InputArgs {
    /// The load options for input number `k` (its label, if one was given).
    fn load_options(&self, k: usize) -> Result<LoadOptions, Error> {
        let mut options = LoadOptions::with_max_bytes(self.max_bytes);
        options.format = match self.input_format {
            InputFormatArg::Auto => None,
            InputFormatArg::Text => Some(InputFormat::Text),
            InputFormatArg::Html => Some(InputFormat::Html),
            InputFormatArg::Markdown => Some(InputFormat::Markdown),
        };
        options.ignore = load::ignore_patterns(&self.ignore, &self.ignore_file)?;
        options.label = self.label.get(k).cloned();
        options.timeout = std::time::Duration::from_secs(self.timeout);
        Ok(options)
    }

    /// Refuses more labels than inputs.
    fn check_labels(&self, inputs: usize) -> Result<(), Error> {
        if self.label.len() > inputs {
            return Err(Error::Usage(format!(
                "{} labels for {inputs} input(s): give at most one --label per input",
                self.label.len()
            )));
        }
        Ok(())
    }
}

#[derive(Debug, clap::Args)]
pub struct SegmentArgs {
    /// The article: a text, HTML or Markdown file, an http(s):// URL, or - for standard input.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SimpleFormat::Text)]
    pub format: SimpleFormat,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Formats of the one-article commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SimpleFormat {
    /// Numbered lines for reading.
    Text,
    /// A JSON array for pipelines.
    Json,
}

impl From<SimpleFormat> for Format {
    fn from(f: SimpleFormat) -> Format {
        match f {
            SimpleFormat::Text => Format::Text,
            SimpleFormat::Json => Format::Json,
        }
    }
}

/// Runs the parsed command, writing the report to `stdout` unless `--output` names a file.
pub fn run(args: Args, stdout: &mut dyn Write) -> Result<Outcome, Error> {
    match args.command {
        Command::Compare(a) => {
            let sources: Vec<Source> = a.files.iter().map(|f| Source::parse(f)).collect();
            if sources.iter().filter(|s| **s == Source::Stdin).count() > 1 {
                return Err(Error::Usage(
                    "standard input (-) can be read only once".to_string(),
                ));
            }
            a.input.check_labels(sources.len())?;
            let articles = sources
                .iter()
                .enumerate()
                .map(|(k, s)| load::load_with(s, &a.input.load_options(k)?))
                .collect::<Result<Vec<_>, _>>()?;
            let options = Options::default()
                .with_edited_threshold(a.edited_threshold)
                .with_framing_threshold(a.framing_threshold)
                .with_fuzzy_word_threshold(a.fuzzy_threshold);
            let to_terminal = a.input.output.is_none() && stdout_is_terminal();
            let color = match a.color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => {
                    to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            let width = a.width.map(usize::from).unwrap_or_else(|| {
                terminal_size::terminal_size()
                    .filter(|_| to_terminal)
                    .map_or(DEFAULT_WIDTH, |(w, _)| usize::from(w.0))
            });
            let render = RenderOptions::new(match a.format {
                FormatArg::Text => Format::Text,
                FormatArg::Json => Format::Json,
                FormatArg::Html => Format::Html,
                FormatArg::Markdown => Format::Markdown,
            })
            .with_color(color)
            .with_width(width)
            .with_only(
                a.only
                    .iter()
                    .map(|o| match o {
                        OnlyArg::Quotes => Section::Quotes,
                        OnlyArg::Verbatim => Section::Verbatim,
                        OnlyArg::Edited => Section::Edited,
                        OnlyArg::Framing => Section::Framing,
                        OnlyArg::Unique => Section::Unique,
                    })
                    .collect(),
            );
            let analysis = compare(articles, &options);
            let outcome = a.gate.outcome(&analysis);
            if a.gate.quiet && a.input.output.is_none() {
                return Ok(outcome);
            }
            with_output(a.input.output.as_ref(), &sources, stdout, |out| {
                report::write(&analysis, &render, out)
            })?;
            Ok(outcome)
        }
        Command::Quotes(a) => {
            let source = Source::parse(&a.file);
            a.input.check_labels(1)?;
            let doc = Document::new(load::load_with(&source, &a.input.load_options(0)?)?);
            let quotes = quote::extract(&doc, 0);
            with_output(a.input.output.as_ref(), &[source], stdout, |out| {
                report::write_quotes(&doc, &quotes, a.format.into(), out)
            })
            .map(|()| Outcome::Clean)
        }
        Command::Segment(a) => {
            let source = Source::parse(&a.file);
            a.input.check_labels(1)?;
            let article = load::load_with(&source, &a.input.load_options(0)?)?;
            let sentences = segment(&article);
            with_output(a.input.output.as_ref(), &[source], stdout, |out| {
                report::write_segments(&article, &sentences, a.format.into(), out)
            })
            .map(|()| Outcome::Clean)
        }
        Command::Scan(a) => crate::cli_scan::scan(a, stdout).map(|()| Outcome::Clean),
        Command::FindQuote(a) => crate::cli_scan::find_quote(a, stdout).map(|()| Outcome::Clean),
        Command::Completions { shell } => crate::cli_gate::completions(shell, stdout),
        Command::Man => crate::cli_gate::man(stdout),
    }
}

/// Whether standard output is a terminal (for `--color auto` and the wrap width).
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Whether two paths name one file: the same device and inode (which also catches hard links
/// and symbolic links), or, where those are not available, the same canonical path.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
}

/// Sends a report to `--output FILE` (refusing to write over an input) or to `stdout`.
fn with_output(
    output: Option<&PathBuf>,
    inputs: &[Source],
    stdout: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    let Some(path) = output else {
        let result = write(stdout).and_then(|()| stdout.flush());
        return result.map_err(|source| Error::Write {
            name: "<stdout>".to_string(),
            source,
        });
    };
    for input in inputs {
        let same = match input.path() {
            Some(input) => same_file(input, path),
            // `compare - b.txt -o a.txt < a.txt`: standard input is the target itself.
            None => stdin_is(path),
        };
        if same {
            return Err(Error::OutputIsInput { path: path.clone() });
        }
    }
    write_atomically(path, write)
}

/// Whether standard input reads the file at `path` (redirected from it, or a link to it).
fn stdin_is(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let stdin = io::stdin();
        let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
            return false;
        };
        if let (Ok(x), Ok(y)) = (File::from(fd).metadata(), std::fs::metadata(path)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    let _ = path;
    false
}

/// Writes the report through [`report::write_atomically`], naming the target in the error.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Error> {
    report::write_atomically(path, write).map_err(|source| Error::Write {
        name: path.display().to_string(),
        source,
    })
}
