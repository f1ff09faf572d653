//! What can be wrong with a value string: the unit layer raises these, the error layer
//! carries them with the field path.

use crate::dimension::Dimension;

/// Why a value string was not accepted; the document layer adds the field path and value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum UnitProblem {
    /// The text does not start with a valid number.
    #[error("`{text}` is not a number followed by a unit{hint}")]
    Number {
        /// The text as written.
        text: String,
        /// Advice, empty or starting with `; `.
        hint: String,
    },
    /// A physical value was written without a unit.
    #[error("a unit is missing: write a {expected} such as \"{example}\"", expected = .expected.name(), example = .expected.example())]
    MissingUnit {
        /// The dimension the field takes.
        expected: Dimension,
    },
    /// The unit symbol is not known.
    #[error("unknown unit `{unit}`{hint}")]
    UnknownUnit {
        /// The symbol as written.
        unit: String,
        /// A suggestion, empty or starting with `; `.
        hint: String,
    },
    /// The unit symbol can be read in more than one way.
    #[error("ambiguous unit `{unit}`: {hint}")]
    Ambiguous {
        /// The symbol as written.
        unit: String,
        /// What to write instead.
        hint: String,
    },
    /// The unit measures something else than the field takes.
    #[error("`{unit}` is a unit of {found}, but a {expected} is expected, such as \"{example}\"", expected = .expected.name(), example = .expected.example())]
    WrongDimension {
        /// The unit as written.
        unit: String,
        /// What the unit measures, in words.
        found: String,
        /// The dimension the field takes.
        expected: Dimension,
    },
    /// A production output that is not a mass rate, volume rate or count per time.
    #[error(
        "`{unit}` is a unit of {found}, but an output is a mass rate (\"12 t/d\"), a volume rate (\"40 m3/d\") or a count per time (\"52000 /yr\")"
    )]
    NotAnOutput {
        /// The unit as written.
        unit: String,
        /// What the unit measures, in words.
        found: String,
    },
    /// An emission factor that is not a mass per energy.
    #[error(
        "`{unit}` is a unit of {found}, but an emission factor is a mass of CO2 per energy, such as \"0.42 kg/kWh\""
    )]
    NotAnEmissionFactor {
        /// The unit as written.
        unit: String,
        /// What the unit measures, in words.
        found: String,
    },
    /// An offset unit (°C, °F, gauge pressure) used inside a compound unit.
    #[error("`{unit}` has an offset and cannot be part of a compound unit{hint}")]
    Offset {
        /// The symbol as written.
        unit: String,
        /// Advice, empty or starting with `; `.
        hint: String,
    },
    /// A price that is not `number CUR/unit`.
    #[error(
        "`{text}` is not a price: write an amount, a currency code and a unit, such as \"0.85 USD/m3\""
    )]
    Price {
        /// The text as written.
        text: String,
    },
    /// Text that is not an amount of money.
    #[error(
        "`{text}` is not an amount of money: write an amount and the currency code, such as \"2400 USD\""
    )]
    Money {
        /// The text as written.
        text: String,
    },
    /// An absolute temperature below 0 K or an absolute pressure below 0 Pa.
    #[error("`{text}` is below absolute zero of its scale, which is physically impossible")]
    Impossible {
        /// The text as written.
        text: String,
    },
    /// The number is too large to represent, or larger than any value a document may hold
    /// (magnitude above 1e100).
    #[error("`{text}` is too large: a number of a document must lie between -1e100 and 1e100")]
    NotFinite {
        /// The text as written.
        text: String,
    },
}

impl UnitProblem {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            UnitProblem::Number { .. } | UnitProblem::NotFinite { .. } => "unit_number",
            UnitProblem::MissingUnit { .. } => "unit_missing",
            UnitProblem::UnknownUnit { .. } => "unit_unknown",
            UnitProblem::Ambiguous { .. } => "unit_ambiguous",
            UnitProblem::WrongDimension { .. }
            | UnitProblem::NotAnOutput { .. }
            | UnitProblem::NotAnEmissionFactor { .. } => "unit_dimension",
            UnitProblem::Offset { .. } => "unit_offset",
            UnitProblem::Price { .. } => "price_syntax",
            UnitProblem::Money { .. } => "money_syntax",
            UnitProblem::Impossible { .. } => "unit_impossible",
        }
    }
}
