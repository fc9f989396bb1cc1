//! The claimbench binary: parses the command line and runs a subcommand or the GUI.

use claimbench::cli::{Cli, Command};
use clap::Parser;

fn main() {
    let cli = Cli::parse();
    let code = match &cli.command {
        Some(Command::Check(a)) => claimbench::cli::check::run(a),
        Some(Command::Extract(a)) => claimbench::cli::extract::run(a),
        None => claimbench::cli::EXIT_OK,
    };
    std::process::exit(code);
}
