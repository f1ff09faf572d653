"""Screening a region from Python: a firm's figures are those of the example written by hand
for its size, tables from files and DataFrames give the same screening, bad rows are named,
the synthetic region is the same for a seed, and a Dask cluster of processes gives the local
screening row for row."""

import pickle

import pytest

import cleanprod as cp
from conftest import ROOT

EXAMPLES = ROOT / "examples"


def test_a_tannery_screened_is_the_example_written_for_its_size():
    s = cp.program.screen({"id": ["T1"], "sector": ["tanning"], "raw_hides": ["24 t/d"]}, by="npv")
    [row] = s.ranking().to_dict("records")
    text = (EXAMPLES / "tannery.toml").read_text(encoding="utf-8")
    for a, b in [
        ('raw_hides = "12 t/d"', 'raw_hides = "24 t/d"'),
        ('output = "12 t/d"', 'output = "24 t/d"'),
        ('capital_budget = "1000000 MXN"', 'capital_budget = "2000000 MXN"'),
        ('om_change = "90000 MXN"', 'om_change = "180000 MXN"'),
        ('om_change = "250000 MXN"', 'om_change = "500000 MXN"'),
        ('capex = "120000 MXN"', 'capex = "240000 MXN"'),
    ]:
        assert a in text
        text = text.replace(a, b, 1)
    site = cp.program.evaluate({"T1": text}).sites().iloc[0]
    assert row["npv"] == site["npv"] and row["capex"] == site["capex"]
    assert row["water_m3"] == site["per_year.water_m3"] and row["co2_t"] == site["per_year.co2_t"]
    assert row["currency"] == "MXN" and row["size"] == "24 t/d"


def test_csv_parquet_and_dataframes_give_the_same_screening(tmp_path):
    import pandas as pd

    table = cp.program.region(firms=40)
    local = cp.program.screen(table, by="water")
    assert local.firms == 40 and not local.failures
    path = tmp_path / "firms.csv"
    table.to_csv(path, index=False)
    assert cp.program.screen(path, by="water") == local
    # Numbers as numbers and missing cells as NaN, as a register read by pandas has them.
    read = pd.read_csv(path)
    assert read["rooms"].dtype.kind == "f"
    assert cp.program.screen(read, by="water") == local
    polars = pytest.importorskip("polars")
    frame = polars.DataFrame({c: table[c].tolist() for c in table.columns})
    assert cp.program.screen(frame, by="water") == local
    frame.write_parquet(tmp_path / "firms.parquet")
    assert cp.program.screen(tmp_path / "firms.parquet", by="water") == local


def test_ranking_is_ordered_and_ties_keep_the_table_order():
    t = {"id": list("abcd"), "sector": ["tanning"] * 4, "raw_hides": ["6 t/d", "30 t/d", "6 t/d", "12 t/d"]}
    r = cp.program.screen(t, by="co2").ranking()
    assert r["id"].tolist() == ["b", "d", "a", "c"]
    assert r["rank"].tolist() == [1, 2, 3, 4]
    assert r["value"].is_monotonic_decreasing
    assert cp.program.screen(t, by="co2", top=2).ranking()["id"].tolist() == ["b", "d"]


def test_bad_rows_are_named_and_the_table_s_faults_raise():
    t = {
        "id": ["ok", "big", "unit"],
        "sector": ["tanning"] * 3,
        "raw_hides": ["6 t/d", "500 t/d", "6 m3/d"],
    }
    s = cp.program.screen(t, by="water")
    assert [(f["document"], f["path"]) for f in s.failures] == [("big", "raw_hides"), ("unit", "raw_hides")]
    assert s.ranking()["id"].tolist() == ["ok"]
    with pytest.raises(cp.CleanprodError):
        cp.program.screen({"id": ["a", "a"], "sector": ["tanning"] * 2, "raw_hides": ["6 t/d"] * 2}, by="water")
    with pytest.raises(cp.CleanprodError):
        cp.program.screen(cp.program.region(firms=50), by="npv")  # MXN, USD, INR: rates needed
    with pytest.raises(cp.InvalidArgumentError):
        cp.program.screen(t, by="jobs")


def test_the_synthetic_region_is_the_same_for_a_seed():
    a = cp.program.region(firms=5)
    # The same rows as `cleanprod region --firms 5` (checked in the CLI tests).
    assert a.values.tolist() == [
        ["F1", "automotive", "", "", "183900 /yr", "", ""],
        ["F2", "hotel", "48", "54.4 %", "", "", ""],
        ["F3", "tanning", "", "", "", "12.57 t/d", ""],
        ["F4", "chemicals", "", "", "78.51 t/yr", "", ""],
        ["F5", "hotel", "82", "70.3 %", "", "", ""],
    ]
    assert cp.program.region(firms=300).equals(cp.program.region(firms=300))
    assert not cp.program.region(firms=300, seed=1).equals(cp.program.region(firms=300))
    spec = {"seed": 3, "firms": 100, "sectors": [{"sector": "hotel", "share": 1.0, "median": "40", "sigma": 0.5}]}
    assert set(cp.program.region(spec)["sector"]) == {"hotel"}
    s = cp.program.screen(cp.program.region(firms=10), by="co2")
    assert pickle.loads(pickle.dumps(s)) == s


def test_a_dask_cluster_of_processes_gives_the_local_screening():
    distributed = pytest.importorskip("distributed")
    import cleanprod.dask

    table = cp.program.region(firms=120, seed=9)
    table.loc[7, "rooms"] = "nonsense"
    rates = {"MXN": 0.055, "INR": 0.012}
    local = cp.program.screen(table, by="npv", currency="USD", rates=rates)
    assert len(local.failures) >= 1
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster):
        remote = cleanprod.dask.screen(table, by="npv", batch_size=25, currency="USD", rates=rates)
    assert remote == local


def test_a_dask_dataframe_s_partitions_are_the_batches():
    dd = pytest.importorskip("dask.dataframe")  # needs pyarrow
    import dask
    import cleanprod.dask

    table = cp.program.region(firms=60, seed=4)
    local = cp.program.screen(table, by="water")
    with dask.config.set(scheduler="synchronous"):
        assert cleanprod.dask.screen(dd.from_pandas(table, npartitions=4), by="water") == local


UNCERTAINTY = ROOT / "tests" / "fixtures" / "screen" / "uncertainty.toml"


def test_draws_per_firm_do_not_depend_on_threads_batches_or_the_form_of_the_section():
    t = cp.program.region(firms=16)
    kw = dict(by="npv_p10", currency="USD", rates={"MXN": 0.055, "INR": 0.012}, draws=200, seed=3)
    one = cp.program.screen(t, threads=1, uncertainty=UNCERTAINTY, **kw)
    two = cp.program.screen(t, threads=2, uncertainty=str(UNCERTAINTY), **kw)
    assert one == two
    r = one.ranking()
    assert one.to_dict()["draws"] == 200 and len(r) == 16
    assert (r["npv_p10"] <= r["npv_p50"]).all() and (r["npv_p50"] <= r["npv_p90"]).all()
    assert r["value"].equals(r["npv_p10"]) and r["value"].is_monotonic_decreasing
    assert r["probability_loss"].between(0, 1).all()
    # The same section as a dict (its TOML read by Python) and as inline text.
    import tomllib

    section = tomllib.loads(UNCERTAINTY.read_text(encoding="utf-8"))["uncertainty"]
    assert cp.program.screen(t, threads=1, uncertainty=section, **kw) == one
    text = UNCERTAINTY.read_text(encoding="utf-8")
    assert cp.program.screen(t, threads=1, uncertainty=text, **kw) == one
    # Batches screened apart and combined: the whole.
    from cleanprod import _cleanprod

    halves = [cp.program.screen({k: v[i:j] for k, v in t.to_dict("list").items()}, threads=1, uncertainty=section, **kw).to_dict()
              for i, j in [(0, 5), (5, 16)]]
    assert cp.program.Screening(_cleanprod.program_screen_combine(halves)) == one
    # Without draws: no statistics; draws without an uncertainty, or ranking by one, raise.
    assert "npv_p10" not in cp.program.screen(t, by="water").ranking()
    with pytest.raises(cp.errors.InvalidArgumentError):
        cp.program.screen(t, by="water", draws=10)
    with pytest.raises(cp.errors.CleanprodError):
        cp.program.screen(t, by="npv_mean")
