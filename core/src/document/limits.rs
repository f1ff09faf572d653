//! Limits for documents from untrusted sources (a web page's form, an upload): how large a
//! document may be before it is refused with [`Error::Limit`], rather than read at any cost.
//!
//! Every limit has a default far above any real plant (a tannery's flowsheet has tens of
//! streams, an assessment tens of options); a trusted document beyond them is read with
//! higher limits:
//!
//! ```
//! use cleanprod::document::Limits;
//! use cleanprod::{Assessment, SourceFormat};
//! # let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hotel.toml")).unwrap();
//! let tight = Limits { max_bytes: 100, ..Limits::default() };
//! let e = Assessment::parse_with(&text, SourceFormat::Toml, &tight).unwrap_err();
//! assert_eq!((e.code(), e.path()), ("limit_exceeded", ""));
//! assert!(Assessment::parse_with(&text, SourceFormat::Toml, &Limits::NATIVE).is_ok());
//! ```
//!
//! The WebAssembly build reads with [`Limits::WEB`] by default, the strictest: a page must
//! stay responsive whatever a visitor types. The solvers bound their own work whatever the
//! limits: the flowsheet's linear solves are direct, a scenario's recycle sweeps stop after
//! 10,000 sweeps, an IRR search after a fixed number of brackets and iterations, a budget
//! selection takes at most 20 options (2^20 subsets).

use serde_json::Value;

use super::Document;
use crate::error::{Error, Result};

/// Largest sizes of a document that is read: [`Limits::NATIVE`] by default, the stricter
/// [`Limits::WEB`] in the WebAssembly package; beyond one, [`Error::Limit`] names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Bytes of TOML or JSON text.
    pub max_bytes: usize,
    /// Nesting of arrays and tables in a document given as a value (a Python dict, a JS
    /// object); the TOML and JSON readers refuse deeper text themselves.
    pub max_depth: usize,
    /// Prices in `[prices]`.
    pub max_prices: usize,
    /// Streams of the flowsheet.
    pub max_streams: usize,
    /// Nodes of the flowsheet.
    pub max_nodes: usize,
    /// Components of the flowsheet.
    pub max_components: usize,
    /// Options, the document's and a template's together.
    pub max_options: usize,
    /// Inputs of `[uncertainty]`.
    pub max_uncertain_inputs: usize,
    /// Draws of one simulation (`uncertainty.draws`, and the draws a simulation is asked for).
    pub max_draws: u32,
}

impl Limits {
    /// The defaults of native builds (Rust, Python, the CLI).
    pub const NATIVE: Limits = Limits {
        max_bytes: 64 << 20,
        max_depth: 64,
        max_prices: 10_000,
        max_streams: 100_000,
        max_nodes: 100_000,
        max_components: 1_000,
        max_options: 10_000,
        max_uncertain_inputs: 1_000,
        max_draws: 10_000_000,
    };

    /// The defaults of the WebAssembly build, for documents typed into web pages.
    pub const WEB: Limits = Limits {
        max_bytes: 4 << 20,
        max_depth: 32,
        max_prices: 1_000,
        max_streams: 5_000,
        max_nodes: 5_000,
        max_components: 100,
        max_options: 500,
        max_uncertain_inputs: 100,
        max_draws: 100_000,
    };

    /// These limits with the fields of `changes` (a JSON object such as `{"max_streams":
    /// 200000}`), as the Python surface passes them: a user raises (or lowers) the limits a
    /// trusted document needs; an unknown field or a value that is not a count is an error
    /// naming it.
    ///
    /// ```
    /// use cleanprod::document::Limits;
    /// let raised = Limits::NATIVE.with_json(serde_json::json!({"max_streams": 200_000})).unwrap();
    /// assert_eq!((raised.max_streams, raised.max_prices), (200_000, Limits::NATIVE.max_prices));
    /// let e = Limits::NATIVE.with_json(serde_json::json!({"max_speed": 1})).unwrap_err();
    /// assert_eq!(e.path(), "max_speed");
    /// ```
    pub fn with_json(self, changes: serde_json::Value) -> Result<Limits> {
        let serde_json::Value::Object(changes) = changes else {
            return Err(Error::InvalidType {
                path: String::new(),
                message: "limits are an object of counts, such as {\"max_streams\": 200000}"
                    .to_string(),
            });
        };
        let mut fields = match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(m)) => m,
            _ => serde_json::Map::new(),
        };
        fields.extend(changes);
        crate::wire::typed(&serde_json::Value::Object(fields))
    }

    /// The limits of the build: [`Limits::WEB`] in WebAssembly, [`Limits::NATIVE`] elsewhere.
    pub const fn of_build() -> Limits {
        if cfg!(target_family = "wasm") {
            Limits::WEB
        } else {
            Limits::NATIVE
        }
    }

    fn over(path: &str, count: usize, limit: &'static str, max: usize) -> Result<()> {
        if count > max {
            Err(Error::Limit {
                path: path.to_string(),
                value: count.to_string(),
                limit,
                max,
            })
        } else {
            Ok(())
        }
    }

    /// The text's size.
    pub(crate) fn check_text(&self, text: &str) -> Result<()> {
        Limits::over("", text.len(), "max_bytes", self.max_bytes)
    }

    /// The nesting of a generic value, counted without recursion.
    pub(crate) fn check_value(&self, value: &Value) -> Result<()> {
        let mut stack = vec![(value, 1usize)];
        while let Some((v, depth)) = stack.pop() {
            let children: Box<dyn Iterator<Item = &Value>> = match v {
                Value::Array(items) => Box::new(items.iter()),
                Value::Object(map) => Box::new(map.values()),
                _ => continue,
            };
            Limits::over("", depth, "max_depth", self.max_depth)?;
            stack.extend(children.map(|c| (c, depth + 1)));
        }
        Ok(())
    }

    /// The counts of a generic value, before it is typed: a document with a million prices is
    /// refused without reading each price's unit (the typed document is checked again by
    /// [`Limits::check_document`]).
    pub(crate) fn check_counts(&self, value: &Value) -> Result<()> {
        let len = |path: &[&str]| -> usize {
            let mut v = value;
            for key in path {
                match v.get(key) {
                    Some(next) => v = next,
                    None => return 0,
                }
            }
            match v {
                Value::Array(items) => items.len(),
                Value::Object(map) => map.len(),
                _ => 0,
            }
        };
        Limits::over("prices", len(&["prices"]), "max_prices", self.max_prices)?;
        for (key, limit, max) in [
            ("streams", "max_streams", self.max_streams),
            ("nodes", "max_nodes", self.max_nodes),
            ("components", "max_components", self.max_components),
        ] {
            Limits::over(
                &format!("flowsheet.{key}"),
                len(&["flowsheet", key]),
                limit,
                max,
            )?;
        }
        Limits::over(
            "options",
            len(&["options"]),
            "max_options",
            self.max_options,
        )?;
        Limits::over(
            "uncertainty.inputs",
            len(&["uncertainty", "inputs"]),
            "max_uncertain_inputs",
            self.max_uncertain_inputs,
        )
    }

    /// The counts of a typed document.
    pub(crate) fn check_document(&self, d: &Document) -> Result<()> {
        Limits::over("prices", d.prices.len(), "max_prices", self.max_prices)?;
        if let Some(f) = &d.flowsheet {
            Limits::over(
                "flowsheet.streams",
                f.streams.len(),
                "max_streams",
                self.max_streams,
            )?;
            Limits::over(
                "flowsheet.nodes",
                f.nodes.len(),
                "max_nodes",
                self.max_nodes,
            )?;
            Limits::over(
                "flowsheet.components",
                f.components.len(),
                "max_components",
                self.max_components,
            )?;
        }
        Limits::over("options", d.options.len(), "max_options", self.max_options)?;
        if let Some(u) = &d.uncertainty {
            Limits::over(
                "uncertainty.inputs",
                u.inputs.len(),
                "max_uncertain_inputs",
                self.max_uncertain_inputs,
            )?;
            if let Some(draws) = u.draws {
                self.check_draws("uncertainty.draws", draws)?;
            }
        }
        Ok(())
    }

    /// The options after a template added its own.
    pub(crate) fn check_options(&self, count: usize) -> Result<()> {
        Limits::over("options", count, "max_options", self.max_options)
    }

    /// A number of draws.
    pub fn check_draws(&self, path: &str, draws: u32) -> Result<()> {
        Limits::over(path, draws as usize, "max_draws", self.max_draws as usize)
    }
}

impl Default for Limits {
    /// [`Limits::of_build`].
    fn default() -> Limits {
        Limits::of_build()
    }
}
