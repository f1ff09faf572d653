"""Every ``.to_pandas()`` table has a ``.to_polars()`` twin holding the same figures (issue 19,
item 2): the index as the first columns, each unit in its column's name, null for NaN."""

import math

import pytest

import cleanprod as cp
from conftest import FIXTURES, ROOT

pl = pytest.importorskip("polars")

TANNERY = ROOT / "examples" / "tannery.toml"
MEASURED = ROOT / "examples" / "tannery_measured.toml"
HOTEL = ROOT / "examples" / "hotel.toml"
EFFECTS = FIXTURES / "documents" / "valid" / "effects.toml"


def assert_same_figures(pandas_table, polars_table):
    units = pandas_table.attrs.get("units", {})
    named_index = any(n is not None for n in pandas_table.index.names)
    flat = pandas_table.reset_index() if named_index else pandas_table
    assert isinstance(polars_table, pl.DataFrame)
    assert polars_table.columns == [f"{c} [{units[c]}]" if c in units else str(c) for c in flat.columns]
    assert polars_table.height == len(flat) > 0
    for column, name in zip(flat.columns, polars_table.columns):
        for left, right in zip(flat[column].tolist(), polars_table[name].to_list(), strict=True):
            if left is None or (isinstance(left, float) and math.isnan(left)):
                assert right is None, (name, left, right)
            else:
                assert right == left and type(right) is type(left), (name, left, right)


def tables():
    """(what, pandas table, polars table) of every result with both."""
    for doc in (TANNERY, EFFECTS, HOTEL):
        ev = cp.Assessment.from_file(doc).evaluate()
        yield f"{doc.name} evaluation", ev.to_pandas(), ev.to_polars()
        p = ev.portfolio()
        yield f"{doc.name} portfolio", p.to_pandas(), p.to_polars()
    for doc in (TANNERY, HOTEL):
        b = cp.Assessment.from_file(doc).benchmarks()
        yield f"{doc.name} benchmarks", b.to_pandas(), b.to_polars()
    r = cp.Assessment.from_file(MEASURED).reconcile()
    yield "reconciliation", r.to_pandas(), r.to_polars()
    for doc in (MEASURED, HOTEL):
        balance = cp.Assessment.from_file(doc).balance()
        pandas_tables, polars_tables = balance.to_pandas(), balance.to_polars()
        assert set(pandas_tables) == set(polars_tables) == {"streams", "units", "energy"}
        for key in pandas_tables:
            yield f"{doc.name} balance {key}", pandas_tables[key], polars_tables[key]


@pytest.mark.parametrize("what, pandas_table, polars_table", list(tables()), ids=lambda x: x if isinstance(x, str) else "")
def test_polars_tables_hold_the_figures_of_the_pandas_tables(what, pandas_table, polars_table):
    assert_same_figures(pandas_table, polars_table)


def test_polars_table_names_the_units_and_keeps_nan_as_null():
    t = cp.Assessment.from_file(EFFECTS).evaluate().to_polars()
    assert "npv [USD]" in t.columns and "water [m3/yr]" in t.columns
    assert t.schema["npv [USD]"] == pl.Float64
    # an IRR that does not exist is NaN in pandas and null in polars
    pandas_irr = cp.Assessment.from_file(EFFECTS).evaluate().to_pandas()["irr"]
    assert t["irr [1/yr]"].null_count() == int(pandas_irr.isna().sum()) == 1
