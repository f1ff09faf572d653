"""cleanprod.finance: the shared finance fixtures, and agreement with numpy-financial and pyxirr
where they are right."""

import datetime as dt
import json
import math
import warnings

import numpy as np
import numpy_financial as npf
import pyxirr
import pytest

import cleanprod as cp
from cleanprod import finance
from conftest import FIXTURES

CASES = json.loads((FIXTURES / "finance.json").read_text(encoding="utf-8"))["cases"]


def call(name, a):
    if name == "npv":
        return finance.npv(a["rate"], a["values"], convention=a.get("convention", "numpy"))
    if name == "irr":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", cp.MultipleIrrWarning)
            return finance.irr(a["values"])
    if name == "irr_roots":
        return finance.irr_roots(a["values"])
    if name == "mirr":
        return finance.mirr(a["values"], a["finance_rate"], a["reinvest_rate"])
    if name == "payback":
        return finance.payback(a["values"])
    if name == "discounted_payback":
        return finance.discounted_payback(a["rate"], a["values"])
    when = a.get("when", "end")
    if name == "pmt":
        return finance.pmt(a["rate"], a["nper"], a["pv"], a.get("fv", 0), when)
    if name == "pv":
        return finance.pv(a["rate"], a["nper"], a["pmt"], a.get("fv", 0), when)
    if name == "fv":
        return finance.fv(a["rate"], a["nper"], a["pmt"], a["pv"], when)
    if name == "nper":
        return finance.nper(a["rate"], a["pmt"], a["pv"], a.get("fv", 0), when)
    if name == "rate":
        return finance.rate(a["nper"], a["pmt"], a["pv"], a.get("fv", 0), when)
    if name == "ipmt":
        return finance.ipmt(a["rate"], a["per"], a["nper"], a["pv"], a.get("fv", 0), when)
    if name == "ppmt":
        return finance.ppmt(a["rate"], a["per"], a["nper"], a["pv"], a.get("fv", 0), when)
    if name == "xnpv":
        return finance.xnpv(a["rate"], a["dates"], a["amounts"])
    if name == "xirr":
        return finance.xirr(a["dates"], a["amounts"])
    if name == "capital_recovery_factor":
        return finance.capital_recovery_factor(a["rate"], a["periods"])
    if name == "levelized_cost":
        return finance.levelized_cost(
            a["rate"], a["periods"], a["investment"], a["saving_per_period"], a["om_change_per_period"]
        )
    if name == "cash_flows":
        savings = {x["name"]: (x["per_year"], x.get("escalation", 0.0)) for x in a["savings"]}
        tax = a.get("tax", {})
        return list(
            finance.cash_flows(
                a["capex"],
                savings,
                a["years"],
                om_change=a.get("om_change", 0.0),
                first_saving_year=a.get("first_saving_year", 1),
                tax_rate=tax.get("rate"),
                depreciation_years=tax.get("depreciation_years"),
            )["net"]
        )
    if name == "financing_equity":
        return list(finance.financing(a["project"], a["capex"], **a["terms"])["equity"])
    raise AssertionError(f"unknown function {name}")


def close(got, want, case):
    tol = max(case.get("abs_tol", 0.0), case.get("rel_tol", 0.0) * abs(want))
    return abs(got - want) <= tol


@pytest.mark.parametrize("case", CASES, ids=[f"{c['fn']}-{i}" for i, c in enumerate(CASES)])
def test_published_results(case):
    if "error" in case:
        with pytest.raises(cp.NoSolutionError) as info:
            call(case["fn"], case["args"])
        assert info.value.code == case["error"]
        assert not isinstance(info.value, ValueError)
        return
    got = call(case["fn"], case["args"])
    want = case["expected"]
    if want is None:
        assert got is None
    elif isinstance(want, list):
        assert len(got) == len(want) and all(close(g, w, case) for g, w in zip(got, want))
    else:
        assert close(got, want, case), (got, want)


def test_agrees_with_numpy_financial_on_conventional_flows():
    rng = np.random.default_rng(7)
    flows = np.hstack([-rng.uniform(1e3, 1e6, (200, 1)), rng.uniform(0, 3e5, (200, 12))])
    ours = finance.irr(flows)
    for row, r in zip(flows, ours):
        assert math.isclose(r, npf.irr(row), rel_tol=1e-9, abs_tol=1e-12)
        assert math.isclose(finance.npv(0.07, row), npf.npv(0.07, row), rel_tol=1e-12)
    np.testing.assert_allclose(finance.npv(0.07, flows), [npf.npv(0.07, r) for r in flows], rtol=1e-12)
    np.testing.assert_allclose(
        finance.mirr(flows, 0.08, 0.05), [npf.mirr(r, 0.08, 0.05) for r in flows], rtol=1e-12
    )


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # numpy-financial divides by a zero rate
def test_time_value_functions_agree_with_numpy_financial():
    for when in ("end", "begin"):
        for r in (0.0, 0.004, 0.07):
            assert math.isclose(finance.pmt(r, 36, 12000, 500, when), npf.pmt(r, 36, 12000, 500, when), rel_tol=1e-12)
            assert math.isclose(finance.pv(r, 36, -400, 500, when), npf.pv(r, 36, -400, 500, when), rel_tol=1e-12)
            assert math.isclose(finance.fv(r, 36, -400, 1000, when), npf.fv(r, 36, -400, 1000, when), rel_tol=1e-12)
            if r == 0.004:
                assert math.isclose(
                    finance.nper(r, -400, 12000, 0, when), npf.nper(r, -400, 12000, 0, when), rel_tol=1e-12
                )
                assert math.isclose(
                    finance.ipmt(r, 5, 36, 12000, 0, when), npf.ipmt(r, 5, 36, 12000, 0, when), rel_tol=1e-10
                )
    np.testing.assert_allclose(finance.pmt(0.05, [12, 24], 1000), npf.pmt(0.05, [12, 24], 1000), rtol=1e-12)


def test_xirr_agrees_with_pyxirr_and_beats_it_on_very_negative_rates():
    dates = [dt.date(2020, 1, 1), dt.date(2020, 7, 1), dt.date(2021, 3, 15), dt.date(2022, 1, 1)]
    amounts = [-1000.0, 200.0, 300.0, 700.0]
    assert math.isclose(finance.xirr(dates, amounts), pyxirr.xirr(dates, amounts), rel_tol=1e-7)
    assert math.isclose(
        finance.xnpv(0.1, dates, amounts), pyxirr.xnpv(0.1, dates, amounts), rel_tol=1e-12
    )
    # One year, 1 % back: the rate is exactly -99 %.
    lossy = [-1e6, 1e4]
    assert math.isclose(finance.irr(lossy), -0.99, rel_tol=1e-12)
    thirty = finance.xirr(["2023-01-15", "2024-01-15"], [-100, 110], day_count="30/360")
    assert thirty == pytest.approx(0.1, rel=1e-12)
    with pytest.raises(cp.DocumentError):
        finance.xnpv(0.1, ["2023-01-15", "2024-01-15"], [-100, 110], day_count="bus/252")  # type: ignore[arg-type]
    np_dates = np.array(["2021-01-01", "2022-01-01"], dtype="datetime64[D]")
    assert math.isclose(finance.xirr(np_dates, lossy), 1e4 / 1e6 * 1 - 1, rel_tol=1e-6)


def test_multiple_irrs_warn_and_are_all_available():
    flows = [-1.0, 2.3, -1.32]
    with pytest.warns(cp.MultipleIrrWarning, match="2 internal rates"):
        r = finance.irr(flows, guess=0.25)
    assert math.isclose(r, 0.2, rel_tol=1e-9)
    assert [round(x, 9) for x in finance.irr_roots(flows)] == [0.1, 0.2]


def test_batch_equals_scalar_and_reports_status():
    rng = np.random.default_rng(11)
    flows = rng.uniform(-1e3, 1e3, (300, 8))
    flows[5, 3] = np.nan
    flows[6] = np.abs(flows[6])
    values, status = finance.irr(flows, status=True)
    assert values.shape == status.shape == (300,)
    assert status[5] == 4 and status[6] == 2
    for row, v, s in zip(flows, values, status):
        if s in (0, 1):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", cp.MultipleIrrWarning)
                assert v == finance.irr(row)
        else:
            assert math.isnan(v)
    pb, st = finance.payback(np.array([[-100, 50, 60], [-100, 10, 10]]), status=True)
    assert pb[0] == pytest.approx(1 + 50 / 60) and math.isnan(pb[1]) and list(st) == [0, 5]


def test_bad_input_raises_value_errors_not_nan():
    with pytest.raises(cp.InvalidValueError, match=r"values\[1\]"):
        finance.npv(0.1, [-1.0, float("nan")])
    with pytest.raises(cp.InvalidValueError, match="rate"):
        finance.npv(-1.5, [-1.0, 2.0])
    with pytest.raises(ValueError):
        finance.npv(0.1, np.zeros((2, 2, 2)))
    with pytest.raises(cp.DocumentError):
        finance.pmt(0.1, 10, 100, 0, "middle")  # type: ignore[arg-type]
    assert finance.payback([-100, 30, 30]) is None
    # 400 a period never repays 12,000 at 7 %: numpy-financial returns NaN, we say why.
    with pytest.raises(cp.NoSolutionError, match="repay"):
        finance.nper(0.07, -400, 12000)


def test_loan_schedule_columns():
    s = finance.loan_schedule(100_000, 0.06, 30, 12)
    assert len(s["payment"]) == 360
    assert s["payment"][0] == pytest.approx(599.55, abs=0.005)
    assert s["principal"].sum() == pytest.approx(100_000, rel=1e-12)
    g = finance.loan_schedule(10_000, 0.10, 4, 1, grace_periods=2, grace="capitalized")
    assert g["balance"][1] == pytest.approx(12_100)


def test_financing_reports_coverage_and_refuses_unknown_terms():
    out = finance.financing([-1000, 300, 300, 300], 1000, loan_share=0.6, annual_rate=0.1, loan_years=3)
    assert out["dscr"][0] is None
    assert out["dscr"][1] == pytest.approx(300 / 241.26888218)
    assert out["min_dscr"] == pytest.approx(300 / 241.26888218)
    assert out["project_irr"] == pytest.approx(finance.irr([-1000, 300, 300, 300]))
    assert out["equity_irr"] == pytest.approx(finance.irr(out["equity"]))
    pi = finance.profitability_index(0.0, np.array([[-100.0, 60, 60], [100.0, 1, 1]]), status=True)
    assert pi[0][0] == pytest.approx(1.2) and list(pi[1]) == [0, 4]
    with pytest.raises(cp.DocumentError) as info:
        finance.financing([-1000, 300], 1000, loan_sahre=0.6)
    assert info.value.code == "unknown_field" and info.value.path == "loan_sahre"
    with pytest.raises(cp.InvalidValueError, match="loan_years"):
        finance.financing([-1000, 300], 1000, loan_share=0.6, loan_years=5)


def test_cash_flows_real_and_nominal_agree_on_npv():
    real = finance.cash_flows(1000, {"water": (300, 0.02)}, 8, inflation=0.05, om_change=20)
    nominal = finance.cash_flows(1000, {"water": (300, 0.02)}, 8, inflation=0.05, om_change=20, basis="nominal")
    r = 0.08
    assert finance.npv(r, real["net"]) == pytest.approx(finance.npv((1 + r) * 1.05 - 1, nominal["net"]), rel=1e-12)
    assert set(real["savings"]) == {"water"}


# The warning for several IRRs: the text JS returns in irrDetailed(...).warnings for the same
# flows (wasm/tests/finance.test.mjs asserts the same string), both made by the engine.
TWO_ROOTS_WARNING = (
    "the cash flows have 2 internal rates of return [0.1, 0.2]; returning 0.2, the nearest to "
    "guess=0.25. Decide with NPV or MIRR."
)


def test_multiple_irr_warning_text_comes_from_the_engine():
    flows = [-1.0, 2.3, -1.32]
    with pytest.warns(cp.MultipleIrrWarning) as record:
        finance.irr(flows, guess=0.25)
    assert [str(w.message) for w in record] == [TWO_ROOTS_WARNING]
    dates = ["2021-01-01", "2022-01-01", "2023-01-01"]
    with pytest.warns(cp.MultipleIrrWarning, match="^the cash flows have 2 internal rates") as record:
        r = finance.xirr(dates, flows, 0.25, day_count="30/360")
    assert r == pytest.approx(0.2, rel=1e-9) and len(record) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        finance.irr([-100, 39, 59, 55, 20])  # one root: no warning
    assert finance.irr_roots([-100, 39, 59, 55, 20]) == [finance.irr([-100, 39, 59, 55, 20])]


# The same rows and the same expected names as wasm/tests/finance.test.mjs ("status names and
# descriptions come from the engine and match Python"): both packages name each row alike.
STATUS_ROWS = {
    "irr": (
        [[-100, 60, 60], [1, 2, 3], [-100, math.nan, 50], [-1, 2.3, -1.32], [-1, 1, -1]],
        ["ok", "no_sign_change", "invalid", "multiple", "no_root"],
    ),
    "payback": ([[-100, 50, 60], [-100, 10, 10]], ["ok", "never"]),
    "profitability_index": ([[-100, 60, 60], [100, 1, 1]], ["ok", "invalid"]),
}


def test_status_names_match_js():
    assert finance.STATUS_NAMES == {
        0: "ok",
        1: "multiple",
        2: "no_sign_change",
        3: "no_root",
        4: "invalid",
        5: "never",
    }
    # the descriptions the package always had
    assert finance.STATUS == {
        0: "ok",
        1: "ok, one of several roots",
        2: "no sign change",
        3: "no root in the searched range",
        4: "invalid row (NaN or infinity)",
        5: "never pays back",
    }

    def names(result):
        return [finance.STATUS_NAMES[int(s)] for s in result[1]]

    rows, want = STATUS_ROWS["irr"]
    assert names(finance.irr(np.array(rows), status=True)) == want
    rows, want = STATUS_ROWS["payback"]
    assert names(finance.payback(np.array(rows), status=True)) == want
    assert names(finance.discounted_payback(0.0, np.array(rows), status=True)) == want
    rows, want = STATUS_ROWS["profitability_index"]
    assert names(finance.profitability_index(0.0, np.array(rows, dtype=float), status=True)) == want


def test_names_of_conventions_are_checked_by_the_engine():
    assert finance.npv(0.1, [-1, 2], convention="numpy") == finance.npv(0.1, [-1, 2])
    for call in (
        lambda: finance.npv(0.1, [-1, 2], convention="lotus"),  # type: ignore[arg-type]
        lambda: finance.npv(0.1, np.array([[-1.0, 2.0]]), convention="lotus"),  # type: ignore[arg-type]
    ):
        with pytest.raises(cp.DocumentError) as info:
            call()
        assert (info.value.code, info.value.path, info.value.value) == ("unknown_variant", "convention", "lotus")
        assert isinstance(info.value, ValueError)
    assert finance.pmt(0.1, 10, 100, 0, 1) == finance.pmt(0.1, 10, 100, 0, "begin")
    assert finance.pmt(0.1, 10, 100, 0, 0) == finance.pmt(0.1, 10, 100, 0, "end")
    with pytest.raises(cp.DocumentError) as info:
        finance.pmt(0.1, 10, 100, 0, "middle")  # type: ignore[arg-type]
    assert info.value.path == "when"
    with pytest.raises(cp.DocumentError) as info:
        finance.loan_schedule(1000, 0.1, 2, 1, 1, grace="deferred")  # type: ignore[arg-type]
    assert (info.value.path, info.value.value) == ("grace", "deferred")
    assert len(finance.loan_schedule(12_000, 0.0, 1)["payment"]) == 12  # monthly by default


def test_batch_parameters_are_checked_once_naming_them():
    rows = np.array([[-100.0, 60, 60]])
    with pytest.raises(cp.InvalidValueError) as info:
        finance.irr(rows, guess=-2)
    assert info.value.path == "guess"
    with pytest.raises(cp.InvalidValueError) as info:
        finance.npv(-2, rows)
    assert info.value.path == "rate"
    with pytest.raises(cp.InvalidValueError) as info:
        finance.mirr(rows, 0.1, math.nan)
    assert info.value.path == "reinvest_rate"


def test_levelized_cost_takes_the_saving_then_the_om_change():
    # (A/P, 5 %, 10) = 0.1295046: (10,000 x 0.1295046 + 250) / 5,000
    c = finance.levelized_cost(0.05, 10, 10_000, 5_000, 250)
    assert c == pytest.approx((1295.04575 + 250) / 5000, abs=1e-8)
    assert finance.levelized_cost(0.05, 10, 10_000, 5_000) == finance.levelized_cost(0.05, 10, 10_000, 5_000, 0.0)
