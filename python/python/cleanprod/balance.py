"""Material balances of an assessment's flowsheet: solved and reconciled stream values, unit
balances, the reconciliation test and the findings, per component, and the energy balance.

The engine gives amounts in kg/yr (water too, read at 1 kg/L) and energy in kWh/yr;
:meth:`Balance.to_pandas` shows them in the units a reader expects: water in m3/yr, other
components in t/yr, energy in MWh/yr."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # pandas and polars are optional: imported for the annotations only
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    import polars as pl  # type: ignore[import-not-found, unused-ignore]

    from ._cleanprod import Assessment
    from .charts import Chart

from .errors import UnknownIdError

__all__ = ["Balance"]

#: Columns of the stream and unit tables that are amounts (in the row's ``unit``).
_AMOUNTS = ("given", "value", "uncertainty", "inputs", "outputs", "given_residual", "residual")
#: Columns of the energy table besides one per carrier (in its ``attrs["units"]``).
_ENERGY = ("total", "useful", "losses", "water_heat_in", "water_heat_out")
#: The density at which the engine reads a volume of water as a mass, 1000 kg/m3
#: (core/src/flowsheet/model.rs, WATER_DENSITY), to show water as a volume again.
_WATER_DENSITY = 1000.0  # kg/m3
#: Display units of the tables.
_WATER_UNIT, _MASS_UNIT, _ENERGY_UNIT = "m3/yr", "t/yr", "MWh/yr"


def _factor(unit: str, dimension: str, display: str, per: float = 1.0, as_: str = "") -> float:
    """What one ``unit`` (of ``dimension``) divided by ``per`` is in ``display`` (of ``as_``,
    by default ``dimension``); the engine reads the units."""
    from ._cleanprod import to_si

    return to_si(f"1 {unit}", dimension) / per / to_si(f"1 {display}", as_ or dimension)


def _floats(rows: list[dict[str, Any]], columns: tuple[str, ...], factor: float) -> None:
    """``columns`` of ``rows`` as floats times ``factor``, NaN for None (in place)."""
    for r in rows:
        for c in columns:
            if c in r:
                r[c] = math.nan if r[c] is None else float(r[c]) * factor + 0.0  # no -0.0


class Balance:
    """The balances of a flowsheet (from :meth:`cleanprod.Assessment.balance`): per component,
    each stream's value and status, each unit's closure, the reconciliation test and the
    findings; :meth:`to_pandas` gives the tables.

    Examples
    --------
    >>> import cleanprod as cp
    >>> b = cp.Assessment.from_file("examples/tannery_measured.toml").balance()
    >>> [c["component"] for c in b.components][:2], b.unit
    (['water', 'Cr2O3'], 'kg/yr')
    """

    def __init__(self, data: dict[str, Any], assessment: Optional[Assessment] = None) -> None:
        self._data = data
        self._assessment = assessment
        self.unit: str = data["unit"]
        self.components: list[dict[str, Any]] = data["components"]

    def sankey(self, component: Optional[str] = None) -> Chart:
        """The Sankey diagram of a component's balance, before and after the options, drawn by
        the core (as :func:`cleanprod.charts.sankey`).

        Parameters
        ----------
        component : str, optional
            The component (``"water"``, ``"Cr2O3"``...) or ``"energy"``; water when the
            flowsheet carries it, else its first component.

        Returns
        -------
        Chart
            Its SVG, title and table; Jupyter shows it inline.

        Raises
        ------
        ValueError
            For a balance not made by :meth:`cleanprod.Assessment.balance`.

        Examples
        --------
        >>> import cleanprod as cp
        >>> b = cp.Assessment.from_file("examples/tannery_measured.toml").balance()
        >>> b.sankey().title, b.sankey("Cr2O3").title
        ('Balance of water', 'Balance of Cr2O3')
        """
        if self._assessment is None:
            raise ValueError("this balance was not made from an Assessment")
        chart: Chart = self._assessment.chart("sankey", component=component)
        return chart

    def _repr_html_(self) -> str:
        import html

        parts = []
        if self._assessment is not None and self.components:
            from .errors import CleanprodError

            try:
                parts.append(f'<figure class="cleanprod-chart">{self.sankey().svg}</figure>')
            except CleanprodError:
                pass
        try:
            streams = self.to_pandas()["streams"]
            parts.append(streams.to_html(index=False, na_rep="", float_format=lambda x: f"{x:,.4g}"))
        except ImportError:  # without pandas: the findings alone
            pass
        if self.findings:
            items = "".join(f"<li>{html.escape(f)}</li>" for f in self.findings)
            parts.append(f"<p>Findings</p><ul>{items}</ul>")
        return "".join(parts) or html.escape(repr(self))

    def component(self, name: str) -> dict[str, Any]:
        """The analysis of one component.

        Parameters
        ----------
        name : str
            The component, as the document names it (``"water"``, ``"Cr2O3"``).

        Returns
        -------
        dict
            ``streams`` and ``nodes`` (amounts in kg/yr), ``site`` (sources and sinks),
            ``reconciliation`` (or None) and ``findings``.

        Raises
        ------
        UnknownIdError
            A component the balance does not have, listing those it has.

        Examples
        --------
        >>> import cleanprod as cp
        >>> b = cp.Assessment.from_file("examples/tannery_measured.toml").balance()
        >>> sorted(b.component("Cr2O3")["site"]["sinks"])
        ['product', 'wastewater']
        """
        for c in self.components:
            if c["component"] == name:
                return c
        known = ", ".join(c["component"] for c in self.components)
        raise UnknownIdError(f"no component {name!r}; known components: {known}", "unknown_component", name, name)

    def value(self, component: str, stream: str) -> Optional[float]:
        """The solved or reconciled flow of ``component`` in ``stream``.

        Parameters
        ----------
        component : str
            The component (``"water"``).
        stream : str
            The stream's id in the flowsheet.

        Returns
        -------
        float or None
            kg/yr (water too, at 1 kg/L), or None where the balance cannot determine it.

        Raises
        ------
        UnknownIdError
            An unknown component or stream, listing the known ones.

        Examples
        --------
        >>> import cleanprod as cp
        >>> b = cp.Assessment.from_file("examples/tannery_measured.toml").balance()
        >>> round(b.value("Cr2O3", "chrome_offer"))
        80640
        """
        streams = self.component(component)["streams"]
        for s in streams:
            if s["stream"] == stream:
                return None if s["value"] is None else float(s["value"])
        known = ", ".join(s["stream"] for s in streams)
        raise UnknownIdError(f"no stream {stream!r} of {component}; known streams: {known}", "unknown_stream", stream, stream)

    @property
    def findings(self) -> list[str]:
        """Every finding, prefixed by its component.

        Examples
        --------
        >>> import cleanprod as cp
        >>> b = cp.Assessment.from_file("examples/tannery_measured.toml").balance()
        >>> all(": " in f for f in b.findings)
        True
        """
        return [f"{c['component']}: {f}" for c in self.components for f in c["findings"]]

    def to_dict(self) -> dict[str, Any]:
        """The balances as plain data (the engine's JSON form).

        Returns
        -------
        dict
            ``unit`` (of the amounts, ``"kg/yr"``), ``components``, ``energy`` (kWh/yr, or None)
            and ``specific_water``.

        Examples
        --------
        >>> import cleanprod as cp
        >>> b = cp.Assessment.from_file("examples/tannery_measured.toml").balance()
        >>> d = b.to_dict()
        >>> d["unit"], d["energy"]["unit"]
        ('kg/yr', 'kWh/yr')
        """
        return self._data

    def to_pandas(self) -> dict[str, pd.DataFrame]:
        """The balances as tables, in display units. Needs pandas.

        Returns
        -------
        dict of str to pandas.DataFrame
            ``streams``: one row per component and stream (``component``, ``stream``,
            ``from`` and ``to`` (the nodes it leaves and enters), ``status``, ``unit``,
            ``given``, ``value``, ``uncertainty``, ``z``, ``suspect``); ``units``: one row per component and unit operation (``node``,
            ``unit``, ``inputs``, ``outputs``, ``given_residual``, ``residual``,
            ``given_closure_percent``); amounts in the row's ``unit``: ``"m3/yr"`` for water,
            ``"t/yr"`` for other components. ``energy``: one row per unit operation that uses
            energy, indexed by ``node``: one column per carrier, ``total``, ``useful``,
            ``losses``, ``water_heat_in`` and ``water_heat_out``, in MWh/yr (in
            ``attrs["units"]``); empty without an energy balance. Numbers are float columns,
            NaN where there is no value.

        Examples
        --------
        >>> import cleanprod as cp
        >>> b = cp.Assessment.from_file("examples/tannery_measured.toml").balance()
        >>> streams = b.to_pandas()["streams"].set_index(["component", "stream"])
        >>> water = streams.loc[("water", "soak_in")]
        >>> water["unit"], round(float(water["given"])), water["from"], water["to"]
        ('m3/yr', 33600, 'mains', 'soaking')
        >>> chrome = streams.loc[("Cr2O3", "chrome_offer")]
        >>> chrome["unit"], round(float(chrome["value"]), 2)
        ('t/yr', 80.64)
        >>> energy = b.to_pandas()["energy"]
        >>> energy.attrs["units"]["natural_gas"], round(float(energy.loc["boiler", "natural_gas"]), 1)
        ('MWh/yr', 1308.5)
        """
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        water = _factor(self.unit, "mass_rate", _WATER_UNIT, _WATER_DENSITY, "volume_rate")
        mass = _factor(self.unit, "mass_rate", _MASS_UNIT)
        tables = {}
        for key, name, first in (("streams", "stream", "status"), ("nodes", "node", None)):
            rows = []
            for c in self.components:
                is_water = c["component"] == "water"
                for item in c[key]:
                    row = {"component": c["component"], name: item[name]}
                    row.update({k: item[k] for k in ("from", "to") if k in item})
                    if first is not None:
                        row[first] = item[first]
                    row["unit"] = _WATER_UNIT if is_water else _MASS_UNIT
                    row.update({k: v for k, v in item.items() if k not in row})
                    rows.append(row)
                _floats(rows[len(rows) - len(c[key]):], _AMOUNTS, water if is_water else mass)
            _floats(rows, ("z", "given_closure_percent"), 1.0)
            df = pd.DataFrame(rows, columns=list(rows[0]) if rows else ["component", name, "unit"])
            df.attrs["units"] = {"given_closure_percent": "%"} if key == "nodes" else {}
            tables["streams" if key == "streams" else "units"] = df
        tables["energy"] = self._energy_table()
        return tables

    def _energy_table(self) -> pd.DataFrame:
        """One row per unit operation of the energy balance, in MWh/yr."""
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        energy = self._data.get("energy")
        if not energy:
            df = pd.DataFrame(columns=["node", *_ENERGY], dtype=float).set_index("node")
            df.attrs["units"] = {}
            return df
        factor = _factor(energy["unit"], "power", _ENERGY_UNIT)
        carriers = list(energy["carriers"])
        rows = []
        for n in energy["nodes"]:
            row = {"node": n["node"], **{c: n["inputs"].get(c, 0.0) for c in carriers}}
            row.update({c: n[c] for c in _ENERGY})
            rows.append(row)
        _floats(rows, (*carriers, *_ENERGY), factor)
        df = pd.DataFrame(rows, columns=["node", *carriers, *_ENERGY]).set_index("node")
        df.attrs["units"] = {c: _ENERGY_UNIT for c in df.columns}
        return df

    def to_polars(self) -> dict[str, pl.DataFrame]:
        """:meth:`to_pandas` as polars tables. Needs pandas and polars.

        Returns
        -------
        dict of str to polars.DataFrame
            The same tables (see :func:`cleanprod.tables.to_polars`): the energy table's
            units in its column names, the others' in their ``unit`` column.

        Examples
        --------
        >>> import cleanprod as cp
        >>> b = cp.Assessment.from_file("examples/tannery_measured.toml").balance()
        >>> b.to_polars()["energy"].columns[:2]
        ['node', 'electricity [MWh/yr]']
        """
        from .tables import to_polars

        return {name: to_polars(df) for name, df in self.to_pandas().items()}

    def __eq__(self, other: object) -> bool:
        """Two balances are equal when their figures are (whatever made them)."""
        return isinstance(other, Balance) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        names = ", ".join(c["component"] for c in self.components)
        return f"<Balance of {names} ({self.unit}), {len(self.findings)} findings>"
