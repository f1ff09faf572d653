"""The package behaves like a Python library: errors of its own classes for bad arguments,
objects that pickle, copy and compare, the GIL released in long calls (issue 19, items 4
and 1's errors; issue 18's Python list)."""

import copy
import datetime as dt
import math
import pickle
import sys
import threading
import time

import numpy as np
import pytest

import cleanprod as cp
from cleanprod import finance
from conftest import ROOT

TANNERY = ROOT / "examples" / "tannery.toml"
EFFECTS = ROOT / "tests" / "fixtures" / "documents" / "valid" / "effects.toml"


# --- bad arguments are InvalidArgumentError (a ValueError and a CleanprodError) ------------


@pytest.mark.parametrize(
    "call, path",
    [
        (lambda: finance.loan_schedule(1000, 0.1, 2, payments_per_year=-12), "payments_per_year"),
        (lambda: finance.loan_schedule(1000, 0.1, 2, payments_per_year=12.5), "payments_per_year"),
        (lambda: finance.loan_schedule(1000, 0.1, 2, grace_periods=2**40), "grace_periods"),
        (lambda: finance.cash_flows(1000, {"water": math.nan}, 5), "cash_flows"),
        (lambda: finance.cash_flows(1000, {"water": dt.date(2020, 1, 1)}, 5), "cash_flows"),  # type: ignore[dict-item]
        (lambda: finance.xirr(["2020-01-01", "2020-02-30"], [-100, 110]), "dates[1]"),
        (lambda: finance.xnpv(0.1, [1, 2], [-100, 110]), "dates[0]"),  # type: ignore[list-item]
        (lambda: finance.npv(0.1, ["a", "b"]), "values"),
        (lambda: finance.npv("ten", [-1, 2]), "rate"),
        (lambda: finance.npv(0.1, [[-1, 2], [3]]), "values"),
        (lambda: finance.irr(np.zeros((2, 2, 2))), "values"),
        (lambda: finance.pmt(0.1, 10, 100, 0, "middle"), "when"),  # type: ignore[arg-type]
        (lambda: finance.npv(0.1, [-1, 2], convention="lotus"), "convention"),  # type: ignore[arg-type]
        (lambda: finance.financing([-1000, 300], [1, 2]), "capex"),  # type: ignore[arg-type]
        (lambda: cp.to_si("1 m", "speed"), "dimension"),
        (lambda: cp.Assessment.from_str("", format="yaml"), "format"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_raise_invalid_argument_error(call, path):
    with pytest.raises(cp.InvalidArgumentError) as info:
        call()
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, cp.CleanprodError)
    assert e.path == path, str(e)


def test_numpy_numbers_are_numbers_everywhere():
    assert finance.loan_schedule(np.float64(1000), np.float32(0.1), np.int64(2), np.int32(12))["payment"].size == 24
    out = finance.cash_flows(np.int64(1000), {"water": np.float64(300)}, np.int64(5))
    assert out["net"][1] == pytest.approx(300.0)


def test_from_dict_accepts_numpy_scalars_and_whole_floats_for_integers():
    d = cp.Assessment.from_file(TANNERY).to_dict()
    d["schedule"]["days_per_year"] = 300.0
    assert cp.Assessment.from_dict(d).to_dict()["schedule"]["days_per_year"] == 300
    d["schedule"]["days_per_year"] = np.int64(280)
    assert cp.Assessment.from_dict(d) == cp.Assessment.from_file(TANNERY)
    d["schedule"]["days_per_year"] = np.float64(280.0)
    assert cp.Assessment.from_dict(d) == cp.Assessment.from_file(TANNERY)


def test_from_dict_refuses_other_objects_and_deep_nesting_naming_the_path():
    d = cp.Assessment.from_file(TANNERY).to_dict()
    d["site"]["name"] = dt.datetime(2020, 1, 1)
    with pytest.raises(cp.DocumentError) as info:
        cp.Assessment.from_dict(d)
    assert info.value.path == "site.name" and "datetime" in str(info.value)
    deep: dict = {}
    node = deep
    for _ in range(5000):
        node["x"] = {}
        node = node["x"]
    with pytest.raises(cp.DocumentError):
        cp.Assessment.from_dict(deep)


def test_from_dict_never_shows_rust_type_names():
    d = cp.Assessment.from_file(TANNERY).to_dict()
    d["schedule"]["days_per_year"] = 280.5
    with pytest.raises(cp.DocumentError) as info:
        cp.Assessment.from_dict(d)
    assert info.value.path == "schedule.days_per_year"
    assert "u32" not in str(info.value) and "whole number" in str(info.value), str(info.value)


def test_from_str_detects_json():
    a = cp.Assessment.from_file(TANNERY)
    assert cp.Assessment.from_str(a.to_json()) == a
    assert cp.Assessment.from_str(a.to_toml()) == a


def test_a_missing_file_names_the_file():
    missing = ROOT / "no-such-file.toml"
    with pytest.raises(FileNotFoundError) as info:
        cp.Assessment.from_file(missing)
    assert info.value.filename == str(missing)
    assert "no-such-file.toml" in str(info.value)


def test_dir_of_finance_shows_only_the_public_api():
    names = dir(finance)
    assert names == sorted(finance.__all__)
    for private in ("np", "json", "Any", "warnings", "cast", "_native"):
        assert private not in names


def test_unknown_option_is_a_key_error_listing_the_known_ids():
    ev = cp.Assessment.from_file(EFFECTS).evaluate()
    with pytest.raises(KeyError) as info:
        ev.option("nope")
    e = info.value
    assert isinstance(e, cp.UnknownIdError) and isinstance(e, cp.CleanprodError)
    assert "flow_restrictor" in str(e) and e.path == "nope"
    assert str(e).startswith("no option 'nope'")


def test_ranking_takes_the_column_names_in_any_case():
    ev = cp.Assessment.from_file(EFFECTS).evaluate()
    assert ev.ranking("simple_payback_years") == ev.ranking("simple_payback")
    assert ev.ranking("Discounted_Payback_Years") == ev.ranking("discounted_payback")
    assert ev.ranking("NPV") == ev.ranking()
    with pytest.raises(cp.InvalidArgumentError) as info:
        ev.ranking("npv_years")
    assert "simple_payback" in str(info.value)


# --- objects ---------------------------------------------------------------------------------


def test_assessment_pickles_copies_and_compares():
    a = cp.Assessment.from_file(TANNERY)
    back = pickle.loads(pickle.dumps(a))
    assert type(back) is cp.Assessment and back == a and back is not a
    assert copy.deepcopy(a) == a and copy.copy(a) is a
    assert a != cp.Assessment.from_file(EFFECTS)
    assert a != "tannery"


def test_evaluation_and_balance_pickle():
    a = cp.Assessment.from_file(TANNERY)
    ev = a.evaluate()
    back = pickle.loads(pickle.dumps(ev))
    assert back.to_dict() == ev.to_dict()
    assert back.ranking() == ev.ranking()
    b = a.balance()
    assert b is not None
    b2 = pickle.loads(pickle.dumps(b))
    assert b2.to_dict() == b.to_dict()
    assert copy.deepcopy(ev).to_dict() == ev.to_dict()
    assert back == ev and b2 == b and ev != b
    assert ev != cp.Assessment.from_file(EFFECTS).evaluate()


def test_evaluate_and_balance_release_the_gil():
    """A second thread runs while documents are evaluated. The switch interval is set so long
    that the thread could only run where the evaluating thread releases the GIL."""
    text = TANNERY.read_text()
    docs = [cp.Assessment.from_str(text.replace("Curtidos", f"Curtidos {i}")) for i in range(150)]
    ticks = []
    stop = threading.Event()

    def count() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.0002)

    interval = sys.getswitchinterval()
    t = threading.Thread(target=count)
    t.start()
    time.sleep(0.01)
    sys.setswitchinterval(30.0)
    try:
        start = time.perf_counter()
        for d in docs:
            d.balance()
            d.evaluate()
        end = time.perf_counter()
    finally:
        sys.setswitchinterval(interval)
        stop.set()
        t.join()
    during = [x for x in ticks if start <= x <= end]
    assert len(during) >= 30, (len(during), end - start)


def test_limits_can_be_raised_for_a_trusted_document_and_name_what_they_refuse():
    text = (ROOT / "examples/hotel.toml").read_text(encoding="utf-8")
    assert "\n[prices]\n" in text
    prices = "".join(f'"p{i}" = "1 USD/m3"\n' for i in range(10_001))
    many = text.replace("\n[prices]\n", "\n[prices]\n" + prices, 1)
    with pytest.raises(cp.InvalidValueError) as info:
        cp.Assessment.from_str(many)
    assert (info.value.code, info.value.path) == ("limit_exceeded", "prices")
    # Raised, the same document reads; lowered, a small one is refused.
    assert len(cp.Assessment.from_str(many, limits={"max_prices": 20_000}).to_dict()["prices"]) > 10_000
    with pytest.raises(cp.InvalidValueError) as info:
        cp.Assessment.from_dict(cp.Assessment.from_str(text).to_dict(), limits={"max_bytes": 10, "max_prices": 0})
    assert info.value.code == "limit_exceeded"
    with pytest.raises(cp.InvalidValueError):
        cp.Assessment.from_file(ROOT / "examples/tannery.toml", limits={"max_bytes": 100})
    with pytest.raises(cp.InvalidArgumentError) as info:
        cp.Assessment.from_str(text, limits={"max_speed": 1})
    assert info.value.path == "max_speed"
    with pytest.raises(cp.InvalidArgumentError):
        cp.Assessment.from_str(text, limits={"max_streams": -1})
