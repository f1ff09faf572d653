//! A hospital from a few figures: water end uses (wards, sterile services, laundry,
//! kitchen), health-care waste by WHO category with the general waste thrown into hazardous
//! bins modelled explicitly, mercury-containing devices, a catalogue of options that edit the
//! baseline, and benchmarks per bed-day against WHO's health-care waste figures.
//!
//! ```toml
//! [template.hospital]
//! beds = 150
//! occupancy = "82 %"
//! income = "middle"
//! wards = { water = "350 L" }                       # per bed-day
//! sterile_services = { cycles = 12, water_per_cycle = "600 L", ejector_share = "70 %" }
//! laundry = { linen = "4 kg", water = "20 L/kg" }    # per bed-day; per kg of linen
//! kitchen = { meals = 400, water_per_meal = "15 L" }
//! waste = { general = "2 kg", infectious = "0.4 kg", sharps = "0.03 kg",
//!           general_in_hazardous = "30 %" }          # per bed-day
//! options = [{ id = "waste_segregation", capex = "3000 USD" }]
//! ```
//!
//! Every default figure is in [`sources`] with its source; figures not checked against the
//! original document are marked there and in the warnings.

mod baseline;
mod benchmarks;
mod catalogue;
mod report;
pub mod sources;
mod template;

pub use baseline::EndUse;
pub use benchmarks::{Class, HospitalBenchmarks, Indicator, Range, RouteCost, benchmarks_schema};
pub use catalogue::segregation;
pub use template::{
    CatalogueChoice, CatalogueId, Category, Dialysis, HospitalTemplate, HospitalType, HotWater,
    IncomeLevel, Kitchen, Laboratories, Laundry, Lighting, Mercury, Origin, Routes,
    SterileServices, Wards, Waste,
};

use crate::error::Result;
use crate::options::Flows;
use crate::sections::Context;
use crate::sectors::{Expansion, Sector, SectorModel};

/// The hospital sector model (`[template.hospital]`).
///
/// ```
/// use cleanprod::sectors::{SectorModel, hospital::Hospital};
/// # let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/hospital.toml")).unwrap();
/// let a = cleanprod::Assessment::from_toml_str(&text).unwrap();
/// let Some(cleanprod::sectors::Template::Hospital(t)) = &a.document().template else { panic!() };
/// let x = Hospital::expand(&a.document().context(), t).unwrap();
/// assert!(x.flowsheet.nodes.iter().any(|n| n.id == "waste_generation"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hospital;

impl SectorModel for Hospital {
    const SECTOR: Sector = Sector::Hospital;
    const STARTING_DOCUMENT: Option<&'static str> =
        Some(include_str!("../../../../examples/hospital.toml"));
    type Template = HospitalTemplate;
    type Benchmarks = HospitalBenchmarks;

    fn expand(ctx: &Context<'_>, t: &HospitalTemplate) -> Result<Expansion> {
        t.validate()?;
        Ok(Expansion {
            flowsheet: baseline::flowsheet(ctx, t)?,
            options: catalogue::options(ctx, t)?,
        })
    }

    fn benchmarks(
        ctx: &Context<'_>,
        t: &HospitalTemplate,
        flows: &Flows<'_>,
    ) -> Result<HospitalBenchmarks> {
        benchmarks::benchmarks(ctx, t, flows)
    }

    fn warnings(b: &HospitalBenchmarks) -> &[String] {
        &b.warnings
    }

    fn indicators(b: &HospitalBenchmarks) -> &[crate::sectors::indicators::Indicator] {
        &b.indicators
    }

    fn text(b: &HospitalBenchmarks) -> String {
        report::text(b)
    }
}
