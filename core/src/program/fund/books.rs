//! The fund's books, year by year, whatever model of the borrowers gives each loan's year:
//! contributions in, the loans' flows, new loans while the cash covers them, and the year
//! closed.

use super::{Fund, FundResult, FundYear, LoanMade};
use crate::error::Result;
use crate::finance::{Grace, Loan, LoanPayment};
use crate::program::amounts::Amounts;

/// A loan on the books: its schedule and when it began.
pub(super) struct Book {
    /// Year disbursed.
    pub(super) year: u32,
    /// Its schedule, one row per instalment from the year after.
    pub(super) schedule: Vec<LoanPayment>,
    /// Amount lent.
    pub(super) principal: f64,
    /// What the option financed saves per year.
    pub(super) per_year: Amounts,
    /// Money it saves per year.
    pub(super) annual_saving: f64,
}

impl Book {
    /// Principal due by the schedule after `k` instalments (the amount lent for 0, nothing
    /// after the last).
    pub(super) fn balance_after(&self, k: u32) -> f64 {
        match k {
            0 => self.principal,
            k => self.schedule.get(k as usize - 1).map_or(0.0, |s| s.balance),
        }
    }
}

/// What one loan gives the fund in one year.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub(super) struct LoanYear {
    /// Principal repaid.
    pub(super) repaid: f64,
    /// Interest received.
    pub(super) interest: f64,
    /// Principal written off.
    pub(super) defaults: f64,
    /// Guarantee fee on the balance covered.
    pub(super) fees: f64,
    /// Share of the option's yearly savings counted this year.
    pub(super) saved_share: f64,
}

/// How the borrowers behave: at their expected value, or drawn.
pub(super) trait Borrowers {
    /// The loan `book` is made; it is the fund's loan number `i`.
    fn lend(&mut self, i: usize, book: &Book);
    /// Year `k` (from 1, the year after it was made) of loan `i`.
    fn year(&mut self, i: usize, book: &Book, k: u32) -> LoanYear;
    /// Principal outstanding on loan `i` at the end of its year `k` (0: the year it was made).
    fn outstanding(&self, i: usize, book: &Book, k: u32) -> f64;
}

/// The fund's years, with `borrowers` giving each loan's flows. The books close every year by
/// construction: every flow moves cash and one of capital, interest, losses or outstanding.
pub(super) fn run(fund: &Fund, borrowers: &mut impl Borrowers) -> Result<FundResult> {
    let r = &fund.rules;
    let mut books: Vec<Book> = Vec::new();
    let mut loans = Vec::new();
    let mut next = 0usize;
    let mut years = Vec::with_capacity(fund.years as usize);
    let (mut cash, mut capital, mut lent) = (0.0_f64, 0.0_f64, 0.0_f64);
    let (mut interest_sum, mut losses_sum) = (0.0_f64, 0.0_f64);
    let mut cumulative_saved = Amounts::default();
    for year in 0..fund.years {
        let contributions: f64 = fund
            .contributions
            .iter()
            .filter(|c| c.year == year)
            .map(|c| c.amount)
            .sum();
        cash += contributions;
        capital += contributions;
        // The flows of the loans on the books, before new loans, in the order they were made.
        let (mut repaid, mut interest, mut defaults, mut fees) = (0.0, 0.0, 0.0, 0.0);
        let mut saved = Amounts::default();
        for (i, b) in books.iter().enumerate() {
            let y = borrowers.year(i, b, year - b.year);
            saved.add_scaled(&b.per_year, y.saved_share);
            fees += y.fees;
            defaults += y.defaults;
            repaid += y.repaid;
            interest += y.interest;
        }
        let guarantee_paid = r.guarantee_cover * defaults;
        cash += repaid + interest + guarantee_paid - fees;
        // New loans while the cash covers the next one.
        let (mut made, mut disbursed) = (0u32, 0.0);
        while let Some(c) = fund.pipeline.get(next) {
            let amount = fund.loan_for(c);
            if amount > cash {
                break;
            }
            next += 1;
            if amount <= 0.0 {
                continue;
            }
            let schedule = Loan::new(amount, r.rate, f64::from(r.tenor_years), 1)
                .with_grace(r.grace_years, Grace::InterestOnly)
                .schedule()?;
            let instalment = schedule.last().map_or(0.0, |s| s.payment);
            loans.push(LoanMade {
                year,
                document: c.document.clone(),
                option: c.option.clone(),
                principal: amount,
                instalment,
                saving_cover: (instalment > 0.0).then(|| c.annual_saving / instalment),
            });
            let book = Book {
                year,
                schedule,
                principal: amount,
                per_year: c.per_year.clone(),
                annual_saving: c.annual_saving,
            };
            borrowers.lend(books.len(), &book);
            books.push(book);
            cash -= amount;
            disbursed += amount;
            lent += amount;
            made += 1;
        }
        let outstanding: f64 = books
            .iter()
            .enumerate()
            .map(|(i, b)| borrowers.outstanding(i, b, year - b.year))
            .sum();
        interest_sum += interest;
        losses_sum += defaults - guarantee_paid + fees;
        cumulative_saved.add_scaled(&saved, 1.0);
        years.push(FundYear {
            year,
            contributions,
            loans_made: made,
            disbursed,
            repaid,
            interest,
            defaults,
            guarantee_paid,
            guarantee_fees: fees,
            outstanding,
            cash,
            capital,
            lent,
            leverage: if capital > 0.0 { lent / capital } else { 0.0 },
            cumulative_interest: interest_sum,
            cumulative_losses: losses_sum,
            saved,
            cumulative_saved: cumulative_saved.clone(),
        });
    }
    Ok(FundResult {
        currency: fund.currency.clone(),
        years,
        not_financed: crate::program::site::count(fund.pipeline.len() - next),
        loans,
    })
}

/// Defaults at their expected value: each year a share `default_probability` of each loan's
/// performing balance defaults before its instalment; borrowers otherwise pay as scheduled.
pub(super) struct Expected {
    /// The yearly default probability.
    pub(super) p: f64,
    /// Guarantee fee times cover.
    pub(super) fee: f64,
}

impl Borrowers for Expected {
    fn lend(&mut self, _: usize, _: &Book) {}

    fn year(&mut self, _: usize, b: &Book, k: u32) -> LoanYear {
        let p = self.p;
        // An option saves from the year after its loan, while its loan performs (a borrower in
        // default is taken to stop saving).
        let n = b.schedule.len() as u32;
        let saved_share = (1.0 - p).powi(k.min(n) as i32);
        let Some(pay) = b.schedule.get(k as usize - 1) else {
            return LoanYear {
                saved_share,
                ..LoanYear::default()
            };
        };
        let before = b.balance_after(k - 1);
        let alive = (1.0 - p).powi(k as i32 - 1);
        let survives = alive * (1.0 - p);
        LoanYear {
            repaid: survives * pay.principal,
            interest: survives * pay.interest,
            defaults: p * alive * before,
            fees: self.fee * alive * before,
            saved_share,
        }
    }

    fn outstanding(&self, _: usize, b: &Book, k: u32) -> f64 {
        (1.0 - self.p).powi(k as i32) * b.balance_after(k)
    }
}
