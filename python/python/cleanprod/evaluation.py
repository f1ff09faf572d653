"""The appraisal of an assessment's options (from :meth:`cleanprod.Assessment.evaluate`)."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["Evaluation"]


class Evaluation:
    """Each option's cost class, investment, annual saving, paybacks, NPV, IRR, MIRR and
    savings per resource. Money is in :attr:`currency`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data
        self.currency: str = data["currency"]
        self.results: list[dict[str, Any]] = data["options"]

    @classmethod
    def _from_json(cls, text: str) -> "Evaluation":
        return cls(json.loads(text))

    def option(self, option_id: str) -> dict[str, Any]:
        """The appraisal of one option."""
        for o in self.results:
            if o["id"] == option_id:
                return o
        raise KeyError(option_id)

    @property
    def options(self) -> Any:
        """One row per option (a pandas DataFrame indexed by id). Needs pandas."""
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        columns = [
            "id", "title", "category", "cost_class", "capex", "annual_saving",
            "simple_payback_years", "discounted_payback_years", "npv", "irr", "mirr",
            "savings_to_investment", "deltas",
        ]
        return pd.DataFrame([{k: o[k] for k in columns} for o in self.results]).set_index("id")

    def to_dict(self) -> dict[str, Any]:
        """The appraisal as plain data."""
        return self._data

    def __repr__(self) -> str:
        return f"<Evaluation of {len(self.results)} options ({self.currency})>"
