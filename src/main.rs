//! The `factmark` binary: runs a subcommand, or opens the window.

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    factmark::ui::profile::mark_start();
    let cli = factmark::cli::Cli::parse();
    match cli.command {
        Some(command) => factmark::cli::run(command),
        None => match factmark::ui::run(cli.doc) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("factmark: error: {e:#}");
                ExitCode::from(2)
            }
        },
    }
}
