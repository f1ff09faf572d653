//! The published figures the utility calculators use by default, each with its source.
//!
//! Figures marked *(to check)* were read second-hand (a quotation of the document, not the
//! document itself); check them against the original before quoting them in a report.
//! Inputs without a published default (prices, specific power of a given compressor, operating
//! hours) have no default: the caller gives them.

// ---------------------------------------------------------------------------------------------
// Water

/// Specific heat of liquid water used for m·cp·ΔT, J/(kg·K): the flowsheet's figure, so that a
/// calculator and a balance give the same heat for the same water (4.186 kJ/(kg·K), within
/// 0.5 % of the IAPWS-95 isobaric heat capacity of liquid water from 10 to 90 °C; NIST SP 811,
/// 2008, Appendix B.8 gives the 15 °C calorie as 4.1858 J/g).
pub const WATER_SPECIFIC_HEAT: f64 = crate::flowsheet::WATER_SPECIFIC_HEAT;

/// Density used to turn a volume of water into a mass, kg/m³: a nominal 1000. IAPWS-IF97
/// region 1 gives 999.1 kg/m³ at 15 °C and one atmosphere (checked in this crate's tests), a
/// 0.1 % difference.
pub const WATER_DENSITY: f64 = 1_000.0;

// ---------------------------------------------------------------------------------------------
// Steam

/// Napier's rule for saturated steam flowing through an orifice at choked flow: W = P·A/70,
/// W in lb/s, P in psia, A in in², converted here to SI: W \[kg/s\] = K·P \[Pa\]·A \[m²\] with
/// K = 0.453 592 37 / (70 × 4.448 222) = 1.4567e-3 s/m (the pound and the pound-force from
/// NIST SP 811, B.8). Source of the rule: R.D. Napier's experiments as quoted in steam
/// engineering texts, e.g. the US DOE "Improving Steam System Performance: A Sourcebook for
/// Industry" (2nd ed., 2012) *(to check)*.
pub const NAPIER_SI: f64 = 0.453_592_37 / (70.0 * 4.448_221_615_260_5);

/// The field form of Napier's equation, W \[lb/h\] = 24.24 · P \[psia\] · D² \[in²\], written as a
/// discharge coefficient on Napier's P·A/70: 24.24 / (3600 × π/4 / 70) = 0.600. The 24.24 form
/// is the one quoted for steam leaks in field guides and forums (e.g. eng-tips.com thread
/// 240979, "Steam loss through failed steam trap calculation") and presented as a variant of
/// Napier's formula (P in psia, D in inches) in H. Manczyk, "Estimating the cost of steam
/// loss through the orifice of a steam trap" (Manczyk Energy Consulting): practitioner
/// sources, no standard traced.
pub const NAPIER_FIELD_COEFFICIENT: f64 = 24.24 / (3_600.0 * std::f64::consts::FRAC_PI_4 / 70.0);

/// Discharge coefficient on Napier's P·A/70 that reproduces the table "Leaking Steam Trap
/// Discharge Rate" of US DOE Steam Tip Sheet #1, "Inspect and Repair Steam Traps" (DOE
/// Industrial Technologies Program; 1/8 in at 150 psig: 75.8 lb/h; 1/32 in at 15, 100 and
/// 150 psig: 0.85, 3.3 and 4.8 lb/h). The tip sheet does not state its coefficient: 0.729 is
/// fitted here to its 1/8 in, 150 psig entry and matches the others within their rounding
/// (about 1.5 %).
pub const DOE_TRAP_TABLE_COEFFICIENT: f64 = 0.729;

/// Critical pressure ratio of saturated steam, 0.577: (2/(k+1))^(k/(k−1)) with k = 1.135, the
/// isentropic exponent of dry saturated steam in Zeuner's rule (e.g. Spirax Sarco, "The Steam
/// and Condensate Loop", Block 7, "Steam flow through orifices") *(to check)*. Below this ratio
/// of downstream to upstream absolute pressure the flow is choked, as Napier's rule assumes.
pub const STEAM_CRITICAL_PRESSURE_RATIO: f64 = 0.577;

/// Siegert coefficients for flue-gas loss qA = (t_flue − t_air)·(A2/(21 − O2) + B), in % with
/// temperatures in °C and O2 in % by volume, dry (the ordinance calls A2 simply A): gases of
/// the public gas supply (natural gas) A = 0.66, B = 0.009. German First Federal Immission
/// Control Ordinance (1. BImSchV of 26 January 2010, BGBl. I 2010, 38), Anlage 2, Nr. 3.4.1
/// "Bestimmung der Abgasverluste" (checked in the ordinance's text as of 2010; later
/// amendments not checked).
pub const SIEGERT_NATURAL_GAS: (f64, f64) = (0.66, 0.009);
/// Siegert coefficients for light heating oil (Heizöl EL): A2 = 0.68, B = 0.007 (1. BImSchV,
/// 2010, Anlage 2, Nr. 3.4.1, as [`SIEGERT_NATURAL_GAS`]).
pub const SIEGERT_LIGHT_OIL: (f64, f64) = (0.68, 0.007);
/// Siegert coefficients for liquefied petroleum gas (and LPG-air mixtures): A2 = 0.63,
/// B = 0.008 (1. BImSchV, 2010, Anlage 2, Nr. 3.4.1, as [`SIEGERT_NATURAL_GAS`]).
pub const SIEGERT_LPG: (f64, f64) = (0.63, 0.008);

/// Emissivity of a bare steel pipe's surface: 0.79 for oxidised steel, an often-used design
/// value (e.g. ASTM C680 calculations as set in the NAIMA 3E Plus program for "steel, oxidised")
/// *(to check)*. Give the emissivity of the actual surface when it is known (galvanised or
/// painted pipes differ widely).
pub const STEEL_PIPE_EMISSIVITY: f64 = 0.79;

/// Dynamic viscosity of air by Sutherland's law: μ = μ0 (T/T0)^1.5 (T0 + S)/(T + S) with
/// μ0 = 1.716e-5 Pa·s, T0 = 273 K, S = 111 K (F.M. White, "Viscous Fluid Flow", 3rd ed., 2006,
/// Table 1-2) *(to check)*.
pub const AIR_SUTHERLAND_VISCOSITY: (f64, f64, f64) = (1.716e-5, 273.0, 111.0);
/// Thermal conductivity of air by Sutherland's law: k0 = 0.0241 W/(m·K), T0 = 273 K,
/// S = 194 K (F.M. White, "Viscous Fluid Flow", 3rd ed., 2006, Table 1-3) *(to check)*.
pub const AIR_SUTHERLAND_CONDUCTIVITY: (f64, f64, f64) = (0.0241, 273.0, 194.0);
/// Specific heat of air at constant pressure near room temperature, 1007 J/(kg·K)
/// (F.P. Incropera et al., "Fundamentals of Heat and Mass Transfer", Table A.4, air at 300 K)
/// *(to check)*.
pub const AIR_SPECIFIC_HEAT: f64 = 1_007.0;
/// Specific gas constant of dry air, 287.05 J/(kg·K): the molar gas constant (CODATA 2018)
/// over the molar mass of dry air, 28.9647 g/mol (U.S. Standard Atmosphere, 1976, Table 8).
pub const AIR_GAS_CONSTANT: f64 = crate::units::MOLAR_GAS_CONSTANT / 0.028_964_7;
/// Ratio of specific heats of air, 1.4 (U.S. Standard Atmosphere, 1976, γ = cp/cv = 1.40).
pub const AIR_GAMMA: f64 = 1.4;

// ---------------------------------------------------------------------------------------------
// Compressed air

/// Discharge coefficient of a sharp-edged orifice, 0.61, the usual figure for compressed-air
/// leaks; the table "Discharge of Air Through an Orifice" (compressed-air handbooks; based on
/// a coefficient of 1.0) advises 0.97 for well-rounded entrances and 0.61-0.65 for sharp
/// edges. Make the coefficient explicit for each leak (cleanprod's domain notes).
pub const SHARP_EDGED_DISCHARGE_COEFFICIENT: f64 = 0.61;

/// Compressor input power rises about 1 % for each 2 psi of discharge pressure in a system
/// near 100 psig: US DOE and Compressed Air Challenge, "Improving Compressed Air System
/// Performance: A Sourcebook for Industry" (3rd ed., 2016), as quoted by the Compressed Air
/// Challenge (Fluid Power Journal, "Lower the pressure to keep your compressed air system
/// healthy") *(to check)*. Share of power per pascal.
pub const AIR_POWER_PER_PRESSURE: f64 = 0.01 / (2.0 * 6_894.757_293_168);

/// Leakage from a load/unload test, leakage = T / (T + t) with T the loaded time and t the
/// unloaded time with all air users off: US DOE Compressed Air Tip Sheet #3, "Minimize
/// Compressed Air Leaks", and the Compressed Air Sourcebook *(to check)*. A formula, no figure.
pub const LEAK_TEST_SOURCE: &str =
    "US DOE Compressed Air Tip Sheet #3, Minimize Compressed Air Leaks: leakage (%) = T×100/(T+t)";

// ---------------------------------------------------------------------------------------------
// Cooling water

/// Evaporation of an open cooling tower, 0.00085 of the circulating flow per °F of range
/// (about 0.85 % per 10 °F, with the rest of the heat rejected as sensible heat), i.e.
/// 0.00153 per kelvin: the rule of thumb of cooling-tower water balances (E \[gpm\] = 0.00085 ×
/// circulation \[gpm\] × range \[°F\]); the fully latent bound is 1 % per 10 °F (Marley/SPX,
/// "Cooling Tower Fundamentals", 2nd ed., 2009) *(to check: both seen only second-hand)*.
pub const TOWER_EVAPORATION_PER_KELVIN: f64 = 0.000_85 * 1.8;

// ---------------------------------------------------------------------------------------------
// Water fixtures (US EPA WaterSense specifications: maximum flows of labelled products)

const GPM: f64 = 3.785_411_784e-3 / 60.0;
const GALLON: f64 = 3.785_411_784e-3;

/// WaterSense showerhead: at most 2.0 gpm (7.6 L/min) at 80 psi. US EPA, "WaterSense
/// Specification for Showerheads", version 1.0, 2010, section 4.0.
pub const WATERSENSE_SHOWERHEAD: f64 = 2.0 * GPM;
/// WaterSense lavatory faucet: at most 1.5 gpm (5.7 L/min) at 60 psi. US EPA, "WaterSense
/// High-Efficiency Lavatory Faucet Specification", 2007, section 4.0.
pub const WATERSENSE_LAVATORY_FAUCET: f64 = 1.5 * GPM;
/// WaterSense tank-type toilet: an effective flush volume of at most 1.28 gallons (4.8 L).
/// US EPA, "WaterSense Specification for Tank-Type Toilets", version 1.2, 2014, section 3.0.
pub const WATERSENSE_TOILET: f64 = 1.28 * GALLON;
/// WaterSense flushing urinal: at most 0.5 gallon (1.9 L) per flush. US EPA, "WaterSense
/// Specification for Flushing Urinals", 2009, section 3.0.
pub const WATERSENSE_URINAL: f64 = 0.5 * GALLON;
/// WaterSense commercial pre-rinse spray valve: at most 1.28 gpm (4.8 L/min). US EPA,
/// "WaterSense Specification for Commercial Pre-Rinse Spray Valves", version 1.0, 2013,
/// section 4.0.
pub const WATERSENSE_PRE_RINSE_SPRAY_VALVE: f64 = 1.28 * GPM;
/// Minutes per shower in US homes, 7.8 (Water Research Foundation, "Residential End Uses of
/// Water, Version 2", 2016, executive summary) *(to check)*; make it an input for hotels.
pub const SHOWER_MINUTES: f64 = 7.8;
