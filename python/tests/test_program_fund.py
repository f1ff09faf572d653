"""A loan fund from Python: the same books as the CLI, the books close every year, the draws
are the same for a seed whatever the threads, and errors name the field."""

import json
import subprocess

import pytest

import cleanprod as cp
from conftest import ROOT

FUND = ROOT / "examples" / "funds" / "bajio_fund.toml"


def test_the_books_close_every_year_and_match_the_cli(tmp_path):
    f = cp.program.fund(FUND)
    y = f.years()
    gap = y.capital + y.cumulative_interest - y.cumulative_losses - y.outstanding - y.cash
    assert (gap.abs() <= 1e-6 * y.capital).all()
    assert f.survival is None and f.summary() is None
    assert len(f.loans()) == len(f.to_dict()["fund"]["loans"]) > 10
    assert "leverage" in str(f)
    assert f.chart().svg.startswith("<svg")
    cli = ROOT / "target" / "release" / "cleanprod"
    if cli.exists():
        out = subprocess.run([str(cli), "fund", str(FUND), "--format", "json"], capture_output=True, text=True, check=True)
        assert json.loads(out.stdout)["fund"] == f.to_dict()["fund"]


def test_draws_do_not_depend_on_threads_and_give_the_survival():
    one = cp.program.fund(FUND, draws=300, seed=5, threads=1)
    two = cp.program.fund(FUND, draws=300, seed=5, threads=2)
    assert one.to_dict() == two.to_dict()
    risk = one.to_dict()["monte_carlo"]
    assert one.survival == risk["survived"] / 300
    s = one.summary()
    assert s.loc["losses", "mean"] == risk["losses"]["mean"]
    assert (s["p5"] <= s["p95"]).all()
    assert list(one.balance()["year"]) == list(range(10))
    assert "data-role=\"band\"" in one.chart().svg
    assert "survival" in repr(one)


def test_a_dict_document_and_its_errors():
    doc = {
        "currency": "USD",
        "years": 3,
        "contributions": [{"year": 0, "amount": 1000.0}],
        "rules": {"share": 1.0, "rate": 0.1, "tenor_years": 2, "default_probability": 1.0, "guarantee_cover": 1.0, "guarantee_fee": 0.01},
        "pipeline": [{"document": "a", "option": "a", "capex": 1000.0, "annual_saving": 700.0}],
    }
    # Certain default in year 1, fully covered: the fund loses only the 1 % fee.
    f = cp.program.fund(doc, draws=10)
    assert f.to_dict()["monte_carlo"]["losses"]["max"] == pytest.approx(10.0)
    doc["rules"]["share"] = 1.5
    with pytest.raises(cp.CleanprodError) as e:
        cp.program.fund(doc)
    assert e.value.path == "rules.share"
