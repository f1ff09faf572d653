"""Risk simulations (from :meth:`cleanprod.Assessment.simulate`): the spread of every
option's results over draws of the document's uncertain inputs.

Percentiles follow the statistician's convention: ``p90`` is the value 90 % of the draws lie
below (energy finance often calls "P90" the value exceeded 90 % of the time: that is ``p10``).

Examples
--------
>>> import cleanprod as cp
>>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml")
>>> s = a.simulate(draws=1000, seed=7)
>>> round(s.output("rinse", "npv")["probability_negative"], 2)
0.31
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Literal, Optional

from . import _cleanprod as _native

if TYPE_CHECKING:  # pandas and polars are optional: imported for the annotations only
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    import polars as pl  # type: ignore[import-not-found, unused-ignore]

    from .charts import Chart

__all__ = ["Simulation"]

_SUMMARY_COLUMNS = [
    "unit",
    "base",
    "mean",
    "sd",
    "sem",
    "min",
    "p5",
    "p10",
    "p50",
    "p90",
    "p95",
    "max",
    "undefined",
    "probability_negative",
    "probability_not_low_cost",
]


def _nan(x: Any) -> float:
    return math.nan if x is None else float(x)


class Simulation:
    """The draws of a risk simulation and what they say: per option and metric the mean,
    standard deviation, standard error, percentiles, the probability of a negative NPV and of
    a payback beyond the low-cost threshold, the tornado and the rank correlations.

    Examples
    --------
    >>> import cleanprod as cp
    >>> s = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml").simulate(draws=500, seed=7)
    >>> s.draw_count, s.method, s.inputs[0]
    (500, 'lhs', 'prices.water')
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        self.draw_count: int = data["draws"]
        self.seed: int = data["seed"]
        self.method: str = data["method"]
        self.currency: str = data["currency"]
        self.warnings: list[str] = data["warnings"]
        self.failed: list[dict[str, Any]] = data["failed"]

    @property
    def inputs(self) -> list[str]:
        """The paths of the sampled inputs, in order (as the errors name them).

        Examples
        --------
        >>> import cleanprod as cp
        >>> cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml").simulate(draws=100).inputs
        ['prices.water', 'options[1].capex', 'prices.electricity']
        """
        return [i["path"] for i in self._data["inputs"]]

    def output(self, option: str, metric: str = "npv") -> dict[str, Any]:
        """One result's figures over the draws, as plain data.

        Parameters
        ----------
        option : str
            An option id, or ``"portfolio"`` for every option together.
        metric : str, default "npv"
            ``"npv"``, ``"irr"``, ``"simple_payback"``... (the ``metric`` level of :meth:`summary`).

        Returns
        -------
        dict
            ``unit``, ``base`` (at the document's inputs), ``spread`` (mean, sd, percentiles),
            ``probability_negative``, ``tornado``, ``sensitivity`` and ``values`` (every draw), in
            the result's unit (money in :attr:`currency`).

        Raises
        ------
        KeyError
            An option or metric the simulation does not have, listing the options.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml")
        >>> s = a.simulate(draws=1000, seed=7)
        >>> round(s.output("rinse", "npv")["probability_negative"], 2)
        0.31
        """
        for o in self._data["outputs"]:
            if o["option"] == option and o["metric"] == metric:
                found: dict[str, Any] = o
                return found
        known = sorted({o["option"] for o in self._data["outputs"]})
        raise KeyError(f"no result {option!r}.{metric!r}; options: {', '.join(known)}")

    def summary(self) -> pd.DataFrame:
        """One row per option and metric: the spread of each result. Needs pandas.

        Returns
        -------
        pandas.DataFrame
            Indexed by ``option`` and ``metric``: ``unit`` (of every figure of that row), the value
            at the document's inputs (``base``), ``mean``, ``sd``, ``sem``, ``min``, ``p5`` ...
            ``p95``, ``max``, the draws where undefined, P(NPV < 0) and P(payback beyond the
            low-cost threshold) (fractions).

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml")
        >>> s = a.simulate(draws=1000, seed=7)
        >>> t = s.summary()
        >>> t.loc[("rinse", "npv"), "unit"], bool(t.loc[("rinse", "npv"), "p5"] < t.loc[("rinse", "npv"), "p95"])
        ('USD', True)
        """
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        rows = []
        for o in self._data["outputs"]:
            s = o["spread"] or {}
            row = {"option": o["option"], "metric": o["metric"]}
            for c in _SUMMARY_COLUMNS:
                v = o.get(c, s.get(c))
                row[c] = v if c == "unit" else _nan(v)
            rows.append(row)
        return pd.DataFrame(rows).set_index(["option", "metric"])

    @property
    def draws(self) -> pd.DataFrame:
        """Every draw (a pandas DataFrame, one row per draw): a column per input (its path)
        and per result (``"option.metric"``); NaN where a result is undefined (an IRR that does
        not exist, a payback never reached) or the draw could not be appraised. Needs pandas.

        Examples
        --------
        >>> import cleanprod as cp
        >>> d = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml").simulate(draws=100, seed=1).draws
        >>> len(d), d.columns[0]
        (100, 'prices.water')
        """
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        columns: dict[str, Any] = {i["path"]: i["values"] for i in self._data["inputs"]}
        for o in self._data["outputs"]:
            columns[f"{o['option']}.{o['metric']}"] = [_nan(v) for v in o["values"]]
        return pd.DataFrame(columns)

    def tornado(self, option: str, metric: str = "npv") -> pd.DataFrame:
        """Each input from its P10 to its P90, the others at the document's values. Needs pandas.

        Parameters
        ----------
        option : str
            An option id, or ``"portfolio"`` for every option together.
        metric : str, default "npv"
            ``"npv"``, ``"irr"``, ``"simple_payback"``... (the ``metric`` level of :meth:`summary`).

        Returns
        -------
        pandas.DataFrame
            Indexed by input path, widest swing first: the result at each end (``at_p10``,
            ``at_p90``) and the ``swing``, in the result's unit.

        Raises
        ------
        KeyError
            An option or metric the simulation does not have.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml")
        >>> s = a.simulate(draws=1000, seed=7)
        >>> t = s.tornado("rinse")
        >>> list(t.columns), bool((t["swing"].diff().dropna() <= 0).all())
        (['at_p10', 'at_p90', 'swing'], True)
        """
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        bars = self.output(option, metric)["tornado"]
        df = pd.DataFrame(bars, columns=["input", "at_p10", "at_p90", "swing"])
        return df.astype({"at_p10": float, "at_p90": float, "swing": float}).set_index("input")

    def sensitivity(self, option: str, metric: str = "npv") -> pd.DataFrame:
        """How strongly the result follows each input over the draws. Needs pandas.

        Parameters
        ----------
        option : str
            An option id, or ``"portfolio"`` for every option together.
        metric : str, default "npv"
            ``"npv"``, ``"irr"``, ``"simple_payback"``... (the ``metric`` level of :meth:`summary`).

        Returns
        -------
        pandas.DataFrame
            Indexed by input path: the Spearman rank correlation (``spearman``) and the
            standardized regression coefficient (``src``), both from -1 to 1.

        Raises
        ------
        KeyError
            An option or metric the simulation does not have.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml")
        >>> s = a.simulate(draws=1000, seed=7)
        >>> t = s.sensitivity("rinse")
        >>> bool(t["spearman"].abs().le(1).all())
        True
        """
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        rows = self.output(option, metric)["sensitivity"]
        df = pd.DataFrame(rows, columns=["input", "spearman", "src"])
        return df.astype({"spearman": float, "src": float}).set_index("input")

    def to_dict(self) -> dict[str, Any]:
        """Everything, as plain Python objects (the CLI's ``risk --format json --columns``).

        Returns
        -------
        dict
            ``draws``, ``seed``, ``method``, ``currency``, ``inputs`` (path, unit and values of each),
            ``outputs`` (as :meth:`output` gives each), ``warnings`` and ``failed``.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml")
        >>> s = a.simulate(draws=1000, seed=7)
        >>> d = s.to_dict()
        >>> d["draws"], d["seed"], d["method"]
        (1000, 7, 'lhs')
        """
        return self._data

    def chart(
        self,
        kind: Literal["tornado", "histogram"] = "tornado",
        *,
        option: Optional[str] = None,
        lang: Optional[Literal["en", "es"]] = None,
    ) -> Chart:
        """A chart of this simulation's NPV drawn by the core, without running it again (the
        same SVG as ``Assessment.chart`` gives for the same draws and seed).

        Parameters
        ----------
        kind : {"tornado", "histogram"}, default "tornado"
            What drives the NPV (each input from its P10 to its P90), or its distribution
            over the draws with P(NPV < 0) shaded.
        option : str, optional
            The option (all options together when absent).
        lang : {"en", "es"}, optional
            The language of the chart's words and numbers (English when absent).

        Returns
        -------
        Chart
            Its SVG, title and table; Jupyter shows it inline.

        Raises
        ------
        InvalidArgumentError
            An unknown kind.
        InvalidValueError
            A kind a simulation does not draw (a Sankey).

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml")
        >>> s = a.simulate(draws=200, seed=5)
        >>> s.chart("histogram") == a.chart("histogram", draws=200, seed=5)
        True
        >>> s.chart(option="rinse", lang="es").title
        'Qué mueve el VAN de rinse, USD'
        """
        from .charts import Chart

        options = {k: v for k, v in (("option", option), ("lang", lang)) if v is not None}
        return Chart(_native.simulation_chart(self._data, kind, options))

    def _repr_html_(self) -> str:
        """The NPV of each option and of the portfolio as an HTML table, with the tornado and
        the histogram of all options together, for Jupyter."""
        from html import escape

        def money(x: Any) -> str:
            return "" if x is None else f"{x:,.0f}"

        rows = []
        for o in self._data["outputs"]:
            if o["metric"] != "npv":
                continue
            s = o["spread"] or {}
            p = o["probability_negative"]
            rows.append(
                f"<tr><td>{escape(o['option'])}</td><td>{money(o['base'])}</td>"
                f"<td>{money(s.get('mean'))}</td><td>{money(s.get('p5'))}</td>"
                f"<td>{money(s.get('p50'))}</td><td>{money(s.get('p95'))}</td>"
                f"<td>{'' if p is None else f'{p:.1%}'}</td></tr>"
            )
        head = "".join(
            f"<th>{h}</th>" for h in ["option", "base", "mean", "P5", "P50", "P95", "P(NPV&lt;0)"]
        )
        figures = ""
        if any(o["option"] == "portfolio" and o["spread"] for o in self._data["outputs"]):
            for kind in ("tornado", "histogram"):
                figures += f'<figure class="cleanprod-chart">{self.chart(kind).svg}</figure>'
        return (
            f"<p>{self.draw_count} draws ({escape(self.method)}, seed {self.seed}); "
            f"NPV in {escape(self.currency)}</p><table><tr>{head}</tr>{''.join(rows)}</table>"
            + figures
        )

    def __repr__(self) -> str:
        return (
            f"<Simulation {self.draw_count} draws ({self.method}, seed {self.seed}) of "
            f"{len(self.inputs)} inputs>"
        )
