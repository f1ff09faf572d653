//! The short route of a draw: when every sampled input is a price, a finance setting, an
//! emission factor or an option's money or direct saving, the sector model's expansion and the
//! balance do not change (sector models read a price's unit, never its amount), so a draw only
//! re-appraises the options on copies of those sections.
//!
//! The figures are those of the long route (the document rewritten and read again), bit for
//! bit: the same values are parsed from the same text and appraised by the same code; a test
//! compares the two routes on every example.

use serde_json::Value;

use super::Row;
use super::inputs::Input;
use crate::assessment::Assessment;
use crate::error::Result;
use crate::flowsheet::Carrier;
use crate::ghg::{EmissionFactor, Factors};
use crate::options::{Capex, CpOption, EffectKind, Outcomes, SavingAmount};
use crate::sections::{Context, Finance, Prices};
use crate::units::Measured;
use crate::units::money::{Money, Price};

/// Where a sampled value goes in the copied sections.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Slot {
    /// `prices.<name>`.
    Price(String),
    /// `finance.discount_rate`.
    DiscountRate,
    /// `ghg.<carrier>`.
    Ghg(Carrier),
    /// `options[i].capex` (one amount).
    Capex(usize),
    /// `options[i].om_change`.
    OmChange(usize),
    /// `options[i].salvage`.
    Salvage(usize),
    /// `options[i].effects[j].amount` of a direct saving.
    Saving(usize, usize),
}

/// The slot of `path`, if it is one of the short route's.
pub(crate) fn slot(a: &Assessment, path: &str) -> Option<Slot> {
    let doc = a.document();
    if let Some(name) = path.strip_prefix("prices.") {
        return doc
            .prices
            .contains_key(name)
            .then(|| Slot::Price(name.to_string()));
    }
    if path == "finance.discount_rate" {
        return Some(Slot::DiscountRate);
    }
    if let Some(name) = path.strip_prefix("ghg.") {
        let carrier: Carrier = serde_json::from_value(Value::String(name.to_string())).ok()?;
        return doc.ghg.contains_key(&carrier).then_some(Slot::Ghg(carrier));
    }
    let rest = path.strip_prefix("options[")?;
    let (index, field) = rest.split_once("].")?;
    let i: usize = index.parse().ok()?;
    let option = doc.options.get(i)?;
    match field {
        "capex" => {
            matches!(&option.capex, Some(Capex(list)) if list.len() == 1).then_some(Slot::Capex(i))
        }
        "om_change" => option.om_change.is_some().then_some(Slot::OmChange(i)),
        "salvage" => option.salvage.is_some().then_some(Slot::Salvage(i)),
        _ => {
            let (j, field) = field.strip_prefix("effects[")?.split_once("].")?;
            let j: usize = j.parse().ok()?;
            let effect = option.effects.get(j)?;
            (field == "amount"
                && option.model.is_none()
                && matches!(effect.kind, EffectKind::Saving | EffectKind::Money)
                && effect.amount.is_some())
            .then_some(Slot::Saving(i, j))
        }
    }
}

/// The slots of every input, or None when one of them needs the long route.
pub(crate) fn slots(a: &Assessment, inputs: &[Input]) -> Option<Vec<Slot>> {
    inputs.iter().map(|i| slot(a, &i.path)).collect()
}

/// The sections a draw changes, copied once per thread and overwritten by each draw.
pub(crate) struct Scratch {
    prices: Prices,
    finance: Finance,
    ghg: Factors,
    options: Vec<CpOption>,
    /// The flows of each sequence of options, solved at the first draw (they do not depend
    /// on what the short route samples).
    outcomes: Outcomes,
}

impl Scratch {
    pub(crate) fn new(a: &Assessment) -> Scratch {
        let doc = a.document();
        Scratch {
            prices: doc.prices.clone(),
            finance: doc.finance.clone(),
            ghg: doc.ghg.clone(),
            options: a.options().to_vec(),
            outcomes: Outcomes::default(),
        }
    }
}

/// `text` read as the type of its field, errors at `path`.
pub(crate) fn read<T: serde::de::DeserializeOwned>(text: String, path: &str) -> Result<T> {
    crate::wire::typed::<T>(&Value::String(text)).map_err(|e| e.with_path(path.to_string()))
}

/// The sections a slot writes into, borrowed from a copy of the document (or of the
/// assessment's expanded options).
pub(crate) struct Sections<'a> {
    pub(crate) prices: &'a mut Prices,
    pub(crate) finance: &'a mut Finance,
    pub(crate) ghg: &'a mut Factors,
    pub(crate) options: &'a mut [CpOption],
}

impl Sections<'_> {
    /// Write `x` (in `input`'s unit) at `slot`, read from its text as the field reads it
    /// (errors at the input's path).
    pub(crate) fn write(&mut self, slot: &Slot, input: &Input, x: f64) -> Result<()> {
        let text = input.text(x);
        let path = input.path.as_str();
        match slot {
            Slot::Price(name) => {
                let price: Price = read(text, path)?;
                self.prices.insert(name.clone(), price);
            }
            Slot::DiscountRate => self.finance.discount_rate = read::<Measured<_>>(text, path)?,
            Slot::Ghg(carrier) => {
                let factor: EmissionFactor = read(text, path)?;
                self.ghg.insert(*carrier, factor);
            }
            Slot::Capex(i) => {
                self.options[*i].capex = Some(Capex(vec![read::<Money>(text, path)?]))
            }
            Slot::OmChange(i) => self.options[*i].om_change = Some(read::<Money>(text, path)?),
            Slot::Salvage(i) => self.options[*i].salvage = Some(read::<Money>(text, path)?),
            Slot::Saving(i, j) => {
                self.options[*i].effects[*j].amount = Some(read::<SavingAmount>(text, path)?);
            }
        }
        Ok(())
    }
}

/// The results of `a` with the inputs at `values`, by the short route.
pub(crate) fn evaluate(
    a: &Assessment,
    slots: &[Slot],
    inputs: &[Input],
    values: &[f64],
    scratch: &mut Scratch,
) -> Result<Row> {
    let mut sections = Sections {
        prices: &mut scratch.prices,
        finance: &mut scratch.finance,
        ghg: &mut scratch.ghg,
        options: &mut scratch.options,
    };
    for ((slot, input), x) in slots.iter().zip(inputs).zip(values) {
        sections.write(slot, input, *x)?;
    }
    let doc = a.document();
    crate::sections::validate_prices(&scratch.prices, doc.currency)?;
    scratch.finance.validate()?;
    crate::ghg::validate(&scratch.ghg)?;
    let ctx = Context {
        currency: doc.currency,
        schedule: &doc.schedule,
        production: &doc.production,
        prices: &scratch.prices,
        finance: &scratch.finance,
        ghg: &scratch.ghg,
    };
    let case = a.case_with(ctx, &scratch.options, &scratch.outcomes)?;
    crate::options::validate(&case)?;
    Ok(super::results(&crate::options::evaluate(&case)?))
}
