//! Inputs found by the fuzz targets (`fuzz/`, `scripts/fuzz`) that gave an infinity in a
//! result or an error without the document's path; each is now a finite figure, an absent one
//! (`None`, where the quantity is not defined) or a named error.

use cleanprod::Assessment;
use cleanprod::finance::{self, Financing};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn changed(path: &str, from: &str, to: &str) -> Assessment {
    let text = read(path);
    assert!(text.contains(from), "{from}");
    Assessment::from_toml_str(&text.replacen(from, to, 1)).unwrap()
}

#[test]
fn rates_and_factors_that_overflow_are_errors() {
    for (e, path) in [
        (
            finance::real_rate(1e308, -0.9999999).unwrap_err(),
            "real_rate",
        ),
        (
            finance::nominal_rate(1e308, 1e3).unwrap_err(),
            "nominal_rate",
        ),
        (
            finance::capital_recovery_factor(0.0, 5e-324).unwrap_err(),
            "capital_recovery_factor",
        ),
    ] {
        assert_eq!((e.code(), e.path()), ("out_of_range", path), "{e}");
    }
    // Ordinary inputs keep their figures.
    assert_eq!(finance::capital_recovery_factor(0.0, 4.0).unwrap(), 0.25);
}

#[test]
fn a_coverage_beyond_f64_is_absent_and_a_yearly_debt_service_that_overflows_is_an_error() {
    let dscr = finance::debt_service_coverage(&[1e300, -1e300, 500.0], &[1e-300, 1e-300, 250.0]);
    assert_eq!(dscr, vec![None, None, Some(2.0)]);
    // Each monthly payment is finite, their sum over 299 periods a year is not.
    let f = Financing {
        loan_share: 0.2,
        grant_share: 0.5,
        annual_rate: 1e308,
        loan_years: 41,
        payments_per_year: 299,
        ..Financing::default()
    };
    let e = f.apply(&[0.0; 61], 291.88).unwrap_err();
    assert_eq!((e.code(), e.path()), ("out_of_range", "annual_rate"), "{e}");
}

#[test]
fn ratios_over_a_vanishing_amount_are_absent_not_infinite() {
    // A capex of the smallest f64: no savings-to-investment ratio (it would overflow).
    let a = changed(
        "examples/hotel.toml",
        "capex = \"7000 USD\"",
        "capex = \"5e-324 USD\"",
    );
    let r = a.report().unwrap();
    let o = r
        .evaluation
        .options
        .iter()
        .find(|o| o.capex == 5e-324)
        .unwrap();
    assert_eq!(o.savings_to_investment, None);
    assert!(o.npv.is_finite());
    // Energy that rounds to nothing: no levelized cost, and no cost-curve step of infinite
    // height.
    let a = changed(
        "tests/fixtures/documents/valid/effects.toml",
        "amount = \"1000 GJ/yr\"",
        "amount = \"5e-324 GJ/yr\"",
    );
    let r = a.report().unwrap();
    for o in &r.evaluation.options {
        assert!(
            o.levelized_cost
                .as_ref()
                .is_none_or(|l| l.value.is_finite())
        );
    }
    for curve in r.evaluation.portfolio.cost_curves.values() {
        assert!(curve.steps.iter().all(|s| s.height.is_finite()));
    }
}

#[test]
fn degenerate_distributions_give_finite_spreads() {
    use cleanprod::uncertainty::{Settings, Simulator};
    let text = read("tests/fixtures/documents/valid/risk.toml");
    let settings = Settings {
        draws: Some(50),
        seed: Some(3),
        method: None,
        threads: Some(1),
        cancel: None,
    };
    // A weight near the end of f64: the mean of the discrete input overflowed.
    let discrete = text.replacen(
        "distribution = \"uniform\"\nmin = \"1 USD/m3\"\nmax = \"3 USD/m3\"",
        "distribution = \"discrete\"\nvalues = [\"1 USD/m3\", \"3 USD/m3\"]\nweights = [0.0, 1e308]",
        1,
    );
    assert_ne!(discrete, text);
    let s = Simulator::new(&Assessment::from_toml_str(&discrete).unwrap())
        .unwrap()
        .run(&settings)
        .unwrap();
    assert_eq!(s.inputs[0].mean, 3.0);
    // Nothing saved in any draw (free water and electricity): no portfolio payback, rather
    // than an infinite one.
    let free = text
        .replacen(
            "min = \"1 USD/m3\"\nmax = \"3 USD/m3\"",
            "min = \"0 USD/m3\"\nmax = \"0 USD/m3\"",
            1,
        )
        .replace(
            "electricity = \"0.15 USD/kWh\"",
            "electricity = \"0 USD/kWh\"",
        );
    let a = Assessment::from_toml_str(&free).unwrap();
    let s = Simulator::new(&a).unwrap().run(&settings).unwrap();
    let payback = s.output("portfolio", "simple_payback").unwrap();
    assert!(payback.values.iter().all(|v| v.is_none_or(f64::is_finite)));
}

#[test]
fn figures_below_the_smallest_normal_f64_are_refused_where_they_are_written() {
    // Found by fuzzing: the indicators divided by them (per bed-day, per batch) or the fuel
    // divided by an efficiency overflowed.
    for (file, from, to, path) in [
        (
            "examples/automotive.toml",
            "area_per_load = \"3 m2\"",
            "area_per_load = \"5e-324 m2\"",
            "template.automotive.plating.area_per_load",
        ),
        (
            "examples/hospital.toml",
            "beds = 150",
            "beds = 5e-324",
            "template.hospital.beds",
        ),
        (
            "examples/chemicals.toml",
            "batches = 100",
            "batches = 5e-324",
            "template.chemicals.products[1].batches",
        ),
        (
            "examples/tannery.toml",
            "efficiency = \"86 %\"",
            "efficiency = \"1e-308 %\"",
            "template.tanning.options[5]",
        ),
    ] {
        let text = read(file);
        assert!(text.contains(from), "{from}");
        let e = Assessment::from_toml_str(&text.replacen(from, to, 1))
            .and_then(|a| a.report().map(|_| ()))
            .unwrap_err();
        assert_eq!((e.code(), e.path()), ("out_of_range", path), "{e}");
    }
}
