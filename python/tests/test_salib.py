"""Global sensitivity with SALib on the engine's evaluate_batch: Sobol indices of the risk
fixture's portfolio NPV, which is linear and additive in its three inputs, so the first-order
indices must match the closed form a_i² w_i² / 12 / Σ (a_i the NPV's slope in input i, w_i
the input's range) and add up to one. SALib is optional: skipped when it is not installed."""

import numpy as np
import pytest

import cleanprod as cp
from conftest import ROOT

salib_sample = pytest.importorskip("SALib.sample.sobol")
salib_analyze = pytest.importorskip("SALib.analyze.sobol")

BOUNDS = {
    "prices.water": [1.0, 3.0],
    "options[1].capex": [3000.0, 6500.0],
    "prices.electricity": [0.12, 0.18],
}


def test_sobol_indices_of_an_additive_npv_match_the_closed_form():
    a = cp.Assessment.from_file(ROOT / "tests/fixtures/documents/valid/risk.toml")
    paths = a.evaluate_batch(np.array([[2.0, 4000.0, 0.15]]))["inputs"]
    assert paths == list(BOUNDS)
    problem = {"num_vars": 3, "names": paths, "bounds": [BOUNDS[p] for p in paths]}
    rows = salib_sample.sample(problem, 1024, calc_second_order=False, seed=7)
    out = a.evaluate_batch(rows)
    assert all(e is None for e in out["errors"])
    y = out["values"][:, out["outputs"].index("portfolio.npv")]
    indices = salib_analyze.analyze(problem, y, calc_second_order=False, seed=7)
    # The slopes, from the engine itself at two points per input (the NPV is linear in each).
    base = np.array([[np.mean(BOUNDS[p]) for p in paths]])
    slopes = []
    for i, p in enumerate(paths):
        lo, hi = base.copy(), base.copy()
        lo[0, i], hi[0, i] = BOUNDS[p]
        v = a.evaluate_batch(np.vstack([lo, hi]))["values"][:, out["outputs"].index("portfolio.npv")]
        slopes.append(v[1] - v[0])  # slope × range
    variances = np.square(slopes) / 12.0
    exact = variances / variances.sum()
    assert np.allclose(indices["S1"], exact, atol=0.05), (indices["S1"], exact)
    assert np.allclose(indices["ST"], exact, atol=0.05), (indices["ST"], exact)
    assert abs(indices["S1"].sum() - 1.0) < 0.05
