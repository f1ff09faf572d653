//! Automotive parts from a few figures: an electroplating line (drag-out, rinses by the rinse
//! equations, metal per metal through the wastewater treatment into the sludge), a spray paint
//! shop (coating, overspray and VOC from the transfer efficiency) and a machining shop
//! (metalworking fluid, chips, compressed air); the catalogue of options that edit the
//! baseline; indicators per square metre plated and painted.
//!
//! ```toml
//! [template.automotive.plating]
//! loads = "12 /h"
//! area_per_load = "2.5 m2"
//! geometry = "vertical_poorly_drained"
//! treatment = { dry_solids = "25 %" }
//!
//! [[template.automotive.plating.tanks]]
//! name = "nickel"
//! kind = "plating"
//! metal = "nickel"
//! concentration = "70 g/L"
//! rinse = { kind = "single", final_concentration = "30 mg/L" }
//! ```
//!
//! Every default figure is in [`sources`] with its source; what has no published default
//! (rinse criteria, spray efficiencies, the shares recovered by an option, investments) is the
//! site's and required.

mod baseline;
mod benchmarks;
mod catalogue;
mod machining;
mod paint;
mod plating;
mod report;
pub mod rinse;
pub mod sources;
mod template;

pub use baseline::{Figures, figures};
pub use benchmarks::{
    AutomotiveBenchmarks, Class, Indicator, MetalBalance, Range, RinseFigure, benchmarks_schema,
};
pub use machining::MachiningFigures;
pub use paint::PaintFigures;
pub use plating::{LineFigures, TankFigures};
pub use template::{
    Application, AutomotiveChoice, AutomotiveOption, AutomotiveTemplate, Geometry, Machining,
    PaintShop, PlatingLine, Rinse, RinseKind, Tank, TankKind, Treatment,
};

use super::{Expansion, Sector, SectorModel};
use crate::error::Result;
use crate::options::Flows;
use crate::sections::Context;

/// The automotive-parts model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Automotive;

impl SectorModel for Automotive {
    const SECTOR: Sector = Sector::Automotive;
    const STARTING_DOCUMENT: Option<&'static str> =
        Some(include_str!("../../../../examples/automotive.toml"));
    type Template = AutomotiveTemplate;
    type Benchmarks = AutomotiveBenchmarks;

    fn expand(ctx: &Context<'_>, t: &AutomotiveTemplate) -> Result<Expansion> {
        t.validate()?;
        Ok(Expansion {
            flowsheet: baseline::flowsheet(ctx, t)?,
            options: catalogue::options(ctx, t)?,
        })
    }

    fn benchmarks(
        ctx: &Context<'_>,
        t: &AutomotiveTemplate,
        flows: &Flows<'_>,
    ) -> Result<AutomotiveBenchmarks> {
        benchmarks::benchmarks(ctx, t, flows)
    }

    fn warnings(b: &AutomotiveBenchmarks) -> &[String] {
        &b.warnings
    }

    fn indicators(b: &AutomotiveBenchmarks) -> &[crate::sectors::indicators::Indicator] {
        &b.indicators
    }

    fn text(b: &AutomotiveBenchmarks) -> String {
        report::text(b)
    }
}
