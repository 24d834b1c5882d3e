//! The command line: clap's derive types, and `run`, which turns them into library calls.
//! Declared from `main.rs`, so nothing here is part of the library's API.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use sourcediff::load::{self, DEFAULT_MAX_BYTES};
use sourcediff::{Error, Format, Source, report, segment};

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
    /// List the sentences of one article, with byte offsets.
    Segment(SegmentArgs),
}

#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Largest article accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Write the report to FILE instead of standard output (never over an input file).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct SegmentArgs {
    /// The article: a UTF-8 text file, or - for standard input.
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
pub fn run(args: Args, stdout: &mut dyn Write) -> Result<(), Error> {
    match args.command {
        Command::Segment(a) => {
            let source = Source::parse(&a.file);
            let article = load::load(&source, a.input.max_bytes)?;
            let sentences = segment(&article);
            with_output(a.input.output.as_ref(), &[source], stdout, |out| {
                report::segments::write(&article, &sentences, a.format.into(), out)
            })
        }
    }
}

/// Whether standard output is a terminal (for `--color auto` and the wrap width).
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
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
    if let Ok(target) = path.canonicalize() {
        for input in inputs {
            if input.path().and_then(|p| p.canonicalize().ok()).as_ref() == Some(&target) {
                return Err(Error::OutputIsInput { path: path.clone() });
            }
        }
    }
    let name = path.display().to_string();
    let file = File::create(path).map_err(|source| Error::Write {
        name: name.clone(),
        source,
    })?;
    let mut out = BufWriter::new(file);
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|source| Error::Write { name, source })
}
