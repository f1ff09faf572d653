"""The tanning template from Python: benchmarks, catalogue options, bad figures."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanprod as cp

ROOT = Path(__file__).resolve().parents[2]
TANNERY = ROOT / "examples" / "tannery.toml"


def test_benchmarks_of_the_example_tannery() -> None:
    a = cp.Assessment.from_file(TANNERY)
    b = a.benchmarks()
    assert b is not None
    water = next(i for i in b["indicators"] if i["key"] == "water")
    # 35 m3/t against the BAT-associated 10-15 m3/t for raw hide to wet-blue.
    assert water["before"] == pytest.approx(35.0, rel=1e-12)
    assert water["class_before"] == "above"
    assert "2013/84/EU" in water["reference"]["source"]
    # The chrome balance closes before and after the options.
    for side in ("chrome_before", "chrome_after"):
        c = b[side]
        assert c["bought"] == pytest.approx(c["in_leather"] + c["in_effluent"], rel=1e-12)
    assert cp.Assessment.from_file(ROOT / "tests" / "fixtures" / "documents" / "valid" / "minimal.toml").benchmarks() is None


def test_catalogue_options_are_appraised() -> None:
    ev = cp.Assessment.from_file(TANNERY).evaluate()
    assert set(ev.options.index) >= {"batch_washing", "high_exhaustion", "chrome_recovery"}
    # 40 % of the deliming and washing water (8 + 4 m3/t, 3,360 t/yr) at 32 + 18 MXN/m3 ...
    money = ev.option("batch_washing")["money"]
    assert money["water"] + money["wastewater"] == pytest.approx(0.4 * 12 * 3360 * 50, rel=1e-12)
    # ... and the gas that heated the deliming water: 70 % of 380 kWh/t heats the deliming
    # and tanning water (8 + 2 m3/t), which falls by 3.2 of 10 m3/t, at 165 MXN/GJ.
    gas_kwh = 0.7 * 380 * 3360 * 3.2 / 10
    assert money["natural_gas"] == pytest.approx(gas_kwh * 3.6e-3 * 165, rel=1e-12)


def test_an_impossible_exhaustion_names_the_parameter() -> None:
    text = TANNERY.read_text().replace('chrome_exhaustion = "68 %"', 'chrome_exhaustion = "120 %"')
    with pytest.raises(cp.InvalidValueError) as info:
        cp.Assessment.from_str(text)
    assert info.value.path == "template.tanning.chrome_exhaustion"
    assert "100 %" in str(info.value)
