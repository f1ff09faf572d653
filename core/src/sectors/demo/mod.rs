//! A laundry, compiled in test builds only: the smallest sector model, to show (and test) that
//! a sector is this folder plus one line of the registry in `sectors/mod.rs`, and that nothing
//! above the sectors layer names it.
//!
//! `[template.demo]` takes the linen washed per day and the water per kilogram; it builds
//! mains → washer → drain with the linen as product, offers rinse-water reuse (the final
//! rinse's water sent back to the wash) and benchmarks water per kilogram of linen.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;
use uom::si::f64 as q;

use super::{Expansion, Sector, SectorModel};
use crate::error::{Error, Result};
use crate::flowsheet::Flowsheet;
use crate::options::{CpOption, Flows};
use crate::sections::Context;
use crate::units::{Measured, format_number};

/// `[template.demo]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LaundryTemplate {
    /// Linen washed per operating day.
    pub linen: Measured<q::MassRate>,
    /// Water per kilogram of linen (`"10 L/kg"`).
    pub water: Measured<q::SpecificVolume>,
    /// Share of the water reused by the catalogue option; none offered when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reuse: Option<Measured<q::Ratio>>,
}

/// Water per kilogram of linen, before and after the options.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct LaundryBenchmarks {
    /// L/kg before.
    pub water_before: f64,
    /// L/kg after.
    pub water_after: Option<f64>,
    /// Warnings.
    pub warnings: Vec<String>,
}

/// The laundry model.
pub struct Demo;

impl SectorModel for Demo {
    const SECTOR: Sector = Sector::Demo;
    const STARTING_DOCUMENT: Option<&'static str> = None;
    type Template = LaundryTemplate;
    type Benchmarks = LaundryBenchmarks;

    fn expand(ctx: &Context<'_>, t: &LaundryTemplate) -> Result<Expansion> {
        let kg_per_day = t.linen.si() * 86_400.0;
        let m3_per_day = kg_per_day * t.water.si();
        if m3_per_day.is_nan() || m3_per_day <= 0.0 {
            return Err(Error::out_of_range(
                "template.demo.water",
                &t.water,
                "must be positive",
            ));
        }
        let flowsheet: Flowsheet = serde_json::from_value(json!({
            "components": ["water"],
            "nodes": [
                { "id": "mains", "kind": "source" },
                { "id": "washer", "kind": "process" },
                { "id": "drain", "kind": "wastewater" },
                { "id": "linen", "kind": "product" },
            ],
            "streams": [
                { "id": "fresh", "from": "mains", "to": "washer",
                  "flows": { "water": format!("{} m3/d", format_number(m3_per_day)) } },
                { "id": "spent", "from": "washer", "to": "drain", "flows": { "water": "?" } },
                { "id": "damp", "from": "washer", "to": "linen",
                  "flows": { "water": format!("{} kg/d", format_number(kg_per_day * 0.5)) } },
            ],
        }))
        .map_err(|e| Error::InvalidType {
            path: "template.demo".to_string(),
            message: e.to_string(),
        })?;
        flowsheet.validate(ctx.schedule)?;
        let options = t
            .reuse
            .iter()
            .map(|r| {
                serde_json::from_value::<CpOption>(json!({
                    "id": "rinse_reuse",
                    "title": "Reuse of the final rinse water",
                    "category": "on_site_recovery",
                    "effects": [{ "kind": "recycle", "stream": "spent", "component": "water",
                                  "fraction": r.to_string(), "to": "washer", "replaces": "fresh" }],
                }))
                .map_err(|e| Error::InvalidType {
                    path: "template.demo.reuse".to_string(),
                    message: e.to_string(),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Expansion { flowsheet, options })
    }

    fn benchmarks(
        ctx: &Context<'_>,
        t: &LaundryTemplate,
        flows: &Flows<'_>,
    ) -> Result<LaundryBenchmarks> {
        let kg_per_year = ctx.schedule.per_year(&t.linen).value;
        // Stream 0 is the fresh water, in kg/yr; L/kg at 1 kg/L.
        let per_kg = |set: &[Vec<Option<f64>>]| set[0][0].unwrap_or(0.0) / kg_per_year;
        Ok(LaundryBenchmarks {
            water_before: per_kg(&flows.before),
            water_after: flows.after.as_deref().map(per_kg),
            warnings: Vec::new(),
        })
    }

    fn warnings(b: &LaundryBenchmarks) -> &[String] {
        &b.warnings
    }

    /// The demonstration keeps its one figure outside the shared indicators.
    fn indicators(_: &LaundryBenchmarks) -> &[crate::sectors::indicators::Indicator] {
        &[]
    }

    fn text(b: &LaundryBenchmarks) -> String {
        format!("water: {} L/kg of linen\n", format_number(b.water_before))
    }
}

#[cfg(test)]
mod tests {
    use crate::Assessment;
    use crate::sectors::Benchmarks;

    const LAUNDRY: &str = r#"
format = "cleanprod/1"
currency = "USD"
[site]
name = "Lavandería demo"
sector = "demo"
[schedule]
days_per_year = 300
hours_per_day = "16 h"
[production]
product = "kg of linen"
output = "2 t/d"
[prices]
water = "1.5 USD/m3"
wastewater = "1 USD/m3"
[finance]
discount_rate = "10 %"
horizon = "10 yr"
[template.demo]
linen = "2 t/d"
water = "12 L/kg"
reuse = "25 %"
"#;

    #[test]
    fn a_sector_registered_in_one_line_runs_end_to_end() {
        let a = Assessment::from_toml_str(LAUNDRY).unwrap();
        let e = a.evaluate().unwrap();
        assert_eq!(e.options.len(), 1);
        // 2 t/d × 12 L/kg = 24 m3/d through the washer, 1 m3/d of it leaving with the damp
        // linen and 23 m3/d spent; a quarter of the spent water, 5.75 m3/d, goes back and
        // replaces as much fresh water (the washer's throughput stays 24 m3/d).
        let saved_m3 = 5.75 * 300.0;
        let water = e.options[0].money["water"] / 1.5;
        assert!((water - saved_m3).abs() < 1e-6 * saved_m3, "{water}");
        let Some(Benchmarks::Demo(b)) = a.benchmarks().unwrap() else {
            panic!("demo benchmarks")
        };
        assert!((b.water_before - 12.0).abs() < 1e-9);
        assert!((b.water_after.unwrap() - (24.0 - 5.75) / 2.0).abs() < 1e-9);
        let report = a.report().unwrap();
        let text = report
            .benchmarks
            .as_ref()
            .map(Benchmarks::text)
            .unwrap_or_default();
        assert!(text.contains("water: 12 L/kg of linen"), "{text}");
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["benchmarks"]["sector"], "demo");
    }

    #[test]
    fn the_template_must_match_the_site_sector() {
        let text = LAUNDRY.replace("sector = \"demo\"", "sector = \"hotel\"");
        let e = Assessment::from_toml_str(&text).unwrap_err();
        assert_eq!(e.path(), "site.sector");
        assert!(e.to_string().contains("template.demo"), "{e}");
    }
}
