//! A batch or specialty chemicals plant from its recipes: per product the batches a year,
//! the raw materials, solvents and water charged per batch, the yield, where the solvent not
//! recovered goes (air, waste, water), reactor cleaning per campaign, and the steam, ejector
//! steam and electricity; the baseline balance closes by construction (inputs = product +
//! waste streams). Indicators: Sheldon's E factor (with and without water), process mass
//! intensity, solvent and water intensity, against Sheldon's ranges by segment.
//!
//! ```toml
//! [template.chemicals]
//! segment = "fine_chemicals"
//! boiler = { fuel = "coal", efficiency = "75 %", pressure = "10 bar(g)", feedwater_temperature = "60 °C" }
//!
//! [[template.chemicals.products]]
//! name = "azo_pigment"
//! batches = 300
//! product = "1000 kg"
//! yield = "80 %"
//! materials = [{ name = "amine", amount = "900 kg" }, { name = "coupler", amount = "700 kg" }]
//! solvents = [{ name = "toluene", charge = "3000 kg", to_air = "2 %", to_waste = "10 %" }]
//! water = "5 m3"
//! steam = "2 t"
//! ```
//!
//! Cooling-tower water is a utility outside the recipe: it is not in the mass indicators, and
//! the `cooling_tower_cycles` option prices its make-up water and chemicals through the
//! utilities' model.
//!
//! Every published figure is in [`sources`] with its source; the recipe, losses and option
//! figures are the site's and required.

mod baseline;
mod benchmarks;
mod catalogue;
mod report;
pub mod sources;
mod template;

pub use baseline::{Annual, annual};
pub use benchmarks::{
    ChemicalsBenchmarks, Class, Indicator, Masses, Outflows, ProductBalance, Range, SegmentClass,
    benchmarks_schema,
};
pub use catalogue::distillation_heat;
pub use template::{
    Boiler, ChemicalsChoice, ChemicalsOption, ChemicalsTemplate, Cleaning, CoolingTower, Material,
    Product, Segment, Solvent,
};

use super::{Expansion, Sector, SectorModel};
use crate::error::Result;
use crate::options::Flows;
use crate::sections::Context;

/// The chemicals model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chemicals;

impl SectorModel for Chemicals {
    const SECTOR: Sector = Sector::Chemicals;
    const STARTING_DOCUMENT: Option<&'static str> =
        Some(include_str!("../../../../examples/chemicals.toml"));
    type Template = ChemicalsTemplate;
    type Benchmarks = ChemicalsBenchmarks;

    fn expand(ctx: &Context<'_>, t: &ChemicalsTemplate) -> Result<Expansion> {
        t.validate()?;
        Ok(Expansion {
            flowsheet: baseline::flowsheet(ctx, t)?,
            options: catalogue::options(ctx, t)?,
        })
    }

    fn benchmarks(
        ctx: &Context<'_>,
        t: &ChemicalsTemplate,
        flows: &Flows<'_>,
    ) -> Result<ChemicalsBenchmarks> {
        benchmarks::benchmarks(ctx, t, flows)
    }

    fn warnings(b: &ChemicalsBenchmarks) -> &[String] {
        &b.warnings
    }

    fn indicators(b: &ChemicalsBenchmarks) -> &[crate::sectors::indicators::Indicator] {
        &b.indicators
    }

    fn text(b: &ChemicalsBenchmarks) -> String {
        report::text(b)
    }
}
