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
    # ... followed by the core's cost curve of water, the same SVG as cp.charts gives.
    curve = cp.charts.cost_curve(cp.Assessment.from_file(TANNERY), "water").svg
    assert html.endswith(f'<figure class="cleanprod-chart">{curve}</figure>')


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


MEASURED = ROOT / "examples" / "tannery_measured.toml"


@pytest.mark.parametrize("doc", [FLOWSHEET, MEASURED, ROOT / "examples" / "hotel.toml"])
def test_balance_tables_show_water_in_m3_and_masses_in_t_per_year(doc):
    b = cp.Assessment.from_file(doc).balance()
    assert b.unit == "kg/yr"  # the engine's unit; 1 m3 of water is read as 1000 kg
    tables = b.to_pandas()
    streams, units = tables["streams"], tables["units"]
    for column in ("given", "value", "uncertainty", "z"):
        assert streams[column].dtype == float, column
    for column in ("inputs", "outputs", "given_residual", "residual", "given_closure_percent"):
        assert units[column].dtype == float, column
    assert len(streams) == sum(len(c["streams"]) for c in b.components)
    for row in streams.itertuples():
        assert row.unit == ("m3/yr" if row.component == "water" else "t/yr")
        kg = b.value(row.component, row.stream)
        assert (math.isnan(row.value) if kg is None else row.value * 1000 == pytest.approx(kg, rel=1e-12))
    for row in units.itertuples():  # each unit operation closes on the solved values
        assert row.inputs == pytest.approx(row.outputs, rel=1e-9, abs=1e-9)


def test_balance_streams_of_the_flowsheet_fixture_in_display_units():
    streams = cp.Assessment.from_file(FLOWSHEET).balance().to_pandas()["streams"]
    water = streams[streams.component == "water"].set_index("stream")
    assert water.loc["m1", "value"] == pytest.approx(28_500)  # 28,500,000 kg/yr reconciled
    assert water.loc["m1", "given"] == pytest.approx(30_000)
    assert math.isnan(water.loc["m4", "given"])  # solved, not given: NaN, not None
    assert streams.attrs["units"] == {}  # amounts are in each row's unit


@pytest.mark.parametrize("doc", [FLOWSHEET, MEASURED, ROOT / "examples" / "hotel.toml"])
def test_balance_energy_table_in_mwh_adds_up_to_the_carriers_and_the_total(doc):
    b = cp.Assessment.from_file(doc).balance()
    energy = b.to_dict()["energy"]
    assert energy["unit"] == "kWh/yr"
    table = b.to_pandas()["energy"]
    carriers = list(energy["carriers"])
    assert set(table.attrs["units"].values()) == {"MWh/yr"}
    assert list(table.index) == [n["node"] for n in energy["nodes"]]
    for c in carriers:  # each carrier's column adds up to the site's use of it
        assert table[c].sum() * 1000 == pytest.approx(energy["carriers"][c], rel=1e-12)
    # a node's carriers add up to its total, and the totals to the site's
    assert (table[carriers].sum(axis=1) - table["total"]).abs().max() < 1e-9
    assert table["total"].sum() * 1000 == pytest.approx(energy["total"], rel=1e-12)
    assert all(table[c].dtype == float for c in table.columns)


def test_balance_without_energy_or_streams_gives_empty_tables():
    b = cp.Balance({"unit": "kg/yr", "components": [], "energy": None, "specific_water": None})
    tables = b.to_pandas()
    assert [len(t) for t in tables.values()] == [0, 0, 0]
    assert "total" in tables["energy"].columns


def test_units_convention_is_documented_once():
    assert cp.tables.UNITS == "units"
    assert "attrs" in (cp.tables.__doc__ or "")
    assert isinstance(cp.Assessment.from_file(EFFECTS).evaluate().options, pd.DataFrame)


@pytest.mark.parametrize("doc", [EFFECTS, TANNERY, ROOT / "examples" / "hotel.toml"])
def test_money_saved_is_each_saving_at_its_price(doc):
    a = cp.Assessment.from_file(doc)
    ev = a.evaluate()
    money = ev.money
    prices = a.to_dict()["prices"]
    assert set(money.attrs["units"].values()) == {f"{ev.currency}/yr"}
    assert all(money[c].dtype == float for c in money.columns)
    checked = 0
    for o in ev.results:
        for s in o["savings"]:
            name = s["resource"]
            if name not in money.columns or name not in prices or s["amount"] == 0:
                continue
            per_year, per_unit = s["unit"].split("/")  # "m3/yr" -> "m3"
            price = prices[name].split(" ", 1)  # "2 USD/m3" -> ["2", "USD/m3"]
            # money/yr = amount/yr x price, the price's unit converted by the engine
            price_unit = price[1].split("/", 1)[1]
            dim = {"m3": "volume", "kg": "mass", "t": "mass", "kWh": "energy", "GJ": "energy",
                   "MWh": "energy", "Nm3": "gas_amount"}[per_year]
            ratio = cp.to_si(f"1 {per_year}", dim) / cp.to_si(f"1 {price_unit}", dim)
            # in size (the sign is the engine's: a sold output saved less earns money)
            expected = abs(s["amount"] * float(price[0]) * ratio)
            assert abs(money.loc[o["id"], name]) == pytest.approx(expected, rel=1e-9)
            checked += 1
    assert checked >= 3


def test_levelized_costs_are_money_per_unit_of_the_main_resource():
    ev = cp.Assessment.from_file(EFFECTS).evaluate()
    t = ev.levelized_costs
    assert t.loc["flow_restrictor", "resource"] == "water" and t.loc["flow_restrictor", "unit"] == "USD/m3"
    # 1000 USD annualized over its 5 years at 8 % (no O&M change), per 500 m3 saved a year
    crf = cp.finance.capital_recovery_factor(0.08, 5)
    assert t.loc["flow_restrictor", "levelized_cost"] == pytest.approx(1000 * crf / 500, rel=1e-9)
    assert t["levelized_cost"].dtype == float
