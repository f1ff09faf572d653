//! The paint shop's figures over a year: coating bought from the area, film, solids and
//! transfer efficiency; solids on the parts, overspray to the booth waste, VOC emitted; the
//! gun-cleaning solvent.
//!
//! Coating volume = area × dry film / (solids by volume × transfer efficiency). Its mass is
//! volume × density, of which VOC = volume × VOC content and the rest non-volatile; the
//! non-volatile part lands on the parts in the share of the transfer efficiency, the rest is
//! overspray. A change of transfer efficiency from `a` to `b` scales coating and VOC by `a/b`.

use super::plating::yearly;
use super::template::PaintShop;
use crate::units::Schedule;

/// The paint shop over a year.
#[derive(Debug, Clone, PartialEq)]
pub struct PaintFigures {
    /// Area coated, m2/yr.
    pub area: f64,
    /// Transfer efficiency.
    pub transfer_efficiency: f64,
    /// Whether it is the application's default.
    pub default_te: bool,
    /// Coating bought, m3/yr.
    pub coating_volume: f64,
    /// Coating bought, kg/yr.
    pub coating: f64,
    /// Non-volatile part of the coating bought, kg/yr.
    pub solids: f64,
    /// VOC of the coating, all emitted, kg/yr.
    pub voc: f64,
    /// Solids on the parts, kg/yr.
    pub on_parts: f64,
    /// Overspray solids to the booth waste, kg/yr.
    pub overspray: f64,
    /// Cleaning solvent bought, kg/yr.
    pub solvent: f64,
    /// Of which evaporated, kg/yr.
    pub solvent_emitted: f64,
    /// Of which collected as waste, kg/yr.
    pub solvent_waste: f64,
}

/// The paint shop's figures (the transfer efficiency is checked by the template; 1 when
/// unknown, which the template refuses first).
pub fn figures(s: &Schedule, p: &PaintShop) -> PaintFigures {
    let area = yearly(s, &p.parts) * p.area_per_part.si();
    let te = p.te().unwrap_or(1.0);
    let volume = area * p.film.si() / (p.solids.si() * te);
    let coating = volume * p.density.si();
    let voc = volume * p.voc.si();
    let solids = coating - voc;
    let solvent = p.cleaning_solvent.as_ref().map_or(0.0, |x| yearly(s, x));
    let collected = p.solvent_collected.as_ref().map_or(0.0, |x| x.si());
    PaintFigures {
        area,
        transfer_efficiency: te,
        default_te: p.transfer_efficiency.is_none(),
        coating_volume: volume,
        coating,
        solids,
        voc,
        on_parts: solids * te,
        overspray: solids * (1.0 - te),
        solvent,
        solvent_emitted: solvent * (1.0 - collected),
        solvent_waste: solvent * collected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sectors::automotive::template::Application;

    fn shop(te: &str) -> PaintShop {
        PaintShop {
            parts: "100000 /yr".parse().unwrap(),
            area_per_part: "0.5 m2".parse().unwrap(),
            film: "40 µm".parse().unwrap(),
            solids: "50 %".parse().unwrap(),
            density: "1.2 kg/L".parse().unwrap(),
            voc: "400 g/L".parse().unwrap(),
            application: Application::Conventional,
            transfer_efficiency: Some(te.parse().unwrap()),
            cleaning_solvent: None,
            solvent_collected: None,
        }
    }

    #[test]
    fn coating_and_voc_by_hand() {
        let s = Schedule::new(250, "16 h".parse().unwrap());
        let f = figures(&s, &shop("40 %"));
        // 50 000 m2 × 40e-6 m / (0.5 × 0.4) = 10 m3 of coating; 12 000 kg; VOC 0.4 kg/L ×
        // 10 000 L = 4 000 kg; non-volatile 8 000 kg, 3 200 kg on the parts, 4 800 overspray.
        assert!((f.coating_volume - 10.0).abs() < 1e-9);
        assert!((f.coating - 12_000.0).abs() < 1e-6);
        assert!((f.voc - 4_000.0).abs() < 1e-6);
        assert!((f.on_parts - 3_200.0).abs() < 1e-6);
        assert!((f.overspray - 4_800.0).abs() < 1e-6);
        // At 60 %: coating and VOC × 40/60; solids on the parts unchanged.
        let g = figures(&s, &shop("60 %"));
        assert!((g.coating - 8_000.0).abs() < 1e-6);
        assert!((g.voc - 4_000.0 * 40.0 / 60.0).abs() < 1e-6);
        assert!((g.on_parts - f.on_parts).abs() < 1e-6);
    }
}
