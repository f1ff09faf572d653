//! The published figures the hotel model uses, each with its source.
//!
//! Figures marked *(to check)* were entered from the cited documents as their summaries
//! report them, without the page at hand; check them against the original before quoting
//! them in a report. The fixture defaults (shower, tap, WC and pre-rinse spray valve flows)
//! are the US EPA WaterSense maxima in [`crate::utilities::sources`].

pub use crate::utilities::sources::{
    WATERSENSE_LAVATORY_FAUCET, WATERSENSE_PRE_RINSE_SPRAY_VALVE, WATERSENSE_SHOWERHEAD,
    WATERSENSE_TOILET,
};

/// A published range; a benchmark of excellence is "at most": `low = 0`.
pub use crate::sectors::indicators::Reference;

/// Frontrunner benchmark of total water use in fully serviced hotels: at most 140 L per
/// guest-night. Verified in the abstract of D. Styles, H. Schoenberger and J.L. Galvez-Martos,
/// "Water management in the European hospitality sector: best practice, performance
/// benchmarks and improvement potential", Tourism Management 46 (2015) 187-202,
/// doi:10.1016/j.tourman.2014.07.005. The same study underlies the EMAS sectoral reference
/// document for tourism (Commission Decision (EU) 2016/611, OJ L 104, 20.4.2016, p. 27-69,
/// section on water system monitoring, maintenance and optimisation), whose benchmark of
/// excellence for total water use per guest-night is reported as the same figure: not
/// verified in the Decision (its text was found only without its tables, and no page of the
/// Official Journal could be read for the figure).
pub const WATER_FULL_SERVICE: Reference = Reference {
    low: 0.0,
    high: 140.0,
    label: "benchmark of excellence, fully serviced hotels",
    source: "Styles, Schoenberger and Galvez-Martos, Tourism Management 46 (2015) 187-202, abstract (verified); reported as the benchmark of excellence of Commission Decision (EU) 2016/611 (EMAS tourism reference document): not verified in the Decision",
};

/// Frontrunner benchmark of total water use in hostels: at most 100 L per guest-night
/// (same source and caveat as [`WATER_FULL_SERVICE`]).
pub const WATER_HOSTEL: Reference = Reference {
    low: 0.0,
    high: 100.0,
    label: "benchmark of excellence, hostels",
    source: "Styles, Schoenberger and Galvez-Martos, Tourism Management 46 (2015) 187-202, abstract (verified); reported as the benchmark of excellence of Commission Decision (EU) 2016/611 (EMAS tourism reference document): not verified in the Decision",
};

/// Former US federal maximum flow of showerheads: 2.5 gpm (9.5 L/min) at 80 psi, Energy Policy
/// Act of 1992, 42 U.S.C. 6295(j)(1) (showerheads made after 1 January 1994; checked in the
/// code's text). Flows above [`SHOWER_FLOW_HIGH`] are warned
/// about as unusual.
pub const FEDERAL_SHOWERHEAD: f64 = 2.5 * 3.785_411_784e-3 / 60.0;

/// Above this flow (20 L/min, twice the former federal maximum) a shower is flagged as unusual;
/// no published range: a judgement of this model.
pub const SHOWER_FLOW_HIGH: f64 = 20.0e-3 / 60.0;

/// Above this flow (30 L/min) a shower or tap figure is refused as a likely unit error (a
/// rain shower panel delivers up to about 25 L/min); a judgement of this model, not a
/// published figure.
pub const FLOW_MAX: f64 = 30.0e-3 / 60.0;

/// Share of the metered water left unaccounted for above which the end-use figures or the
/// meter reading are warned about (20 %); a judgement of this model, not a published figure.
pub const UNACCOUNTED_HIGH: f64 = 0.20;

/// Benchmark of final energy use per guest-night: none in this model. The EMAS tourism
/// reference document (Commission Decision (EU) 2016/611) states its energy benchmarks of
/// excellence per m2 of heated and cooled floor area, as the studies behind it report them;
/// neither figure could be read in the Decision itself while this model was written (not
/// verified in the Decision), so energy is reported per guest-night and per m2 without a
/// class.
pub const ENERGY_PER_GUEST_NIGHT: Option<Reference> = None;

/// Benchmark of final energy use per m2 of heated and cooled floor area: none, as
/// [`ENERGY_PER_GUEST_NIGHT`] (not verified in the Decision).
pub const ENERGY_PER_M2: Option<Reference> = None;

/// Benchmark of unsorted waste disposed of per guest-night: none. The EMAS tourism reference
/// document (Commission Decision (EU) 2016/611, section on waste sorting and sending for
/// recycling) gives one, which could not be read in the Decision itself (not verified in the
/// Decision). For scale only, not a benchmark: the JRC best-practice report behind the
/// Decision (Styles, Schoenberger and Galvez-Martos, "Best Environmental Management Practice
/// in the Tourism Sector", JRC, 2013, best practice 6.2) quotes about one kilogram of unsorted
/// waste per guest-night as the hotel average (from ITP, 2008).
pub const WASTE_DISPOSED_PER_GUEST_NIGHT: Option<Reference> = None;
