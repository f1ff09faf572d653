"""Material balances of an assessment's flowsheet: solved and reconciled stream values, unit
balances, the reconciliation test and the findings, per component. Amounts are in kg/yr."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # pandas and polars are optional: imported for the annotations only
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    import polars as pl  # type: ignore[import-not-found, unused-ignore]

from .errors import UnknownIdError

__all__ = ["Balance"]

#: Columns of the balance tables that are amounts (in ``Balance.unit``).
_AMOUNTS = {"value", "given", "uncertainty", "inflow", "outflow", "imbalance", "measured", "solved"}


class Balance:
    """The balances of a flowsheet (from :meth:`cleanprod.Assessment.balance`)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        self.unit: str = data["unit"]
        self.components: list[dict[str, Any]] = data["components"]

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
        """Every finding, prefixed by its component."""
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
        """The balances as tables. Needs pandas.

        Returns
        -------
        dict of str to pandas.DataFrame
            ``streams`` (one row per component and stream) and ``units`` (one row per component and
            unit operation), amounts in kg/yr (in ``attrs["units"]``).

        Examples
        --------
        >>> import cleanprod as cp
        >>> b = cp.Assessment.from_file("examples/tannery_measured.toml").balance()
        >>> t = b.to_pandas()["streams"]
        >>> t.attrs["units"]["value"]
        'kg/yr'
        """
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        streams = pd.DataFrame([{"component": c["component"], **s} for c in self.components for s in c["streams"]])
        units = pd.DataFrame([{"component": c["component"], **n} for c in self.components for n in c["nodes"]])
        for df in (streams, units):
            for column in df.columns:
                values = [v for v in df[column] if v is not None]
                if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
                    df[column] = [math.nan if v is None else float(v) for v in df[column]]
            df.attrs["units"] = {c: self.unit for c in df.columns if c in _AMOUNTS}
        return {"streams": streams, "units": units}

    def __eq__(self, other: object) -> bool:
        """Two balances are equal when their figures are."""
        return isinstance(other, Balance) and self._data == other._data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        names = ", ".join(c["component"] for c in self.components)
        return f"<Balance of {names} ({self.unit}), {len(self.findings)} findings>"
