"""Investment appraisal: NPV, IRR, MIRR, paybacks, time-value functions, dated flows, loans.

Conventions follow numpy-financial: a periodic series starts at t = 0, money paid out is
negative, and the time-value functions take numpy-financial's arguments in its order.

Inputs are whatever numpy reads as numbers: lists, tuples, numpy arrays of any numeric dtype,
pandas Series and DataFrames (by position, never by label). Every metric on cash flows also
takes many series at once, computed in Rust without the GIL: a 2-D array or a list of lists
(one series per row) gives a numpy array, a DataFrame gives a Series indexed like its rows.
Pass ``status=True`` to get the status code of each series too (see :data:`STATUS` and
:data:`STATUS_NAMES`). A series without a value gives NaN in a batch, and the scalar function
raises :class:`cleanprod.NoSolutionError` or returns ``None`` (a payback that never comes).

The time-value functions (:func:`pmt`, :func:`pv`, :func:`fv`, :func:`nper`, :func:`rate`,
:func:`ipmt`, :func:`ppmt`) broadcast their arguments as numpy does, ``when`` included; an
element that has no value (a NaN argument, a loan never repaid) is NaN in the result, as in
numpy-financial, and a Series argument gives a Series with its index.

Examples
--------
>>> from cleanprod import finance
>>> round(finance.irr([-100, 39, 59, 55, 20]), 5)
0.28095
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import sys as _sys
import warnings as _warnings
from typing import TYPE_CHECKING, Any, Literal, Optional, Sequence, Union, cast, overload

import numpy as _np
import numpy.typing as _npt

from cleanprod import _cleanprod as _native
from cleanprod.errors import InvalidArgumentError as _InvalidArgumentError
from cleanprod.errors import MultipleIrrWarning as _MultipleIrrWarning

if TYPE_CHECKING:  # pandas is optional: imported for the annotations only
    import pandas as _pd  # type: ignore[import-untyped, unused-ignore]

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


def __dir__() -> list[str]:
    """The public names only (``dir(cleanprod.finance)``)."""
    return sorted(__all__)


#: Meaning of the per-row status codes of a batch, in words (from the engine).
STATUS: dict[int, str] = {code: description for code, _, description in _native.statuses()}
#: Stable names of the per-row status codes of a batch (``"ok"``, ``"multiple"``,
#: ``"no_sign_change"``, ``"no_root"``, ``"invalid"``, ``"never"``), the same as JS's.
STATUS_NAMES: dict[int, str] = {code: name for code, name, _ in _native.statuses()}

#: One cash-flow series: a sequence of numbers, a 1-D array or a pandas Series.
Flows = Union[Sequence[float], _npt.NDArray[Any], Any]
#: One series, or many as rows of a 2-D array, a list of lists or a pandas DataFrame.
FlowsOrRows = Union[Flows, Sequence[Sequence[float]]]
#: A number, or an array-like of numbers (a list, a numpy array, a pandas Series).
ArrayLike = Union[float, Sequence[float], _npt.NDArray[Any], Any]
When = Union[Literal["end", "begin", 0, 1], Sequence[Any], _npt.NDArray[Any], Any]
#: One series as the functions on one series take it (a scalar result).
OneSeries = Union[Sequence[float], "_pd.Series[Any]"]
#: What a function of this module returns in general: a float for one series or scalar
#: arguments (None: a payback never reached), an array for rows of an array or array
#: arguments, a Series for a DataFrame's rows or a Series argument (for an array of rates, a
#: 2-D array or a DataFrame). The overloads say which for the common cases.
Metric = Union[float, None, _npt.NDArray[_np.float64], "_pd.Series[float]", "_pd.DataFrame"]
#: The same with ``status=True``: the result and the status code of each element.
MetricWithStatus = tuple[Metric, Union[int, _npt.NDArray[Any], "_pd.Series[int]", "_pd.DataFrame"]]
_Either = Union[Metric, MetricWithStatus]
DateLike = Union[str, _dt.date, _np.datetime64]


def _pandas_kind(x: Any) -> Optional[str]:
    """``"series"``, ``"frame"`` or None; never imports pandas (a user holding a pandas
    object has imported it)."""
    pd = _sys.modules.get("pandas")
    if pd is None:
        return None
    if isinstance(x, pd.Series):
        return "series"
    if isinstance(x, pd.DataFrame):
        return "frame"
    return None


def _numbers(x: Any, name: str) -> _npt.NDArray[_np.float64]:
    """``x`` as a float64 array (by position for pandas objects), or InvalidArgumentError."""
    try:
        if _pandas_kind(x) is not None:
            return cast(_npt.NDArray[_np.float64], x.to_numpy(dtype=_np.float64))
        return _np.asarray(x, dtype=_np.float64)
    except (TypeError, ValueError, OverflowError) as e:
        raise _InvalidArgumentError(
            f"{name} must be numbers (a number, list, numpy array or pandas object): {e}",
            "invalid_argument",
            name,
            _short(x),
        ) from None


def _short(x: Any) -> str:
    text = repr(x)
    return text if len(text) <= 80 else text[:77] + "..."


def _number(x: Any, name: str) -> float:
    """A scalar argument as a float, or InvalidArgumentError."""
    a = _numbers(x, name)
    if a.ndim != 0:
        raise _InvalidArgumentError(
            f"{name} must be one number, not an array of shape {a.shape}", "invalid_argument", name, _short(x)
        )
    return float(a)


def _flows(values: Any, name: str = "values") -> tuple[_npt.NDArray[_np.float64], Any]:
    """Cash flows as a C-contiguous 1-D (one series) or 2-D (rows) float64 array, and the
    index of a DataFrame's rows (None otherwise)."""
    a = _np.ascontiguousarray(_numbers(values, name))
    if a.ndim == 0 or a.ndim > 2:
        raise _InvalidArgumentError(
            f"{name} must be 1-D (one series) or 2-D (rows = series), not {a.ndim}-D",
            "invalid_argument",
            name,
            _short(values),
        )
    index = values.index if _pandas_kind(values) == "frame" else None
    return a, index


def _out(
    result: tuple[_npt.NDArray[_np.float64], _npt.NDArray[_np.uint8]],
    one: bool,
    index: Any,
    status: bool,
    name: str,
) -> _Either:
    """A batch result as the caller expects it: one series gives a float (and its status
    code), rows give arrays, a DataFrame's rows give Series with its index."""
    values, codes = result
    if one:
        return cast(_Either, (float(values[0]), int(codes[0])) if status else float(values[0]))
    if index is not None:
        pd = _sys.modules["pandas"]
        values = pd.Series(values, index=index, name=name)
        codes = pd.Series(codes, index=index, name="status")
    return cast(_Either, (values, codes) if status else values)


def _guess(guess: Optional[float]) -> float:
    return _native.DEFAULT_GUESS if guess is None else _number(guess, "guess")


def _per_row(
    name: str,
    values: Any,
    status: bool,
    scalar: Any,
    batch: Any,
) -> _Either:
    """Run ``scalar`` on one series or ``batch`` on rows; ``status=True`` on one series runs
    the batch form on one row."""
    a, index = _flows(values)
    if a.ndim == 1 and not status:
        return cast(_Either, scalar(a))
    rows = a.reshape(1, -1) if a.ndim == 1 else a
    return _out(batch(rows), a.ndim == 1, index, status, name)


@overload
def npv(
    rate: float,
    values: OneSeries,
    *,
    convention: Literal["numpy", "excel"] = "numpy",
    status: Literal[False] = False,
) -> float: ...
@overload
def npv(
    rate: float,
    values: _pd.DataFrame,
    *,
    convention: Literal["numpy", "excel"] = "numpy",
    status: Literal[False] = False,
) -> _pd.Series[float]: ...
@overload
def npv(
    rate: ArrayLike,
    values: FlowsOrRows,
    *,
    convention: Literal["numpy", "excel"] = "numpy",
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def npv(
    rate: ArrayLike,
    values: FlowsOrRows,
    *,
    convention: Literal["numpy", "excel"] = "numpy",
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def npv(
    rate: ArrayLike,
    values: FlowsOrRows,
    *,
    convention: Literal["numpy", "excel"] = "numpy",
    status: bool = False,
) -> Union[Metric, MetricWithStatus]:
    """Net present value at ``rate`` of flows at t = 0, 1, ...

    Parameters
    ----------
    rate : float or array-like
        Discount rate per period (0.08 for 8 %). An array of rates gives one NPV per rate
        (numpy-financial's broadcasting): a 1-D array for one series, a 2-D array
        (rates × rows) for rows.
    values : array-like
        One series (list, tuple, 1-D array, Series) or many (2-D array, list of lists,
        DataFrame: one series per row).
    convention : {"numpy", "excel"}
        ``"numpy"``: the first flow at t = 0; ``"excel"``: discounted once, as Excel's NPV.
    status : bool
        Also return the status code of each series.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Money, in the unit of ``values``. A Series indexed like the DataFrame's rows, or like
        ``rate`` when it is a Series.

    Raises
    ------
    InvalidValueError
        A NaN in one series, a rate at or below -100 %.
    InvalidArgumentError
        ``values`` that are not numbers, or a 3-D array.

    Examples
    --------
    >>> import pandas as pd
    >>> from cleanprod import finance
    >>> round(finance.npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000]), 5)
    3065.22267
    >>> df = pd.DataFrame([[-100, 39, 59, 55, 20], [-100, 50, 60, 0, 0]], index=["a", "b"])
    >>> finance.npv(0.1, df).round(3)
    a    39.197
    b    -4.959
    Name: npv, dtype: float64
    """
    if _np.ndim(rate) == 0:
        r = _number(rate, "rate")
        return _per_row(
            "npv",
            values,
            status,
            lambda a: _native.npv(r, a, convention),
            lambda rows: _native.npv_batch(r, rows, convention),
        )
    rates = _numbers(rate, "rate")
    if rates.ndim != 1:
        raise _InvalidArgumentError(
            f"rate must be one rate or a 1-D array of rates, not {rates.ndim}-D", "invalid_argument", "rate", _short(rate)
        )
    a, index = _flows(values)
    rows = a.reshape(1, -1) if a.ndim == 1 else a
    results = [_native.npv_batch(float(r), rows, convention) for r in rates]
    vals = _np.array([v for v, _ in results]).reshape(len(rates), rows.shape[0])
    codes = _np.array([c for _, c in results]).reshape(len(rates), rows.shape[0])
    if a.ndim == 1:
        vals, codes = vals[:, 0], codes[:, 0]
    pd = _sys.modules.get("pandas")
    rate_index = cast(Any, rate).index if _pandas_kind(rate) == "series" else None
    if pd is not None and (rate_index is not None or index is not None):
        if a.ndim == 1:
            vals, codes = pd.Series(vals, index=rate_index, name="npv"), pd.Series(codes, index=rate_index, name="status")
        else:
            vals = pd.DataFrame(vals, index=rate_index, columns=index)
            codes = pd.DataFrame(codes, index=rate_index, columns=index)
    return (vals, codes) if status else vals


@overload
def irr(
    values: OneSeries,
    guess: Optional[float] = None,
    *,
    status: Literal[False] = False,
) -> float: ...
@overload
def irr(
    values: _pd.DataFrame,
    guess: Optional[float] = None,
    *,
    status: Literal[False] = False,
) -> _pd.Series[float]: ...
@overload
def irr(
    values: FlowsOrRows,
    guess: Optional[float] = None,
    *,
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def irr(
    values: FlowsOrRows,
    guess: Optional[float] = None,
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def irr(
    values: FlowsOrRows,
    guess: Optional[float] = None,
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]:
    """Internal rate of return.

    Flows that change sign once have one IRR. Flows that change sign more than once may have
    several: the one nearest ``guess`` is returned with a :class:`MultipleIrrWarning`, and
    :func:`irr_roots` gives them all. No IRR raises :class:`cleanprod.NoSolutionError`.

    Parameters
    ----------
    values : array-like
        One series, or many as rows (2-D array, list of lists, DataFrame).
    guess : float, optional
        Where several IRRs exist, the one nearest this is returned (default 0.1).
    status : bool
        Also return the status code (1: one of several roots; 2: no sign change...).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        The rate per period (0.1 is 10 %); per row for rows (NaN where there is none).

    Examples
    --------
    >>> import pandas as pd
    >>> from cleanprod import finance
    >>> s = pd.Series([-100, 39, 59, 55, 20], index=range(2025, 2030))
    >>> round(finance.irr(s), 5)
    0.28095
    >>> finance.irr([1, 2, 3], status=True)
    (nan, 2)
    """
    g = _guess(guess)

    def one(a: _npt.NDArray[_np.float64]) -> float:
        r, _roots, _complete, warning = _native.irr(a, g)
        if warning is not None:
            _warnings.warn(warning, _MultipleIrrWarning, stacklevel=4)  # the caller of irr
        return r

    return _per_row("irr", values, status, one, lambda rows: _native.irr_batch(rows, g))


def irr_roots(values: Flows) -> list[float]:
    """Every internal rate of return of one series, ascending (see :func:`irr`).

    Parameters
    ----------
    values : array-like
        One series of cash flows from t = 0.

    Returns
    -------
    list of float
        The rates per period (0.1 is 10 %); empty when the flows never change sign.

    Raises
    ------
    InvalidArgumentError
        ``values`` that are not numbers, or not 1-D or 2-D.

    Examples
    --------
    >>> from cleanprod import finance
    >>> [round(r, 9) for r in finance.irr_roots([-1.0, 2.3, -1.32])]
    [0.1, 0.2]
    """
    a, _ = _flows(values)
    return _native.irr_roots(a)


@overload
def mirr(
    values: OneSeries,
    finance_rate: float,
    reinvest_rate: float,
    *,
    status: Literal[False] = False,
) -> float: ...
@overload
def mirr(
    values: _pd.DataFrame,
    finance_rate: float,
    reinvest_rate: float,
    *,
    status: Literal[False] = False,
) -> _pd.Series[float]: ...
@overload
def mirr(
    values: FlowsOrRows,
    finance_rate: float,
    reinvest_rate: float,
    *,
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def mirr(
    values: FlowsOrRows,
    finance_rate: float,
    reinvest_rate: float,
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def mirr(
    values: FlowsOrRows,
    finance_rate: float,
    reinvest_rate: float,
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]:
    """Modified internal rate of return (numpy-financial's ``mirr``).

    Outflows are financed at ``finance_rate`` and inflows reinvested at ``reinvest_rate``.

    Parameters
    ----------
    values : array-like
        One series of cash flows from t = 0 (list, tuple, 1-D array, Series), or many as
        rows (2-D array, list of lists, DataFrame: one series per row).
    finance_rate : float
        Rate per period paid on the money invested (0.1 for 10 %).
    reinvest_rate : float
        Rate per period earned on the money returned.
    status : bool, default False
        Also return the status code of each series (see :data:`STATUS_NAMES`).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        The rate per period (0.1 is 10 %) for one series; per row for rows (NaN where there
        is none), a Series
        indexed like a DataFrame's rows. With ``status=True``, a pair (result, status).

    Raises
    ------
    NoSolutionError
        One series without both an outflow and an inflow.
    InvalidArgumentError
        ``values`` that are not numbers, or not 1-D or 2-D.

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.mirr([-120_000, 39_000, 30_000, 21_000, 37_000, 46_000], 0.10, 0.12), 4)
    0.1261
    """
    f, r = _number(finance_rate, "finance_rate"), _number(reinvest_rate, "reinvest_rate")
    return _per_row(
        "mirr", values, status, lambda a: _native.mirr(a, f, r), lambda rows: _native.mirr_batch(rows, f, r)
    )


@overload
def payback(values: OneSeries, *, status: Literal[False] = False) -> Optional[float]: ...
@overload
def payback(values: _pd.DataFrame, *, status: Literal[False] = False) -> _pd.Series[float]: ...
@overload
def payback(values: FlowsOrRows, *, status: Literal[True]) -> MetricWithStatus: ...
@overload
def payback(values: FlowsOrRows, *, status: bool = False) -> Union[Metric, MetricWithStatus]: ...

def payback(values: FlowsOrRows, *, status: bool = False) -> Union[Metric, MetricWithStatus]:
    """Simple payback: periods until the cumulative flows first reach zero.

    Interpolated within the period in which they cross zero.

    Parameters
    ----------
    values : array-like
        One series of cash flows from t = 0 (list, tuple, 1-D array, Series), or many as
        rows (2-D array, list of lists, DataFrame: one series per row).
    status : bool, default False
        Also return the status code of each series (see :data:`STATUS_NAMES`).

    Returns
    -------
    float, None, numpy.ndarray or pandas.Series
        Periods (years for yearly flows); ``None`` for one series whose cumulative flows never
        reach zero, NaN with status ``"never"`` for such a row.

    Raises
    ------
    InvalidArgumentError
        ``values`` that are not numbers, or not 1-D or 2-D.

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.payback([-100, 50, 60]), 4)
    1.8333
    >>> finance.payback([-100, 30, 30]) is None
    True
    """
    return _per_row("payback", values, status, _native.payback, _native.payback_batch)


@overload
def discounted_payback(
    rate: float,
    values: OneSeries,
    *,
    status: Literal[False] = False,
) -> Optional[float]: ...
@overload
def discounted_payback(
    rate: float,
    values: _pd.DataFrame,
    *,
    status: Literal[False] = False,
) -> _pd.Series[float]: ...
@overload
def discounted_payback(
    rate: float,
    values: FlowsOrRows,
    *,
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def discounted_payback(
    rate: float,
    values: FlowsOrRows,
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def discounted_payback(
    rate: float,
    values: FlowsOrRows,
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]:
    """:func:`payback` of the flows discounted at ``rate``.

    Parameters
    ----------
    rate : float
        Discount rate per period (0.1 for 10 %).
    values : array-like
        One series of cash flows from t = 0 (list, tuple, 1-D array, Series), or many as
        rows (2-D array, list of lists, DataFrame: one series per row).
    status : bool, default False
        Also return the status code of each series (see :data:`STATUS_NAMES`).

    Returns
    -------
    float, None, numpy.ndarray or pandas.Series
        Periods (years for yearly flows); ``None`` (NaN in a batch) when never reached.

    Raises
    ------
    InvalidArgumentError
        ``values`` that are not numbers, or not 1-D or 2-D.

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.discounted_payback(0.1, [-100, 60, 60]), 4)
    1.9167
    """
    r = _number(rate, "rate")
    return _per_row(
        "discounted_payback",
        values,
        status,
        lambda a: _native.discounted_payback(r, a),
        lambda rows: _native.discounted_payback_batch(r, rows),
    )


@overload
def profitability_index(
    rate: float,
    values: OneSeries,
    *,
    status: Literal[False] = False,
) -> float: ...
@overload
def profitability_index(
    rate: float,
    values: _pd.DataFrame,
    *,
    status: Literal[False] = False,
) -> _pd.Series[float]: ...
@overload
def profitability_index(
    rate: float,
    values: FlowsOrRows,
    *,
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def profitability_index(
    rate: float,
    values: FlowsOrRows,
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def profitability_index(
    rate: float,
    values: FlowsOrRows,
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]:
    """Present value of the flows after t = 0 per unit invested at t = 0.

    Parameters
    ----------
    rate : float
        Discount rate per period (0.1 for 10 %).
    values : array-like
        One series of cash flows from t = 0 (list, tuple, 1-D array, Series), or many as
        rows (2-D array, list of lists, DataFrame: one series per row).
    status : bool, default False
        Also return the status code of each series (see :data:`STATUS_NAMES`).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A ratio (1.2: 1.20 back per 1 invested) for one series; per row for rows (NaN where
        there is none), a Series
        indexed like a DataFrame's rows. With ``status=True``, a pair (result, status).

    Raises
    ------
    NoSolutionError
        One series whose flow at t = 0 is not an investment.
    InvalidArgumentError
        ``values`` that are not numbers, or not 1-D or 2-D.

    Examples
    --------
    >>> from cleanprod import finance
    >>> finance.profitability_index(0.0, [-100, 60, 60])
    1.2
    """
    r = _number(rate, "rate")
    return _per_row(
        "profitability_index",
        values,
        status,
        lambda a: _native.profitability_index(r, a),
        lambda rows: _native.profitability_index_batch(r, rows),
    )


def _series(values: Any, name: str) -> _npt.NDArray[_np.float64]:
    """One series as a 1-D float64 array (a 2-D input is an InvalidArgumentError)."""
    a, _ = _flows(values, name)
    if a.ndim != 1:
        raise _InvalidArgumentError(
            f"{name} must be one series (1-D), not {a.ndim}-D", "invalid_argument", name, _short(values)
        )
    return a


def benefit_cost_ratio(rate: float, benefits: Flows, costs: Flows) -> float:
    """Present value of ``benefits`` over present value of ``costs``.

    Parameters
    ----------
    rate : float
        Discount rate per period (0.1 for 10 %).
    benefits : array-like
        Benefits per period from t = 0, as positive amounts.
    costs : array-like
        Costs per period from t = 0, as positive amounts (same money unit).

    Returns
    -------
    float
        The ratio (above 1: the benefits outweigh the costs).

    Raises
    ------
    InvalidArgumentError
        Arguments that are not one series of numbers each.

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.benefit_cost_ratio(0.0, [0, 60, 60], [100, 0, 0]), 2)
    1.2
    """
    return _native.benefit_cost_ratio(
        _number(rate, "rate"), _series(benefits, "benefits"), _series(costs, "costs")
    )


def capital_recovery_factor(rate: float, periods: float) -> float:
    """Level payment per period over ``periods`` that repays 1 at ``rate``.

    Parameters
    ----------
    rate : float
        Rate per period (0.05 for 5 %).
    periods : float
        Number of periods (years for a yearly rate).

    Returns
    -------
    float
        Payment per period per unit of principal (1/period).

    Raises
    ------
    InvalidValueError
        A rate at or below -100 % or periods not above zero.

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.capital_recovery_factor(0.05, 10), 7)
    0.1295046
    """
    return _native.capital_recovery_factor(_number(rate, "rate"), _number(periods, "periods"))


def levelized_cost(
    rate: float, periods: float, investment: float, saving_per_period: float, om_change_per_period: float = 0.0
) -> float:
    """Levelized cost of the resource an option conserves.

    The investment annualized with the capital recovery factor, plus the O&M change per
    period, divided by the amount saved per period.

    Parameters
    ----------
    rate : float
        Discount rate per period (0.08 for 8 %).
    periods : float
        Lifetime in periods (years).
    investment : float
        Money invested at t = 0.
    saving_per_period : float
        Amount of the resource saved per period (m3, kWh...).
    om_change_per_period : float, default 0.0
        Change of operating and maintenance cost per period (money; positive: dearer).

    Returns
    -------
    float
        Money per unit of the resource saved (MXN/m3 for money in MXN and water in m3).

    Raises
    ------
    InvalidValueError
        A saving that is not above zero, or periods not above zero.

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.levelized_cost(0.0, 10, 1000, 50), 2)  # 100 a year for 50 m3
    2.0
    """
    return _native.levelized_cost(
        _number(rate, "rate"),
        _number(periods, "periods"),
        _number(investment, "investment"),
        _number(saving_per_period, "saving_per_period"),
        _number(om_change_per_period, "om_change_per_period"),
    )


def _when_codes(when: Any) -> Any:
    """``when`` as a name the engine reads (a scalar) or an array of its codes (0 end, 1
    begin); names are read by the engine, which refuses unknown ones naming ``when``."""
    if isinstance(when, str) or _np.ndim(when) == 0:
        if isinstance(when, (bool, _np.bool_)):
            raise _InvalidArgumentError(
                "when must be \"end\", \"begin\", 0 or 1, not a boolean", "invalid_argument", "when", repr(when)
            )
        if isinstance(when, str):
            return when
        w = when.item() if isinstance(when, _np.generic) else when
        # numpy-financial's 0 and 1 (1.0 too) as the engine's names "0" and "1"
        return str(int(w)) if isinstance(w, (int, float)) and w in (0, 1) else str(w)
    a = when.to_numpy() if _pandas_kind(when) is not None else _np.asarray(when)
    if a.dtype.kind in "OUS":
        names = {str(v): float(_native.when_code(str(v))) for v in _np.unique(a.astype(str))}
        return _np.vectorize(lambda v: names[str(v)], otypes=[_np.float64])(a)
    return _numbers(a, "when")


def _time_value(
    name: str, args: tuple[tuple[str, Any], ...], when: Any, guess: float, status: bool
) -> _Either:
    """A time-value function over broadcast arguments: one call of the engine for a scalar
    (its errors raised), its batch form for arrays (NaN and a status where no value)."""
    w = _when_codes(when)
    if isinstance(w, str) and all(_np.ndim(v) == 0 for _, v in args):
        values = [_number(v, n) for n, v in args]
        if name == "rate":
            result: float = _native.rate(values[0], values[1], values[2], values[3], w, guess)
        else:
            result = getattr(_native, name)(*values, w)
        if status:
            return (result, 0)
        return cast(_Either, result)
    arrays = [_numbers(v, n) for n, v in args]
    codes = _np.float64(_native.when_code(w)) if isinstance(w, str) else w
    try:
        columns = _np.broadcast_arrays(*arrays, codes)
    except ValueError:
        shapes = ", ".join(f"{n} {a.shape}" for (n, _), a in zip(args, arrays))
        raise _InvalidArgumentError(
            f"the arguments of {name} do not broadcast together: {shapes}, when {_np.shape(codes)}",
            "invalid_argument",
            args[0][0],
            None,
        ) from None
    shape = columns[0].shape
    rows = _np.ascontiguousarray(_np.stack([c.ravel() for c in columns], axis=1), dtype=_np.float64)
    values_, codes_ = _native.time_value_batch(name, rows, guess)
    out_values: Any = values_.reshape(shape)
    out_codes: Any = codes_.reshape(shape)
    if len(shape) == 1:
        for _, v in (*args, ("when", when)):
            if _pandas_kind(v) == "series" and len(v) == shape[0]:
                pd = _sys.modules["pandas"]
                out_values = pd.Series(out_values, index=v.index, name=name)
                out_codes = pd.Series(out_codes, index=v.index, name="status")
                break
    return cast(_Either, (out_values, out_codes) if status else out_values)


_TVM_DOC = """

    Notes
    -----
    Arguments broadcast as numpy's do (``when`` too). With arrays, an element without a value
    (a NaN argument, no solution) is NaN and the others are computed, as numpy-financial
    does. With scalars, a bad argument raises (naming it) and a missing solution raises
    :class:`cleanprod.NoSolutionError`.
"""


@overload
def pmt(
    rate: float,
    nper: float,
    pv: float,
    fv: float = 0,
    when: Union[Literal["end", "begin", 0, 1], str] = "end",
    *,
    status: Literal[False] = False,
) -> float: ...
@overload
def pmt(
    rate: ArrayLike,
    nper: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def pmt(
    rate: ArrayLike,
    nper: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def pmt(
    rate: ArrayLike, nper: ArrayLike, pv: ArrayLike, fv: ArrayLike = 0, when: When = "end", *, status: bool = False
) -> Union[Metric, MetricWithStatus]:
    """Payment per period taking ``pv`` to ``fv`` in ``nper`` periods (numpy-financial's ``pmt``).

    Parameters
    ----------
    rate : float or array-like
        Rate per period (0.08 / 12 for 8 % a year paid monthly).
    nper : float or array-like
        Number of periods.
    pv : float or array-like
        Present value (money received positive).
    fv : float or array-like, default 0
        Future value after the last period.
    when : {"end", "begin", 0, 1} or array-like, default "end"
        Payments at the end or the beginning of each period.
    status : bool, default False
        Also return each element's status code (see :data:`STATUS_NAMES`).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Money per period, paid out negative (in the unit of ``pv``). An array for array
        arguments, a Series with the index of a Series argument; with ``status=True``, a
        pair (result, status).

    Raises
    ------
    InvalidArgumentError
        An argument that is not numbers, arrays that do not broadcast, an unknown ``when``.
    NoSolutionError
        Scalar arguments without a solution (an array gives NaN there).

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.pmt(0.08 / 12, 5 * 12, 15_000), 3)
    -304.146
    >>> finance.pmt([0.08 / 12, float("nan")], 60, 15_000).round(3)
    array([-304.146,      nan])
    """
    return _time_value("pmt", (("rate", rate), ("nper", nper), ("pv", pv), ("fv", fv)), when, 0.1, status)


@overload
def pv(
    rate: float,
    nper: float,
    pmt: float,
    fv: float = 0,
    when: Union[Literal["end", "begin", 0, 1], str] = "end",
    *,
    status: Literal[False] = False,
) -> float: ...
@overload
def pv(
    rate: ArrayLike,
    nper: ArrayLike,
    pmt: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def pv(
    rate: ArrayLike,
    nper: ArrayLike,
    pmt: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def pv(
    rate: ArrayLike, nper: ArrayLike, pmt: ArrayLike, fv: ArrayLike = 0, when: When = "end", *, status: bool = False
) -> Union[Metric, MetricWithStatus]:
    """Present value of ``nper`` payments ``pmt`` and a future ``fv`` (numpy-financial's ``pv``).

    Parameters
    ----------
    rate : float or array-like
        Rate per period (0.08 / 12 for 8 % a year paid monthly).
    nper : float or array-like
        Number of periods.
    pmt : float or array-like
        Payment per period (money paid out negative).
    fv : float or array-like, default 0
        Future value after the last period.
    when : {"end", "begin", 0, 1} or array-like, default "end"
        Payments at the end or the beginning of each period.
    status : bool, default False
        Also return each element's status code (see :data:`STATUS_NAMES`).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Money at t = 0 (in the unit of ``pmt``). An array for array arguments, a Series with
        the index of a Series argument; with ``status=True``, a pair (result, status).

    Raises
    ------
    InvalidArgumentError
        An argument that is not numbers, arrays that do not broadcast, an unknown ``when``.
    NoSolutionError
        Scalar arguments without a solution (an array gives NaN there).

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.pv(0.07, 20, 12_000), 2)
    -127128.17
    """
    return _time_value("pv", (("rate", rate), ("nper", nper), ("pmt", pmt), ("fv", fv)), when, 0.1, status)


@overload
def fv(
    rate: float,
    nper: float,
    pmt: float,
    pv: float,
    when: Union[Literal["end", "begin", 0, 1], str] = "end",
    *,
    status: Literal[False] = False,
) -> float: ...
@overload
def fv(
    rate: ArrayLike,
    nper: ArrayLike,
    pmt: ArrayLike,
    pv: ArrayLike,
    when: When = "end",
    *,
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def fv(
    rate: ArrayLike,
    nper: ArrayLike,
    pmt: ArrayLike,
    pv: ArrayLike,
    when: When = "end",
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def fv(
    rate: ArrayLike,
    nper: ArrayLike,
    pmt: ArrayLike,
    pv: ArrayLike,
    when: When = "end",
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]:
    """Future value after ``nper`` payments ``pmt`` on ``pv`` (numpy-financial's ``fv``).

    Parameters
    ----------
    rate : float or array-like
        Rate per period (0.08 / 12 for 8 % a year paid monthly).
    nper : float or array-like
        Number of periods.
    pmt : float or array-like
        Payment per period (money paid out negative).
    pv : float or array-like
        Present value (money received positive).
    when : {"end", "begin", 0, 1} or array-like, default "end"
        Payments at the end or the beginning of each period.
    status : bool, default False
        Also return each element's status code (see :data:`STATUS_NAMES`).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Money at the end of period ``nper`` (in the unit of ``pmt``). An array for array
        arguments, a Series with the index of a Series argument; with ``status=True``, a
        pair (result, status).

    Raises
    ------
    InvalidArgumentError
        An argument that is not numbers, arrays that do not broadcast, an unknown ``when``.
    NoSolutionError
        Scalar arguments without a solution (an array gives NaN there).

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.fv(0.075, 20, -2000, 0, 0), 2)
    86609.36
    """
    return _time_value("fv", (("rate", rate), ("nper", nper), ("pmt", pmt), ("pv", pv)), when, 0.1, status)


@overload
def nper(
    rate: float,
    pmt: float,
    pv: float,
    fv: float = 0,
    when: Union[Literal["end", "begin", 0, 1], str] = "end",
    *,
    status: Literal[False] = False,
) -> float: ...
@overload
def nper(
    rate: ArrayLike,
    pmt: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def nper(
    rate: ArrayLike,
    pmt: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def nper(
    rate: ArrayLike, pmt: ArrayLike, pv: ArrayLike, fv: ArrayLike = 0, when: When = "end", *, status: bool = False
) -> Union[Metric, MetricWithStatus]:
    """Periods for payments ``pmt`` to take ``pv`` to ``fv`` (numpy-financial's ``nper``).

    Parameters
    ----------
    rate : float or array-like
        Rate per period (0.08 / 12 for 8 % a year paid monthly).
    pmt : float or array-like
        Payment per period (money paid out negative).
    pv : float or array-like
        Present value (money received positive).
    fv : float or array-like, default 0
        Future value after the last period.
    when : {"end", "begin", 0, 1} or array-like, default "end"
        Payments at the end or the beginning of each period.
    status : bool, default False
        Also return each element's status code (see :data:`STATUS_NAMES`).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Periods (NaN in an array where never reached). An array for array arguments, a
        Series with the index of a Series argument; with ``status=True``, a pair (result,
        status).

    Raises
    ------
    InvalidArgumentError
        An argument that is not numbers, arrays that do not broadcast, an unknown ``when``.
    NoSolutionError
        Scalar arguments without a solution (an array gives NaN there).

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.nper(0.075, -2000, 0, 100_000), 2)
    21.54
    >>> finance.nper([0.004, 0.07], -400, 12_000).round(2)  # 400 never repays 12,000 at 7 %
    array([32.02,   nan])
    """
    return _time_value("nper", (("rate", rate), ("pmt", pmt), ("pv", pv), ("fv", fv)), when, 0.1, status)


@overload
def rate(
    nper: float,
    pmt: float,
    pv: float,
    fv: float = 0,
    when: Union[Literal["end", "begin", 0, 1], str] = "end",
    guess: Optional[float] = None,
    *,
    status: Literal[False] = False,
) -> float: ...
@overload
def rate(
    nper: ArrayLike,
    pmt: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    guess: Optional[float] = None,
    *,
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def rate(
    nper: ArrayLike,
    pmt: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    guess: Optional[float] = None,
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def rate(
    nper: ArrayLike,
    pmt: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    guess: Optional[float] = None,
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]:
    """Rate per period at which ``pmt`` takes ``pv`` to ``fv`` (numpy-financial's ``rate``).

    Parameters
    ----------
    nper : float or array-like
        Number of periods.
    pmt : float or array-like
        Payment per period (money paid out negative).
    pv : float or array-like
        Present value (money received positive).
    fv : float or array-like, default 0
        Future value after the last period.
    when : {"end", "begin", 0, 1} or array-like, default "end"
        Payments at the end or the beginning of each period.
    guess : float, optional
        Where several rates fit, the one nearest this is returned (default 0.1).
    status : bool, default False
        Also return each element's status code (see :data:`STATUS_NAMES`).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        The rate per period (0.1 is 10 %). An array for array arguments, a Series with the
        index of a Series argument; with ``status=True``, a pair (result, status).

    Raises
    ------
    InvalidArgumentError
        An argument that is not numbers, arrays that do not broadcast, an unknown ``when``.
    NoSolutionError
        Scalar arguments without a solution (an array gives NaN there).

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.rate(10, 0, -3500, 10_000), 4)
    0.1107
    >>> round(finance.rate(10, 0, -3500, 10_000, guess=0.5), 4)
    0.1107
    """
    args = (("nper", nper), ("pmt", pmt), ("pv", pv), ("fv", fv))
    return _time_value("rate", args, when, _guess(guess), status)


@overload
def ipmt(
    rate: float,
    per: float,
    nper: float,
    pv: float,
    fv: float = 0,
    when: Union[Literal["end", "begin", 0, 1], str] = "end",
    *,
    status: Literal[False] = False,
) -> float: ...
@overload
def ipmt(
    rate: ArrayLike,
    per: ArrayLike,
    nper: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def ipmt(
    rate: ArrayLike,
    per: ArrayLike,
    nper: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def ipmt(
    rate: ArrayLike,
    per: ArrayLike,
    nper: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]:
    """Interest part of payment ``per`` (numpy-financial's ``ipmt``).

    Parameters
    ----------
    rate : float or array-like
        Rate per period (0.08 / 12 for 8 % a year paid monthly).
    per : float or array-like
        Which payment, from 1.
    nper : float or array-like
        Number of periods.
    pv : float or array-like
        Present value (money received positive).
    fv : float or array-like, default 0
        Future value after the last period.
    when : {"end", "begin", 0, 1} or array-like, default "end"
        Payments at the end or the beginning of each period.
    status : bool, default False
        Also return each element's status code (see :data:`STATUS_NAMES`).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Money per period, paid out negative. An array for array arguments, a Series with the
        index of a Series argument; with ``status=True``, a pair (result, status).

    Raises
    ------
    InvalidArgumentError
        An argument that is not numbers, arrays that do not broadcast, an unknown ``when``.
    NoSolutionError
        Scalar arguments without a solution (an array gives NaN there).

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.ipmt(0.1 / 12, 1, 24, 2000), 6)
    -16.666667
    """
    args = (("rate", rate), ("per", per), ("nper", nper), ("pv", pv), ("fv", fv))
    return _time_value("ipmt", args, when, 0.1, status)


@overload
def ppmt(
    rate: float,
    per: float,
    nper: float,
    pv: float,
    fv: float = 0,
    when: Union[Literal["end", "begin", 0, 1], str] = "end",
    *,
    status: Literal[False] = False,
) -> float: ...
@overload
def ppmt(
    rate: ArrayLike,
    per: ArrayLike,
    nper: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: Literal[True],
) -> MetricWithStatus: ...
@overload
def ppmt(
    rate: ArrayLike,
    per: ArrayLike,
    nper: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]: ...

def ppmt(
    rate: ArrayLike,
    per: ArrayLike,
    nper: ArrayLike,
    pv: ArrayLike,
    fv: ArrayLike = 0,
    when: When = "end",
    *,
    status: bool = False,
) -> Union[Metric, MetricWithStatus]:
    """Principal part of payment ``per``: ``pmt - ipmt`` (numpy-financial's ``ppmt``).

    Parameters
    ----------
    rate : float or array-like
        Rate per period (0.08 / 12 for 8 % a year paid monthly).
    per : float or array-like
        Which payment, from 1.
    nper : float or array-like
        Number of periods.
    pv : float or array-like
        Present value (money received positive).
    fv : float or array-like, default 0
        Future value after the last period.
    when : {"end", "begin", 0, 1} or array-like, default "end"
        Payments at the end or the beginning of each period.
    status : bool, default False
        Also return each element's status code (see :data:`STATUS_NAMES`).

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        Money per period, paid out negative. An array for array arguments, a Series with the
        index of a Series argument; with ``status=True``, a pair (result, status).

    Raises
    ------
    InvalidArgumentError
        An argument that is not numbers, arrays that do not broadcast, an unknown ``when``.
    NoSolutionError
        Scalar arguments without a solution (an array gives NaN there).

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.ppmt(0.1 / 12, 1, 60, 55_000), 2)
    -710.25
    """
    args = (("rate", rate), ("per", per), ("nper", nper), ("pv", pv), ("fv", fv))
    return _time_value("ppmt", args, when, 0.1, status)


for _f in (pmt, pv, fv, nper, rate, ipmt, ppmt):
    _doc = _f.__doc__ or ""
    _head, _sep, _tail = _doc.partition("\n\n    Examples")
    _f.__doc__ = _head + _TVM_DOC.rstrip() + _sep + _tail
del _f, _doc, _head, _sep, _tail


_EPOCH = _dt.date(1970, 1, 1)


def _days(dates: Sequence[DateLike]) -> list[int]:
    out = []
    for i, d in enumerate(dates):
        original = d
        try:
            if isinstance(d, _np.datetime64):
                d = d.astype("datetime64[D]").astype(object)
            if isinstance(d, str):
                d = _dt.date.fromisoformat(d)
        except ValueError as e:
            raise _InvalidArgumentError(
                f"dates[{i}]: {original!r} is not a date ({e})", "invalid_argument", f"dates[{i}]", str(original)
            ) from None
        if isinstance(d, _dt.datetime):
            d = d.date()
        if not isinstance(d, _dt.date):
            raise _InvalidArgumentError(
                f"dates[{i}] must be a date or an ISO string such as \"2025-01-31\", not {type(d).__name__}",
                "invalid_argument",
                f"dates[{i}]",
                _short(original),
            )
        out.append((d - _EPOCH).days)
    return out


DayCountName = Literal["act/365f", "act/365", "act/360", "30/360"]


def xnpv(
    rate: float,
    dates: Sequence[DateLike],
    amounts: Flows,
    *,
    day_count: DayCountName = "act/365f",
) -> float:
    """Net present value of dated flows, discounted from the first date (Excel's XNPV).

    Parameters
    ----------
    rate : float
        Discount rate per year (0.1 for 10 %).
    dates : sequence of date, numpy.datetime64 or ISO string
        The date of each amount.
    amounts : array-like
        The amounts, money paid out negative.
    day_count : {"act/365f", "act/365", "act/360", "30/360"}, default "act/365f"
        How a year fraction is counted between two dates.

    Returns
    -------
    float
        Money at the first date, in the unit of ``amounts``.

    Raises
    ------
    InvalidArgumentError
        A date that is not one, or ``amounts`` that are not numbers.
    InvalidValueError
        Dates and amounts of different lengths, a rate at or below -100 %.

    Examples
    --------
    >>> from cleanprod import finance
    >>> round(finance.xnpv(0.1, ["2025-01-01", "2026-01-01"], [-100, 110]), 6)
    0.0
    """
    return _native.xnpv(_number(rate, "rate"), _days(dates), _series(amounts, "amounts"), day_count)


def xirr(
    dates: Sequence[DateLike],
    amounts: Flows,
    guess: Optional[float] = None,
    *,
    day_count: DayCountName = "act/365f",
) -> float:
    """Rate per year that makes :func:`xnpv` zero (Excel's XIRR, pyxirr's argument order).

    Several rates give a :class:`cleanprod.MultipleIrrWarning`, as :func:`irr` does.

    Parameters
    ----------
    dates : sequence of date, numpy.datetime64 or ISO string
        The date of each amount.
    amounts : array-like
        The amounts, money paid out negative.
    guess : float, optional
        Where several rates exist, the one nearest this is returned (default 0.1).
    day_count : {"act/365f", "act/365", "act/360", "30/360"}, default "act/365f"
        How a year fraction is counted between two dates.

    Returns
    -------
    float
        The rate per year (0.1 is 10 %).

    Raises
    ------
    NoSolutionError
        Amounts that never change sign.
    InvalidArgumentError
        A date that is not one, or ``amounts`` that are not numbers.

    Examples
    --------
    >>> import datetime as dt
    >>> from cleanprod import finance
    >>> round(finance.xirr([dt.date(2025, 1, 1), dt.date(2026, 1, 1)], [-100, 110]), 6)
    0.1
    """
    rate, _roots, _complete, warning = _native.xirr(
        _days(dates), _series(amounts, "amounts"), _guess(guess), day_count
    )
    if warning is not None:
        _warnings.warn(warning, _MultipleIrrWarning, stacklevel=2)
    return rate


def _count(x: Any, name: str) -> int:
    """A whole number (``12``, ``12.0``, ``numpy.int64(12)``), or InvalidArgumentError."""
    v = _number(x, name)
    if not v.is_integer():
        raise _InvalidArgumentError(f"{name} must be a whole number, not {x!r}", "invalid_argument", name, repr(x))
    return int(v)


def _dumps(data: Any, name: str) -> str:
    """JSON for the engine; numpy numbers as Python numbers, NaN refused naming ``name``."""

    def plain(x: Any) -> Any:
        if isinstance(x, _np.generic):
            return x.item()
        if isinstance(x, _np.ndarray):
            return x.tolist()
        raise _InvalidArgumentError(
            f"{name}: a {type(x).__name__} is not a number", "invalid_argument", name, _short(x)
        )

    try:
        return _json.dumps(data, allow_nan=False, default=plain)
    except ValueError as e:
        if isinstance(e, _InvalidArgumentError):
            raise
        raise _InvalidArgumentError(
            f"{name}: every amount must be a finite number ({e})", "invalid_argument", name, None
        ) from None


def loan_schedule(
    principal: float,
    annual_rate: float,
    years: float,
    payments_per_year: int = _native.DEFAULT_PAYMENTS_PER_YEAR,
    grace_periods: int = 0,
    grace: Literal["interest_only", "capitalized"] = "interest_only",
) -> dict[str, _npt.NDArray[Any]]:
    """Amortization schedule of a level-payment loan after an optional grace period.

    Parameters
    ----------
    principal : float
        Money borrowed.
    annual_rate : float
        Nominal rate per year (0.12 for 12 %), divided by ``payments_per_year``.
    years : float
        Term of the repayment, after the grace period.
    payments_per_year : int, default 12
        Payments per year.
    grace_periods : int, default 0
        Periods before the first repayment.
    grace : {"interest_only", "capitalized"}, default "interest_only"
        During the grace period, pay the interest or add it to the balance.

    Returns
    -------
    dict of str to numpy.ndarray
        Columns ``period`` (from 1), ``payment``, ``interest``, ``principal`` and ``balance``
        (money, in the unit of ``principal``, positive); ``pandas.DataFrame(...)`` of it is
        a table.

    Raises
    ------
    InvalidValueError
        A principal or term not above zero, a rate at or below -100 %.
    InvalidArgumentError
        A count that is not a whole number, an unknown ``grace``.

    Examples
    --------
    >>> from cleanprod import finance
    >>> s = finance.loan_schedule(1000, 0.12, 1)
    >>> round(float(s["payment"][0]), 2), round(float(s["balance"][-1]), 6)
    (88.85, 0.0)
    """
    cols = _native.loan_schedule(
        _number(principal, "principal"),
        _number(annual_rate, "annual_rate"),
        _number(years, "years"),
        _count(payments_per_year, "payments_per_year"),
        _count(grace_periods, "grace_periods"),
        grace,
    )
    names = ("period", "payment", "interest", "principal", "balance")
    return {n: _np.asarray(c) for n, c in zip(names, cols)}


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

    Parameters
    ----------
    capex : float or sequence of float
        Money invested in year 0, or in years 0, 1, ... for a sequence.
    savings : dict
        Each commodity's saving per year at today's prices (money/yr), or a pair
        ``(per_year, real_escalation)`` (escalation per year, 0.02 for 2 %).
    years : int
        Lifetime in years.
    om_change : float, default 0.0
        Change of operating and maintenance cost per year (money/yr; positive: dearer).
    salvage : float, default 0.0
        Money recovered at the end of the last year.
    first_saving_year : int, default 1
        The first year with savings.
    inflation : float, default 0.0
        General inflation per year, applied with ``basis="nominal"``.
    basis : {"real", "nominal"}, default "real"
        Today's money, or every amount escalated by ``inflation``.
    tax_rate : float, optional
        Profit tax rate (0.3 for 30 %); with ``depreciation_years``.
    depreciation_years : int, optional
        Straight-line depreciation of the capex; with ``tax_rate``.

    Returns
    -------
    dict
        ``net``, ``capex``, ``om``, ``salvage`` and ``tax`` (numpy arrays of money per
        year, years 0 to ``years``), ``savings`` (a dict of such arrays per commodity) and the
        plan's other figures.

    Raises
    ------
    InvalidValueError
        A value out of range (negative years, a tax rate above 100 %...).
    InvalidArgumentError
        An amount that is not a finite number.

    Examples
    --------
    >>> from cleanprod import finance
    >>> flows = finance.cash_flows(1000, {"water": 300}, 4, salvage=100)
    >>> flows["net"].tolist()
    [-1000.0, 300.0, 300.0, 300.0, 400.0]
    """
    streams = []
    for name, v in savings.items():
        per_year, escalation = v if isinstance(v, tuple) else (v, 0.0)
        streams.append({"name": name, "per_year": per_year, "escalation": escalation})
    plan: dict[str, Any] = {
        "capex": [capex] if _np.ndim(capex) == 0 else list(cast(Sequence[float], capex)),
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
    out: dict[str, Any] = _json.loads(_native.cash_flows(_dumps(plan, "cash_flows")))
    out["savings"] = {name: _np.asarray(flows) for name, flows in out["savings"]}
    for key in ("net", "capex", "om", "salvage", "tax"):
        out[key] = _np.asarray(out[key])
    return out


def financing(project: Flows, capex: float, **terms: Any) -> dict[str, Any]:
    """The owner's cash flows of a project partly financed by a loan or a grant.

    Parameters
    ----------
    project : array-like
        The project's yearly cash flows from year 0 (money/yr; the year-0 flow includes
        ``-capex``).
    capex : float
        The year-0 investment (money).
    **terms
        ``loan_share`` (0.6 for 60 % of ``capex`` borrowed), ``annual_rate``,
        ``loan_years``, ``payments_per_year``, ``grace_periods``, ``capitalize_grace``,
        ``grant_share`` and ``guarantee_fee`` (per year on the outstanding balance).

    Returns
    -------
    dict
        ``equity`` (the owner's flows per year), ``debt_service``, ``guarantee_fees``
        (numpy arrays, money per year), ``dscr`` (the debt-service cover ratio per year, None
        where nothing is due), and the project and equity IRRs (per year).

    Raises
    ------
    InvalidValueError
        A share outside 0 to 100 %, a loan term not above zero.
    InvalidArgumentError
        An unknown term or an amount that is not a finite number.

    Examples
    --------
    >>> from cleanprod import finance
    >>> out = finance.financing([-1000, 400, 400, 400], 1000, loan_share=0.5, annual_rate=0.1,
    ...                         loan_years=3, payments_per_year=1)
    >>> round(float(out["equity"][0]), 2), round(float(out["debt_service"][1]), 2)
    (-500.0, 201.06)
    """
    out: dict[str, Any] = _json.loads(
        _native.financing(_series(project, "project"), _number(capex, "capex"), _dumps(terms, "terms"))
    )
    for key in ("debt_service", "guarantee_fees", "equity"):
        out[key] = _np.asarray(out[key])
    return out
