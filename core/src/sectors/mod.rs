//! Sector models: a baseline built from a few figures, a catalogue of options with their
//! engineering models, and benchmarks against published ranges.
//!
//! A document selects a model with a `[template.<sector>]` section instead of writing its
//! `[flowsheet]` by hand; the engine expands it into a flowsheet and options before balancing
//! and appraising.
//!
//! Each sector is one folder (its template, baseline, catalogue, benchmarks, report and
//! references) behind the [`SectorModel`] trait, and one line of the registry below, which
//! generates the [`Sector`] enum, the `[template]` enum ([`Template`]), the benchmarks enum
//! ([`Benchmarks`], tagged by sector) and the dispatch between them. Adding a sector model is
//! that folder and that line; nothing above this layer names a sector.

#[cfg(feature = "automotive")]
pub mod automotive;
#[cfg(feature = "chemicals")]
pub mod chemicals;
#[cfg(test)]
mod demo;
pub mod equipment;
mod fields;
#[cfg(feature = "hospital")]
pub mod hospital;
#[cfg(feature = "hotel")]
pub mod hotel;
pub mod indicators;
#[cfg(feature = "tanning")]
pub mod tanning;

use std::fmt;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::flowsheet::Flowsheet;
use crate::options::{CpOption, Flows};
use crate::sections::Context;

/// A sector model: typed figures of a site in, baseline flowsheet and catalogue options out,
/// and benchmarks of the result.
///
/// ```
/// use cleanprod::sectors::{SectorModel, Sector, tanning::Tanning};
/// assert_eq!(Tanning::SECTOR, Sector::Tanning);
/// ```
pub trait SectorModel {
    /// The sector the model belongs to.
    const SECTOR: Sector;

    /// A commented starting document of the sector (TOML), to copy and fill with a site's own
    /// figures: the repository's example of the sector. `None` for a model without one.
    const STARTING_DOCUMENT: Option<&'static str>;
    /// The figures of `[template.<sector>]`.
    type Template: fmt::Debug + Clone + PartialEq + Serialize + DeserializeOwned + JsonSchema;
    /// The sector's indicators before and after the options, with warnings.
    type Benchmarks: fmt::Debug + Clone + PartialEq + Serialize + JsonSchema;

    /// The flowsheet and catalogue options `template` stands for (the template is checked
    /// first; errors name its fields under `template.<sector>`). The flowsheet is validated
    /// ([`Flowsheet::validate`]) under `ctx.schedule`: an assessment balances it without
    /// validating it again.
    fn expand(ctx: &Context<'_>, template: &Self::Template) -> Result<Expansion>;

    /// The indicators of the expanded model, before and after its options.
    fn benchmarks(
        ctx: &Context<'_>,
        template: &Self::Template,
        flows: &Flows<'_>,
    ) -> Result<Self::Benchmarks>;

    /// Warnings about defaulted or unusual figures, each naming its field, range and source.
    fn warnings(benchmarks: &Self::Benchmarks) -> &[String];

    /// The indicators before and after the options, against their published ranges (what
    /// the benchmark chart draws).
    fn indicators(benchmarks: &Self::Benchmarks) -> &[indicators::Indicator];

    /// The benchmarks as plain text for a terminal.
    fn text(benchmarks: &Self::Benchmarks) -> String;

    /// The benchmarks as Markdown (the text in a fenced block unless the sector says better).
    fn markdown(benchmarks: &Self::Benchmarks) -> String {
        format!("```text\n{}```\n", Self::text(benchmarks))
    }
}

/// What a template stands for: the flowsheet and the catalogue options chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Expansion {
    /// The baseline flowsheet, closing by construction.
    pub flowsheet: Flowsheet,
    /// The catalogue options the template asks for, as ordinary options.
    pub options: Vec<CpOption>,
}

/// Generates [`Sector`], [`Template`], [`Benchmarks`] and their dispatch from one list: each
/// sector with its key, and `=> model` when it has a sector model.
macro_rules! registry {
    (@has $model:ty) => { true };
    (@has) => { false };
    (@starter $model:ty) => { <$model as SectorModel>::STARTING_DOCUMENT };
    (@starter) => { None };
    // Entries are first rewritten one by one into a uniform form (a `cfg` on each, `all()`
    // when none), then generated.
    (@munch [$($done:tt)*]) => { registry!(@generate $($done)*); };
    (@munch [$($done:tt)*] $(#[doc = $doc:literal])* #[cfg($cfg:meta)] $variant:ident = $key:literal $(=> $model:ty)? ; $($rest:tt)*) => {
        registry!(@munch [$($done)* { [$($doc),*] [$cfg] $variant $key [$($model)?] }] $($rest)*);
    };
    (@munch [$($done:tt)*] $(#[doc = $doc:literal])* $variant:ident = $key:literal $(=> $model:ty)? ; $($rest:tt)*) => {
        registry!(@munch [$($done)* { [$($doc),*] [all()] $variant $key [$($model)?] }] $($rest)*);
    };
    (@generate $( { [$($doc:literal),*] [$cfg:meta] $variant:ident $key:literal [$($model:ty)?] } )*) => {
        /// The sectors of cleaner-production assessments.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum Sector {
            $( $(#[doc = $doc])* #[cfg($cfg)] $variant, )*
        }

        impl Sector {
            /// Every sector.
            pub const ALL: &'static [Sector] = &[$( #[cfg($cfg)] Sector::$variant, )*];

            /// Snake-case key, as in documents.
            pub fn key(self) -> &'static str {
                match self {
                    $( #[cfg($cfg)] Sector::$variant => $key, )*
                }
            }

            /// Whether the sector has a model (`[template.<key>]`).
            pub fn has_model(self) -> bool {
                match self {
                    $( #[cfg($cfg)] Sector::$variant => registry!(@has $($model)?), )*
                }
            }

            /// The sector model's starting document ([`SectorModel::STARTING_DOCUMENT`]).
            pub fn starting_document(self) -> Option<&'static str> {
                match self {
                    $( #[cfg($cfg)] Sector::$variant => registry!(@starter $($model)?), )*
                }
            }
        }

        /// The `[template]` section: the one sector model standing for the flowsheet
        /// (`[template.tanning]`).
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum Template {
            $( $(
                #[doc = concat!("`[template.", $key, "]`: the ", $key, " model's figures.")]
                #[cfg($cfg)]
                $variant(Box<<$model as SectorModel>::Template>),
            )? )*
        }

        impl Template {
            /// The sector of the model.
            pub fn sector(&self) -> Sector {
                match self {
                    $( $( #[cfg($cfg)] Template::$variant(_) => <$model as SectorModel>::SECTOR, )? )*
                }
            }

            /// The flowsheet and options the template stands for.
            pub fn expand(&self, ctx: &Context<'_>) -> Result<Expansion> {
                match self {
                    $( $( #[cfg($cfg)] Template::$variant(t) => <$model as SectorModel>::expand(ctx, t), )? )*
                }
            }

            /// The sector's benchmarks of the expanded model's `flows`.
            pub fn benchmarks(&self, ctx: &Context<'_>, flows: &Flows<'_>) -> Result<Benchmarks> {
                match self {
                    $( $( #[cfg($cfg)] Template::$variant(t) => Ok(Benchmarks::$variant(
                        <$model as SectorModel>::benchmarks(ctx, t, flows)?,
                    )), )? )*
                }
            }
        }

        /// A sector model's benchmarks, tagged by its sector (`"sector": "tanning"`).
        #[derive(Debug, Clone, PartialEq, Serialize)]
        #[serde(tag = "sector", rename_all = "snake_case")]
        pub enum Benchmarks {
            $( $(
                #[doc = concat!("The ", $key, " model's benchmarks.")]
                #[cfg($cfg)]
                $variant(<$model as SectorModel>::Benchmarks),
            )? )*
        }

        impl JsonSchema for Benchmarks {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                "Benchmarks".into()
            }

            /// One alternative per sector: its benchmarks and the `sector` tag (written as
            /// `allOf`, which schema-to-type generators read as an intersection).
            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let mut alternatives: Vec<schemars::Schema> = Vec::new();
                $( $(
                    #[cfg($cfg)]
                    alternatives.push(schemars::json_schema!({
                        "allOf": [generator.subschema_for::<<$model as SectorModel>::Benchmarks>(), {
                            "type": "object",
                            "properties": { "sector": { "type": "string", "const": $key } },
                            "required": ["sector"]
                        }]
                    }));
                )? )*
                schemars::json_schema!({
                    "description": "A sector model's benchmarks, tagged by its sector (`\"sector\": \"tanning\"`).",
                    "oneOf": alternatives
                })
            }
        }

        impl Benchmarks {
            /// The sector.
            pub fn sector(&self) -> Sector {
                match self {
                    $( $( #[cfg($cfg)] Benchmarks::$variant(_) => <$model as SectorModel>::SECTOR, )? )*
                }
            }

            /// Warnings about defaulted or unusual figures.
            pub fn warnings(&self) -> &[String] {
                match self {
                    $( $( #[cfg($cfg)] Benchmarks::$variant(b) => <$model as SectorModel>::warnings(b), )? )*
                }
            }

            /// The indicators before and after the options against their published ranges.
            pub fn indicators(&self) -> &[indicators::Indicator] {
                match self {
                    $( $( #[cfg($cfg)] Benchmarks::$variant(b) => <$model as SectorModel>::indicators(b), )? )*
                }
            }

            /// Plain text for a terminal.
            pub fn text(&self) -> String {
                match self {
                    $( $( #[cfg($cfg)] Benchmarks::$variant(b) => <$model as SectorModel>::text(b), )? )*
                }
            }

            /// Markdown.
            pub fn markdown(&self) -> String {
                match self {
                    $( $( #[cfg($cfg)] Benchmarks::$variant(b) => <$model as SectorModel>::markdown(b), )? )*
                }
            }
        }
    };
    ($($entries:tt)*) => { registry!(@munch [] $($entries)*); };
}

registry! {
    /// Leather tanning and finishing.
    #[cfg(feature = "tanning")]
    Tanning = "tanning" => tanning::Tanning;
    /// Hotels and other accommodation.
    #[cfg(feature = "hotel")]
    Hotel = "hotel" => hotel::Hotel;
    /// Hospitals and clinics.
    #[cfg(feature = "hospital")]
    Hospital = "hospital" => hospital::Hospital;
    /// Batch and specialty chemicals.
    #[cfg(feature = "chemicals")]
    Chemicals = "chemicals" => chemicals::Chemicals;
    /// Automotive parts: plating, painting, machining.
    #[cfg(feature = "automotive")]
    Automotive = "automotive" => automotive::Automotive;
    /// A laundry, in test builds only: shows that a sector is one folder and this one line.
    #[cfg(test)]
    Demo = "demo" => demo::Demo;
}

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::str::FromStr for Sector {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        Sector::ALL
            .iter()
            .copied()
            .find(|x| x.key() == s)
            .ok_or_else(|| Error::UnknownVariant {
                path: "sector".to_string(),
                value: s.to_string(),
                expected: Sector::ALL
                    .iter()
                    .map(|x| x.key())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

/// The JSON Schema of [`Benchmarks`].
pub fn benchmarks_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Benchmarks)).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_models_are_known() {
        for s in Sector::ALL {
            assert_eq!(s.key().parse::<Sector>().ok(), Some(*s));
            assert_eq!(serde_json::to_value(s).ok(), Some(s.key().into()));
        }
        assert!(Sector::Tanning.has_model());
        assert!(Sector::Hotel.has_model());
        assert!(Sector::Chemicals.has_model());
        assert_eq!(
            "laundry".parse::<Sector>().unwrap_err().code(),
            "unknown_variant"
        );
    }
}
