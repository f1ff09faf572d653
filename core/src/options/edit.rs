//! An effect in typed form: the flat, path-friendly wire form ([`Effect`]) parsed once into
//! one variant per kind with its required fields, so the code that applies it never checks an
//! optional field again.

use uom::si::f64 as q;

use super::effect::{Effect, EffectKind, Saved, SavingAmount};
use crate::dimension::Dimension;
use crate::error::{Error, Result};
use crate::flowsheet::Flow;
use crate::units::money::Currency;
use crate::units::{Measured, format_number};

/// One change an option makes, with the fields its kind requires (ids are checked against the
/// flowsheet when the edit is applied).
///
/// ```
/// use cleanprod::options::{Edit, Effect};
/// let e: Effect = serde_json::from_value(serde_json::json!(
///     { "kind": "scale", "stream": "rinse_in", "factor": "60 %" }
/// )).unwrap();
/// let Edit::ScaleFlow { stream, component, factor } = Edit::parse(&e, "options[0].effects[0]").unwrap() else {
///     panic!("a scale of a stream");
/// };
/// assert_eq!((stream, component, factor), ("rinse_in", None, 0.6));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Edit<'a> {
    /// Less of a priced resource, given directly.
    Saving {
        /// A resource named in `[prices]`.
        resource: &'a str,
        /// How much less per time.
        amount: &'a SavingAmount,
        /// What the amount is: a volume, mass, energy or gas amount.
        dimension: Dimension,
    },
    /// Money saved, given directly.
    Money {
        /// How much per time.
        amount: &'a SavingAmount,
        /// Its currency (the document's, checked when the document is read).
        currency: Currency,
    },
    /// A stream's flow of a component (all its components when none) times `factor`.
    ScaleFlow {
        /// The stream.
        stream: &'a str,
        /// The component, or every component the stream carries.
        component: Option<&'a str>,
        /// New flow per old flow.
        factor: f64,
    },
    /// An energy input times `factor`.
    ScaleEnergy {
        /// The energy input (`flowsheet.energy[].id`).
        energy: &'a str,
        /// New energy per old energy.
        factor: f64,
    },
    /// A stream's flow of a component set to a plain amount per time.
    Set {
        /// The stream.
        stream: &'a str,
        /// The component.
        component: &'a str,
        /// The new flow (an estimate: no "?" and no uncertainty).
        flow: &'a Flow,
    },
    /// A stream's flow of a component kept at its baseline value.
    Hold {
        /// The stream.
        stream: &'a str,
        /// The component.
        component: &'a str,
    },
    /// Part of an outlet sent back to a unit operation.
    Recycle {
        /// The outlet.
        stream: &'a str,
        /// The component recycled.
        component: &'a str,
        /// The share sent back, from 0 to 1.
        fraction: &'a Measured<q::Ratio>,
        /// The unit receiving it.
        to: &'a str,
        /// A supply whose flow of the component falls by what is recycled.
        replaces: Option<&'a str>,
    },
    /// A device's new efficiency or COP.
    Device {
        /// The unit operation with the device.
        node: &'a str,
        /// Its new rating.
        rating: Rating<'a>,
    },
    /// A supplied component replaced by another.
    Substitute {
        /// The supply.
        stream: &'a str,
        /// The component replaced.
        component: &'a str,
        /// The component used instead.
        by: &'a str,
        /// kg of `by` per kg replaced.
        ratio: f64,
        /// Share of the supply replaced, from 0 to 1.
        fraction: f64,
    },
}

/// The new rating of a device.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Rating<'a> {
    /// An efficiency (boilers, heaters), more than 0 and at most 1.
    Efficiency(&'a Measured<q::Ratio>),
    /// A coefficient of performance (heat pumps), positive.
    Cop(&'a Measured<q::Ratio>),
}

impl<'a> Edit<'a> {
    /// Parse `effect` (at `path`, `options[i].effects[k]`): the fields its kind requires must
    /// be there, those it does not take must not, and plain ranges hold.
    pub fn parse(effect: &'a Effect, path: &str) -> Result<Edit<'a>> {
        check_fields(effect, path)?;
        let e = effect;
        let missing = |name: &str| Error::MissingField {
            path: format!("{path}.{name}"),
        };
        let text = |name: &str, v: &'a Option<String>| v.as_deref().ok_or_else(|| missing(name));
        let ratio =
            |v: &Option<Measured<q::Ratio>>, default: f64| v.as_ref().map_or(default, |m| m.si());
        let amount = || e.amount.as_ref().ok_or_else(|| missing("amount"));
        Ok(match e.kind {
            EffectKind::Saving => {
                let amount = amount()?;
                let Saved::Quantity(dimension) = amount.of else {
                    return Err(Error::out_of_range(
                        format!("{path}.amount"),
                        amount,
                        "is money: give money saved as an effect of kind money, or an amount of the resource (\"1200 m3/yr\")",
                    ));
                };
                Edit::Saving {
                    resource: text("resource", &e.resource)?,
                    amount,
                    dimension,
                }
            }
            EffectKind::Money => {
                let amount = amount()?;
                let Saved::Money(currency) = amount.of else {
                    return Err(Error::out_of_range(
                        format!("{path}.amount"),
                        amount,
                        "must be money per time in the document's currency, e.g. \"6890 USD/yr\"",
                    ));
                };
                Edit::Money { amount, currency }
            }
            EffectKind::Scale => match &e.energy {
                Some(energy) => Edit::ScaleEnergy {
                    energy,
                    factor: ratio(&e.factor, 1.0),
                },
                None => Edit::ScaleFlow {
                    stream: text("stream", &e.stream)?,
                    component: e.component.as_deref(),
                    factor: ratio(&e.factor, 1.0),
                },
            },
            EffectKind::Set => Edit::Set {
                stream: text("stream", &e.stream)?,
                component: text("component", &e.component)?,
                flow: e.flow.as_ref().ok_or_else(|| missing("flow"))?,
            },
            EffectKind::Hold => Edit::Hold {
                stream: text("stream", &e.stream)?,
                component: text("component", &e.component)?,
            },
            EffectKind::Recycle => Edit::Recycle {
                stream: text("stream", &e.stream)?,
                component: text("component", &e.component)?,
                fraction: e.fraction.as_ref().ok_or_else(|| missing("fraction"))?,
                to: text("to", &e.to)?,
                replaces: e.replaces.as_deref(),
            },
            EffectKind::Efficiency => Edit::Device {
                node: text("node", &e.node)?,
                rating: match (&e.efficiency, &e.cop) {
                    (Some(x), _) => Rating::Efficiency(x),
                    (None, Some(c)) => Rating::Cop(c),
                    (None, None) => return Err(missing("efficiency")),
                },
            },
            EffectKind::Substitute => Edit::Substitute {
                stream: text("stream", &e.stream)?,
                component: text("component", &e.component)?,
                by: text("by", &e.by)?,
                ratio: ratio(&e.ratio, 0.0),
                fraction: ratio(&e.fraction, 1.0),
            },
        })
    }

    /// Whether the edit changes the flowsheet (rather than giving a saving or money directly).
    pub fn edits_flowsheet(&self) -> bool {
        !matches!(self, Edit::Saving { .. } | Edit::Money { .. })
    }
}

/// The edits of `effects` (of the option at `path`, `options[i]`), in order.
pub fn parse_all<'a>(effects: &'a [Effect], path: &str) -> Result<Vec<Edit<'a>>> {
    effects
        .iter()
        .enumerate()
        .map(|(k, e)| Edit::parse(e, &format!("{path}.effects[{k}]")))
        .collect()
}

/// Check the fields present are those the kind takes, and the plain ranges.
fn check_fields(e: &Effect, path: &str) -> Result<()> {
    let given = e.given();
    let is_given = |name: &str| given.iter().any(|(n, g)| *n == name && *g);
    let (required, optional) = e.kind.fields();
    for group in required {
        let names: Vec<&str> = group.split('|').collect();
        let count = names.iter().filter(|n| is_given(n)).count();
        if count == 0 {
            return Err(Error::MissingField {
                path: format!("{path}.{}", names[0]),
            });
        }
        if count > 1 {
            return Err(Error::out_of_range(
                format!("{path}.{}", names[1]),
                e.kind.key(),
                format!("effects take one of {}, not both", names.join(" or ")),
            ));
        }
    }
    let allowed = |name: &str| {
        required.iter().any(|g| g.split('|').any(|n| n == name)) || optional.contains(&name)
    };
    if let Some((name, _)) = given.iter().find(|(n, g)| *g && !allowed(n)) {
        return Err(Error::out_of_range(
            format!("{path}.{name}"),
            e.kind.key(),
            format!("effects do not take `{name}`"),
        ));
    }
    if e.kind == EffectKind::Scale && e.energy.is_some() && e.component.is_some() {
        return Err(Error::out_of_range(
            format!("{path}.component"),
            e.kind.key(),
            "effects on an energy input take no component",
        ));
    }
    let ratio = |name: &str, value: &Option<Measured<q::Ratio>>, max: f64| -> Result<()> {
        match value {
            Some(v) if !(v.si() >= 0.0 && v.si() <= max) => Err(Error::out_of_range(
                format!("{path}.{name}"),
                v,
                if max == 1.0 {
                    "must be from 0 % to 100 %".to_string()
                } else {
                    format!("must be from 0 to {}", format_number(max))
                },
            )),
            _ => Ok(()),
        }
    };
    ratio("fraction", &e.fraction, 1.0)?;
    ratio("factor", &e.factor, f64::MAX)?;
    ratio("ratio", &e.ratio, f64::MAX)?;
    if let Some(e) = &e.efficiency
        // a subnormal efficiency is zero to the energy it divides (which overflows)
        && !(crate::units::SMALLEST_DIVISOR..=1.0).contains(&e.si())
    {
        return Err(Error::out_of_range(
            format!("{path}.efficiency"),
            e,
            "must be more than 0 % and at most 100 %",
        ));
    }
    if let Some(c) = &e.cop
        && !(c.si() >= crate::units::SMALLEST_DIVISOR && c.si().is_finite())
    {
        return Err(Error::out_of_range(
            format!("{path}.cop"),
            c,
            "must be positive",
        ));
    }
    if let Some(f) = &e.flow
        && !matches!(f, Flow::Estimated(_))
    {
        return Err(Error::out_of_range(
            format!("{path}.flow"),
            f,
            "must be a plain amount per time (no \"?\", no uncertainty)",
        ));
    }
    Ok(())
}
