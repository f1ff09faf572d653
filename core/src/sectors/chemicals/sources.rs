//! The published figures the chemicals model uses, each with its source.
//!
//! The model has few defaults: every recipe figure, loss, latent heat and reflux ratio is the
//! site's and required. What is published is the yardstick: Sheldon's E factors by segment
//! of the chemical industry.
//!
//! Figures marked *(unverified)* were read in secondary sources quoting the cited table,
//! without the original page at hand; check them against the original before quoting them in
//! a report.

pub use crate::sectors::indicators::Reference;

/// Where Sheldon's table of E factors by segment is published, and how far it was checked.
///
/// R.A. Sheldon, "The E Factor: fifteen years on", Green Chem. 9 (2007) 1273-1283,
/// doi:10.1039/b713736m (issue 12, December 2007, and the DOI read on a copy of the paper's
/// first page; the page range not), Table 1, and R.A. Sheldon, "The E factor 25 years on: the rise of
/// green chemistry and sustainability", Green Chem. 19 (2017) 18-43 (doi:10.1039/c6gc02157c,
/// volume, issue 1 and pages as cited in published reference lists; the paper itself not
/// opened), Table 1 (first published in R.A. Sheldon, Chem. Ind. (London), 1992, 903-906). The
/// segment ranges (oil refining about 0.1 or below, bulk chemicals below 1 to 5, fine
/// chemicals 5 to above 50, pharmaceuticals 25 to above 100 kg waste per kg product) were
/// read in secondary tables quoting Sheldon's Table 1 (a summary of "Green chemistry metrics",
/// and trade-press quotations of Sheldon), not on the page of the original *(unverified page)*.
pub const SHELDON_TABLE: &str = "Sheldon, Green Chem. 9 (2007) 1273-1283, Table 1; Sheldon, Green Chem. 19 (2017) 18-43, Table 1 (ranges read in secondary tables quoting them; page unverified)";

/// Oil refining: E factor about 0.1 or below (kg waste per kg product). Sheldon's Table 1
/// ([`SHELDON_TABLE`]) *(unverified page)*.
pub const E_OIL_REFINING: Reference = Reference {
    low: 0.0,
    high: 0.1,
    label: "oil refining",
    source: SHELDON_TABLE,
};

/// Bulk chemicals: E factor below 1 to 5. The open lower end ("< 1") is closed at 0 here.
/// Sheldon's Table 1 ([`SHELDON_TABLE`]) *(unverified page)*.
pub const E_BULK: Reference = Reference {
    low: 0.0,
    high: 5.0,
    label: "bulk chemicals",
    source: SHELDON_TABLE,
};

/// Fine chemicals: E factor 5 to above 50; the open upper end ("> 50") is closed at 50 here,
/// so a plant above it reads "above the range". Sheldon's Table 1 ([`SHELDON_TABLE`])
/// *(unverified page)*.
pub const E_FINE: Reference = Reference {
    low: 5.0,
    high: 50.0,
    label: "fine chemicals",
    source: SHELDON_TABLE,
};

/// Pharmaceuticals: E factor 25 to above 100; the open upper end closed at 100 here.
/// Sheldon's Table 1 ([`SHELDON_TABLE`]) *(unverified page)*.
pub const E_PHARMA: Reference = Reference {
    low: 25.0,
    high: 100.0,
    label: "pharmaceuticals",
    source: SHELDON_TABLE,
};

/// Definitions the indicators follow. The E factor is the mass of waste per mass of product,
/// waste being "everything but the desired product" (Sheldon 2007, section 1, as quoted on
/// R.A. Sheldon's own page on the E factor, sheldon.nl, verified there); process water was
/// left out of the original E factor, and the 2017 review distinguishes a simple E factor
/// (without solvents and water) from a complete E factor (with them, no recycling) *(the
/// 2017 definitions unverified)*. Process mass intensity, the mass of all inputs per mass of
/// product, equals the complete E factor plus 1 when the balance closes (the ACS Green
/// Chemistry Institute Pharmaceutical Roundtable's metric) *(unverified)*.
pub const DEFINITIONS: &str = "E factor = kg waste / kg product, waste everything but the desired product (Sheldon, sheldon.nl, verified); water excluded from the original E factor, included in the complete E factor (Sheldon 2017, unverified); PMI = kg in / kg product = complete E factor + 1 when the balance closes";

/// Specific heat of liquid water for the sensible heat of boiler feedwater, J/(kg·K): the
/// utilities' figure ([`crate::utilities::sources::WATER_SPECIFIC_HEAT`], with its source).
pub use crate::utilities::sources::WATER_SPECIFIC_HEAT;
