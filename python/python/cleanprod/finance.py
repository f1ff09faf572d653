"""Investment appraisal: NPV, IRR, MIRR, paybacks, time-value functions, dated flows, loans.

Conventions follow numpy-financial: a periodic series starts at t = 0, money paid out is
negative, and the time-value functions take numpy-financial's arguments in its order. Every
metric on cash flows also takes a 2-D array (one series per row) and then returns an array,
computed in Rust without the GIL; pass ``status=True`` to get the per-row status code too
(see :data:`STATUS` and :data:`STATUS_NAMES`). A row without a value gives NaN in a batch, and the scalar function
raises :class:`cleanprod.NoSolutionError` or returns ``None`` (a payback that never comes).

>>> from cleanprod import finance
>>> round(finance.irr([-100, 39, 59, 55, 20]), 5)
0.28095
"""

from __future__ import annotations

import datetime as _dt
import json
import warnings
from typing import Any, Literal, Sequence, Union, cast

import numpy as np
import numpy.typing as npt

from cleanprod import _cleanprod as _native
from cleanprod.errors import MultipleIrrWarning

__all__ = [
    "STATUS",
    "STATUS_NAMES",
    "benefit_cost_ratio",
    "cash_flows",
    "financing",
    "capital_recovery_factor",
    "discounted_payback",
    "fv",
    "ipmt",
    "irr",
    "irr_roots",
    "levelized_cost",
    "loan_schedule",
    "mirr",
    "npv",
    "nper",
    "payback",
    "pmt",
    "ppmt",
    "profitability_index",
    "pv",
    "rate",
    "xirr",
    "xnpv",
]

#: Meaning of the per-row status codes of a batch, in words (from the engine).
STATUS: dict[int, str] = {code: description for code, _, description in _native.statuses()}
#: Stable names of the per-row status codes of a batch (``"ok"``, ``"multiple"``,
#: ``"no_sign_change"``, ``"no_root"``, ``"invalid"``, ``"never"``), the same as JS's.
STATUS_NAMES: dict[int, str] = {code: name for code, name, _ in _native.statuses()}

Flows = Union[Sequence[float], npt.NDArray[np.float64]]
#: One series, or many as rows of a 2-D array or a list of lists.
Series = Union[Flows, Sequence[Sequence[float]]]
Batch = npt.NDArray[np.float64]
When = Literal["end", "begin", 0, 1]
DateLike = Union[str, _dt.date, np.datetime64]


def _is_batch(values: Any) -> bool:
    if isinstance(values, np.ndarray):
        if values.ndim > 2:
            raise ValueError(f"cash flows must be 1-D or 2-D (rows = series), not {values.ndim}-D")
        return values.ndim == 2
    return bool(len(values)) and isinstance(values[0], (Sequence, np.ndarray)) and not isinstance(
        values[0], str
    )


def _rows(values: Any) -> npt.NDArray[np.float64]:
    return np.ascontiguousarray(values, dtype=np.float64)


def _batch(result: tuple[Batch, npt.NDArray[np.uint8]], status: bool) -> Any:
    return result if status else result[0]


def _when(when: When) -> str:
    # The engine takes numpy-financial's names, and 0 and 1 as "0" and "1".
    if isinstance(when, str):
        return when
    return str(int(when)) if when in (0, 1) else str(when)


def npv(rate: float, values: Series, *, convention: Literal["numpy", "excel"] = "numpy", status: bool = False) -> Any:
    """Net present value at ``rate`` of flows at t = 0, 1, ... (``convention="excel"``: the
    first flow discounted once, as Excel's NPV)."""
    if _is_batch(values):
        return _batch(_native.npv_batch(rate, _rows(values), convention), status)
    return _native.npv(rate, cast(Flows, values), convention)


def irr(values: Series, guess: float = _native.DEFAULT_GUESS, *, status: bool = False) -> Any:
    """Internal rate of return.

    Flows that change sign once have one IRR. Flows that change sign more than once may have
    several: the one nearest ``guess`` is returned with a :class:`MultipleIrrWarning`, and
    :func:`irr_roots` gives them all. No IRR raises :class:`cleanprod.NoSolutionError`.
    """
    if _is_batch(values):
        return _batch(_native.irr_batch(_rows(values), guess), status)
    rate, _roots, _complete, warning = _native.irr(cast(Flows, values), guess)
    if warning is not None:
        warnings.warn(warning, MultipleIrrWarning, stacklevel=2)
    return rate


def irr_roots(values: Flows) -> list[float]:
    """Every internal rate of return found, ascending (see :func:`irr`)."""
    return _native.irr_roots(values)


def mirr(values: Series, finance_rate: float, reinvest_rate: float, *, status: bool = False) -> Any:
    """Modified IRR: outflows financed at ``finance_rate``, inflows reinvested at
    ``reinvest_rate`` (numpy-financial's ``mirr``)."""
    if _is_batch(values):
        return _batch(_native.mirr_batch(_rows(values), finance_rate, reinvest_rate), status)
    return _native.mirr(cast(Flows, values), finance_rate, reinvest_rate)


def payback(values: Series, *, status: bool = False) -> Any:
    """Periods until the cumulative flows first reach zero, interpolated within the period;
    ``None`` when they never do (NaN with status ``"never"`` in a batch)."""
    if _is_batch(values):
        return _batch(_native.payback_batch(_rows(values)), status)
    return _native.payback(cast(Flows, values))


def discounted_payback(rate: float, values: Series, *, status: bool = False) -> Any:
    """:func:`payback` of the flows discounted at ``rate``."""
    if _is_batch(values):
        return _batch(_native.discounted_payback_batch(rate, _rows(values)), status)
    return _native.discounted_payback(rate, cast(Flows, values))


def profitability_index(rate: float, values: Series, *, status: bool = False) -> Any:
    """Present value of the flows after t = 0 per unit invested at t = 0."""
    if _is_batch(values):
        return _batch(_native.profitability_index_batch(rate, _rows(values)), status)
    return _native.profitability_index(rate, cast(Flows, values))


def benefit_cost_ratio(rate: float, benefits: Flows, costs: Flows) -> float:
    """Present value of ``benefits`` over present value of ``costs`` (both positive, from t = 0)."""
    return _native.benefit_cost_ratio(rate, benefits, costs)


def capital_recovery_factor(rate: float, periods: float) -> float:
    """Level payment per period over ``periods`` that repays 1 at ``rate``."""
    return _native.capital_recovery_factor(rate, periods)


def levelized_cost(
    rate: float, periods: float, investment: float, saving_per_period: float, om_change_per_period: float = 0.0
) -> float:
    """Levelized cost of the conserved resource, money per unit of ``saving_per_period``
    (investment annualized with the capital recovery factor, plus the O&M change)."""
    return _native.levelized_cost(rate, periods, investment, saving_per_period, om_change_per_period)


def _vectorized(fn: Any, *args: Any) -> Any:
    if all(np.ndim(a) == 0 for a in args):
        return fn(*args)
    return np.vectorize(fn, otypes=[np.float64])(*args)


def pmt(rate: Any, nper: Any, pv: Any, fv: Any = 0, when: When = "end") -> Any:
    """Payment per period (numpy-financial's ``pmt``); arrays broadcast."""
    return _vectorized(lambda r, n, p, f: _native.pmt(r, n, p, f, _when(when)), rate, nper, pv, fv)


def pv(rate: Any, nper: Any, pmt: Any, fv: Any = 0, when: When = "end") -> Any:
    """Present value (numpy-financial's ``pv``); arrays broadcast."""
    return _vectorized(lambda r, n, p, f: _native.pv(r, n, p, f, _when(when)), rate, nper, pmt, fv)


def fv(rate: Any, nper: Any, pmt: Any, pv: Any, when: When = "end") -> Any:
    """Future value (numpy-financial's ``fv``); arrays broadcast."""
    return _vectorized(lambda r, n, p, v: _native.fv(r, n, p, v, _when(when)), rate, nper, pmt, pv)


def nper(rate: Any, pmt: Any, pv: Any, fv: Any = 0, when: When = "end") -> Any:
    """Number of periods (numpy-financial's ``nper``); arrays broadcast."""
    return _vectorized(lambda r, p, v, f: _native.nper(r, p, v, f, _when(when)), rate, pmt, pv, fv)


def rate(nper: Any, pmt: Any, pv: Any, fv: Any = 0, when: When = "end") -> Any:
    """Rate per period (numpy-financial's ``rate``), solved with the bracketed IRR solver."""
    return _vectorized(lambda n, p, v, f: _native.rate(n, p, v, f, _when(when)), nper, pmt, pv, fv)


def ipmt(rate: Any, per: Any, nper: Any, pv: Any, fv: Any = 0, when: When = "end") -> Any:
    """Interest part of payment ``per`` (1-based; numpy-financial's ``ipmt``)."""
    return _vectorized(lambda r, k, n, v, f: _native.ipmt(r, k, n, v, f, _when(when)), rate, per, nper, pv, fv)


def ppmt(rate: Any, per: Any, nper: Any, pv: Any, fv: Any = 0, when: When = "end") -> Any:
    """Principal part of payment ``per`` (1-based; numpy-financial's ``ppmt``)."""
    return _vectorized(lambda r, k, n, v, f: _native.ppmt(r, k, n, v, f, _when(when)), rate, per, nper, pv, fv)


_EPOCH = _dt.date(1970, 1, 1)


def _days(dates: Sequence[DateLike]) -> list[int]:
    out = []
    for d in dates:
        if isinstance(d, np.datetime64):
            d = d.astype("datetime64[D]").astype(object)
        if isinstance(d, str):
            d = _dt.date.fromisoformat(d)
        if isinstance(d, _dt.datetime):
            d = d.date()
        if not isinstance(d, _dt.date):
            raise TypeError(f"dates must be dates or ISO strings, not {type(d).__name__}")
        out.append((d - _EPOCH).days)
    return out


DayCountName = Literal["act/365f", "act/365", "act/360", "30/360"]


def xnpv(rate: float, dates: Sequence[DateLike], amounts: Flows, *, day_count: DayCountName = "act/365f") -> float:
    """Net present value of dated flows from the first date; actual/365 by default (Excel's
    XNPV), or ``day_count="act/360"`` or ``"30/360"``."""
    return _native.xnpv(rate, _days(dates), amounts, day_count)


def xirr(
    dates: Sequence[DateLike],
    amounts: Flows,
    guess: float = _native.DEFAULT_GUESS,
    *,
    day_count: DayCountName = "act/365f",
) -> float:
    """Rate per year that makes :func:`xnpv` zero (pyxirr's argument order; Excel's XIRR);
    several rates give a :class:`MultipleIrrWarning` as :func:`irr` does."""
    rate, _roots, _complete, warning = _native.xirr(_days(dates), amounts, guess, day_count)
    if warning is not None:
        warnings.warn(warning, MultipleIrrWarning, stacklevel=2)
    return rate


def loan_schedule(
    principal: float,
    annual_rate: float,
    years: float,
    payments_per_year: int = _native.DEFAULT_PAYMENTS_PER_YEAR,
    grace_periods: int = 0,
    grace: Literal["interest_only", "capitalized"] = "interest_only",
) -> dict[str, npt.NDArray[Any]]:
    """Amortization schedule of a level-payment loan after an optional grace period, as
    columns (``pandas.DataFrame(loan_schedule(...))`` makes a table)."""
    cols = _native.loan_schedule(principal, annual_rate, years, payments_per_year, grace_periods, grace)
    names = ("period", "payment", "interest", "principal", "balance")
    return {n: np.asarray(c) for n, c in zip(names, cols)}


def cash_flows(
    capex: Union[float, Sequence[float]],
    savings: Union[dict[str, float], dict[str, tuple[float, float]]],
    years: int,
    *,
    om_change: float = 0.0,
    salvage: float = 0.0,
    first_saving_year: int = 1,
    inflation: float = 0.0,
    basis: Literal["real", "nominal"] = "real",
    tax_rate: Union[float, None] = None,
    depreciation_years: Union[int, None] = None,
) -> dict[str, Any]:
    """Yearly cash flows of an option, years 0 to ``years``: ``net`` and by component.

    ``capex`` is spent in year 0 (or in years 0, 1, ... for a sequence); ``savings`` maps each
    commodity to its saving per year at today's prices, or to ``(per_year, real_escalation)``.
    With ``basis="nominal"`` every amount is escalated by ``inflation``. ``tax_rate`` and
    ``depreciation_years`` together apply profit tax with straight-line depreciation.
    """
    streams = []
    for name, v in savings.items():
        per_year, escalation = v if isinstance(v, tuple) else (v, 0.0)
        streams.append({"name": name, "per_year": per_year, "escalation": escalation})
    plan: dict[str, Any] = {
        "capex": [capex] if np.ndim(capex) == 0 else list(cast(Sequence[float], capex)),
        "savings": streams,
        "om_change": om_change,
        "salvage": salvage,
        "years": years,
        "first_saving_year": first_saving_year,
        "inflation": inflation,
        "basis": basis,
    }
    if tax_rate is not None or depreciation_years is not None:
        plan["tax"] = {"rate": tax_rate, "depreciation_years": depreciation_years}
    out: dict[str, Any] = json.loads(_native.cash_flows(json.dumps(plan, allow_nan=False)))
    out["savings"] = {name: np.asarray(flows) for name, flows in out["savings"]}
    for key in ("net", "capex", "om", "salvage", "tax"):
        out[key] = np.asarray(out[key])
    return out


def financing(project: Flows, capex: float, **terms: Any) -> dict[str, Any]:
    """The owner's cash flows when ``loan_share`` of the year-0 investment ``capex`` is
    borrowed (``annual_rate``, ``loan_years``, ``payments_per_year``, ``grace_periods``,
    ``capitalize_grace``), ``grant_share`` is granted and a ``guarantee_fee`` is charged on the
    outstanding balance: ``equity`` flows, ``debt_service``, ``dscr`` (None where nothing is
    due), and the project and equity IRRs."""
    out: dict[str, Any] = json.loads(
        _native.financing(project, capex, json.dumps(terms, allow_nan=False))
    )
    for key in ("debt_service", "guarantee_fees", "equity"):
        out[key] = np.asarray(out[key])
    return out
