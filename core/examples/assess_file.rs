//! Load an assessment document, evaluate its options and print the options table and the whole
//! report as Markdown.
//!
//! ```sh
//! cargo run -p cleanprod --example assess_file                        # examples/tannery.toml
//! cargo run -p cleanprod --example assess_file -- examples/hotel.toml
//! ```
//!
//! The engine does no I/O: the program reads the file and hands the text to `Assessment`.

use std::error::Error;
use std::path::{Path, PathBuf};

use cleanprod::{Assessment, report};

fn main() -> Result<(), Box<dyn Error>> {
    // The document named on the command line, else the tannery example of the repository.
    let path = match std::env::args_os().nth(1) {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/tannery.toml"),
    };
    print!("{}", run(&path)?);
    Ok(())
}

/// The options table and the Markdown report of the document at `path`.
pub fn run(path: &Path) -> Result<String, Box<dyn Error>> {
    let text = std::fs::read_to_string(path)?;
    // Parsing checks every unit; an error names the field (`e.path()`) and a stable code.
    let assessment = match path.extension().and_then(|e| e.to_str()) {
        Some("json") => Assessment::from_json_str(&text)?,
        _ => Assessment::from_toml_str(&text)?,
    };

    // The balance and the appraisal are computed once, on first use, and then kept.
    let evaluation = assessment.evaluate()?;
    let mut out = report::options_text(evaluation);

    // Options ranked by net present value, best first.
    let ranked = assessment.rank("npv")?;
    out.push_str(&format!("\nranked by NPV: {}\n\n", ranked.join(", ")));

    // Everything at once (summary, balance, options, portfolio, sector benchmarks) as Markdown.
    out.push_str(&report::report_markdown(&assessment.report()?));
    Ok(out)
}
