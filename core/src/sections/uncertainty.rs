//! The `[uncertainty]` section: a distribution on any numeric input of the document, named by
//! its path as errors name it, and rank correlations between them.
//!
//! ```toml
//! [uncertainty]
//! draws = 10000
//! seed = 7
//! method = "lhs"
//!
//! [[uncertainty.inputs]]
//! path = "prices.water"
//! distribution = "triangular"
//! min = "25 MXN/m3"
//! mode = "32 MXN/m3"
//! max = "45 MXN/m3"
//!
//! [[uncertainty.inputs]]
//! path = "options[0].capex"
//! spread = "± 20 %"
//!
//! [[uncertainty.correlations]]
//! inputs = ["prices.water", "prices.wastewater"]
//! rank = 0.8
//! ```
//!
//! The values of a distribution are written in one unit, which the field's own parser reads: a
//! water price takes a price per volume, a capex an amount of the document's currency. The
//! engine that samples and propagates them is [`crate::uncertainty`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The largest seed: 2^53 − 1, so that a seed survives a trip through JavaScript's numbers.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// How draws are spread over the inputs' ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Latin hypercube: each input's range cut into as many strata of equal probability as
    /// there are draws, one draw in each.
    #[default]
    Lhs,
    /// Simple Monte Carlo: independent draws.
    Mc,
}

impl Method {
    /// The name as written in documents: `lhs` or `mc`.
    pub fn key(self) -> &'static str {
        match self {
            Method::Lhs => "lhs",
            Method::Mc => "mc",
        }
    }
}

impl std::str::FromStr for Method {
    type Err = crate::error::Error;

    fn from_str(s: &str) -> crate::error::Result<Method> {
        match s {
            "lhs" => Ok(Method::Lhs),
            "mc" => Ok(Method::Mc),
            _ => Err(crate::error::Error::UnknownVariant {
                path: "method".to_string(),
                value: s.to_string(),
                expected: "`lhs`, `mc`".to_string(),
            }),
        }
    }
}

/// The `[uncertainty]` section.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Uncertainty {
    /// Sampling method when a simulation does not say: `lhs` (default) or `mc`.
    #[serde(default)]
    pub method: Method,
    /// Number of draws when a simulation does not say (10,000 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draws: Option<u32>,
    /// Seed when a simulation does not say (0 when absent); at most 2^53 − 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// Also sample every measured flow and energy amount of the flowsheet that states a
    /// standard uncertainty (`"120 m3/d ± 5 %"`), from a normal distribution of that standard
    /// deviation truncated at zero.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub measured: bool,
    /// The uncertain inputs, each by its path.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<UncertainInput>,
    /// Rank (Spearman) correlations between inputs, induced by the Iman–Conover method.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correlations: Vec<RankCorrelation>,
}

/// A distribution's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// Every value from `min` to `max` equally likely.
    Uniform,
    /// `min`, `mode`, `max`: a triangle.
    Triangular,
    /// `min`, `mode`, `max`: a beta distribution with the PERT weights (mean (min + 4 mode +
    /// max) / 6).
    Pert,
    /// `mean`, `sd`, optionally truncated to [`min`, `max`].
    Normal,
    /// `mean`, `sd` of the value itself (not of its logarithm), optionally truncated.
    Lognormal,
    /// One of `values`, with `weights` (equal when absent).
    Discrete,
}

impl Shape {
    /// The name as written in documents.
    pub fn key(self) -> &'static str {
        match self {
            Shape::Uniform => "uniform",
            Shape::Triangular => "triangular",
            Shape::Pert => "pert",
            Shape::Normal => "normal",
            Shape::Lognormal => "lognormal",
            Shape::Discrete => "discrete",
        }
    }
}

/// One uncertain input: a path and its distribution.
///
/// Either the shape's own values (`min`/`mode`/`max`, `mean`/`sd`, `values`) or `spread`, a
/// share of the value the document writes: `spread = "± 20 %"` is uniform from 80 % to 120 %
/// of it; with `distribution = "triangular"` or `"pert"` the value is the mode; with
/// `"normal"` the spread is one standard deviation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UncertainInput {
    /// The field, as errors name it: `"prices.water"`, `"options[2].capex"`,
    /// `"template.tanning.chrome_exhaustion"`, `"flowsheet.streams[soak_in].flows.water"`.
    pub path: String,
    /// The shape (uniform when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<Shape>,
    /// Lower bound (uniform, triangular, PERT) or truncation (normal, lognormal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    /// Most likely value (triangular, PERT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// Upper bound (uniform, triangular, PERT) or truncation (normal, lognormal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    /// Mean (normal, lognormal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<String>,
    /// Standard deviation (normal, lognormal), in the unit of `mean` or as a share (`"10 %"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sd: Option<String>,
    /// The values of a discrete distribution.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Their relative weights (equal when absent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weights: Vec<f64>,
    /// `"± x %"` of the value the document writes, instead of the shape's own values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spread: Option<String>,
}

/// A rank correlation between two inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankCorrelation {
    /// The two inputs' paths.
    pub inputs: [String; 2],
    /// Spearman's rank correlation wanted between them, from −1 to 1 (exclusive).
    pub rank: f64,
}
