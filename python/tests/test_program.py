"""Programmes from Python: the totals are the sums of the single assessments, failures are
reported without stopping the others, parts combine to the whole, and a Dask cluster of
processes gives the local result row for row."""

import math
import pickle

import pytest

import cleanprod as cp
from conftest import ROOT

EXAMPLES = ROOT / "examples"


def test_programme_of_the_examples_adds_up_their_portfolios():
    p = cp.program.evaluate(EXAMPLES)
    assert p.documents == 6 and p.failures == []
    sites = p.sites()
    for name in sites["document"]:
        a = cp.Assessment.from_file(EXAMPLES / name)
        ev = a.evaluate()
        total = ev.to_dict()["portfolio"]["all"]
        row = sites[sites["document"] == name].iloc[0]
        assert math.isclose(row["capex"], total["capex"], rel_tol=1e-12, abs_tol=1e-9)
        assert math.isclose(row["npv"], total["npv"], rel_tol=1e-9, abs_tol=1e-6)
    # Money per currency: never one sum of USD and MXN.
    by_currency = {m["currency"]: m for m in p.totals["money"]}
    for currency, m in by_currency.items():
        want = sites.loc[sites["currency"] == currency, "capex"].sum()
        assert math.isclose(m["investment"], want, rel_tol=1e-12, abs_tol=1e-9)
    assert str(p).strip() and "sites" in str(p).lower()


def test_a_failing_document_is_reported_and_the_rest_evaluated():
    docs = {
        "hotel": (EXAMPLES / "hotel.toml").read_text(encoding="utf-8"),
        "broken": (EXAMPLES / "hotel.toml").read_text(encoding="utf-8").replace('water = "1.9 USD/m3"', 'water = "1.9 USD/kg"'),
    }
    p = cp.program.evaluate(docs)
    assert p.documents == 2 and len(p.sites()) == 1
    [f] = p.failures
    assert f["document"] == "broken" and f["path"].startswith("prices.")


def test_exchange_rates_bring_money_to_one_currency():
    p = cp.program.evaluate(EXAMPLES, currency="USD", rates={"MXN": 0.055, "INR": 0.012})
    assert [m["currency"] for m in p.totals["money"]] == ["USD"]
    with pytest.raises(cp.InvalidArgumentError):
        cp.program.evaluate(EXAMPLES, rates={"MXN": 0.055})


def test_parts_combine_to_the_whole_and_pickle():
    files = sorted(EXAMPLES.glob("*.toml"))
    whole = cp.program.evaluate(files)
    parts = [cp.program.evaluate(files[:2]), cp.program.evaluate(files[2:])]
    assert cp.program.combine(parts) == whole
    assert pickle.loads(pickle.dumps(whole)) == whole
    assert set(whole.breakdown("cost_class")["key"]) <= {"no_cost", "low_cost", "investment"}
    with pytest.raises(cp.InvalidArgumentError):
        whole.breakdown("colour")


def test_dask_cluster_of_processes_gives_the_local_programme():
    distributed = pytest.importorskip("distributed")
    import cleanprod.dask

    documents = cp.program.sources(EXAMPLES) * 3
    local = cp.program.evaluate(dict((f"{i}-{n}", t) for i, (n, t) in enumerate(documents)))
    named = [(f"{i}-{n}", t) for i, (n, t) in enumerate(documents)]
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster):
        remote = cleanprod.dask.evaluate(named, batch_size=5)
    assert remote == local
    assert len(remote.sites()) == 18


def test_programme_chart_draws_each_group_from_the_core():
    p = cp.program.evaluate(EXAMPLES, currency="USD", rates={"MXN": 0.055, "INR": 0.012})
    c = p.chart("sector")
    table = c.to_pandas()
    groups = p.breakdown("sector")
    assert table["group"].tolist() == groups["key"].tolist()
    # The table's water is the group's, to the four significant figures it is written with.
    water = [float(w) for w in table[[col for col in table.columns if col.startswith("Water")][0]]]
    for shown, group in zip(water, groups["per_year.water_m3"]):
        assert math.isclose(shown, group, rel_tol=5e-4, abs_tol=1e-9)
    assert 'data-panel="investment"' in c.svg
    assert c.svg in p._repr_html_()
    assert "por sector" in p.chart(lang="es").title
    with pytest.raises(cp.InvalidArgumentError):
        p.chart("size")
