//! The `sourcediff` binary: parse arguments, call the library, map the result to an exit code.

mod cli;
mod cli_scan;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

/// Exit codes, as documented in the README.
mod exit {
    /// The report was written.
    pub const SUCCESS: u8 = 0;
    /// A usage or input error: one line on standard error says which input and what is wrong.
    pub const ERROR: u8 = 2;
}

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = cli::run(args, &mut out);
    match result {
        Ok(()) => ExitCode::from(exit::SUCCESS),
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
