"""The appraisal of an assessment's options (from :meth:`cleanprod.Assessment.evaluate`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # pandas and polars are optional: imported for the annotations only
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    import polars as pl  # type: ignore[import-not-found, unused-ignore]

    from ._cleanprod import Assessment

__all__ = ["Evaluation"]

from ._cleanprod import OPTION_COLUMNS  # the columns of Evaluation.options, from the core
from .errors import UnknownIdError
from .tables import Portfolio, frame, to_polars, with_savings

#: The numeric columns of :attr:`Evaluation.options` and the unit of each (``{cur}``: the
#: document's currency).
_NUMERIC_UNITS = {
    "capex": "{cur}",
    "annual_saving": "{cur}/yr",
    "om_change": "{cur}/yr",
    "lifetime_years": "yr",
    "simple_payback_years": "yr",
    "discounted_payback_years": "yr",
    "npv": "{cur}",
    "irr": "1/yr",
    "mirr": "1/yr",
    "savings_to_investment": "",
    "co2_avoided": "t/yr",
}


class Evaluation:
    """Each option's cost class, investment, annual saving, paybacks, NPV, IRR, MIRR,
    savings per resource and CO2 avoided, and the options together. Money is in
    :attr:`currency`. Jupyter shows it as the options table with the cost curve.

    Examples
    --------
    >>> import cleanprod as cp
    >>> ev = cp.Assessment.from_file("examples/hotel.toml").evaluate()
    >>> ev.currency, ev.ranking("npv")[0]
    ('USD', 'led_lighting')
    """

    def __init__(self, data: dict[str, Any], assessment: Optional[Assessment] = None) -> None:
        self._data = data
        self._assessment = assessment
        self.currency: str = data["currency"]
        self.results: list[dict[str, Any]] = data["options"]
        self._options: Optional[pd.DataFrame] = None

    def __getstate__(self) -> dict[str, Any]:  # the tables are made again after unpickling
        return {**self.__dict__, "_options": None}

    def _units(self) -> dict[str, str]:
        return {c: u.format(cur=self.currency) for c, u in _NUMERIC_UNITS.items() if u}

    def option(self, option_id: str) -> dict[str, Any]:
        """The appraisal of one option, alone against the baseline.

        Parameters
        ----------
        option_id : str
            The option's id, as in the document.

        Returns
        -------
        dict
            The option's figures as plain data: ``capex`` (money), ``annual_saving`` (money/yr),
            ``npv`` (money), ``irr`` and ``mirr`` (1/yr), paybacks (yr), ``co2_avoided`` (t/yr),
            ``savings`` (amount and unit per resource), ``cash_flows`` (money per year from 0)...

        Raises
        ------
        UnknownIdError
            (a :class:`KeyError`) for an id the evaluation does not have, listing those it has.

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> ev.option("flow_restrictor")["annual_saving"]
        1500.0
        """
        for o in self.results:
            if o["id"] == option_id:
                return o
        known = ", ".join(o["id"] for o in self.results)
        raise UnknownIdError(
            f"no option {option_id!r}; known options: {known}", "unknown_option", str(option_id), str(option_id)
        )

    @property
    def options(self) -> pd.DataFrame:
        """One row per option, alone against the baseline. Needs pandas.

        Returns
        -------
        pandas.DataFrame
            Indexed by id: the columns of ``OPTION_COLUMNS`` (title, category, cost class,
            ``capex``, ``annual_saving``, ``om_change``, ``lifetime_years``, paybacks, ``npv``,
            ``irr``, ``mirr``, ``savings_to_investment``, ``co2_avoided``), then one float
            column per resource saved (as :attr:`savings`; a resource named like an earlier
            column is prefixed ``saved``). Numbers are floats, NaN where there is none (an IRR
            that does not exist); the unit of each column in ``attrs["units"]`` (money in
            :attr:`currency`, savings in their resource's unit per year). The same DataFrame
            each time: edits to it stay.

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> t = ev.options
        >>> t.attrs["units"]["capex"], t.attrs["units"]["water"], float(t.loc["flow_restrictor", "water"])
        ('USD', 'm3/yr', 500.0)
        >>> int(t.loc["flow_restrictor", "lifetime_years"]), t.attrs["units"]["om_change"]
        (5, 'USD/yr')
        """
        if self._options is None:
            table = frame(self.results, list(OPTION_COLUMNS), self._units(), index="id", numeric=_NUMERIC_UNITS)
            savings = self.savings
            renamed = {c: f"saved {c}" for c in savings.columns if c in table.columns}
            units = {**table.attrs["units"], **{renamed.get(c, c): u for c, u in savings.attrs["units"].items()}}
            table = table.join(savings.rename(columns=renamed))
            table.attrs["units"] = units
            self._options = table
        return self._options

    @property
    def savings(self) -> pd.DataFrame:
        """The amounts each option saves per year (a pandas DataFrame indexed by option id),
        one float column per resource and unpriced load, each in one unit for every option
        (in ``attrs["units"]``: ``"m3/yr"``, ``"kWh/yr"``, ``"kg/yr"``...); 0 where an option
        saves none of it, negative where it uses more. Needs pandas.

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> float(ev.savings.loc["flow_restrictor", "water"]), ev.savings.attrs["units"]["water"]
        (500.0, 'm3/yr')
        """
        rows, names, units = with_savings([{"id": o["id"], "savings": o["savings"]} for o in self.results])
        return frame(rows, ["id", *names], units, index="id", numeric=names)

    @property
    def money(self) -> pd.DataFrame:
        """The money each option saves per year on each priced commodity. Needs pandas.

        Returns
        -------
        pandas.DataFrame
            Indexed by option id, one float column per commodity (the document's price
            names: ``water``, ``electricity``...), in :attr:`currency` per year (in
            ``attrs["units"]``); 0 where an option saves none of it. Their sum less the change
            of O&M cost is the option's ``annual_saving``.

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> t = ev.money  # 500 m3 of water at 2 USD/m3, and of wastewater at 1 USD/m3
        >>> float(t.loc["flow_restrictor", "water"]), float(t.loc["flow_restrictor", "wastewater"])
        (1000.0, 500.0)
        >>> t.attrs["units"]["water"]
        'USD/yr'
        """
        names: list[str] = []
        for o in self.results:
            names.extend(n for n in o["money"] if n not in names)
        rows = [{"id": o["id"], **{n: o["money"].get(n, 0.0) for n in names}} for o in self.results]
        units = {n: f"{self.currency}/yr" for n in names}
        return frame(rows, ["id", *names], units, index="id", numeric=names)

    @property
    def levelized_costs(self) -> pd.DataFrame:
        """Each option's levelized cost of its main resource (whose saving is worth most). Needs pandas.

        Returns
        -------
        pandas.DataFrame
            Indexed by option id: the ``resource``, the ``unit`` of that row's cost (money per
            unit of the resource, ``"USD/m3"``) and the ``levelized_cost`` (NaN where there
            is none): the investment annualized over the option's life at the discount rate,
            plus the O&M change, per unit saved.

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> t = ev.levelized_costs
        >>> t.loc["flow_restrictor", "unit"], round(float(t.loc["flow_restrictor", "levelized_cost"]), 4)
        ('USD/m3', 0.5009)
        """
        rows = []
        for o in self.results:
            lc = o.get("levelized_cost") or {}
            per = lc.get("per")
            rows.append(
                {
                    "id": o["id"],
                    "resource": lc.get("resource"),
                    "unit": None if per is None else f"{self.currency}/{per}",
                    "levelized_cost": lc.get("value"),
                }
            )
        return frame(rows, ["id", "resource", "unit", "levelized_cost"], {}, index="id", numeric=["levelized_cost"])

    @property
    def cash_flows(self) -> pd.DataFrame:
        """The cash flows appraised, one row per option and one column per year from 0 (a
        pandas DataFrame, money in :attr:`currency`). Needs pandas.

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> t = ev.cash_flows
        >>> float(t.loc["flow_restrictor", 0]) == -float(ev.options.loc["flow_restrictor", "capex"]), len(t.columns)
        (True, 6)
        """
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        width = max((len(o["cash_flows"]) for o in self.results), default=0)
        rows = {o["id"]: list(o["cash_flows"]) + [0.0] * (width - len(o["cash_flows"])) for o in self.results}
        df = pd.DataFrame.from_dict(rows, orient="index", columns=list(range(width)), dtype=float)
        df.index.name = "id"
        df.columns.name = "year"
        df.attrs["units"] = {year: self.currency for year in df.columns}
        return df

    def to_pandas(self) -> pd.DataFrame:
        """A copy of :attr:`options`: one row per option with its figures and the resources it
        saves, units in ``attrs["units"]``. Needs pandas.

        Returns
        -------
        pandas.DataFrame
            One row per option, indexed by id; units of the columns in ``attrs["units"]``
            (money in :attr:`currency`, savings in their resource's unit per year).

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> t = ev.to_pandas()
        >>> float(t.loc["flow_restrictor", "water"]), t.attrs["units"]["water"], t.attrs["units"]["npv"]
        (500.0, 'm3/yr', 'USD')
        """
        out = self.options.copy()
        out.attrs["units"] = dict(self.options.attrs["units"])
        return out

    def to_polars(self) -> pl.DataFrame:
        """:meth:`to_pandas` as a polars DataFrame. Needs polars.

        Returns
        -------
        polars.DataFrame
            The same figures, the index as the first column ``id``; polars has no attrs, so the
            units are in the column names (``npv [USD]``, see :func:`cleanprod.tables.to_polars`).

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> t = ev.to_polars()
        >>> t.columns[:2], t["annual_saving [USD/yr]"][0]
        (['id', 'title'], 1500.0)
        """
        return to_polars(self.to_pandas())

    def _repr_html_(self) -> str:
        if self._assessment is None:
            return self.to_pandas().to_html()
        html: str = self._assessment.options_html()
        # The cost curve of water (else of the first resource saved), drawn by the core; a
        # document whose options save nothing priced has none.
        from .errors import CleanprodError

        try:
            curve = self._assessment.chart("cost-curve")
        except CleanprodError:
            return html
        return html + f'<figure class="cleanprod-chart">{curve.svg}</figure>'

    def portfolio(self, ids: Optional[Sequence[str]] = None) -> Portfolio:
        """The options applied one after the other to one model.

        Parameters
        ----------
        ids : sequence of str, optional
            The options, in the order they are applied. Without it, every option in the order of
            its NPV alone (the evaluation's own portfolio, which also has the budget selection and
            cost curves under ``to_dict()["portfolio"]``).

        Returns
        -------
        Portfolio
            A dict: ``steps`` (what each option adds to those before it, with the running totals)
            and ``total``; :meth:`~cleanprod.tables.Portfolio.to_pandas` makes it a table.

        Raises
        ------
        UnknownIdError
            An id the assessment does not have.
        TypeError
            ``ids`` given as one string.

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> p = ev.portfolio(["pump_timer", "flow_restrictor"])
        >>> [s["id"] for s in p["steps"]], p.to_pandas().attrs["units"]["cumulative_npv"]
        (['pump_timer', 'flow_restrictor'], 'USD')
        """
        if ids is None:
            p = self._data["portfolio"]
            return Portfolio({"steps": p["sequence"], "total": p["all"]}, self.currency)
        if isinstance(ids, str):
            raise TypeError("ids must be a sequence of option ids, not one string")
        if self._assessment is None:
            raise ValueError("this evaluation was not made from an Assessment")
        result: Portfolio = self._assessment.portfolio(list(ids))
        return result

    def ranking(self, by: str = "npv") -> list[str]:
        """Option ids ranked by a metric, best first.

        Options without a value of it (no IRR, a payback never reached) come last.

        Parameters
        ----------
        by : str, default "npv"
            ``"npv"``, ``"irr"``, ``"mirr"``, ``"simple_payback"``, ``"discounted_payback"``,
            ``"savings_to_investment"``, ``"annual_saving"``, ``"capex"``, ``"levelized_cost"`` or
            ``"co2_avoided"``, or the column of :attr:`options` that shows it
            (``"simple_payback_years"``), in any case.

        Returns
        -------
        list of str
            The option ids, best first.

        Raises
        ------
        InvalidArgumentError
            For an unknown metric, listing the known ones.

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> ev.ranking("npv")[:2]
        ['conductivity_control', 'flow_restrictor']
        >>> ev.ranking("Simple_Payback_Years") == ev.ranking("simple_payback")
        True
        """
        if self._assessment is None:
            raise ValueError("this evaluation was not made from an Assessment")
        result: list[str] = self._assessment.rank(by)
        return result

    def to_dict(self) -> dict[str, Any]:
        """The appraisal as plain data (the engine's JSON form).

        Returns
        -------
        dict
            ``currency``, ``options`` (as :meth:`option` gives each), ``portfolio``...; money in
            :attr:`currency`, every other figure in the unit its key names.

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> d = ev.to_dict()
        >>> d["currency"], len(d["options"])
        ('USD', 5)
        """
        return self._data

    def __eq__(self, other: object) -> bool:
        """Two evaluations are equal when their figures are."""
        return isinstance(other, Evaluation) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Evaluation of {len(self.results)} options ({self.currency})>"
