//! A loan fund as text: the yearly books, leverage, what the options financed saved and, when
//! the fund was drawn, its survival probability and spreads.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::charts::{self, Chart};
use super::program::amounts_words;
use super::{TextColumn, TextTable, significant, whole};
use crate::error::Result;
use crate::program::fund::{FundDocument, FundResult, FundRisk, MonteCarlo};
use crate::program::{Settings, Source};
use crate::sections::Lang;
use crate::uncertainty::Spread;

/// How a fund document is run: its assessments' texts, and the Monte Carlo simulation when
/// `draws` is given. The JS surface passes it as an object (`{ documents, draws, seed, lang }`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct FundRun {
    /// The assessments whose options join the pipeline (`{ name, text }`), read by the caller.
    pub documents: Vec<Source>,
    /// Draws of the fund's Monte Carlo simulation (none: the expected books only).
    pub draws: Option<u32>,
    /// Their seed (0 when absent).
    pub seed: u64,
    /// Threads (every core when absent; one on wasm32). The figures do not depend on it.
    pub threads: Option<usize>,
    /// Language of the chart (English when absent).
    pub lang: Option<Lang>,
    /// Stops the assessments' evaluation and the draws when cancelled.
    #[serde(skip)]
    #[schemars(skip)]
    pub cancel: Option<crate::cancel::Cancel>,
}

impl FundRun {
    /// Options from their JSON form; errors name the field.
    ///
    /// ```
    /// use cleanprod::report::fund::FundRun;
    /// let e = FundRun::from_json_value(serde_json::json!({"draws": "many"})).unwrap_err();
    /// assert_eq!(e.path(), "draws");
    /// ```
    pub fn from_json_value(value: serde_json::Value) -> Result<FundRun> {
        crate::wire::typed(&value)
    }
}

/// A fund document run: the expected books, the Monte Carlo simulation when drawn, the fund in
/// words and the chart of its balance.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FundOutcome {
    /// The books year by year, defaults at their expected value.
    pub fund: FundResult,
    /// The Monte Carlo simulation (none without draws).
    pub monte_carlo: Option<FundRisk>,
    /// The fund as text ([`fund_text`]).
    pub text: String,
    /// The chart of its balance ([`charts::fund_balance()`]).
    pub chart: Chart,
}

/// Run the fund of `doc` lending to its candidates and the options of `run.documents`: the
/// same steps on every surface (the CLI's `cleanprod fund`, Python's `cp.program.fund`, JS's
/// `fund`).
///
/// ```
/// use cleanprod::program::Source;
/// use cleanprod::program::fund::FundDocument;
/// use cleanprod::report::fund::{FundRun, run};
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
/// let text = std::fs::read_to_string(format!("{dir}/funds/bajio_fund.toml")).unwrap();
/// let doc = FundDocument::parse(&text, cleanprod::SourceFormat::Toml).unwrap();
/// let documents = doc.assessments.iter().map(|a| {
///     let name = std::path::Path::new(a).file_name().unwrap().to_string_lossy().into_owned();
///     Source::toml(name, std::fs::read_to_string(format!("{dir}/funds/{a}")).unwrap())
/// }).collect();
/// let out = run(&doc, &FundRun { documents, draws: Some(20), ..FundRun::default() }).unwrap();
/// assert_eq!(out.monte_carlo.unwrap().draws, 20);
/// assert!(out.chart.svg.starts_with("<svg"));
/// ```
pub fn run(doc: &FundDocument, run: &FundRun) -> Result<FundOutcome> {
    let settings = Settings {
        threads: run.threads,
        exchange_rates: None,
        cancel: run.cancel.clone(),
    };
    let fund = doc.fund(&run.documents, &settings)?;
    let books = fund.simulate()?;
    let risk = run
        .draws
        .map(|draws| {
            fund.monte_carlo(&MonteCarlo {
                draws,
                seed: run.seed,
                threads: run.threads,
                cancel: run.cancel.clone(),
            })
        })
        .transpose()?;
    let chart = charts::fund_balance(&books, risk.as_ref(), run.lang.unwrap_or_default())?;
    let text = fund_text(&books, risk.as_ref());
    Ok(FundOutcome {
        fund: books,
        monte_carlo: risk,
        text,
        chart,
    })
}

/// The fund as plain text for a terminal; with `risk`, its Monte Carlo simulation after.
///
/// ```
/// use cleanprod::program::fund::{Candidate, Contribution, Fund, LoanRules, Risk};
/// let fund = Fund {
///     currency: "USD".into(),
///     years: 3,
///     contributions: vec![Contribution { year: 0, amount: 1000.0 }],
///     rules: LoanRules {
///         share: 1.0, max_loan: None, rate: 0.1, tenor_years: 2, grace_years: 0,
///         guarantee_cover: 0.0, guarantee_fee: 0.0, default_probability: 0.0,
///     },
///     pipeline: vec![Candidate {
///         document: "a".into(), option: "a".into(), capex: 1000.0, annual_saving: 700.0,
///         per_year: Default::default(),
///     }],
///     risk: Risk::default(),
/// };
/// let out = cleanprod::report::fund_text(&fund.simulate().unwrap(), None);
/// assert!(out.contains("1 loans made, 1000 USD lent"));
/// ```
pub fn fund_text(r: &FundResult, risk: Option<&FundRisk>) -> String {
    let c = &r.currency;
    let mut out = format!("fund ({c}), year by year\n");
    let books = TextTable::new([4, 12, 5, 12, 12, 12, 12, 12, 12, 12, 8].map(TextColumn::right));
    out.push_str(&books.line(&[
        "year",
        "contributed",
        "loans",
        "disbursed",
        "repaid",
        "interest",
        "written off",
        "losses",
        "outstanding",
        "cash",
        "leverage",
    ]));
    for y in &r.years {
        out.push_str(&books.line(&[
            y.year.to_string(),
            whole(y.contributions),
            y.loans_made.to_string(),
            whole(y.disbursed),
            whole(y.repaid),
            whole(y.interest),
            whole(y.defaults),
            whole(y.cumulative_losses),
            whole(y.outstanding),
            whole(y.cash),
            format!("{:.2}", y.leverage),
        ]));
    }
    if let Some(last) = r.years.last() {
        out.push_str(&format!(
            "\n{} loans made, {} {c} lent on {} {c} of capital: leverage {:.2}; {} options not financed\n",
            r.loans.len(),
            whole(last.lent),
            whole(last.capital),
            last.leverage,
            r.not_financed
        ));
        out.push_str(&format!(
            "at the end: cash {} {c}, outstanding {} {c}, interest {} {c}, losses {} {c}\n",
            whole(last.cash),
            whole(last.outstanding),
            whole(last.cumulative_interest),
            whole(last.cumulative_losses)
        ));
        out.push_str(&format!(
            "saved over the years: {}\n",
            amounts_words(&last.cumulative_saved)
        ));
    }
    if let Some(k) = risk {
        out.push_str(&format!(
            "\nMonte Carlo, {} draws (seed {}): survival probability {:.1} % (cash never below zero, and cash + outstanding at the end at least {} % of the capital)\n",
            k.draws,
            k.seed,
            100.0 * k.survival,
            significant(100.0 * k.survival_share)
        ));
        let mut columns = vec![TextColumn::left(22)];
        columns.extend([TextColumn::right(14); 4]);
        let spreads = TextTable::new(columns);
        out.push_str(&spreads.line(&["", "mean", "P5", "P50", "P95"]));
        let rows: [(String, &Spread); 12] = [
            (format!("final capital, {c}"), &k.final_capital),
            (format!("losses, {c}"), &k.losses),
            (format!("written off, {c}"), &k.defaults),
            (format!("interest, {c}"), &k.interest),
            ("loans made".to_string(), &k.loans_made),
            (format!("lent, {c}"), &k.lent),
            ("leverage".to_string(), &k.leverage),
            ("water, m3".to_string(), &k.saved.water_m3),
            ("chemicals, t".to_string(), &k.saved.chemicals_t),
            ("energy, MWh".to_string(), &k.saved.energy_mwh),
            ("solid waste, t".to_string(), &k.saved.solid_waste_t),
            ("CO2, t".to_string(), &k.saved.co2_t),
        ];
        for (name, s) in rows {
            out.push_str(&spreads.line(&[
                name,
                significant(s.mean),
                significant(s.p5),
                significant(s.p50),
                significant(s.p95),
            ]));
        }
    }
    out
}
