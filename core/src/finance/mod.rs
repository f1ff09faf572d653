//! Investment appraisal: the metrics that turn an option's savings into a decision and a loan.
//!
//! Conventions follow numpy-financial: a periodic series starts at t = 0 (the first flow is not
//! discounted), money paid out is negative, and the time-value functions ([`pmt`], [`pv`],
//! [`fv`], [`nper`], [`rate`], [`ipmt`], [`ppmt`]) take numpy-financial's arguments in its
//! order with its signs. The Excel convention of discounting the first flow is available by
//! name ([`FirstFlow::EndOfPeriod`]).
//!
//! Inputs are checked: a NaN or infinite flow or rate is an [`Error`](crate::Error) naming
//! it, never a NaN out. A quantity that does not exist (the IRR of flows that never change
//! sign, a payback that never comes) is a typed outcome, not a sentinel number.
//!
//! ```
//! use cleanprod::finance::{self, Payback};
//! let flows = [-2_400.0, 9_600.0, 9_600.0];
//! assert_eq!(finance::payback(&flows).unwrap(), Payback::After(0.25));
//! let npv = finance::npv(0.10, &flows).unwrap();
//! assert!((npv - (-2_400.0 + 9_600.0 / 1.1 + 9_600.0 / 1.21)).abs() < 1e-9);
//! let irr = finance::irr(&flows).unwrap();
//! assert!(finance::npv(irr, &flows).unwrap().abs() < 1e-9);
//! ```

mod batch;
mod break_even;
mod cashflow;
mod check;
mod dated;
mod financing;
mod irr;
mod loan;
mod periodic;
pub(crate) use periodic::discount_factors;
mod rows;
mod simd;
mod tvm;

pub use batch::{
    TimeValue, discounted_payback_batch, irr_batch, mirr_batch, npv_batch, payback_batch,
    profitability_index_batch, time_value_batch,
};
pub use break_even::{break_even_level, break_even_scale};
pub use cashflow::{CashFlowPlan, CashFlows, MoneyBasis, Stream, Tax, nominal_rate, real_rate};
pub use dated::{Date, DayCount, xirr, xirr_with, xnpv, xnpv_with};
pub use financing::{FinancedFlows, Financing};
pub use irr::{DEFAULT_GUESS, IRR_SCAN_MAX, IRR_SCAN_MIN, Irr, irr, irr_roots, irr_with_guess};
pub use loan::{Grace, Loan, LoanPayment, debt_service_coverage};
pub use periodic::{
    FirstFlow, Payback, benefit_cost_ratio, capital_recovery_factor, discounted_payback,
    levelized_cost, mirr, npv, npv_rows, npv_with, payback, profitability_index,
};
pub use rows::{BatchResult, Status, batch};
pub use tvm::{When, fv, ipmt, nper, pmt, ppmt, pv, rate, rate_with_guess};
