//! The plant's indicators before and after the options: E factor (without and with water),
//! process mass intensity, solvent and water intensity, per kilogram of product, the E factor
//! against Sheldon's ranges by segment; the balance per product; warnings.

use schemars::JsonSchema;
use serde::Serialize;

use super::baseline::{self, MATERIALS, WATER};
use super::sources;
use super::template::{ChemicalsTemplate, PATH, Segment};
use crate::error::Result;
use crate::flowsheet::{Flowsheet, NodeKind};
use crate::options::Flows;
use crate::sections::{AnnualOutput, Context};
pub use crate::sectors::indicators::{Class, Indicator, Range};
use crate::units::{format_number, round_to};

/// One product's balance at the baseline, kg per year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ProductBalance {
    /// The product's name.
    pub name: String,
    /// Product made, kg/yr.
    pub product: f64,
    /// Everything in (materials, solvent bought, water), kg/yr.
    pub inputs: f64,
    /// Waste (everything out but the product), kg/yr.
    pub waste: f64,
    /// Of which water, kg/yr.
    pub water: f64,
    /// E factor, water excluded.
    pub e_factor: f64,
    /// Process mass intensity.
    pub pmi: f64,
}

/// Flows out of the site per kind of sink, kg per year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Outflows {
    /// Product.
    pub product: f64,
    /// Solvent to air.
    pub air: f64,
    /// Hazardous waste (mother liquors, spent solvent), kg/yr.
    pub hazardous_waste: f64,
    /// Effluent, water included.
    pub effluent: f64,
    /// Of the effluent, water.
    pub effluent_water: f64,
}

/// Sheldon's E factor ranges and where the plant stands in each.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SegmentClass {
    /// The segment.
    pub segment: Segment,
    /// Its range.
    pub range: Range,
    /// Where the plant's E factor stands before the options.
    pub before: Class,
    /// And after.
    pub after: Option<Class>,
}

/// The chemicals model's indicators.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ChemicalsBenchmarks {
    /// The segment the plant is compared with.
    pub segment: Segment,
    /// Flows out of the site at the baseline.
    pub outflows: Outflows,
    /// The balance of each product at the baseline.
    pub products: Vec<ProductBalance>,
    /// Indicators per kilogram of product: `e_factor` (water excluded), `e_factor_complete`
    /// (water included), `pmi`, `solvent_intensity`, `water_intensity`.
    pub indicators: Vec<Indicator>,
    /// The E factor against every segment's range.
    pub segments: Vec<SegmentClass>,
    /// How the indicators are defined, with their source.
    pub definitions: String,
    /// Defaults assumed and unusual figures, naming the field, the range and the source.
    pub warnings: Vec<String>,
}

/// Mass figures of one set of flows, kg/yr.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Masses {
    /// Everything in.
    pub inputs: f64,
    /// Water in.
    pub water_in: f64,
    /// Solvent in (bought).
    pub solvent_in: f64,
    /// Product out.
    pub product: f64,
    /// Everything else out.
    pub waste: f64,
    /// Water out (in the waste).
    pub water_out: f64,
    /// Out to air.
    pub air: f64,
    /// Out to hazardous waste.
    pub hazardous: f64,
    /// Out to the effluent.
    pub effluent: f64,
}

impl Masses {
    /// Of the flows `set` (`[component][stream]`, kg/yr) of `fs`.
    pub fn of(fs: &Flowsheet, set: &[Vec<Option<f64>>]) -> Masses {
        let kind = |id: &str| fs.nodes.iter().find(|n| n.id == id).map(|n| n.kind);
        let mut m = Masses::default();
        for (c, name) in fs.components.iter().enumerate() {
            let (water, solvent) = (name == WATER, name != WATER && name != MATERIALS);
            for (s, st) in fs.streams.iter().enumerate() {
                let x = set
                    .get(c)
                    .and_then(|v| v.get(s))
                    .copied()
                    .flatten()
                    .unwrap_or(0.0);
                if kind(&st.from) == Some(NodeKind::Source) {
                    m.inputs += x;
                    if water {
                        m.water_in += x;
                    }
                    if solvent {
                        m.solvent_in += x;
                    }
                }
                match kind(&st.to) {
                    Some(NodeKind::Product) => m.product += x,
                    Some(
                        k @ (NodeKind::Emission | NodeKind::SolidWaste | NodeKind::Wastewater),
                    ) => {
                        m.waste += x;
                        if water {
                            m.water_out += x;
                        }
                        match k {
                            NodeKind::Emission => m.air += x,
                            NodeKind::SolidWaste => m.hazardous += x,
                            _ => m.effluent += x,
                        }
                    }
                    _ => {}
                }
            }
        }
        m
    }

    /// E factor, water excluded: (waste − water) / product.
    pub fn e_factor(&self) -> f64 {
        ratio(self.waste - self.water_out, self.product)
    }

    /// Complete E factor, water included: waste / product.
    pub fn e_factor_complete(&self) -> f64 {
        ratio(self.waste, self.product)
    }

    /// Process mass intensity: inputs / product.
    pub fn pmi(&self) -> f64 {
        ratio(self.inputs, self.product)
    }
}

/// Relative difference between `production.output` and the products' mass above which it is
/// warned about (1 %); a judgement of this model, not a published figure.
const OUTPUT_MISMATCH: f64 = 0.01;

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 { a / b } else { 0.0 }
}

/// The benchmarks of the plant `t` expanded into `flows`.
pub(super) fn benchmarks(
    ctx: &Context<'_>,
    t: &ChemicalsTemplate,
    flows: &Flows<'_>,
) -> Result<ChemicalsBenchmarks> {
    let fs = flows.flowsheet;
    let before = Masses::of(fs, &flows.before);
    let after = flows.after.as_deref().map(|a| Masses::of(fs, a));
    let reference = t.segment.e_factor();
    let indicator = |key, label, f: fn(&Masses) -> f64, r: Option<sources::Reference>| {
        Indicator::new(key, label, "kg/kg", f(&before), after.as_ref().map(f), r)
    };
    let indicators = vec![
        indicator(
            "e_factor",
            "E factor (water excluded)",
            Masses::e_factor,
            Some(reference),
        ),
        indicator(
            "e_factor_complete",
            "E factor (water included)",
            Masses::e_factor_complete,
            None,
        ),
        indicator("pmi", "process mass intensity", Masses::pmi, None),
        indicator(
            "solvent_intensity",
            "solvent bought per product",
            |m| ratio(m.solvent_in, m.product),
            None,
        ),
        indicator(
            "water_intensity",
            "water per product",
            |m| ratio(m.water_in, m.product),
            None,
        ),
    ];
    let segments = Segment::ALL
        .iter()
        .map(|s| {
            let r = s.e_factor();
            SegmentClass {
                segment: *s,
                range: Range::from(&r),
                before: crate::sectors::indicators::class(before.e_factor(), &r),
                after: after
                    .as_ref()
                    .map(|a| crate::sectors::indicators::class(a.e_factor(), &r)),
            }
        })
        .collect();
    let mut products = Vec::new();
    for p in &t.products {
        let a = baseline::annual(t, p)?;
        let inputs = a.inputs();
        let water = a.water + a.cleaning_water + a.ejector_water;
        let waste = inputs - a.product;
        products.push(ProductBalance {
            name: p.name.clone(),
            product: a.product,
            inputs,
            waste,
            water,
            e_factor: ratio(waste - water, a.product),
            pmi: ratio(inputs, a.product),
        });
    }
    let mut warnings = Vec::new();
    let e = before.e_factor();
    if e > 3.0 * reference.high {
        warnings.push(format!(
            "{PATH}: an E factor of {} kg/kg is more than three times the top of the {} range ({} kg/kg; {}): check the recipe and losses",
            format_number(round_to(e, 4)),
            reference.label,
            reference.high,
            reference.source
        ));
    }
    if let AnnualOutput::Mass(m) = ctx.production.output.per_year(ctx.schedule) {
        let stated = m.value;
        if (stated - before.product).abs() > OUTPUT_MISMATCH * before.product {
            warnings.push(format!(
                "production.output: {} t/yr differs by more than {} % from the {} t/yr the products of {PATH} make; the indicators use the products'",
                format_number(round_to(stated / 1e3, 6)),
                format_number(OUTPUT_MISMATCH * 100.0),
                format_number(round_to(before.product / 1e3, 6))
            ));
        }
    }
    for (i, p) in t.products.iter().enumerate() {
        if p.solvents
            .iter()
            .any(|s| s.lost() < 1e-12 && s.charge.si() > 0.0)
        {
            warnings.push(format!(
                "{PATH}.products[{i}].solvents: a solvent with no losses is taken as fully recovered in-house; give its losses to air, waste and water"
            ));
        }
    }
    Ok(ChemicalsBenchmarks {
        segment: t.segment,
        outflows: Outflows {
            product: before.product,
            air: before.air,
            hazardous_waste: before.hazardous,
            effluent: before.effluent,
            effluent_water: before.water_out,
        },
        products,
        indicators,
        segments,
        definitions: sources::DEFINITIONS.to_string(),
        warnings,
    })
}

/// The JSON Schema of [`ChemicalsBenchmarks`].
pub fn benchmarks_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(ChemicalsBenchmarks))
        .unwrap_or(serde_json::Value::Null)
}
