//! Use the finance and balance APIs directly, without an assessment document: appraisal metrics
//! of a cash-flow series, a loan's schedule, and a small flowsheet balanced and reconciled.
//!
//! ```sh
//! cargo run -p cleanprod --example finance_and_balance
//! ```

use std::collections::BTreeMap;
use std::error::Error;

use cleanprod::finance::{self, Grace, Loan, Payback};
use cleanprod::flowsheet::{Flow, Flowsheet, Node, NodeKind, Stream};
use cleanprod::units::Schedule;

fn main() -> Result<(), Box<dyn Error>> {
    print!("{}", run()?);
    Ok(())
}

/// The metrics, the loan schedule and the balance, as text.
pub fn run() -> Result<String, Box<dyn Error>> {
    let mut out = String::new();

    // --- Appraisal of one option: 40,000 invested now, savings in years 1 to 4.
    // Money out is negative; the first flow is at t = 0 (numpy-financial's convention).
    let flows = [-40_000.0, 5_000.0, 8_000.0, 12_000.0, 30_000.0];
    let npv = finance::npv(0.08, &flows)?;
    let irr = finance::irr(&flows)?;
    let mirr = finance::mirr(&flows, 0.08, 0.08)?;
    out.push_str(&format!(
        "NPV at 8 %: {npv:.2}\nIRR: {:.2} %\nMIRR: {:.2} %\n",
        irr * 100.0,
        mirr * 100.0
    ));
    // A payback that never comes is a value of its own, not a sentinel number.
    match finance::payback(&flows)? {
        Payback::After(years) => out.push_str(&format!("payback: {years:.2} years\n")),
        Payback::Never => out.push_str("payback: never\n"),
    }
    if let Some(years) = finance::discounted_payback(0.08, &flows)?.periods() {
        out.push_str(&format!("discounted payback at 8 %: {years:.2} years\n"));
    }

    // Flows changing sign twice can have several IRRs: all are returned, NPV should decide.
    let roots = finance::irr_roots(&[-1.0, 2.3, -1.32])?;
    out.push_str(&format!("IRRs of [-1, 2.3, -1.32]: {roots:?}\n"));

    // Bad input is an error naming the argument, never a NaN out.
    let err = finance::npv(0.08, &[-1.0, f64::NAN])
        .err()
        .ok_or("a NaN flow must be refused")?;
    out.push_str(&format!("NaN flow: {} ({})\n", err, err.path()));

    // --- A loan: 30,000 at 9 % a year over 3 years, quarterly, with two quarters of grace
    // during which interest is paid.
    let loan = Loan::new(30_000.0, 0.09, 3.0, 4).with_grace(2, Grace::InterestOnly);
    out.push_str("\nperiod   payment  interest principal   balance\n");
    for p in loan.schedule()? {
        out.push_str(&format!(
            "{:>6} {:>9.2} {:>9.2} {:>9.2} {:>9.2}\n",
            p.period, p.payment, p.interest, p.principal, p.balance
        ));
    }
    let service = loan.annual_debt_service()?;
    let coverage = finance::debt_service_coverage(&[15_000.0, 15_000.0, 15_000.0], &service);
    out.push_str(&format!(
        "debt service per year: {service:.2?}\nDSCR: {coverage:.2?}\n"
    ));

    // --- A small flowsheet: a rinse measured in and out (redundant: reconciled), and a
    // second unit whose drain is unknown (solved from the balance).
    let flowsheet = Flowsheet {
        components: vec!["water".to_string()],
        nodes: vec![
            node("mains", NodeKind::Source),
            node("rinse", NodeKind::Process),
            node("dye", NodeKind::Process),
            node("sewer", NodeKind::Wastewater),
        ],
        streams: vec![
            water("rinse_in", "mains", "rinse", "100 m3/d ± 5 %")?,
            water("rinse_out", "rinse", "sewer", "90 m3/d ± 5 %")?,
            water("dye_in", "mains", "dye", "20 m3/d")?, // an estimate, taken as exact
            water("dye_out", "dye", "sewer", "?")?,      // unknown
        ],
        energy: Vec::new(),
        devices: BTreeMap::new(),
        reference_temperature: None,
        accounts: Vec::new(),
    };
    // 300 operating days of 16 h: flows per day are per operating day.
    let schedule = Schedule::new(300, "16 h".parse()?);
    let balance = flowsheet.balance(&schedule)?;
    out.push_str(&cleanprod::report::balance_text(&balance));
    Ok(out)
}

/// A node without a label or accumulation.
fn node(id: &str, kind: NodeKind) -> Node {
    Node {
        id: id.to_string(),
        kind,
        name: String::new(),
        accumulation: BTreeMap::new(),
    }
}

/// A stream carrying water only; `flow` is `"?"`, an estimate, or a measurement `"x ± u"`.
fn water(id: &str, from: &str, to: &str, flow: &str) -> Result<Stream, Box<dyn Error>> {
    Ok(Stream {
        id: id.to_string(),
        from: from.to_string(),
        to: to.to_string(),
        flows: BTreeMap::from([("water".to_string(), Flow::parse(flow)?)]),
        temperature: None,
    })
}
