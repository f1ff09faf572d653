//! The baseline flowsheet of the shops: every supply written per year from the figures of
//! [`super::plating`], [`super::paint`] and [`super::machining`], one outlet of each unit left
//! unknown and solved by the balance, so the flowsheet closes by construction.
//!
//! Plating: mains water and the metal (bought as a salt) make up each bath
//! (`bath_<tank>`), which drags out into its rinse (`rinse_<tank>`) and is dumped now and then;
//! the rinses and dumps go to the treatment, which sends the metal precipitated to the filter
//! press and the rest to the effluent. The hydroxide and the cake's water are drawn per tank
//! with the reagent (`<tank>_reagent`, `<tank>_renewal_reagent`) straight into the filter press,
//! so that they follow that tank's metal when an option changes it and options on different
//! tanks combine exactly; the cake's water is then not taken from the effluent (a few m3 in
//! tens of thousands). Paint: the coating's solids to the parts
//! and the booth waste, its VOC to air; the cleaning solvent to air and waste solvent.
//! Machining: make-up water and concentrate to the sumps, out as spent fluid, fluid on chips
//! and evaporation; the compressors' electricity.

use serde_json::{Map, Value, json};

use super::machining::{self, MachiningFigures};
use super::paint::{self, PaintFigures};
use super::plating::{self, LineFigures};
use super::template::{AutomotiveTemplate, PATH};
use crate::error::{Error, Result};
use crate::flowsheet::{Flowsheet, WATER_DENSITY};
use crate::sections::Context;
use crate::units::format_number;

/// Water.
pub(crate) const WATER: &str = "water";
/// The hydroxide precipitated with the metals.
pub(crate) const HYDROXIDE: &str = "hydroxide";
/// Non-volatile part of the coating.
pub(crate) const COATING_SOLIDS: &str = "coating solids";
/// VOC of the coating.
pub(crate) const VOC: &str = "VOC";
/// Gun and line cleaning solvent (priced under this name).
pub(crate) const SOLVENT: &str = "cleaning solvent";
/// Metalworking fluid concentrate (priced under this name).
pub(crate) const CONCENTRATE: &str = "coolant concentrate";
/// The compressors' electricity input.
pub(crate) const COMPRESSED_AIR: &str = "compressed_air";
/// The sludge cake stream.
pub(crate) const SLUDGE_CAKE: &str = "sludge_cake";
/// The metals precipitated, to the filter press.
pub(crate) const PRECIPITATE: &str = "precipitate";
/// The coating supply.
pub(crate) const COATING: &str = "coating";
/// Solids on the painted parts.
pub(crate) const ON_PARTS: &str = "coating_on_parts";
/// The solvent supply.
pub(crate) const SOLVENT_SUPPLY: &str = "solvent_supply";
/// Solvent evaporated.
pub(crate) const SOLVENT_EMITTED: &str = "solvent_emitted";
/// Make-up water for the machine tools' running losses.
pub(crate) const COOLANT_WATER: &str = "coolant_water";
/// Concentrate for the running losses.
pub(crate) const COOLANT_CONCENTRATE: &str = "coolant_concentrate";
/// Make-up water for the sump changes.
pub(crate) const SUMP_WATER: &str = "sump_water";
/// Concentrate for the sump changes.
pub(crate) const SUMP_CONCENTRATE: &str = "sump_concentrate";
/// Fluid on chips.
pub(crate) const CHIPS_FLUID: &str = "chips_fluid";
/// Spent fluid dumped.
pub(crate) const SPENT: &str = "spent_coolant";
/// Water evaporated from the sumps.
pub(crate) const EVAPORATION: &str = "coolant_evaporation";

/// Stream ids of a tank.
pub(crate) fn stream(tank: &str, what: &str) -> String {
    format!("{tank}_{what}")
}

/// Everything the template stands for over a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// The plating line.
    pub plating: Option<LineFigures>,
    /// The paint shop.
    pub paint: Option<PaintFigures>,
    /// The machining shop.
    pub machining: Option<MachiningFigures>,
}

/// The figures of `t`.
pub fn figures(ctx: &Context<'_>, t: &AutomotiveTemplate) -> Figures {
    Figures {
        plating: t
            .plating
            .as_ref()
            .map(|p| plating::figures(ctx.schedule, p)),
        paint: t.paint.as_ref().map(|p| paint::figures(ctx.schedule, p)),
        machining: t
            .machining
            .as_ref()
            .map(|m| machining::figures(ctx.schedule, m)),
    }
}

fn m3(kg_or_m3: f64) -> String {
    format!("{} m3/yr", format_number(kg_or_m3))
}

fn kg(x: f64) -> String {
    format!("{} kg/yr", format_number(x))
}

struct Builder {
    components: Vec<String>,
    nodes: Vec<Value>,
    streams: Vec<Value>,
    accounts: Vec<Value>,
    energy: Vec<Value>,
}

impl Builder {
    fn component(&mut self, c: &str) {
        if !self.components.iter().any(|x| x == c) {
            self.components.push(c.to_string());
        }
    }

    fn node(&mut self, id: &str, kind: &str, name: &str) {
        if !self.nodes.iter().any(|n| n["id"] == id) {
            self.nodes
                .push(json!({"id": id, "kind": kind, "name": name}));
        }
    }

    fn stream(&mut self, id: &str, from: &str, to: &str, flows: Map<String, Value>) {
        if !flows.is_empty() {
            self.streams
                .push(json!({"id": id, "from": from, "to": to, "flows": flows}));
        }
    }

    fn account(&mut self, node: &str, component: &str, resource: Option<&str>, content: f64) {
        let mut a = json!({"node": node, "component": component});
        if let Some(r) = resource {
            a["resource"] = json!(r);
            if content != 1.0 {
                a["content"] = json!(format!("{} %", format_number(content * 100.0)));
            }
        }
        self.accounts.push(a);
    }
}

fn flows(items: &[(&str, Value)]) -> Map<String, Value> {
    items
        .iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// A water flow when positive.
fn water(x: f64) -> Value {
    if x > 0.0 { json!(m3(x)) } else { Value::Null }
}

/// A mass flow when positive.
fn mass(x: f64) -> Value {
    if x > 0.0 { json!(kg(x)) } else { Value::Null }
}

fn plating_part(b: &mut Builder, t: &AutomotiveTemplate, f: &LineFigures) -> Result<()> {
    let Some(line) = &t.plating else {
        return Ok(());
    };
    b.node("mains", "source", "water supply");
    let treated = f.precipitation.is_some();
    let sink = if treated { "treatment" } else { "effluent" };
    // Metals bought: one account per metal.
    let mut bought: Vec<(String, Option<String>, f64, usize)> = Vec::new();
    for (i, (tank, tf)) in line.tanks.iter().zip(&f.tanks).enumerate() {
        let bath = format!("bath_{}", tank.name);
        let rinse = format!("rinse_{}", tank.name);
        b.node(&bath, "process", &format!("{} tank", tank.name));
        b.node(&rinse, "process", &format!("rinse after {}", tank.name));
        let metal = tank.metal.as_deref().filter(|_| tf.concentration > 0.0);
        if let Some(m) = metal {
            b.component(m);
            b.node("store", "source", "chemical store");
            let content = tank.content.as_ref().map_or(1.0, |c| c.si());
            match bought.iter().find(|(x, ..)| x == m) {
                Some((_, r, c, j)) => {
                    if *r != tank.bought_as || *c != content {
                        return Err(Error::out_of_range(
                            format!("{PATH}.plating.tanks[{i}].bought_as"),
                            tank.bought_as.as_deref().unwrap_or(m),
                            format!(
                                "differs from tanks[{j}]'s for the same metal {m}: one metal is bought one way"
                            ),
                        ));
                    }
                }
                None => {
                    bought.push((m.to_string(), tank.bought_as.clone(), content, i));
                    if tank.bought_as.is_some() || content != 1.0 {
                        b.account(
                            "store",
                            m,
                            Some(tank.bought_as.as_deref().unwrap_or(m)),
                            content,
                        );
                    }
                }
            }
        }
        let metal_flow = |x: f64| metal.map(|m| (m, mass(x)));
        // Make-up for the drag-out.
        b.stream(
            &stream(&tank.name, "makeup_water"),
            "mains",
            &bath,
            flows(&[(WATER, water(tf.drag_out))]),
        );
        if let Some((m, v)) = metal_flow(tf.metal_drag_out) {
            b.stream(
                &stream(&tank.name, "makeup_metal"),
                "store",
                &bath,
                flows(&[(m, v)]),
            );
        }
        let mut drag = flows(&[(WATER, water(tf.drag_out))]);
        if let Some((m, v)) = metal_flow(tf.metal_drag_out) {
            drag.extend(flows(&[(m, v)]));
        }
        b.stream(&stream(&tank.name, "drag_out"), &bath, &rinse, drag);
        // Bath renewals: new bath made up, the old one dumped (a unit of their own, so that
        // options on the drag-out and on the bath life edit different streams).
        if tf.dump_water > 0.0 {
            let renewal = format!("renewal_{}", tank.name);
            b.node(&renewal, "process", &format!("{} bath renewals", tank.name));
            b.stream(
                &stream(&tank.name, "renewal_water"),
                "mains",
                &renewal,
                flows(&[(WATER, water(tf.dump_water))]),
            );
            let mut dump = flows(&[(WATER, water(tf.dump_water))]);
            if let Some((m, v)) = metal_flow(tf.metal_dump) {
                b.stream(
                    &stream(&tank.name, "renewal_metal"),
                    "store",
                    &renewal,
                    flows(&[(m, v.clone())]),
                );
                dump.extend(flows(&[(m, v)]));
            }
            b.stream(&stream(&tank.name, "dump"), &renewal, sink, dump);
        }
        b.stream(
            &stream(&tank.name, "rinse_water"),
            "mains",
            &rinse,
            flows(&[(WATER, water(tf.rinse_water))]),
        );
        let mut out = flows(&[(WATER, json!("?"))]);
        if let Some(m) = metal {
            out.insert(m.to_string(), json!("?"));
        }
        b.stream(&stream(&tank.name, "rinse_out"), &rinse, sink, out);
    }
    b.component(WATER);
    b.node("effluent", "wastewater", "effluent to sewer");
    if treated {
        b.node(
            "treatment",
            "process",
            "wastewater treatment (hydroxide precipitation)",
        );
        b.node("filter_press", "process", "sludge dewatering");
        let metals = f.metals();
        let eta = f.precipitation.unwrap_or(0.0);
        let ds = f.dry_solids.unwrap_or(1.0);
        // The metals precipitated leave the treatment for the filter press; the hydroxide that
        // precipitates them and the cake's water are drawn per tank and per source (drag-out,
        // dumps) with the reagent, so that both follow that tank's metal exactly when an
        // option changes it (and options on different tanks combine exactly).
        let mut precipitate = Map::new();
        for m in &metals {
            precipitate.extend(flows(&[(m.as_str(), mass(f.metal_to_sludge(m)))]));
        }
        let mut any = false;
        for (tank, tf) in line.tanks.iter().zip(&f.tanks) {
            let Some(m) = tank.metal.as_deref().filter(|_| tf.concentration > 0.0) else {
                continue;
            };
            let oh = plating::hydroxide_ratio(m);
            for (what, metal) in [
                ("reagent", tf.metal_drag_out),
                ("renewal_reagent", tf.metal_dump),
            ] {
                let solids = eta * metal * (1.0 + oh);
                let items = flows(&[
                    (HYDROXIDE, mass(eta * metal * oh)),
                    (WATER, water(solids * (1.0 - ds) / ds / WATER_DENSITY)),
                ]);
                if !items.is_empty() {
                    any = true;
                    if items.contains_key(HYDROXIDE) {
                        b.component(HYDROXIDE);
                    }
                    b.node("store", "source", "chemical store");
                    b.stream(&stream(&tank.name, what), "store", "filter_press", items);
                }
            }
        }
        if !precipitate.is_empty() || any {
            b.node("sludge", "solid_waste", "sludge cake");
            if !precipitate.is_empty() {
                b.stream(PRECIPITATE, "treatment", "filter_press", precipitate);
            }
            let mut cake = Map::new();
            for c in metals.iter().map(String::as_str).chain([HYDROXIDE, WATER]) {
                if b.streams
                    .iter()
                    .any(|s| s["to"] == "filter_press" && s["flows"].get(c).is_some())
                {
                    cake.insert(c.to_string(), json!("?"));
                }
            }
            b.stream(SLUDGE_CAKE, "filter_press", "sludge", cake);
            // The reagent's cost is not modelled: its hydroxide is reported, not priced, and
            // the water drawn with it is the cake's, not bought.
            b.account("store", HYDROXIDE, None, 1.0);
            b.account("store", WATER, None, 1.0);
        }
        let mut eff = flows(&[(WATER, json!("?"))]);
        for m in &metals {
            eff.insert(m.clone(), json!("?"));
        }
        b.stream("treated_effluent", "treatment", "effluent", eff);
    }
    Ok(())
}

fn paint_part(b: &mut Builder, t: &AutomotiveTemplate, f: &PaintFigures) {
    if t.paint.is_none() {
        return;
    }
    b.node("paint_store", "source", "coating and solvent store");
    b.node("booth", "process", "spray booth");
    b.node("painted_parts", "product", "painted parts");
    b.node("booth_waste", "solid_waste", "overspray (booth waste)");
    b.node("air", "emission", "to air");
    b.component(COATING_SOLIDS);
    b.component(VOC);
    b.stream(
        COATING,
        "paint_store",
        "booth",
        flows(&[(COATING_SOLIDS, mass(f.solids)), (VOC, mass(f.voc))]),
    );
    b.stream(
        ON_PARTS,
        "booth",
        "painted_parts",
        flows(&[(COATING_SOLIDS, mass(f.on_parts))]),
    );
    b.stream(
        "overspray",
        "booth",
        "booth_waste",
        flows(&[(COATING_SOLIDS, json!("?"))]),
    );
    if f.voc > 0.0 {
        b.stream("coating_voc", "booth", "air", flows(&[(VOC, json!("?"))]));
    }
    // The coating is bought (and priced) as `coating`, of which the solids are this share;
    // its VOC is counted with it, not priced again.
    let content = if f.coating > 0.0 {
        f.solids / f.coating
    } else {
        1.0
    };
    b.account("paint_store", COATING_SOLIDS, Some("coating"), content);
    b.account("paint_store", VOC, None, 1.0);
    b.account("booth_waste", COATING_SOLIDS, Some("hazardous_waste"), 1.0);
    if f.solvent > 0.0 {
        b.component(SOLVENT);
        b.node("gun_cleaning", "process", "gun and line cleaning");
        b.stream(
            SOLVENT_SUPPLY,
            "paint_store",
            "gun_cleaning",
            flows(&[(SOLVENT, mass(f.solvent))]),
        );
        if f.solvent_emitted > 0.0 {
            b.stream(
                SOLVENT_EMITTED,
                "gun_cleaning",
                "air",
                flows(&[(SOLVENT, mass(f.solvent_emitted))]),
            );
        }
        if f.solvent_waste > 0.0 {
            b.node("waste_solvent", "solid_waste", "waste solvent");
            b.stream(
                "solvent_waste",
                "gun_cleaning",
                "waste_solvent",
                flows(&[(SOLVENT, json!("?"))]),
            );
            b.account("waste_solvent", SOLVENT, Some("hazardous_waste"), 1.0);
        }
    }
}

fn machining_part(b: &mut Builder, t: &AutomotiveTemplate, f: &MachiningFigures) {
    if t.machining.is_none() {
        return;
    }
    b.node("mains", "source", "water supply");
    b.node("store", "source", "chemical store");
    b.component(WATER);
    b.component(CONCENTRATE);
    let c = f.concentration;
    // The make-up is drawn in two streams by what it replaces: the sumps' changes (to the
    // spent fluid) and the running losses of the machine tools (fluid on chips, evaporation).
    if f.spent > 0.0 {
        b.node("sumps", "process", "fluid sumps (changes)");
        b.node("spent_fluid", "solid_waste", "spent metalworking fluid");
        b.stream(
            SUMP_WATER,
            "mains",
            "sumps",
            flows(&[(WATER, water(f.spent * (1.0 - c) / WATER_DENSITY))]),
        );
        b.stream(
            SUMP_CONCENTRATE,
            "store",
            "sumps",
            flows(&[(CONCENTRATE, mass(f.spent * c))]),
        );
        b.stream(
            SPENT,
            "sumps",
            "spent_fluid",
            flows(&[(WATER, json!("?")), (CONCENTRATE, json!("?"))]),
        );
        b.account("spent_fluid", WATER, Some("hazardous_waste"), 1.0);
        b.account("spent_fluid", CONCENTRATE, Some("hazardous_waste"), 1.0);
    }
    b.node("machining", "process", "machine tools (running losses)");
    b.stream(
        COOLANT_WATER,
        "mains",
        "machining",
        flows(&[(
            WATER,
            water((f.carried * (1.0 - c) + f.evaporated) / WATER_DENSITY),
        )]),
    );
    b.stream(
        COOLANT_CONCENTRATE,
        "store",
        "machining",
        flows(&[(CONCENTRATE, mass(f.carried * c))]),
    );
    if f.carried > 0.0 {
        b.node("chips", "solid_waste", "chips sold as scrap");
        b.stream(
            CHIPS_FLUID,
            "machining",
            "chips",
            flows(&[(WATER, json!("?")), (CONCENTRATE, json!("?"))]),
        );
        b.account("chips", WATER, None, 1.0);
        b.account("chips", CONCENTRATE, None, 1.0);
    }
    if f.evaporated > 0.0 {
        b.node("air", "emission", "to air");
        b.stream(
            EVAPORATION,
            "machining",
            "air",
            flows(&[(WATER, water(f.evaporated / WATER_DENSITY))]),
        );
    }
    if f.air_kwh > 0.0 {
        b.energy.push(json!({
            "id": COMPRESSED_AIR, "to": "machining", "carrier": "electricity",
            "amount": format!("{} kWh/yr", format_number(f.air_kwh)),
        }));
    }
}

/// The baseline flowsheet.
pub(crate) fn flowsheet(ctx: &Context<'_>, t: &AutomotiveTemplate) -> Result<Flowsheet> {
    let f = figures(ctx, t);
    let mut b = Builder {
        components: Vec::new(),
        nodes: Vec::new(),
        streams: Vec::new(),
        accounts: Vec::new(),
        energy: Vec::new(),
    };
    if let Some(p) = &f.plating {
        plating_part(&mut b, t, p)?;
    }
    if let Some(p) = &f.paint {
        paint_part(&mut b, t, p);
    }
    if let Some(m) = &f.machining {
        machining_part(&mut b, t, m);
    }
    // Sinks last, in a fixed order, for readable reports.
    let (sinks, mut nodes): (Vec<Value>, Vec<Value>) = b
        .nodes
        .into_iter()
        .partition(|n| n["kind"] != "process" && n["kind"] != "source");
    nodes.extend(sinks);
    let used = |id: &Value| {
        b.streams.iter().any(|s| s["from"] == *id || s["to"] == *id)
            || b.energy.iter().any(|e| e["to"] == *id)
    };
    nodes.retain(|n| used(&n["id"]));
    let accounts: Vec<Value> = b
        .accounts
        .into_iter()
        .filter(|a| used(&a["node"]))
        .collect();
    if b.streams.is_empty() {
        return Err(Error::MissingField {
            path: format!("{PATH}.plating (or paint, or machining, with flows)"),
        });
    }
    let fs = json!({
        "components": b.components,
        "nodes": nodes,
        "streams": b.streams,
        "energy": b.energy,
        "accounts": accounts,
    });
    let fs: Flowsheet = serde_json::from_value(fs).map_err(|e| Error::InvalidType {
        path: PATH.to_string(),
        message: format!("the generated flowsheet is invalid ({e}); please report this"),
    })?;
    fs.validate(ctx.schedule)?;
    Ok(fs)
}
