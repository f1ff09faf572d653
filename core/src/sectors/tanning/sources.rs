//! The published figures the tanning model uses, each with its source.
//!
//! Figures marked *(to check)* were entered from the cited documents as their summaries
//! report them, without the page at hand; check them against the original before quoting
//! them in a report.

pub use crate::sectors::indicators::Reference;

/// BAT-associated water consumption, bovine hides, raw hide to wet-blue or wet-white:
/// 10-15 m3 per tonne of raw hide (monthly averages).
pub const BAT_WATER_TO_WET_BLUE: Reference = Reference {
    low: 10.0,
    high: 15.0,
    label: "BAT-associated level, bovine raw hide to wet-blue",
    source: "Commission Implementing Decision 2013/84/EU (BAT conclusions for the tanning of hides and skins), water consumption, table of BAT-AEPLs",
};

/// BAT-associated water consumption, bovine hides, raw hide to finished leather: 28-35 m3
/// per tonne of raw hide.
pub const BAT_WATER_TO_FINISHED: Reference = Reference {
    low: 28.0,
    high: 35.0,
    label: "BAT-associated level, bovine raw hide to finished leather",
    source: "Commission Implementing Decision 2013/84/EU (BAT conclusions for the tanning of hides and skins), water consumption, table of BAT-AEPLs",
};

/// Share of the chrome offered that conventional chrome tanning fixes on the leather: 60-70 %
/// *(to check)*; the rest leaves in the spent float.
pub const CONVENTIONAL_EXHAUSTION: Reference = Reference {
    low: 0.60,
    high: 0.70,
    label: "conventional chrome tanning",
    source: "K.J. Sreeram and T. Ramasami, Sustaining tanning process through conservation, recovery and better utilization of chromium, Resour. Conserv. Recycl. 38 (2003) 185-212 (to check)",
};

/// Chrome fixed by high-exhaustion tanning methods: 90 % or more of the offer *(to check)*.
pub const HIGH_EXHAUSTION: Reference = Reference {
    low: 0.90,
    high: 0.98,
    label: "high-exhaustion chrome tanning",
    source: "J. Ludvík, Chrome balance in leather processing, UNIDO US/RAS/92/120/11-51, 2000, section 3.2 (to check)",
};

/// Cr2O3 in commercial basic chromium sulphate of 33 % basicity: 25-26 %.
pub const BCS_CR2O3: Reference = Reference {
    low: 0.25,
    high: 0.26,
    label: "commercial 33 %-basic chromium sulphate",
    source: "product specifications of commercial basic chromium sulphate (e.g. LANXESS Chromosal B: 25-26 % Cr2O3)",
};

/// Capital cost of chrome recovery by magnesium oxide precipitation for 12-15 m3 of spent
/// float a day: US$ 60,000-80,000 (with alkali sodium salts and a filter press: 150,000-
/// 200,000).
pub const CHROME_RECOVERY_CAPEX_USD: Reference = Reference {
    low: 60_000.0,
    high: 80_000.0,
    label: "chrome recovery plant, MgO precipitation, 12-15 m3/d of spent float",
    source: "UNIDO Regional Programme for Pollution Control in the Tanning Industry in South-East Asia (US/RAS/92/120), J. Ludvík, chrome management report: capital costs of chrome recovery, and its Table 11",
};

/// Capital cost of chrome recovery by precipitation with alkali sodium salts (NaOH, Na2CO3)
/// and a filter press, for 12-15 m3 of spent float a day: US$ 150,000-200,000.
pub const CHROME_RECOVERY_ALKALI_CAPEX_USD: Reference = Reference {
    low: 150_000.0,
    high: 200_000.0,
    label: "chrome recovery plant, alkali precipitation with a filter press, 12-15 m3/d of spent float",
    source: CHROME_RECOVERY_CAPEX_USD.source,
};

/// Operating cost of an Indian chrome recovery plant (3,000 t/yr of hides, 9 m3/d of spent
/// float, MgO, no mechanical dewatering): US$ 14,000 a year (maintenance 1,500, labour
/// 1,000, chemicals 9,000, electricity 500, miscellaneous 2,000). Source: the UNIDO report
/// of [`CHROME_RECOVERY_CAPEX_USD`], Table 11 (annual operating costs of a chrome recovery
/// plant).
pub const CHROME_RECOVERY_OPEX_USD_PER_YEAR: f64 = 14_000.0;
