//! The assessment document: a versioned format read from TOML or JSON.
//!
//! Every physical value is a string with its unit, checked for dimension; every field is known
//! (`deny_unknown_fields`), so a misspelt field is an error rather than a silently ignored
//! figure. A JSON Schema generated from these types is available from [`schema`].
//!
//! ```
//! use cleanprod::Assessment;
//! let doc = r#"
//! format = "cleanprod/1"
//! currency = "USD"
//! [site]
//! name = "Hotel Mirador"
//! sector = "hotel"
//! [schedule]
//! days_per_year = 365
//! hours_per_day = "24 h"
//! [production]
//! product = "guest-night"
//! output = "41000 /yr"
//! [prices]
//! water = "0.85 USD/kg"
//! [finance]
//! discount_rate = "10 %"
//! horizon = "10 yr"
//! "#;
//! let err = Assessment::from_toml_str(doc).unwrap_err();
//! assert_eq!(err.path(), "prices.water");
//! assert_eq!(err.code(), "price_dimension");
//! assert!(err.to_string().contains("per volume"));
//! ```

mod limits;
mod load;
mod migrate;
pub(crate) mod paths;
mod rewrite;
mod version;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub(crate) use load::{from_text_with, from_value_with};
pub use migrate::supported as supported_formats;
pub use version::{CURRENT as CURRENT_FORMAT, FormatVersion};

pub use crate::error::SourceFormat;
pub use crate::sections::{
    AnnualOutput, Context, Finance, FinancingTerms, KNOWN_RESOURCES, KnownResource, Output, Prices,
    Production, RateBasis, known_resource,
};
pub use crate::sectors::{Expansion, Sector, Template};
pub use crate::units::{Rate, SECONDS_PER_YEAR, Schedule};
pub use limits::Limits;
pub use rewrite::to_current_form;

use crate::error::{Error, Result};
use crate::flowsheet::Flowsheet;
use crate::options::CpOption;
use crate::units::money::Currency;

/// A cleaner-production assessment document, format `cleanprod/1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cleanprod assessment document")]
pub struct Document {
    /// Format version: `"cleanprod/1"`.
    pub format: FormatVersion,
    /// ISO 4217 code of the currency of every price and result, e.g. `"USD"`.
    pub currency: Currency,
    /// The site assessed.
    pub site: Site,
    /// When the site operates; annualizes rates given per day or per hour.
    pub schedule: Schedule,
    /// What the site produces; the denominator of specific indicators.
    pub production: Production,
    /// Prices by resource, e.g. `water = "0.85 USD/m3"`, `electricity = "0.12 USD/kWh"`.
    #[serde(default, skip_serializing_if = "Prices::is_empty")]
    pub prices: Prices,
    /// How options are appraised.
    pub finance: Finance,
    /// CO2 emission factors by energy carrier, e.g. `electricity = "0.42 kg/kWh"` (the grid's;
    /// cite its source). Fuels burnt on site default to the IPCC 2006 factors.
    #[serde(default, skip_serializing_if = "crate::ghg::Factors::is_empty")]
    pub ghg: crate::ghg::Factors,
    /// A sector model standing for the flowsheet (`[template.tanning]`): the engine builds
    /// the flowsheet and the catalogue's options from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Template>,
    /// The material balance model of the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flowsheet: Option<Flowsheet>,
    /// Cleaner-production options to appraise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<CpOption>,
    /// Distributions of uncertain inputs, for a risk simulation ([`crate::uncertainty`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<crate::sections::uncertainty::Uncertainty>,
    /// How the reports of the document are written (`[report]`: `lang = "es"`).
    #[serde(
        default,
        skip_serializing_if = "crate::sections::ReportSettings::is_empty"
    )]
    pub report: crate::sections::ReportSettings,
}

/// The site assessed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Name of the site or firm.
    pub name: String,
    /// The sector, which selects the catalogue of options and benchmarks.
    pub sector: Sector,
    /// Where it is: town, region, country.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// Free notes: what the site makes, who was met, the scope of the assessment.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

impl Document {
    /// The sections options and sector models read, borrowed.
    pub fn context(&self) -> Context<'_> {
        Context {
            currency: self.currency,
            schedule: &self.schedule,
            production: &self.production,
            prices: &self.prices,
            finance: &self.finance,
            ghg: &self.ghg,
        }
    }

    /// Checks of each section and of the flowsheet the document writes by hand; the template
    /// and the options are checked once expanded ([`Document::expand`],
    /// [`crate::Assessment`]).
    pub fn validate_sections(&self) -> Result<()> {
        if self.site.name.trim().is_empty() {
            return Err(Error::out_of_range(
                "site.name",
                &self.site.name,
                "must not be empty",
            ));
        }
        self.schedule.validate()?;
        self.production.validate()?;
        crate::sections::validate_prices(&self.prices, self.currency)?;
        self.finance.validate()?;
        crate::ghg::validate(&self.ghg)?;
        if let Some(f) = &self.flowsheet {
            f.validate(&self.schedule)?;
        }
        Ok(())
    }

    /// What the sector template stands for (none without a template): its flowsheet and
    /// catalogue options. A template for another sector than `site.sector`, or given together
    /// with a `[flowsheet]`, is an error.
    pub fn expand(&self) -> Result<Option<Expansion>> {
        let Some(t) = &self.template else {
            return Ok(None);
        };
        if t.sector() != self.site.sector {
            return Err(Error::out_of_range(
                "site.sector",
                self.site.sector.key(),
                format!(
                    "does not match [template.{0}]: the template models the {0} sector",
                    t.sector().key()
                ),
            ));
        }
        if self.flowsheet.is_some() {
            return Err(Error::out_of_range(
                "flowsheet",
                "[flowsheet]",
                format!(
                    "is given with [template.{}], which builds the flowsheet: give one or the other",
                    t.sector().key()
                ),
            ));
        }
        t.expand(&self.context()).map(Some)
    }
}

/// A commented starting document for `sector` (TOML): the repository's example of the sector,
/// to copy and fill with the site's own figures (the CLI's `cleanprod new SECTOR`); none for a
/// sector without an example.
///
/// ```
/// use cleanprod::{Assessment, document::{Sector, starting_document}};
/// let text = starting_document(Sector::Hotel).unwrap();
/// assert!(text.contains("[template.hotel]"));
/// assert!(Assessment::from_toml_str(text).is_ok());
/// ```
pub fn starting_document(sector: Sector) -> Option<&'static str> {
    sector.starting_document()
}

/// The JSON Schema of the document format, generated from these types. Optional fields may be
/// absent, never `null`.
pub fn schema() -> serde_json::Value {
    crate::wire::input_schema::<Document>()
}
