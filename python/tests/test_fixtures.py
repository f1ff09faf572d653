"""The shared fixtures of tests/fixtures, also run by the Rust and JS suites: unit strings, and
the figures of documents checked by hand (every figure the engine gives is in the golden files,
test_golden.py). Numbers of documents are compared with the shared tolerance."""

import math

import pytest

import cleanprod as cp
from conftest import FIXTURES
from golden import close

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


def test_valid_documents_give_their_hand_checked_figures(document_cases):
    for case in document_cases["valid"]:
        a = cp.Assessment.from_file(FIXTURES / case["file"])
        summary = a.summary()
        for key, want in case["summary"].items():
            assert summary[key] == want, (case["file"], key)
        if "balance" in case:
            b = a.balance()
            for component, streams in case["balance"].items():
                for stream, want in streams.items():
                    assert close(b.value(component, stream), want), (component, stream)
            if "energy" in case:
                e, want = b.to_dict()["energy"], case["energy"]
                for carrier in ("natural_gas", "electricity"):
                    assert close(e["carriers"][carrier], want[carrier]), carrier
                soak = next(n for n in e["nodes"] if n["node"] == "soak")
                assert close(soak["useful"], want["useful_soak"])
                assert e["specific_energy"] == want["specific_energy"]
                assert b.to_dict()["specific_water"] == want["specific_water"]
            for component, chi in case["chi_square"].items():
                assert close(b.component(component)["reconciliation"]["chi_square"], chi), component
        if "options" in case:
            ev = a.evaluate()
            for option_id, fields in case["options"].items():
                got = ev.option(option_id)
                for k, want in fields.items():
                    if isinstance(want, float) and got[k] is not None:
                        assert close(got[k], want), (option_id, k)
                    else:
                        assert got[k] == want, (option_id, k)
            assert list(ev.options.index) == list(case["options"])
        if "portfolio" in case:
            p, want = a.evaluate().portfolio(), case["portfolio"]
            for k, w in want["all"].items():
                if isinstance(w, float):
                    assert close(p["total"][k], w), k
                else:
                    assert p["total"][k] == w, k
            assert [s["id"] for s in p["steps"]] == [s["id"] for s in want["sequence"]]
            for got, w in zip(p["steps"], want["sequence"]):
                assert close(got["annual_saving"], w["annual_saving"]), w["id"]
            # The same order asked for explicitly gives the same steps.
            again = a.evaluate().portfolio([s["id"] for s in want["sequence"]])
            assert again["steps"] == p["steps"]
        # Written back and read again, the document is the same.
        assert cp.Assessment.from_dict(a.to_dict()) == a
        assert cp.Assessment.from_str(a.to_toml()) == a
        assert cp.Assessment.from_str(a.to_json(), format="json") == a


def test_invalid_documents_raise_their_errors(document_cases):
    assert len(document_cases["invalid"]) >= 120
    for case in document_cases["invalid"]:
        with pytest.raises(CLASSES[case["category"]]) as info:
            cp.Assessment.from_file(FIXTURES / case["file"])
        err = info.value
        assert err.code == case["code"], case["file"]
        assert err.path == case["path"], case["file"]
        for word in case["message_contains"]:
            assert word in str(err), (case["file"], word, str(err))
        assert isinstance(err, ValueError) and isinstance(err, cp.CleanprodError)


def test_invalid_uncertainty_sections_raise_their_errors_when_sampled(document_cases):
    assert len(document_cases["invalid_risk"]) >= 10
    for case in document_cases["invalid_risk"]:
        a = cp.Assessment.from_file(FIXTURES / case["file"])
        with pytest.raises(CLASSES[case["category"]]) as info:
            a.simulate(draws=10)
        err = info.value
        assert err.code == case["code"], case["file"]
        assert err.path == case["path"], case["file"]
        for word in case["message_contains"]:
            assert word in str(err), (case["file"], word, str(err))
