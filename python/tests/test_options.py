"""Options that edit the flowsheet, their portfolio, and their errors, from Python."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import cleanprod as cp

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"
EFFECTS = FIXTURES / "documents" / "valid" / "effects.toml"


def test_options_frame_has_the_appraisal_columns() -> None:
    ev = cp.Assessment.from_file(EFFECTS).evaluate()
    df = ev.options
    for column in ("category", "cost_class", "capex", "annual_saving", "simple_payback_years",
                   "discounted_payback_years", "npv", "irr", "mirr", "co2_avoided", "om_change",
                   "lifetime_years", "water", "wastewater"):
        assert column in df.columns
    # Resources are columns of one unit each, not a column of words in mixed units.
    assert "deltas" not in df.columns
    assert df.attrs["units"]["water"] == "m3/yr" and df.dtypes["water"] == float
    # 500 m3 less bought at 2 and discharged at 1.
    assert df.loc["flow_restrictor", "annual_saving"] == pytest.approx(1500.0, rel=1e-12)
    assert (df.loc["flow_restrictor", "water"], df.loc["flow_restrictor", "wastewater"]) == (500.0, 500.0)
    assert df.loc["flow_restrictor", "om_change"] == 0.0
    # Its life is the document's 5-year horizon; the option with a lifetime of 4 years has 4.
    assert df.loc["flow_restrictor", "lifetime_years"] == 5
    assert sorted(set(df["lifetime_years"])) == [4, 5]
    # 111.1 GJ of gas at 56,100 kg CO2/TJ (IPCC 2006).
    assert df.loc["burner_tuning", "co2_avoided"] == pytest.approx(1000 * (1 - 0.8 / 0.9) * 0.0561, rel=1e-12)


def test_portfolio_in_a_chosen_order() -> None:
    ev = cp.Assessment.from_file(EFFECTS).evaluate()
    p = ev.portfolio(["flow_restrictor", "conductivity_control"])
    assert [s["id"] for s in p["steps"]] == ["flow_restrictor", "conductivity_control"]
    # The second halving of the same rinse saves half as much: 750, not 1,500.
    assert p["steps"][1]["annual_saving"] == pytest.approx(750.0, rel=1e-12)
    assert p["total"]["annual_saving"] == pytest.approx(2250.0, rel=1e-12)
    assert p["total"]["annual_saving"] < sum(ev.option(i)["annual_saving"] for i in p["total"]["ids"])
    with pytest.raises(TypeError):
        ev.portfolio("flow_restrictor")


def test_portfolio_errors_are_document_errors() -> None:
    ev = cp.Assessment.from_file(EFFECTS).evaluate()
    with pytest.raises(cp.DocumentError) as info:
        ev.portfolio(["flow_restrictor", "nothing"])
    assert info.value.code == "unknown_reference"
    assert info.value.path == "ids[1]"
    with pytest.raises(cp.InvalidValueError) as info2:
        ev.portfolio(["flow_restrictor", "flow_restrictor"])
    assert info2.value.path == "ids[1]"


def test_a_missing_price_is_named() -> None:
    text = EFFECTS.read_text().replace('wastewater = "1 USD/m3"\n', "")
    with pytest.raises(cp.InvalidValueError) as info:
        cp.Assessment.from_str(text).evaluate()
    assert info.value.code == "missing_price"
    assert info.value.value == "wastewater"
    assert "prices.wastewater" in str(info.value)


def test_financing_from_the_document() -> None:
    o = cp.Assessment.from_file(EFFECTS).evaluate().option("flow_restrictor")
    f = o["financing"]
    # 60 % of 1,000 borrowed at 10 % over 3 years: annuity 600 × 0.402115 = 241.27.
    assert f["loan"] == pytest.approx(600.0)
    assert f["equity_flows"][0] == pytest.approx(-400.0)
    assert f["equity_flows"][1] == pytest.approx(1500.0 - 600 * 0.1 / (1 - 1.1 ** -3), rel=1e-12)
    assert math.isclose(f["min_dscr"], 1500.0 / (600 * 0.1 / (1 - 1.1 ** -3)), rel_tol=1e-12)


def test_ranking_by_any_metric() -> None:
    ev = cp.Assessment.from_file(EFFECTS).evaluate()
    by_npv = ev.ranking()
    assert by_npv == ev.to_dict()["portfolio"]["ranking"]
    df = ev.options
    by_payback = ev.ranking("simple_payback")
    paybacks = [df.loc[i, "simple_payback_years"] for i in by_payback]
    assert paybacks == sorted(paybacks)
    with pytest.raises(cp.DocumentError) as info:
        ev.ranking("beauty")
    assert info.value.code == "unknown_variant"
