//! The pre-assessment report (UNEP/UNIDO structure): site and production, process flow,
//! balances, indicators against benchmarks, options by cost class, portfolio and cost curve,
//! environmental results, assumptions and sources.

use super::content::{
    Words, environmental_rows, finance_assumptions, list, paragraph, section, subtitle, table,
};
use super::labels::Label;
use super::subject;
use super::{Block, Kind, Page, Section, Slot};
use crate::assessment::{Assessment, Report};
use crate::error::Result;
use crate::flowsheet::Balance;
use crate::options::{CostClass, Evaluation};
use crate::sections::Lang;
use crate::sectors::Benchmarks;
use crate::sectors::indicators::Class;
use crate::uncertainty::{PORTFOLIO, Settings, Simulation, Simulator};

/// The pre-assessment report of `a` in `lang`; a document with an `[uncertainty]` section is
/// simulated with `draws` (the section's own number when none).
pub(super) fn build(a: &Assessment, lang: Lang, draws: Option<u32>) -> Result<Page> {
    let r = a.report()?;
    let w = Words {
        lang,
        currency: r.summary.currency.clone(),
    };
    let simulation = match &a.document().uncertainty {
        Some(_) => Some(Simulator::new(a)?.run(&Settings {
            draws,
            ..Settings::default()
        })?),
        None => None,
    };
    let mut sections = vec![site(&w, &r), process_flow(&w, a)];
    if let Some(b) = &r.balance {
        sections.push(balances(&w, b));
    }
    sections.push(indicators(&w, r.benchmarks.as_ref()));
    sections.push(options(&w, a, &r.evaluation));
    sections.push(portfolio(&w, a, &r.evaluation));
    if let Some(sim) = &simulation {
        sections.push(risk(&w, sim, &r.evaluation));
    }
    sections.push(environment(&w, &r.evaluation));
    sections.push(assumptions(&w, a, &r));
    let mut figures = figures(a, lang);
    figures.cash_flow = package_cash_flow(&w, a);
    if let Some(npv) = simulation.as_ref().and_then(|s| s.output(PORTFOLIO, "npv")) {
        (figures.tornado, figures.npv_histogram) = subject::risk_charts(&w, None, npv);
    }
    Ok(Page {
        kind: Kind::PreAssessment,
        lang,
        title: w.t(Label::PreAssessmentTitle).to_string(),
        subtitle: subtitle(&r),
        sections,
        figures,
    })
}

/// The cumulative cash flow of every option applied together (none when the package cannot be
/// appraised, as for a document without options).
fn package_cash_flow(w: &Words, a: &Assessment) -> Option<String> {
    let package = subject::Subject::of(a, None).ok()?;
    let rate = a.document().finance.discount_rate.si();
    subject::cash_flow_chart(w, &package, rate, None)
}

/// The spread of each option's NPV and of the package's over the draws, with the tornado and
/// the histogram of the package's NPV.
fn risk(w: &Words, sim: &Simulation, e: &Evaluation) -> Section {
    let mut blocks = vec![paragraph(w.fill(
        Label::RiskIntro,
        &[
            ("n", &sim.draws.to_string()),
            ("seed", &sim.seed.to_string()),
            ("method", sim.method.key()),
        ],
    ))];
    let mut t = table(
        w.fill(Label::RiskCaption, &[]),
        vec![
            w.t(Label::Option).to_string(),
            w.t(Label::Mean).to_string(),
            w.t(Label::P5).to_string(),
            w.t(Label::P50).to_string(),
            w.t(Label::P95).to_string(),
            w.t(Label::ProbabilityLoss).to_string(),
        ],
        &[false, true, true, true, true, true],
    );
    let rows = e
        .options
        .iter()
        .map(|o| (o.id.clone(), o.id.as_str()))
        .chain([(w.t(Label::AllOptions).to_string(), PORTFOLIO)]);
    for (label, id) in rows {
        let Some(out) = sim.output(id, "npv") else {
            continue;
        };
        let Some(sp) = &out.spread else { continue };
        t.rows.push(vec![
            label,
            w.money(sp.mean),
            w.money(sp.p5),
            w.money(sp.p50),
            w.money(sp.p95),
            out.probability_negative
                .map_or_else(|| "–".to_string(), |p| w.percent(p)),
        ]);
    }
    blocks.push(Block::Table(t));
    blocks.push(Block::Figure {
        slot: Slot::Tornado,
        caption: w.t(Label::TornadoCaption).to_string(),
    });
    blocks.push(Block::Figure {
        slot: Slot::NpvHistogram,
        caption: w.t(Label::HistogramCaption).to_string(),
    });
    section("risk", w.t(Label::RiskTitle), blocks)
}

/// The charts of the pre-assessment: the Sankey of the balance (water when the flowsheet
/// carries it, else its first component), the cost curve (water, else the first resource with
/// one) and the benchmark bars; a chart the document cannot give is left out.
fn figures(a: &Assessment, lang: Lang) -> super::Figures {
    use crate::report::charts::{ChartKind, ChartOptions, chart};
    let component = a
        .flowsheet()
        .filter(|f| f.components.iter().any(|c| c == "water"))
        .map(|_| "water".to_string());
    let draw = |kind: ChartKind, component: Option<String>| {
        let opts = ChartOptions {
            component,
            lang: Some(lang),
            ..ChartOptions::default()
        };
        chart(a, kind, &opts).ok().map(|c| c.svg)
    };
    super::Figures {
        sankey: draw(ChartKind::Sankey, component),
        cost_curve: draw(ChartKind::CostCurve, None),
        benchmark_bars: draw(ChartKind::Benchmarks, None),
        ..super::Figures::default()
    }
}

fn site(w: &Words, r: &Report) -> Section {
    let s = &r.summary;
    let mut facts = table(
        w.t(Label::SiteAndProduction).to_string(),
        vec![String::new(), w.t(Label::Value).to_string()],
        &[false, false],
    );
    let mut row = |k: Label, v: String| {
        if !v.is_empty() {
            facts.rows.push(vec![w.t(k).to_string(), v]);
        }
    };
    row(Label::Sector, s.sector.key().to_string());
    row(Label::Location, s.location.clone());
    row(
        Label::OperatingTime,
        format!("{} {}", w.text(&s.operating_time), w.t(Label::PerYear)),
    );
    row(
        Label::Output,
        format!("{} {}", w.text(&s.output), s.product),
    );
    row(Label::AnnualOutput, w.text(&s.annual_output));
    row(Label::Currency, s.currency.clone());
    let mut blocks = vec![Block::Table(facts)];
    if !s.prices.is_empty() {
        let mut prices = table(
            w.t(Label::Prices).to_string(),
            vec![
                w.t(Label::Resource).to_string(),
                w.t(Label::Price).to_string(),
            ],
            &[false, true],
        );
        for p in &s.prices {
            prices.rows.push(vec![p.resource.clone(), w.text(&p.price)]);
        }
        blocks.push(Block::Table(prices));
    }
    section("site", w.t(Label::SiteAndProduction), blocks)
}

fn process_flow(w: &Words, a: &Assessment) -> Section {
    let mut blocks = vec![Block::Figure {
        slot: Slot::Sankey,
        caption: w.t(Label::SankeyCaption).to_string(),
    }];
    if let Some(f) = a.flowsheet() {
        let mut t = table(
            w.t(Label::FlowsheetStreams).to_string(),
            vec![
                w.t(Label::Stream).to_string(),
                w.t(Label::From).to_string(),
                w.t(Label::To).to_string(),
            ],
            &[false, false, false],
        );
        for s in &f.streams {
            t.rows
                .push(vec![s.id.clone(), s.from.clone(), s.to.clone()]);
        }
        blocks.push(Block::Table(t));
    }
    section("process-flow", w.t(Label::ProcessFlow), blocks)
}

/// Kilograms as tonnes, four significant digits.
fn tonnes(w: &Words, kg: Option<f64>) -> String {
    kg.map_or_else(|| "?".to_string(), |x| w.sig(x / 1_000.0))
}

fn balances(w: &Words, b: &Balance) -> Section {
    let mut blocks = Vec::new();
    for c in &b.components {
        let mut t = table(
            w.fill(Label::BalanceOf, &[("c", &c.component)]),
            vec![
                w.t(Label::Stream).to_string(),
                w.t(Label::Status).to_string(),
                w.t(Label::Value).to_string(),
                w.t(Label::Uncertainty).to_string(),
                w.t(Label::ZScore).to_string(),
                w.t(Label::Suspect).to_string(),
            ],
            &[false, false, true, true, true, false],
        );
        for s in &c.streams {
            t.rows.push(vec![
                s.stream.clone(),
                w.status(s.status).to_string(),
                tonnes(w, s.value),
                s.uncertainty.map_or(String::new(), |u| tonnes(w, Some(u))),
                s.z.map_or(String::new(), |z| w.fixed(z, 2)),
                if s.suspect { w.t(Label::Yes) } else { "" }.to_string(),
            ]);
        }
        let mut site_row = vec![
            w.t(Label::SiteTotals).to_string(),
            w.t(Label::FromSources).to_string(),
            tonnes(w, c.site.sources),
            String::new(),
            String::new(),
            String::new(),
        ];
        site_row.truncate(6);
        t.foot.push(site_row);
        for (sink, v) in &c.site.sinks {
            t.foot.push(vec![
                w.t(Label::SiteTotals).to_string(),
                format!("→ {sink}"),
                tonnes(w, *v),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
        blocks.push(Block::Table(t));
        if !c.nodes.is_empty() {
            // The closure of the figures as given, where a unit has all its flows given.
            let given = c.nodes.iter().any(|n| n.given_closure_percent.is_some());
            let mut head = vec![
                w.t(Label::Unit).to_string(),
                w.t(Label::Inputs).to_string(),
                w.t(Label::Outputs).to_string(),
            ];
            if given {
                head.push(w.t(Label::ClosureAsGiven).to_string());
            }
            let numeric: Vec<bool> = (0..head.len()).map(|i| i > 0).collect();
            let mut n = table(
                w.fill(Label::ClosuresOf, &[("c", &c.component)]),
                head,
                &numeric,
            );
            for node in &c.nodes {
                let mut row = vec![
                    node.node.clone(),
                    tonnes(w, node.inputs),
                    tonnes(w, node.outputs),
                ];
                if given {
                    row.push(
                        node.given_closure_percent
                            .map_or_else(|| "–".to_string(), |p| w.percent(p / 100.0)),
                    );
                }
                n.rows.push(row);
            }
            blocks.push(Block::Table(n));
        }
        if let Some(r) = &c.reconciliation {
            blocks.push(paragraph(w.fill(
                Label::Reconciliation,
                &[
                    ("c", &c.component),
                    ("x", &w.fixed(r.chi_square, 2)),
                    ("d", &r.degrees_of_freedom.to_string()),
                    ("p", &w.fixed(r.p_value, 3)),
                    (
                        "v",
                        w.t(if r.consistent {
                            Label::Consistent
                        } else {
                            Label::NotConsistent
                        }),
                    ),
                ],
            )));
        }
        blocks.extend(list(w.t(Label::Findings), c.findings.clone()));
    }
    if let Some(e) = &b.energy {
        let mut t = table(
            w.fill(Label::Energy, &[("u", &e.unit)]),
            vec![
                w.t(Label::Carrier).to_string(),
                w.t(Label::EnergyUse).to_string(),
            ],
            &[false, true],
        );
        for (k, v) in &e.carriers {
            t.rows.push(vec![k.clone(), w.money(*v)]);
        }
        t.foot
            .push(vec![w.t(Label::SiteTotals).to_string(), w.money(e.total)]);
        blocks.push(Block::Table(t));
        if let Some(s) = &e.specific_energy {
            blocks.push(paragraph(format!(
                "{}: {}",
                w.t(Label::SpecificEnergy),
                w.text(s)
            )));
        }
    }
    if let Some(s) = &b.specific_water {
        blocks.push(paragraph(format!(
            "{}: {}",
            w.t(Label::SpecificWater),
            w.text(s)
        )));
    }
    section("balances", w.t(Label::Balances), blocks)
}

fn class(w: &Words, c: Option<Class>) -> &'static str {
    match c {
        None => "–",
        Some(Class::Below) => w.t(Label::Below),
        Some(Class::Within) => w.t(Label::Within),
        Some(Class::Above) => w.t(Label::Above),
    }
}

fn indicators(w: &Words, b: Option<&Benchmarks>) -> Section {
    let Some(b) = b else {
        return section(
            "indicators",
            w.t(Label::IndicatorsTitle),
            vec![paragraph(w.t(Label::NoBenchmarks))],
        );
    };
    let mut t = table(
        w.t(Label::IndicatorsTitle).to_string(),
        vec![
            w.t(Label::Indicator).to_string(),
            w.t(Label::Unit).to_string(),
            w.t(Label::Before).to_string(),
            w.t(Label::After).to_string(),
            w.t(Label::PublishedRange).to_string(),
            w.t(Label::Position).to_string(),
        ],
        &[false, false, true, true, true, false],
    );
    for i in b.indicators() {
        t.rows.push(vec![
            i.label.clone(),
            i.unit.clone(),
            w.sig(i.before),
            i.after.map_or_else(|| "–".to_string(), |x| w.sig(x)),
            i.reference.as_ref().map_or_else(
                || "–".to_string(),
                |r| format!("{}–{}", w.sig(r.low), w.sig(r.high)),
            ),
            format!("{} / {}", class(w, i.class_before), class(w, i.class_after)),
        ]);
    }
    // The model's warnings (figures assumed, unusual figures) are listed once, under the
    // assumptions.
    let blocks = vec![
        Block::Table(t),
        Block::Figure {
            slot: Slot::BenchmarkBars,
            caption: w.t(Label::BenchmarkBarsCaption).to_string(),
        },
    ];
    section("indicators", w.t(Label::IndicatorsTitle), blocks)
}

fn options(w: &Words, a: &Assessment, e: &Evaluation) -> Section {
    let threshold = a
        .document()
        .finance
        .low_cost_payback
        .as_ref()
        .map_or_else(|| "1 yr".to_string(), ToString::to_string);
    let mut blocks = vec![paragraph(
        w.fill(Label::OptionsIntro, &[("t", &w.text(&threshold))]),
    )];
    for class in [CostClass::NoCost, CostClass::LowCost, CostClass::Investment] {
        let mut t = table(
            w.cost_class(class).to_string(),
            vec![
                w.t(Label::Option).to_string(),
                w.t(Label::Title).to_string(),
                w.t(Label::Category).to_string(),
                w.fill(Label::Capex, &[]),
                w.fill(Label::AnnualSaving, &[]),
                w.t(Label::SimplePayback).to_string(),
                w.fill(Label::Npv, &[]),
                w.t(Label::Irr).to_string(),
            ],
            &[false, false, false, true, true, true, true, true],
        );
        for o in e.options.iter().filter(|o| o.cost_class == class) {
            t.rows.push(vec![
                o.id.clone(),
                o.title.clone(),
                w.category(o.category).to_string(),
                w.money(o.capex),
                w.money(o.annual_saving),
                w.years(o.simple_payback_years),
                w.money(o.npv),
                w.rate(o.irr),
            ]);
        }
        if t.rows.is_empty() {
            blocks.push(paragraph(format!(
                "{}: {}.",
                w.cost_class(class),
                w.t(Label::NoOptionsInClass)
            )));
        } else {
            blocks.push(Block::Table(t));
        }
    }
    section("options", w.t(Label::OptionsTitle), blocks)
}

fn portfolio(w: &Words, a: &Assessment, e: &Evaluation) -> Section {
    let p = &e.portfolio;
    let mut blocks = vec![paragraph(w.fill(
        Label::PortfolioAll,
        &[
            ("n", &p.all.ids.len().to_string()),
            ("capex", &w.money(p.all.capex)),
            ("saving", &w.money(p.all.annual_saving)),
            ("npv", &w.money(p.all.npv)),
        ],
    ))];
    if let (Some(b), Some(budget)) = (&p.within_budget, &a.document().finance.capital_budget) {
        blocks.push(paragraph(w.fill(
            Label::WithinBudget,
            &[
                ("budget", &w.text(&budget.to_string())),
                ("ids", &b.ids.join(", ")),
                ("capex", &w.money(b.capex)),
                ("npv", &w.money(b.npv)),
            ],
        )));
    }
    let mut t = table(
        w.fill(Label::SequenceCaption, &[]),
        vec![
            w.t(Label::Option).to_string(),
            w.fill(Label::AddedSaving, &[]),
            w.fill(Label::AddedNpv, &[]),
            w.fill(Label::CumulativeSaving, &[]),
            w.fill(Label::CumulativeNpv, &[]),
        ],
        &[false, true, true, true, true],
    );
    for s in &p.sequence {
        t.rows.push(vec![
            s.id.clone(),
            w.money(s.annual_saving),
            w.money(s.npv),
            w.money(s.cumulative_annual_saving),
            w.money(s.cumulative_npv),
        ]);
    }
    blocks.push(Block::Table(t));
    blocks.extend(list(
        "",
        p.set_aside
            .iter()
            .map(|s| {
                w.fill(
                    Label::SetAside,
                    &[("id", &s.id), ("other", &s.instead_of), ("why", &s.reason)],
                )
            })
            .collect(),
    ));
    blocks.push(Block::Figure {
        slot: Slot::CashFlow,
        caption: w.t(Label::PackageCashFlowCaption).to_string(),
    });
    blocks.push(Block::Figure {
        slot: Slot::CostCurve,
        caption: w.t(Label::CostCurveCaption).to_string(),
    });
    let mut lc = table(
        w.t(Label::LevelizedCostCaption).to_string(),
        vec![
            w.t(Label::Option).to_string(),
            w.t(Label::Resource).to_string(),
            w.t(Label::LevelizedCost).to_string(),
            w.t(Label::PricePaid).to_string(),
        ],
        &[false, false, true, true],
    );
    let prices = &a.document().prices;
    for o in &e.options {
        if let Some(l) = &o.levelized_cost {
            lc.rows.push(vec![
                o.id.clone(),
                l.resource.clone(),
                format!("{} {}/{}", w.sig(l.value), w.currency, l.per),
                prices
                    .get(&l.resource)
                    .map_or_else(|| "–".to_string(), |p| w.text(&p.to_string())),
            ]);
        }
    }
    if !lc.rows.is_empty() {
        blocks.push(Block::Table(lc));
    }
    section("portfolio", w.t(Label::PortfolioTitle), blocks)
}

fn environment(w: &Words, e: &Evaluation) -> Section {
    let savings: Vec<_> = e
        .portfolio
        .sequence
        .iter()
        .flat_map(|s| &s.savings)
        .collect();
    let t = environmental_rows(w, &savings, e.portfolio.all.co2_avoided);
    section(
        "environment",
        w.t(Label::EnvironmentTitle),
        vec![Block::Table(t)],
    )
}

fn assumptions(w: &Words, a: &Assessment, r: &Report) -> Section {
    let mut blocks: Vec<Block> = Vec::new();
    blocks.extend(list("", finance_assumptions(w, a)));
    if let Some(b) = &r.benchmarks {
        let mut sources: Vec<String> = Vec::new();
        for i in b.indicators() {
            if let Some(r) = &i.reference {
                let line = format!(
                    "{} ({}–{} {}): {}",
                    r.label,
                    w.sig(r.low),
                    w.sig(r.high),
                    i.unit,
                    r.source
                );
                if !sources.contains(&line) {
                    sources.push(line);
                }
            }
        }
        blocks.extend(list(w.t(Label::BenchmarkSources), sources));
        blocks.extend(list(w.t(Label::TemplateDefaults), b.warnings().to_vec()));
    }
    blocks.extend(list(w.t(Label::OptionNotes), option_notes(&r.evaluation)));
    section("assumptions", w.t(Label::AssumptionsTitle), blocks)
}

/// "id: note" for every note of every option.
pub(super) fn option_notes(e: &Evaluation) -> Vec<String> {
    e.options
        .iter()
        .flat_map(|o| o.notes.iter().map(move |n| format!("{}: {n}", o.id)))
        .collect()
}
