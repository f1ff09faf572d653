"""The Python surface beyond the shared fixtures."""

import pickle

import pytest

import cleanprod as cp
from conftest import ROOT

TANNERY = ROOT / "examples" / "tannery_measured.toml"


def test_from_file_accepts_str_and_path():
    a = cp.Assessment.from_file(str(TANNERY))
    b = cp.Assessment.from_file(TANNERY)
    assert a == b
    assert repr(a) == "<Assessment \"Curtidos del Bajío (example)\" (tanning)>"


def test_to_dict_keeps_units_as_strings():
    d = cp.Assessment.from_file(TANNERY).to_dict()
    assert d["format"] == cp.FORMAT == "cleanprod/1"
    assert d["production"]["output"] == "12 t/d"
    assert d["prices"]["water"] == "32 MXN/m3"
    assert d["schedule"]["days_per_year"] == 280


def test_from_dict_reports_the_path_of_a_wrong_dimension():
    d = cp.Assessment.from_file(TANNERY).to_dict()
    d["production"]["output"] = "12 kWh"
    with pytest.raises(cp.UnitError, match=r"production\.output.*energy.*mass rate") as info:
        cp.Assessment.from_dict(d)
    assert info.value.code == "unit_dimension"
    assert info.value.path == "production.output"
    assert info.value.value == "12 kWh"


def test_from_dict_refuses_nan_before_it_reaches_the_engine():
    d = cp.Assessment.from_file(TANNERY).to_dict()
    d["schedule"]["batches_per_day"] = float("nan")
    with pytest.raises(ValueError):
        cp.Assessment.from_dict(d)


def test_from_str_checks_the_format_argument():
    with pytest.raises(ValueError, match="toml"):
        cp.Assessment.from_str("", format="yaml")  # type: ignore[arg-type]
    with pytest.raises(cp.DocumentSyntaxError) as info:
        cp.Assessment.from_str("{", format="json")
    assert info.value.code == "syntax"


def test_missing_file_is_an_os_error():
    with pytest.raises(FileNotFoundError):
        cp.Assessment.from_file(ROOT / "no-such-file.toml")


def test_unknown_dimension_name():
    with pytest.raises(cp.DocumentError) as info:
        cp.to_si("1 m", "speed")
    assert info.value.code == "unknown_variant"
    assert "volume_rate" in str(info.value)


def test_errors_pickle_with_their_attributes():
    with pytest.raises(cp.UnitError) as info:
        cp.to_si("12 psi", "pressure")
    back = pickle.loads(pickle.dumps(info.value))
    assert type(back) is cp.UnitError
    assert (back.code, back.path, back.value, str(back)) == (
        "unit_ambiguous",
        "",
        "12 psi",
        str(info.value),
    )


def test_schema_is_a_json_schema_of_the_document():
    s = cp.schema()
    assert s["title"] == "cleanprod assessment document"
    assert s["additionalProperties"] is False
    assert "prices" in s["properties"]


def test_summary_markdown():
    md = cp.Assessment.from_file(TANNERY).summary_markdown()
    assert md.startswith("## Curtidos del Bajío")
    assert "| Annual output | 3360 t |" in md


def test_jupyter_html_escapes_the_site_name():
    d = cp.Assessment.from_file(TANNERY).to_dict()
    d["site"]["name"] = "<script>alert(1)</script> & Co"
    html = cp.Assessment.from_dict(d)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; Co" in html
    assert "<th>Annual output</th><td>3360 t</td>" in html


def test_balance_of_the_flowsheet_fixture():
    a = cp.Assessment.from_file(ROOT / "tests" / "fixtures" / "documents" / "valid" / "flowsheet.toml")
    b = a.balance()
    assert isinstance(b, cp.Balance) and b.unit == "kg/yr"
    assert b.value("water", "m1") == pytest.approx(28_500_000)
    assert b.component("water")["reconciliation"]["consistent"] is True
    assert any("unit soak does not close" in f for f in b.findings)
    assert cp.Assessment.from_file(ROOT / "tests" / "fixtures" / "documents" / "valid" / "minimal.toml").balance() is None
    tannery = cp.Assessment.from_file(TANNERY).balance()
    assert tannery.value("Cr2O3", "tanned") == pytest.approx((288 - 58) * 280)
    assert tannery.value("Cr2O3", "leather") == pytest.approx((288 - 58 - 12) * 280)


def test_balance_tables_for_pandas():
    a = cp.Assessment.from_file(ROOT / "tests" / "fixtures" / "documents" / "valid" / "flowsheet.toml")
    tables = a.balance().to_pandas()
    streams, units = tables["streams"], tables["units"]
    water = streams[streams.component == "water"].set_index("stream")
    assert water.loc["m4", "status"] == "solved"
    assert water.loc["m1", "value"] == pytest.approx(28_500)  # m3/yr
    assert set(units.node) == {"soak", "tan"}


def test_reconcile_lists_tests_and_adjustments():
    a = cp.Assessment.from_file(ROOT / "tests" / "fixtures" / "documents" / "valid" / "flowsheet.toml")
    [water] = a.reconcile()
    assert water["component"] == "water"
    assert water["test"]["chi_square"] == pytest.approx(2.0)
    assert sorted(s["stream"] for s in water["adjustments"]) == ["m1", "m2"]
    assert cp.Assessment.from_file(ROOT / "tests" / "fixtures" / "documents" / "valid" / "minimal.toml").reconcile() == []


def test_report_is_the_cli_json_object():
    a = cp.Assessment.from_file(ROOT / "examples" / "tannery.toml")
    r = a.report()
    assert set(r) == {"summary", "balance", "currency", "options", "portfolio", "benchmarks"}
    assert r["options"] == a.evaluate().to_dict()["options"]
    assert r["benchmarks"] == a.benchmarks()
    assert r["benchmarks"]["sector"] == "tanning"
    assert r["summary"] == a.summary()
    assert "chrome" in a.report_markdown()


def test_option_columns_come_from_the_core():
    from cleanprod._cleanprod import OPTION_COLUMNS

    a = cp.Assessment.from_file(ROOT / "examples" / "hotel.toml")
    row = a.evaluate().to_dict()["options"][0]
    assert OPTION_COLUMNS[0] == "id"
    assert all(c in row for c in OPTION_COLUMNS)


def test_template_and_sector_must_agree():
    d = cp.Assessment.from_file(ROOT / "examples" / "tannery.toml").to_dict()
    d["site"]["sector"] = "hotel"
    with pytest.raises(cp.InvalidValueError) as e:
        cp.Assessment.from_dict(d)
    assert e.value.path == "site.sector"
    assert "template.tanning" in str(e.value)
