"""cleanprod.finance on what a notebook holds: lists, tuples, numpy arrays of any dtype, pandas
Series and DataFrames. Each repro of issue 19 (item 1) is a test here."""

import math
import warnings

import numpy as np
import numpy_financial as npf
import pandas as pd
import pytest

import cleanprod as cp
from cleanprod import finance

FLOWS = [[-100, 39, 59, 55, 20], [-100, 50, 60, 0, 0], [-250, 80, 80, 80, 80]]


def test_npv_of_a_dataframe_is_one_npv_per_row_not_of_the_column_labels():
    df = pd.DataFrame(FLOWS[:2])
    got = finance.npv(0.1, df)
    assert isinstance(got, pd.Series)
    assert list(got.index) == [0, 1]
    assert got.iloc[0] == pytest.approx(npf.npv(0.1, FLOWS[0]), rel=1e-12)
    assert got.iloc[1] == pytest.approx(npf.npv(0.1, FLOWS[1]), rel=1e-12)
    # the NPV of the labels 0..4 was the old answer
    assert not math.isclose(got.iloc[0], npf.npv(0.1, [0, 1, 2, 3, 4]))


def test_irr_of_a_series_indexed_by_year():
    s = pd.Series(FLOWS[0], index=range(2025, 2030))
    assert finance.irr(s) == pytest.approx(npf.irr(FLOWS[0]), rel=1e-9)


def test_a_dataframe_row_with_string_columns_and_a_slice_of_a_series():
    df = pd.DataFrame(FLOWS, columns=["y0", "y1", "y2", "y3", "y4"], index=["a", "b", "c"])
    assert finance.irr(df.iloc[0]) == finance.irr(FLOWS[0])
    s = pd.Series([5.0, *FLOWS[0]], index=list("xabcde"))
    assert finance.npv(0.1, s.iloc[1:]) == finance.npv(0.1, FLOWS[0])
    assert finance.payback(s.iloc[1:]) == finance.payback(FLOWS[0])


def test_a_dataframe_gives_a_series_per_row_with_its_index_and_statuses():
    df = pd.DataFrame(FLOWS + [[1, 2, 3, 4, 5]], index=["a", "b", "c", "never"])
    values, status = finance.irr(df, status=True)
    assert list(values.index) == list(status.index) == ["a", "b", "c", "never"]
    assert math.isnan(values["never"]) and finance.STATUS_NAMES[int(status["never"])] == "no_sign_change"
    assert values["c"] == pytest.approx(npf.irr(FLOWS[2]), rel=1e-9)


def test_status_on_one_series_returns_the_value_and_its_status():
    assert finance.irr(FLOWS[0], status=True) == (finance.irr(FLOWS[0]), 0)
    value, code = finance.payback([-100, 10, 10], status=True)
    assert math.isnan(value) and finance.STATUS_NAMES[code] == "never"


def test_guess_none_is_the_default_guess():
    flows = [-1.0, 2.3, -1.32]
    with pytest.warns(cp.MultipleIrrWarning):
        assert finance.irr(flows, guess=None) == pytest.approx(0.1, rel=1e-9)
    assert finance.xirr(["2021-01-01", "2022-01-01"], [-100, 110], guess=None) == pytest.approx(0.1, rel=1e-9)


def test_rate_takes_a_guess_and_picks_the_nearest_root():
    # pv 1, pmt -2.3 at the end of period 1 and fv 1.32 at the end of period 2 do not make a
    # level annuity; a one-period case with two roots is not possible, so check the guess is
    # used where the answer is unique and refused when invalid.
    assert finance.rate(10, 0, -3500, 10_000, guess=0.9) == pytest.approx(finance.rate(10, 0, -3500, 10_000))
    assert finance.rate(10, 0, -3500, 10_000, "end", 0.9) == pytest.approx(0.1107, abs=5e-5)
    with pytest.raises(cp.InvalidValueError) as info:
        finance.rate(10, 0, -3500, 10_000, guess=-3)
    assert info.value.path == "guess"


def test_npv_broadcasts_over_an_array_of_rates():
    rates = np.array([0.05, 0.1, 0.2])
    got = finance.npv(rates, FLOWS[0])
    np.testing.assert_allclose(got, [npf.npv(r, FLOWS[0]) for r in rates], rtol=1e-12)
    grid = finance.npv(rates, np.array(FLOWS, dtype=float))
    assert grid.shape == (3, 3)
    np.testing.assert_allclose(grid[1], finance.npv(0.1, np.array(FLOWS, dtype=float)), rtol=0)
    by_label = finance.npv(pd.Series(rates, index=["low", "mid", "high"]), FLOWS[0])
    assert list(by_label.index) == ["low", "mid", "high"]
    frame = finance.npv(rates, pd.DataFrame(FLOWS, index=["a", "b", "c"]))
    assert list(frame.columns) == ["a", "b", "c"] and frame.shape == (3, 3)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_nan_in_one_element_of_the_time_value_functions_gives_nan_there_only():
    rates = np.array([0.05, np.nan, 0.07])
    for fn, ref, args in (
        (finance.pmt, npf.pmt, (36, 12_000)),
        (finance.pv, npf.pv, (36, -400)),
        (finance.fv, npf.fv, (36, -400, 1000)),
        (finance.nper, npf.nper, (-400, 12_000)),
    ):
        got, status = fn(rates, *args, status=True)
        want = ref(rates, *args)
        assert math.isnan(got[1]) and finance.STATUS_NAMES[int(status[1])] == "invalid"
        np.testing.assert_allclose(got[[0, 2]], want[[0, 2]], rtol=1e-10)
    got = finance.rate([10, np.nan, 10], 0, -3500, 10_000)
    assert math.isnan(got[1]) and got[0] == got[2] == pytest.approx(0.1107, abs=5e-5)
    # 400 a period never repays 12,000 at 7 %: NaN for that element, as numpy-financial
    n = finance.nper([0.004, 0.07], -400, 12_000)
    assert n[0] == pytest.approx(npf.nper(0.004, -400, 12_000)) and math.isnan(n[1])


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_when_accepts_arrays_of_names_and_codes():
    want = npf.pmt(0.05, 24, 1000, 0, np.array([0, 1, 0]))
    np.testing.assert_allclose(finance.pmt(0.05, 24, 1000, 0, [0, 1, 0]), want, rtol=1e-12)
    np.testing.assert_allclose(finance.pmt(0.05, 24, 1000, 0, ["end", "begin", "end"]), want, rtol=1e-12)
    with pytest.raises(cp.InvalidArgumentError) as info:
        finance.pmt(0.05, 24, 1000, 0, ["end", "middle"])
    assert info.value.path == "when"


def test_a_series_argument_gives_a_series_with_its_index():
    rates = pd.Series([0.04, 0.06], index=["bank", "fund"])
    got = finance.pmt(rates / 12, 60, 15_000)
    assert isinstance(got, pd.Series) and list(got.index) == ["bank", "fund"]
    assert got["fund"] == pytest.approx(npf.pmt(0.06 / 12, 60, 15_000), rel=1e-12)


def test_pmt_over_many_rates_runs_in_one_engine_call(monkeypatch):
    calls = []
    native = finance._native  # type: ignore[attr-defined]
    original = native.time_value_batch
    monkeypatch.setattr(native, "time_value_batch", lambda *a: calls.append(a[0]) or original(*a))
    rates = np.linspace(0.001, 0.2, 10_000)
    got = finance.pmt(rates, 120, 50_000)
    assert calls == ["pmt"]
    np.testing.assert_allclose(got, npf.pmt(rates, 120, 50_000), rtol=1e-10)


def test_arrays_do_not_broadcast_is_an_argument_error():
    with pytest.raises(cp.InvalidArgumentError, match="broadcast"):
        finance.pmt([0.1, 0.2], [10, 20, 30], 100)


FORMS = {
    "list": lambda rows: [list(r) for r in rows],
    "tuple": lambda rows: tuple(tuple(r) for r in rows),
    "numpy int": lambda rows: np.array(rows, dtype=np.int64),
    "numpy float32": lambda rows: np.array(rows, dtype=np.float32),
    "numpy float": lambda rows: np.array(rows, dtype=np.float64),
    "fortran order": lambda rows: np.asfortranarray(np.array(rows, dtype=np.float64)),
    "DataFrame": lambda rows: pd.DataFrame(rows, columns=[f"y{i}" for i in range(len(rows[0]))]),
}

ONE = {
    "list": list,
    "tuple": tuple,
    "numpy int": lambda r: np.array(r, dtype=np.int64),
    "numpy float": lambda r: np.array(r, dtype=np.float64),
    "Series by year": lambda r: pd.Series(r, index=range(2030, 2030 + len(r))),
    "Series by label": lambda r: pd.Series(r, index=[f"y{i}" for i in range(len(r))]),
    "object Series": lambda r: pd.Series(r, dtype=object),
}

METRICS = {
    "npv": lambda v, **k: finance.npv(0.08, v, **k),
    "irr": lambda v, **k: finance.irr(v, **k),
    "mirr": lambda v, **k: finance.mirr(v, 0.1, 0.12, **k),
    "payback": lambda v, **k: finance.payback(v, **k),
    "discounted_payback": lambda v, **k: finance.discounted_payback(0.05, v, **k),
    "profitability_index": lambda v, **k: finance.profitability_index(0.05, v, **k),
}


@pytest.mark.parametrize("seed", range(5))
def test_every_form_of_the_same_flows_gives_identical_numbers(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 12))
    rows = np.hstack([-rng.integers(100, 10_000, (6, 1)), rng.integers(0, 3_000, (6, n))]).astype(int).tolist()
    for name, metric in METRICS.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", cp.MultipleIrrWarning)
            want = np.asarray(metric(np.array(rows, dtype=float)), dtype=float)
            for form, make in FORMS.items():
                got = metric(make(rows))
                if form == "DataFrame":
                    assert isinstance(got, pd.Series) and list(got.index) == list(range(6)), (name, form)
                np.testing.assert_array_equal(np.asarray(got, dtype=float), want, err_msg=f"{name} {form}")
            for i, row in enumerate(rows):
                for form, make in ONE.items():
                    got = metric(make(row))
                    got = math.nan if got is None else got
                    assert got == want[i] or (math.isnan(got) and math.isnan(want[i])), (name, form, i)


@pytest.mark.parametrize("seed", range(3))
def test_every_form_of_the_time_value_arguments_gives_identical_numbers(seed):
    rng = np.random.default_rng(100 + seed)
    rate = rng.uniform(0.0, 0.02, 8)
    nper_ = rng.integers(12, 120, 8).astype(float)
    pv_ = rng.uniform(1_000, 100_000, 8)
    forms = {
        "list": lambda a: a.tolist(),
        "numpy": lambda a: a,
        "Series": lambda a: pd.Series(a, index=[f"loan{i}" for i in range(len(a))]),
    }
    want = finance.pmt(rate, nper_, pv_)
    scalar = [finance.pmt(float(r), float(n), float(p)) for r, n, p in zip(rate, nper_, pv_)]
    np.testing.assert_array_equal(want, scalar)
    for form, make in forms.items():
        got = finance.pmt(make(rate), make(nper_), make(pv_))
        np.testing.assert_array_equal(np.asarray(got), want, err_msg=form)
        if form == "Series":
            assert list(got.index) == [f"loan{i}" for i in range(8)]
        back = finance.pv(make(rate), make(nper_), make(want))
        np.testing.assert_array_equal(np.asarray(back), finance.pv(rate, nper_, want), err_msg=form)


def test_the_multiple_irr_warning_points_at_the_caller():
    with pytest.warns(cp.MultipleIrrWarning) as record:
        finance.irr(pd.Series([-1.0, 2.3, -1.32]), guess=0.25)
    assert record[0].filename == __file__


def test_when_as_numbers_of_any_type():
    begin = finance.pmt(0.1, 10, 100, 0, "begin")
    assert finance.pmt(0.1, 10, 100, 0, 1.0) == begin
    assert finance.pmt(0.1, 10, 100, 0, np.int64(1)) == begin
    with pytest.raises(cp.InvalidArgumentError):
        finance.pmt(0.1, 10, 100, 0, True)  # type: ignore[arg-type]
