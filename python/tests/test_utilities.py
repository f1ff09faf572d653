"""cleanprod.utilities: one function per calculator of the engine's registry."""

import importlib.util
import inspect
import json
import math
from pathlib import Path

import pytest

import cleanprod as cp
from cleanprod import utilities
from conftest import FIXTURES

CLASSES = {
    "document": cp.DocumentError,
    "unit": cp.UnitError,
    "value": cp.InvalidValueError,
}


def _generator():
    path = Path(__file__).resolve().parents[1] / "tools" / "generate_utilities.py"
    spec = importlib.util.spec_from_file_location("generate_utilities", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cases():
    return json.loads((FIXTURES / "utilities.json").read_text(encoding="utf-8"))


def test_the_module_is_generated_from_the_registry():
    # Regenerate and compare: a calculator or field added in the core fails here until
    # `python python/tools/generate_utilities.py` is run.
    text = Path(utilities.__file__).read_text(encoding="utf-8")
    assert text == _generator().generate()


def test_one_function_per_calculator_with_the_input_fields_as_keywords():
    assert utilities.names()[:3] == ["saturated_steam", "steam_leak", "steam_trap"]
    for name in utilities.names():
        fn = getattr(utilities, name)
        params = inspect.signature(fn).parameters
        fields = {f["name"]: f for f in utilities.fields(name)}
        assert {p.rstrip("_") for p in params} == set(fields), name
        for p in params.values():
            field = fields[p.name.rstrip("_")]
            assert p.kind is inspect.Parameter.KEYWORD_ONLY
            assert (p.default is inspect.Parameter.empty) == field["required"], (name, p.name)
            assert field["description"].split(" (")[0][:20] in fn.__doc__, (name, p.name)
        assert name in utilities.__all__


def test_worked_examples_of_the_shared_fixture(cases):
    assert len(cases["valid"]) >= 10
    for case in cases["valid"]:
        name = case["calculator"]
        kwargs = {("from_" if k == "from" else k): v for k, v in case["input"].items()}
        result = getattr(utilities, name)(**kwargs)
        assert result == utilities.calculate(name, **case["input"])
        quantities = result.quantities()
        si = result.to_si()
        for want in case["expected"]:
            q = quantities[want["path"]]
            expected = cp.to_si(want["value"], q.dimension)
            assert math.isclose(q.value, expected, rel_tol=want["relative_tolerance"]), (name, want)
            # The printed string reads back to the same value; to_si() holds it.
            assert cp.to_si(result[want["path"]], q.dimension) == q.value
            assert si[want["path"]] == q.value


def test_invalid_inputs_raise_the_package_errors_with_the_argument_path(cases):
    for case in cases["invalid"]:
        with pytest.raises(CLASSES[case["category"]]) as info:
            utilities.calculate(case["calculator"], **case["input"])
        assert (info.value.code, info.value.path) == (case["code"], case["path"]), case
        assert isinstance(info.value, ValueError)


def test_result_is_a_read_only_mapping_with_dict_si_and_quantities():
    r = utilities.fixture(
        kind="shower", duration="8 min", uses_per_day=1, people=100, days=365,
        hot_share="70 %", temperature_rise="45 K", efficiency="90 %",
    )
    assert r.calculator == "fixture"
    assert set(r) >= {"water", "hot_water", "heating"}
    assert r["water"].endswith(" m3")
    d = r.to_dict()
    d["heating"]["heat"] = "0 kWh"
    assert r["heating"]["heat"] != "0 kWh"  # a copy
    si = r.to_si()
    assert si["heating"]["heater"]["kind"] == "efficiency"
    assert math.isclose(si["heating"]["heater"]["efficiency"], 0.9)
    q = r.quantities()
    assert q["heating.temperature_rise"] == utilities.Quantity(45.0, "K", "temperature_interval")
    assert q["water"].unit == "m3" and q["water"].dimension == "volume"
    with pytest.raises(TypeError):
        r["water"] = "1 m3"  # type: ignore[index]


def test_none_leaves_an_argument_out_and_keywords_take_an_underscore():
    a = utilities.steam_leak(pressure="150 psig", diameter="1/8 in", hours=None)
    assert "mass" not in a
    r = utilities.air_pressure_reduction(from_="110 psig", to="100 psig", power="90 kW")
    assert math.isclose(r.to_si()["reduction"], 10 * 6894.757293168, rel_tol=1e-12)


def test_thermal_conductivity_in_either_unit_gives_the_same_loss():
    common = dict(diameter="60.3 mm", length="100 m", temperature="180 °C", ambient="20 °C",
                  insulation_thickness="50 mm")
    si = utilities.pipe_insulation(insulation_conductivity="0.04 W/(m·K)", **common)
    us = utilities.pipe_insulation(
        insulation_conductivity=f"{0.04 / 0.1442278888} BTU·in/(h·ft2·°F)", **common
    )
    assert math.isclose(si.to_si()["insulated_rate"], us.to_si()["insulated_rate"], rel_tol=1e-9)
    assert si.quantities()["bare_convection"].unit == "W/(m2·K)"
    with pytest.raises(cp.UnitError) as info:
        utilities.pipe_insulation(insulation_conductivity="0.04", **common)
    assert info.value.path == "insulation_conductivity"
    with pytest.raises(cp.DocumentError) as info:
        utilities.pipe_insulation(insulation_conductivity=0.04, **common)  # type: ignore[arg-type]
    assert info.value.path == "insulation_conductivity"


def test_unknown_calculator_and_argument():
    with pytest.raises(cp.DocumentError) as info:
        utilities.calculate("steam_leek", pressure="150 psig")
    assert info.value.path == "calculator" and "steam_leak" in str(info.value)
    with pytest.raises(TypeError):
        utilities.steam_leak(pressure="150 psig", diameter="3 mm", colour="red")  # type: ignore[call-arg]


def test_schema_has_every_input_and_result():
    s = cp._cleanprod.utilities_schema()
    for name in utilities.names():
        assert s["properties"]["inputs"]["properties"][name]["$ref"].startswith("#/$defs/")
        assert s["properties"]["results"]["properties"][name]["$ref"].startswith("#/$defs/")
