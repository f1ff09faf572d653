//! Prices of the resources a site buys and the wastes it pays to get rid of.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::units::Dimension;
use crate::units::money::{Currency, Price};

/// Prices by resource name. Well-known resources are checked for what they may be priced per;
/// other names (chemicals, by-products) may be priced per any quantity.
pub type Prices = BTreeMap<String, Price>;

/// A resource whose price must be per a known kind of quantity.
#[derive(Debug, Clone, Copy)]
pub struct KnownResource {
    /// The name used in `[prices]`.
    pub name: &'static str,
    /// What it may be priced per.
    pub per: &'static [Dimension],
    /// A valid price, for messages.
    pub example: &'static str,
}

use Dimension::{Energy, GasAmount, Mass, Volume};

/// Resources with a fixed kind of price. Natural gas is priced per energy or per volume at
/// standard conditions (`Nm3`, `Sm3`, `scf`), never per plain `m3`, whose amount of gas
/// depends on temperature and pressure.
pub const KNOWN_RESOURCES: &[KnownResource] = &[
    KnownResource {
        name: "water",
        per: &[Volume],
        example: "0.85 USD/m3",
    },
    KnownResource {
        name: "wastewater",
        per: &[Volume],
        example: "1.10 USD/m3",
    },
    KnownResource {
        name: "electricity",
        per: &[Energy],
        example: "0.12 USD/kWh",
    },
    KnownResource {
        name: "natural_gas",
        per: &[Energy, GasAmount],
        example: "9.5 USD/GJ",
    },
    KnownResource {
        name: "lpg",
        per: &[Mass, Volume, Energy],
        example: "1.1 USD/kg",
    },
    KnownResource {
        name: "diesel",
        per: &[Volume, Mass, Energy],
        example: "1.05 USD/L",
    },
    KnownResource {
        name: "fuel_oil",
        per: &[Volume, Mass, Energy],
        example: "0.75 USD/L",
    },
    KnownResource {
        name: "coal",
        per: &[Mass, Energy],
        example: "120 USD/t",
    },
    KnownResource {
        name: "biomass",
        per: &[Mass, Energy],
        example: "40 USD/t",
    },
    KnownResource {
        name: "steam",
        per: &[Mass, Energy],
        example: "30 USD/t",
    },
    KnownResource {
        name: "solid_waste",
        per: &[Mass],
        example: "45 USD/t",
    },
    KnownResource {
        name: "hazardous_waste",
        per: &[Mass],
        example: "450 USD/t",
    },
    KnownResource {
        name: "sludge",
        per: &[Mass],
        example: "60 USD/t",
    },
];

/// The known resource named `name`.
pub fn known_resource(name: &str) -> Option<&'static KnownResource> {
    KNOWN_RESOURCES.iter().find(|r| r.name == name)
}

pub(crate) fn validate(prices: &Prices, currency: Currency) -> Result<()> {
    for (name, price) in prices {
        let path = format!("prices.{name}");
        if price.currency() != currency {
            return Err(Error::Currency {
                path,
                value: price.to_string(),
                found: price.currency().to_string(),
                expected: currency.to_string(),
            });
        }
        if let Some(known) = known_resource(name)
            && !known.per.contains(&price.dimension())
        {
            return Err(Error::PriceDimension {
                path,
                value: price.to_string(),
                resource: name.clone(),
                found: price.dimension(),
                accepted: known.per,
                example: known.example,
            });
        }
        if price.number() < 0.0 {
            return Err(Error::out_of_range(
                path,
                price,
                "is negative; a price is what the site pays (model by-product revenue in an option)",
            ));
        }
    }
    Ok(())
}
