"""The appraisal of an assessment's options (from :meth:`cleanprod.Assessment.evaluate`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional

__all__ = ["Evaluation"]

from ._cleanprod import OPTION_COLUMNS  # the columns of Evaluation.options, from the core
from .errors import UnknownIdError


class Evaluation:
    """Each option's cost class, investment, annual saving, paybacks, NPV, IRR, MIRR,
    savings per resource and CO2 avoided, and the options together. Money is in
    :attr:`currency`."""

    def __init__(self, data: dict[str, Any], assessment: Any = None) -> None:
        self._data = data
        self._assessment = assessment
        self.currency: str = data["currency"]
        self.results: list[dict[str, Any]] = data["options"]

    def option(self, option_id: str) -> dict[str, Any]:
        """The appraisal of one option, alone against the baseline.

        Raises
        ------
        UnknownIdError
            (a :class:`KeyError`) for an id the evaluation does not have, listing those it has.

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> ev.option("flow_restrictor")["annual_saving"]
        1500.0
        """
        for o in self.results:
            if o["id"] == option_id:
                return o
        known = ", ".join(o["id"] for o in self.results)
        raise UnknownIdError(
            f"no option {option_id!r}; known options: {known}", "unknown_option", str(option_id), str(option_id)
        )

    @property
    def options(self) -> Any:
        """One row per option, alone against the baseline (a pandas DataFrame indexed by
        id). Needs pandas."""
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        rows = [{k: o[k] for k in OPTION_COLUMNS} for o in self.results]
        return pd.DataFrame(rows, columns=OPTION_COLUMNS).set_index("id")

    def portfolio(self, ids: Optional[Sequence[str]] = None) -> dict[str, Any]:
        """The options applied one after the other to one model: ``steps`` (what each adds
        to those before it, with the running totals) and ``total``.

        Without ``ids``, every option in the order of their NPV alone (the evaluation's own
        portfolio, which also has the budget selection and cost curves under
        ``to_dict()["portfolio"]``); with ``ids``, those options in that order.
        """
        if ids is None:
            p = self._data["portfolio"]
            return {"steps": p["sequence"], "total": p["all"]}
        if isinstance(ids, str):
            raise TypeError("ids must be a sequence of option ids, not one string")
        if self._assessment is None:
            raise ValueError("this evaluation was not made from an Assessment")
        result: dict[str, Any] = self._assessment.portfolio(list(ids))
        return result

    def ranking(self, by: str = "npv") -> list[str]:
        """Option ids ranked by a metric, best first: ``"npv"``, ``"irr"``, ``"mirr"``,
        ``"simple_payback"``, ``"discounted_payback"``, ``"savings_to_investment"``,
        ``"annual_saving"``, ``"capex"``, ``"levelized_cost"`` or ``"co2_avoided"``, or the
        column of :attr:`options` that shows it (``"simple_payback_years"``), in any case.
        Options without a value of it (no IRR, a payback never reached) come last.

        Raises
        ------
        InvalidArgumentError
            For an unknown metric, listing the known ones.

        Examples
        --------
        >>> import cleanprod as cp
        >>> ev = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml").evaluate()
        >>> ev.ranking("Simple_Payback_Years") == ev.ranking("simple_payback")
        True
        """
        if self._assessment is None:
            raise ValueError("this evaluation was not made from an Assessment")
        result: list[str] = self._assessment.rank(by)
        return result

    def to_dict(self) -> dict[str, Any]:
        """The appraisal as plain data."""
        return self._data

    def __repr__(self) -> str:
        return f"<Evaluation of {len(self.results)} options ({self.currency})>"
