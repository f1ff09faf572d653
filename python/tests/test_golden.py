"""Every golden file of tests/fixtures/expected through the Python surface."""

import pytest

import cleanprod as cp
from conftest import ROOT
from golden import TOLERANCE, assert_matches, close, difference, golden_names, golden_sources, load

EXACT = {"relative": 0.0, "absolute": 0.0}

CLASSES = {
    "syntax": cp.DocumentSyntaxError,
    "document": cp.DocumentError,
    "unit": cp.UnitError,
    "value": cp.InvalidValueError,
}


def test_every_example_and_valid_fixture_has_a_golden_file():
    assert golden_names() == sorted(f"{p.name}.json" for p in golden_sources())


@pytest.mark.parametrize("name", golden_names())
def test_golden_report(name):
    want = load(name)
    a = cp.Assessment.from_file(ROOT / want["source"])
    got = {
        "source": want["source"],
        "report": a.report(),
        "reconcile": a.reconcile(),
        "rank": {metric: a.rank(metric) for metric in want["rank"]},
    }
    assert_matches(got, want, name)
    # Determinism: the native build behind Python gives the figures of the Rust suite bit for
    # bit (the same libm on every target), not only within the golden tolerance.
    assert difference(got, want, tol=EXACT) is None, (name, difference(got, want, tol=EXACT))


def test_golden_errors():
    cases = load("invalid.json")
    assert len(cases) >= 120
    for name, want in cases.items():
        with pytest.raises(cp.CleanprodError) as info:
            cp.Assessment.from_file(ROOT / want["source"])
        err = info.value
        assert type(err) is CLASSES[want["category"]], (name, type(err))
        got = {
            "source": want["source"],
            "code": err.code,
            "path": err.path,
            "category": want["category"],
            "value": err.value,
            "message": str(err),
        }
        assert_matches(got, want, name)


def test_golden_tolerance_is_the_stated_one():
    assert (TOLERANCE["relative"], TOLERANCE["absolute"]) == (1e-9, 1e-12)


def test_golden_compare_accepts_differences_within_the_tolerance():
    want = {"a": [1.0, 1e6, 0.0, "x", None, True], "b": {"c": -2.5}}
    got = {"b": {"c": -2.5 * (1 + 5e-10)}, "a": [1, 1e6 + 1e-4, 5e-13, "x", None, True]}
    assert difference(got, want) is None


@pytest.mark.parametrize(
    ("got", "message"),
    [
        ({"report": {"options": [{"npv": 100.0}, {"npv": 1.0 + 2e-9}]}}, "$.report.options[1].npv: got"),
        ({"report": {"options": [{"npv": 100.0}, {"npv": 1e-11}]}}, "$.report.options[1].npv"),
        ({"report": {"options": [{"npv": 100.0}]}}, "$.report.options: 1 items, want 2"),
        ({"report": {"options": [{"npv": 100.0}, {}]}}, "$.report.options[1]: key 'npv' missing"),
        ({"report": {"options": [{"npv": 100.0}, {"npv": 1.0, "irr": 0.1}]}}, "key 'irr' not expected"),
        ({"report": {"options": [{"npv": "100"}, {"npv": 1.0}]}}, "$.report.options[0].npv: got string"),
        ({"report": {"options": [{"npv": None}, {"npv": 1.0}]}}, "$.report.options[0].npv: got null"),
        ({"report": {"options": [{"npv": True}, {"npv": 1.0}]}}, "$.report.options[0].npv: got boolean"),
    ],
)
def test_golden_compare_names_the_first_difference(got, message):
    want = {"report": {"options": [{"npv": 100.0}, {"npv": 1.0}]}}
    d = difference(got, want)
    assert d is not None and message in d, d
    with pytest.raises(AssertionError):
        assert_matches(got, want)


def test_golden_compare_is_exact_for_strings_and_booleans():
    assert difference("a", "b") is not None
    assert difference(False, True) is not None
    assert not close(1e-11, 0.0)
    assert close(1e-13, -1e-13)
