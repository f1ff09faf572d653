"""Documents of format cleanprod/1 written when the format was frozen
(tests/fixtures/documents/v1) load in this version; while an example or fixture still has the
same text, its results are its golden file's."""

import pytest

import cleanprod as cp
from conftest import FIXTURES, ROOT
from golden import assert_matches, load

V1 = FIXTURES / "documents" / "v1"


def corpus():
    return sorted(p for p in V1.iterdir() if p.suffix in (".toml", ".json"))


def same_text_today(path):
    """The example or valid fixture with the same name and still the same text, or None."""
    for current in (ROOT / "examples" / path.name, FIXTURES / "documents" / "valid" / path.name):
        if current.exists() and current.read_bytes() == path.read_bytes():
            return current
    return None


def test_the_corpus_is_frozen_with_every_example():
    names = {p.name for p in corpus()}
    assert {p.name for p in (ROOT / "examples").glob("*.toml")} <= names
    assert len(names) >= 13


@pytest.mark.parametrize("path", corpus(), ids=lambda p: p.name)
def test_v1_document_loads_and_evaluates(path):
    a = cp.Assessment.from_file(path)
    report = a.report()
    assert report["summary"]
    current = same_text_today(path)
    if current is not None:
        want = load(f"{current.name}.json")
        got = {
            "source": want["source"],
            "report": report,
            "reconcile": a.reconcile(),
            "rank": {metric: a.rank(metric) for metric in want["rank"]},
        }
        assert_matches(got, want, path.name)
