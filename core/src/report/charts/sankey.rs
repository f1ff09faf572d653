//! A component's balance as a Sankey diagram, before the options and with every option
//! applied, both at one scale: nodes in columns (sources left, sinks right), streams as bands
//! as wide as their flow, recycles drawn as return links under the diagram, and what a unit's
//! balance leaves open (its closure error, or a change of stock) as a node of its own. The
//! edges are also given as data ([`SankeyData`]), for Sankey tools.

use schemars::JsonSchema;
use serde::Serialize;

use super::sankey_layout::{self, Link, Pin};
use super::svg::{PathData, Svg, Tag};
use super::words::{W, Words};
use super::{Chart, ChartKind, DataTable, element_id};
use crate::error::{Error, Result};
use crate::flowsheet::EnergyBalance;
use crate::options::Flows;
use crate::report::significant;
use crate::sections::Lang;

const WIDTH: f64 = 760.0;
const LEFT: f64 = 150.0;
const RIGHT: f64 = 610.0;
const NODE: f64 = 12.0;
/// Height of the band the nodes of one stage share, and space between nodes.
const BAND: f64 = 260.0;
const PADDING: f64 = 14.0;
/// Space above a stage (its heading) and around the return links.
const HEADING: f64 = 34.0;
const RETURN_GAP: f64 = 6.0;
/// The id of the node standing for what units' balances leave open.
pub const CLOSURE: &str = "closure";
/// Unit of the values: the balance's kg/yr in tonnes (m3 of water at 1 t/m3).
const UNIT: &str = "t/yr";

/// A Sankey diagram's data: per stage (before the options, after them) its nodes and links.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SankeyData {
    /// The component.
    pub component: String,
    /// Unit of every value: `"t/yr"`.
    pub unit: String,
    /// `before`, then `after` when the document has options.
    pub stages: Vec<SankeyStage>,
}

/// One stage of a [`SankeyData`].
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SankeyStage {
    /// `"before"` or `"after"`.
    pub stage: String,
    /// The nodes the component passes through.
    pub nodes: Vec<SankeyNode>,
    /// The flows between them.
    pub links: Vec<SankeyLink>,
}

/// A node of a Sankey stage.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SankeyNode {
    /// Node id of the flowsheet, or [`CLOSURE`].
    pub id: String,
    /// Its name for reading (the id when the flowsheet gives none).
    pub name: String,
    /// `source`, `process`, `product`, `wastewater`, `emission`, `solid_waste` or `closure`.
    pub kind: String,
}

/// What a link of a Sankey stage stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// A stream of the flowsheet.
    Stream,
    /// Part of a unit's outlet sent back by an option's `recycle`.
    Recycle,
    /// A unit's in − out left open by its balance (to [`CLOSURE`] when more goes in).
    Closure,
}

/// A link of a Sankey stage.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SankeyLink {
    /// Node id it leaves.
    pub source: String,
    /// Node id it enters.
    pub target: String,
    /// The stream (for a recycle, the stream split; empty for a closure).
    pub stream: String,
    /// What it stands for.
    pub kind: LinkKind,
    /// The flow, in the data's unit.
    pub value: f64,
}

/// The Sankey data of `component` in `flows` (see [`crate::Assessment::flows`]): streams that
/// carry it with a known flow, the options' recycles after, and per unit operation its
/// in − out as a link to or from [`CLOSURE`]. An unknown component is an error naming
/// `component`.
///
/// ```
/// use cleanprod::{Assessment, report::charts};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/tannery.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let flows = a.flows().unwrap().unwrap();
/// let data = charts::sankey_data(&flows, "water").unwrap();
/// assert_eq!(data.stages.len(), 2);
/// assert!(serde_json::to_string(&data).unwrap().contains("\"kind\":\"stream\""));
/// assert_eq!(charts::sankey_data(&flows, "gold").unwrap_err().path(), "component");
/// ```
pub fn sankey_data(flows: &Flows<'_>, component: &str) -> Result<SankeyData> {
    let fs = flows.flowsheet;
    let c = fs
        .components
        .iter()
        .position(|x| x == component)
        .ok_or_else(|| Error::UnknownReference {
            path: "component".to_string(),
            value: component.to_string(),
            expected: format!(
                "a component of the flowsheet ({})",
                fs.components.join(", ")
            ),
        })?;
    let mut stages = vec![stage(flows, c, "before", &flows.before, &[])];
    if let Some(after) = &flows.after {
        let recycled: Vec<_> = flows
            .recycled_after
            .iter()
            .filter(|r| r.component == c)
            .copied()
            .collect();
        stages.push(stage(flows, c, "after", after, &recycled));
    }
    Ok(SankeyData {
        component: component.to_string(),
        unit: UNIT.to_string(),
        stages,
    })
}

/// One stage's nodes and links.
fn stage(
    flows: &Flows<'_>,
    c: usize,
    name: &str,
    values: &[Vec<Option<f64>>],
    recycled: &[crate::options::Recycled],
) -> SankeyStage {
    let fs = flows.flowsheet;
    let index = |id: &str| fs.nodes.iter().position(|n| n.id == id);
    let mut links: Vec<(usize, usize, String, LinkKind, f64)> = Vec::new();
    for (s, stream) in fs.streams.iter().enumerate() {
        let Some(kg) = values.get(c).and_then(|v| v.get(s)).copied().flatten() else {
            continue;
        };
        if let (Some(from), Some(to)) = (index(&stream.from), index(&stream.to))
            && kg > 0.0
            && kg.is_finite()
        {
            links.push((from, to, stream.id.clone(), LinkKind::Stream, kg));
        }
    }
    for r in recycled {
        let Some(stream) = fs.streams.get(r.stream) else {
            continue;
        };
        if let Some(from) = index(&stream.from)
            && r.kg > 0.0
            && r.to < fs.nodes.len()
        {
            links.push((from, r.to, stream.id.clone(), LinkKind::Recycle, r.kg));
        }
    }
    // Each unit's in − out, left open by its balance.
    let closure = fs.nodes.len();
    let mut open = Vec::new();
    for (i, node) in fs.nodes.iter().enumerate() {
        if !node.kind.is_process() {
            continue;
        }
        let into: f64 = links.iter().filter(|l| l.1 == i).map(|l| l.4).sum();
        let out: f64 = links.iter().filter(|l| l.0 == i).map(|l| l.4).sum();
        let residual = into - out;
        if residual.abs() > 1e-9 * into.max(out) && residual.abs() > 1e-9 {
            open.push(if residual > 0.0 {
                (i, closure, residual)
            } else {
                (closure, i, -residual)
            });
        }
    }
    for (from, to, kg) in open {
        links.push((from, to, String::new(), LinkKind::Closure, kg));
    }
    let used = |i: usize| links.iter().any(|l| l.0 == i || l.1 == i);
    let mut nodes: Vec<SankeyNode> = fs
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| used(*i))
        .map(|(_, n)| SankeyNode {
            id: n.id.clone(),
            name: if n.name.is_empty() {
                n.id.clone()
            } else {
                n.name.clone()
            },
            kind: n.kind.key().to_string(),
        })
        .collect();
    if used(closure) {
        nodes.push(SankeyNode {
            id: CLOSURE.to_string(),
            name: "closure error or stock change".to_string(),
            kind: CLOSURE.to_string(),
        });
    }
    let id = |i: usize| {
        fs.nodes
            .get(i)
            .map_or(CLOSURE.to_string(), |n| n.id.clone())
    };
    SankeyStage {
        stage: name.to_string(),
        nodes,
        links: links
            .into_iter()
            .map(|(from, to, stream, kind, kg)| SankeyLink {
                source: id(from),
                target: id(to),
                stream,
                kind,
                value: kg / 1_000.0,
            })
            .collect(),
    }
}

/// The site's energy as Sankey data (one stage, as the balance gives it: the options'
/// effects on devices are not drawn): each carrier to the units it supplies, each unit to the
/// useful heat and losses of its device, or to "energy used" without one; a heat pump's heat
/// drawn from the environment comes from "ambient heat". In kWh/yr.
///
/// ```
/// use cleanprod::{Assessment, report::charts};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/tannery_measured.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let energy = a.balance().unwrap().unwrap().energy.unwrap();
/// let data = charts::energy_sankey_data(&energy);
/// assert!(data.stages[0].links.iter().any(|l| l.source == "natural_gas" && l.target == "boiler"));
/// ```
pub fn energy_sankey_data(energy: &EnergyBalance) -> SankeyData {
    let mut nodes: Vec<SankeyNode> = Vec::new();
    let mut links: Vec<SankeyLink> = Vec::new();
    let node = |nodes: &mut Vec<SankeyNode>, id: &str, kind: &str| {
        if !nodes.iter().any(|n| n.id == id) {
            nodes.push(SankeyNode {
                id: id.to_string(),
                name: id.to_string(),
                kind: kind.to_string(),
            });
        }
    };
    let link = |links: &mut Vec<SankeyLink>, source: &str, target: &str, stream: &str, kwh: f64| {
        if kwh > 0.0 && kwh.is_finite() {
            links.push(SankeyLink {
                source: source.to_string(),
                target: target.to_string(),
                stream: stream.to_string(),
                kind: LinkKind::Stream,
                value: kwh,
            });
        }
    };
    for carrier in energy.carriers.keys() {
        node(&mut nodes, carrier, "source");
    }
    for n in &energy.nodes {
        node(&mut nodes, &n.node, "process");
        for (carrier, kwh) in &n.inputs {
            link(&mut links, carrier, &n.node, carrier, *kwh);
        }
        let (useful, losses) = (n.useful.unwrap_or(0.0), n.losses.unwrap_or(0.0));
        // Differences below a billionth of the unit's energy are rounding, not energy.
        let tiny = 1e-9 * n.total.max(useful + losses);
        let above = |x: f64| if x > tiny { x } else { 0.0 };
        let ambient = above(useful + losses - n.total);
        let rest = above(n.total + ambient - useful - losses);
        if ambient > 0.0 {
            node(&mut nodes, AMBIENT, "source");
            link(&mut links, AMBIENT, &n.node, "", ambient);
        }
        for (sink, kwh) in [(USEFUL, useful), (LOSSES, losses), (USED, rest)] {
            if kwh > 0.0 {
                node(&mut nodes, sink, "emission");
                link(&mut links, &n.node, sink, "", kwh);
            }
        }
    }
    nodes.retain(|n| links.iter().any(|l| l.source == n.id || l.target == n.id));
    SankeyData {
        component: "energy".to_string(),
        unit: energy.unit.clone(),
        stages: vec![SankeyStage {
            stage: "before".to_string(),
            nodes,
            links,
        }],
    }
}

/// Nodes of the energy Sankey beyond carriers and units.
const AMBIENT: &str = "ambient heat";
const USEFUL: &str = "useful heat";
const LOSSES: &str = "device losses";
const USED: &str = "energy used";

/// A stage laid out.
struct Laid<'a> {
    stage: &'a SankeyStage,
    pins: Vec<Pin>,
    links: Vec<Link>,
    column: Vec<usize>,
    back: Vec<bool>,
}

impl<'a> Laid<'a> {
    fn new(stage: &'a SankeyStage) -> Laid<'a> {
        let at = |id: &str| stage.nodes.iter().position(|n| n.id == id).unwrap_or(0);
        let links: Vec<Link> = stage
            .links
            .iter()
            .map(|l| Link {
                source: at(&l.source),
                target: at(&l.target),
                value: l.value,
            })
            .collect();
        let pins: Vec<Pin> = stage
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| match n.kind.as_str() {
                "source" => Pin::First,
                "process" => Pin::Free,
                // The closure gives to units (first column) or takes from them (last).
                CLOSURE if links.iter().any(|l| l.source == i) => Pin::First,
                _ => Pin::Last,
            })
            .collect();
        let (column, back) = sankey_layout::columns(&pins, &links);
        Laid {
            stage,
            pins,
            links,
            column,
            back,
        }
    }

    fn scale(&self) -> f64 {
        let values = sankey_layout::values(self.pins.len(), &self.links);
        sankey_layout::fit(&self.column, &values, BAND, PADDING)
    }

    /// The height the fullest column needs at scale `ky` (at most [`BAND`]).
    fn height(&self, ky: f64) -> f64 {
        let values = sankey_layout::values(self.pins.len(), &self.links);
        let columns = self.column.iter().copied().max().map_or(0, |c| c + 1);
        (0..columns)
            .map(|c| {
                let members: Vec<usize> = (0..self.column.len())
                    .filter(|&i| self.column[i] == c)
                    .collect();
                members.iter().map(|&i| values[i] * ky).sum::<f64>()
                    + PADDING * members.len().saturating_sub(1) as f64
            })
            .fold(0.0, f64::max)
            .min(BAND)
    }
}

/// The Sankey diagram of `component` in `flows`: before the options above, after them below
/// (when there are options), both at one scale so that a band's width is its flow in either.
/// The chart's own words are in `lang`.
///
/// ```
/// use cleanprod::{Assessment, report::charts};
/// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/tannery.toml")).unwrap();
/// let a = Assessment::from_toml_str(&text).unwrap();
/// let chart = charts::sankey(&a.flows().unwrap().unwrap(), "Cr2O3", Default::default()).unwrap();
/// assert!(chart.svg.contains("data-stage=\"after\""));
/// ```
pub fn sankey(flows: &Flows<'_>, component: &str, lang: Lang) -> Result<Chart> {
    let data = sankey_data(flows, component)?;
    Ok(sankey_chart(&data, lang))
}

/// The chart of Sankey data (see [`sankey`]), its own words in `lang`.
pub fn sankey_chart(data: &SankeyData, lang: Lang) -> Chart {
    let w = Words::new(lang);
    let laid: Vec<Laid<'_>> = data.stages.iter().map(Laid::new).collect();
    let ky = laid
        .iter()
        .map(Laid::scale)
        .filter(|k| k.is_finite() && *k > 0.0)
        .fold(f64::INFINITY, f64::min);
    let ky = if ky.is_finite() { ky } else { 1.0 };
    // Each stage as high as its fullest column: the smaller stage is not stretched.
    let bands: Vec<f64> = laid.iter().map(|l| l.height(ky).max(NODE)).collect();
    let layouts: Vec<_> = laid
        .iter()
        .zip(&bands)
        .map(|(l, band)| {
            sankey_layout::place(
                l.column.clone(),
                l.back.clone(),
                &l.links,
                ky,
                *band,
                PADDING,
            )
        })
        .collect();
    // Each stage: its heading, its band, then room for its return links.
    let returns = |k: usize| -> f64 {
        laid[k]
            .links
            .iter()
            .zip(&layouts[k].back)
            .filter(|(_, b)| **b)
            .map(|(l, _)| l.value * ky + RETURN_GAP)
            .sum::<f64>()
    };
    let mut tops = Vec::new();
    let mut y = 40.0;
    for (k, band) in bands.iter().enumerate() {
        tops.push(y + HEADING);
        y += HEADING + band + 12.0 + returns(k) + 16.0;
    }
    let height = y + 8.0;
    let name = &data.component;
    let title = w.fill(W::SankeyTitle, &[("name", name)]);
    let mut desc = w.fill(
        W::SankeyDesc,
        &[
            ("name", name),
            ("unit", &data.unit),
            ("closure", w.t(W::ClosureNode)),
        ],
    );
    for s in &data.stages {
        desc.push_str(&format!(" {}:", stage_words(w, &s.stage)));
        for l in &s.links {
            desc.push_str(&w.fill(
                W::LinkDesc,
                &[
                    ("from", &l.source),
                    ("to", &l.target),
                    ("value", &w.num(significant(l.value))),
                ],
            ));
        }
    }
    let mut svg = Svg::new(&element_id("sankey", name), WIDTH, height, &title, &desc);
    for (k, (l, layout)) in laid.iter().zip(&layouts).enumerate() {
        draw_stage(&mut svg, l, layout, ky, tops[k], bands[k], w);
    }
    let mut rows = Vec::new();
    for s in &data.stages {
        for l in &s.links {
            rows.push(vec![
                stage_words(w, &s.stage).to_string(),
                l.source.clone(),
                l.target.clone(),
                l.stream.clone(),
                w.t(match l.kind {
                    LinkKind::Stream => W::Stream,
                    LinkKind::Recycle => W::Recycle,
                    LinkKind::Closure => W::Closure,
                })
                .to_string(),
                w.num(significant(l.value)),
            ]);
        }
    }
    Chart {
        kind: ChartKind::Sankey,
        table: DataTable {
            caption: w.fill(W::SankeyCaption, &[("title", &title), ("unit", &data.unit)]),
            columns: vec![
                w.t(W::Stage).to_string(),
                w.t(W::From).to_string(),
                w.t(W::To).to_string(),
                w.t(W::Stream).to_string(),
                w.t(W::Kind).to_string(),
                w.fill(W::FlowColumn, &[("unit", &data.unit)]),
            ],
            rows,
        },
        title,
        svg: svg.finish(),
    }
}

/// The heading of a stage.
fn stage_words(w: Words, stage: &str) -> &'static str {
    w.t(if stage == "before" {
        W::BeforeTheOptions
    } else {
        W::WithEveryOption
    })
}

/// Colour of a node of `kind`.
fn node_colour(kind: &str) -> &'static str {
    match kind {
        "source" => "#4f81bd",
        "process" => "#555555",
        CLOSURE => "#c0504d",
        _ => "#8064a2",
    }
}

fn draw_stage(
    svg: &mut Svg,
    laid: &Laid<'_>,
    layout: &sankey_layout::Layout,
    ky: f64,
    top: f64,
    band: f64,
    words: Words,
) {
    let stage = laid.stage;
    svg.text(
        Tag::new("text")
            .num("x", 8.0)
            .num("y", top - 12.0)
            .attr("font-weight", "600"),
        stage_words(words, &stage.stage),
    );
    let last = layout.columns.saturating_sub(1).max(1) as f64;
    let x = |column: usize| LEFT + column as f64 * (RIGHT - LEFT - NODE) / last;
    // Return links stack under the band.
    let mut under = top + band + 12.0;
    for (k, l) in stage.links.iter().enumerate() {
        let (source, target) = (
            &layout.nodes[laid.links[k].source],
            &layout.nodes[laid.links[k].target],
        );
        let (sy, ty) = layout.ends[k];
        let (sy, ty) = (top + sy, top + ty);
        let w = l.value * ky;
        let (x0, x1) = (x(source.column) + NODE, x(target.column));
        let (role, colour, d) = if layout.back[k] {
            let low = under + w / 2.0;
            under += w + RETURN_GAP;
            let out = x0 + 16.0 + w / 2.0;
            let back = x1 - 16.0 - w / 2.0;
            (
                "return",
                "#9bbb59",
                PathData::default()
                    .move_to(x0, sy)
                    .line_to(out, sy)
                    .line_to(out, low)
                    .line_to(back, low)
                    .line_to(back, ty)
                    .line_to(x1, ty),
            )
        } else {
            let xm = (x0 + x1) / 2.0;
            let colour = match l.kind {
                LinkKind::Stream => "#4f81bd",
                LinkKind::Recycle => "#9bbb59",
                LinkKind::Closure => "#c0504d",
            };
            let role = if l.kind == LinkKind::Closure {
                "closure"
            } else {
                "link"
            };
            (
                role,
                colour,
                PathData::default()
                    .move_to(x0, sy)
                    .curve_to((xm, sy), (xm, ty), (x1, ty)),
            )
        };
        svg.add(
            Tag::new("path")
                .attr("d", d.as_str())
                .attr("fill", "none")
                .attr("stroke", colour)
                .attr("stroke-opacity", "0.45")
                .attr("stroke-linejoin", "round")
                .num("stroke-width", w)
                .attr("data-role", role)
                .attr("data-stage", &stage.stage)
                .attr("data-from", &l.source)
                .attr("data-to", &l.target)
                .attr("data-stream", &l.stream),
        );
    }
    for (i, n) in stage.nodes.iter().enumerate() {
        let p = &layout.nodes[i];
        let nx = x(p.column);
        svg.add(
            Tag::new("rect")
                .num("x", nx)
                .num("y", top + p.y0)
                .num("width", NODE)
                .num("height", (p.y1 - p.y0).max(0.5))
                .attr("fill", node_colour(&n.kind))
                .attr("data-role", "node")
                .attr("data-stage", &stage.stage)
                .attr("data-node", &n.id),
        );
        let value = laid
            .links
            .iter()
            .filter(|l| l.source == i)
            .map(|l| l.value)
            .sum::<f64>()
            .max(
                laid.links
                    .iter()
                    .filter(|l| l.target == i)
                    .map(|l| l.value)
                    .sum(),
            );
        // Labels in the margins for the first and last columns, else right of the node.
        let right_side = p.column > 0;
        let label = Tag::new("text")
            .num(
                "x",
                if right_side {
                    nx + NODE + 4.0
                } else {
                    nx - 4.0
                },
            )
            .num("y", top + (p.y0 + p.y1) / 2.0 + 4.0)
            .attr("fill", "#222")
            .attr("stroke", "#fff")
            .attr("stroke-width", "3")
            .attr("paint-order", "stroke");
        let label = if right_side {
            label
        } else {
            label.attr("text-anchor", "end")
        };
        let name = if n.kind == CLOSURE {
            words.t(W::ClosureNode)
        } else {
            n.name.as_str()
        };
        svg.text(label, &format!("{name} {}", words.num(significant(value))));
    }
}
