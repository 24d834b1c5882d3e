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

/// `mi_option_purge_delay` in mimalloc's `mi_option_e` (v2 series; `libmimalloc-sys` names no
/// constant for it): how long, in milliseconds, freed memory is kept before it is returned to
/// the system (10 by default).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// `compare` holds everything it reads until its report is written, and its peak is the sum of
/// stages that follow one another (the aligner's index, then the findings): memory freed by
/// one stage is returned at once instead of staying resident while the next one grows (the
/// 22.5 MB short-sentence pair: 470 -> 430 MB at the peak, no measurable change in time). The
/// corpus scan, which frees and reuses memory for every batch of pairs, keeps the default.
fn purge_freed_memory_at_once() {
    // SAFETY: `mi_option_set` stores the value of a valid option (15 is below
    // `_mi_option_last`); it is not thread-safe, and no other thread has been started yet.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

/// The corpus scan frees and allocates again the memory of every batch of pairs. mimalloc
/// asks for transparent huge pages, and memory it returns to the system and takes back is
/// faulted in again as a fresh 2 MiB page that the kernel zeroes whole: the kernel's
/// `clear_page_erms` was 9-17% of the BBC scan's CPU time (perf), 0.7-0.9% with huge pages
/// off, for 4 KiB faults (8,700 -> 34,000 of them) and a lower peak. Output is unchanged.
#[cfg(target_os = "linux")]
fn no_transparent_huge_pages() {
    // SAFETY: `PR_SET_THP_DISABLE` with the value 1 (and the unused arguments 0) sets one flag
    // of this process; it reads and writes no memory of ours. A failure (an old kernel)
    // leaves huge pages on, which is only slower, so the result is not checked.
    unsafe {
        libc::prctl(
            libc::PR_SET_THP_DISABLE,
            1 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
            0 as libc::c_ulong,
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn no_transparent_huge_pages() {}

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
    if matches!(args.command, cli::Command::Compare(_)) {
        purge_freed_memory_at_once();
    }
    if matches!(args.command, cli::Command::Scan(_)) {
        no_transparent_huge_pages();
    }
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
