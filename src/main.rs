//! The `sourcediff` binary: parse arguments, call the library, map the result to an exit code.

mod cli;
mod cli_gate;
mod cli_scan;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

/// mimalloc: the scan allocates many small vectors per pair on all cores; glibc malloc spent a
/// quarter of the BBC scan in its own bookkeeping.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit codes, as documented in the README.
mod exit {
    /// The report was written (and, with `--exit-code` or `--fail-on`, nothing was found).
    pub const SUCCESS: u8 = 0;
    /// With `--exit-code`, `--fail-on` or `-q`: the report found what was asked for.
    pub const FOUND: u8 = 1;
    /// A usage or input error: one line on standard error says which input and what is wrong.
    pub const ERROR: u8 = 2;
}

fn main() -> ExitCode {
    let args = match cli::Args::try_parse() {
        Ok(args) => args,
        Err(e) => return usage_error(&e),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = cli::run(args, &mut out);
    match result {
        Ok(cli_gate::Outcome::Clean) => ExitCode::from(exit::SUCCESS),
        Ok(cli_gate::Outcome::Found) => ExitCode::from(exit::FOUND),
        // `sourcediff ... | head`: the reader has seen enough; not an error.
        Err(sourcediff::Error::Write { source, .. })
            if source.kind() == io::ErrorKind::BrokenPipe =>
        {
            ExitCode::from(exit::SUCCESS)
        }
        Err(e) => {
            let _ = out.flush();
            eprintln!("sourcediff: {e}");
            ExitCode::from(exit::ERROR)
        }
    }
}

/// `--help` and `--version` print as clap writes them; every other mistake on the command line
/// is one line on standard error and exit status 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::from(exit::SUCCESS)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(exit::ERROR)
        }
        _ => {
            eprintln!("sourcediff: {}", cli_gate::usage_line(e));
            ExitCode::from(exit::ERROR)
        }
    }
}
