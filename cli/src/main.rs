//! `cleanprod`: check, assess and start cleaner-production assessment documents.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Arg, ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use cleanprod::document::Sector;
use cleanprod::report::{TextColumn, TextTable, pages};
use cleanprod::sections::uncertainty::Method;
use cleanprod::uncertainty::{Settings, Simulator};
use cleanprod::utilities::{CALCULATORS, Calculator, FieldKind};
use cleanprod::{Assessment, SourceFormat, program, report};
use serde_json::Value;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Sample the document's [uncertainty] inputs and print the spread of each option's
    /// results, the probability of losing money and what drives it.
    Risk {
        /// The document (.toml or .json), with an [uncertainty] section.
        file: PathBuf,
        /// Number of draws (the document's, else 10000).
        #[arg(long)]
        draws: Option<u32>,
        /// Seed (the document's, else 0); the same seed gives the same figures everywhere.
        #[arg(long)]
        seed: Option<u64>,
        /// Latin hypercube (lhs) or simple Monte Carlo (mc).
        #[arg(long, value_enum)]
        method: Option<RiskMethod>,
        /// Threads (every core when absent); the figures do not depend on it.
        #[arg(long)]
        threads: Option<usize>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RiskFormat::Text)]
        format: RiskFormat,
        /// With --format json: include every draw's inputs and results.
        #[arg(long)]
        columns: bool,
        /// With --format svg: the option whose NPV tornado is drawn (all options together when
        /// absent).
        #[arg(long)]
        option: Option<String>,
    },
    /// Write a document in the current format version: migrated from an older version, the
    /// format tag first, in the same format as read (TOML in, TOML out; JSON in, JSON out).
    /// Comments of a TOML document are not kept; `check` checks the figures.
    Migrate {
        /// The document (.toml or .json).
        file: PathBuf,
        /// Where to write it (standard output when absent); its extension, if any, must be
        /// the document's format.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Write a report of the document to stdout: the pre-assessment report of the site, or
    /// the financing proposal of one option (--option) or of the package, as one
    /// self-contained HTML file or as Markdown.
    Report {
        /// The document (.toml or .json).
        file: PathBuf,
        /// Which report.
        #[arg(long, value_enum, default_value_t = ReportKind::PreAssessment)]
        kind: ReportKind,
        /// With --kind proposal: the option proposed (the package of all options when absent).
        #[arg(long)]
        option: Option<String>,
        /// Language (the document's [report] lang, else English, when absent).
        #[arg(long, value_enum)]
        lang: Option<ReportLang>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
        format: ReportFormat,
        /// The lender's minimum debt-service coverage the proposal compares each year with (a
        /// convention, not a fact).
        #[arg(long, default_value_t = pages::DEFAULT_MIN_DSCR)]
        min_dscr: f64,
        /// Draws of the proposal's risk simulation when the document has [uncertainty] (the
        /// document's when absent).
        #[arg(long)]
        draws: Option<u32>,
        /// With --format html: the paper it prints on (the print dialog's when auto).
        #[arg(long, value_enum, default_value_t = ReportPaper::Auto)]
        paper: ReportPaper,
    },
    /// Draw a chart as SVG on stdout: `cleanprod chart plant.toml sankey --component water >
    /// water.svg`.
    Chart {
        /// The document (.toml or .json).
        file: PathBuf,
        /// sankey, cash-flow, cost-curve, histogram, tornado or benchmarks.
        kind: String,
        /// sankey: the component (water, Cr2O3..., or energy; the first when absent);
        /// cost-curve: the resource, or CO2 (water when absent).
        #[arg(long)]
        component: Option<String>,
        /// cash-flow: the option (the first when absent); histogram and tornado: the option
        /// (all options together when absent).
        #[arg(long)]
        option: Option<String>,
        /// histogram and tornado: draws of the risk simulation (the document's, else 10000).
        #[arg(long)]
        draws: Option<u32>,
        /// histogram and tornado: its seed (the document's, else 0).
        #[arg(long)]
        seed: Option<u64>,
        /// Language of the chart's words and numbers (the document's [report] lang, else
        /// English, when absent).
        #[arg(long, value_enum)]
        lang: Option<ReportLang>,
        /// Print the figures drawn as a Markdown table instead of the SVG.
        #[arg(long)]
        table: bool,
    },
    /// Evaluate many documents together (a folder of .toml/.json documents, or the files
    /// given) and print the programme's totals: sites, options, investment, savings, water,
    /// chemicals, energy, CO2; by sector, cost class, status and category.
    Program {
        /// A folder of documents, or document files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ProgramFormat::Text)]
        format: ProgramFormat,
        /// With --format csv: one row per site or per option.
        #[arg(long, value_enum, default_value_t = Rows::Sites)]
        rows: Rows,
        /// Threads (every core when absent); the figures do not depend on it.
        #[arg(long)]
        threads: Option<usize>,
        /// Bring money to one currency: `--rate USD` with `--rate MXN=0.055 --rate INR=0.012`
        /// (the value of one unit in the first currency given). Without it, money is summed
        /// per currency.
        #[arg(long = "rate", value_name = "CUR or CUR=VALUE")]
        rates: Vec<String>,
        /// Rank the sites by their potential, highest first: npv (several currencies need
        /// --rate), water or co2. Text: a table after the summary; csv: the ranking's rows;
        /// json: `{ "programme": ..., "ranking": [...] }`.
        #[arg(long, value_name = "npv|water|co2")]
        rank: Option<String>,
        /// Also write the programme's chart (SVG) to this file: one row per group, a panel
        /// per figure (money drawn when it is in one currency: see --rate).
        #[arg(long, value_name = "FILE.svg")]
        chart: Option<PathBuf>,
        /// The chart's groups: sector, cost_class, status or category.
        #[arg(
            long,
            default_value = "sector",
            value_name = "sector|cost_class|status|category"
        )]
        by: String,
        /// Language of the chart's words and numbers (English when absent).
        #[arg(long, value_enum)]
        lang: Option<ReportLang>,
    },
    /// Simulate a revolving loan fund (a TOML/JSON fund document: currency, years,
    /// contributions, rules, risk, and its pipeline as candidates or assessment documents):
    /// the yearly books, leverage, what the options financed saved; with --draws, the
    /// fund's survival probability and spreads over defaults and savings shortfalls.
    Fund {
        /// The fund document.
        file: PathBuf,
        /// Monte Carlo draws over defaults, savings shortfalls and arrears.
        #[arg(long)]
        draws: Option<u32>,
        /// Seed of the draws.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Output format (csv: one row per year of the books).
        #[arg(long, value_enum, default_value_t = ProgramFormat::Text)]
        format: ProgramFormat,
        /// Threads (every core when absent); the figures do not depend on it.
        #[arg(long)]
        threads: Option<usize>,
        /// Also write the chart of the fund's balance (SVG; with --draws, its P5–P95 band).
        #[arg(long, value_name = "FILE.svg")]
        chart: Option<PathBuf>,
        /// Language of the chart's words (English when absent).
        #[arg(long, value_enum)]
        lang: Option<ReportLang>,
    },
    /// Screen a region's firms (a CSV table: id, sector, size columns such as raw_hides,
    /// rooms, occupancy, beds, production.output) from their sector's starting document
    /// scaled to their size, and rank them by potential per visit.
    Screen {
        /// The table of firms (CSV).
        file: PathBuf,
        /// Rank by npv (several currencies need --rate), water or co2; with draws also by
        /// npv_mean, npv_p10, npv_p50 or npv_p90.
        #[arg(
            long,
            value_name = "npv|water|co2|npv_mean|npv_p10|...",
            default_value = "npv"
        )]
        rank: String,
        /// The region's uncertainty, drawn for every firm: a TOML or JSON file (an
        /// `[uncertainty]` section: prices.<resource>, finance.discount_rate, options.capex,
        /// options.savings), or that text inline.
        #[arg(long, value_name = "FILE or TOML")]
        uncertainty: Option<String>,
        /// Draws per firm (with --uncertainty; its `draws`, else 1000).
        #[arg(long)]
        draws: Option<u32>,
        /// Seed of the draws (with --uncertainty; its `seed`, else 0).
        #[arg(long)]
        seed: Option<u64>,
        /// Monte Carlo or Latin hypercube (with --uncertainty; its `method`, else lhs).
        #[arg(long, value_name = "mc|lhs")]
        method: Option<String>,
        /// Show only the first N firms of the ranking (the failures are all shown).
        #[arg(long)]
        top: Option<usize>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ProgramFormat::Text)]
        format: ProgramFormat,
        /// Threads (every core when absent); the figures do not depend on it.
        #[arg(long)]
        threads: Option<usize>,
        /// Bring money to one currency: `--rate USD --rate MXN=0.055 --rate INR=0.012`.
        #[arg(long = "rate", value_name = "CUR or CUR=VALUE")]
        rates: Vec<String>,
    },
    /// Write a synthetic region's table of firms as CSV (drawn at random from a seed:
    /// synthetic, not data), by default the 32,174-firm benchmark region.
    Region {
        /// Seed of the draws.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Number of firms.
        #[arg(long, default_value_t = cleanprod::program::screen::region::BENCHMARK_FIRMS)]
        firms: u32,
        /// The region's parameters as JSON (a `RegionSpec`: seed, firms, sectors with share,
        /// median, sigma, occupancy); --seed and --firms are then ignored.
        #[arg(long)]
        spec: Option<PathBuf>,
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
    /// Run an engineering calculator: `cleanprod calc steam-leak --pressure "150 psig"
    /// --diameter "1/8 in"`; `cleanprod calc NAME --help` lists its fields.
    #[command(subcommand_required = false, args_conflicts_with_subcommands = true)]
    Calc {
        /// List the calculators.
        #[arg(long)]
        list: bool,
        /// Output format of the result.
        #[arg(long, value_enum, default_value_t = CalcFormat::Text, global = true)]
        format: CalcFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RiskMethod {
    /// Latin hypercube.
    Lhs,
    /// Simple Monte Carlo.
    Mc,
}

#[derive(Clone, Copy, ValueEnum)]
enum RiskFormat {
    Text,
    Json,
    /// The NPV tornado of one option (--option) or of all together, as SVG.
    Svg,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportKind {
    /// The site's pre-assessment report.
    PreAssessment,
    /// The financing proposal of an option or of the package.
    Proposal,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportLang {
    /// English.
    En,
    /// Spanish.
    Es,
}

impl ReportLang {
    fn lang(self) -> pages::Lang {
        match self {
            ReportLang::En => pages::Lang::En,
            ReportLang::Es => pages::Lang::Es,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    /// One self-contained HTML file.
    Html,
    /// Markdown.
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportPaper {
    /// Whatever the print dialog chooses.
    Auto,
    /// ISO A4.
    A4,
    /// US Letter.
    Letter,
}

#[derive(Clone, Copy, ValueEnum)]
enum ProgramFormat {
    Text,
    Json,
    /// A table, one row per site (or per option with --rows options).
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum Rows {
    Sites,
    Options,
}

#[derive(Clone, Copy, ValueEnum)]
enum CalcFormat {
    /// One quantity per line.
    Text,
    /// The result as JSON, quantities as strings with units.
    Json,
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
    /// Every calculator's input and result, with shared definitions.
    Utilities,
    /// What `program --format json` prints.
    Programme,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Md,
}

fn main() -> ExitCode {
    // The calculators' subcommands are built from their input schemas: only for `calc`.
    let calc_given = std::env::args_os().nth(1).is_some_and(|a| a == "calc");
    let matches = command(calc_given).get_matches();
    let result = match matches.subcommand() {
        Some(("calc", m)) => calc(m),
        _ => match Cli::from_arg_matches(&matches) {
            Ok(cli) => run(cli.command),
            Err(e) => e.exit(),
        },
    };
    match result {
        Ok(out) => {
            // A closed pipe (`cleanprod assess plant.toml | head`) is not an error of ours.
            let _ = std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes());
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
            let failed = |e: cleanprod::Error| format!("{}: {e} [{}]", file.display(), e.code());
            Simulator::check(&a).map_err(failed)?;
            let balance = a.balance().map_err(failed)?;
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
        Command::Risk {
            file,
            draws,
            seed,
            method,
            threads,
            format,
            columns,
            option,
        } => {
            let a = read(&file)?;
            let failed = |e: cleanprod::Error| format!("{}: {e} [{}]", file.display(), e.code());
            let settings = Settings {
                draws,
                seed,
                method: method.map(|m| match m {
                    RiskMethod::Lhs => Method::Lhs,
                    RiskMethod::Mc => Method::Mc,
                }),
                threads,
                cancel: None,
            };
            let s = Simulator::new(&a)
                .and_then(|sim| sim.run(&settings))
                .map_err(failed)?;
            Ok(match format {
                RiskFormat::Text => report::risk_text(&s),
                RiskFormat::Svg => {
                    let id = option
                        .as_deref()
                        .unwrap_or(cleanprod::uncertainty::PORTFOLIO);
                    let output = s.output(id, "npv").ok_or_else(|| {
                        format!("{}: --option {id}: no such option", file.display())
                    })?;
                    let lang = cleanprod::sections::Lang::En;
                    let what = report::charts::npv_words(option.as_deref(), &s.currency, lang);
                    report::tornado_svg(output, &what, lang)
                }
                RiskFormat::Json => {
                    let s = if columns { s } else { s.summary() };
                    format!(
                        "{}\n",
                        serde_json::to_string_pretty(&s).map_err(|e| e.to_string())?
                    )
                }
            })
        }
        Command::Migrate { file, output } => migrate(&file, output.as_deref()),
        Command::Report {
            file,
            kind,
            option,
            lang,
            format,
            min_dscr,
            draws,
            paper,
        } => {
            let a = read(&file)?;
            let request = pages::Request {
                kind: match kind {
                    ReportKind::PreAssessment => pages::Kind::PreAssessment,
                    ReportKind::Proposal => pages::Kind::Proposal,
                },
                lang: lang.map(ReportLang::lang),
                option,
                min_dscr,
                draws,
            };
            let page = pages::build(&a, &request).map_err(|e| {
                let flag = match e.path() {
                    "option" => " (--option)",
                    "min_dscr" => " (--min-dscr)",
                    _ => "",
                };
                format!("{}: {e}{flag} [{}]", file.display(), e.code())
            })?;
            Ok(match format {
                ReportFormat::Markdown => page.markdown(),
                ReportFormat::Html => page.html_for(match paper {
                    ReportPaper::Auto => pages::Paper::Auto,
                    ReportPaper::A4 => pages::Paper::A4,
                    ReportPaper::Letter => pages::Paper::Letter,
                }),
            })
        }
        Command::Chart {
            file,
            kind,
            component,
            option,
            draws,
            seed,
            lang,
            table,
        } => {
            let kind: report::charts::ChartKind = kind.parse().map_err(|e| format!("{e}"))?;
            let a = read(&file)?;
            let opts = report::charts::ChartOptions {
                component,
                option,
                draws,
                seed,
                lang: lang.map(ReportLang::lang),
            };
            let chart = report::charts::chart(&a, kind, &opts)
                .map_err(|e| format!("{}: {e} [{}]", file.display(), e.code()))?;
            Ok(if table {
                chart.table.markdown()
            } else {
                chart.svg
            })
        }
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Document => cleanprod::schema(),
                SchemaKind::Summary => cleanprod::assessment::summary_schema(),
                SchemaKind::Balance => cleanprod::flowsheet::balance_schema(),
                SchemaKind::Benchmarks => cleanprod::sectors::benchmarks_schema(),
                SchemaKind::Report => cleanprod::assessment::report_schema(),
                SchemaKind::Results => cleanprod::report::results_schema(),
                SchemaKind::Utilities => cleanprod::utilities::schema(),
                SchemaKind::Dimension => {
                    serde_json::to_value(schemars::schema_for!(cleanprod::units::Dimension))
                        .map_err(|e| e.to_string())?
                }
                SchemaKind::Metric => {
                    serde_json::to_value(schemars::schema_for!(cleanprod::options::Metric))
                        .map_err(|e| e.to_string())?
                }
                SchemaKind::Evaluation => cleanprod::options::evaluation_schema(),
                SchemaKind::Programme => cleanprod::program::programme_schema(),
            };
            let s = serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?;
            Ok(format!("{s}\n"))
        }
        Command::Program {
            paths,
            format,
            rows,
            threads,
            rates,
            rank,
            chart,
            by,
            lang,
        } => {
            // The chart's groups checked before any document is read.
            let by: report::charts::programme::Breakdown = by
                .parse()
                .map_err(|e: cleanprod::Error| format!("--by: {e} [{}]", e.code()))?;
            let sources = program_sources(&paths)?;
            let settings = program::Settings {
                threads,
                exchange_rates: exchange_rates(&rates)?,
                cancel: None,
            };
            let p = program::evaluate(&sources, &settings);
            if let Some(file) = &chart {
                let lang = lang.map(ReportLang::lang).unwrap_or_default();
                let c = report::charts::programme_chart(&p, by, lang);
                std::fs::write(file, &c.svg)
                    .map_err(|e| format!("--chart {}: {e}", file.display()))?;
            }
            let ranking = match &rank {
                None => None,
                Some(by) => {
                    let failed = |e: cleanprod::Error| format!("--rank {by}: {e} [{}]", e.code());
                    let by: program::Potential = by.parse().map_err(failed)?;
                    Some(
                        program::rank(&p.sites, by, settings.exchange_rates.as_ref())
                            .map_err(failed)?,
                    )
                }
            };
            let json = |v: serde_json::Result<Value>| -> Result<String, String> {
                let v = v.map_err(|e| e.to_string())?;
                serde_json::to_string_pretty(&v)
                    .map(|s| format!("{s}\n"))
                    .map_err(|e| e.to_string())
            };
            Ok(match (format, ranking) {
                (ProgramFormat::Text, None) => report::programme_text(&p),
                (ProgramFormat::Text, Some(r)) => {
                    format!("{}\n{}", report::programme_text(&p), ranking_text(&r))
                }
                (ProgramFormat::Json, None) => json(serde_json::to_value(&p))?,
                (ProgramFormat::Json, Some(r)) => json((|| {
                    let mut both = serde_json::Map::new();
                    both.insert("programme".to_string(), serde_json::to_value(&p)?);
                    both.insert("ranking".to_string(), serde_json::to_value(&r)?);
                    Ok(Value::Object(both))
                })())?,
                (ProgramFormat::Csv, Some(r)) => csv(&program::columns(&r)),
                (ProgramFormat::Csv, None) => match rows {
                    Rows::Sites => csv(&program::columns(&p.sites)),
                    Rows::Options => csv(&program::columns(&p.options)),
                },
            })
        }
        Command::Fund {
            file,
            draws,
            seed,
            format,
            threads,
            chart,
            lang,
        } => {
            let chart = chart.map(|path| (path, lang.map(ReportLang::lang).unwrap_or_default()));
            fund_command(&file, draws, seed, format, threads, chart)
        }
        Command::Screen {
            file,
            rank,
            uncertainty,
            draws,
            seed,
            method,
            top,
            format,
            threads,
            rates,
        } => {
            let uncertainty = screen_uncertainty(uncertainty.as_deref(), draws, seed, method)?;
            screen_command(&file, &rank, uncertainty, top, format, threads, &rates)
        }
        Command::Region { seed, firms, spec } => {
            use cleanprod::program::screen::region::{RegionSpec, generate};
            let spec = match spec {
                Some(path) => {
                    let text = std::fs::read_to_string(&path)
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    serde_json::from_str::<RegionSpec>(&text)
                        .map_err(|e| format!("{}: {e}", path.display()))?
                }
                None => RegionSpec {
                    seed,
                    firms,
                    ..RegionSpec::benchmark()
                },
            };
            generate(&spec, None)
                .map(|f| f.to_csv())
                .map_err(|e| format!("{e} [{}]", e.code()))
        }
        // `main` hands `calc` its matches (its subcommands are built at run time); without
        // them, the list.
        Command::Calc { .. } => calc(&ArgMatches::default()),
        Command::New { sector } => {
            let sector: Sector = sector
                .parse()
                .map_err(|e: cleanprod::Error| e.to_string())?;
            starting_document(sector)
                .map(str::to_string)
                .ok_or_else(|| format!("no starting document for {sector}"))
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

/// `cleanprod migrate`: the document in the current form, on standard output or in `output`
/// (then nothing is printed).
fn migrate(file: &Path, output: Option<&Path>) -> Result<String, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let format = SourceFormat::from_path(&file.to_string_lossy())
        .unwrap_or_else(|| SourceFormat::sniff(&text));
    let current = cleanprod::document::to_current_form(&text, format)
        .map_err(|e| format!("{}: {e} [{}]", file.display(), e.code()))?;
    let Some(output) = output else {
        return Ok(current);
    };
    if let Some(other) = SourceFormat::from_path(&output.to_string_lossy())
        && other != format
    {
        return Err(format!(
            "{}: the document is {format}, and is written as {format}: name the output .{}",
            output.display(),
            format.to_string().to_lowercase()
        ));
    }
    std::fs::write(output, current).map_err(|e| format!("{}: {e}", output.display()))?;
    Ok(String::new())
}

/// The documents of a programme: the .toml and .json files of each folder (sorted by name),
/// and each file given.
fn program_sources(paths: &[PathBuf]) -> Result<Vec<program::Source>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| format!("{}: {e}", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| SourceFormat::from_path(&p.to_string_lossy()).is_some())
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(format!("{}: no .toml or .json document", path.display()));
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
            Ok(program::Source::named(f.display().to_string(), text))
        })
        .collect()
}

/// `--rate USD --rate MXN=0.055`: the currency money is brought to, and the value of one unit
/// of each other currency in it.
fn exchange_rates(args: &[String]) -> Result<Option<program::ExchangeRates>, String> {
    if args.is_empty() {
        return Ok(None);
    }
    let mut target = None;
    let mut rates = std::collections::BTreeMap::new();
    for a in args {
        match a.split_once('=') {
            None if target.is_none() => target = Some(a.trim().to_string()),
            None => {
                return Err(format!(
                    "--rate {a}: give one target currency, then CUR=VALUE"
                ));
            }
            Some((code, value)) => {
                let v: f64 = value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|v: &f64| v.is_finite() && *v > 0.0)
                    .ok_or_else(|| format!("--rate {a}: expected a positive number after ="))?;
                rates.insert(code.trim().to_string(), v);
            }
        }
    }
    let currency =
        target.ok_or("--rate: name the currency money is brought to, e.g. --rate USD")?;
    Ok(Some(program::ExchangeRates { currency, rates }))
}

/// A ranking of sites as a table: rank, document, the value ranked by and the figures behind.
fn ranking_text(rows: &[program::Ranked]) -> String {
    let w = rows
        .iter()
        .map(|r| r.document.len())
        .max()
        .unwrap_or(8)
        .clamp(8, 60);
    let mut columns = vec![TextColumn::right(4), TextColumn::left(w).gap(2)];
    columns.extend([16, 16, 10, 8, 10].map(TextColumn::right));
    let table = TextTable::new(columns);
    let mut out = "ranked by potential\n".to_string();
    out.push_str(&table.line(&[
        "rank",
        "document",
        "NPV",
        "investment",
        "water m3",
        "CO2 t",
        "MWh",
    ]));
    for r in rows {
        out.push_str(&table.line(&[
            r.rank.to_string(),
            r.document.clone(),
            format!("{:.0} {}", r.npv, r.currency),
            format!("{:.0} {}", r.capex, r.currency),
            format!("{:.0}", r.water_m3),
            format!("{:.0}", r.co2_t),
            format!("{:.0}", r.energy_mwh),
        ]));
    }
    out
}

/// The region's uncertainty of `cleanprod screen`: `--uncertainty` (a file, or the text
/// inline) with `--draws`, `--seed` and `--method` in place of its own.
fn screen_uncertainty(
    given: Option<&str>,
    draws: Option<u32>,
    seed: Option<u64>,
    method: Option<String>,
) -> Result<Option<cleanprod::sections::uncertainty::Uncertainty>, String> {
    use cleanprod::SourceFormat;
    let Some(given) = given else {
        return match (draws, seed, &method) {
            (None, None, None) => Ok(None),
            _ => Err("--draws, --seed and --method need --uncertainty (what to draw)".to_string()),
        };
    };
    let path = Path::new(given);
    let (text, name) = if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        (text, path.display().to_string())
    } else {
        (given.to_string(), "--uncertainty".to_string())
    };
    let format = if text.trim_start().starts_with('{') {
        SourceFormat::Json
    } else {
        SourceFormat::Toml
    };
    let mut u = cleanprod::program::screen::uncertainty_from_text(&text, format)
        .map_err(|e| format!("{name}: {e} [{}]", e.code()))?;
    if draws.is_some() {
        u.draws = draws;
    }
    if seed.is_some() {
        u.seed = seed;
    }
    if let Some(m) = method {
        u.method = m
            .parse()
            .map_err(|e: cleanprod::Error| format!("--method {m}: {e}"))?;
    }
    Ok(Some(u))
}

/// `cleanprod fund FILE`: the fund document read, its assessments read relative to it.
fn fund_command(
    file: &Path,
    draws: Option<u32>,
    seed: u64,
    format: ProgramFormat,
    threads: Option<usize>,
    chart: Option<(PathBuf, pages::Lang)>,
) -> Result<String, String> {
    use cleanprod::program::fund::FundDocument;
    let failed = |e: cleanprod::Error| format!("{}: {e} [{}]", file.display(), e.code());
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let format_of = SourceFormat::from_path(&file.to_string_lossy())
        .unwrap_or_else(|| SourceFormat::sniff(&text));
    let doc = FundDocument::parse(&text, format_of).map_err(failed)?;
    let dir = file.parent().unwrap_or(Path::new(""));
    let paths: Vec<PathBuf> = doc.assessments.iter().map(|a| dir.join(a)).collect();
    let mut sources = if paths.is_empty() {
        Vec::new()
    } else {
        program_sources(&paths)?
    };
    // Loans name their document by its file name, as the Python binding does.
    for s in &mut sources {
        if let Some(name) = Path::new(&s.name).file_name() {
            s.name = name.to_string_lossy().into_owned();
        }
    }
    let out = report::fund::run(
        &doc,
        &report::fund::FundRun {
            documents: sources,
            draws,
            seed,
            threads,
            lang: chart.as_ref().map(|(_, lang)| *lang),
            cancel: None,
        },
    )
    .map_err(failed)?;
    let (books, risk) = (&out.fund, &out.monte_carlo);
    if let Some((path, _)) = chart {
        std::fs::write(&path, &out.chart.svg).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(match format {
        ProgramFormat::Text => out.text.clone(),
        ProgramFormat::Csv => csv(&program::columns(&books.years)),
        ProgramFormat::Json => {
            let mut both = serde_json::Map::new();
            let err = |e: serde_json::Error| e.to_string();
            both.insert(
                "fund".to_string(),
                serde_json::to_value(books).map_err(err)?,
            );
            if let Some(r) = risk {
                both.insert(
                    "monte_carlo".to_string(),
                    serde_json::to_value(r).map_err(err)?,
                );
            }
            serde_json::to_string_pretty(&Value::Object(both))
                .map(|t| format!("{t}\n"))
                .map_err(|e| e.to_string())?
        }
    })
}

/// `cleanprod screen`: the ranking of the firms in `file`, with the rows that failed.
fn screen_command(
    file: &Path,
    rank: &str,
    uncertainty: Option<cleanprod::sections::uncertainty::Uncertainty>,
    top: Option<usize>,
    format: ProgramFormat,
    threads: Option<usize>,
    rates: &[String],
) -> Result<String, String> {
    use cleanprod::program::screen::{Firms, ScreenSettings, screen};
    let failed = |e: cleanprod::Error| format!("{}: {e} [{}]", file.display(), e.code());
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let firms = Firms::from_csv(&text).map_err(failed)?;
    let settings = ScreenSettings {
        by: rank
            .parse()
            .map_err(|e: cleanprod::Error| format!("--rank {rank}: {e}"))?,
        threads,
        exchange_rates: exchange_rates(rates)?,
        uncertainty,
        cancel: None,
    };
    let mut s = screen(&firms, &settings).map_err(failed)?;
    if let Some(n) = top {
        s.ranking.truncate(n);
    }
    Ok(match format {
        ProgramFormat::Json => serde_json::to_string_pretty(&s)
            .map(|t| format!("{t}\n"))
            .map_err(|e| e.to_string())?,
        ProgramFormat::Csv => csv(&program::columns(&s.ranking)),
        ProgramFormat::Text => {
            let w = s
                .ranking
                .iter()
                .map(|r| r.id.len())
                .max()
                .unwrap_or(8)
                .clamp(8, 40);
            // The last three columns hold the spread of the firms drawn, when drawn.
            let mut columns = vec![
                TextColumn::right(5),
                TextColumn::left(w).gap(2),
                TextColumn::left(10),
            ];
            columns.extend([14, 16, 16, 10, 8, 16, 16, 7].map(TextColumn::right));
            let table = TextTable::new(columns);
            let mut header: Vec<String> = [
                "rank",
                "firm",
                "sector",
                "size",
                "NPV",
                "investment",
                "water m3",
                "CO2 t",
            ]
            .map(String::from)
            .to_vec();
            if let Some(n) = s.draws {
                header.extend([
                    format!("NPV P10 ({n})"),
                    "NPV P90".to_string(),
                    "P(<0)".to_string(),
                ]);
            }
            let mut out = format!(
                "{} firms screened, {} failed; ranked by {rank}\n",
                s.firms,
                s.failures.len(),
            );
            out.push_str(&table.line(&header));
            for r in &s.ranking {
                let mut row = vec![
                    r.rank.to_string(),
                    r.id.clone(),
                    r.sector.key().to_string(),
                    r.size.clone(),
                    format!("{:.0} {}", r.npv, r.currency),
                    format!("{:.0} {}", r.capex, r.currency),
                    format!("{:.0}", r.water_m3),
                    format!("{:.1}", r.co2_t),
                ];
                if let (Some(p10), Some(p90), Some(loss)) =
                    (r.npv_p10, r.npv_p90, r.probability_loss)
                {
                    row.extend([
                        format!("{p10:.0} {}", r.currency),
                        format!("{p90:.0} {}", r.currency),
                        format!("{:.1}%", 100.0 * loss),
                    ]);
                }
                out.push_str(&table.line(&row));
            }
            for f in &s.failures {
                out.push_str(&format!(
                    "failed: {}: {} [{}]\n",
                    f.document, f.message, f.code
                ));
            }
            out
        }
    })
}

/// Columns as CSV (RFC 4180 quoting), numbers in their shortest round-trip form.
fn csv(columns: &[program::Column]) -> String {
    let cell = |v: &Value| -> String {
        let text = match v {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if text.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text
        }
    };
    let rows = columns.first().map_or(0, |c| c.values.len());
    let mut out = columns
        .iter()
        .map(|c| cell(&Value::String(c.name.clone())))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for i in 0..rows {
        let line: Vec<String> = columns.iter().map(|c| cell(&c.values[i])).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// The example document of each sector, a realistic start to edit.
fn starting_document(sector: Sector) -> Option<&'static str> {
    cleanprod::document::starting_document(sector)
}

/// The command line: the derived commands, and under `calc` (when `with_calculators`) one
/// subcommand per calculator of the registry, its options the fields of the calculator's input.
fn command(with_calculators: bool) -> clap::Command {
    if !with_calculators {
        return Cli::command();
    }
    Cli::command().mut_subcommand("calc", |c| {
        c.subcommands(CALCULATORS.iter().map(calculator_command))
    })
}

/// `steam_leak` → `steam-leak`.
fn kebab(name: &str) -> String {
    name.replace('_', "-")
}

fn calculator_command(c: &Calculator) -> clap::Command {
    let mut cmd = clap::Command::new(kebab(c.name)).about(c.summary);
    if kebab(c.name) != c.name {
        cmd = cmd.alias(c.name);
    }
    for f in c.fields() {
        let (value_name, what) = match &f.kind {
            FieldKind::Quantity(d) => (
                "VALUE".to_string(),
                format!("a {} with its unit, e.g. \"{}\"", d.name(), d.example()),
            ),
            FieldKind::Number => ("NUMBER".to_string(), "a plain number".to_string()),
            FieldKind::Choice(values) => {
                ("NAME".to_string(), format!("one of {}", values.join(", ")))
            }
            FieldKind::Text => ("TEXT".to_string(), "text".to_string()),
        };
        let mut arg = Arg::new(f.name.clone())
            .long(kebab(&f.name))
            .value_name(value_name)
            .required(f.required)
            .help(format!("{} [{what}]", f.description));
        if kebab(&f.name) != f.name {
            arg = arg.alias(f.name.clone());
        }
        if let FieldKind::Choice(values) = &f.kind {
            arg = arg.value_parser(clap::builder::PossibleValuesParser::new(values.clone()));
        }
        cmd = cmd.arg(arg);
    }
    cmd
}

/// `cleanprod calc`: the list of calculators, or one run on the options given.
fn calc(m: &ArgMatches) -> Result<String, String> {
    let format = m
        .try_get_one::<CalcFormat>("format")
        .ok()
        .flatten()
        .copied()
        .unwrap_or(CalcFormat::Text);
    let Some((sub, args)) = m.subcommand() else {
        // `--list`, or nothing: the calculators with what each computes.
        let width = CALCULATORS.iter().map(|c| c.name.len()).max().unwrap_or(0);
        return Ok(CALCULATORS
            .iter()
            .map(|c| format!("{:width$}  {}\n", kebab(c.name), c.summary))
            .collect());
    };
    let c = CALCULATORS
        .iter()
        .find(|c| kebab(c.name) == sub)
        .ok_or_else(|| format!("no calculator {sub}"))?;
    let mut input = serde_json::Map::new();
    for f in c.fields() {
        let Some(text) = args.get_one::<String>(&f.name) else {
            continue;
        };
        let value = match f.kind {
            FieldKind::Number => text
                .trim()
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map(Value::Number)
                .ok_or_else(|| {
                    format!(
                        "--{}: expected a plain number, not {text:?}",
                        kebab(&f.name)
                    )
                })?,
            _ => Value::String(text.clone()),
        };
        input.insert(f.name.clone(), value);
    }
    let out = cleanprod::utilities::calculate(c.name, Value::Object(input)).map_err(|e| {
        let option = if e.path().is_empty() {
            String::new()
        } else {
            format!(" (--{})", kebab(e.path()))
        };
        format!("{}: {e}{option} [{}]", kebab(c.name), e.code())
    })?;
    Ok(match format {
        CalcFormat::Json => format!(
            "{}\n",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        ),
        CalcFormat::Text => {
            let mut lines = Vec::new();
            flatten(&out, "", &mut lines);
            let width = lines.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
            lines
                .iter()
                .map(|(k, v)| format!("{k:width$}  {v}\n"))
                .collect()
        }
    })
}

/// The leaves of a result as (dotted path, text), in order.
fn flatten(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten(v, &p, out);
            }
        }
        Value::String(s) => out.push((path.to_string(), s.clone())),
        other => out.push((path.to_string(), other.to_string())),
    }
}
