//! Options given by an engineering model instead of hand-written effects:
//! `model = { kind = "steam_leak", pressure = "8 bar(g)", diameter = "3 mm" }`.
//!
//! The model's calculator ([`crate::utilities`]) gives the loss the option removes over a year
//! (its `hours`, the schedule's operating hours when absent); the loss becomes effects on the
//! site's boundary: fuel at the boiler (its energy through the boiler efficiency), electricity,
//! make-up water, treatment chemicals. Each lands on a priced resource (`fuel = "natural_gas"`,
//! `"electricity"`, `"water"`, `chemical = "..."`) or, with `energy = "<id>"`, on an energy
//! input of the flowsheet, so the carrier's price and CO2 follow. The calculator's figures are
//! kept as the option's `model` detail.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{CpOption, Effect};
use crate::error::{Error, Result};
use crate::flowsheet::{Carrier, Flowsheet};
use crate::sections::Context;
use crate::units::{Dimension, Measure, format_number, to_si};

/// An option's engineering model: a calculator of [`crate::utilities`] by `kind`, its inputs,
/// and where its savings land.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OptionModel {
    /// The calculator: `steam_leak`, `steam_trap`, `blowdown`, `condensate_return`,
    /// `pipe_insulation`, `air_leak`, `air_pressure_reduction`, `cooling_tower`, `lighting`,
    /// `motor` or `pump_vsd`.
    pub kind: String,
    /// The fuel the boiler burns, a carrier (`"natural_gas"`, `"fuel_oil"`, `"lpg"`, ...)
    /// priced in `[prices]`; `natural_gas` when absent and `energy` is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fuel: Option<String>,
    /// An energy input of the flowsheet (`flowsheet.energy[].id`) that the fuel or
    /// electricity saved comes off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub energy: Option<String>,
    /// The priced resource the treatment chemicals saved are bought as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chemical: Option<String>,
    /// The calculator's own inputs, strings with units (`pressure = "8 bar(g)"`), checked by
    /// it.
    #[serde(flatten)]
    pub inputs: BTreeMap<String, Value>,
}

/// What a model's output field is a saving of.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Saved {
    /// Fuel energy at the burner.
    Fuel,
    /// Electricity.
    Electricity,
    /// Make-up water (given as a mass or a volume).
    Water,
    /// Treatment chemicals (a mass).
    Chemical,
}

/// Output fields and what each is a saving of.
type Fields = &'static [(&'static str, Saved)];

/// Per calculator: the output fields that are savings over the year (the first is required:
/// without it the model says what input it needs), and that input.
const SAVINGS: &[(&str, Fields, &str)] = &[
    (
        "steam_leak",
        &[("fuel", Saved::Fuel), ("mass", Saved::Water)],
        "boiler_efficiency and makeup_temperature",
    ),
    (
        "steam_trap",
        &[("fuel", Saved::Fuel), ("mass", Saved::Water)],
        "boiler_efficiency and makeup_temperature",
    ),
    (
        "blowdown",
        &[("fuel_saved", Saved::Fuel)],
        "flash_pressure or drain_temperature, and boiler_efficiency",
    ),
    (
        "condensate_return",
        &[
            ("fuel", Saved::Fuel),
            ("water", Saved::Water),
            ("chemicals", Saved::Chemical),
        ],
        "its inputs",
    ),
    (
        "pipe_insulation",
        &[("fuel_saved", Saved::Fuel)],
        "insulation_thickness, insulation_conductivity and boiler_efficiency",
    ),
    (
        "air_leak",
        &[("energy", Saved::Electricity)],
        "specific_power",
    ),
    (
        "air_pressure_reduction",
        &[("energy", Saved::Electricity)],
        "its inputs",
    ),
    (
        "cooling_tower",
        &[
            ("water_saved", Saved::Water),
            ("chemicals_saved", Saved::Chemical),
        ],
        "new_cycles",
    ),
    (
        "lighting",
        &[("energy_saved", Saved::Electricity)],
        "its inputs",
    ),
    (
        "motor",
        &[("energy_saved", Saved::Electricity)],
        "its inputs",
    ),
    (
        "pump_vsd",
        &[("energy_saved", Saved::Electricity)],
        "its inputs",
    ),
];

/// The model of a fixture retrofit: the `fixture` calculator run with the fixtures as they are
/// and with their `new_flow` (or `new_volume`), the difference saved.
const FIXTURE: &str = "fixture";

/// The kinds a model may be.
pub fn model_kinds() -> Vec<&'static str> {
    SAVINGS
        .iter()
        .map(|(k, _, _)| *k)
        .chain(std::iter::once(FIXTURE))
        .collect()
}

/// A fixture retrofit: `fixture = "shower"` (the calculator's `kind`), its figures as they are,
/// and `new_flow` (showers, faucets, spray valves) or `new_volume` (WCs, urinals, dishwashers);
/// `days` the schedule's when absent. The water saved is bought (and discharged, when the
/// document prices wastewater); the hot water's heating energy saved is fuel at the heater's
/// efficiency, or electricity with a heat pump's `cop`.
fn fixture_retrofit(
    ctx: &Context<'_>,
    flowsheet: Option<&Flowsheet>,
    model: &OptionModel,
    path: &str,
) -> Result<(Vec<Effect>, Value)> {
    let calculator = crate::utilities::calculator(FIXTURE)?;
    let mut inputs: serde_json::Map<String, Value> = model.inputs.clone().into_iter().collect();
    let fixture = inputs
        .remove("fixture")
        .ok_or_else(|| Error::MissingField {
            path: format!("{path}.fixture"),
        })?;
    inputs.insert("kind".into(), fixture);
    if !inputs.contains_key("days") {
        inputs.insert("days".into(), ctx.schedule.days_per_year.into());
    }
    let (field, new) = match (inputs.remove("new_flow"), inputs.remove("new_volume")) {
        (Some(v), None) => ("flow", v),
        (None, Some(v)) => ("volume", v),
        (None, None) => {
            return Err(Error::MissingField {
                path: format!("{path}.new_flow"),
            });
        }
        (Some(_), Some(_)) => {
            return Err(Error::out_of_range(
                format!("{path}.new_volume"),
                "",
                "is given with new_flow: give one of them",
            ));
        }
    };
    let before = calculator
        .run(Value::Object(inputs.clone()))
        .map_err(|e| e.under(path))?;
    inputs.insert(field.into(), new);
    let after = calculator.run(Value::Object(inputs.clone())).map_err(|e| {
        if e.path() == field {
            e.with_path(format!("{path}.new_{field}"))
        } else {
            e.under(path)
        }
    })?;
    let si = |v: &Value, pointer: &str, d: Dimension| -> Result<f64> {
        match v.pointer(pointer).and_then(Value::as_str) {
            Some(text) => {
                to_si(text, d).map_err(|p| Error::unit(format!("{path}{pointer}"), text, p))
            }
            None => Ok(0.0),
        }
    };
    let mut effects = Vec::new();
    let water =
        si(&before, "/water", Dimension::Volume)? - si(&after, "/water", Dimension::Volume)?;
    effects.push(saving("water", format!("{} m3/yr", format_number(water)))?);
    if ctx.prices.contains_key("wastewater") {
        effects.push(saving(
            "wastewater",
            format!("{} m3/yr", format_number(water)),
        )?);
    }
    let energy = si(&before, "/heating/energy_in", Dimension::Energy)?
        - si(&after, "/heating/energy_in", Dimension::Energy)?;
    if energy != 0.0 {
        let electric = inputs.contains_key("cop");
        effects.push(energy_effect(
            ctx, flowsheet, model, path, energy, electric,
        )?);
    }
    Ok((
        effects,
        serde_json::json!({ "before": before, "after": after }),
    ))
}

/// Turn the model of option `i` into its effects (added to those it has), and return the
/// calculator's figures.
pub(crate) fn expand(
    ctx: &Context<'_>,
    flowsheet: Option<&Flowsheet>,
    option: &mut CpOption,
    i: usize,
) -> Result<Option<Value>> {
    let Some(model) = &option.model else {
        return Ok(None);
    };
    let path = format!("options[{i}].model");
    if model.kind == FIXTURE {
        let (effects, detail) = fixture_retrofit(ctx, flowsheet, model, &path)?;
        option.effects.extend(effects);
        return Ok(Some(detail));
    }
    let (fields, needs) = SAVINGS
        .iter()
        .find(|(k, _, _)| *k == model.kind)
        .map(|(_, f, n)| (*f, *n))
        .ok_or_else(|| Error::UnknownVariant {
            path: format!("{path}.kind"),
            value: model.kind.clone(),
            expected: model_kinds().join(", "),
        })?;
    let calculator = crate::utilities::calculator(&model.kind)?;
    let mut inputs: serde_json::Map<String, Value> = model.inputs.clone().into_iter().collect();
    // Every calculator a model may be takes the hours of its year.
    if !inputs.contains_key("hours") {
        let hours = ctx.schedule.operating_time().si() / 3_600.0;
        inputs.insert("hours".into(), format!("{} h", format_number(hours)).into());
    }
    let output = calculator
        .run(Value::Object(inputs))
        .map_err(|e| e.under(&path))?;
    let mut effects = Vec::new();
    for (n, &(field, saved)) in fields.iter().enumerate() {
        let Some(text) = output.get(field).and_then(Value::as_str) else {
            if n == 0 {
                return Err(Error::out_of_range(
                    format!("{path}.kind"),
                    &model.kind,
                    format!("gives no {field} saved over the year with these inputs: give {needs}"),
                ));
            }
            continue;
        };
        let amount = |d: Dimension| {
            to_si(text, d).map_err(|p| Error::unit(format!("{path}.{field}"), text, p))
        };
        match saved {
            Saved::Fuel => {
                let joules = amount(Dimension::Energy)?;
                effects.push(energy_effect(ctx, flowsheet, model, &path, joules, false)?);
            }
            Saved::Electricity => {
                let joules = amount(Dimension::Energy)?;
                effects.push(energy_effect(ctx, flowsheet, model, &path, joules, true)?);
            }
            Saved::Water => {
                let m3 = amount(Dimension::Volume)
                    .or_else(|_| amount(Dimension::Mass).map(|kg| kg / 1_000.0))?;
                effects.push(saving("water", format!("{} m3/yr", format_number(m3)))?);
            }
            Saved::Chemical => {
                let kg = amount(Dimension::Mass)?;
                let Some(resource) = &model.chemical else {
                    return Err(Error::MissingField {
                        path: format!("{path}.chemical"),
                    });
                };
                effects.push(saving(resource, format!("{} kg/yr", format_number(kg)))?);
            }
        }
    }
    option.effects.extend(effects);
    Ok(Some(output))
}

/// A direct saving of `amount` (text written here from a finite number and a known unit).
fn saving(resource: &str, amount: String) -> Result<Effect> {
    let v = serde_json::json!({ "kind": "saving", "resource": resource, "amount": amount });
    crate::wire::typed(&v)
}

/// The effect of `joules` of fuel (or electricity) saved a year: off the flowsheet energy input
/// `model.energy`, or a saving of the priced carrier in the unit of its price.
fn energy_effect(
    ctx: &Context<'_>,
    flowsheet: Option<&Flowsheet>,
    model: &OptionModel,
    path: &str,
    joules: f64,
    electricity: bool,
) -> Result<Effect> {
    if let Some(id) = &model.energy {
        let fs = flowsheet.ok_or_else(|| {
            Error::out_of_range(
                format!("{path}.energy"),
                id,
                "names an energy input, but the document has no flowsheet",
            )
        })?;
        let (i, input) = fs
            .energy
            .iter()
            .enumerate()
            .find(|(_, e)| &e.id == id)
            .ok_or_else(|| Error::UnknownReference {
                path: format!("{path}.energy"),
                value: id.clone(),
                expected: "the id of an energy input in flowsheet.energy".to_string(),
            })?;
        let used = input.joules_per_year(ctx.schedule, &format!("flowsheet.energy[{i}]"))?;
        if joules >= used || joules.is_nan() {
            return Err(Error::out_of_range(
                format!("{path}.energy"),
                id,
                format!(
                    "uses {} kWh a year, less than the {} kWh the model saves",
                    format_number(used / 3.6e6),
                    format_number(joules / 3.6e6)
                ),
            ));
        }
        let factor = format_number(1.0 - joules / used);
        let v = serde_json::json!({ "kind": "scale", "energy": id, "factor": factor });
        return crate::wire::typed(&v);
    }
    let carrier = if electricity {
        Carrier::Electricity
    } else {
        let key = model.fuel.as_deref().unwrap_or("natural_gas");
        Carrier::ALL
            .into_iter()
            .find(|c| c.key() == key && *c != Carrier::Electricity)
            .ok_or_else(|| Error::UnknownVariant {
                path: format!("{path}.fuel"),
                value: key.to_string(),
                expected: Carrier::ALL
                    .into_iter()
                    .filter(|c| *c != Carrier::Electricity)
                    .map(Carrier::key)
                    .collect::<Vec<_>>()
                    .join(", "),
            })?
    };
    let resource = carrier.key();
    let price = ctx
        .prices
        .get(resource)
        .ok_or_else(|| Error::MissingPrice {
            path: format!("{path}.fuel"),
            value: resource.to_string(),
            what: format!("the {resource} the model saves"),
        })?;
    let amount = match price.dimension() {
        Dimension::Energy => Some(format!("{} kWh/yr", format_number(joules / 3.6e6))),
        Dimension::Mass => carrier
            .net_calorific_value_per_kg()
            .map(|j| format!("{} kg/yr", format_number(joules / j))),
        Dimension::GasAmount => carrier.net_calorific_value_per_mol().and_then(|j| {
            let mol_per_nm3 = to_si("1 Nm3", Dimension::GasAmount).ok()?;
            Some(format!(
                "{} Nm3/yr",
                format_number(joules / j / mol_per_nm3)
            ))
        }),
        _ => None,
    }
    .ok_or_else(|| {
        Error::out_of_range(
            format!("prices.{resource}"),
            price,
            format!(
                "is per {}: the energy a model saves is priced per energy, mass or gas amount",
                price.dimension().name()
            ),
        )
    })?;
    saving(resource, amount)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_model_is_a_calculator_that_takes_its_hours() {
        for (kind, _, _) in SAVINGS {
            let c = crate::utilities::calculator(kind).unwrap();
            let schema = c.input_schema();
            assert!(
                schema["properties"].get("hours").is_some(),
                "{kind} takes no hours"
            );
            for (field, _) in SAVINGS.iter().find(|(k, _, _)| k == kind).unwrap().1 {
                assert!(
                    c.result_schema()["properties"].get(*field).is_some(),
                    "{kind} gives no {field}"
                );
            }
        }
    }
}
