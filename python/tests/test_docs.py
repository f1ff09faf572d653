"""The Python API documentation (python/docs, MkDocs with mkdocstrings) builds from the
docstrings without a warning, and shows what the docstrings say: the stub's documentation of
the native Assessment, the numpy sections, the examples."""

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs"

pytest.importorskip("mkdocs")
pytest.importorskip("mkdocstrings_handlers.python")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(DOCS / "mkdocs.yml"), "-d", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr  # --strict: a warning fails
    return out


def text(site, page, between_tags=" "):
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", between_tags, raw))


def test_the_docs_build_without_warnings_and_have_every_page(site):
    pages = ["assessment", "results", "finance", "risk", "utilities", "errors"]
    assert all((site / p / "index.html").is_file() for p in pages)


def test_the_native_assessment_is_documented_from_the_stub(site):
    page = text(site, "assessment")
    # only the stub (not the Rust docstring help() shows) says this of from_str's format
    assert "The format; without it, JSON when the text starts with" in page
    assert "with_values" in page and "evaluate_batch" in page


def test_pages_show_the_numpy_sections_and_the_examples(site):
    finance = text(site, "finance")
    for name in ("npv", "irr", "pmt", "xirr", "loan_schedule"):
        assert f"cleanprod.finance.{name}" in (site / "finance" / "index.html").read_text(encoding="utf-8")
    assert "Parameters" in finance and "Returns" in finance and "Raises" in finance
    code = text(site, "finance", between_tags="")  # highlighted code is a span per token
    assert "finance.npv(0.08, [-40_000, 5_000, 8_000, 12_000, 30_000])" in code
    results = text(site, "results")
    assert "MWh/yr" in results and "to_polars" in results
    utilities = text(site, "utilities", between_tags="")
    assert "utilities.steam_trap(orifice='0.125 in', pressure='150 psig')" in utilities


def test_roles_of_the_docstrings_do_not_show_as_text(site):
    for page in ("assessment", "results", "finance", "risk", "utilities", "errors"):
        assert not re.search(r":(class|func|meth|attr|data|mod|exc):", text(site, page)), page
