"""Scenarios in one call (issue 19, item 3): with_values and compare."""

import numpy as np
import pytest

import cleanprod as cp
from conftest import ROOT

TANNERY = ROOT / "examples" / "tannery.toml"


def test_with_values_returns_a_new_validated_assessment():
    a = cp.Assessment.from_file(TANNERY)
    b = a.with_values({"prices.water": "40 MXN/m3", "schedule.days_per_year": np.int64(300)})
    assert b is not a and b != a
    assert b.to_dict()["prices"]["water"] == "40 MXN/m3"
    assert b.to_dict()["schedule"]["days_per_year"] == 300
    assert a.to_dict()["prices"]["water"] == "32 MXN/m3"  # unchanged
    # dearer water: the water-saving option is worth more, the others the same
    ev_a, ev_b = a.evaluate(), b.evaluate()
    assert ev_b.option("batch_washing")["annual_saving"] > ev_a.option("batch_washing")["annual_saving"]


def test_with_values_writes_template_fields_and_items_by_id():
    a = cp.Assessment.from_file(TANNERY)
    d = a.to_dict()
    template = d["template"]["tanning"]
    field = next(k for k, v in template.items() if isinstance(v, str) and v.endswith("%"))
    b = a.with_values({f"template.tanning.{field}": "50 %"})
    assert b.to_dict()["template"]["tanning"][field] == "50 %"


def test_with_values_errors_name_the_path():
    a = cp.Assessment.from_file(TANNERY)
    with pytest.raises(cp.UnitError) as info:
        a.with_values({"prices.water": "40 MXN"})
    assert info.value.path == "prices.water"
    with pytest.raises(cp.DocumentError) as info2:
        a.with_values({"pricez.water": "40 MXN/m3"})
    assert info2.value.path == "pricez.water" and info2.value.code == "unknown_reference"
    with pytest.raises(cp.InvalidArgumentError):
        a.with_values({1: "x"})  # type: ignore[dict-item]


def test_compare_lines_up_the_option_tables():
    a = cp.Assessment.from_file(TANNERY)
    b = a.with_values({"prices.water": "40 MXN/m3"})
    t = cp.compare({"base": a, "dear water": b})
    assert t.index.names == ["scenario", "id"]
    assert set(t.index.get_level_values("scenario")) == {"base", "dear water"}
    assert t.attrs["units"]["npv"] == "MXN"
    base, dear = t.loc["base"], t.loc["dear water"]
    assert list(base.index) == list(dear.index)
    assert dear.loc["batch_washing", "npv"] > base.loc["batch_washing", "npv"]
    assert dear.loc["high_exhaustion", "npv"] == pytest.approx(base.loc["high_exhaustion", "npv"], rel=1e-12)
    hotel = cp.Assessment.from_file(ROOT / "examples" / "hotel.toml")
    with pytest.raises(cp.InvalidArgumentError, match="currency"):
        cp.compare({"tannery": a, "hotel": hotel})


def test_new_gives_the_starting_document_of_the_cli():
    text = cp.new("hotel")
    assert text == (ROOT / "examples" / "hotel.toml").read_text(encoding="utf-8")
    assert cp.Assessment.from_str(text).to_dict()["site"]["sector"] == "hotel"
    with pytest.raises(cp.InvalidArgumentError) as info:
        cp.new("bakery")  # type: ignore[arg-type]
    assert "tanning" in str(info.value)


EFFECTS = ROOT / "tests" / "fixtures" / "documents" / "valid" / "effects.toml"


def test_options_added_and_removed_without_writing_toml():
    a = cp.Assessment.from_file(EFFECTS)
    first = a.to_dict()["options"][0]
    b = a.with_option({**first, "id": "again"})
    ev_a, ev_b = a.evaluate(), b.evaluate()
    assert [o["id"] for o in ev_b.results] == [o["id"] for o in ev_a.results] + ["again"]
    assert ev_b.option("again")["npv"] == pytest.approx(ev_a.option(first["id"])["npv"], rel=1e-12)
    c = b.without_options(["again", first["id"]])
    assert [o["id"] for o in c.evaluate().results] == [o["id"] for o in ev_a.results][1:]
    with pytest.raises(cp.InvalidArgumentError) as info:
        a.without_options(["again"])
    assert info.value.path == "ids[0]"
    with pytest.raises(cp.InvalidArgumentError):
        a.without_options("again")  # type: ignore[arg-type]
    n = len(a.to_dict()["options"])
    with pytest.raises(cp.CleanprodError) as bad:
        a.with_option({**first, "id": "bad", "capex": "10 kg"})
    assert bad.value.path.startswith(f"options[{n}]")


def test_template_options_are_removed_with_the_inputs_that_sample_them():
    a = cp.Assessment.from_file(TANNERY)
    b = a.without_options(["batch_washing"])
    assert "batch_washing" not in [o["id"] for o in b.evaluate().results]
    paths = b.simulate(draws=50, seed=1).inputs
    assert not any("batch_washing" in p or "options[0]" in p for p in paths)
    # the enzyme quote still samples hair saving's O&M, now named by id
    assert "template.tanning.options[hair_save].om_change" in paths
