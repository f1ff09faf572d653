//! What an option changes: a direct saving of a priced resource, money saved per year, or an
//! edit of the flowsheet.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uom::si::f64 as q;

use crate::flowsheet::Flow;
use crate::units::money::Currency;
use crate::units::{
    Dimension, Measure, Measured, TimeBasis, UnitExpr, UnitProblem, format_number, parse_unit,
    split_number,
};
use crate::units::{SECONDS_PER_YEAR, Schedule};

/// One change an option makes. Which fields it takes depends on its `kind`:
///
/// | kind | fields | meaning |
/// |---|---|---|
/// | `saving` | `resource`, `amount` | `amount` less of a priced resource per time, when there is no model of it |
/// | `money` | `amount` | money saved per time in the document's currency (`"6890 USD/yr"`), when only the money is known (as programmes publish many options) |
/// | `scale` | `stream` (and `component`), or `energy`; `factor` | a stream's flow of a component (all when no component), or an energy input, times `factor` |
/// | `set` | `stream`, `component`, `flow` | a stream's flow of a component set to `flow` |
/// | `hold` | `stream`, `component` | a stream's flow of a component kept at its baseline value (the water a product carries when less wash water is used) |
/// | `recycle` | `stream`, `component`, `fraction`, `to` (and `replaces`) | `fraction` of the stream's flow of the component sent back to node `to`, replacing as much of the fresh supply in stream `replaces` |
/// | `efficiency` | `node`, and `efficiency` or `cop` | the node's device made more (or less) efficient: its energy inputs fall in proportion; a `cop` for a device rated by efficiency alone is a heat pump replacing it: its fuel inputs become electricity, fuel × efficiency / COP |
/// | `substitute` | `stream`, `component`, `by`, `ratio` (and `fraction`) | a supply of `component` replaced by `ratio` kg of `by` per kg (`fraction` of it; all when absent) |
///
/// Flowsheet edits are propagated downstream: each unit operation passes on what it receives
/// in the proportions the baseline balance shows (its transfer coefficients).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    /// What kind of change.
    pub kind: EffectKind,
    /// `saving`: a resource named in `[prices]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// `saving`: how much less of it per time (per day means per operating day); `money`: the
    /// money saved per time in the document's currency (`"6890 USD/yr"`); negative for more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<SavingAmount>,
    /// A stream of the flowsheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream: Option<String>,
    /// `scale`: an energy input of the flowsheet (`flowsheet.energy[].id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<String>,
    /// A component of the flowsheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component: Option<String>,
    /// `scale`: the new flow per old flow (`"60 %"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<Measured<q::Ratio>>,
    /// `set`: the new flow (`"60 m3/d"`, `"20 kg/d"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow: Option<Flow>,
    /// `recycle`: the share of the stream's flow sent back; `substitute`: the share of the
    /// supply replaced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraction: Option<Measured<q::Ratio>>,
    /// `recycle`: the unit operation receiving the recycled flow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// `recycle`: a supply stream whose flow of the component falls by what is recycled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// `efficiency`: a unit operation with a device in `flowsheet.devices`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// `efficiency`: the device's new efficiency (`"92 %"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub efficiency: Option<Measured<q::Ratio>>,
    /// `efficiency`: the heat pump's new coefficient of performance (`"4.2"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cop: Option<Measured<q::Ratio>>,
    /// `substitute`: the component used instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// `substitute`: mass of the new component per mass of the one it replaces (`"50 %"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Measured<q::Ratio>>,
}

/// Kinds of effects (see [`Effect`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EffectKind {
    /// Less of a priced resource, when there is no model of it.
    Saving,
    /// Money saved per time, when only the money is known.
    Money,
    /// A flow or an energy input times a factor.
    Scale,
    /// A flow set to a new value.
    Set,
    /// A flow kept at its baseline value while others change.
    Hold,
    /// Part of a stream sent back to a unit operation.
    Recycle,
    /// A device's new efficiency or COP.
    Efficiency,
    /// One supplied component replaced by another.
    Substitute,
}

impl EffectKind {
    /// Snake-case name.
    pub fn key(self) -> &'static str {
        match self {
            EffectKind::Saving => "saving",
            EffectKind::Money => "money",
            EffectKind::Scale => "scale",
            EffectKind::Set => "set",
            EffectKind::Hold => "hold",
            EffectKind::Recycle => "recycle",
            EffectKind::Efficiency => "efficiency",
            EffectKind::Substitute => "substitute",
        }
    }

    /// Fields the kind requires, and those it also accepts. A group `a|b` requires exactly one
    /// of them.
    pub(super) fn fields(self) -> (&'static [&'static str], &'static [&'static str]) {
        match self {
            EffectKind::Saving => (&["resource", "amount"], &[]),
            EffectKind::Money => (&["amount"], &[]),
            EffectKind::Scale => (&["stream|energy", "factor"], &["component"]),
            EffectKind::Set => (&["stream", "component", "flow"], &[]),
            EffectKind::Hold => (&["stream", "component"], &[]),
            EffectKind::Recycle => (&["stream", "component", "fraction", "to"], &["replaces"]),
            EffectKind::Efficiency => (&["node", "efficiency|cop"], &[]),
            EffectKind::Substitute => (&["stream", "component", "by", "ratio"], &["fraction"]),
        }
    }
}

impl Effect {
    /// An effect of `kind` with no field given yet: set those its kind takes.
    ///
    /// ```
    /// use cleanprod::options::{Effect, EffectKind};
    /// let e = Effect {
    ///     resource: Some("water".to_string()),
    ///     amount: Some("1200 m3/yr".parse().unwrap()),
    ///     ..Effect::new(EffectKind::Saving)
    /// };
    /// assert!(!e.edits_flowsheet());
    /// ```
    pub fn new(kind: EffectKind) -> Effect {
        Effect {
            kind,
            resource: None,
            amount: None,
            stream: None,
            energy: None,
            component: None,
            factor: None,
            flow: None,
            fraction: None,
            to: None,
            replaces: None,
            node: None,
            efficiency: None,
            cop: None,
            by: None,
            ratio: None,
        }
    }

    /// Whether the effect edits the flowsheet (rather than giving a saving or money directly).
    pub fn edits_flowsheet(&self) -> bool {
        !matches!(self.kind, EffectKind::Saving | EffectKind::Money)
    }

    pub(super) fn given(&self) -> [(&'static str, bool); 15] {
        [
            ("resource", self.resource.is_some()),
            ("amount", self.amount.is_some()),
            ("stream", self.stream.is_some()),
            ("energy", self.energy.is_some()),
            ("component", self.component.is_some()),
            ("factor", self.factor.is_some()),
            ("flow", self.flow.is_some()),
            ("fraction", self.fraction.is_some()),
            ("to", self.to.is_some()),
            ("replaces", self.replaces.is_some()),
            ("node", self.node.is_some()),
            ("efficiency", self.efficiency.is_some()),
            ("cop", self.cop.is_some()),
            ("by", self.by.is_some()),
            ("ratio", self.ratio.is_some()),
        ]
    }
}

/// An amount per time of any priced quantity (`"1200 m3/yr"`, `"35 kg/d"`, `"9000 kWh/yr"`), or
/// of money (`"6890 USD/yr"`).
#[derive(Debug, Clone, PartialEq)]
pub struct SavingAmount {
    text: String,
    /// SI amount (or money) per unit of the unit's time.
    per_time_si: f64,
    /// What the amount is.
    pub(crate) of: Saved,
    basis: TimeBasis,
    /// The unit as parsed, and the dimension of the rate it is read as.
    unit: UnitExpr,
    rate: Dimension,
}

/// What a [`SavingAmount`] is an amount of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Saved {
    /// A volume, mass, energy or gas amount.
    Quantity(Dimension),
    /// Money of a currency.
    Money(Currency),
}

impl SavingAmount {
    /// The unit as written (`kWh/yr` of `"4800 kWh/yr"`).
    pub(crate) fn unit_text(&self) -> &str {
        self.text.split_once(' ').map_or("", |(_, unit)| unit)
    }

    fn parse(text: &str) -> std::result::Result<SavingAmount, UnitProblem> {
        let (number, unit_text) = split_number(text)?;
        if let Some(money) = SavingAmount::parse_money(number, unit_text) {
            return money;
        }
        let unit = parse_unit(unit_text)?;
        let rates = [
            (Dimension::VolumeRate, Dimension::Volume),
            (Dimension::MassRate, Dimension::Mass),
            (Dimension::Power, Dimension::Energy),
            (Dimension::GasFlow, Dimension::GasAmount),
        ];
        let (rate, amount) = rates
            .into_iter()
            .find(|(r, _)| unit.to_si(1.0, *r).is_ok())
            .ok_or_else(|| UnitProblem::WrongDimension {
                unit: unit.text.clone(),
                found: Dimension::describe_dims(unit.dims),
                expected: Dimension::VolumeRate,
            })?;
        Ok(SavingAmount {
            text: format!("{} {}", format_number(number), unit.text),
            per_time_si: unit.to_si(number, rate)?,
            of: Saved::Quantity(amount),
            basis: unit.basis.unwrap_or(TimeBasis::Year),
            unit,
            rate,
        })
    }

    /// Money per time (`USD/yr` after the number), or None when the unit does not start with a
    /// currency code.
    fn parse_money(
        number: f64,
        unit_text: &str,
    ) -> Option<std::result::Result<SavingAmount, UnitProblem>> {
        if unit_text.parse::<Currency>().is_ok() {
            return Some(Err(UnitProblem::UnknownUnit {
                unit: unit_text.to_string(),
                hint: format!(
                    "; money saved is given per time, such as \"{} {unit_text}/yr\"",
                    format_number(number)
                ),
            }));
        }
        let (code, time) = unit_text.split_once('/')?;
        let currency: Currency = code.trim().parse().ok()?;
        let parsed = parse_unit(time).and_then(|unit| {
            let seconds = unit.to_si(1.0, Dimension::Time)?;
            Ok(SavingAmount {
                text: format!("{} {currency}/{}", format_number(number), unit.text),
                per_time_si: number / seconds,
                of: Saved::Money(currency),
                basis: unit.basis.unwrap_or(TimeBasis::Year),
                // Money per time: the unit is the time unit alone (see `per_year_at`).
                unit,
                rate: Dimension::Time,
            })
        });
        Some(parsed)
    }

    /// The currency of an amount of money (None for a physical amount).
    pub fn currency(&self) -> Option<Currency> {
        match self.of {
            Saved::Money(c) => Some(c),
            Saved::Quantity(_) => None,
        }
    }

    /// The amount per year under `schedule`, in SI units of its dimension (or money).
    pub(crate) fn per_year(&self, schedule: &Schedule) -> f64 {
        self.per_time_si * self.seconds(schedule)
    }

    /// [`SavingAmount::per_year`] of `number` in this amount's unit (what `"{number} unit"`
    /// would save, without reading the text).
    pub(crate) fn per_year_at(&self, number: f64, schedule: &Schedule) -> Option<f64> {
        let per_time_si = match self.of {
            // As `parse_money` reads it: the number over the seconds of the time unit.
            Saved::Money(_) => number / self.unit.to_si(1.0, Dimension::Time).ok()?,
            Saved::Quantity(_) => self.unit.to_si(number, self.rate).ok()?,
        };
        Some(per_time_si * self.seconds(schedule))
    }

    /// Seconds per year of the unit's time basis under `schedule`.
    fn seconds(&self, schedule: &Schedule) -> f64 {
        match self.basis {
            TimeBasis::Hour => schedule.operating_time().si(),
            TimeBasis::Day => f64::from(schedule.days_per_year) * 86_400.0,
            TimeBasis::Year => SECONDS_PER_YEAR,
        }
    }
}

impl std::str::FromStr for SavingAmount {
    type Err = crate::Error;

    /// A saving per time from its text, e.g. `"1200 m3/yr"`.
    fn from_str(text: &str) -> crate::Result<SavingAmount> {
        SavingAmount::parse(text).map_err(|p| crate::Error::unit("", text, p))
    }
}

impl std::fmt::Display for SavingAmount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

crate::wire::string_serde!(
    SavingAmount,
    "SavingAmount",
    "A saving per time of a priced resource: a volume (\"1200 m3/yr\"), mass (\"35 kg/d\"), energy (\"9000 kWh/yr\") or gas amount (\"3000 Nm3/yr\") per time; or money per time in the document's currency (\"6890 USD/yr\", effects of kind money).",
    "1200 m3/yr"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_per_time_reads_its_currency_and_basis() {
        let a: SavingAmount = "6890 USD/yr".parse().unwrap();
        assert_eq!(a.currency().map(|c| c.to_string()).as_deref(), Some("USD"));
        assert_eq!(a.to_string(), "6890 USD/yr");
        let schedule = Schedule::new(250, "16 h".parse().unwrap());
        assert!((a.per_year(&schedule) - 6890.0).abs() < 1e-9);
        let d: SavingAmount = "30 MXN/d".parse().unwrap();
        assert!((d.per_year(&schedule) - 7_500.0).abs() < 1e-9);
        let water: SavingAmount = "1200 m3/yr".parse().unwrap();
        assert_eq!(water.currency(), None);
        assert_eq!(water.of, Saved::Quantity(Dimension::Volume));
        for bad in ["6890 USD", "6890 USD/m3", "6890 usd/yr"] {
            assert!(bad.parse::<SavingAmount>().is_err(), "{bad}");
        }
    }
}
