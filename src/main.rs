//! The claimbench binary: parses the command line and runs a subcommand or the GUI.

use claimbench::cli::{Cli, Command, report_error};
use clap::Parser;
use std::process::ExitCode;

/// Runs the subcommand (or the window) and turns its code (0 ok, 1 bad input, 2 usage) into the
/// process's exit status. Output goes through `claimbench::cli::out`, so a closed pipe ends
/// quietly with 0.
fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match &cli.command {
        Some(Command::Check(a)) => claimbench::cli::check::run(a),
        Some(Command::Export(a)) => claimbench::cli::export::run(a),
        Some(Command::Extract(a)) => claimbench::cli::extract::run(a),
        Some(Command::Report(a)) => claimbench::cli::report::run(a),
        Some(Command::Import(a)) => claimbench::cli::import::run(a),
        Some(Command::Merge(a)) => claimbench::cli::merge::run(a),
        #[cfg(feature = "gui")]
        Some(Command::Screenshot(a)) => claimbench::cli::screenshot::run(a),
        None => run_gui(&cli),
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

#[cfg(feature = "gui")]
fn run_gui(cli: &Cli) -> i32 {
    use claimbench::cli::{EXIT_BAD_INPUT, EXIT_OK};
    // Kept until the window closes: dropping it flushes the log file.
    let _log = claimbench::ui::logging::log_dir().and_then(|d| claimbench::ui::logging::init(&d));
    let startup = claimbench::ui::Startup {
        path: cli.workspace.clone(),
        restore_last: true,
        recovery_dir: claimbench::ui::data_dir().map(|d| d.join("recovery")),
        ..Default::default()
    };
    match claimbench::ui::run(startup) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            report_error(e);
            EXIT_BAD_INPUT
        }
    }
}

/// Built without the `gui` feature: there is no window to open.
#[cfg(not(feature = "gui"))]
fn run_gui(_cli: &Cli) -> i32 {
    report_error("this build has no GUI (built without the `gui` feature); use a subcommand");
    claimbench::cli::EXIT_USAGE
}
