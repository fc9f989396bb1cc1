//! The claimbench binary: parses the command line and runs a subcommand or the GUI.

use claimbench::cli::{Cli, Command, EXIT_BAD_INPUT, EXIT_OK, report_error};
use clap::Parser;

fn main() {
    let cli = Cli::parse();
    let code = match &cli.command {
        Some(Command::Check(a)) => claimbench::cli::check::run(a),
        Some(Command::Export(a)) => claimbench::cli::export::run(a),
        Some(Command::Extract(a)) => claimbench::cli::extract::run(a),
        Some(Command::Report(a)) => claimbench::cli::report::run(a),
        Some(Command::Import(a)) => claimbench::cli::import::run(a),
        Some(Command::Screenshot(a)) => claimbench::cli::screenshot::run(a),
        None => {
            // Kept until the window closes: dropping it flushes the log file.
            let _log =
                claimbench::ui::logging::log_dir().and_then(|d| claimbench::ui::logging::init(&d));
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
    };
    std::process::exit(code);
}
