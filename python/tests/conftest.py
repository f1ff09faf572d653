import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def unit_cases():
    return json.loads((FIXTURES / "units.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def document_cases():
    return json.loads((FIXTURES / "documents.json").read_text(encoding="utf-8"))
