"""Programmes: many assessments evaluated together, as cleaner-production centres, loan funds
and regional programmes report them (sites, options, investment, savings, water, chemicals,
energy, CO2; by sector, category, cost class and status).

The documents are read and appraised in parallel by the core, the GIL released; a document
that fails is reported with its name and the error's path, and the others are still
evaluated. Money is summed per currency, or brought to one with the exchange rates given.

>>> import cleanprod as cp
>>> p = cp.program.evaluate("examples")
>>> p.documents, len(p.failures)
(6, 0)
"""

from __future__ import annotations

import html as _html
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _cleanprod as _native

if TYPE_CHECKING:
    import pandas as pd

    from .charts import Chart

__all__ = ["Fund", "Programme", "Screening", "combine", "evaluate", "fund", "region", "screen", "sources"]

#: What a programme's documents can be given as.
Documents = Union[
    str,
    "os.PathLike[str]",
    Mapping[str, Any],
    Iterable[Any],
]

_GROUPS = ("sector", "category", "cost_class", "status")


class Programme:
    """A programme evaluated: its totals, its breakdowns, one row per site and per option, and
    the documents that failed.

    Parameters
    ----------
    data : dict
        The programme as the core gives it.
    text : str
        Its summary in words.

    Examples
    --------
    >>> import cleanprod as cp
    >>> p = cp.program.evaluate(["examples/hotel.toml", "examples/hospital.toml"])
    >>> p.sites()["sector"].tolist()
    ['hotel', 'hospital']
    """

    def __init__(self, data: dict[str, Any], text: str) -> None:
        self._data = data
        self.text = text

    @property
    def documents(self) -> int:
        """Number of documents given.

        Returns
        -------
        int
            Evaluated and failed together.

        Examples
        --------
        >>> import cleanprod as cp
        >>> cp.program.evaluate(["examples/hotel.toml"]).documents
        1
        """
        return int(self._data["documents"])

    @property
    def failures(self) -> list[dict[str, str]]:
        """The documents that could not be evaluated, in the order given.

        Returns
        -------
        list of dict
            ``document``, ``code``, ``path``, ``category`` and ``message`` of each.

        Examples
        --------
        >>> import cleanprod as cp
        >>> p = cp.program.evaluate({"broken": 'format = "cleanprod/1"'})
        >>> p.failures[0]["document"], p.failures[0]["code"]
        ('broken', 'missing_field')
        """
        return list(self._data["failures"])

    @property
    def totals(self) -> dict[str, Any]:
        """Every option of every site together: sites, options, money per currency (or in
        the one currency of the exchange rates), amounts per year and over the options' lives.

        Returns
        -------
        dict
            As the core gives it (``money``: one entry per currency).

        Examples
        --------
        >>> import cleanprod as cp
        >>> cp.program.evaluate("examples").totals["sites"]
        6
        """
        return dict(self._data["totals"])

    def sites(self) -> pd.DataFrame:
        """One row per site evaluated (nested figures as dotted columns:
        ``per_year.water_m3``).

        Returns
        -------
        pandas.DataFrame
            Indexed from 0 in the order given.

        Examples
        --------
        >>> import cleanprod as cp
        >>> cp.program.evaluate("examples").sites()["currency"].tolist()
        ['MXN', 'INR', 'USD', 'USD', 'MXN', 'MXN']
        """
        return _table(self._data["sites"])

    def options(self) -> pd.DataFrame:
        """One row per option of the sites evaluated (each option's increment in its site's
        portfolio, so a site's options add up to the site).

        Returns
        -------
        pandas.DataFrame
            ``document``, ``option``, ``category``, ``cost_class``, ``status``, money and
            amounts.

        Examples
        --------
        >>> import cleanprod as cp
        >>> len(cp.program.evaluate(["examples/tannery.toml"]).options())
        6
        """
        return _table(self._data["options"])

    def breakdown(self, by: str) -> pd.DataFrame:
        """The programme's figures by ``sector``, ``category``, ``cost_class`` or ``status``.

        Parameters
        ----------
        by : {"sector", "category", "cost_class", "status"}
            The grouping.

        Returns
        -------
        pandas.DataFrame
            One row per group (money per currency in the ``money`` column's lists).

        Raises
        ------
        InvalidArgumentError
            Another grouping.

        Examples
        --------
        >>> import cleanprod as cp
        >>> sorted(cp.program.evaluate("examples").breakdown("sector")["key"])
        ['automotive', 'chemicals', 'hospital', 'hotel', 'tanning']
        """
        if by not in _GROUPS:
            from .errors import InvalidArgumentError

            raise InvalidArgumentError(
                f"by must be one of {', '.join(_GROUPS)}, not {by!r}", "invalid_argument", "by", str(by)
            )
        return _table(self._data[f"by_{by}"])

    def chart(self, by: str = "sector", *, lang: Optional[str] = None) -> Chart:
        """The programme's results by group, drawn by the core: one row per group, a panel
        per figure (investment and annual saving when the money is in one currency, water,
        energy, CO2, solid waste and chemicals saved per year), each on its own scale.

        Parameters
        ----------
        by : {"sector", "cost_class", "status", "category"}
            The groups.
        lang : {"en", "es"}, optional
            The chart's language (English when absent).

        Returns
        -------
        Chart
            Its SVG, title and table; Jupyter shows it inline.

        Raises
        ------
        InvalidArgumentError
            Another grouping or language.

        Examples
        --------
        >>> import cleanprod as cp
        >>> p = cp.program.evaluate("examples", currency="USD", rates={"MXN": 0.055, "INR": 0.012})
        >>> c = p.chart("cost_class")
        >>> c.title, list(c.to_pandas().columns[:3])
        ('Results of the programme by cost class', ['group', 'number of sites', 'number of options'])
        """
        from .charts import Chart

        return Chart(_native.program_chart(self._data, by=by, lang=lang))

    def to_dict(self) -> dict[str, Any]:
        """The programme as plain data (what :func:`combine` reads back).

        Returns
        -------
        dict
            Totals, breakdowns, rows and failures.

        Examples
        --------
        >>> import cleanprod as cp
        >>> sorted(cp.program.evaluate(["examples/hotel.toml"]).to_dict())[:3]
        ['by_category', 'by_cost_class', 'by_sector']
        """
        return self._data

    def __reduce__(self) -> tuple[Any, ...]:
        return (Programme, (self._data, self.text))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Programme) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"<Programme: {self.documents} documents, {len(self.failures)} failed>"

    def _repr_html_(self) -> str:
        figure = f'<figure class="cleanprod-chart">{self.chart().svg}</figure>' if self._data["sites"] else ""
        return f"<pre>{_html.escape(self.text)}</pre>{figure}"


def _table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    return pd.json_normalize(rows, sep=".")


def sources(documents: Documents) -> list[tuple[str, str]]:
    """The (name, text) pairs of a programme's documents.

    Parameters
    ----------
    documents : path, mapping or iterable
        A folder (its ``.toml`` and ``.json`` files, sorted by name); a file; a mapping of
        name to document text, dict or :class:`~cleanprod.Assessment`; or an iterable of
        files (str or path), (name, document) pairs or assessments.

    Returns
    -------
    list of (str, str)
        Each document's name and its TOML or JSON text.

    Raises
    ------
    InvalidArgumentError
        For an item that is none of these.

    Examples
    --------
    >>> import cleanprod as cp
    >>> [name for name, _ in cp.program.sources("examples")][:2]
    ['automotive.toml', 'chemicals.toml']
    """
    from .errors import InvalidArgumentError

    def text_of(name: str, doc: Any) -> tuple[str, str]:
        if isinstance(doc, str):
            return name, doc
        if isinstance(doc, _native.Assessment):
            return name, doc.to_json()
        if isinstance(doc, Mapping):
            return name, _native.Assessment.from_dict(dict(doc)).to_json()
        raise InvalidArgumentError(
            f"document {name!r}: a text, a dict or an Assessment, not {type(doc).__name__}",
            "invalid_argument",
            name,
            type(doc).__name__,
        )

    if isinstance(documents, (str, os.PathLike)):
        path = Path(documents)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix in (".toml", ".json"))
            return [(p.name, p.read_text(encoding="utf-8")) for p in files]
        return [(path.name, path.read_text(encoding="utf-8"))]
    if isinstance(documents, Mapping):
        return [text_of(str(k), v) for k, v in documents.items()]
    out = []
    for i, item in enumerate(documents):
        if isinstance(item, (str, os.PathLike)):
            path = Path(item)
            out.append((path.name, path.read_text(encoding="utf-8")))
        elif isinstance(item, tuple) and len(item) == 2:
            out.append(text_of(str(item[0]), item[1]))
        else:
            out.append(text_of(f"document {i}", item))
    return out


def evaluate(
    documents: Documents,
    *,
    threads: Optional[int] = None,
    currency: Optional[str] = None,
    rates: Optional[Mapping[str, float]] = None,
) -> Programme:
    """Evaluate many documents as one programme, in parallel (the GIL released).

    Parameters
    ----------
    documents : path, mapping or iterable
        See :func:`sources`.
    threads : int, optional
        Threads (every core when absent); the figures do not depend on it.
    currency : str, optional
        Bring every site's money to this currency (with ``rates``); without it, money is
        summed per currency.
    rates : mapping of str to float, optional
        The value of one unit of each other currency in ``currency`` (``{"MXN": 0.055}``). A
        site whose currency has no rate is reported as a failure.

    Returns
    -------
    Programme
        Totals, breakdowns, rows, failures.

    Raises
    ------
    InvalidArgumentError
        Rates without their currency, or a document that is not a text, dict or Assessment.

    Examples
    --------
    >>> import cleanprod as cp
    >>> p = cp.program.evaluate("examples", currency="USD", rates={"MXN": 0.055})
    >>> [m["currency"] for m in p.totals["money"]]
    ['USD']
    """
    data, text = _native.program_evaluate(
        sources(documents), threads=threads, currency=currency, rates=dict(rates) if rates is not None else None
    )
    return Programme(data, text)


def combine(
    parts: Iterable[Union[Programme, Mapping[str, Any]]],
    *,
    currency: Optional[str] = None,
    rates: Optional[Mapping[str, float]] = None,
) -> Programme:
    """The programme of parts evaluated apart (batches of documents, on other processes or
    machines): the same as evaluating all their documents at once.

    Parameters
    ----------
    parts : iterable of Programme or dict
        The parts, in order (a dict: :meth:`Programme.to_dict`).
    currency, rates : optional
        The exchange rates the parts were evaluated with (see :func:`evaluate`).

    Returns
    -------
    Programme
        Rows and failures of every part in order; totals and breakdowns over them all.

    Raises
    ------
    InvalidArgumentError
        Rates without their currency.

    Examples
    --------
    >>> import cleanprod as cp
    >>> a = cp.program.evaluate(["examples/hotel.toml"])
    >>> b = cp.program.evaluate(["examples/hospital.toml"])
    >>> cp.program.combine([a, b]) == cp.program.evaluate(["examples/hotel.toml", "examples/hospital.toml"])
    True
    """
    dicts = [p.to_dict() if isinstance(p, Programme) else dict(p) for p in parts]
    data, text = _native.program_combine(
        dicts, currency=currency, rates=dict(rates) if rates is not None else None
    )
    return Programme(data, text)


#: What a table of firms can be given as.
FirmTable = Union[str, "os.PathLike[str]", Any]


class Screening:
    """A region screened: its firms ranked by potential, with the figures each rank depends
    on, and the rows that failed.

    Parameters
    ----------
    data : dict
        The screening as the core gives it.

    Examples
    --------
    >>> import cleanprod as cp
    >>> s = cp.program.screen(cp.program.region(firms=20), by="water")
    >>> s.ranking()["rank"].tolist()[:3]
    [1, 2, 3]
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    @property
    def firms(self) -> int:
        """Rows given.

        Returns
        -------
        int
            Screened and failed together.

        Examples
        --------
        >>> import cleanprod as cp
        >>> cp.program.screen(cp.program.region(firms=5), by="co2").firms
        5
        """
        return int(self._data["firms"])

    @property
    def by(self) -> str:
        """What the firms are ranked by: ``npv``, ``water`` or ``co2``.

        Returns
        -------
        str
            The potential.

        Examples
        --------
        >>> import cleanprod as cp
        >>> cp.program.screen(cp.program.region(firms=5), by="co2").by
        'co2'
        """
        return str(self._data["by"])

    @property
    def failures(self) -> list[dict[str, str]]:
        """The rows that could not be screened, in the table's order.

        Returns
        -------
        list of dict
            ``document`` (the firm's id), ``code``, ``path`` (the column or field),
            ``category`` and ``message``.

        Examples
        --------
        >>> import cleanprod as cp
        >>> t = {"id": ["a"], "sector": ["tanning"], "raw_hides": ["500 t/d"]}
        >>> cp.program.screen(t, by="water").failures[0]["path"]
        'raw_hides'
        """
        return list(self._data["failures"])

    def ranking(self) -> pd.DataFrame:
        """The firms screened, highest potential first.

        Returns
        -------
        pandas.DataFrame
            ``rank``, ``row``, ``id``, ``sector``, ``size``, ``value``, ``currency``, ``npv``,
            ``capex``, ``annual_saving``, ``simple_payback_years``, ``water_m3``, ``co2_t``,
            ``energy_mwh``, ``options``; with draws also ``npv_mean``, ``npv_p10``,
            ``npv_p50``, ``npv_p90`` and ``probability_loss``.

        Examples
        --------
        >>> import cleanprod as cp
        >>> cp.program.screen(cp.program.region(firms=5), by="water").ranking().columns[:3].tolist()
        ['rank', 'row', 'id']
        """
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        columns = [
            "rank", "row", "id", "sector", "size", "value", "currency", "npv", "capex", "annual_saving",
            "simple_payback_years", "water_m3", "co2_t", "energy_mwh", "options",
        ]
        if self._data.get("draws") is not None:
            columns += ["npv_mean", "npv_p10", "npv_p50", "npv_p90", "probability_loss"]
        return pd.DataFrame(list(self._data["ranking"]), columns=columns)

    def to_dict(self) -> dict[str, Any]:
        """The screening as plain data (what :func:`cleanprod.dask.screen` combines).

        Returns
        -------
        dict
            ``firms``, ``by``, ``ranking``, ``failures``.

        Examples
        --------
        >>> import cleanprod as cp
        >>> sorted(cp.program.screen(cp.program.region(firms=2), by="co2").to_dict())
        ['by', 'failures', 'firms', 'ranking']
        """
        return self._data

    def __reduce__(self) -> tuple[Any, ...]:
        return (Screening, (self._data,))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Screening) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Screening: {self.firms} firms by {self.by}, {len(self.failures)} failed>"

    def _repr_html_(self) -> str:
        head = self.ranking().head(20)
        return (
            f"<p>{self.firms} firms screened by {_html.escape(self.by)}, {len(self.failures)} failed;"
            f" the first 20:</p>" + str(head.to_html(index=False))
        )


def firm_rows(firms: FirmTable) -> tuple[list[str], list[list[str]]]:
    """A table of firms as the core reads it: column names and rows of string cells.

    Parameters
    ----------
    firms : path, DataFrame or mapping
        A CSV or Parquet file (Parquet through polars, else pandas); a pandas or polars
        DataFrame; or a
        mapping of column name to values. Missing values (``None``, NaN) become empty cells;
        numbers are written as text (``120``), values with units stay as given
        (``"12 t/d"``).

    Returns
    -------
    (list of str, list of list of str)
        Columns and rows.

    Examples
    --------
    >>> import cleanprod as cp
    >>> cp.program.firm_rows({"id": ["a"], "sector": ["hotel"], "rooms": [80]})
    (['id', 'sector', 'rooms'], [['a', 'hotel', '80']])
    """
    import math

    if isinstance(firms, (str, os.PathLike)):
        path = Path(firms)
        if path.suffix.lower() == ".parquet":
            import importlib.util

            if importlib.util.find_spec("polars") is not None:
                import polars as pl

                return firm_rows(pl.read_parquet(path))
            import pandas as pd  # type: ignore[import-untyped, unused-ignore]

            return firm_rows(pd.read_parquet(path))
        import csv

        with open(path, newline="", encoding="utf-8-sig") as f:
            records = list(csv.reader(f))
        if not records:
            return [], []
        return records[0], [r for r in records[1:] if any(c.strip() for c in r)]
    if hasattr(firms, "to_dict") and hasattr(firms, "columns") and not isinstance(firms, Mapping):
        columns = [str(c) for c in firms.columns]
        if hasattr(firms, "to_pandas") and not hasattr(firms, "iloc"):
            data = {str(k): list(v) for k, v in firms.to_dict(as_series=False).items()}
        else:
            data = {str(k): list(v) for k, v in firms.to_dict(orient="list").items()}
    else:
        data = {str(k): list(v) for k, v in dict(firms).items()}
        columns = list(data)

    def cell(v: Any) -> str:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        return str(v)

    n = len(data[columns[0]]) if columns else 0
    return columns, [[cell(data[c][i]) for c in columns] for i in range(n)]


def _uncertainty_text(uncertainty: Any) -> Optional[str]:
    # The region's uncertainty as the text the core reads: a dict as JSON, a file's text, or
    # the TOML/JSON text given.
    if uncertainty is None:
        return None
    if isinstance(uncertainty, Mapping):
        import json

        return json.dumps(dict(uncertainty))
    text: str = str(os.fspath(uncertainty))
    if isinstance(uncertainty, Path) or ("\n" not in text and "=" not in text and "{" not in text):
        return Path(text).read_text(encoding="utf-8")
    return text


def screen(
    firms: FirmTable,
    *,
    by: str = "npv",
    top: Optional[int] = None,
    threads: Optional[int] = None,
    currency: Optional[str] = None,
    rates: Optional[Mapping[str, float]] = None,
    uncertainty: Union[Mapping[str, Any], str, "os.PathLike[str]", None] = None,
    draws: Optional[int] = None,
    seed: Optional[int] = None,
    method: Optional[str] = None,
) -> Screening:
    """Screen a region's firms: each firm's document is its sector's starting document with
    the catalogue's options, scaled to its size (see ``cleanprod screen`` and the core's
    ``program::screen`` for the table of figures that scale); evaluated in parallel with the
    GIL released, then ranked by potential.

    Parameters
    ----------
    firms : path, DataFrame or mapping
        ``id``, ``sector`` and size columns (``raw_hides``, ``rooms``, ``occupancy``,
        ``beds``, ``production.output``; any other template or document path); see
        :func:`firm_rows`.
    by : {"npv", "water", "co2", "npv_mean", "npv_p10", "npv_p50", "npv_p90"}
        The potential ranked by (NPV over several currencies needs ``currency`` and
        ``rates``; the NPV's statistics need ``uncertainty``).
    top : int, optional
        Keep the first ``top`` firms of the ranking.
    threads : int, optional
        Threads (every core when absent); the figures do not depend on it.
    currency, rates : optional
        Exchange rates, as :func:`evaluate` takes them.
    uncertainty : dict, str or path, optional
        The region's uncertainty, drawn for every firm: an ``[uncertainty]`` section (as a
        dict, a TOML or JSON file, or its text) on ``prices.<resource>``,
        ``finance.discount_rate`` and the multipliers ``options.capex`` and
        ``options.savings`` of each firm's package. Each firm's draws are keyed by the seed
        and its id: the same on any number of threads or batches.
    draws, seed, method : optional
        Draws per firm (1,000 when neither they nor the section say), seed, ``"lhs"`` or
        ``"mc"``, in place of the section's.

    Returns
    -------
    Screening
        The ranking and the rows that failed; with draws each firm also has ``npv_mean``,
        ``npv_p10``, ``npv_p50``, ``npv_p90`` (percentiles as numpy's default) and
        ``probability_loss`` (the share of draws with an NPV below zero).

    Raises
    ------
    InvalidArgumentError
        An unknown potential, or rates without their currency.
    CleanprodError
        A table without ``id`` or ``sector``, an id twice, or NPVs in several currencies
        without rates.

    Examples
    --------
    >>> import cleanprod as cp
    >>> t = {"id": ["s", "l"], "sector": ["tanning", "tanning"], "raw_hides": ["3 t/d", "30 t/d"]}
    >>> cp.program.screen(t, by="water").ranking()["id"].tolist()
    ['l', 's']
    >>> u = {"inputs": [{"path": "prices.water", "spread": "± 20 %"},
    ...                 {"path": "options.capex", "spread": "± 30 %"}]}
    >>> r = cp.program.screen(t, by="npv_p10", draws=200, seed=7, uncertainty=u).ranking()
    >>> bool((r["npv_p10"] <= r["npv_p90"]).all()), r["value"].equals(r["npv_p10"])
    (True, True)
    """
    columns, rows = firm_rows(firms)
    data = _native.program_screen(
        columns, rows, by=by, threads=threads, currency=currency,
        rates=dict(rates) if rates is not None else None,
        uncertainty=_uncertainty_text(uncertainty), draws=draws, seed=seed, method=method,
    )
    if top is not None:
        data["ranking"] = data["ranking"][: max(0, int(top))]
    return Screening(data)


def region(
    spec: Optional[Mapping[str, Any]] = None, *, seed: Optional[int] = None, firms: Optional[int] = None
) -> pd.DataFrame:
    """A synthetic region's table of firms, drawn from a seed: **synthetic, not data**. The
    same table for a seed on every machine.

    Parameters
    ----------
    spec : mapping, optional
        The region's parameters (``seed``, ``firms``, ``sectors``: each ``sector``,
        ``share``, ``median`` size with its unit, ``sigma`` of ln size, optional
        ``occupancy`` range); the benchmark region (32,174 firms, seed 2026) when absent.
    seed, firms : int, optional
        Replace the seed or the number of firms of ``spec``.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``sector`` and the size columns, every cell a string (empty: not given).

    Examples
    --------
    >>> import cleanprod as cp
    >>> cp.program.region(firms=3)["sector"].tolist()
    ['automotive', 'hotel', 'tanning']
    """
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]

    columns, rows = _native.program_region(dict(spec) if spec is not None else None, seed=seed, firms=firms)
    return pd.DataFrame(rows, columns=columns)


class Fund:
    """A revolving loan fund simulated: its yearly books and loans, and with draws its Monte
    Carlo simulation over defaults, savings shortfalls and arrears (survival probability and
    spreads).

    Parameters
    ----------
    books : dict
        The fund's books as the core gives them.
    risk : dict or None
        Its Monte Carlo simulation, when drawn.
    text : str
        The fund in words, as ``cleanprod fund`` prints it.
    chart : dict
        The chart of its balance.

    Examples
    --------
    >>> import cleanprod as cp
    >>> f = cp.program.fund("examples/funds/bajio_fund.toml")
    >>> f.years()["year"].tolist()[:3]
    [0, 1, 2]
    """

    def __init__(self, books: dict[str, Any], risk: Optional[dict[str, Any]], text: str, chart: dict[str, Any]) -> None:
        self._books = books
        self._risk = risk
        self.text = text
        self._chart = chart

    @property
    def currency(self) -> str:
        """The fund's currency.

        Returns
        -------
        str
            ISO code.

        Examples
        --------
        >>> import cleanprod as cp
        >>> cp.program.fund("examples/funds/bajio_fund.toml").currency
        'MXN'
        """
        return str(self._books["currency"])

    @property
    def survival(self) -> Optional[float]:
        """The fund's survival probability over the draws (None without draws): the share of
        draws whose cash is never negative and whose cash plus outstanding at the end is at
        least ``risk.survival_share`` of the capital.

        Returns
        -------
        float or None
            From 0 to 1.

        Examples
        --------
        >>> import cleanprod as cp
        >>> 0 <= cp.program.fund("examples/funds/bajio_fund.toml", draws=100).survival <= 1
        True
        """
        return None if self._risk is None else float(self._risk["survival"])

    def years(self) -> pd.DataFrame:
        """The books, one row per year: contributions, loans made, disbursed, repaid,
        interest, written off, guarantee, outstanding, cash, leverage, savings.

        Returns
        -------
        pandas.DataFrame
            Nested savings as dotted columns (``cumulative_saved.water_m3``).

        Examples
        --------
        >>> import cleanprod as cp
        >>> y = cp.program.fund("examples/funds/bajio_fund.toml").years()
        >>> bool(((y.capital + y.cumulative_interest - y.cumulative_losses - y.outstanding - y.cash).abs() < 1e-6).all())
        True
        """
        return _table(self._books["years"])

    def loans(self) -> pd.DataFrame:
        """Every loan made, in order: year, document, option, principal, instalment, saving
        cover.

        Returns
        -------
        pandas.DataFrame
            One row per loan.

        Examples
        --------
        >>> import cleanprod as cp
        >>> bool((cp.program.fund("examples/funds/bajio_fund.toml").loans()["principal"] <= 600_000).all())
        True
        """
        return _table(self._books["loans"])

    def summary(self) -> Optional[pd.DataFrame]:
        """The spreads over the draws (None without draws): final capital, losses, written
        off, interest, loans made, lent, leverage and the savings, with mean, sd, P5, P50
        and P95.

        Returns
        -------
        pandas.DataFrame or None
            One row per figure, indexed by its name.

        Examples
        --------
        >>> import cleanprod as cp
        >>> s = cp.program.fund("examples/funds/bajio_fund.toml", draws=100, seed=1).summary()
        >>> bool(s.loc["final_capital", "p5"] <= s.loc["final_capital", "p95"])
        True
        """
        if self._risk is None:
            return None
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        names = ["final_capital", "losses", "defaults", "interest", "loans_made", "lent", "leverage"]
        rows = {n: self._risk[n] for n in names}
        rows.update({f"saved.{k}": v for k, v in self._risk["saved"].items()})
        keys = ["mean", "sd", "p5", "p50", "p95"]
        return pd.DataFrame({n: {k: s[k] for k in keys} for n, s in rows.items()}).T

    def balance(self) -> Optional[pd.DataFrame]:
        """The fund's balance (cash + outstanding) by year over the draws (None without
        draws): mean, P5, P50, P95.

        Returns
        -------
        pandas.DataFrame or None
            One row per year.

        Examples
        --------
        >>> import cleanprod as cp
        >>> len(cp.program.fund("examples/funds/bajio_fund.toml", draws=50).balance())
        10
        """
        if self._risk is None:
            return None
        return _table([{"year": y["year"], **y["balance"]} for y in self._risk["yearly"]])

    def chart(self) -> Any:
        """The chart of the fund's balance: cash, outstanding, their sum and the cumulative
        losses by year; with draws, the P5 to P95 band.

        Returns
        -------
        cleanprod.charts.Chart
            Its SVG and the figures drawn.

        Examples
        --------
        >>> import cleanprod as cp
        >>> cp.program.fund("examples/funds/bajio_fund.toml").chart().kind
        'fund-balance'
        """
        from .charts import Chart

        return Chart(self._chart)

    def to_dict(self) -> dict[str, Any]:
        """The books and the simulation as plain data.

        Returns
        -------
        dict
            ``{"fund": ..., "monte_carlo": ...}`` (the latter None without draws).

        Examples
        --------
        >>> import cleanprod as cp
        >>> sorted(cp.program.fund("examples/funds/bajio_fund.toml").to_dict())
        ['fund', 'monte_carlo']
        """
        return {"fund": self._books, "monte_carlo": self._risk}

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        n = len(self._books["loans"])
        drawn = "" if self._risk is None else f", survival {self._risk['survival']:.1%}"
        return f"<Fund: {n} loans in {self.currency}{drawn}>"

    def _repr_html_(self) -> str:
        return f"{self._chart['svg']}<pre>{_html.escape(self.text)}</pre>"


def fund(
    document: Union[str, "os.PathLike[str]", Mapping[str, Any]],
    *,
    draws: Optional[int] = None,
    seed: int = 0,
    threads: Optional[int] = None,
    lang: Optional[str] = None,
) -> Fund:
    """Simulate a revolving loan fund year by year and, with ``draws``, its Monte Carlo
    simulation over defaults, savings shortfalls and arrears.

    Parameters
    ----------
    document : path or mapping
        A fund document (TOML or JSON file: currency, years, contributions, rules, risk, and
        its pipeline as candidates and/or ``assessments``, files or folders relative to the
        document), or its dict (assessments relative to the working folder).
    draws : int, optional
        Monte Carlo draws.
    seed : int
        Seed of the draws.
    threads : int, optional
        Threads (every core when absent); the figures do not depend on it.
    lang : {"en", "es"}, optional
        Language of the chart's words.

    Returns
    -------
    Fund
        Books, loans, and with draws the survival probability and spreads.

    Raises
    ------
    CleanprodError
        A document field out of range, with its path (``rules.share``).

    Examples
    --------
    >>> import cleanprod as cp
    >>> f = cp.program.fund("examples/funds/bajio_fund.toml", draws=200, seed=7)
    >>> bool(f.years()["leverage"].iloc[-1] > 1)
    True
    """
    if isinstance(document, Mapping):
        doc = dict(document)
        base = Path(".")
    else:
        path = Path(document)
        fmt = "json" if path.suffix == ".json" else "toml"
        doc = _native.program_fund_document(path.read_text(encoding="utf-8"), fmt)
        base = path.parent
    found: list[tuple[str, str]] = []
    for a in doc.get("assessments", []):
        found.extend(sources(base / a))
    books, risk, text, chart = _native.program_fund(
        doc, found, draws=draws, seed=seed, threads=threads, lang=lang
    )
    return Fund(books, risk, text, chart)
