//! The revolving loan fund: its books close every year, loan schedules checked by hand,
//! defaults cost what they should.

use cleanprod::program::fund::{Candidate, Contribution, Fund, FundResult, LoanRules, Risk};
use cleanprod::program::{self, Amounts, Settings, Source};

pub(crate) fn candidate(name: &str, capex: f64, water: f64) -> Candidate {
    Candidate {
        document: name.to_string(),
        option: name.to_string(),
        capex,
        annual_saving: 700.0,
        per_year: Amounts {
            water_m3: water,
            ..Amounts::default()
        },
    }
}

pub(crate) fn fund(
    pipeline: Vec<Candidate>,
    default_probability: f64,
    cover: f64,
    fee: f64,
) -> Fund {
    Fund {
        currency: "USD".to_string(),
        years: 4,
        contributions: vec![Contribution {
            year: 0,
            amount: 1_000.0,
        }],
        rules: LoanRules {
            share: 1.0,
            max_loan: None,
            rate: 0.10,
            tenor_years: 2,
            grace_years: 0,
            guarantee_cover: cover,
            guarantee_fee: fee,
            default_probability,
        },
        pipeline,
        risk: Risk::default(),
    }
}

pub(crate) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// capital + interest − losses − outstanding = cash, every year.
pub(crate) fn books_close(r: &FundResult) {
    identity_holds(r);
    for y in &r.years {
        assert!(y.cash >= -1e-9);
    }
}

/// capital + interest − losses − outstanding = cash, every year, and each year's flows add up
/// to the change of cash (the cash may go below zero in a drawn fund).
pub(crate) fn identity_holds(r: &FundResult) {
    let mut cash = 0.0;
    for y in &r.years {
        let lhs = y.capital + y.cumulative_interest - y.cumulative_losses - y.outstanding;
        assert!(close(lhs, y.cash), "year {}: {lhs} vs {}", y.year, y.cash);
        cash += y.contributions + y.repaid + y.interest + y.guarantee_paid
            - y.guarantee_fees
            - y.disbursed;
        assert!(close(cash, y.cash), "year {}: {cash} vs {}", y.year, y.cash);
    }
}

#[test]
fn without_defaults_a_loan_repays_principal_and_interest_by_its_schedule() {
    // 1,000 at 10 % over 2 years: instalment 1000 × 0.1 / (1 − 1.1^−2) = 576.190476; year 1
    // interest 100 and principal 476.19, year 2 interest 52.38 and principal 523.81.
    let r = fund(vec![candidate("a", 1_000.0, 50.0)], 0.0, 0.0, 0.0)
        .simulate()
        .unwrap();
    books_close(&r);
    assert_eq!(r.loans.len(), 1);
    assert!((r.loans[0].instalment - 576.190_476).abs() < 1e-6);
    let y = &r.years;
    assert_eq!(
        (y[0].loans_made, y[0].disbursed, y[0].cash),
        (1, 1_000.0, 0.0)
    );
    assert!(close(y[1].interest, 100.0) && (y[1].repaid - 476.190_476).abs() < 1e-6);
    assert!((y[2].interest - 52.380_952).abs() < 1e-6);
    assert!((y[2].repaid - 523.809_524).abs() < 1e-6);
    // Everything back: the capital and 152.38 of interest, nothing outstanding.
    assert!((y[3].cash - 1_152.380_952).abs() < 1e-6);
    assert!(y[3].outstanding.abs() < 1e-9);
    assert!(close(y[3].leverage, 1.0));
    // 50 m3 a year from year 1: 3 years to the end.
    assert!(close(y[3].cumulative_saved.water_m3, 150.0));
}

#[test]
fn repayments_are_lent_again() {
    // The first year's 576.19 lends 500 to the second option; then 1,152.38 less 500 back in
    // the pipeline's order.
    let r = fund(
        vec![candidate("a", 1_000.0, 0.0), candidate("b", 500.0, 0.0)],
        0.0,
        0.0,
        0.0,
    )
    .simulate()
    .unwrap();
    books_close(&r);
    assert_eq!(r.loans.len(), 2);
    assert_eq!(r.loans[1].year, 1);
    assert!(close(r.years[1].cash, 576.190_476_190_476_2 - 500.0));
    assert!(close(r.years[3].lent, 1_500.0));
    assert!(close(r.years[3].leverage, 1.5));
    assert_eq!(r.not_financed, 0);
}

#[test]
fn defaults_reduce_the_cash_by_what_is_written_off() {
    // 10 % of the performing balance defaults each year: year 1 writes off 100 and 90 % pays
    // 518.57; year 2 writes off 47.14 of 471.43 and 81 % pays 466.71: cash 985.29 at the end,
    // against 1,152.38 without defaults.
    let r = fund(vec![candidate("a", 1_000.0, 0.0)], 0.1, 0.0, 0.0)
        .simulate()
        .unwrap();
    books_close(&r);
    let y = &r.years;
    assert!(close(y[1].defaults, 100.0));
    assert!((y[1].outstanding - 471.428_571).abs() < 1e-6);
    assert!((y[2].defaults - 47.142_857).abs() < 1e-6);
    let pmt = 576.190_476_190_476_2;
    assert!(close(y[3].cash, 0.9 * pmt + 0.81 * pmt));
    assert!((y[3].cumulative_losses - 147.142_857).abs() < 1e-6);
    // An 80 % guarantee at a 1 % fee: the fund gets 80 % of each default back and pays 1 % of
    // the covered balance (0.8 × 1,000, then 0.8 × 900 × 523.81 / 1,000... as computed).
    let g = fund(vec![candidate("a", 1_000.0, 0.0)], 0.1, 0.8, 0.01)
        .simulate()
        .unwrap();
    books_close(&g);
    let fees = 0.01 * 0.8 * (1_000.0 + 0.9 * 523.809_523_809_523_8);
    let want = y[3].cash + 0.8 * y[3].cumulative_losses - fees;
    assert!(
        close(g.years[3].cash, want),
        "{} vs {want}",
        g.years[3].cash
    );
}

/// A fund lending to the options of three example assessments, best NPV first.
pub(crate) fn programme_fund() -> Fund {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let sources: Vec<Source> = ["tannery.toml", "tannery_measured.toml", "automotive.toml"]
        .iter()
        .map(|f| Source::toml(*f, std::fs::read_to_string(format!("{dir}/{f}")).unwrap()))
        .collect();
    let p = program::evaluate(&sources, &Settings::default());
    let mut rows = p.options.clone();
    rows.sort_by(|a, b| b.npv.total_cmp(&a.npv));
    let pipeline = Candidate::from_rows(&rows, "MXN");
    assert!(pipeline.len() > 10);
    Fund {
        currency: "MXN".to_string(),
        years: 10,
        contributions: vec![
            Contribution {
                year: 0,
                amount: 1_500_000.0,
            },
            Contribution {
                year: 3,
                amount: 500_000.0,
            },
        ],
        rules: LoanRules {
            share: 0.9,
            max_loan: Some(600_000.0),
            rate: 0.12,
            tenor_years: 4,
            grace_years: 1,
            guarantee_cover: 0.8,
            guarantee_fee: 0.02,
            default_probability: 0.03,
        },
        pipeline,
        risk: Risk::default(),
    }
}

#[test]
fn a_fund_lends_to_a_programme_and_its_books_close() {
    let f = programme_fund();
    let r = f.simulate().unwrap();
    books_close(&r);
    let last = r.years.last().unwrap();
    assert!(
        last.leverage > 1.0,
        "the capital revolves: {}",
        last.leverage
    );
    assert!(last.cumulative_saved.water_m3 > 0.0);
    for l in &r.loans {
        assert!(l.principal <= 600_000.0 + 1e-9);
    }
    // Bad rules name their field.
    let mut bad = f.clone();
    bad.rules.share = 1.2;
    assert_eq!(bad.simulate().unwrap_err().path(), "rules.share");
}
