"""Results as tables with units (issue 19, item 2): one convention, ``df.attrs["units"]``."""

import math
import pickle
import re

import pandas as pd
import pytest

import cleanprod as cp
from conftest import FIXTURES, ROOT

TANNERY = ROOT / "examples" / "tannery.toml"
EFFECTS = FIXTURES / "documents" / "valid" / "effects.toml"
FLOWSHEET = FIXTURES / "documents" / "valid" / "flowsheet.toml"

TO_SI = {"t": 1000.0, "kg": 1.0, "m3": 1.0, "kWh": 1.0, "Nm3": 1.0}


def amount_of(text):
    """'57.4933 t/yr' -> (57493.3, 'kg') in the unit of the savings table."""
    number, unit = re.fullmatch(r"(-?[\d.e+-]+) (\w+)/yr", text).groups()
    base = "kg" if unit in ("t", "kg") else unit
    return float(number) * TO_SI[unit], base


def test_options_carry_units_float_columns_and_are_the_same_object():
    ev = cp.Assessment.from_file(TANNERY).evaluate()
    df = ev.options
    assert df is ev.options  # edits are kept
    units = df.attrs["units"]
    assert units["capex"] == "MXN" and units["annual_saving"] == "MXN/yr" and units["npv"] == "MXN"
    assert units["simple_payback_years"] == "yr" and units["co2_avoided"] == "t/yr"
    for column in ("capex", "npv", "irr", "mirr", "simple_payback_years", "co2_avoided"):
        assert df[column].dtype == float, column
    # an option without an IRR has NaN, not None
    no_irr = [o["id"] for o in ev.results if o["irr"] is None]
    for i in no_irr:
        assert math.isnan(df.loc[i, "irr"])


@pytest.mark.parametrize("doc", [TANNERY, EFFECTS, ROOT / "examples" / "hotel.toml", ROOT / "examples" / "hospital.toml"])
def test_savings_are_numbers_with_one_unit_per_resource_and_agree_with_the_deltas(doc):
    ev = cp.Assessment.from_file(doc).evaluate()
    s = ev.savings
    units = s.attrs["units"]
    assert set(units) == set(s.columns)
    assert all(s[c].dtype == float for c in s.columns)
    for o in ev.results:
        for name, text in o["deltas"].items():
            if name == "CO2 emissions":
                continue
            amount, base = amount_of(text)
            assert units[name] == f"{base}/yr"
            # the text is rounded to 6 significant digits
            assert s.loc[o["id"], name] == pytest.approx(amount, rel=1e-5), (o["id"], name)


def test_tannery_savings_in_kg_for_every_option_even_where_the_text_says_t():
    s = cp.Assessment.from_file(TANNERY).evaluate().savings
    assert s.attrs["units"]["basic chromium sulphate"] == "kg/yr"
    assert s.loc["high_exhaustion", "basic chromium sulphate"] == pytest.approx(57_493.3, rel=1e-5)


def test_to_pandas_has_a_column_per_resource_and_no_text_column():
    ev = cp.Assessment.from_file(EFFECTS).evaluate()
    t = ev.to_pandas()
    assert "deltas" not in t.columns
    assert t.loc["flow_restrictor", "water"] == 500.0
    assert t.attrs["units"]["water"] == "m3/yr" and t.attrs["units"]["capex"] == "USD"
    flows = ev.cash_flows
    assert flows.loc["flow_restrictor", 0] == pytest.approx(ev.option("flow_restrictor")["cash_flows"][0])
    assert flows.attrs["units"][0] == "USD"


def test_evaluation_renders_in_jupyter_with_units_and_whole_money():
    ev = cp.Assessment.from_file(TANNERY).evaluate()
    html = ev._repr_html_()
    assert "<th>capex [MXN]</th>" in html and "<th>NPV [MXN]</th>" in html
    assert "<th>water [m3/yr]</th>" in html
    assert "e+0" not in html
    assert "9\u202f886\u202f685" in html  # the NPV of high exhaustion, not 9.886685e+06
    assert "options together" in html


def test_portfolio_benchmarks_and_reconcile_have_tables_and_stay_plain_data():
    a = cp.Assessment.from_file(TANNERY)
    p = a.evaluate().portfolio()
    assert isinstance(p, dict) and set(p) == {"steps", "total"}
    steps = p.to_pandas()
    assert list(steps.index) == [s["id"] for s in p["steps"]]
    assert steps.attrs["units"]["npv"] == "MXN" and steps.attrs["units"]["water"] == "m3/yr"
    assert steps.loc["batch_washing", "water"] == pytest.approx(16_128)
    chosen = a.portfolio(["batch_washing"]).to_pandas()
    assert list(chosen.index) == ["batch_washing"]
    b = a.benchmarks()
    assert isinstance(b, dict)
    table = b.to_pandas()
    assert table.loc["water", "unit"] == "m3/t"
    assert table.loc["water", "before"] == pytest.approx(35.0)
    assert math.isnan(table.loc["cod", "low"])
    r = cp.Assessment.from_file(FLOWSHEET).reconcile()
    assert isinstance(r, list) and r[0]["component"] == "water"
    adj = r.to_pandas()
    assert adj.loc[("water", "m1"), "value"] == pytest.approx(28_500_000)
    assert adj.attrs["units"]["value"] == "kg/yr"
    assert r.tests().loc["water", "chi_square"] == pytest.approx(2.0)
    for obj in (p, b, r):
        back = pickle.loads(pickle.dumps(obj))
        assert back == obj and type(back) is type(obj)


def test_balance_tables_are_float_columns_with_units():
    tables = cp.Assessment.from_file(FLOWSHEET).balance().to_pandas()
    streams = tables["streams"]
    assert streams["value"].dtype == float
    assert streams.attrs["units"]["value"] == "kg/yr"


def test_a_user_script_with_the_tables_passes_mypy_strict(tmp_path):
    from mypy import api

    script = tmp_path / "notebook.py"
    script.write_text(
        "import cleanprod as cp\n"
        "from cleanprod import finance\n"
        "a = cp.Assessment.from_file('examples/tannery.toml')\n"
        "ev = a.evaluate()\n"
        "table = ev.to_pandas()\n"
        "units: dict[str, str] = table.attrs['units']\n"
        "steps = ev.portfolio().to_pandas()\n"
        "b = a.benchmarks()\n"
        "if b is not None:\n"
        "    b.to_pandas()\n"
        "rate: float = finance.irr([-100, 39, 59, 55, 20])\n"
        "pay = finance.pmt([0.05, 0.06], 12, 1000)\n"
    )
    out, err, status = api.run(["--strict", "--no-incremental", str(script)])
    assert status == 0, out + err


def test_units_convention_is_documented_once():
    assert cp.tables.UNITS == "units"
    assert "attrs" in (cp.tables.__doc__ or "")
    assert isinstance(cp.Assessment.from_file(EFFECTS).evaluate().options, pd.DataFrame)
