"""Charts from Python: byte for byte the golden SVGs the Rust suite writes
(tests/fixtures/expected/charts, listed in charts.json), and errors as the other surfaces
give them."""

import json
import pickle
import xml.etree.ElementTree as ET

import pytest

import cleanprod as cp
from conftest import FIXTURES, ROOT

CHARTS = FIXTURES / "expected" / "charts"
MANIFEST = json.loads((CHARTS / "charts.json").read_text(encoding="utf-8"))["charts"]


@pytest.mark.parametrize("case", MANIFEST, ids=lambda c: c["file"])
def test_golden_chart_is_byte_identical(case):
    a = cp.Assessment.from_file(ROOT / case["source"])
    chart = a.chart(case["kind"], **case["options"])
    want = (CHARTS / case["file"]).read_text(encoding="utf-8")
    assert chart.svg == want
    assert chart.kind == case["kind"]
    # An SVG document a parser reads, titled as the chart.
    root = ET.fromstring(chart.svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.find("{http://www.w3.org/2000/svg}title").text == chart.title
    assert chart._repr_svg_() == chart.svg
    table = chart.to_pandas()
    assert list(table.columns) == chart._table["columns"] and len(table) == len(chart._table["rows"])


def test_every_golden_chart_is_listed():
    listed = sorted(c["file"] for c in MANIFEST)
    assert listed == sorted(p.name for p in CHARTS.glob("*.svg"))


def test_chart_functions_are_the_methods():
    a = cp.Assessment.from_file(ROOT / "examples/tannery.toml")
    assert cp.charts.sankey(a, "water") == a.chart("sankey", component="water")
    assert cp.charts.cash_flow(a, "chrome_recovery") == a.chart("cash-flow", option="chrome_recovery")
    assert cp.charts.benchmarks(a).kind == "benchmarks"


def test_chart_errors_are_cleanprod_errors():
    a = cp.Assessment.from_file(ROOT / "examples/tannery.toml")
    with pytest.raises(cp.InvalidArgumentError) as info:
        a.chart("pie")
    assert info.value.path == "kind"
    with pytest.raises(cp.CleanprodError) as info:
        a.chart("cash-flow", option="nope")
    assert "nope" in str(info.value)
    with pytest.raises(cp.CleanprodError):
        a.chart("sankey", component="unobtainium")
    with pytest.raises(cp.CleanprodError):
        a.chart("tornado", draws=0)


def test_chart_saves_its_svg(tmp_path):
    chart = cp.charts.cost_curve(cp.Assessment.from_file(ROOT / "examples/hotel.toml"), "water")
    path = chart.save(tmp_path / "water.svg")
    assert path.read_text(encoding="utf-8") == chart.svg


def test_a_balance_shows_its_sankey_and_streams_in_jupyter():
    a = cp.Assessment.from_file(ROOT / "examples" / "tannery_measured.toml")
    b = a.balance()
    html = b._repr_html_()
    # The core's water Sankey, the same SVG as the assessment's chart, then the stream table.
    assert a.chart("sankey", component="water").svg.strip() in html
    assert html.index("<svg") < html.index("<table") and "soak_in" in html
    # A pickled balance keeps its assessment, so it still draws.
    assert pickle.loads(pickle.dumps(b)).sankey("Cr2O3") == b.sankey("Cr2O3")
