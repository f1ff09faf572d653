//! Money and prices.
//!
//! Money is an amount in one ISO 4217 currency; a document has one currency and every price
//! in it must be in that currency. A price is money per unit of a physical quantity
//! (`"0.85 USD/m3"`, `"2.1 MXN/kWh"`, `"1800 MXN/t"`), checked for dimension like any other
//! physical value.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;
use crate::units::{
    Dimension, Measure, UnitExpr, UnitProblem, format_number, parse_unit, split_number,
};
use crate::wire::de_error;

/// An ISO 4217 currency code: three capital letters, such as `USD`, `EUR` or `MXN`.
///
/// ```
/// use cleanprod::money::Currency;
/// let usd: Currency = "USD".parse().unwrap();
/// assert_eq!(usd.as_str(), "USD");
/// assert!("usd".parse::<Currency>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// The code as text.
    pub fn as_str(&self) -> &str {
        // Only ASCII capitals are ever stored, so the bytes are valid UTF-8.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl FromStr for Currency {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Ok(Currency([a, b, c])),
            _ => Err(Error::out_of_range(
                "currency",
                s,
                "is not an ISO 4217 currency code (three capital letters, such as USD)",
            )),
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(deserializer)?;
        s.parse()
            .map_err(|e: Error| de_error(e.with_path(String::new())))
    }
}

impl JsonSchema for Currency {
    fn schema_name() -> Cow<'static, str> {
        "Currency".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> schemars::Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[A-Z]{3}$",
            "description": "ISO 4217 currency code, such as \"USD\", \"EUR\" or \"MXN\".",
            "examples": ["USD"],
        })
    }
}

/// An amount of money in one currency.
///
/// ```
/// use cleanprod::money::Money;
/// let a = Money::new(2_400.0, "USD".parse().unwrap());
/// let b = Money::new(9_600.0, "USD".parse().unwrap());
/// assert_eq!(a.checked_add(b).unwrap().amount(), 12_000.0);
/// assert!(a.checked_add(Money::new(1.0, "EUR".parse().unwrap())).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Money {
    amount: f64,
    currency: Currency,
}

impl Money {
    /// `amount` of `currency`.
    pub fn new(amount: f64, currency: Currency) -> Self {
        Money { amount, currency }
    }

    /// The amount.
    pub fn amount(&self) -> f64 {
        self.amount
    }

    /// The currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The sum, or `None` when the currencies differ.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        (self.currency == other.currency)
            .then(|| Money::new(self.amount + other.amount, self.currency))
    }
}

impl Money {
    /// Parse `"amount CUR"`, e.g. `"2400 USD"`.
    pub fn parse(text: &str) -> Result<Money, UnitProblem> {
        let not_money = || UnitProblem::Money {
            text: text.to_string(),
        };
        let (amount, code) = split_number(text)?;
        let currency: Currency = code.parse().map_err(|_| not_money())?;
        Ok(Money::new(amount, currency))
    }
}

crate::wire::string_serde!(
    Money,
    "Money",
    "An amount of money with the document's currency code, e.g. \"2400 USD\".",
    "2400 USD"
);

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", format_number(self.amount), self.currency)
    }
}

/// Money per unit of a physical quantity, such as `"0.85 USD/m3"`.
///
/// ```
/// use cleanprod::money::Price;
/// use cleanprod::units::Measured;
/// use uom::si::f64::{Energy, Volume};
///
/// let p: Price = "0.12 USD/kWh".parse().unwrap();
/// let e: Measured<Energy> = "1 MWh".parse().unwrap();
/// assert!((p.cost(e.value()).unwrap().amount() - 120.0).abs() < 1e-9);
/// let v: Measured<Volume> = "1 m3".parse().unwrap();
/// assert!(p.cost(v.value()).is_err()); // a price per energy cannot price a volume
/// ```
#[derive(Clone, Debug)]
pub struct Price {
    number: f64,
    currency: Currency,
    unit: UnitExpr,
    dimension: Dimension,
}

impl Price {
    /// Parse `"amount CUR/unit"`.
    pub fn parse(text: &str) -> Result<Price, UnitProblem> {
        let not_a_price = || UnitProblem::Price {
            text: text.to_string(),
        };
        let (number, rest) = split_number(text)?;
        let (code, unit_text) = rest.split_once('/').ok_or_else(not_a_price)?;
        let currency: Currency = code.trim().parse().map_err(|_| not_a_price())?;
        let unit = parse_unit(unit_text)?;
        // A price is per an amount of something: not per a temperature, a plain ratio or an
        // offset unit such as psig.
        let dimension = Dimension::of_dims(unit.dims)
            .filter(|d| !matches!(d, Dimension::Temperature | Dimension::Ratio))
            .filter(|_| unit.is_linear())
            .ok_or_else(not_a_price)?;
        Ok(Price {
            number,
            currency,
            unit,
            dimension,
        })
    }

    /// The currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// What the price is per.
    pub fn dimension(&self) -> Dimension {
        self.dimension
    }

    /// The amount as written, per [`Price::unit`].
    pub fn number(&self) -> f64 {
        self.number
    }

    /// The unit as written, in canonical spelling.
    pub fn unit(&self) -> &str {
        &self.unit.text
    }

    /// Money per coherent SI unit (per m3, per J, per kg, ...).
    pub fn per_si(&self) -> f64 {
        self.per_si_at(self.number)
    }

    /// Money per coherent SI unit of the price `number` in this price's unit (what
    /// [`Price::per_si`] of `"{number} CUR/unit"` is, without reading the text).
    pub(crate) fn per_si_at(&self, number: f64) -> f64 {
        number / self.unit.factor
    }

    /// The price expressed per another unit of the same dimension.
    pub fn number_per(&self, unit: &str) -> Result<f64, UnitProblem> {
        let target = parse_unit(unit)?;
        let factor = target.to_si(1.0, self.dimension)?;
        Ok(self.per_si() * factor)
    }

    /// The cost of `quantity` at this price; an error when the dimensions differ.
    pub fn cost<M: Measure>(&self, quantity: M) -> Result<Money, UnitProblem> {
        if M::DIMENSION != self.dimension {
            return Err(UnitProblem::WrongDimension {
                unit: self.unit.text.clone(),
                found: self.dimension.name().to_string(),
                expected: M::DIMENSION,
            });
        }
        Ok(Money::new(self.per_si() * quantity.si(), self.currency))
    }
}

impl PartialEq for Price {
    fn eq(&self, other: &Self) -> bool {
        self.currency == other.currency
            && self.dimension == other.dimension
            && self.per_si() == other.per_si()
    }
}

impl FromStr for Price {
    type Err = UnitProblem;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Price::parse(s)
    }
}

impl fmt::Display for Price {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}/{}",
            format_number(self.number),
            self.currency,
            self.unit.text.trim_start_matches('/')
        )
    }
}

crate::wire::string_serde!(
    Price,
    "Price",
    "Money per unit: an amount, the document's currency code and a unit, such as \"0.85 USD/m3\" or \"0.12 USD/kWh\".",
    "0.85 USD/m3"
);

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn prices() {
        let p = Price::parse("2.1 MXN/kWh").unwrap();
        assert_eq!(p.currency().as_str(), "MXN");
        assert_eq!(p.dimension(), Dimension::Energy);
        assert_relative_eq!(p.per_si(), 2.1 / 3.6e6);
        assert_relative_eq!(p.number_per("MWh").unwrap(), 2100.0, max_relative = 1e-12);
        assert_eq!(p.to_string(), "2.1 MXN/kWh");
        let gas = Price::parse("9.5 USD/MMBtu").unwrap();
        assert_relative_eq!(gas.number_per("therm").unwrap(), 0.95, max_relative = 1e-12);
        assert_eq!(
            Price::parse("12 USD/Nm3").unwrap().dimension(),
            Dimension::GasAmount
        );
    }

    #[test]
    fn bad_prices() {
        assert_eq!(Price::parse("0.85 m3").unwrap_err().code(), "price_syntax");
        assert_eq!(
            Price::parse("0.85 usd/m3").unwrap_err().code(),
            "price_syntax"
        );
        assert_eq!(
            Price::parse("0.85 USD/parsec").unwrap_err().code(),
            "unit_unknown"
        );
        assert_eq!(
            Price::parse("0.85 USD/°C").unwrap_err().code(),
            "price_syntax"
        );
        assert!(Price::parse("0.85 USD/psig").is_err());
    }
}
