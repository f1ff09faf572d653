"""The notebooks of python/examples, executed cell by cell: a cell that raises fails the suite.

Each notebook tells a consultant's story on one of the example documents; running them here
keeps them in step with the package. Needs nbclient, nbformat and ipykernel (in
requirements-dev.txt); skipped only when they are not installed.
"""

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "examples"


def notebooks():
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def test_there_is_a_notebook_per_sector_and_one_for_finance():
    names = {p.stem for p in notebooks()}
    assert {"tanning", "hotel", "hospital", "chemicals", "automotive", "finance"} <= names


def test_notebooks_are_stored_without_outputs():
    for path in notebooks():
        nb = nbformat.read(path, as_version=4)
        with_outputs = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
        assert not with_outputs, f"{path.name}: cells {with_outputs} keep outputs"


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_notebook_runs(path):
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    # Every code cell ran, and the ones that end in an expression showed something.
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors
