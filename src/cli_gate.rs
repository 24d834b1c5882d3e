//! What the command line adds around the library for scripts and shells: the exit status that
//! says "differences found" (`--exit-code`, `--fail-on KINDS`, `-q`), shell completions and the
//! man page. Declared from `main.rs`, so nothing here is part of the library's API.

use std::io::{self, Write};

use clap::{CommandFactory, ValueEnum};

use sourcediff::quotes::QuoteStatus;
use sourcediff::{Analysis, DriftKind, Error, FindingKind};

/// How a run ended, when it did not fail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The report was written; nothing asked for gates the exit status, or it found nothing.
    Clean,
    /// `--exit-code` or `--fail-on` found what it looks for (exit status 1).
    Found,
}

/// `--fail-on` values: kinds of finding a CI job can fail on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any shared text: an aligned pair of any kind, or a quote in more than one article.
    Shared,
    /// Sentences word for word in another article.
    Verbatim,
    /// Sentences lightly edited.
    Edited,
    /// The same fact in other words.
    Framing,
    /// Any quote more than one article carries.
    Quotes,
    /// A quote with words changed.
    Altered,
    /// A quote one article gives only part of.
    Partial,
    /// Quoted words used without quote marks elsewhere.
    Unquoted,
    /// The same words credited to different speakers.
    Misattributed,
    /// Any claim-drift flag.
    Drift,
    /// Numbers or dates differ.
    Number,
    /// A hedge on one side only.
    Hedge,
    /// A different attribution verb.
    Attribution,
    /// A negation on one side only.
    Negation,
    /// Names swapped.
    Subject,
}

/// The options that turn findings into an exit status.
#[derive(Debug, Default, clap::Args)]
pub struct GateArgs {
    /// Exit with status 1 when the articles share text (as diff(1) does when files differ),
    /// 0 when they share none; 2 stays an error.
    #[arg(long)]
    pub exit_code: bool,
    /// Exit with status 1 when any of these kinds is found (comma-separated): shared,
    /// verbatim, edited, framing, quotes, altered, partial, unquoted, misattributed, drift,
    /// number, hedge, attribution, negation, subject.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub fail_on: Vec<FailOn>,
    /// Write no report to standard output (a report asked for with -o is still written); the
    /// exit status tells, as with --exit-code.
    #[arg(short, long)]
    pub quiet: bool,
}

impl GateArgs {
    /// The kinds that gate the exit status: `--fail-on`, else `shared` when `--exit-code` or
    /// `-q` asks for a status, else none.
    fn kinds(&self) -> Vec<FailOn> {
        if !self.fail_on.is_empty() {
            self.fail_on.clone()
        } else if self.exit_code || self.quiet {
            vec![FailOn::Shared]
        } else {
            Vec::new()
        }
    }

    /// Whether the analysis holds any of the kinds asked for.
    pub fn outcome(&self, analysis: &Analysis) -> Outcome {
        if self.kinds().iter().any(|&k| found(analysis, k)) {
            Outcome::Found
        } else {
            Outcome::Clean
        }
    }
}

fn found(a: &Analysis, kind: FailOn) -> bool {
    let findings = |k: FindingKind| a.findings.iter().any(|f| f.kind == k);
    let quotes = |s: QuoteStatus| a.quotes.iter().any(|q| q.status == s);
    let drift = |k: DriftKind| {
        a.findings
            .iter()
            .any(|f| f.drift.iter().any(|d| d.kind == k))
    };
    match kind {
        FailOn::Shared => !a.findings.is_empty() || found(a, FailOn::Quotes),
        FailOn::Verbatim => findings(FindingKind::Verbatim),
        FailOn::Edited => findings(FindingKind::Edited),
        FailOn::Framing => findings(FindingKind::Framing),
        FailOn::Quotes => a.quotes.iter().any(|q| q.status != QuoteStatus::Unmatched),
        FailOn::Altered => quotes(QuoteStatus::Altered),
        FailOn::Partial => quotes(QuoteStatus::Partial),
        FailOn::Unquoted => quotes(QuoteStatus::Unquoted),
        FailOn::Misattributed => quotes(QuoteStatus::Misattributed),
        FailOn::Drift => a.findings.iter().any(|f| !f.drift.is_empty()),
        FailOn::Number => drift(DriftKind::Number),
        FailOn::Hedge => drift(DriftKind::Hedge),
        FailOn::Attribution => drift(DriftKind::Attribution),
        FailOn::Negation => drift(DriftKind::Negation),
        FailOn::Subject => drift(DriftKind::Subject),
    }
}

/// `sourcediff completions SHELL`: the completion script for a shell, on standard output.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<Outcome, Error> {
    let mut command = crate::cli::Args::command();
    clap_complete::generate(shell, &mut command, "sourcediff", out);
    out.flush().map_err(stdout_error)?;
    Ok(Outcome::Clean)
}

/// `sourcediff man`: the manual page, in roff, on standard output.
pub fn man(out: &mut dyn Write) -> Result<Outcome, Error> {
    let command = crate::cli::Args::command();
    clap_mangen::Man::new(command)
        .render(out)
        .and_then(|()| out.flush())
        .map_err(stdout_error)?;
    Ok(Outcome::Clean)
}

fn stdout_error(source: io::Error) -> Error {
    Error::Write {
        name: "<stdout>".to_string(),
        source,
    }
}

/// A clap error as one line: what is wrong, without the usage block and tips that follow it
/// ("unexpected argument '--colour' found; see 'sourcediff --help'").
pub fn usage_line(error: &clap::Error) -> String {
    let text = error.render().to_string();
    let first: Vec<&str> = text
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let line = first.join(" ");
    let line = line.strip_prefix("error: ").unwrap_or(&line);
    let tips: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("tip: "))
        .collect();
    if tips.is_empty() {
        format!("{line}; see 'sourcediff --help'")
    } else {
        format!("{line} ({})", tips.join("; "))
    }
}
