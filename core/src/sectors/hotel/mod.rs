//! A hotel from a few figures: the end uses of water (showers, taps, WCs, laundry, kitchen,
//! pool, irrigation) and the energy that heats the hot water, the water bill reconciled
//! against them with the gap reported as unaccounted water, the catalogue of options, and
//! benchmarks per guest-night.
//!
//! ```toml
//! [template.hotel]
//! rooms = 120
//! occupancy = "72 %"
//! guests_per_room = 1.65
//! category = "resort"
//! showers = { flow = "11 L/min", minutes = "8 min", uses = 1, hot_share = "55 %" }
//! hot_water = { fuel = "lpg", efficiency = "78 %", hot_temperature = "60 °C", cold_temperature = "26 °C" }
//! metered_water = "40000 m3/yr"
//! options = [{ id = "low_flow_showers", capex = "6000 USD" }]
//! ```
//!
//! Every default figure is in [`sources`] with its source; what has no published default
//! (minutes per shower, uses per guest-night, hot shares) is the site's and required.

mod baseline;
mod benchmarks;
mod catalogue;
mod report;
pub mod sources;
mod template;

pub use baseline::{EndUse, end_uses, guest_nights, hot_water_kwh, metered, unaccounted};
pub use benchmarks::{
    Class, EndUseFigure, HotelBenchmarks, Indicator, Range, Reconciliation, benchmarks_schema,
};
pub use template::{
    CoolingTower, HotWaterPlant, HotelCategory, HotelChoice, HotelOption, HotelTemplate,
    Irrigation, Kitchen, Laundry, Lighting, Pool, Showers, Taps, Waste, Wcs,
};

use super::{Expansion, Sector, SectorModel};
use crate::error::Result;
use crate::options::Flows;
use crate::sections::Context;

/// The hotel model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hotel;

impl SectorModel for Hotel {
    const SECTOR: Sector = Sector::Hotel;
    const STARTING_DOCUMENT: Option<&'static str> =
        Some(include_str!("../../../../examples/hotel.toml"));
    type Template = HotelTemplate;
    type Benchmarks = HotelBenchmarks;

    fn expand(ctx: &Context<'_>, t: &HotelTemplate) -> Result<Expansion> {
        t.validate()?;
        Ok(Expansion {
            flowsheet: baseline::flowsheet(ctx, t)?,
            options: catalogue::options(ctx, t)?,
        })
    }

    fn benchmarks(
        ctx: &Context<'_>,
        t: &HotelTemplate,
        flows: &Flows<'_>,
    ) -> Result<HotelBenchmarks> {
        benchmarks::benchmarks(ctx, t, flows)
    }

    fn warnings(b: &HotelBenchmarks) -> &[String] {
        &b.warnings
    }

    fn indicators(b: &HotelBenchmarks) -> &[crate::sectors::indicators::Indicator] {
        &b.indicators
    }

    fn text(b: &HotelBenchmarks) -> String {
        report::text(b)
    }
}
