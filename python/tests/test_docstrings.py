"""Every public name of the package explains itself in numpy style with an example that runs.

The examples are run here (``doctest`` over each module, and over the docstrings of the native
module's stub, which hold the documentation of the functions written in Rust), and each
public function and method is checked for the sections a reader looks for: ``Parameters``
when it takes any, ``Returns`` when it returns something, ``Examples`` with a ``>>>`` line.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import inspect
from pathlib import Path

import pytest

import cleanprod

from conftest import ROOT
PACKAGE = Path(cleanprod.__file__).resolve().parent
MODULES = [
    "cleanprod",
    "cleanprod.balance",
    "cleanprod.charts",
    "cleanprod.errors",
    "cleanprod.evaluation",
    "cleanprod.finance",
    "cleanprod.program",
    "cleanprod.dask",
    "cleanprod.reports",
    "cleanprod.risk",
    "cleanprod.tables",
    "cleanprod.utilities",
]
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_run(module, monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples read examples/*.toml and tests/fixtures
    m = importlib.import_module(module)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    tests = [t for t in finder.find(m, module) if t.examples]
    for t in tests:
        runner.run(t)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0


def _stub_docstrings() -> list[tuple[str, str, ast.AST]]:
    """(qualified name, docstring, node) of the stub's module, classes and functions."""
    tree = ast.parse((PACKAGE / "_cleanprod.pyi").read_text(encoding="utf-8"))
    out = [("cleanprod._cleanprod", ast.get_docstring(tree) or "", tree)]

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.ClassDef, ast.FunctionDef)):
                name = f"{prefix}.{child.name}"
                out.append((name, ast.get_docstring(child) or "", child))
                if isinstance(child, ast.ClassDef):
                    visit(child, name)

    visit(tree, "cleanprod._cleanprod")
    return out


def test_stub_examples_run(monkeypatch):
    # The stub's docstrings are what editors, the API documentation and help() show (the
    # native module takes them from the stub when it is built), so their examples must run.
    monkeypatch.chdir(ROOT)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    attempted = 0
    for name, doc, _ in _stub_docstrings():
        test = parser.get_doctest(doc, {}, name, str(PACKAGE / "_cleanprod.pyi"), 0)
        runner.run(test)
        attempted += len(test.examples)
    result = runner.summarize(verbose=False)
    assert attempted > 20
    assert result.failed == 0


def _sections(doc: str) -> set[str]:
    lines = inspect.cleandoc(doc).splitlines()
    return {a.strip() for a, b in zip(lines, lines[1:]) if b.strip() and set(b.strip()) == {"-"}}


def _missing(doc: str, takes_arguments: bool, returns: bool) -> list[str]:
    sections = _sections(doc)
    missing = []
    if not doc.strip():
        return ["docstring"]
    if takes_arguments and "Parameters" not in sections:
        missing.append("Parameters")
    if returns and "Returns" not in sections:
        missing.append("Returns")
    if "Examples" not in sections or ">>>" not in doc:
        missing.append("Examples")
    return missing


def _public_callables():
    """(qualified name, function) of every public function and method of the package."""
    seen = set()
    for module in MODULES[1:]:
        m = importlib.import_module(module)
        for name in m.__all__:
            obj = getattr(m, name)
            if inspect.isfunction(obj) and obj.__module__ == module:
                yield f"{module}.{name}", obj
            elif inspect.isclass(obj) and obj.__module__ == module and id(obj) not in seen:
                seen.add(id(obj))
                if issubclass(obj, BaseException):
                    continue
                for attr, value in vars(obj).items():
                    if attr.startswith("_"):
                        continue
                    if inspect.isfunction(value) or isinstance(value, staticmethod):
                        yield f"{module}.{name}.{attr}", inspect.unwrap(getattr(obj, attr))


def test_every_public_function_and_method_has_numpy_sections():
    bad = {}
    for name, f in _public_callables():
        sig = inspect.signature(f)
        params = [p for p in sig.parameters if p not in ("self", "cls")]
        ret = sig.return_annotation
        returns = ret not in (None, "None", inspect.Signature.empty)
        missing = _missing(f.__doc__ or "", bool(params), returns)
        if missing:
            bad[name] = missing
    assert not bad, bad


def test_every_stub_function_and_method_has_numpy_sections():
    # The stub documents the native module: the Assessment class and the functions the
    # package re-exports (the finance and utility primitives are documented through
    # cleanprod.finance and cleanprod.utilities).
    documented = {f"cleanprod._cleanprod.{n}" for n in ("new", "schema", "to_si", "canonical")}
    bad = {}
    for name, doc, node in _stub_docstrings():
        if not isinstance(node, ast.FunctionDef):
            continue
        if not (name in documented or name.startswith("cleanprod._cleanprod.Assessment.")):
            continue
        if node.name.startswith("_"):
            continue
        args = [a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)]
        takes = bool([a for a in args if a not in ("self", "cls")])
        returns = not (isinstance(node.returns, ast.Constant) and node.returns.value is None)
        missing = _missing(doc, takes, returns)
        if missing:
            bad[name] = missing
    assert not bad, bad


def test_public_classes_have_docstrings():
    for module in MODULES:
        m = importlib.import_module(module)
        for name in getattr(m, "__all__", []):
            obj = getattr(m, name)
            if inspect.isclass(obj):
                assert (obj.__doc__ or "").strip(), f"{module}.{name}"


def _public_names():
    """(qualified name, object) of every public name of the package: each module's ``__all__``
    and the public attributes (methods, properties) of its classes."""
    for module in MODULES:
        m = importlib.import_module(module)
        for name in getattr(m, "__all__", []):
            obj = getattr(m, name)
            if not (callable(obj) or inspect.isclass(obj)):
                continue  # constants (FORMAT, UNITS...) have no docstring of their own
            yield f"{module}.{name}", obj
            if inspect.isclass(obj):
                for attr in vars(obj):
                    if not attr.startswith("_"):
                        value = inspect.getattr_static(obj, attr)
                        if callable(value) or isinstance(value, (property, staticmethod, classmethod)) or type(value).__name__.endswith("descriptor"):
                            yield f"{module}.{name}.{attr}", value


def test_help_on_every_public_name_shows_a_runnable_example():
    # help() reads __doc__: for the methods written in Rust it is the stub's docstring (copied
    # in when the native module is built), for the rest the Python docstring; either way the
    # example is one the doctests above run.
    bad = []
    for name, obj in _public_names():
        doc = inspect.getdoc(obj.__func__ if isinstance(obj, (staticmethod, classmethod)) else obj) or ""
        if ">>>" not in doc:
            bad.append(name)
    assert not bad, bad


def test_native_docstrings_are_the_stubs():
    stub = {name.removeprefix("cleanprod._cleanprod."): doc for name, doc, _ in _stub_docstrings()}
    native = importlib.import_module("cleanprod._cleanprod")
    checked = 0
    for name, doc in stub.items():
        if name not in ("Assessment", "new", "schema", "to_si", "canonical") and not name.startswith("Assessment."):
            continue  # the private primitives are documented through cleanprod.finance and the rest
        obj = native
        for part in name.split("."):
            obj = getattr(obj, part, None)
        if obj is None or not doc or name.split(".")[-1].startswith("_"):
            continue
        # Overloads (``report``) have each docstring, one after the other.
        assert doc in inspect.cleandoc(obj.__doc__ or ""), name
        checked += 1
    assert checked > 25
