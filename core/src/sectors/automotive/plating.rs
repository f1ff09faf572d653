//! The plating line's figures over a year: drag-out, rinse water by the rinse equations, metal
//! lost per tank, and the wastewater treatment's sludge.

use super::rinse;
use super::sources;
use super::template::{PlatingLine, RinseKind, Tank};
use crate::units::{Measure, Measured, Rate, Schedule};

/// A per-year amount of a rate in SI units (m3, kg, count).
pub(crate) fn yearly<R: Rate>(s: &Schedule, m: &Measured<R>) -> f64 {
    s.per_year(m).si()
}

/// One tank and its rinse over a year.
#[derive(Debug, Clone, PartialEq)]
pub struct TankFigures {
    /// The tank's name.
    pub name: String,
    /// The metal it holds.
    pub metal: Option<String>,
    /// Bath concentration of the metal, kg/m3 (0 without metal).
    pub concentration: f64,
    /// Drag-out into the rinse, m3/yr.
    pub drag_out: f64,
    /// Share of the drag-out returned by a still rinse.
    pub recovery: f64,
    /// Rinse tanks.
    pub stages: u32,
    /// The kind of rinse.
    pub kind: RinseKind,
    /// Dilution ratio the running rinse must reach (bath after recovery / final rinse).
    pub ratio: f64,
    /// Fresh rinse water at the baseline, m3/yr (measured, or by the criterion).
    pub rinse_water: f64,
    /// Rinse water the criterion needs by the exact equation, m3/yr.
    pub required_water: f64,
    /// The same by the approximation `(C0/Cn)^(1/n)` (counter-current), m3/yr.
    pub approximate_water: f64,
    /// Whether the baseline rinse water is the measured flow.
    pub measured: bool,
    /// Final rinse concentration at the baseline water, kg/m3 (metal tanks).
    pub final_concentration: Option<f64>,
    /// Whether the criterion is the default final-rinse metal concentration.
    pub default_criterion: bool,
    /// Bath dumped per year, m3/yr.
    pub dump_water: f64,
    /// Metal dragged into the rinse, kg/yr (after recovery).
    pub metal_drag_out: f64,
    /// Metal dumped with the bath, kg/yr.
    pub metal_dump: f64,
    /// Drag-out per area, m3/m2.
    pub drag_out_per_area: f64,
    /// Whether it is the geometry's default.
    pub default_drag_out: bool,
    /// Spray efficiency (1 for other rinses).
    pub efficiency: f64,
    /// Bath dumps per year.
    pub dumps: f64,
    /// Bath volume, m3.
    pub volume: f64,
}

impl TankFigures {
    /// Metal bought to make up the bath, kg/yr (drag-out lost and dumps).
    pub fn metal_makeup(&self) -> f64 {
        self.metal_drag_out + self.metal_dump
    }

    /// Water to make up the bath, m3/yr (drag-out and dumps).
    pub fn water_makeup(&self) -> f64 {
        self.drag_out + self.dump_water
    }
}

/// The plating line over a year.
#[derive(Debug, Clone, PartialEq)]
pub struct LineFigures {
    /// Area plated, m2/yr.
    pub area: f64,
    /// Per tank.
    pub tanks: Vec<TankFigures>,
    /// Metal precipitated per metal reaching treatment (none without treatment).
    pub precipitation: Option<f64>,
    /// Dry solids of the sludge cake.
    pub dry_solids: Option<f64>,
}

impl LineFigures {
    /// Fresh rinse water, m3/yr.
    pub fn rinse_water(&self) -> f64 {
        self.tanks.iter().map(|t| t.rinse_water).sum()
    }

    /// Water into the line (rinses and bath make-up), m3/yr.
    pub fn water(&self) -> f64 {
        self.tanks
            .iter()
            .map(|t| t.rinse_water + t.water_makeup())
            .sum()
    }

    /// Rinse stages of the line.
    pub fn stages(&self) -> u32 {
        self.tanks.iter().map(|t| t.stages).sum()
    }

    /// The metals, in line order without repeats.
    pub fn metals(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in &self.tanks {
            if let Some(m) = &t.metal
                && !out.contains(m)
            {
                out.push(m.clone());
            }
        }
        out
    }

    /// Metal lost from the baths (to rinses and dumps) per metal, kg/yr.
    pub fn metal_lost(&self, metal: &str) -> f64 {
        self.tanks
            .iter()
            .filter(|t| t.metal.as_deref() == Some(metal))
            .map(TankFigures::metal_makeup)
            .sum()
    }

    /// Metal precipitated into the sludge per metal, kg/yr.
    pub fn metal_to_sludge(&self, metal: &str) -> f64 {
        self.precipitation.unwrap_or(0.0) * self.metal_lost(metal)
    }

    /// Hydroxide precipitated with the metals, kg/yr.
    pub fn hydroxide(&self) -> f64 {
        self.metals()
            .iter()
            .map(|m| self.metal_to_sludge(m) * hydroxide_ratio(m))
            .sum()
    }

    /// Dry solids of the sludge, kg/yr.
    pub fn sludge_solids(&self) -> f64 {
        self.metals()
            .iter()
            .map(|m| self.metal_to_sludge(m))
            .sum::<f64>()
            + self.hydroxide()
    }

    /// Water in the sludge cake, kg/yr.
    pub fn sludge_water(&self) -> f64 {
        match self.dry_solids {
            Some(ds) if ds > 0.0 => self.sludge_solids() * (1.0 - ds) / ds,
            _ => 0.0,
        }
    }

    /// Wet sludge, kg/yr.
    pub fn sludge(&self) -> f64 {
        self.sludge_solids() + self.sludge_water()
    }
}

/// Hydroxide per metal precipitated ([`sources::HYDROXIDE`]); 0 for a metal not listed (its
/// sludge then counts the metal only, and a warning says so).
pub fn hydroxide_ratio(metal: &str) -> f64 {
    sources::HYDROXIDE
        .iter()
        .find(|(m, _)| *m == metal)
        .map_or(0.0, |(_, r)| *r)
}

/// The dilution ratio a rinse of `kind` and `stages` reaches with water per drag-out `r`.
pub fn ratio_of(kind: RinseKind, stages: u32, efficiency: f64, r: f64) -> f64 {
    match kind {
        RinseKind::Single => 1.0 + r,
        RinseKind::CounterCurrent => rinse::counter_current_ratio(r, stages),
        RinseKind::Spray => 1.0 + efficiency * r,
    }
}

/// Water per drag-out a rinse needs for the dilution ratio `ratio`, exactly and by the usual
/// approximation.
pub fn water_per_drag_out(kind: RinseKind, stages: u32, efficiency: f64, ratio: f64) -> (f64, f64) {
    match kind {
        // The approximation at one stage is the classic Q = D·C0/C1, one drag-out above
        // the balance.
        RinseKind::Single => (rinse::single(ratio), rinse::approximate(ratio, 1)),
        RinseKind::CounterCurrent => (
            rinse::counter_current(ratio, stages),
            rinse::approximate(ratio, stages),
        ),
        RinseKind::Spray => (
            rinse::spray(ratio, efficiency),
            rinse::approximate(ratio, 1) / efficiency,
        ),
    }
}

fn tank(s: &Schedule, line: &PlatingLine, t: &Tank, area: f64) -> TankFigures {
    let per_area = t.drag_out_si(line.geometry);
    let d = per_area * area;
    let c0 = t.concentration.as_ref().map_or(0.0, |c| c.si());
    let r = &t.rinse;
    let f = r.recovery.as_ref().map_or(0.0, |x| x.si());
    let stages = r.stage_count();
    let e = r.efficiency.as_ref().map_or(1.0, |x| x.si());
    let default_criterion = r.ratio.is_none()
        && r.final_concentration.is_none()
        && r.flow.is_none()
        && t.metal.is_some();
    // The overall criterion C0/Cn; with a still rinse the running rinse sees (1 − f)·C0.
    let overall = match (&r.ratio, &r.final_concentration) {
        (Some(x), _) => Some(*x),
        (None, Some(cn)) => Some(c0 / cn.si()),
        (None, None) if t.metal.is_some() && r.flow.is_none() => {
            Some(c0 / sources::FINAL_RINSE_METAL)
        }
        _ => None,
    };
    let (required, approx, ratio) = match overall {
        Some(big_r) => {
            let running = (big_r * (1.0 - f)).max(1.0);
            let (x, a) = water_per_drag_out(r.kind, stages, e, running);
            (x * d, a * d, running)
        }
        None => (0.0, 0.0, 0.0),
    };
    let (water, measured) = match &r.flow {
        Some(q) => (yearly(s, q), true),
        None => (required, false),
    };
    // The ratio at the baseline water.
    let reached = if d > 0.0 {
        ratio_of(r.kind, stages, e, water / d)
    } else {
        f64::INFINITY
    };
    let ratio = if measured || overall.is_none() {
        reached
    } else {
        ratio
    };
    let dumps = t.dumps.as_ref().map_or(0.0, |x| yearly(s, x));
    let volume = t.volume.as_ref().map_or(0.0, |v| v.si());
    TankFigures {
        name: t.name.clone(),
        metal: t.metal.clone(),
        concentration: c0,
        drag_out: d,
        recovery: f,
        stages,
        kind: r.kind,
        ratio,
        rinse_water: water,
        required_water: if overall.is_some() { required } else { water },
        approximate_water: if overall.is_some() { approx } else { water },
        measured,
        final_concentration: t.metal.as_ref().map(|_| {
            if reached.is_finite() {
                c0 * (1.0 - f) / reached
            } else {
                0.0
            }
        }),
        default_criterion,
        dump_water: dumps * volume,
        metal_drag_out: d * c0 * (1.0 - f),
        metal_dump: dumps * volume * c0,
        drag_out_per_area: per_area,
        default_drag_out: t.drag_out.is_none(),
        efficiency: e,
        dumps,
        volume,
    }
}

/// The line's figures over a year.
pub fn figures(s: &Schedule, line: &PlatingLine) -> LineFigures {
    let area = yearly(s, &line.loads) * line.area_per_load.si();
    LineFigures {
        area,
        tanks: line.tanks.iter().map(|t| tank(s, line, t, area)).collect(),
        precipitation: line.treatment.as_ref().map(|tr| {
            tr.precipitation
                .as_ref()
                .map_or(sources::PRECIPITATION, |p| p.si())
        }),
        dry_solids: line.treatment.as_ref().map(|tr| tr.dry_solids.si()),
    }
}
