"""A notebook user's script, checked with ``mypy --strict`` (tests/test_typing.py) and run.

``assert_type`` fails the type check when a result's declared type is not the one named:
tables are DataFrames, one series gives a float, a DataFrame of rows gives a Series.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import pandas as pd
import polars as pl
from typing_extensions import assert_type

import cleanprod as cp
from cleanprod import finance

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    a = cp.Assessment.from_file(ROOT / "examples" / "tannery_measured.toml")
    b = a.with_values({"prices.water": "40 MXN/m3"})
    assert assert_type(a.summary()["currency"], str) == "MXN"

    ev = a.evaluate()
    options = assert_type(ev.options, pd.DataFrame)
    units: dict[str, str] = options.attrs["units"]
    assert units["npv"] == "MXN"
    assert_type(ev.to_pandas(), pd.DataFrame)
    assert_type(ev.savings, pd.DataFrame)
    assert_type(ev.cash_flows, pd.DataFrame)
    assert_type(ev.money, pd.DataFrame)
    assert_type(ev.levelized_costs, pd.DataFrame)
    assert_type(ev.to_polars(), pl.DataFrame)
    assert_type(ev.ranking("simple_payback_years"), list[str])

    steps = assert_type(ev.portfolio().to_pandas(), pd.DataFrame)
    assert steps.index.name == "id"
    assert_type(cp.compare({"base": a, "dear water": b}), pd.DataFrame)

    balance = a.balance()
    assert balance is not None
    tables = assert_type(balance.to_pandas(), dict[str, pd.DataFrame])
    assert "streams" in tables
    flow = assert_type(balance.value("water", "soak_in"), Optional[float])
    assert flow is not None and flow > 0

    reconciliation = a.reconcile()
    assert_type(reconciliation.to_pandas(), pd.DataFrame)
    assert_type(reconciliation.tests(), pd.DataFrame)

    one = assert_type(finance.npv(0.1, [-100.0, 60.0, 60.0]), float)
    rows = pd.DataFrame([[-100, 60, 60], [-100, 30, 30]], index=["a", "b"])
    per_row = assert_type(finance.irr(rows), "pd.Series[float]")
    assert per_row.index.tolist() == ["a", "b"] and one > 0
    assert_type(finance.payback([-100, 50, 60]), Optional[float])
    assert_type(finance.pmt(0.08 / 12, 60, 15_000), float)

    risk = cp.Assessment.from_file(ROOT / "tests" / "fixtures" / "documents" / "valid" / "risk.toml")
    sim = risk.simulate(draws=200, seed=1)
    assert_type(sim.summary(), pd.DataFrame)
    assert_type(sim.tornado("rinse"), pd.DataFrame)


if __name__ == "__main__":
    main()
