use std::process::ExitCode;

use clap::Parser;
use interra_api::cli::{self, Cli};

fn main() -> ExitCode {
    match cli::run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One clear line: the cause chain, no backtrace.
            eprintln!("interra: {e:#}");
            ExitCode::FAILURE
        }
    }
}
