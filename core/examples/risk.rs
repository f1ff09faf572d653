//! A risk simulation from Rust: sample the `[uncertainty]` inputs of a document, then read the
//! spread of each option's NPV, the probability of losing money and what drives it; and
//! appraise rows of input values chosen by another sampler.
//!
//! ```sh
//! cargo run --release -p cleanprod --example risk                  # examples/tannery.toml
//! cargo run --release -p cleanprod --example risk -- my_site.toml
//! ```

use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use cleanprod::Assessment;
use cleanprod::sections::uncertainty::Method;
use cleanprod::uncertainty::{Settings, Simulator};

fn main() -> Result<(), Box<dyn Error>> {
    let path = match std::env::args_os().nth(1) {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/tannery.toml"),
    };
    print!("{}", run(&path, 2_000)?);
    Ok(())
}

/// The NPV spread and the widest tornado bar of each option of the document at `path`.
pub fn run(path: &Path, draws: u32) -> Result<String, Box<dyn Error>> {
    let assessment = Assessment::from_toml_str(&std::fs::read_to_string(path)?)?;
    // Compiling checks every path and distribution against the document (errors name them).
    let simulator = Simulator::new(&assessment)?;
    let simulation = simulator.run(&Settings {
        draws: Some(draws),
        seed: Some(7),
        method: Some(Method::Lhs),
        threads: None, // every core; the figures do not depend on it
        cancel: None,
    })?;
    let mut out = String::new();
    for o in simulation.outputs.iter().filter(|o| o.metric == "npv") {
        let (Some(s), Some(loss)) = (&o.spread, o.probability_negative) else {
            continue;
        };
        write!(
            out,
            "{:<24} NPV P10 {:>12.0}  P50 {:>12.0}  P90 {:>12.0} {}  P(NPV<0) {:>5.1} %",
            o.option,
            s.p10,
            s.p50,
            s.p90,
            simulation.currency,
            loss * 100.0
        )?;
        if let Some(bar) = o
            .tornado
            .first()
            .filter(|b| b.swing.is_some_and(|x| x != 0.0))
        {
            write!(out, "  driven most by {}", bar.input)?;
        }
        out.push('\n');
    }
    // Another sampler's design (SALib's, say): one row per point, one value per input.
    let base: Vec<f64> = simulation.inputs.iter().map(|i| i.p10).collect();
    let row = simulator.evaluate(&base)?;
    let npv = simulator
        .output_names()
        .iter()
        .position(|(_, metric, _)| metric == "npv")
        .and_then(|k| row[k]);
    if let Some(npv) = npv {
        writeln!(
            out,
            "every input at its P10: NPV of {} {:.0}",
            simulator.output_names()[0].0,
            npv
        )?;
    }
    Ok(out)
}
