//! The template route of a draw: when some sampled inputs are figures of the sector template
//! (`template.tanning.chrome_exhaustion`) and the others are the short route's slots, a draw
//! keeps the document typed: it types only the template section again with the drawn figures
//! written in it, writes the other values into a copy of the typed sections, and expands,
//! balances and appraises that document. The document is not read again from its value.
//!
//! The figures are those of the long route (the whole document rewritten and read again) bit
//! for bit: the document is the one the long route reads without the drawn values, the
//! template is typed by the same deserializer from the same value, the other values are read
//! from the same text, and the checks, the expansion and the appraisal are the same code; a
//! test compares the routes on every example.

use serde::Deserialize;
use serde_json::Value;

use super::Row;
use super::appraisal::{Sections, Slot, slot};
use super::inputs::Input;
use crate::assessment::Assessment;
use crate::document::Document;
use crate::error::Result;
use crate::options::Outcomes;
use crate::sectors::Template;

/// The template section alone, typed as the document types it (errors name
/// `template.<sector>.<field>`).
#[derive(Deserialize)]
struct TemplateSection {
    #[serde(default)]
    template: Option<Template>,
}

/// The document compiled for draws of template figures.
#[derive(Debug, Clone)]
pub(crate) struct Route {
    /// The document as the long route reads it, without its template.
    document: Document,
    /// `{"template": ...}`: the document's template section, where the draws write.
    section: Value,
    /// Where each input goes: a slot of the short route, or the template (none).
    slots: Vec<Option<Slot>>,
}

impl Route {
    /// The route for `inputs` of `a` (whose value without its `[uncertainty]` is `base`), or
    /// None when an input is neither a template figure nor a slot of the short route.
    pub(crate) fn compile(a: &Assessment, base: &Value, inputs: &[Input]) -> Option<Route> {
        let mut slots = Vec::with_capacity(inputs.len());
        for input in inputs {
            slots.push(if input.path.starts_with("template.") {
                None
            } else {
                Some(slot(a, &input.path)?)
            });
        }
        if slots.iter().all(Option::is_some) {
            return None;
        }
        let mut document = Assessment::from_json_value(base.clone())
            .ok()?
            .document()
            .clone();
        document.template = None;
        let mut section = serde_json::Map::new();
        section.insert("template".to_string(), base.get("template")?.clone());
        Some(Route {
            document,
            section: Value::Object(section),
            slots,
        })
    }

    /// The results with the inputs at `values` (finite, one per input); `kept` holds the
    /// flows of the components solved by the thread's earlier draws, reused where a draw
    /// solves one from the same figures.
    pub(crate) fn evaluate(
        &self,
        inputs: &[Input],
        values: &[f64],
        kept: &Outcomes,
    ) -> Result<Row> {
        let mut doc = self.document.clone();
        let mut section = self.section.clone();
        let mut sections = Sections {
            prices: &mut doc.prices,
            finance: &mut doc.finance,
            ghg: &mut doc.ghg,
            options: &mut doc.options,
        };
        for ((slot, input), x) in self.slots.iter().zip(inputs).zip(values) {
            match slot {
                Some(slot) => sections.write(slot, input, *x)?,
                None => input.write(&mut section, *x),
            }
        }
        doc.template = crate::wire::typed::<TemplateSection>(&section)?.template;
        let a = Assessment::from_document(doc)?;
        // The sequences of options solved by the last draw were on its baseline.
        kept.forget_sequences();
        Ok(super::results(&a.figures_with(kept)?))
    }
}
