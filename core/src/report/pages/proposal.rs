//! The financing proposal of one option or of the package: the investment and what it buys,
//! baseline and savings, the cash flow year by year, the loan and its coverage, the returns
//! for the project and the owner, sensitivity, environmental benefits and assumptions.

use std::collections::BTreeMap;

use super::content::subtitle;
use super::content::{
    Words, environmental_rows, finance_assumptions, in_report_unit, list, paragraph, section, table,
};
use super::labels::Label;
use super::subject::{Financed, Returns, Subject, cash_flow_chart, risk_charts};
use super::{Block, Figures, Kind, Page, Request, Section, Slot};
use crate::assessment::Assessment;
use crate::error::Result;
use crate::finance;
use crate::options::{Effect, Saving};
use crate::sections::Lang;
use crate::uncertainty::{PORTFOLIO, RiskOutput, Settings, Simulation, Simulator};

/// How one figure of [`Returns`] is printed.
type Metric = fn(&Words, &Returns) -> String;

/// The proposal of `a` in `lang`, as `request` asks.
pub(super) fn build(a: &Assessment, lang: Lang, request: &Request) -> Result<Page> {
    let r = a.report()?;
    let w = Words {
        lang,
        currency: r.summary.currency.clone(),
    };
    let subject = Subject::of(a, request.option.as_deref())?;
    let rate = a.document().finance.discount_rate.si();
    let financed = match &a.document().finance.financing {
        Some(terms) => {
            let capex = (-subject.flows[0]).max(0.0);
            if capex > 0.0 {
                let terms = terms.to_financing()?;
                let flows = terms.apply(&subject.flows, capex)?;
                Some(Financed {
                    terms,
                    flows,
                    capex,
                })
            } else {
                None
            }
        }
        None => None,
    };
    let simulation = match &a.document().uncertainty {
        Some(_) => Some(Simulator::new(a)?.run(&Settings {
            draws: request.draws,
            ..Settings::default()
        })?),
        None => None,
    };
    let npv_risk = simulation
        .as_ref()
        .and_then(|s| s.output(subject.id.as_deref().unwrap_or(PORTFOLIO), "npv"));
    let mut figures = Figures::default();
    if let Some(out) = npv_risk {
        (figures.tornado, figures.npv_histogram) = risk_charts(&w, subject.id.as_deref(), out);
    }
    figures.cash_flow = cash_flow_chart(&w, &subject, rate, financed.as_ref());
    let title = match &subject.id {
        Some(id) => {
            let t = subject.steps.first().map_or("", |s| s.title.as_str());
            w.fill(Label::ProposalFor, &[("id", id), ("title", t)])
        }
        None => w.fill(Label::PackageOf, &[("n", &subject.steps.len().to_string())]),
    };
    let sections = vec![
        investment(&w, a, &subject),
        savings(&w, a, &subject, simulation.as_ref(), npv_risk),
        cash_flow(&w, rate, &subject, financed.as_ref())?,
        loan(
            &w,
            request.min_dscr,
            a.document().finance.financing.is_some(),
            &subject,
            financed.as_ref(),
        )?,
        returns(&w, a, rate, &subject, financed.as_ref())?,
        sensitivity(&w, rate, &subject, npv_risk)?,
        environment(&w, &subject),
        assumptions(&w, a, request.min_dscr, financed.as_ref(), &r.evaluation),
    ];
    Ok(Page {
        kind: Kind::Proposal,
        lang,
        title: w.t(Label::ProposalTitle).to_string(),
        subtitle: format!("{} · {title}", subtitle(&r)),
        sections,
        figures,
    })
}

fn investment(w: &Words, a: &Assessment, s: &Subject) -> Section {
    let mut blocks = Vec::new();
    if let (Some(_), Some(o)) = (&s.id, s.steps.first()) {
        blocks.push(paragraph(w.fill(
            Label::InvestmentIntro,
            &[
                ("capex", &w.money(o.capex)),
                ("class", w.class_word(o.cost_class)),
                ("category", w.category(o.category)),
                ("years", &(s.flows.len().saturating_sub(1)).to_string()),
            ],
        )));
        blocks.extend(list(
            w.t(Label::WhatItChanges),
            o.deltas
                .iter()
                .map(|(k, v)| format!("{k}: {}", w.text(v)))
                .collect(),
        ));
    } else {
        let mut t = table(
            w.t(Label::OptionsIncluded).to_string(),
            vec![
                w.t(Label::Option).to_string(),
                w.t(Label::Title).to_string(),
                w.t(Label::Category).to_string(),
                w.fill(Label::Capex, &[]),
                w.fill(Label::AddedSaving, &[]),
            ],
            &[false, false, false, true, true],
        );
        for o in &s.steps {
            t.rows.push(vec![
                o.id.clone(),
                o.title.clone(),
                w.category(o.category).to_string(),
                w.money(o.capex),
                w.money(o.annual_saving),
            ]);
        }
        t.foot.push(vec![
            String::new(),
            String::new(),
            String::new(),
            w.money(s.capex()),
            w.money(s.annual_saving()),
        ]);
        blocks.push(Block::Table(t));
    }
    let _ = a;
    section("investment", w.t(Label::InvestmentTitle), blocks)
}

/// Whether the savings of the option come from the site's model rather than as stated.
fn modelled(a: &Assessment, id: &str) -> bool {
    a.options()
        .iter()
        .any(|o| o.id == id && (o.model.is_some() || o.effects.iter().any(Effect::edits_flowsheet)))
}

fn savings(
    w: &Words,
    a: &Assessment,
    s: &Subject,
    simulation: Option<&Simulation>,
    npv: Option<&RiskOutput>,
) -> Section {
    let method = match &s.id {
        None => Label::MethodPackage,
        Some(id) if modelled(a, id) => Label::MethodModel,
        Some(_) => Label::MethodStated,
    };
    let mut blocks = vec![paragraph(w.t(method))];
    blocks.extend(baseline(w, a, s).map(Block::Table));
    let mut accounts: BTreeMap<&str, f64> = BTreeMap::new();
    for o in &s.steps {
        for (k, v) in &o.money {
            *accounts.entry(k).or_default() += v;
        }
    }
    let mut t = table(
        w.fill(Label::SavingsByAccount, &[]),
        vec![
            w.t(Label::Account).to_string(),
            w.fill(Label::AnnualSaving, &[]),
        ],
        &[false, true],
    );
    for (k, v) in &accounts {
        t.rows.push(vec![(*k).to_string(), w.money(*v)]);
    }
    let gross: f64 = accounts.values().sum();
    let om = gross - s.annual_saving();
    if om.abs() > 1e-9 * gross.abs().max(1.0) {
        t.rows
            .push(vec![w.t(Label::OmChange).to_string(), w.money(-om)]);
    }
    t.foot.push(vec![
        w.t(Label::NetSaving).to_string(),
        w.money(s.annual_saving()),
    ]);
    blocks.push(Block::Table(t));
    match (
        simulation,
        npv.and_then(|o| o.spread.as_ref().map(|sp| (o, sp))),
    ) {
        (Some(sim), Some((out, sp))) => {
            let mut u = table(
                w.fill(Label::UncertaintySummary, &[("n", &sim.draws.to_string())]),
                vec![
                    String::new(),
                    w.t(Label::Mean).to_string(),
                    w.t(Label::P5).to_string(),
                    w.t(Label::P50).to_string(),
                    w.t(Label::P95).to_string(),
                    w.t(Label::ProbabilityLoss).to_string(),
                ],
                &[false, true, true, true, true, true],
            );
            u.rows.push(vec![
                w.fill(Label::Npv, &[]),
                w.money(sp.mean),
                w.money(sp.p5),
                w.money(sp.p50),
                w.money(sp.p95),
                out.probability_negative
                    .map_or_else(|| "–".to_string(), |p| w.percent(p)),
            ]);
            blocks.push(Block::Table(u));
        }
        _ => blocks.push(paragraph(w.t(Label::NoUncertainty))),
    }
    section("savings", w.t(Label::SavingsTitle), blocks)
}

/// The site's annual use of `resource` before the options, in the engine's `unit` of its
/// saving, from the balance: a component bought (its sources), the wastewater discharged (the
/// water to wastewater sinks) or an energy carrier.
fn use_before(a: &Assessment, resource: &str, unit: &str) -> Option<f64> {
    let b = a.balance().ok()??;
    let component = |name: &str| b.components.iter().find(|c| c.component == name);
    match unit {
        // Water at 1 kg/L, as the balance reads volumes of water.
        "m3/yr" if resource == "wastewater" => component("water")?
            .site
            .sinks
            .get("wastewater")
            .copied()
            .flatten()
            .map(|kg| kg / 1_000.0),
        "m3/yr" => component(resource)?.site.sources.map(|kg| kg / 1_000.0),
        "kg/yr" => component(resource)?.site.sources,
        "kWh/yr" => b.energy.as_ref()?.carriers.get(resource).copied(),
        _ => None,
    }
}

/// The baseline of each resource the proposal saves that the balance knows: its use before,
/// the saving and its share, and its price.
fn baseline(w: &Words, a: &Assessment, s: &Subject) -> Option<super::Table> {
    let mut saved: BTreeMap<(&str, &str), f64> = BTreeMap::new();
    for o in &s.steps {
        for x in &o.savings {
            *saved.entry((&x.resource, &x.unit)).or_default() += x.amount;
        }
    }
    let mut t = table(
        w.t(Label::BaselineCaption).to_string(),
        vec![
            w.t(Label::Resource).to_string(),
            w.t(Label::UseBefore).to_string(),
            w.t(Label::Saved).to_string(),
            w.t(Label::Share).to_string(),
            w.t(Label::Price).to_string(),
        ],
        &[false, true, true, true, true],
    );
    let per = w.t(Label::PerYearUnit);
    for ((resource, unit), amount) in saved {
        let Some(before) = use_before(a, resource, unit).filter(|b| *b > 0.0) else {
            continue;
        };
        let (b, u) = in_report_unit(before, unit);
        let (x, _) = in_report_unit(amount, unit);
        t.rows.push(vec![
            resource.to_string(),
            format!("{} {u}{per}", w.sig(b)),
            format!("{} {u}{per}", w.sig(x)),
            w.percent(amount / before),
            a.document()
                .prices
                .get(resource)
                .map_or_else(|| "–".to_string(), |p| w.text(&p.to_string())),
        ]);
    }
    (!t.rows.is_empty()).then_some(t)
}

fn cash_flow(w: &Words, rate: f64, s: &Subject, f: Option<&Financed>) -> Result<Section> {
    let mut head = vec![
        w.t(Label::Year).to_string(),
        w.t(Label::ProjectFlow).to_string(),
        w.t(Label::Cumulative).to_string(),
        w.t(Label::Discounted).to_string(),
        w.t(Label::CumulativeDiscounted).to_string(),
    ];
    if f.is_some() {
        head.extend([
            w.t(Label::DebtService).to_string(),
            w.t(Label::GuaranteeFee).to_string(),
            w.t(Label::OwnerFlow).to_string(),
        ]);
    }
    let numeric = vec![true; head.len()];
    let mut t = table(w.fill(Label::CashFlowCaption, &[]), head, &numeric);
    let (mut cumulative, mut cumulative_discounted, mut discount) = (0.0, 0.0, 1.0);
    for (year, flow) in s.flows.iter().enumerate() {
        let discounted = flow * discount;
        cumulative += flow;
        cumulative_discounted += discounted;
        discount /= 1.0 + rate;
        let mut row = vec![
            year.to_string(),
            w.money(*flow),
            w.money(cumulative),
            w.money(discounted),
            w.money(cumulative_discounted),
        ];
        if let Some(f) = f {
            let at = |v: &[f64]| v.get(year).copied().unwrap_or(0.0);
            row.extend([
                w.money(at(&f.flows.debt_service)),
                w.money(at(&f.flows.guarantee_fees)),
                w.money(at(&f.flows.equity)),
            ]);
        }
        t.rows.push(row);
    }
    let blocks = vec![
        Block::Table(t),
        Block::Figure {
            slot: Slot::CashFlow,
            caption: w.t(Label::CashFlowChartCaption).to_string(),
        },
    ];
    Ok(section("cash-flow", w.t(Label::CashFlowTitle), blocks))
}

/// The smallest and the mean coverage over the years debt is serviced.
pub(super) fn dscr_min_mean(dscr: &[Option<f64>]) -> Option<(f64, f64)> {
    let values: Vec<f64> = dscr.iter().flatten().copied().collect();
    let min = values.iter().copied().reduce(f64::min)?;
    Some((min, values.iter().sum::<f64>() / values.len() as f64))
}

fn loan(
    w: &Words,
    threshold: f64,
    has_terms: bool,
    s: &Subject,
    f: Option<&Financed>,
) -> Result<Section> {
    let Some(f) = f else {
        let why = if has_terms {
            Label::NothingToFinance
        } else {
            Label::NoFinancing
        };
        return Ok(section(
            "loan",
            w.t(Label::LoanTitle),
            vec![paragraph(w.t(why))],
        ));
    };
    let mut blocks = Vec::new();
    if s.id.is_none() {
        blocks.push(paragraph(w.t(Label::PackageFinancingNote)));
    }
    let mut terms = table(
        w.t(Label::LoanTitle).to_string(),
        vec![String::new(), w.t(Label::Value).to_string()],
        &[false, true],
    );
    let cur = &w.currency;
    terms.rows.extend([
        vec![w.fill(Label::Capex, &[]), w.money(f.capex)],
        vec![
            format!("{}, {cur}", w.t(Label::LoanAmount)),
            w.money(f.flows.loan),
        ],
        vec![
            format!("{}, {cur}", w.t(Label::Grant)),
            w.money(f.flows.grant),
        ],
        vec![
            w.t(Label::InterestRate).to_string(),
            w.percent(f.terms.annual_rate),
        ],
        vec![
            w.t(Label::LoanTerm).to_string(),
            format!("{} {}", f.terms.loan_years, w.t(Label::Years)),
        ],
        vec![
            w.t(Label::PaymentsPerYear).to_string(),
            f.terms.payments_per_year.to_string(),
        ],
        vec![
            w.t(Label::Grace).to_string(),
            f.terms.grace_periods.to_string(),
        ],
    ]);
    blocks.push(Block::Table(terms));
    if let Some(l) = f.terms.loan(f.capex) {
        let schedule = l.schedule()?;
        let mut t = table(
            w.fill(Label::LoanScheduleCaption, &[]),
            vec![
                w.t(Label::Year).to_string(),
                w.t(Label::Payment).to_string(),
                w.t(Label::Interest).to_string(),
                w.t(Label::Principal).to_string(),
                w.t(Label::ClosingBalance).to_string(),
            ],
            &[true; 5],
        );
        let per_year = f.terms.payments_per_year.max(1) as usize;
        for (k, periods) in schedule.chunks(per_year).enumerate() {
            let sum = |g: fn(&finance::LoanPayment) -> f64| periods.iter().map(g).sum::<f64>();
            t.rows.push(vec![
                (k + 1).to_string(),
                w.money(sum(|p| p.payment)),
                w.money(sum(|p| p.interest)),
                w.money(sum(|p| p.principal)),
                w.money(periods.last().map_or(0.0, |p| p.balance)),
            ]);
        }
        blocks.push(Block::Table(t));
    }
    let mut d = table(
        w.t(Label::DscrCaption).to_string(),
        vec![w.t(Label::Year).to_string(), w.t(Label::Dscr).to_string()],
        &[true, true],
    );
    let mut below = Vec::new();
    for (year, x) in f.flows.dscr.iter().enumerate() {
        if let Some(x) = x {
            d.rows.push(vec![year.to_string(), w.fixed(*x, 2)]);
            if *x < threshold {
                below.push(year.to_string());
            }
        }
    }
    if let Some((min, mean)) = dscr_min_mean(&f.flows.dscr) {
        d.foot
            .push(vec![w.t(Label::MinimumDscr).to_string(), w.fixed(min, 2)]);
        d.foot
            .push(vec![w.t(Label::AverageDscr).to_string(), w.fixed(mean, 2)]);
    }
    blocks.push(Block::Table(d));
    blocks.push(paragraph(format!(
        "{} {}",
        w.fill(Label::DscrThreshold, &[("x", &w.fixed(threshold, 2))]),
        if below.is_empty() {
            w.t(Label::DscrAllAbove).to_string()
        } else {
            w.fill(Label::DscrBelow, &[("years", &below.join(", "))])
        }
    )));
    Ok(section("loan", w.t(Label::LoanTitle), blocks))
}

fn returns(
    w: &Words,
    a: &Assessment,
    rate: f64,
    s: &Subject,
    f: Option<&Financed>,
) -> Result<Section> {
    let project = Returns::of(rate, &s.flows)?;
    let owner = match f {
        Some(f) => Some(Returns::of(rate, &f.flows.equity)?),
        None => None,
    };
    let mut head = vec![
        w.t(Label::Metric).to_string(),
        w.t(Label::Project).to_string(),
    ];
    if owner.is_some() {
        head.push(w.t(Label::Owner).to_string());
    }
    let numeric: Vec<bool> = (0..head.len()).map(|i| i > 0).collect();
    let rate_text = w.text(&a.document().finance.discount_rate.to_string());
    let mut t = table(
        w.fill(Label::ReturnsCaption, &[("rate", &rate_text)]),
        head,
        &numeric,
    );
    let rows: [(String, Metric); 5] = [
        (w.fill(Label::Npv, &[]), |w, r| w.money(r.npv)),
        (w.t(Label::Irr).to_string(), |w, r| w.rate(r.irr)),
        (w.t(Label::Mirr).to_string(), |w, r| w.rate(r.mirr)),
        (w.t(Label::SimplePayback).to_string(), |w, r| {
            w.years(r.simple)
        }),
        (w.t(Label::DiscountedPayback).to_string(), |w, r| {
            w.years(r.discounted)
        }),
    ];
    for (name, value) in rows {
        let mut row = vec![name, value(w, &project)];
        if let Some(o) = &owner {
            row.push(value(w, o));
        }
        t.rows.push(row);
    }
    Ok(section(
        "returns",
        w.t(Label::ReturnsTitle),
        vec![Block::Table(t)],
    ))
}

fn sensitivity(w: &Words, rate: f64, s: &Subject, npv: Option<&RiskOutput>) -> Result<Section> {
    let mut blocks = Vec::new();
    let saving = s.annual_saving();
    // No break-even where the savings have no present value to scale.
    if let Ok(k) = finance::break_even_scale(rate, &s.flows, &s.savings) {
        let mut t = table(
            w.t(Label::SensitivityTitle).to_string(),
            vec![String::new(), w.t(Label::Value).to_string()],
            &[false, true],
        );
        t.rows.push(vec![
            format!(
                "{}, {}/{}",
                w.t(Label::BreakEvenSaving),
                w.currency,
                w.t(Label::Years)
            ),
            w.money(k * saving),
        ]);
        t.rows.push(vec![
            w.t(Label::BreakEvenMargin).to_string(),
            w.percent(1.0 - k),
        ]);
        if let Some(p) = npv.and_then(|o| o.probability_negative) {
            t.rows
                .push(vec![w.t(Label::ProbabilityLoss).to_string(), w.percent(p)]);
        }
        blocks.push(Block::Table(t));
        blocks.push(paragraph(w.t(Label::BreakEvenNote)));
    }
    blocks.push(Block::Figure {
        slot: Slot::Tornado,
        caption: w.t(Label::TornadoCaption).to_string(),
    });
    blocks.push(Block::Figure {
        slot: Slot::NpvHistogram,
        caption: w.t(Label::HistogramCaption).to_string(),
    });
    Ok(section("sensitivity", w.t(Label::SensitivityTitle), blocks))
}

fn environment(w: &Words, s: &Subject) -> Section {
    let savings: Vec<&Saving> = s.steps.iter().flat_map(|o| &o.savings).collect();
    let co2 = s
        .steps
        .iter()
        .try_fold(0.0, |acc, o| o.co2_avoided.map(|c| acc + c));
    let t = environmental_rows(w, &savings, co2);
    section(
        "environment",
        w.t(Label::EnvironmentTitle),
        vec![Block::Table(t)],
    )
}

fn assumptions(
    w: &Words,
    a: &Assessment,
    threshold: f64,
    f: Option<&Financed>,
    e: &crate::options::Evaluation,
) -> Section {
    let mut items = finance_assumptions(w, a);
    if f.is_some() {
        items.push(w.fill(Label::DscrThreshold, &[("x", &w.fixed(threshold, 2))]));
    }
    let mut blocks: Vec<Block> = Vec::new();
    blocks.extend(list("", items));
    blocks.extend(list(
        w.t(Label::OptionNotes),
        super::pre_assessment::option_notes(e),
    ));
    section("assumptions", w.t(Label::AssumptionsTitle), blocks)
}
