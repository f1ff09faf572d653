//! The rows of a batch: their status, their values, and running a metric over each row (in
//! parallel on native targets). The metrics' own batch forms are in `batch`.

use crate::error::{Error, NoSolution, Result};

/// The outcome of one row of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Status {
    /// A value.
    Ok = 0,
    /// A value, chosen among several roots (the IRR nearest the guess).
    Multiple = 1,
    /// No value: the flows never change sign.
    NoSignChange = 2,
    /// No value: no root in the searched range, or no convergence.
    NoRoot = 3,
    /// No value: the row holds a NaN or an infinity, or is otherwise invalid.
    Invalid = 4,
    /// No value: the investment never pays back.
    Never = 5,
}

impl Status {
    /// Every status, in the order of their codes.
    pub const ALL: [Status; 6] = [
        Status::Ok,
        Status::Multiple,
        Status::NoSignChange,
        Status::NoRoot,
        Status::Invalid,
        Status::Never,
    ];

    /// The numeric code of the status, as the bindings return it per row (0 to 5).
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The status of a numeric code, if there is one.
    ///
    /// ```
    /// use cleanprod::finance::Status;
    /// assert_eq!(Status::from_code(5), Some(Status::Never));
    /// assert_eq!(Status::from_code(6), None);
    /// ```
    pub fn from_code(code: u8) -> Option<Status> {
        Status::ALL.get(usize::from(code)).copied()
    }

    /// A stable machine-readable name: `"ok"`, `"multiple"`, `"no_sign_change"`, `"no_root"`,
    /// `"invalid"` or `"never"`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Multiple => "multiple",
            Status::NoSignChange => "no_sign_change",
            Status::NoRoot => "no_root",
            Status::Invalid => "invalid",
            Status::Never => "never",
        }
    }

    /// What the status means, in words for people.
    pub fn description(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Multiple => "ok, one of several roots",
            Status::NoSignChange => "no sign change",
            Status::NoRoot => "no root in the searched range",
            Status::Invalid => "invalid row (NaN or infinity)",
            Status::Never => "never pays back",
        }
    }

    /// Whether a row with this status has a value ([`Status::Ok`] and [`Status::Multiple`]).
    pub fn has_value(self) -> bool {
        matches!(self, Status::Ok | Status::Multiple)
    }

    /// The status of an error in one row.
    pub fn of_error(e: &Error) -> Status {
        match e {
            Error::NoSolution {
                reason: NoSolution::NoSignChange,
                ..
            } => Status::NoSignChange,
            Error::NoSolution { .. } => Status::NoRoot,
            _ => Status::Invalid,
        }
    }
}

/// Values and statuses of a batch, one of each per row; the value is NaN exactly where the
/// status says there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchResult {
    /// One value per row (NaN where there is none).
    pub values: Vec<f64>,
    /// One status per row.
    pub status: Vec<Status>,
}

/// Apply `metric` to each row of `values` (row-major, `row_len` values a row).
///
/// ```
/// use cleanprod::finance::{batch, irr, Status};
/// let rows = [-100.0, 110.0, /* */ 1.0, 2.0, /* */ -100.0, f64::NAN];
/// let r = batch(&rows, 2, |row| irr(row).map(|v| (v, Status::Ok))).unwrap();
/// assert!((r.values[0] - 0.1).abs() < 1e-12);
/// assert_eq!(r.status, vec![Status::Ok, Status::NoSignChange, Status::Invalid]);
/// assert!(r.values[1].is_nan() && r.values[2].is_nan());
/// ```
pub fn batch(
    values: &[f64],
    row_len: usize,
    metric: impl Fn(&[f64]) -> Result<(f64, Status)> + Sync,
) -> Result<BatchResult> {
    check_shape(values, row_len)?;
    Ok(fill_rows(values, row_len, true, |row| match metric(row) {
        Ok((v, s)) if v.is_finite() => (v, s),
        Ok((_, s)) if !s.has_value() => (f64::NAN, s),
        Ok(_) => (f64::NAN, Status::Invalid),
        Err(e) => (f64::NAN, Status::of_error(&e)),
    }))
}

impl std::fmt::Display for Status {
    /// The [`Status::name`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// `row_len` is positive and divides the number of values.
pub(crate) fn check_shape(values: &[f64], row_len: usize) -> Result<()> {
    if row_len == 0 || values.len() % row_len != 0 {
        return Err(Error::out_of_range(
            "row_len",
            row_len,
            format!(
                "must divide the number of values ({}) and be positive",
                values.len()
            ),
        ));
    }
    Ok(())
}

/// Values in a batch below which it runs on one thread.
#[cfg(not(target_family = "wasm"))]
const PARALLEL_MIN_VALUES: usize = 1 << 17;

/// `per_row` of every row, in order. On native targets, when `parallel`, large batches are
/// split across the available cores (each row is computed the same way whichever thread runs
/// it, so results do not depend on the split); metrics as cheap as an NPV are bound by memory
/// and gain nothing from threads.
pub(crate) fn fill_rows(
    values: &[f64],
    row_len: usize,
    parallel: bool,
    per_row: impl Fn(&[f64]) -> (f64, Status) + Sync,
) -> BatchResult {
    let rows = values.len() / row_len.max(1);
    let mut out = BatchResult {
        values: vec![f64::NAN; rows],
        status: vec![Status::Invalid; rows],
    };
    let fill = |input: &[f64], vals: &mut [f64], stats: &mut [Status]| {
        for ((row, v), s) in input.chunks_exact(row_len).zip(vals).zip(stats) {
            (*v, *s) = per_row(row);
        }
    };
    let threads = if parallel {
        threads_for(values.len()).min(rows.max(1))
    } else {
        1
    };
    if threads <= 1 {
        fill(values, &mut out.values, &mut out.status);
        return out;
    }
    #[cfg(not(target_family = "wasm"))]
    let per_thread = rows.div_ceil(threads);
    #[cfg(not(target_family = "wasm"))]
    std::thread::scope(|scope| {
        let parts = values
            .chunks(per_thread * row_len)
            .zip(out.values.chunks_mut(per_thread))
            .zip(out.status.chunks_mut(per_thread));
        for ((input, vals), stats) in parts {
            let fill = &fill;
            scope.spawn(move || fill(input, vals, stats));
        }
    });
    out
}

#[cfg(not(target_family = "wasm"))]
fn threads_for(values: usize) -> usize {
    if values < PARALLEL_MIN_VALUES {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

#[cfg(target_family = "wasm")]
fn threads_for(_values: usize) -> usize {
    1
}
