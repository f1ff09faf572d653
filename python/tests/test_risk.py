"""Risk simulation from Python: the golden draws of the Rust suite reproduced bit for bit, the
closed forms, the tables, and errors naming their paths."""

import json
import math

import pytest

import cleanprod as cp

from conftest import FIXTURES, ROOT

RISK = ROOT / "tests" / "fixtures" / "documents" / "valid" / "risk.toml"


def annuity() -> float:
    return (1 - 1.1**-10) / 0.1


def test_golden_draws_are_identical_to_the_rust_ones():
    golden = json.loads((FIXTURES / "risk_draws.json").read_text(encoding="utf-8"))
    a = cp.Assessment.from_file(ROOT / golden["document"])
    for run in golden["runs"]:
        s = a.simulate(draws=run["draws"], seed=run["seed"], method=run["method"]).to_dict()
        for want, got in zip(run["inputs"], s["inputs"]):
            assert got["path"] == want["path"]
            assert got["values"] == want["values"]  # exact: same bits
        for want in run["npv"]:
            got = next(o for o in s["outputs"] if o["option"] == want["option"] and o["metric"] == "npv")
            assert got["values"] == want["values"]
        rinse = next(o for o in s["outputs"] if o["option"] == "rinse" and o["metric"] == "npv")
        assert rinse["probability_negative"] == run["probability_negative"]


def test_closed_form_loss_probability_and_tables():
    a = cp.Assessment.from_file(RISK)
    s = a.simulate()  # the document's 2,000 draws, seed 7, Latin hypercube
    breakeven = 10_000 / (1_000 * annuity())
    exact = (breakeven - 1) / 2
    assert s.output("rinse")["probability_negative"] == pytest.approx(exact, abs=1 / 2000 + 1e-12)
    summary = s.summary()
    assert summary.loc[("rinse", "npv"), "unit"] == "USD"
    assert summary.loc[("rinse", "npv"), "mean"] == pytest.approx(-10_000 + 2_000 * annuity(), abs=1.0)
    draws = s.draws
    assert len(draws) == 2000
    assert list(draws.columns[:3]) == s.inputs == ["prices.water", "options[1].capex", "prices.electricity"]
    # The rinse's NPV is the linear function of the water price, draw by draw.
    npv = -10_000 + 1_000 * draws["prices.water"] * annuity()
    assert (draws["rinse.npv"] - npv).abs().max() < 1e-6
    tornado = s.tornado("rinse")
    assert tornado.index[0] == "prices.water"
    assert tornado.loc["prices.water", "swing"] == pytest.approx(1_000 * 1.6 * annuity(), rel=1e-12)
    assert s.sensitivity("rinse").loc["prices.water", "spearman"] == pytest.approx(1.0)
    html = s._repr_html_()
    assert "<td>rinse</td><td>2,289</td>" in html
    assert "P(NPV&lt;0)" in html


def test_threads_do_not_change_the_figures():
    a = cp.Assessment.from_file(RISK)
    one = a.simulate(draws=50, seed=3, threads=1).to_dict()
    two = a.simulate(draws=50, seed=3, threads=2).to_dict()
    assert one == two


def test_evaluate_batch_for_external_samplers():
    a = cp.Assessment.from_file(RISK)
    import numpy as np

    rows = np.array([[1.0, 4000.0, 0.15], [3.0, 5000.0, 0.15]])
    out = a.evaluate_batch(rows)
    assert out["inputs"] == ["prices.water", "options[1].capex", "prices.electricity"]
    col = out["outputs"].index("rinse.npv")
    assert out["values"].shape == (2, len(out["outputs"]))
    assert out["values"][0, col] == pytest.approx(-10_000 + 1_000 * annuity())
    assert out["values"][1, col] == pytest.approx(-10_000 + 3_000 * annuity())
    lights = out["outputs"].index("lights.npv")
    assert out["values"][1, lights] == pytest.approx(-5_000 + 9_000 * 0.15 * annuity())
    assert out["errors"] == [None, None]
    # A negative capex is refused by the document's own check: NaN in the row, the message kept.
    bad = a.evaluate_batch(np.array([[2.0, -1.0, 0.15]]))
    assert math.isnan(bad["values"][0, col])
    assert "options[1].capex" in bad["errors"][0]
    with pytest.raises(ValueError):
        a.evaluate_batch(np.array([[1.0, 2.0]]))


def test_errors_name_the_path():
    text = RISK.read_text(encoding="utf-8").replace('path = "prices.water"', 'path = "prices.steam"')
    a = cp.Assessment.from_str(text)
    with pytest.raises(cp.CleanprodError) as e:
        a.simulate(draws=10)
    # A uniform water-price range written into a price of steam: the price's own check names it.
    assert e.value.path == "prices.steam"
    with pytest.raises(cp.CleanprodError) as e:
        cp.Assessment.from_file(RISK).simulate(method="quasi")
    assert e.value.path == "method"
    with pytest.raises(cp.CleanprodError):
        cp.Assessment.from_file(ROOT / "examples" / "hotel.toml").simulate()


def test_ctrl_c_stops_a_long_simulation_and_leaves_the_assessment_usable():
    import _thread
    import threading

    a = cp.Assessment.from_file(ROOT / "examples" / "tannery.toml")
    # 100,000 draws of the tannery's template figures on one thread: minutes if not stopped.
    timer = threading.Timer(0.3, _thread.interrupt_main)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt) as info:
            a.simulate(draws=100_000, threads=1)
    finally:
        timer.cancel()
    # Raised from inside the call (the note is added there), not after it returned.
    assert "cleanprod stopped the computation before its end" in getattr(info.value, "__notes__", [])
    assert a.simulate(draws=20, seed=1).draw_count == 20


def test_tannery_figures_for_seed_7_equal_the_rust_ones():
    # `cleanprod risk examples/tannery.toml --draws 10000 --seed 7`: the template route.
    golden = json.loads((FIXTURES / "risk_tannery.json").read_text(encoding="utf-8"))
    s = cp.Assessment.from_file(ROOT / golden["document"]).simulate(draws=golden["draws"], seed=golden["seed"]).to_dict()
    npv = [o for o in s["outputs"] if o["metric"] == "npv"]
    assert [o["option"] for o in npv] == [w["option"] for w in golden["npv"]]
    for want, got in zip(golden["npv"], npv):
        assert got["spread"] == want["spread"]  # exact: same bits
        assert got["probability_negative"] == want["probability_negative"]
        assert got["tornado"] == want["tornado"]
