//! Build an assessment document in Rust, with typed units, instead of writing TOML; then assess
//! it. Every physical value is a `Measured<Q>` of a uom quantity `Q`, parsed from a string with
//! its unit, so a value of the wrong dimension fails where it is written.
//!
//! ```sh
//! cargo run -p cleanprod --example typed_document
//! ```

use std::collections::BTreeMap;
use std::error::Error;

use cleanprod::document::{
    Document, FormatVersion, Output, Production, RateBasis, Schedule, Sector, Site,
};
use cleanprod::flowsheet::Carrier;
use cleanprod::money::{Currency, Money};
use cleanprod::options::{Capex, Category, CpOption, Effect, EffectKind};
use cleanprod::sections::Finance;
use cleanprod::units::Measured;
use cleanprod::{Assessment, report};
use uom::si::f64 as q;

fn main() -> Result<(), Box<dyn Error>> {
    print!("{}", run()?);
    Ok(())
}

/// The summary and the options table of a hotel built in Rust.
pub fn run() -> Result<String, Box<dyn Error>> {
    let usd: Currency = "USD".parse()?;

    // Units are checked when parsed: a mass where a volume is expected is refused.
    assert!("5 kg".parse::<Measured<q::Volume>>().is_err());

    let mut prices = BTreeMap::new();
    prices.insert("water".to_string(), "1.9 USD/m3".parse()?);
    prices.insert("wastewater".to_string(), "0.9 USD/m3".parse()?);
    prices.insert("electricity".to_string(), "0.16 USD/kWh".parse()?);
    prices.insert("lpg".to_string(), "1.05 USD/kg".parse()?);

    let mut ghg = BTreeMap::new();
    ghg.insert(Carrier::Electricity, "0.423 kg/kWh".parse()?); // the grid's factor

    let document = Document {
        format: FormatVersion::V1,
        currency: usd,
        site: Site {
            name: "Hotel Mirador (typed example)".to_string(),
            sector: Sector::Hotel,
            location: "Quintana Roo, Mexico".to_string(),
            description: String::new(),
        },
        // 365 days a year, 24 h a day: rates per day mean per operating day.
        schedule: Schedule::new(365, "24 h".parse()?),
        production: Production {
            product: "guest-night".to_string(),
            output: Output::parse("52000 /yr")?,
        },
        prices,
        finance: Finance {
            discount_rate: "10 %".parse()?,
            rate_basis: RateBasis::Real,
            horizon: "10 yr".parse()?,
            inflation: None,
            low_cost_payback: None,
            capital_budget: Some(Money::new(5_000.0, usd)),
            financing: None,
        },
        ghg,
        template: None,
        flowsheet: None,
        options: vec![
            CpOption {
                id: "low_flow_showers".to_string(),
                title: "Low-flow shower heads in all 120 rooms".to_string(),
                category: Category::EquipmentModification,
                capex: Some(Capex(vec![Money::new(6_000.0, usd)])),
                om_change: None,
                lifetime: Some("8 yr".parse()?),
                salvage: None,
                start: None,
                effects: vec![
                    saving("water", "5200 m3/yr")?,
                    saving("wastewater", "5200 m3/yr")?,
                    saving("lpg", "9000 kg/yr")?,
                ],
                model: None,
                group: None,
                excludes: Vec::new(),
                status: None,
                actual: None,
            },
            CpOption {
                id: "linen_reuse".to_string(),
                title: "Towel and linen reuse programme".to_string(),
                category: Category::GoodHousekeeping,
                capex: Some(Capex(vec![Money::new(800.0, usd)])),
                om_change: None,
                lifetime: Some("5 yr".parse()?),
                salvage: None,
                start: None,
                effects: vec![
                    saving("water", "1500 m3/yr")?,
                    saving("electricity", "12000 kWh/yr")?,
                ],
                model: None,
                group: None,
                excludes: Vec::new(),
                status: None,
                actual: None,
            },
        ],
        uncertainty: None,
        report: Default::default(),
    };

    // The same checks as for a TOML document: sections, then options against the prices.
    let assessment = Assessment::from_document(document)?;
    let evaluation = assessment.evaluate()?;
    let showers = &evaluation.options[0];
    assert!(showers.npv > 0.0);

    let mut out = report::summary_text(&assessment.summary());
    out.push_str(&report::options_text(evaluation));
    // The document as TOML: what a consultant would have written by hand.
    out.push_str(&format!("\n{}", assessment.to_toml_string()?));
    Ok(out)
}

/// A direct saving of a priced resource. An effect's fields depend on its kind, so it is read
/// from its JSON form (the same fields as in TOML).
fn saving(resource: &str, amount: &str) -> Result<Effect, Box<dyn Error>> {
    Ok(Effect {
        resource: Some(resource.to_string()),
        amount: Some(amount.parse()?),
        ..Effect::new(EffectKind::Saving)
    })
}
