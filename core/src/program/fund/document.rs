//! A fund written as a document (TOML or JSON): the fund's fields, and its pipeline as
//! candidates, as the options of assessment documents, or both (the candidates first).
//!
//! ```toml
//! currency = "MXN"
//! years = 10
//! assessments = ["tannery.toml", "automotive.toml"]  # read by the caller
//! order = "npv"                                      # best NPV first (or "given")
//!
//! [[contributions]]
//! year = 0
//! amount = 1500000
//!
//! [rules]
//! share = 0.9
//! rate = 0.12
//! tenor_years = 4
//!
//! [risk]
//! savings = { distribution = "pert", min = 0.4, mode = 0.9, max = 1.1 }
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Candidate, Contribution, Fund, LoanRules, Risk};
use crate::document::SourceFormat;
use crate::error::{Error, Result};
use crate::program::{self, Settings, Source};

/// The order in which the fund lends to the options of its assessments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Order {
    /// Highest net present value first.
    #[default]
    Npv,
    /// As the assessments list them, each document's options in its order.
    Given,
}

/// A fund as a document (TOML or JSON): the fund's fields, and its pipeline as candidates, as
/// the options of assessment documents, or both (the candidates first); the repository's
/// `examples/funds` holds one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundDocument {
    /// Currency of every amount.
    pub currency: String,
    /// Years simulated (1 to 100).
    pub years: u32,
    /// Money put in; the contributions of year 0 are the starting capital.
    pub contributions: Vec<Contribution>,
    /// The loan rules.
    pub rules: LoanRules,
    /// Options to finance, given directly; lent to before those of the assessments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pipeline: Vec<Candidate>,
    /// Assessment documents (files, or folders of them) whose options in the fund's currency
    /// that need an investment become candidates; the caller reads them, relative to the
    /// fund document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<String>,
    /// The order of the assessments' options (best NPV first when absent).
    #[serde(default)]
    pub order: Order,
    /// What the Monte Carlo simulation draws, and when the fund survives.
    #[serde(default)]
    pub risk: Risk,
}

impl FundDocument {
    /// Read a fund document; errors name the field.
    pub fn parse(text: &str, format: SourceFormat) -> Result<FundDocument> {
        crate::wire::typed(&crate::wire::value_from_text(text, format)?)
    }

    /// A fund document from its JSON form; errors name the field.
    pub fn from_json_value(value: serde_json::Value) -> Result<FundDocument> {
        crate::wire::typed(&value)
    }

    /// The fund, its pipeline completed with the options of `sources` (the documents that
    /// `assessments` names, read by the caller), evaluated in parallel under `settings`. A
    /// document that cannot be evaluated is an error at `assessments`, naming it.
    pub fn fund(&self, sources: &[Source], settings: &Settings) -> Result<Fund> {
        let p = program::evaluate(sources, settings);
        if let Some(f) = p.failures.first() {
            return Err(Error::out_of_range(
                "assessments",
                &f.document,
                format!("could not be evaluated: {} [{}]", f.message, f.code),
            ));
        }
        let mut rows = p.options;
        if self.order == Order::Npv {
            // Stable: options of equal NPV keep the documents' order.
            rows.sort_by(|a, b| b.npv.total_cmp(&a.npv));
        }
        let mut pipeline = self.pipeline.clone();
        pipeline.extend(Candidate::from_rows(&rows, &self.currency));
        let fund = Fund {
            currency: self.currency.clone(),
            years: self.years,
            contributions: self.contributions.clone(),
            rules: self.rules.clone(),
            pipeline,
            risk: self.risk.clone(),
        };
        fund.validate()?;
        Ok(fund)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"
currency = "USD"
years = 3
[[contributions]]
year = 0
amount = 1000
[rules]
share = 1
rate = 0.1
tenor_years = 2
[[pipeline]]
document = "a"
option = "a"
capex = 1000
annual_saving = 700
"#;

    #[test]
    fn a_document_gives_the_fund_and_errors_name_the_field() {
        let d = FundDocument::parse(DOC, SourceFormat::Toml).unwrap();
        let f = d.fund(&[], &Settings::default()).unwrap();
        assert_eq!(f.pipeline.len(), 1);
        assert_eq!(f.risk, Risk::default());
        let bad = DOC.replace("share = 1", "share = \"all\"");
        let e = FundDocument::parse(&bad, SourceFormat::Toml).unwrap_err();
        assert_eq!(e.path(), "rules.share");
        let bad = DOC.replace("tenor_years = 2", "tenor_years = 2\nspeed = 3");
        let e = FundDocument::parse(&bad, SourceFormat::Toml).unwrap_err();
        assert_eq!(e.path(), "rules.speed");
        let d = FundDocument::parse(&DOC.replace("years = 3", "years = 0"), SourceFormat::Toml)
            .unwrap();
        assert_eq!(
            d.fund(&[], &Settings::default()).unwrap_err().path(),
            "years"
        );
        let broken = Source::toml("broken.toml", "[flowsheet");
        let e = d.fund(&[broken], &Settings::default()).unwrap_err();
        assert_eq!((e.path(), e.value()), ("assessments", Some("broken.toml")));
    }
}
