//! The fund drawn many times: each loan's defaults and its borrower's savings drawn, the books
//! kept year by year for each draw, and the fund's survival and spreads over the draws.
//!
//! # The model of one draw
//!
//! Each loan made draws, once, the share of its option's estimated annual saving the borrower
//! realises ([`Risk::savings`](super::Risk::savings); without it every borrower pays in full). Each year after the
//! loan is made, in the order the loans were made:
//!
//! 1. the fund pays the guarantee fee on the covered part of the loan's principal
//!    outstanding at the start of the year (scheduled balance plus principal in arrears);
//! 2. the loan defaults with probability `rules.default_probability` (a Bernoulli draw): its
//!    whole outstanding principal is written off, the guarantee pays back its cover, and the
//!    option saves nothing from that year on;
//! 3. otherwise the borrower owes the schedule's instalment plus its arrears, the arrears
//!    first grown by a year's interest at the loan's rate, and pays what it is due up to the
//!    realised saving (the saving share times the option's annual saving): interest first
//!    (the arrears' then the schedule's), then principal. Interest counts when received;
//!    principal unpaid stays outstanding. A loan with something unpaid at the end of
//!    `risk.arrears_years` years in a row defaults then: its outstanding principal is written
//!    off as in 2, after the year's saving.
//!
//! The option saves, money and amounts alike, its saving share times the estimate each year
//! from the year after its loan until its loan defaults (for ever, once repaid). A loan past
//! its schedule stays on the books while it has arrears. The books of every draw close every
//! year as the deterministic ones do.
//!
//! # Survival
//!
//! A draw survives when the fund's cash is never negative (fees exceeding the cash would leave
//! it unable to pay) and, at the horizon, its cash plus the principal still outstanding is at
//! least `risk.survival_share` times the capital contributed. The survival probability is the
//! share of draws that survive.
//!
//! # Draws
//!
//! Draw `i` takes its uniforms, in the order above, from the stream of the generator keyed by
//! (seed, i), as the risk simulation of an assessment does; draws are computed on threads and
//! every sum runs in the draws' order, so the results do not depend on the threads.

use rand_chacha::ChaCha8Rng;
use rand_core::RngCore;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::books::{self, Book, Borrowers, LoanYear};
use super::{Fund, FundResult};
use crate::error::{Error, Result};
use crate::program::parallel;
use crate::sections::uncertainty::MAX_SEED;
use crate::uncertainty::random::{open_unit, stream};
use crate::uncertainty::statistics::spread;
use crate::uncertainty::{Distribution, MAX_DRAWS, Spread};

/// How a fund's Monte Carlo simulation runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MonteCarlo {
    /// Number of draws (1 to 10,000,000; 10,000 when absent).
    #[serde(default = "default_draws")]
    pub draws: u32,
    /// Seed of the draws (at most 2^53 − 1; 0 when absent).
    #[serde(default)]
    pub seed: u64,
    /// Threads (every core when absent; one on wasm32). The figures do not depend on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threads: Option<usize>,
    /// Stops the simulation when cancelled, with [`Error::Cancelled`].
    #[serde(skip)]
    #[schemars(skip)]
    pub cancel: Option<crate::cancel::Cancel>,
}

fn default_draws() -> u32 {
    10_000
}

impl Default for MonteCarlo {
    fn default() -> MonteCarlo {
        MonteCarlo {
            draws: default_draws(),
            seed: 0,
            threads: None,
            cancel: None,
        }
    }
}

/// The mean and percentiles of one figure over the draws.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Band {
    /// Mean.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// One year of the fund over the draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct YearBand {
    /// Year, from 0.
    pub year: u32,
    /// The fund's balance at the end of the year: cash plus principal outstanding.
    pub balance: Band,
    /// Cash at the end of the year.
    pub cash: Band,
    /// Principal outstanding at the end of the year.
    pub outstanding: Band,
    /// Losses so far.
    pub cumulative_losses: Band,
}

/// What the options financed saved over the years, over the draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SavedSpreads {
    /// Water bought, m3.
    pub water_m3: Spread,
    /// Wastewater discharged, m3.
    pub wastewater_m3: Spread,
    /// Energy bought, MWh.
    pub energy_mwh: Spread,
    /// Solid waste, t.
    pub solid_waste_t: Spread,
    /// Chemicals and materials bought, all together, t.
    pub chemicals_t: Spread,
    /// CO2 avoided, t.
    pub co2_t: Spread,
}

/// A fund's Monte Carlo simulation; see the [module](self).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FundRisk {
    /// Currency.
    pub currency: String,
    /// Draws made.
    pub draws: u32,
    /// Their seed.
    pub seed: u64,
    /// The share of the capital the fund must keep to survive.
    pub survival_share: f64,
    /// Draws in which the fund survived.
    pub survived: u32,
    /// Their share: the fund's survival probability.
    pub survival: f64,
    /// Cash plus principal outstanding at the horizon.
    pub final_capital: Spread,
    /// Losses over the years: principal written off less the guarantee's payments, plus fees.
    pub losses: Spread,
    /// Principal written off over the years.
    pub defaults: Spread,
    /// Interest received over the years.
    pub interest: Spread,
    /// Loans made.
    pub loans_made: Spread,
    /// Total lent.
    pub lent: Spread,
    /// Total lent per unit of capital contributed, at the horizon.
    pub leverage: Spread,
    /// Saved over the years by the options financed.
    pub saved: SavedSpreads,
    /// Year by year, for a chart of the fund's balance.
    pub yearly: Vec<YearBand>,
}

/// The borrowers of one draw.
struct Drawn<'a> {
    rng: ChaCha8Rng,
    /// Yearly default probability.
    p: f64,
    /// Guarantee fee times cover.
    fee: f64,
    /// The loans' rate, for arrears.
    rate: f64,
    arrears_years: u32,
    savings: Option<&'a Distribution>,
    loans: Vec<State>,
}

/// A loan's state in a draw.
#[derive(Default)]
struct State {
    /// Share of the saving realised (None: pays in full).
    share: Option<f64>,
    owed_principal: f64,
    owed_interest: f64,
    /// Years in a row ended with something unpaid.
    late: u32,
    defaulted: bool,
}

impl Drawn<'_> {
    fn uniform(&mut self) -> f64 {
        open_unit(self.rng.next_u64())
    }
}

impl Borrowers for Drawn<'_> {
    fn lend(&mut self, _: usize, _: &Book) {
        let share = match self.savings {
            Some(d) => {
                let u = self.uniform();
                Some(d.quantile(u))
            }
            None => None,
        };
        self.loans.push(State {
            share,
            ..State::default()
        });
    }

    fn year(&mut self, i: usize, b: &Book, k: u32) -> LoanYear {
        let (p, fee, rate, arrears_years) = (self.p, self.fee, self.rate, self.arrears_years);
        let u = match self.loans.get(i) {
            Some(s) if !s.defaulted => {
                let due = b.schedule.get(k as usize - 1).is_some();
                (due || s.owed_principal + s.owed_interest > 0.0).then(|| self.uniform())
            }
            _ => return LoanYear::default(),
        };
        let Some(s) = self.loans.get_mut(i) else {
            return LoanYear::default();
        };
        let saved_share = s.share.unwrap_or(1.0);
        let Some(u) = u else {
            // Repaid in full: the option saves on.
            return LoanYear {
                saved_share,
                ..LoanYear::default()
            };
        };
        let before = b.balance_after(k - 1) + s.owed_principal;
        let fees = fee * before;
        if u < p {
            s.defaulted = true;
            return LoanYear {
                defaults: before,
                fees,
                ..LoanYear::default()
            };
        }
        s.owed_interest += rate * (s.owed_principal + s.owed_interest);
        let row = b.schedule.get(k as usize - 1);
        let due_interest = s.owed_interest + row.map_or(0.0, |r| r.interest);
        let due_principal = s.owed_principal + row.map_or(0.0, |r| r.principal);
        let capacity = s
            .share
            .map_or(f64::INFINITY, |x| (x * b.annual_saving).max(0.0));
        let interest = due_interest.min(capacity);
        let repaid = due_principal.min(capacity - interest);
        s.owed_interest = due_interest - interest;
        s.owed_principal = due_principal - repaid;
        let mut y = LoanYear {
            repaid,
            interest,
            defaults: 0.0,
            fees,
            saved_share,
        };
        // Rounding crumbs are not arrears (they stay on the books until paid).
        if s.owed_principal + s.owed_interest > 1e-9 * b.principal {
            s.late += 1;
            if s.late >= arrears_years {
                s.defaulted = true;
                y.defaults = b.balance_after(k) + s.owed_principal;
            }
        } else {
            s.late = 0;
        }
        y
    }

    fn outstanding(&self, i: usize, b: &Book, k: u32) -> f64 {
        match self.loans.get(i) {
            Some(s) if !s.defaulted => b.balance_after(k) + s.owed_principal,
            _ => 0.0,
        }
    }
}

/// The figures of one draw that the results need.
struct Outcome {
    survived: bool,
    totals: [f64; 7],
    saved: [f64; 6],
    /// Balance, cash, outstanding, cumulative losses, by year.
    yearly: Vec<[f64; 4]>,
}

impl Fund {
    /// The books of draw `index` of the Monte Carlo simulation under `seed`, year by year
    /// (see the model in [`monte_carlo`](crate::program::fund::monte_carlo)).
    pub fn draw(&self, seed: u64, index: u64) -> Result<FundResult> {
        self.validate()?;
        let savings = self.savings_distribution()?;
        self.draw_checked(savings.as_ref(), seed, index)
    }

    fn savings_distribution(&self) -> Result<Option<Distribution>> {
        self.risk
            .savings
            .as_ref()
            .map(|s| s.distribution("risk.savings"))
            .transpose()
    }

    fn draw_checked(
        &self,
        savings: Option<&Distribution>,
        seed: u64,
        index: u64,
    ) -> Result<FundResult> {
        let r = &self.rules;
        books::run(
            self,
            &mut Drawn {
                rng: stream(seed, index),
                p: r.default_probability,
                fee: r.guarantee_fee * r.guarantee_cover,
                rate: r.rate,
                arrears_years: self.risk.arrears_years,
                savings,
                loans: Vec::new(),
            },
        )
    }

    /// Whether the fund of `books` survives (see the [module](self)).
    fn survives(&self, books: &FundResult) -> bool {
        let Some(last) = books.years.last() else {
            return true;
        };
        let tolerance = 1e-9 * last.capital.max(1.0);
        books.years.iter().all(|y| y.cash >= -tolerance)
            && last.cash + last.outstanding >= self.risk.survival_share * last.capital - tolerance
    }

    /// Draw the fund `settings.draws` times; see the [module](self).
    pub fn monte_carlo(&self, settings: &MonteCarlo) -> Result<FundRisk> {
        self.validate()?;
        if !(1..=MAX_DRAWS).contains(&settings.draws) {
            return Err(Error::out_of_range(
                "draws",
                settings.draws,
                format!("must be from 1 to {MAX_DRAWS}"),
            ));
        }
        if settings.seed > MAX_SEED {
            return Err(Error::out_of_range(
                "seed",
                settings.seed,
                format!("must be at most {MAX_SEED}"),
            ));
        }
        let savings = self.savings_distribution()?;
        let cancel = settings.cancel.clone().unwrap_or_default();
        let indices: Vec<u64> = (0..u64::from(settings.draws)).collect();
        let outcomes = parallel::map(&indices, settings.threads, |&i| {
            cancel.check()?;
            let b = self.draw_checked(savings.as_ref(), settings.seed, i)?;
            Ok(self.outcome(&b))
        })
        .into_iter()
        .collect::<Result<Vec<Outcome>>>()?;
        self.summarise(settings, &outcomes)
    }

    fn outcome(&self, b: &FundResult) -> Outcome {
        let last = b.years.last();
        let get = |f: fn(&super::FundYear) -> f64| last.map_or(0.0, f);
        let saved = last.map(|y| &y.cumulative_saved);
        let amount = |f: fn(&crate::program::Amounts) -> f64| saved.map_or(0.0, f);
        Outcome {
            survived: self.survives(b),
            totals: [
                get(|y| y.cash + y.outstanding),
                get(|y| y.cumulative_losses),
                b.years.iter().map(|y| y.defaults).sum(),
                get(|y| y.cumulative_interest),
                b.loans.len() as f64,
                get(|y| y.lent),
                get(|y| y.leverage),
            ],
            saved: [
                amount(|a| a.water_m3),
                amount(|a| a.wastewater_m3),
                amount(|a| a.energy_mwh),
                amount(|a| a.solid_waste_t),
                amount(|a| a.chemicals_total_t()),
                amount(|a| a.co2_t),
            ],
            yearly: b
                .years
                .iter()
                .map(|y| {
                    [
                        y.cash + y.outstanding,
                        y.cash,
                        y.outstanding,
                        y.cumulative_losses,
                    ]
                })
                .collect(),
        }
    }

    fn summarise(&self, settings: &MonteCarlo, outcomes: &[Outcome]) -> Result<FundRisk> {
        let of = |name: &str, values: Vec<f64>| {
            spread(&values).ok_or_else(|| {
                Error::out_of_range(name, "no finite spread", "the draws gave no finite figure")
            })
        };
        let total = |k: usize, name: &str| of(name, outcomes.iter().map(|o| o.totals[k]).collect());
        let saved = |k: usize, name: &str| of(name, outcomes.iter().map(|o| o.saved[k]).collect());
        let band = |year: usize, k: usize| -> Result<Band> {
            let s = of(
                "yearly",
                outcomes
                    .iter()
                    .map(|o| o.yearly.get(year).map_or(0.0, |y| y[k]))
                    .collect(),
            )?;
            Ok(Band {
                mean: s.mean,
                p5: s.p5,
                p50: s.p50,
                p95: s.p95,
            })
        };
        let survived = crate::program::site::count(outcomes.iter().filter(|o| o.survived).count());
        Ok(FundRisk {
            currency: self.currency.clone(),
            draws: settings.draws,
            seed: settings.seed,
            survival_share: self.risk.survival_share,
            survived,
            survival: f64::from(survived) / f64::from(settings.draws),
            final_capital: total(0, "final_capital")?,
            losses: total(1, "losses")?,
            defaults: total(2, "defaults")?,
            interest: total(3, "interest")?,
            loans_made: total(4, "loans_made")?,
            lent: total(5, "lent")?,
            leverage: total(6, "leverage")?,
            saved: SavedSpreads {
                water_m3: saved(0, "saved.water_m3")?,
                wastewater_m3: saved(1, "saved.wastewater_m3")?,
                energy_mwh: saved(2, "saved.energy_mwh")?,
                solid_waste_t: saved(3, "saved.solid_waste_t")?,
                chemicals_t: saved(4, "saved.chemicals_t")?,
                co2_t: saved(5, "saved.co2_t")?,
            },
            yearly: (0..self.years as usize)
                .map(|y| {
                    Ok(YearBand {
                        year: y as u32,
                        balance: band(y, 0)?,
                        cash: band(y, 1)?,
                        outstanding: band(y, 2)?,
                        cumulative_losses: band(y, 3)?,
                    })
                })
                .collect::<Result<_>>()?,
        })
    }
}
