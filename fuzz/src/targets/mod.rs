//! The fuzz targets, and what every document target runs on a loaded assessment.

pub mod documents;
pub mod finance;
pub mod flowsheet;
pub mod sectors;
pub mod uncertainty;
pub mod units;

use crate::{checked, finite, named_error};
use cleanprod::options::Metric;
use cleanprod::uncertainty::{Settings, Simulator};
use cleanprod::{Assessment, SourceFormat, report};
use serde_json::Value;

/// Read a case `{"format": "toml"|"json", "text": ...}`.
pub fn load(case: &Value) -> Result<Option<Assessment>, String> {
    let text = case["text"].as_str().unwrap_or_default();
    let format = if case["format"] == "json" {
        SourceFormat::Json
    } else {
        SourceFormat::Toml
    };
    match Assessment::parse(text, format) {
        Ok(a) => Ok(Some(a)),
        Err(e) => {
            named_error("parse", &e)?;
            Ok(None)
        }
    }
}

/// Rendered text must not show a NaN or an infinity the input did not contain.
fn plain_text(what: &str, text: &str, input: &str) -> Result<(), String> {
    for bad in ["NaN", "inf "] {
        if text.contains(bad) && !input.contains(bad.trim()) {
            return Err(format!("{what}: the rendered text shows `{bad}`"));
        }
    }
    Ok(())
}

/// Everything the CLI and the bindings ask of a document, each result checked: the check,
/// the balance, evaluation, report and its renderings, reconciliation, every ranking, the
/// benchmarks, the round trip through its own JSON, and a short simulation when it has an
/// `[uncertainty]` section.
pub fn exercise(a: &Assessment, input: &str, simulate: bool) -> Result<(), String> {
    let summary = a.summary();
    finite("summary", &summary)?;
    plain_text("summary text", &report::summary_text(&summary), input)?;
    report::summary_markdown(&summary);
    report::summary_html(&summary);
    let checked_ok = checked("Simulator::check", Simulator::check(a).map(|()| 0.0))?.is_some();
    if let Some(Some(balance)) = checked("balance", a.balance())? {
        plain_text("balance text", &report::balance_text(&balance), input)?;
    }
    if let Some(r) = checked("report", a.report())? {
        plain_text("report text", &report::report_text(&r), input)?;
        report::report_markdown(&r);
        report::options_html(&r.evaluation);
        report::options_text(&r.evaluation);
    }
    checked("reconcile", a.reconcile())?;
    for metric in Metric::ALL {
        checked(metric.key(), a.rank(metric.key()))?;
    }
    checked("benchmarks", a.benchmarks())?;
    let ids: Vec<String> = a.options().iter().map(|o| o.id.clone()).collect();
    let first: Vec<&str> = ids.iter().take(3).map(String::as_str).collect();
    checked("portfolio", a.portfolio(&first))?;
    // A document that loads loads again from its own JSON, and says the same.
    match Assessment::from_json_value(a.to_json_value()) {
        Ok(again) => {
            if again.summary() != summary {
                return Err("round trip through JSON changes the summary".to_string());
            }
        }
        Err(e) => {
            return Err(format!(
                "the document's own JSON does not load: {e} [{}]",
                e.code()
            ));
        }
    }
    if let Err(e) = a.to_toml_string() {
        named_error("to_toml_string", &e)?;
    }
    if simulate && checked_ok && a.document().uncertainty.is_some() {
        simulation(a)?;
    }
    Ok(())
}

/// A short seeded simulation, its results and renderings checked.
pub fn simulation(a: &Assessment) -> Result<(), String> {
    let Some(sim) = checked_value("Simulator::new", Simulator::new(a))? else {
        return Ok(());
    };
    let settings = Settings {
        draws: Some(64),
        seed: Some(1),
        method: None,
        threads: Some(1),
    };
    if let Some(s) = checked("run", sim.run(&settings))? {
        report::risk_text(&s);
        for output in &s.outputs {
            report::tornado_svg(output, "NPV", Default::default());
        }
        finite("summary of the simulation", &s.summary())?;
    }
    Ok(())
}

/// [`checked`] for a result that is not serializable (only its error is checked).
pub fn checked_value<T>(what: &str, r: cleanprod::Result<T>) -> Result<Option<T>, String> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            named_error(what, &e)?;
            Ok(None)
        }
    }
}
