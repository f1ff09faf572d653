//! `cleanprod`: check, assess and start cleaner-production assessment documents.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use cleanprod::document::Sector;
use cleanprod::{Assessment, SourceFormat, report};

#[derive(Parser)]
#[command(
    name = "cleanprod",
    version,
    about = "Cleaner-production assessment calculator"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read a document, check every field, and print a summary.
    Check {
        /// The document (.toml or .json).
        file: PathBuf,
    },
    /// Evaluate a document and print the results.
    Assess {
        /// The document (.toml or .json).
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the JSON Schema of the document format (or of a result).
    Schema {
        /// Which schema.
        #[arg(value_enum, default_value_t = SchemaKind::Document)]
        kind: SchemaKind,
    },
    /// Print a commented starting document for a sector.
    New {
        /// tanning, hotel, hospital, chemicals or automotive.
        sector: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaKind {
    /// The assessment document.
    Document,
    /// The summary printed by `check` and `assess`.
    Summary,
    /// The material balances of a flowsheet.
    Balance,
    /// The appraisal of the options.
    Evaluation,
    /// A sector template's benchmarks.
    Benchmarks,
    /// Everything `assess --format json` prints.
    Report,
    /// The names of the dimensions values are checked against.
    Dimension,
    /// The metrics options can be ranked by.
    Metric,
    /// Every result type at once, with shared definitions.
    Results,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Md,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<String, String> {
    match command {
        Command::Check { file } => {
            let a = read(&file)?;
            let balance = a
                .balance()
                .map_err(|e| format!("{}: {e} [{}]", file.display(), e.code()))?;
            Ok(format!(
                "{}: valid {} document\n\n{}{}",
                file.display(),
                cleanprod::document::CURRENT_FORMAT,
                report::summary_text(&a.summary()),
                balance
                    .as_ref()
                    .map(report::balance_text)
                    .unwrap_or_default()
            ))
        }
        Command::Assess { file, format } => {
            let a = read(&file)?;
            let r = a
                .report()
                .map_err(|e| format!("{}: {e} [{}]", file.display(), e.code()))?;
            Ok(match format {
                Format::Text => report::report_text(&r),
                Format::Md => report::report_markdown(&r),
                Format::Json => format!(
                    "{}\n",
                    serde_json::to_string_pretty(&r).map_err(|e| e.to_string())?
                ),
            })
        }
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Document => cleanprod::schema(),
                SchemaKind::Summary => cleanprod::assessment::summary_schema(),
                SchemaKind::Balance => cleanprod::flowsheet::balance_schema(),
                SchemaKind::Benchmarks => cleanprod::sectors::benchmarks_schema(),
                SchemaKind::Report => cleanprod::assessment::report_schema(),
                SchemaKind::Results => cleanprod::assessment::results_schema(),
                SchemaKind::Dimension => {
                    serde_json::to_value(schemars::schema_for!(cleanprod::units::Dimension))
                        .map_err(|e| e.to_string())?
                }
                SchemaKind::Metric => {
                    serde_json::to_value(schemars::schema_for!(cleanprod::options::Metric))
                        .map_err(|e| e.to_string())?
                }
                SchemaKind::Evaluation => cleanprod::options::evaluation_schema(),
            };
            let s = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
            Ok(format!("{s}\n"))
        }
        Command::New { sector } => {
            let sector: Sector = sector
                .parse()
                .map_err(|e: cleanprod::Error| e.to_string())?;
            Ok(starting_document(sector).to_string())
        }
    }
}

/// Read and validate a document, choosing the format by extension (by content if none).
fn read(file: &Path) -> Result<Assessment, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let format = SourceFormat::from_path(&file.to_string_lossy())
        .unwrap_or_else(|| SourceFormat::sniff(&text));
    Assessment::parse(&text, format).map_err(|e| format!("{}: {e} [{}]", file.display(), e.code()))
}

/// The example document of each sector, a realistic start to edit.
fn starting_document(sector: Sector) -> &'static str {
    match sector {
        Sector::Tanning => include_str!("../../examples/tannery.toml"),
        Sector::Hotel => include_str!("../../examples/hotel.toml"),
        Sector::Hospital => include_str!("../../examples/hospital.toml"),
        Sector::Chemicals => include_str!("../../examples/chemicals.toml"),
        Sector::Automotive => include_str!("../../examples/automotive.toml"),
    }
}
