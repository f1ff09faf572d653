//! The fund drawn: without risk every draw is the deterministic fund, certain defaults cost
//! the fees alone, arrears follow the model by hand, the drawn write-offs converge on their
//! expected value, the books close in every draw, and threads change nothing.

use cleanprod::program::fund::{Fund, MonteCarlo, SavingsShare};
use cleanprod::sections::uncertainty::Shape;

use crate::fund::{books_close, candidate, close, fund, identity_holds, programme_fund};

fn settings(draws: u32, seed: u64, threads: Option<usize>) -> MonteCarlo {
    MonteCarlo {
        draws,
        seed,
        threads,
        cancel: None,
    }
}

fn pert(min: f64, mode: f64, max: f64) -> SavingsShare {
    SavingsShare {
        distribution: Some(Shape::Pert),
        min: Some(min),
        mode: Some(mode),
        max: Some(max),
        ..SavingsShare::default()
    }
}

#[test]
fn without_defaults_or_shortfalls_every_draw_is_the_deterministic_fund() {
    let mut f = programme_fund();
    f.rules.default_probability = 0.0;
    let expected = f.simulate().unwrap();
    for i in 0..50 {
        assert_eq!(f.draw(11, i).unwrap(), expected, "draw {i}");
    }
    let small = fund(
        vec![candidate("a", 1_000.0, 5.0), candidate("b", 500.0, 2.0)],
        0.0,
        0.8,
        0.01,
    );
    assert_eq!(small.draw(0, 3).unwrap(), small.simulate().unwrap());
    let risk = f.monte_carlo(&settings(20, 1, None)).unwrap();
    let last = expected.years.last().unwrap();
    assert_eq!(risk.final_capital.min, last.cash + last.outstanding);
    assert_eq!(risk.final_capital.max, risk.final_capital.min);
    assert_eq!(risk.survival, 1.0);
}

#[test]
fn certain_defaults_with_full_cover_cost_the_fees_alone() {
    // 1,000 lent in year 0 defaults in year 1: the guarantee pays it all back, the fund pays
    // 1 % of 1,000 in fees and lends 500 of its 990 to the second option, which defaults in
    // year 2 (fee 5): losses 15, cash 985 at the end, nothing outstanding.
    let f = fund(
        vec![candidate("a", 1_000.0, 5.0), candidate("b", 500.0, 2.0)],
        1.0,
        1.0,
        0.01,
    );
    for i in 0..20 {
        let r = f.draw(5, i).unwrap();
        books_close(&r);
        let y = &r.years;
        assert!(close(y[1].defaults, 1_000.0) && close(y[1].guarantee_fees, 10.0));
        assert!(close(y[2].defaults, 500.0) && close(y[2].guarantee_fees, 5.0));
        assert!(close(y[3].cumulative_losses, 15.0));
        assert!(close(y[3].cash, 985.0) && y[3].outstanding == 0.0);
        // Defaulted before any saving.
        assert_eq!(y[3].cumulative_saved.water_m3, 0.0);
    }
    let risk = f.monte_carlo(&settings(10, 5, None)).unwrap();
    assert!(close(risk.losses.mean, 15.0) && close(risk.losses.max, 15.0));
    // 985 is below the 1,000 contributed: the fund did not keep its capital...
    assert_eq!(risk.survival, 0.0);
    // ...but it kept more than 98 % of it.
    let mut lenient = f.clone();
    lenient.risk.survival_share = 0.98;
    assert_eq!(
        lenient
            .monte_carlo(&settings(10, 5, None))
            .unwrap()
            .survival,
        1.0
    );
}

#[test]
fn a_borrower_short_of_savings_falls_into_arrears_and_defaults() {
    // 1,000 at 10 % over 2 years (instalment 576.19) to a borrower who realises half its
    // 700 saving: 350 a year. Year 1: pays the interest 100 and 250 of the 476.19 principal
    // due, 226.19 in arrears. Year 2: the arrears grow by 22.62 of interest; due 75.00 of
    // interest and 750.00 of principal; pays 75 and 275; 475 still unpaid after two years
    // late: written off.
    let mut f = fund(vec![candidate("a", 1_000.0, 10.0)], 0.0, 0.0, 0.0);
    f.risk.savings = Some(SavingsShare {
        distribution: Some(Shape::Discrete),
        values: vec![0.5],
        ..SavingsShare::default()
    });
    let r = f.draw(0, 0).unwrap();
    books_close(&r);
    let y = &r.years;
    assert!(close(y[1].interest, 100.0) && close(y[1].repaid, 250.0));
    assert!(close(y[1].outstanding, 750.0) && y[1].defaults == 0.0);
    assert!(close(y[2].interest, 75.0) && close(y[2].repaid, 275.0));
    assert!(close(y[2].defaults, 475.0) && y[2].outstanding == 0.0);
    assert!(close(y[3].cash, 700.0) && close(y[3].cumulative_losses, 475.0));
    // Half of 10 m3 saved in years 1 and 2, nothing after the default.
    assert!(close(y[3].cumulative_saved.water_m3, 10.0));
    // A third year of grace from arrears: 47.50 interest on 475, then 302.50 of principal;
    // 172.50 written off.
    f.risk.arrears_years = 3;
    let r = f.draw(0, 0).unwrap();
    books_close(&r);
    assert!(close(r.years[3].interest, 47.5) && close(r.years[3].repaid, 302.5));
    assert!(close(r.years[3].defaults, 172.5));
    assert!(close(r.years[3].cash, 1_050.0));
}

#[test]
fn the_drawn_write_offs_converge_on_their_expected_value() {
    // Year 1 writes off each year-0 loan with probability p: the mean over n draws of the
    // principal written off is p Σ L, within 4 standard errors √(p (1 − p) Σ L² / n).
    let f = programme_fund();
    let expected = f.simulate().unwrap();
    let first: Vec<f64> = expected
        .loans
        .iter()
        .filter(|l| l.year == 0)
        .map(|l| l.principal)
        .collect();
    let p = f.rules.default_probability;
    assert!(close(
        expected.years[1].defaults,
        p * first.iter().sum::<f64>()
    ));
    let n = 4_000;
    let mean = (0..n)
        .map(|i| f.draw(21, i).unwrap().years[1].defaults)
        .sum::<f64>()
        / n as f64;
    let se = (p * (1.0 - p) * first.iter().map(|l| l * l).sum::<f64>() / n as f64).sqrt();
    let gap = (mean - expected.years[1].defaults).abs();
    assert!(
        gap < 4.0 * se,
        "{mean} vs {}: {gap} > 4 × {se}",
        expected.years[1].defaults
    );
}

fn risky() -> Fund {
    let mut f = programme_fund();
    f.rules.default_probability = 0.05;
    f.risk.savings = Some(pert(0.2, 0.9, 1.2));
    f
}

#[test]
fn the_books_close_every_year_of_every_draw() {
    let f = risky();
    for i in 0..300 {
        identity_holds(&f.draw(9, i).unwrap());
    }
    // Without Bernoulli defaults, every write-off comes from arrears: there are some, and the
    // books still close.
    let mut late = risky();
    late.rules.default_probability = 0.0;
    let mut written_off = 0.0;
    for i in 0..100 {
        let r = late.draw(9, i).unwrap();
        identity_holds(&r);
        written_off += r.years.iter().map(|y| y.defaults).sum::<f64>();
    }
    assert!(written_off > 0.0);
}

#[test]
fn threads_change_nothing_and_shortfalls_cost_the_fund() {
    let f = risky();
    let one = f.monte_carlo(&settings(400, 3, Some(1))).unwrap();
    let two = f.monte_carlo(&settings(400, 3, Some(2))).unwrap();
    assert_eq!(one, two);
    assert_eq!(one.yearly.len(), 10);
    for y in &one.yearly {
        assert!(y.balance.p5 <= y.balance.p50 && y.balance.p50 <= y.balance.p95);
    }
    // Every draw's final capital is cash plus outstanding; the spread orders its figures.
    assert!(one.final_capital.p5 <= one.final_capital.p95);
    assert!((0.0..=1.0).contains(&one.survival));
    // Against the same fund without shortfalls, borrowers paying less lose the fund money.
    let mut full = f.clone();
    full.risk.savings = None;
    let paid = full.monte_carlo(&settings(400, 3, Some(2))).unwrap();
    assert!(one.losses.mean > paid.losses.mean);
    assert!(one.final_capital.mean < paid.final_capital.mean);
}

#[test]
fn bad_risk_settings_name_their_field() {
    let mut f = risky();
    f.risk.savings = Some(SavingsShare {
        distribution: Some(Shape::Pert),
        min: Some(0.2),
        ..SavingsShare::default()
    });
    assert_eq!(f.draw(0, 0).unwrap_err().path(), "risk.savings.mode");
    f.risk.savings = Some(pert(0.9, 0.5, 1.0));
    assert_eq!(f.draw(0, 0).unwrap_err().path(), "risk.savings.mode");
    f.risk.savings = None;
    f.risk.arrears_years = 0;
    assert_eq!(f.simulate().unwrap_err().path(), "risk.arrears_years");
    let f = risky();
    assert_eq!(
        f.monte_carlo(&settings(0, 0, None)).unwrap_err().path(),
        "draws"
    );
    let cancel = cleanprod::cancel::Cancel::default();
    cancel.cancel();
    let stopped = MonteCarlo {
        cancel: Some(cancel),
        ..settings(10, 0, None)
    };
    assert_eq!(f.monte_carlo(&stopped).unwrap_err().code(), "cancelled");
}
