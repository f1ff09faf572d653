//! Programmes: the totals are the sums of the single assessments, failures are reported and
//! do not stop the others, money in different currencies is never added.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use cleanprod::Assessment;
use cleanprod::program::{self, ExchangeRates, Programme, Settings, Source};
use proptest::prelude::*;

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Every example and every valid fixture document written in TOML, as sources.
fn sources() -> &'static [Source] {
    static SOURCES: OnceLock<Vec<Source>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let mut out = Vec::new();
        for dir in ["examples", "tests/fixtures/documents/valid"] {
            let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            files.sort();
            for f in files {
                let name = format!("{dir}/{}", f.file_name().unwrap().to_string_lossy());
                out.push(Source::toml(name, std::fs::read_to_string(&f).unwrap()));
            }
        }
        out
    })
}

/// Each source's assessment, evaluated alone once.
fn singles() -> &'static [Assessment] {
    static SINGLES: OnceLock<Vec<Assessment>> = OnceLock::new();
    SINGLES.get_or_init(|| {
        sources()
            .iter()
            .map(|s| {
                let a = Assessment::from_toml_str(&s.text).unwrap();
                a.evaluate().unwrap();
                a
            })
            .collect()
    })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Money per currency, CO2 and water summed over the single assessments of `picked`.
fn check_sums(p: &Programme, picked: &[usize]) {
    assert_eq!(p.sites.len(), picked.len());
    assert_eq!(p.totals.sites as usize, picked.len());
    let mut money: BTreeMap<String, (f64, f64, f64)> = BTreeMap::new();
    let (mut co2, mut water, mut options, mut uncounted) = (0.0, 0.0, 0, 0);
    for &i in picked {
        let e = singles()[i].evaluate().unwrap();
        let all = &e.portfolio.all;
        if all.ids.is_empty() {
            continue;
        }
        let m = money.entry(e.currency.clone()).or_default();
        m.0 += all.capex;
        m.1 += all.annual_saving;
        m.2 += all.npv;
        options += all.ids.len();
        // A site whose CO2 cannot all be counted (hospital: diesel without a factor) has no
        // total; the programme adds what is counted and says how many options are not.
        for step in &e.portfolio.sequence {
            co2 += step.co2_avoided.unwrap_or(0.0);
            uncounted += usize::from(step.co2_avoided.is_none());
            for s in step.savings.iter().filter(|s| s.resource == "water") {
                water += s.amount;
            }
        }
    }
    assert_eq!(p.totals.options as usize, options);
    assert!(p.totals.co2_not_counted as usize >= uncounted);
    assert_eq!(p.totals.money.len(), money.len());
    for m in &p.totals.money {
        let (capex, saving, npv) = money[&m.currency];
        assert!(close(m.investment, capex), "{} {capex}", m.investment);
        assert!(close(m.annual_saving, saving));
        assert!(close(m.npv, npv));
        if saving > 0.0 {
            assert!(close(m.simple_payback_years.unwrap(), capex / saving));
        }
    }
    assert!(
        close(p.totals.per_year.co2_t, co2),
        "{} {co2}",
        p.totals.per_year.co2_t
    );
    assert!(close(p.totals.per_year.water_m3, water));
    // Every breakdown adds up to the totals.
    for groups in [&p.by_sector, &p.by_category, &p.by_cost_class, &p.by_status] {
        let n: u32 = groups.iter().map(|g| g.figures.options).sum();
        assert_eq!(n, p.totals.options);
        let co2: f64 = groups.iter().map(|g| g.figures.per_year.co2_t).sum();
        assert!(close(co2, p.totals.per_year.co2_t));
        for m in &p.totals.money {
            let capex: f64 = groups
                .iter()
                .flat_map(|g| &g.figures.money)
                .filter(|x| x.currency == m.currency)
                .map(|x| x.investment)
                .sum();
            assert!(close(capex, m.investment));
        }
    }
}

#[test]
fn a_programme_of_the_examples_matches_their_single_results() {
    let examples: Vec<usize> = sources()
        .iter()
        .enumerate()
        .filter(|(_, s)| s.name.starts_with("examples/"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(examples.len(), 6);
    let picked: Vec<Source> = examples.iter().map(|&i| sources()[i].clone()).collect();
    let p = program::evaluate(&picked, &Settings::default());
    assert!(p.failures.is_empty());
    check_sums(&p, &examples);
    // Each site's row is its own portfolio, in the order given.
    for (row, &i) in p.sites.iter().zip(&examples) {
        let e = singles()[i].evaluate().unwrap();
        assert_eq!(row.document, sources()[i].name);
        assert!(close(row.capex, e.portfolio.all.capex));
        assert!(close(row.npv, e.portfolio.all.npv));
        assert_eq!(row.options as usize, e.portfolio.all.ids.len());
        assert_eq!(row.set_aside as usize, e.portfolio.set_aside.len());
    }
    // MXN (tanneries, automotive), USD (hotel, hospital), INR (chemicals): three sums.
    let currencies: Vec<&str> = p.totals.money.iter().map(|m| m.currency.as_str()).collect();
    assert_eq!(currencies, ["INR", "MXN", "USD"]);
    // One thread gives the same figures.
    let one = program::evaluate(
        &picked,
        &Settings {
            threads: Some(1),
            ..Settings::default()
        },
    );
    assert_eq!(one, p);
}

#[test]
fn a_failing_document_is_reported_and_the_rest_evaluated() {
    let mut list: Vec<Source> = sources()[..3].to_vec();
    let bad = std::fs::read_to_string(
        root().join("tests/fixtures/documents/invalid/option_money_other_currency.toml"),
    )
    .unwrap();
    list.insert(1, Source::toml("bad.toml", bad));
    list.push(Source::toml("broken.toml", "format = "));
    let p = program::evaluate(&list, &Settings::default());
    assert_eq!(p.documents, 5);
    assert_eq!(p.sites.len(), 3);
    let f: Vec<(&str, &str, &str)> = p
        .failures
        .iter()
        .map(|f| (f.document.as_str(), f.code.as_str(), f.path.as_str()))
        .collect();
    assert_eq!(
        f[0],
        (
            "bad.toml",
            "currency_mismatch",
            "options[0].effects[0].amount"
        )
    );
    assert_eq!(f[1].0, "broken.toml");
    assert_eq!(f[1].1, "syntax");
    check_sums(&p, &[0, 1, 2]);
}

#[test]
fn exchange_rates_bring_money_to_one_currency_and_a_missing_rate_is_a_failure() {
    let names = ["examples/hotel.toml", "examples/tannery.toml"];
    let picked: Vec<Source> = sources()
        .iter()
        .filter(|s| names.contains(&s.name.as_str()))
        .cloned()
        .collect();
    let apart = program::evaluate(&picked, &Settings::default());
    let rates = ExchangeRates {
        currency: "USD".to_string(),
        rates: [("MXN".to_string(), 0.05)].into(),
    };
    let together = program::evaluate(
        &picked,
        &Settings {
            exchange_rates: Some(rates.clone()),
            ..Settings::default()
        },
    );
    let get = |p: &Programme, c: &str| p.totals.money.iter().find(|m| m.currency == c).cloned();
    let (mxn, usd) = (get(&apart, "MXN").unwrap(), get(&apart, "USD").unwrap());
    let all = get(&together, "USD").unwrap();
    assert_eq!(together.totals.money.len(), 1);
    assert!(close(
        all.investment,
        usd.investment + 0.05 * mxn.investment
    ));
    assert!(close(
        all.annual_saving,
        usd.annual_saving + 0.05 * mxn.annual_saving
    ));
    // The physical figures do not depend on money.
    assert_eq!(together.totals.per_year, apart.totals.per_year);
    // Rates to EUR without MXN or USD: both sites fail, named, and nothing is added.
    let eur = program::evaluate(
        &picked,
        &Settings {
            exchange_rates: Some(ExchangeRates {
                currency: "EUR".to_string(),
                rates: [("USD".to_string(), 0.9)].into(),
            }),
            ..Settings::default()
        },
    );
    assert_eq!(eur.sites.len(), 1);
    assert_eq!(eur.failures.len(), 1);
    assert_eq!(eur.failures[0].code, "currency_mismatch");
    assert_eq!(eur.failures[0].path, "currency");
}

#[test]
fn money_options_and_their_status_are_counted_as_reported() {
    let money = sources()
        .iter()
        .find(|s| s.name.ends_with("valid/money.toml"))
        .unwrap();
    let p = program::evaluate(std::slice::from_ref(money), &Settings::default());
    let by: BTreeMap<&str, &program::Group> =
        p.by_status.iter().map(|g| (g.key.as_str(), g)).collect();
    // condensate_return is implemented (13,780 estimated, 15,000 reported; 6,890 and 6,100 a
    // year), leak_programme planned, batch_washing identified (no status given).
    assert_eq!(
        by.keys().copied().collect::<Vec<_>>(),
        ["identified", "implemented", "planned"]
    );
    let done = &by["implemented"].figures.money[0];
    assert_eq!(done.options, 1);
    assert!(close(done.reported.investment_estimated, 13_780.0));
    assert!(close(done.reported.investment_reported, 15_000.0));
    assert!(close(done.reported.annual_saving_estimated, 6_890.0));
    assert!(close(done.reported.annual_saving_reported, 6_100.0));
    assert!(close(p.totals.per_year.water_m3, 500.0));
    assert!(close(p.totals.over_life.water_m3, 2_500.0));
    assert!(close(p.totals.money[0].investment, 30_780.0));
    assert!(close(
        p.totals.money[0].simple_payback_years.unwrap(),
        30_780.0 / 16_390.0
    ));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]
    /// Any programme of the examples and fixtures adds up to its single assessments.
    #[test]
    fn aggregates_are_the_sums_of_the_single_assessments(
        picked in proptest::collection::vec(0..sources().len(), 1..8),
    ) {
        let list: Vec<Source> = picked.iter().map(|&i| sources()[i].clone()).collect();
        let p = program::evaluate(&list, &Settings::default());
        prop_assert!(p.failures.is_empty());
        check_sums(&p, &picked);
    }
}

#[test]
fn sites_rank_by_their_potential_with_the_figures_behind_it() {
    let picked: Vec<Source> = sources()
        .iter()
        .filter(|s| s.name.starts_with("examples/"))
        .cloned()
        .collect();
    let p = program::evaluate(&picked, &Settings::default());
    let water = program::rank(&p.sites, program::Potential::Water, None).unwrap();
    assert_eq!(water.len(), 6);
    for (i, r) in water.iter().enumerate() {
        assert_eq!(r.rank as usize, i + 1);
        let site = p.sites.iter().find(|s| s.document == r.document).unwrap();
        assert_eq!(r.value, site.per_year.water_m3);
        assert_eq!(r.co2_t, site.per_year.co2_t);
        if i > 0 {
            assert!(water[i - 1].value >= r.value);
        }
    }
    // NPVs in INR, MXN and USD are not ranked against each other without rates.
    let e = program::rank(&p.sites, program::Potential::Npv, None).unwrap_err();
    assert_eq!((e.code(), e.path()), ("out_of_range", "exchange_rates"));
    let rates = ExchangeRates {
        currency: "USD".to_string(),
        rates: [("MXN".to_string(), 0.05), ("INR".to_string(), 0.012)].into(),
    };
    let npv = program::rank(&p.sites, program::Potential::Npv, Some(&rates)).unwrap();
    let tannery = npv
        .iter()
        .find(|r| r.document.ends_with("/tannery.toml"))
        .unwrap();
    let site = p
        .sites
        .iter()
        .find(|s| s.document == tannery.document)
        .unwrap();
    assert!(close(tannery.value, 0.05 * site.npv));
    assert!(npv.windows(2).all(|w| w[0].value >= w[1].value));
}
