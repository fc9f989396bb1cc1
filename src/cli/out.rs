//! Standard output for the subcommands, written the way Unix tools write it: a closed pipe
//! (`claimbench extract FILE | head -c 100`) ends the process quietly with exit 0 instead of the
//! panic `println!` gives ("failed printing to stdout: Broken pipe", exit 101), and any other
//! write failure (a full disk behind a redirect) is one clear error line and exit 1.

use std::fmt;
use std::io::{ErrorKind, Write};

/// Writes `args` to standard output and flushes it. Never returns on a write failure: a broken
/// pipe exits 0 (the reader has all it wanted), anything else is reported and exits 1.
pub fn write_stdout(args: fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.flush()) {
        if e.kind() == ErrorKind::BrokenPipe {
            std::process::exit(super::EXIT_OK);
        }
        super::report_error(format!("cannot write to standard output: {e}"));
        std::process::exit(super::EXIT_BAD_INPUT);
    }
}

/// `print!` for the subcommands: see [`write_stdout`].
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::out::write_stdout(format_args!($($arg)*)) };
}

/// `println!` for the subcommands: see [`write_stdout`].
#[macro_export]
macro_rules! outln {
    () => { $crate::cli::out::write_stdout(format_args!("\n")) };
    ($($arg:tt)*) => {
        $crate::cli::out::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}
