"""The shared fixtures of tests/fixtures, also run by the Rust and JS suites."""

import math

import pytest

import cleanprod as cp
from conftest import FIXTURES

CLASSES = {
    "syntax": cp.DocumentSyntaxError,
    "document": cp.DocumentError,
    "unit": cp.UnitError,
    "value": cp.InvalidValueError,
}


def test_unit_strings_give_their_si_values(unit_cases):
    tol = unit_cases["relative_tolerance"]
    assert len(unit_cases["valid"]) > 40
    for case in unit_cases["valid"]:
        got = cp.to_si(case["text"], case["dimension"])
        assert math.isclose(got, case["si"], rel_tol=tol, abs_tol=0.0), case
        assert cp.canonical(case["text"], case["dimension"]) == case["canonical"]


def test_invalid_unit_strings_raise_unit_errors(unit_cases):
    for case in unit_cases["invalid"]:
        with pytest.raises(cp.UnitError) as info:
            cp.to_si(case["text"], case["dimension"])
        assert info.value.code == case["code"], case
        assert info.value.value == case["text"]


def test_valid_documents_give_their_summaries(document_cases):
    for case in document_cases["valid"]:
        a = cp.Assessment.from_file(FIXTURES / case["file"])
        summary = a.summary()
        for key, want in case["summary"].items():
            assert summary[key] == want, (case["file"], key)
        if "balance" in case:
            b = a.balance()
            for component, streams in case["balance"].items():
                for stream, want in streams.items():
                    assert math.isclose(b.value(component, stream), want, rel_tol=1e-9)
            if "energy" in case:
                e, want = b.to_dict()["energy"], case["energy"]
                for carrier in ("natural_gas", "electricity"):
                    assert math.isclose(e["carriers"][carrier], want[carrier], rel_tol=1e-9)
                soak = next(n for n in e["nodes"] if n["node"] == "soak")
                assert math.isclose(soak["useful"], want["useful_soak"], rel_tol=1e-9)
                assert e["specific_energy"] == want["specific_energy"]
                assert b.to_dict()["specific_water"] == want["specific_water"]
            for component, chi in case["chi_square"].items():
                assert math.isclose(b.component(component)["reconciliation"]["chi_square"], chi, rel_tol=1e-9)
        if "options" in case:
            ev = a.evaluate()
            for option_id, fields in case["options"].items():
                got = ev.option(option_id)
                for k, want in fields.items():
                    if isinstance(want, float) and got[k] is not None:
                        assert math.isclose(got[k], want, rel_tol=1e-9, abs_tol=1e-9), (option_id, k)
                    else:
                        assert got[k] == want, (option_id, k)
            assert list(ev.options.index) == list(case["options"])
        if "portfolio" in case:
            p, want = a.evaluate().portfolio(), case["portfolio"]
            for k, w in want["all"].items():
                if isinstance(w, float):
                    assert math.isclose(p["total"][k], w, rel_tol=1e-9), k
                else:
                    assert p["total"][k] == w, k
            assert [s["id"] for s in p["steps"]] == [s["id"] for s in want["sequence"]]
            for got, w in zip(p["steps"], want["sequence"]):
                assert math.isclose(got["annual_saving"], w["annual_saving"], rel_tol=1e-9)
            # The same order asked for explicitly gives the same steps.
            again = a.evaluate().portfolio([s["id"] for s in want["sequence"]])
            assert again["steps"] == p["steps"]
        if "benchmarks" in case:
            b, want = a.benchmarks(), case["benchmarks"]
            assert b is not None
            assert math.isclose(b["raw_hides"], want["raw_hides"], rel_tol=1e-9)
            got = {i["key"]: i for i in b["indicators"]}
            for key, fields in want["indicators"].items():
                for k, w in fields.items():
                    if isinstance(w, float):
                        assert math.isclose(got[key][k], w, rel_tol=1e-9), (key, k)
                    else:
                        assert got[key][k] == w, (key, k)
            for side in ("chrome_before", "chrome_after"):
                for k, w in want[side].items():
                    assert math.isclose(b[side][k], w, rel_tol=1e-9), (side, k)
            assert len(b["warnings"]) == want["warnings"]
        # Written back and read again, the document is the same.
        assert cp.Assessment.from_dict(a.to_dict()) == a
        assert cp.Assessment.from_str(a.to_toml()) == a
        assert cp.Assessment.from_str(a.to_json(), format="json") == a


def test_invalid_documents_raise_their_errors(document_cases):
    assert len(document_cases["invalid"]) >= 15
    for case in document_cases["invalid"]:
        with pytest.raises(CLASSES[case["category"]]) as info:
            cp.Assessment.from_file(FIXTURES / case["file"])
        err = info.value
        assert err.code == case["code"], case["file"]
        assert err.path == case["path"], case["file"]
        for word in case["message_contains"]:
            assert word in str(err), (case["file"], word, str(err))
        assert isinstance(err, ValueError) and isinstance(err, cp.CleanprodError)
