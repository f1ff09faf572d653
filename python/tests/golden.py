"""The golden files of tests/fixtures/expected and the one comparison of the three suites.

The files are written by the core (``CLEANPROD_BLESS=1 cargo test -p cleanprod --test
integration golden``); numbers are compared with the tolerance of tolerance.json, which the
Rust and JS suites read too.
"""

import json
import math

from conftest import FIXTURES, ROOT

EXPECTED = FIXTURES / "expected"
TOLERANCE = json.loads((EXPECTED / "tolerance.json").read_text(encoding="utf-8"))
NOT_GOLDEN = {"tolerance.json", "invalid.json"}


def load(name):
    return json.loads((EXPECTED / name).read_text(encoding="utf-8"))


def golden_names():
    """The golden files of valid documents, sorted by name."""
    return sorted(p.name for p in EXPECTED.glob("*.json") if p.name not in NOT_GOLDEN)


def golden_sources():
    """Every document that must have a golden file: the examples and the valid fixtures."""
    docs = sorted((ROOT / "examples").glob("*.toml"))
    docs += sorted(p for p in (FIXTURES / "documents" / "valid").iterdir() if p.suffix in (".toml", ".json"))
    return docs


def close(got, want, tol=TOLERANCE):
    """Whether two numbers are the same figure: |a - b| <= max(absolute, relative * max(|a|, |b|))."""
    return math.fabs(got - want) <= max(tol["absolute"], tol["relative"] * max(math.fabs(got), math.fabs(want)))


def _kind(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, (list, tuple)):
        return "array"
    if isinstance(v, dict):
        return "object"
    return type(v).__name__


def difference(got, want, path="$", tol=TOLERANCE):
    """The first difference between ``got`` and ``want`` with its JSON path, or None: numbers
    within the tolerance, strings, booleans and null exactly, objects with the same keys, arrays
    of the same length."""
    kg, kw = _kind(got), _kind(want)
    if kg != kw:
        return f"{path}: got {kg} {got!r}, want {kw} {want!r}"
    if kw == "number":
        return None if close(got, want, tol) else f"{path}: got {got!r}, want {want!r}"
    if kw == "object":
        for k in want:
            if k not in got:
                return f"{path}: key {k!r} missing"
        for k in got:
            if k not in want:
                return f"{path}: key {k!r} not expected"
        for k, w in want.items():
            d = difference(got[k], w, f"{path}.{k}", tol)
            if d is not None:
                return d
        return None
    if kw == "array":
        if len(got) != len(want):
            return f"{path}: {len(got)} items, want {len(want)}"
        for i, (g, w) in enumerate(zip(got, want)):
            d = difference(g, w, f"{path}[{i}]", tol)
            if d is not None:
                return d
        return None
    return None if got == want else f"{path}: got {got!r}, want {want!r}"


def assert_matches(got, want, what=""):
    d = difference(got, want)
    assert d is None, f"{what}: {d}" if what else d
