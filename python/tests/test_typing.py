"""The package's types as a user's type checker sees them: ``mypy --strict`` on a script that
uses the tables, the finance functions and the results (tests/typing_user_script.py), whose
``assert_type`` lines fail when a result is typed ``Any`` or as another type."""

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent / "typing_user_script.py"


def test_a_user_script_type_checks_under_mypy_strict(tmp_path):
    pytest.importorskip("mypy")
    pytest.importorskip("polars")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), str(SCRIPT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_user_script_runs():
    pytest.importorskip("polars")
    import importlib.util

    spec = importlib.util.spec_from_file_location("typing_user_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main()


def test_importing_cleanprod_imports_neither_pandas_nor_polars():
    # the table types are annotations only (TYPE_CHECKING): both libraries stay optional
    code = "import sys, cleanprod; print(sorted({'pandas', 'polars'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
