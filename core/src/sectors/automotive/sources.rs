//! The published figures the automotive-parts model uses, each with its source.
//!
//! Figures marked *(unverified)* were entered from secondary citations without the original
//! at hand: check them against the cited document before quoting them in a report. Figures
//! marked *(illustrative)* are this model's judgement, not published values.

pub use crate::sectors::indicators::Reference;

/// Where the rinse equations come from: the single running rinse `C1/C0 = D/(Q + D)` and the
/// worked example of Yates, "Rinsing with Less Water" (Poly Products Corp., technical paper
/// EKW-73; text at poly-products.com, checked: 1 gph of drag-in and 2000 gph of water give
/// 2001:1); the counter-current series and its approximation as in US EPA, "Guides to
/// Pollution Prevention: The Metal Finishing Industry" and the NCMS/NMFRC Rinsing Manual
/// *(unverified: equations re-derived here from the mass balance of the tanks, not copied)*.
/// Checked against a published worked example: "Water Conservation for Electroplaters:
/// Counter-Current Rinsing" (p2infohouse.org, ref/01/00051), a Watts nickel bath rinsed from
/// 270,000 to 40 mg/L needs about 6,750, 82 and 18 gallons of water per gallon of drag-out
/// with one, two and three counter-current tanks (the exact series gives 6749, 81.65, 18.55;
/// test in `rinse.rs`).
pub const RINSE_EQUATIONS: &str = "single and counter-current rinse balances (Yates, Poly Products, \"Rinsing with Less Water\": 2001:1 example checked; NCMS/NMFRC Rinsing Manual, unverified)";

/// Contamination of the final rinse generally accepted for metals: 0.005 oz/gal
/// (0.005 × 28.3495 g / 3.78541 L = 37.4 mg/L). Yates, "Rinsing with Less Water", Poly
/// Products Corp. (text checked; a rule of thumb, not a standard). Used when a plating tank
/// gives no rinse criterion, with a warning.
pub const FINAL_RINSE_METAL: f64 = 0.005 * 28.349_523_125 / 3.785_411_784; // kg/m3

/// Drag-out film per area of parts by geometry and drainage, L/m2: Soderberg's measurements
/// (1936) as reproduced in metal-finishing pollution-prevention guides (gal/1000 ft²:
/// vertical well drained 0.4, vertical poorly drained 2, horizontal well drained 0.8,
/// horizontal very poorly drained 10, cup-shaped very poorly drained 8 to 24)
/// *(unverified: table and page not checked; converted with 1 gal/1000 ft² = 0.040 746 L/m2)*.
pub const DRAG_OUT_SOURCE: &str = "Soderberg (1936) drag-out figures as reproduced in metal-finishing pollution-prevention guides (unverified, page not checked)";

/// gal per 1000 ft² in L/m2.
pub const GAL_PER_KFT2: f64 = 3.785_411_784 / 92.903_04;

/// Drag-out of vertical, well-drained parts, 0.4 gal/1000 ft² (see [`DRAG_OUT_SOURCE`]).
pub const DRAG_OUT_VERTICAL_WELL: f64 = 0.4 * GAL_PER_KFT2 * 1e-3; // m3/m2
/// Drag-out of vertical, poorly drained parts, 2 gal/1000 ft².
pub const DRAG_OUT_VERTICAL_POOR: f64 = 2.0 * GAL_PER_KFT2 * 1e-3;
/// Drag-out of horizontal, well-drained parts, 0.8 gal/1000 ft².
pub const DRAG_OUT_HORIZONTAL_WELL: f64 = 0.8 * GAL_PER_KFT2 * 1e-3;
/// Drag-out of horizontal, very poorly drained parts, 10 gal/1000 ft².
pub const DRAG_OUT_HORIZONTAL_POOR: f64 = 10.0 * GAL_PER_KFT2 * 1e-3;
/// Drag-out of cup-shaped, very poorly drained parts: 8 to 24 gal/1000 ft², the middle
/// (16) taken.
pub const DRAG_OUT_CUP: f64 = 16.0 * GAL_PER_KFT2 * 1e-3;

/// Where the transfer-efficiency defaults come from: "A Primer on Transfer Efficiency and Tip
/// Sizes", Products Finishing (pfonline.com), checked: HVLP 50–60 %, airless 40–50 %,
/// air-assisted airless 60–80 %, older cup-type guns 30 %. The middle of each range is taken.
/// These are trade figures under controlled conditions; field values are often lower. The
/// regulatory equivalence of HVLP (65 %) is a threshold, not a measurement, and is not used.
pub const TRANSFER_SOURCE: &str = "Products Finishing, \"A Primer on Transfer Efficiency and Tip Sizes\" (pfonline.com): HVLP 50-60 %, airless 40-50 %, air-assisted airless 60-80 %, cup guns 30 % (checked); middle of each range";

/// Conventional air spray (cup gun): 30 % ([`TRANSFER_SOURCE`]).
pub const TE_CONVENTIONAL: f64 = 0.30;
/// Airless: 45 %, the middle of 40–50 % ([`TRANSFER_SOURCE`]).
pub const TE_AIRLESS: f64 = 0.45;
/// HVLP: 55 %, the middle of 50–60 % ([`TRANSFER_SOURCE`]).
pub const TE_HVLP: f64 = 0.55;
/// Air-assisted airless: 70 %, the middle of 60–80 % ([`TRANSFER_SOURCE`]).
pub const TE_AIR_ASSISTED: f64 = 0.70;
/// Electrostatic spray: no checked figure; give the supplier's or a measured value
/// (`transfer_efficiency`). Required, never defaulted.
pub const TE_ELECTROSTATIC: Option<f64> = None;

/// Mass of hydroxide (OH) precipitated per mass of metal, from the formulas of the hydroxides
/// and the standard atomic weights (IUPAC; O 15.999, H 1.008): Ni(OH)2 2 × 17.007 / 58.693,
/// Zn(OH)2 / 65.38, Cu(OH)2 / 63.546, Cr(OH)3 3 × 17.007 / 51.996, Fe(OH)3 / 55.845,
/// Cd(OH)2 / 112.41. Stoichiometry, not a sector figure; real sludge holds more (excess
/// reagent, other salts), so give `sludge_solids` when it is measured.
pub const HYDROXIDE: &[(&str, f64)] = &[
    ("nickel", 2.0 * 17.007 / 58.693),
    ("zinc", 2.0 * 17.007 / 65.38),
    ("copper", 2.0 * 17.007 / 63.546),
    ("chromium", 3.0 * 17.007 / 51.996),
    ("iron", 3.0 * 17.007 / 55.845),
    ("cadmium", 2.0 * 17.007 / 112.41),
];

/// Share of the metal reaching the treatment that precipitates into the sludge when the site
/// gives none: 99 % *(illustrative: a well-run hydroxide precipitation; the effluent's
/// metal is better measured)*.
pub const PRECIPITATION: f64 = 0.99;

/// Rinse water per square metre plated and rinse stage: 3 to 20 L/m2, reported as the range
/// achievable with BAT in the EU Reference Document on Best Available Techniques for the
/// Surface Treatment of Metals and Plastics (August 2006) *(unverified: seen in summaries;
/// section and page not checked)*. The model compares the line's water per m2 and rinse
/// stage with it.
pub const RINSE_WATER_PER_STAGE: Reference = Reference {
    low: 3.0,
    high: 20.0,
    label: "BAT range per rinse stage",
    source: "EU BREF Surface Treatment of Metals and Plastics (2006), reported BAT range of 3-20 L/m2 per rinse stage (unverified: page not checked)",
};

/// Share of a chip mass carried out as metalworking fluid when the site gives none: none is
/// assumed (0): give `carry_out` measured (chips weighed wet and after wringing).
pub const CARRY_OUT_DEFAULT: f64 = 0.0;

/// Above this drag-out per area (1 L/m2, about 25 gal/1000 ft², more than Soderberg's worst
/// cup-shaped parts) a figure is refused as a likely unit error *(illustrative)*.
pub const DRAG_OUT_MAX: f64 = 1.0e-3; // m3/m2
