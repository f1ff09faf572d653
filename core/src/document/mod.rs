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

mod finance;
mod load;
mod prices;
mod production;
mod schedule;
mod source;
mod version;

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use finance::{Finance, FinancingTerms, RateBasis};
pub(crate) use load::{from_text, from_value, typed_from_json};
pub use prices::{KNOWN_RESOURCES, KnownResource, Prices, known_resource};
pub use production::{AnnualOutput, Output, Production};
pub use schedule::{Rate, SECONDS_PER_YEAR, Schedule};
pub use source::SourceFormat;
pub use version::{CURRENT as CURRENT_FORMAT, FormatVersion, supported as supported_formats};

use crate::error::Result;
use crate::money::Currency;

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
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "crate::sectors::Templates")]
    pub template: Option<crate::sectors::Templates>,
    /// The material balance model of the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flowsheet: Option<crate::flowsheet::Flowsheet>,
    /// Cleaner-production options to appraise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<crate::options::CpOption>,
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

/// The sectors cleanprod has models for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Leather tanning and finishing.
    Tanning,
    /// Hotels and other accommodation.
    Hotel,
    /// Hospitals and clinics.
    Hospital,
    /// Batch and specialty chemicals.
    Chemicals,
    /// Automotive parts: plating, painting, machining.
    Automotive,
}

impl Sector {
    /// Every sector.
    pub const ALL: [Sector; 5] = [
        Sector::Tanning,
        Sector::Hotel,
        Sector::Hospital,
        Sector::Chemicals,
        Sector::Automotive,
    ];

    /// Snake-case key, as in documents.
    pub fn key(self) -> &'static str {
        match self {
            Sector::Tanning => "tanning",
            Sector::Hotel => "hotel",
            Sector::Hospital => "hospital",
            Sector::Chemicals => "chemicals",
            Sector::Automotive => "automotive",
        }
    }
}

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::str::FromStr for Sector {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Self> {
        Sector::ALL
            .into_iter()
            .find(|x| x.key() == s)
            .ok_or_else(|| crate::Error::UnknownVariant {
                path: "sector".to_string(),
                value: s.to_string(),
                expected: Sector::ALL.map(Sector::key).join(", "),
            })
    }
}

impl Document {
    /// Cross-field checks that the types alone cannot make: ranges, currencies, the kind of
    /// quantity each known resource is priced per.
    pub fn validate(&self) -> Result<()> {
        if self.site.name.trim().is_empty() {
            return Err(crate::Error::out_of_range(
                "site.name",
                &self.site.name,
                "must not be empty",
            ));
        }
        self.schedule.validate()?;
        self.production.validate()?;
        prices::validate(&self.prices, self.currency)?;
        self.finance.validate()?;
        crate::ghg::validate(&self.ghg)?;
        if let Some(f) = &self.flowsheet {
            f.validate(&self.schedule)?;
        }
        crate::options::validate(&*self.expanded()?)
    }

    /// The document with its sector template, if any, expanded into the flowsheet and the
    /// catalogue options it stands for (added after the document's own options); the document
    /// itself otherwise.
    pub fn expanded(&self) -> Result<std::borrow::Cow<'_, Document>> {
        let Some(t) = self.template.as_ref().and_then(|t| t.tanning.as_ref()) else {
            return Ok(std::borrow::Cow::Borrowed(self));
        };
        if self.flowsheet.is_some() {
            return Err(crate::Error::out_of_range(
                "flowsheet",
                "[flowsheet]",
                "is given with [template.tanning], which builds the flowsheet: give one or the other",
            ));
        }
        let (flowsheet, options) = crate::sectors::tanning::expand(self, t)?;
        let mut doc = self.clone();
        doc.flowsheet = Some(flowsheet);
        doc.options.extend(options);
        Ok(std::borrow::Cow::Owned(doc))
    }
}

/// Deserialize an optional field that may be absent but not `null`: a JSON `null` usually
/// comes from a NaN or an undefined value in the program that wrote the document, and must not
/// silently mean "not given".
pub(crate) fn present<'de, D, T>(deserializer: D) -> std::result::Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// The JSON Schema of the document format, generated from these types.
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document)).unwrap_or(serde_json::Value::Null)
}
