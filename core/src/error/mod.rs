//! The one error type of the engine.
//!
//! Every variant names the field path (`prices.water`, `schedule.hours_per_day`; empty for
//! the whole document) and, where there is one, the offending value as written. Each has a
//! stable machine-readable [`Error::code`] and a [`Category`] that the Python and JS bindings
//! map to exception classes.

use std::fmt;

mod source;
mod unit;

pub use source::SourceFormat;
pub use unit::UnitProblem;

use crate::dimension::Dimension;

/// Result with the engine's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong, with where and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text is not valid TOML or JSON.
    #[error("document is not valid {format} (line {line}, column {column}): {message}")]
    Syntax {
        /// The format being read.
        format: SourceFormat,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// A field that the format does not have (often a misspelling).
    #[error("{}: unknown field `{field}`{expected}", at(path))]
    UnknownField {
        /// Path of the unknown field.
        path: String,
        /// The field name.
        field: String,
        /// The accepted names, empty or starting with `; expected `.
        expected: String,
    },
    /// A required field is absent.
    #[error("{}: required field is missing", at(path))]
    MissingField {
        /// Path of the missing field.
        path: String,
    },
    /// A value of the wrong type (a number where a string is expected, ...).
    #[error("{}: {message}", at(path))]
    InvalidType {
        /// Path of the value.
        path: String,
        /// What was found and what was expected.
        message: String,
    },
    /// A name that is not one of the accepted choices.
    #[error("{}: unknown choice `{value}`; expected one of {expected}", at(path))]
    UnknownVariant {
        /// Path of the value.
        path: String,
        /// The value as written.
        value: String,
        /// The accepted choices.
        expected: String,
    },
    /// A physical value whose number or unit is not accepted.
    #[error("{}: \"{value}\": {problem}", at(path))]
    Unit {
        /// Path of the value.
        path: String,
        /// The value as written.
        value: String,
        /// What is wrong with it.
        problem: UnitProblem,
    },
    /// A price per the wrong kind of quantity for its resource (water priced per kg).
    #[error(
        "{}: \"{value}\" is a price per {found}, but {resource} is priced per {}, such as \"{example}\"",
        at(path),
        names(accepted)
    )]
    PriceDimension {
        /// Path of the price.
        path: String,
        /// The price as written.
        value: String,
        /// The resource priced.
        resource: String,
        /// What the price is per.
        found: Dimension,
        /// What the resource may be priced per.
        accepted: &'static [Dimension],
        /// A valid price of the resource.
        example: &'static str,
    },
    /// A price or amount in another currency than the document's.
    #[error(
        "{}: \"{value}\" is in {found}, but the document's currency is {expected}; convert it first",
        at(path)
    )]
    Currency {
        /// Path of the value.
        path: String,
        /// The value as written.
        value: String,
        /// The currency of the value.
        found: String,
        /// The document's currency.
        expected: String,
    },
    /// An id that names nothing (a stream from a node that does not exist).
    #[error("{}: `{value}` is not {expected}", at(path))]
    UnknownReference {
        /// Path of the reference.
        path: String,
        /// The id as written.
        value: String,
        /// What it should name.
        expected: String,
    },
    /// A value outside the range the field allows.
    #[error("{}: \"{value}\" {reason}", at(path))]
    OutOfRange {
        /// Path of the value.
        path: String,
        /// The value as written.
        value: String,
        /// The allowed range, or why the value is impossible.
        reason: String,
    },
    /// A quantity that has no value for these inputs (an IRR of flows that never change sign).
    #[error("{}: {reason}", at(path))]
    NoSolution {
        /// Path of the input, or the function name.
        path: String,
        /// Why there is no solution.
        reason: NoSolution,
    },
    /// A resource that an option changes has no price (never taken as free).
    #[error(
        "{}: the option changes {what}, but `{value}` has no price: add prices.{value} (a price of 0 if it is free)",
        at(path)
    )]
    MissingPrice {
        /// Path of the effect.
        path: String,
        /// The resource without a price.
        value: String,
        /// What changes, in words (`water from mains`).
        what: String,
    },
    /// A document larger than the `Limits` it is read with (too
    /// many bytes, too deep, too many streams, options or draws).
    #[error(
        "{}: {value} is more than the limit of {max} ({limit}); a trusted document may be read with higher limits (Limits)",
        at(path)
    )]
    Limit {
        /// Path of the part over the limit (empty for the whole document).
        path: String,
        /// How many or how large, as counted.
        value: String,
        /// The limit's name (a field of `Limits`: `max_streams`).
        limit: &'static str,
        /// The limit.
        max: usize,
    },
    /// A long computation stopped before its end because its caller asked (a Python
    /// `KeyboardInterrupt`); see [`crate::cancel::Cancel`].
    #[error("{}: stopped before its end, as asked", at(path))]
    Cancelled {
        /// What was stopped (empty for the whole call).
        path: String,
    },
    /// A `format` version this build cannot read.
    #[error(
        "{}: unsupported document format \"{value}\"; this version of cleanprod reads {supported}",
        at(path)
    )]
    UnsupportedFormat {
        /// Path of the version field (`format`).
        path: String,
        /// The version as written.
        value: String,
        /// The versions this build reads.
        supported: String,
    },
}

/// Why a computed quantity does not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NoSolution {
    /// All flows have the same sign (or are zero): no rate makes their present value zero.
    #[error("no internal rate of return: the cash flows never change sign")]
    NoSignChange,
    /// The flows change sign but no root was found in the searched range of rates.
    #[error("no internal rate of return found between -100 % and the largest rate searched")]
    NoRootInBracket,
    /// No finite value satisfies the inputs (a number of periods when the payments never
    /// repay the balance).
    #[error("no finite value satisfies these inputs (do the payments ever repay the balance?)")]
    NotConverged,
}

impl NoSolution {
    /// Stable machine-readable code.
    pub fn code(self) -> &'static str {
        match self {
            NoSolution::NoSignChange => "no_sign_change",
            NoSolution::NoRootInBracket => "no_root_in_bracket",
            NoSolution::NotConverged => "not_converged",
        }
    }
}

/// How the bindings classify an [`Error`]: each category is one exception class in Python
/// (all subclasses of `ValueError`) and one `Error` class in JS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Category {
    /// The text is not valid TOML/JSON (JS `SyntaxError`).
    Syntax,
    /// The document's structure: unknown or missing fields, wrong types, unknown choices,
    /// unsupported format version (JS `TypeError`).
    Document,
    /// A physical value's number or unit (JS `RangeError`).
    Unit,
    /// A value outside its allowed range or in the wrong currency (JS `RangeError`).
    Value,
    /// The inputs are valid but the quantity asked for does not exist (JS `Error`; Python
    /// `NoSolutionError`, not a `ValueError`).
    NoSolution,
    /// The caller stopped the computation (Python raises its `KeyboardInterrupt`).
    Cancelled,
}

impl Category {
    /// Snake-case name, e.g. `"unit"`.
    pub fn name(self) -> &'static str {
        match self {
            Category::Syntax => "syntax",
            Category::Document => "document",
            Category::Unit => "unit",
            Category::Value => "value",
            Category::NoSolution => "no_solution",
            Category::Cancelled => "cancelled",
        }
    }
}

fn names(dimensions: &[Dimension]) -> String {
    let names: Vec<&str> = dimensions.iter().map(|d| d.name()).collect();
    names.join(" or ")
}

fn at(path: &str) -> &str {
    if path.is_empty() { "document" } else { path }
}

impl Error {
    /// A unit problem of `value` at `path`.
    pub fn unit(path: impl Into<String>, value: impl Into<String>, problem: UnitProblem) -> Self {
        Error::Unit {
            path: path.into(),
            value: value.into(),
            problem,
        }
    }

    /// A value outside its range at `path`.
    pub fn out_of_range(
        path: impl Into<String>,
        value: impl fmt::Display,
        reason: impl Into<String>,
    ) -> Self {
        Error::OutOfRange {
            path: path.into(),
            value: value.to_string(),
            reason: reason.into(),
        }
    }

    /// TOML asked of a build without it (the `toml` feature: a sector's calculator module).
    #[cfg(not(feature = "toml"))]
    pub(crate) fn no_toml() -> Self {
        Error::InvalidType {
            path: String::new(),
            message: "is TOML, which this build does not read or write: give the document as JSON"
                .to_string(),
        }
    }

    /// Stable machine-readable code, e.g. `"unit_dimension"`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Syntax { .. } => "syntax",
            Error::UnknownField { .. } => "unknown_field",
            Error::MissingField { .. } => "missing_field",
            Error::InvalidType { .. } => "invalid_type",
            Error::UnknownVariant { .. } => "unknown_variant",
            Error::Unit { problem, .. } => problem.code(),
            Error::PriceDimension { .. } => "price_dimension",
            Error::Currency { .. } => "currency_mismatch",
            Error::OutOfRange { .. } => "out_of_range",
            Error::UnknownReference { .. } => "unknown_reference",
            Error::MissingPrice { .. } => "missing_price",
            Error::UnsupportedFormat { .. } => "unsupported_format",
            Error::Limit { .. } => "limit_exceeded",
            Error::Cancelled { .. } => "cancelled",
            Error::NoSolution { reason, .. } => reason.code(),
        }
    }

    /// The binding class of this error.
    pub fn category(&self) -> Category {
        match self {
            Error::Syntax { .. } => Category::Syntax,
            Error::UnknownField { .. }
            | Error::MissingField { .. }
            | Error::InvalidType { .. }
            | Error::UnknownVariant { .. }
            | Error::UnknownReference { .. }
            | Error::UnsupportedFormat { .. } => Category::Document,
            Error::Unit { .. } | Error::PriceDimension { .. } => Category::Unit,
            Error::Currency { .. }
            | Error::OutOfRange { .. }
            | Error::MissingPrice { .. }
            | Error::Limit { .. } => Category::Value,
            Error::NoSolution { .. } => Category::NoSolution,
            Error::Cancelled { .. } => Category::Cancelled,
        }
    }

    /// Path of the offending field; empty for the whole document.
    pub fn path(&self) -> &str {
        match self {
            Error::Syntax { .. } => "",
            Error::UnknownField { path, .. }
            | Error::MissingField { path }
            | Error::InvalidType { path, .. }
            | Error::UnknownVariant { path, .. }
            | Error::Unit { path, .. }
            | Error::PriceDimension { path, .. }
            | Error::Currency { path, .. }
            | Error::OutOfRange { path, .. }
            | Error::UnknownReference { path, .. }
            | Error::MissingPrice { path, .. }
            | Error::NoSolution { path, .. }
            | Error::Limit { path, .. }
            | Error::Cancelled { path }
            | Error::UnsupportedFormat { path, .. } => path,
        }
    }

    /// The offending value as written, where there is one.
    pub fn value(&self) -> Option<&str> {
        match self {
            Error::UnknownField { field: value, .. }
            | Error::UnknownVariant { value, .. }
            | Error::Unit { value, .. }
            | Error::PriceDimension { value, .. }
            | Error::Currency { value, .. }
            | Error::OutOfRange { value, .. }
            | Error::UnknownReference { value, .. }
            | Error::MissingPrice { value, .. }
            | Error::Limit { value, .. }
            | Error::UnsupportedFormat { value, .. } => Some(value),
            Error::Syntax { .. }
            | Error::MissingField { .. }
            | Error::InvalidType { .. }
            | Error::Cancelled { .. }
            | Error::NoSolution { .. } => None,
        }
    }

    /// The same error at `name[index]` (an element of a list given to a function).
    pub fn with_index_path(self, name: &str, index: usize) -> Self {
        self.with_path(format!("{name}[{index}]"))
    }

    /// The same error under `prefix`: `pressure` becomes `options[2].model.pressure` (an
    /// error raised by a part that does not know where it sits in the document).
    pub fn under(self, prefix: &str) -> Self {
        let path = self.path();
        let new = if path.is_empty() {
            prefix.to_string()
        } else {
            format!("{prefix}.{path}")
        };
        self.with_path(new)
    }

    /// The same error at `path` (used when the path is known only after the value failed).
    pub(crate) fn with_path(mut self, new: String) -> Self {
        match &mut self {
            Error::Syntax { .. } => {}
            Error::UnknownField { path, .. }
            | Error::MissingField { path }
            | Error::InvalidType { path, .. }
            | Error::UnknownVariant { path, .. }
            | Error::Unit { path, .. }
            | Error::PriceDimension { path, .. }
            | Error::Currency { path, .. }
            | Error::OutOfRange { path, .. }
            | Error::UnknownReference { path, .. }
            | Error::MissingPrice { path, .. }
            | Error::NoSolution { path, .. }
            | Error::Limit { path, .. }
            | Error::Cancelled { path }
            | Error::UnsupportedFormat { path, .. } => *path = new,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_the_path() {
        let e = Error::out_of_range("schedule.days_per_year", 400, "is outside 1 to 366");
        assert_eq!(
            e.to_string(),
            "schedule.days_per_year: \"400\" is outside 1 to 366"
        );
        assert_eq!(e.code(), "out_of_range");
        assert_eq!(e.value(), Some("400"));
        let e = Error::MissingField {
            path: String::new(),
        };
        assert!(e.to_string().starts_with("document:"));
    }
}
