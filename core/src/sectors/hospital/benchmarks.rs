//! Indicators per bed-day, before and after the options, against WHO's health-care waste
//! figures, and warnings naming defaulted or unusual figures.

use schemars::JsonSchema;
use serde::Serialize;

use super::baseline::{EndUse, MERCURY, MISPLACED, WATER};
use super::sources::{self, Reference};
use super::template::{Category, HospitalTemplate, IncomeLevel, Origin, PATH};
use crate::error::Result;
use crate::flowsheet::{NodeKind, WATER_DENSITY};
use crate::options::Flows;
use crate::sections::Context;
pub use crate::sectors::indicators::{Class, Indicator, Range};
use crate::units::format_number;

/// The hospital's indicators.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct HospitalBenchmarks {
    /// Bed-days per year.
    pub bed_days: f64,
    /// The income level the WHO figures are taken for.
    pub income: String,
    /// Indicators per bed-day.
    pub indicators: Vec<Indicator>,
    /// Each waste treatment route: tonnes and cost a year, before and after the options.
    pub routes: Vec<RouteCost>,
    /// Figures that are possible but unusual, and defaults assumed, in words, naming the
    /// parameter, the range and its source.
    pub warnings: Vec<String>,
}

/// A waste treatment route (a solid-waste node priced per tonne under its name).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RouteCost {
    /// The route (`hazardous_waste`, `incineration`, `autoclave`, `landfill`, ...).
    pub route: String,
    /// Waste sent to it, t/yr, at the baseline.
    pub tonnes_before: f64,
    /// With every option applied (none without options).
    pub tonnes_after: Option<f64>,
    /// Its price per tonne, in the document's currency (none when not priced per mass).
    pub price: Option<f64>,
    /// Cost a year at the baseline: tonnes × price.
    pub cost_before: Option<f64>,
    /// Cost a year with every option applied.
    pub cost_after: Option<f64>,
}

/// Flows per component and stream (kg/yr).
type FlowSet = [Vec<Option<f64>>];

/// The benchmarks of the hospital `t` expanded into `flows`.
pub(super) fn benchmarks(
    ctx: &Context<'_>,
    t: &HospitalTemplate,
    flows: &Flows<'_>,
) -> Result<HospitalBenchmarks> {
    let bed_days = t.bed_days(ctx.schedule.days_per_year);
    let fs = flows.flowsheet;
    let comp = |name: &str| fs.components.iter().position(|c| c == name);
    let kind = |id: &str| fs.nodes.iter().find(|n| n.id == id).map(|n| n.kind);
    // kg/yr of `component` on streams matching `pick(stream id, to kind)`.
    let total = |set: &FlowSet, name: &str, pick: &dyn Fn(&str, &str, Option<NodeKind>) -> bool| {
        let Some(c) = comp(name) else { return 0.0 };
        fs.streams
            .iter()
            .enumerate()
            .filter(|(_, s)| pick(&s.id, &s.to, kind(&s.to)))
            .filter_map(|(i, _)| set[c][i])
            .sum::<f64>()
    };
    let general_route = t.waste.route(Category::General).to_string();
    let hazardous_routes: Vec<String> = Category::ALL[1..]
        .iter()
        .map(|c| t.waste.route(*c).to_string())
        .chain(
            super::baseline::alternatives(t)
                .into_iter()
                .map(str::to_string),
        )
        .filter(|r| *r != general_route)
        .collect();
    // Waste in the hazardous bins, and all the waste, kg/yr.
    let in_hazardous = |set: &FlowSet| -> f64 {
        Category::ALL
            .iter()
            .map(|c| {
                total(set, c.component(), &|_, to, k| {
                    k == Some(NodeKind::SolidWaste) && hazardous_routes.iter().any(|r| r == to)
                })
            })
            .sum()
    };
    let all_waste = |set: &FlowSet| -> f64 {
        Category::ALL
            .iter()
            .map(|c| {
                total(set, c.component(), &|_, _, k| {
                    k == Some(NodeKind::SolidWaste)
                })
            })
            .sum()
    };
    let after = flows.after.as_deref();
    let mut indicators = Vec::new();
    let mut add = |key: &str,
                   label: &str,
                   unit: &str,
                   f: &dyn Fn(&FlowSet) -> f64,
                   reference: Option<Reference>| {
        let before = f(&flows.before);
        let after = after.map(f);
        indicators.push(Indicator::new(key, label, unit, before, after, reference));
    };
    let litres = |kg: f64| kg / WATER_DENSITY * 1_000.0 / bed_days;
    if comp(WATER).is_some() {
        add(
            "water",
            "fresh water",
            "L/bed-day",
            &|set| litres(total(set, WATER, &|id, _, _| id.ends_with("_water"))),
            sources::WATER_PER_BED_DAY,
        );
        for u in EndUse::ALL {
            let id = super::baseline::water_in(u);
            if fs.streams.iter().any(|s| s.id == id) {
                add(
                    &format!("water_{}", u.key()),
                    &format!("fresh water, {}", u.key().replace('_', " ")),
                    "L/bed-day",
                    &|set| litres(total(set, WATER, &|s, _, _| s == id)),
                    None,
                );
            }
        }
    }
    let rates = t.waste_rates();
    if !rates.is_empty() {
        add(
            "waste",
            "health-care waste generated",
            "kg/bed-day",
            &|set| all_waste(set) / bed_days,
            None,
        );
        for (c, _, _) in &rates {
            add(
                &format!("waste_{}", c.key()),
                c.component(),
                "kg/bed-day",
                &|set| {
                    total(set, c.component(), &|_, _, k| {
                        k == Some(NodeKind::SolidWaste)
                    }) / bed_days
                },
                None,
            );
        }
        let hazardous_reference = match t.income {
            IncomeLevel::High => Some(sources::WHO_HAZARDOUS_HIGH_INCOME),
            _ => None,
        };
        add(
            "hazardous_bins",
            "waste in hazardous bins",
            "kg/bed-day",
            &|set| in_hazardous(set) / bed_days,
            hazardous_reference,
        );
        let percent = |r: Reference| Reference {
            low: r.low * 100.0,
            high: r.high * 100.0,
            ..r
        };
        add(
            "hazardous_share",
            "share of the waste in hazardous bins",
            "%",
            &|set| {
                let all = all_waste(set);
                if all > 0.0 {
                    100.0 * in_hazardous(set) / all
                } else {
                    0.0
                }
            },
            Some(percent(sources::WHO_HAZARDOUS_SHARE)),
        );
        add(
            "infectious_pathological_share",
            "infectious and pathological share of the waste",
            "%",
            &|set| {
                let all = all_waste(set);
                let ip: f64 = [Category::Infectious, Category::Pathological]
                    .iter()
                    .map(|c| {
                        total(set, c.component(), &|_, _, k| {
                            k == Some(NodeKind::SolidWaste)
                        })
                    })
                    .sum();
                if all > 0.0 { 100.0 * ip / all } else { 0.0 }
            },
            Some(percent(sources::WHO_INFECTIOUS_PATHOLOGICAL_SHARE)),
        );
        if fs.streams.iter().any(|s| s.id == MISPLACED) {
            add(
                "general_in_hazardous",
                "general waste in hazardous bins",
                "kg/bed-day",
                &|set| {
                    total(set, Category::General.component(), &|id, _, _| {
                        id == MISPLACED
                    }) / bed_days
                },
                None,
            );
        }
    }
    if comp(MERCURY).is_some() {
        add(
            "mercury",
            "mercury from broken or discarded devices",
            "g/yr",
            &|set| 1_000.0 * total(set, MERCURY, &|_, _, k| k == Some(NodeKind::Emission)),
            None,
        );
    }
    if !fs.energy.is_empty() {
        let kwh = |e: &[f64]| e.iter().sum::<f64>() / 3.6e6 / bed_days;
        indicators.push(Indicator::new(
            "energy",
            "energy: boiler, hot water, lighting",
            "kWh/bed-day",
            kwh(&flows.energy_before),
            after.map(|_| kwh(&flows.energy_after)),
            sources::ENERGY_PER_BED_DAY,
        ));
    }
    // Tonnes a year into each solid-waste node, and their cost at its price per tonne.
    let mut routes = Vec::new();
    for n in fs.nodes.iter().filter(|n| n.kind == NodeKind::SolidWaste) {
        let into = |set: &FlowSet| -> f64 {
            Category::ALL
                .iter()
                .map(|c| total(set, c.component(), &|_, to, _| to == n.id))
                .sum::<f64>()
                / 1_000.0
        };
        let price = ctx
            .prices
            .get(&n.id)
            .filter(|p| p.dimension() == crate::units::Dimension::Mass)
            .map(|p| p.per_si() * 1_000.0);
        let before = into(&flows.before);
        let after_t = after.map(into);
        routes.push(RouteCost {
            route: n.id.clone(),
            tonnes_before: before,
            tonnes_after: after_t,
            price,
            cost_before: price.map(|p| p * before),
            cost_after: price.and_then(|p| after_t.map(|a| a * p)),
        });
    }
    Ok(HospitalBenchmarks {
        bed_days,
        income: t.income.key().to_string(),
        indicators,
        routes,
        warnings: warnings(t),
    })
}

/// Warnings about defaulted and unusual figures.
fn warnings(t: &HospitalTemplate) -> Vec<String> {
    let mut out = Vec::new();
    let rates = t.waste_rates();
    let share = sources::WHO_HAZARDOUS_SHARE;
    for (c, kg, origin) in &rates {
        match origin {
            Origin::Given => {}
            Origin::WhoIncome => {
                let r = if t.income == IncomeLevel::High {
                    sources::WHO_HAZARDOUS_HIGH_INCOME
                } else {
                    sources::WHO_HAZARDOUS_LOW_INCOME
                };
                out.push(format!(
                    "{PATH}.waste.{} not given (nor any hazardous category): {} kg per bed-day of hazardous waste assumed, all infectious ({}; {}); weigh the bins for a week to replace it",
                    c.key(),
                    format_number(*kg),
                    r.label,
                    r.source
                ));
            }
            Origin::WhoProportion => out.push(format!(
                "{PATH}.waste.general not given: {} kg per bed-day assumed from the hazardous waste and {} ({}); weigh the general waste to replace it",
                format_number(crate::units::round_to(*kg, 6)),
                share.label,
                share.source
            )),
        }
    }
    if rates.is_empty() && t.income == IncomeLevel::Middle {
        out.push(format!(
            "{PATH}.waste: no figures given, and WHO gives no hazardous waste per bed-day for middle-income countries ({}): waste is not modelled",
            sources::WHO_HAZARDOUS_HIGH_INCOME.source
        ));
    }
    let (general, hazardous) = t.general_and_hazardous();
    let all = general + hazardous;
    if all > 0.0 {
        let intrinsic = hazardous / all;
        if intrinsic > share.high {
            out.push(format!(
                "{PATH}.waste: the hazardous categories are {} % of the waste generated, above {} (0-{} %; {}): check the figures, or the general waste counted as hazardous",
                format_number(crate::units::round_to(intrinsic * 100.0, 4)),
                share.label,
                format_number(share.high * 100.0),
                share.source
            ));
        }
        let s = rates
            .iter()
            .find(|(c, _, _)| *c == Category::Sharps)
            .map_or(0.0, |(_, kg, _)| kg / all);
        if s > 5.0 * sources::WHO_SHARPS_SHARE {
            out.push(format!(
                "{PATH}.waste.sharps: {} % of the waste, over five times WHO's about {} % (WHO fact sheet No. 253, October 2000): check the figure",
                format_number(crate::units::round_to(s * 100.0, 4)),
                format_number(sources::WHO_SHARPS_SHARE * 100.0)
            ));
        }
        let cp = rates
            .iter()
            .filter(|(c, _, _)| matches!(c, Category::Chemical | Category::Pharmaceutical))
            .map(|(_, kg, _)| kg / all)
            .sum::<f64>();
        if cp > 5.0 * sources::WHO_CHEMICAL_PHARMACEUTICAL_SHARE {
            out.push(format!(
                "{PATH}.waste: chemical and pharmaceutical waste {} % of the waste, over five times WHO's about {} % (WHO fact sheet No. 253, October 2000): check the figures",
                format_number(crate::units::round_to(cp * 100.0, 4)),
                format_number(sources::WHO_CHEMICAL_PHARMACEUTICAL_SHARE * 100.0)
            ));
        }
    }
    if t.waste.general_in_hazardous.is_none() && !rates.is_empty() {
        out.push(format!(
            "{PATH}.waste.general_in_hazardous not given: no general waste assumed in the hazardous bins; audit the bins to find the share (WHO: about 85 % of health-care waste is general)"
        ));
    }
    out
}

/// The JSON Schema of [`HospitalBenchmarks`].
pub fn benchmarks_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(HospitalBenchmarks))
        .unwrap_or(serde_json::Value::Null)
}
