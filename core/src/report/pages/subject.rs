//! What a proposal is about, shared by both reports: one option or the package of options the
//! portfolio keeps (its flows and savings), the figures of its flows, its financing, and the
//! charts of its cash flow and of its NPV's risk.

use super::content::Words;
use crate::assessment::Assessment;
use crate::error::Result;
use crate::finance::{self, FinancedFlows, Financing};
use crate::options::OptionResult;
use crate::uncertainty::RiskOutput;
use crate::units::SECONDS_PER_YEAR;

/// What is proposed: one option, or the options the portfolio keeps, applied in order.
pub(super) struct Subject {
    /// The option's id, none for the package.
    pub(super) id: Option<String>,
    /// The appraisal of each option proposed (for the package, what each adds in order).
    pub(super) steps: Vec<OptionResult>,
    /// The project's net cash flows from year 0.
    pub(super) flows: Vec<f64>,
    /// The net savings within the flows, year by year (what the break-even scales).
    pub(super) savings: Vec<f64>,
}

impl Subject {
    pub(super) fn of(a: &Assessment, option: Option<&str>) -> Result<Subject> {
        let e = a.evaluate()?;
        let steps = match option {
            Some(id) => e.options.iter().filter(|o| o.id == id).cloned().collect(),
            None => {
                let ids: Vec<&str> = e.portfolio.all.ids.iter().map(String::as_str).collect();
                a.portfolio_appraisals(&ids)?
            }
        };
        let len = steps
            .iter()
            .map(|s| s.cash_flows.len())
            .max()
            .unwrap_or(1)
            .max(1);
        let mut flows = vec![0.0; len];
        let mut savings = vec![0.0; len];
        for s in &steps {
            for (t, v) in s.cash_flows.iter().enumerate() {
                flows[t] += v;
            }
            let start = a
                .options()
                .iter()
                .find(|o| o.id == s.id)
                .and_then(|o| o.start.as_ref())
                .map_or(0, |t| (t.si() / SECONDS_PER_YEAR).round().max(0.0) as usize);
            for x in savings.iter_mut().take(s.cash_flows.len()).skip(start + 1) {
                *x += s.annual_saving;
            }
        }
        Ok(Subject {
            id: option.map(str::to_string),
            steps,
            flows,
            savings,
        })
    }

    pub(super) fn capex(&self) -> f64 {
        self.steps.iter().map(|s| s.capex).sum()
    }

    pub(super) fn annual_saving(&self) -> f64 {
        self.steps.iter().map(|s| s.annual_saving).sum()
    }
}

/// The figures of a series of flows at `rate`.
pub(super) struct Returns {
    pub(super) npv: f64,
    pub(super) irr: Option<f64>,
    pub(super) mirr: Option<f64>,
    pub(super) simple: Option<f64>,
    pub(super) discounted: Option<f64>,
}

impl Returns {
    pub(super) fn of(rate: f64, flows: &[f64]) -> Result<Returns> {
        Ok(Returns {
            npv: finance::npv(rate, flows)?,
            irr: finance::irr(flows).ok(),
            mirr: finance::mirr(flows, rate, rate).ok(),
            simple: finance::payback(flows)?.periods(),
            discounted: finance::discounted_payback(rate, flows)?.periods(),
        })
    }
}

/// The financing of the subject under the document's terms (none without terms or without an
/// investment at year 0).
pub(super) struct Financed {
    pub(super) terms: Financing,
    pub(super) flows: FinancedFlows,
    pub(super) capex: f64,
}

/// The tornado and the histogram of the NPV of option `id` (of the package when none), titled
/// in the report's language.
pub(super) fn risk_charts(
    w: &Words,
    id: Option<&str>,
    npv: &RiskOutput,
) -> (Option<String>, Option<String>) {
    let what = crate::report::charts::npv_words(id, &w.currency, w.lang);
    let tornado = crate::report::tornado_svg(npv, &what, w.lang);
    let histogram = crate::report::charts::histogram(npv, &what, w.lang)
        .ok()
        .map(|c| c.svg);
    (Some(tornado), histogram)
}

/// The cumulative cash flow of the option, or of the package drawn as one option (its flows,
/// paybacks and financing).
pub(super) fn cash_flow_chart(
    w: &Words,
    s: &Subject,
    rate: f64,
    f: Option<&Financed>,
) -> Option<String> {
    use crate::report::charts::words::{W, Words as ChartWords};
    let draw = |o: &OptionResult| {
        crate::report::charts::cash_flow(o, rate, &w.currency, w.lang)
            .ok()
            .map(|c| c.svg)
    };
    let chart_words = ChartWords::new(w.lang);
    if s.id.is_some() {
        return s.steps.first().and_then(draw);
    }
    let mut package = s.steps.first()?.clone();
    let returns = Returns::of(rate, &s.flows).ok()?;
    package.id = chart_words.t(W::AllOptions).to_string();
    package.title = chart_words.t(W::ThePackage).to_string();
    package.capex = s.capex();
    package.annual_saving = s.annual_saving();
    package.cash_flows = s.flows.clone();
    package.npv = returns.npv;
    package.irr = returns.irr;
    package.simple_payback_years = returns.simple;
    package.discounted_payback_years = returns.discounted;
    package.financing = f.map(|f| crate::options::OptionFinancing {
        loan: f.flows.loan,
        grant: f.flows.grant,
        equity_flows: f.flows.equity.clone(),
        equity_npv: finance::npv(rate, &f.flows.equity).unwrap_or(0.0),
        equity_irr: f.flows.equity_irr,
        min_dscr: f.flows.min_dscr,
    });
    draw(&package)
}
