"""The chemicals template from Python: E factor and PMI of the example, solvent recovery."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanprod as cp

ROOT = Path(__file__).resolve().parents[2]
PLANT = ROOT / "examples" / "chemicals.toml"


def test_e_factor_and_pmi_of_the_example_plant() -> None:
    b = cp.Assessment.from_file(PLANT).benchmarks()
    assert b is not None
    assert b["sector"] == "chemicals"
    ind = {i["key"]: i for i in b["indicators"]}
    # Waste without water, kg/yr: residues 275,000 + 20,000, toluene 470,000 + 37,500,
    # methanol 330,000 + 12,000 (cleaning): 1,144,500 kg over 225,000 kg of product.
    assert ind["e_factor"]["before"] == pytest.approx(1_144_500 / 225_000, rel=1e-12)
    assert ind["e_factor"]["class_before"] == "within"
    assert ind["e_factor"]["reference"]["label"] == "fine chemicals"
    # Water 3,680,000 kg: PMI = complete E factor + 1.
    pmi = (1_144_500 + 3_680_000 + 225_000) / 225_000
    assert ind["pmi"]["before"] == pytest.approx(pmi, rel=1e-12)
    assert ind["pmi"]["before"] == pytest.approx(ind["e_factor_complete"]["before"] + 1, rel=1e-12)


def test_solvent_recovery_saves_toluene_less_the_coal_to_distil_it() -> None:
    money = cp.Assessment.from_file(PLANT).evaluate().option("solvent_recovery")["money"]
    # 430 t of toluene in the mother liquors, 90 % distilled, 95 % of it reused: 367.65 t.
    assert money["toluene"] == pytest.approx(367_650 * 95, rel=1e-12)
    assert money["hazardous_waste"] == pytest.approx(367.65 * 12_000, rel=1e-12)
    # Distillate 387 t × 360 kJ/kg × (1 + 1.5), at 70 % from coal of 25.8 MJ/kg.
    coal_kg = 0.9 * 430_000 * 360e3 * 2.5 / 0.7 / 25.8e6
    assert money["coal"] == pytest.approx(-coal_kg * 9.5, rel=1e-9)
