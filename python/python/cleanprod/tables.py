"""Results as tables, and the one convention for their units.

Every table cleanprod gives is a pandas DataFrame whose column names are the plain field names
of the results (``capex``, ``npv``, ``water``) and whose units are in ``df.attrs["units"]``, a
dict from column name to unit (``{"capex": "MXN", "water": "m3/yr"}``); a column absent from it
has no unit (an id, a title, a class, a ratio). Each column holds one unit for every row; where
rows are different quantities (benchmark indicators), a ``unit`` column says the unit of each
row. Numbers are float columns with NaN where there is no value.

The results here are plain dicts and lists as before, with ``.to_pandas()`` and, where polars
is installed, ``.to_polars()``:

Examples
--------
>>> import cleanprod as cp
>>> a = cp.Assessment.from_file("examples/tannery.toml")
>>> steps = a.evaluate().portfolio().to_pandas()
>>> steps.attrs["units"]["npv"]
'MXN'
>>> steps.attrs["units"]["water"]
'm3/yr'
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional

if TYPE_CHECKING:  # pandas and polars are optional: imported for the annotations only
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    import polars as pl  # type: ignore[import-not-found, unused-ignore]

    from ._cleanprod import Assessment

__all__ = ["UNITS", "Benchmarks", "Portfolio", "Reconciliation", "compare", "frame", "to_polars"]

#: The key of ``DataFrame.attrs`` that maps each column to its unit.
UNITS = "units"


def _nan(x: Any) -> Any:
    return math.nan if x is None else x


def frame(
    rows: Iterable[Mapping[str, Any]],
    columns: list[str],
    units: Mapping[str, str],
    index: Optional[str] = None,
    numeric: Iterable[str] = (),
) -> pd.DataFrame:
    """A pandas DataFrame of result rows in the package's convention. Needs pandas.

    Parameters
    ----------
    rows : iterable of mapping
        One mapping per row; a key missing from a row is None.
    columns : list of str
        The columns, in order.
    units : mapping of str to str
        Unit of each column that has one (those absent from ``columns`` are left out).
    index : str, optional
        The column to index the table by.
    numeric : iterable of str
        The columns to hold as floats, None as NaN.

    Returns
    -------
    pandas.DataFrame
        The table, its units in ``attrs["units"]``.

    Examples
    --------
    >>> df = frame([{"id": "a", "capex": 10}], ["id", "capex"], {"capex": "USD"}, index="id")
    >>> df.attrs["units"], float(df.loc["a", "capex"])
    ({'capex': 'USD'}, 10.0)
    """
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    df = pd.DataFrame([{c: r.get(c) for c in columns} for r in rows], columns=columns)
    for c in numeric:
        if c in df.columns:
            df[c] = [float(_nan(v)) for v in df[c]]
    if index is not None:
        df = df.set_index(index)
    df.attrs[UNITS] = {c: u for c, u in units.items() if c in df.columns}
    return df


def to_polars(df: pd.DataFrame) -> pl.DataFrame:
    """A pandas table of this package as a polars DataFrame. Needs polars.

    Parameters
    ----------
    df : pandas.DataFrame
        A table with its units in ``attrs["units"]``.

    Returns
    -------
    polars.DataFrame
        The same figures; a named index becomes the first columns; polars has no attrs, so
        each unit goes into its column's name (``capex [MXN]``); NaN becomes null.

    Raises
    ------
    ImportError
        Without polars.

    Examples
    --------
    >>> df = frame([{"id": "a", "capex": 10}], ["id", "capex"], {"capex": "USD"}, index="id")
    >>> to_polars(df).columns
    ['id', 'capex [USD]']
    """
    try:
        import polars as pl  # type: ignore[import-not-found, unused-ignore]
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_polars() needs polars: pip install polars") from e
    units = df.attrs.get(UNITS, {})
    flat = df.reset_index() if any(n is not None for n in df.index.names) else df
    # Column by column rather than pl.from_pandas, which needs pyarrow for text columns.
    columns = []
    for c in flat.columns:
        name = f"{c} [{units[c]}]" if c in units else str(c)
        column = flat[c]
        if column.dtype.kind in "fiub":
            columns.append(pl.Series(name, column.to_numpy(), nan_to_null=True))
        else:
            columns.append(pl.Series(name, [None if _missing(v) else v for v in column], strict=False))
    return pl.DataFrame(columns)


def _missing(v: Any) -> bool:
    """None, NaN or pandas' NA: a cell without a value."""
    return v is None or (isinstance(v, float) and math.isnan(v)) or type(v).__name__ == "NAType"


def _savings_columns(rows: Iterable[Mapping[str, Any]]) -> tuple[list[str], dict[str, str]]:
    """The resources saved in ``rows`` (each with a ``savings`` list), in order of first
    appearance, and their units."""
    names: list[str] = []
    units: dict[str, str] = {}
    for r in rows:
        for s in r.get("savings", []):
            if s["resource"] not in units:
                names.append(s["resource"])
                units[s["resource"]] = s["unit"]
    return names, units


def with_savings(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str], dict[str, str]]:
    """``rows`` with one key per resource saved (0.0 where a row saves none of it), the
    resource names and their units."""
    names, units = _savings_columns(rows)
    out = []
    for r in rows:
        amounts = {s["resource"]: s["amount"] for s in r.get("savings", [])}
        out.append({**r, **{n: amounts.get(n, 0.0) for n in names}})
    return out, names, units


class Portfolio(dict):  # type: ignore[type-arg]
    """Options applied one after the other to one model (a dict: ``steps``, what each adds to
    those before it, and ``total``), with :meth:`to_pandas`.

    Examples
    --------
    >>> import cleanprod as cp
    >>> p = cp.Assessment.from_file("examples/hotel.toml").portfolio(["led_lighting", "heat_pump"])
    >>> [s["id"] for s in p["steps"]], p.currency
    (['led_lighting', 'heat_pump'], 'USD')
    """

    def __init__(self, data: Mapping[str, Any], currency: str) -> None:
        super().__init__(data)
        self.currency = currency

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self), self.currency))

    def to_pandas(self) -> pd.DataFrame:
        """The steps as a table. Needs pandas.

        Returns
        -------
        pandas.DataFrame
            One row per step, indexed by option id: ``annual_saving`` (money/yr), ``npv`` (money),
            ``co2_avoided`` (t/yr), the running totals, and one column per resource saved (its unit
            per year); units in ``attrs["units"]``.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/tannery.toml")
        >>> steps = a.evaluate().portfolio().to_pandas()
        >>> steps.attrs["units"]["npv"], steps.attrs["units"]["water"]
        ('MXN', 'm3/yr')
        """
        rows, names, units = with_savings(list(self["steps"]))
        cur = self.currency
        money = {
            "annual_saving": f"{cur}/yr",
            "npv": cur,
            "co2_avoided": "t/yr",
            "cumulative_annual_saving": f"{cur}/yr",
            "cumulative_npv": cur,
        }
        columns = ["id", *money, *names]
        return frame(rows, columns, {**money, **units}, index="id", numeric=[*money, *names])

    def to_polars(self) -> pl.DataFrame:
        """:meth:`to_pandas` as polars, units in the column names. Needs polars.

        Returns
        -------
        polars.DataFrame
            See :func:`to_polars`.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/tannery.toml")
        >>> a.evaluate().portfolio().to_polars().columns[:3]
        ['id', 'annual_saving [MXN/yr]', 'npv [MXN]']
        """
        return to_polars(self.to_pandas())


class Benchmarks(dict):  # type: ignore[type-arg]
    """The sector benchmarks (a dict: ``indicators`` before and after the options against
    published ranges, ``warnings``...), with :meth:`to_pandas`.

    Examples
    --------
    >>> import cleanprod as cp
    >>> b = cp.Assessment.from_file("examples/hotel.toml").benchmarks()
    >>> "indicators" in b, isinstance(b, dict)
    (True, True)
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self),))

    def to_pandas(self) -> pd.DataFrame:
        """The indicators as a table. Needs pandas.

        Returns
        -------
        pandas.DataFrame
            One row per indicator, indexed by its key: ``label``, ``unit`` (of ``before``,
            ``after``, ``low`` and ``high`` in that row), the values before and after the options,
            the reference range and its source, and where each value falls in it.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/tannery.toml")
        >>> t = a.benchmarks().to_pandas()
        >>> t.loc["water", "unit"], float(t.loc["water", "low"]), float(t.loc["water", "high"])
        ('m3/t', 10.0, 15.0)
        """
        rows = []
        for i in self.get("indicators", []):
            ref = i.get("reference") or {}
            rows.append(
                {
                    **i,
                    "low": ref.get("low"),
                    "high": ref.get("high"),
                    "reference": ref.get("label"),
                    "source": ref.get("source"),
                }
            )
        columns = ["key", "label", "unit", "before", "after", "low", "high", "class_before", "class_after",
                   "reference", "source"]
        return frame(rows, columns, {}, index="key", numeric=["before", "after", "low", "high"])

    def to_polars(self) -> pl.DataFrame:
        """:meth:`to_pandas` as polars. Needs polars.

        Returns
        -------
        polars.DataFrame
            See :func:`to_polars`; the ``unit`` column says each row's unit.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/tannery.toml")
        >>> t = a.benchmarks().to_polars()
        >>> t.filter(t["key"] == "water")["unit"].to_list()
        ['m3/t']
        """
        return to_polars(self.to_pandas())


class Reconciliation(list):  # type: ignore[type-arg]
    """The reconciliation of the redundant measurements (a list, one dict per component: its
    ``test`` and ``adjustments``), with :meth:`to_pandas` and :meth:`tests`. Amounts in
    kg/yr.

    Examples
    --------
    >>> import cleanprod as cp
    >>> r = cp.Assessment.from_file("examples/tannery_measured.toml").reconcile()
    >>> sorted(r[0])[:2], isinstance(r, list)
    (['adjustments', 'component'], True)
    """

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (list(self),))

    def to_pandas(self) -> pd.DataFrame:
        """The adjusted measurements as a table. Needs pandas.

        Returns
        -------
        pandas.DataFrame
            One row per adjusted measurement, indexed by component and stream: status, the value
            given, the reconciled value and its uncertainty (kg/yr, in ``attrs["units"]``), ``z``
            (the adjustment in standard deviations) and whether it is ``suspect``.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/tannery_measured.toml")
        >>> t = a.reconcile().to_pandas()
        >>> t.attrs["units"]["value"], round(float(t.loc[("water", "soak_in"), "given"]))
        ('kg/yr', 33600000)
        """
        rows = [{"component": c["component"], **a} for c in self for a in c["adjustments"]]
        columns = ["component", "stream", "status", "given", "value", "uncertainty", "z", "suspect"]
        units = {"given": "kg/yr", "value": "kg/yr", "uncertainty": "kg/yr"}
        df = frame(rows, columns, units, numeric=["given", "value", "uncertainty", "z"])
        out = df.set_index(["component", "stream"])
        out.attrs = df.attrs
        return out

    def tests(self) -> pd.DataFrame:
        """The global test of each component's measurements. Needs pandas.

        Returns
        -------
        pandas.DataFrame
            One row per component: the ``chi_square`` of the global test, its
            ``degrees_of_freedom``, the ``p_value`` and whether the measurements are
            ``consistent``.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/tannery_measured.toml")
        >>> t = a.reconcile().tests()
        >>> int(t.loc["water", "degrees_of_freedom"]), bool(t.loc["water", "consistent"])
        (2, True)
        """
        rows = [{"component": c["component"], **(c.get("test") or {})} for c in self]
        columns = ["component", "chi_square", "degrees_of_freedom", "p_value", "consistent"]
        return frame(rows, columns, {}, index="component", numeric=["chi_square", "p_value"])

    def to_polars(self) -> pl.DataFrame:
        """:meth:`to_pandas` as polars. Needs polars.

        Returns
        -------
        polars.DataFrame
            See :func:`to_polars`; component and stream as the first columns.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/tannery_measured.toml")
        >>> a.reconcile().to_polars().columns[:4]
        ['component', 'stream', 'status', 'given [kg/yr]']
        """
        return to_polars(self.to_pandas())


def compare(assessments: Mapping[str, Assessment]) -> pd.DataFrame:
    """The option tables of several assessments lined up. Needs pandas.

    Parameters
    ----------
    assessments : mapping of str to Assessment
        Each scenario's name and assessment; they must share a currency.

    Returns
    -------
    pandas.DataFrame
        One row per scenario and option, indexed by ``scenario`` and ``id``, the columns of
        :meth:`cleanprod.Evaluation.to_pandas`, units in ``attrs["units"]``.

    Raises
    ------
    InvalidArgumentError
        No assessment, or assessments in different currencies.

    Examples
    --------
    >>> import cleanprod as cp
    >>> a = cp.Assessment.from_file("examples/tannery.toml")
    >>> b = a.with_values({"prices.water": "40 MXN/m3"})
    >>> t = cp.compare({"base": a, "dear water": b})
    >>> bool(t.loc[("dear water", "batch_washing"), "npv"] > t.loc[("base", "batch_washing"), "npv"])
    True
    """
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    from .errors import InvalidArgumentError

    tables = {}
    units: dict[str, str] = {}
    currencies = set()
    for name, a in assessments.items():
        ev = a.evaluate()
        currencies.add(ev.currency)
        t = ev.to_pandas()
        tables[name] = t
        units.update(t.attrs["units"])
    if len(currencies) > 1:
        raise InvalidArgumentError(
            f"the assessments compared must share a currency, not {', '.join(sorted(currencies))}",
            "invalid_argument",
            "assessments",
            None,
        )
    if not tables:
        raise InvalidArgumentError("no assessment to compare", "invalid_argument", "assessments", None)
    out = pd.concat(tables, names=["scenario", "id"])
    for c in out.columns:
        if c in units and out[c].dtype == object:
            out[c] = out[c].astype(float)
    savings = [c for c in out.columns if c in units and units[c].endswith("/yr") and c not in ("annual_saving", "co2_avoided")]
    out[savings] = out[savings].fillna(0.0)
    out.attrs["units"] = {c: u for c, u in units.items() if c in out.columns}
    return out
