"""Programmes beyond one machine, on Dask: the documents in batches of a few thousand, one
task per batch (never one per document: a task costs about 200 µs of scheduling), each batch
evaluated by the core with the GIL released, and the batches combined into the programme the
same documents give on one machine, row for row.

Needs ``dask[distributed]`` (the extra ``cleanprod[dask]``). Only plain data crosses between
processes: (name, text) pairs in, programme dicts out.

>>> import cleanprod as cp
>>> import cleanprod.dask
>>> import dask
>>> with dask.config.set(scheduler="synchronous"):
...     p = cleanprod.dask.evaluate(cp.program.sources("examples"), batch_size=4)
>>> p == cp.program.evaluate("examples")
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union

from . import _cleanprod as _native
from .program import Programme, Screening, _uncertainty_text, combine, firm_rows

__all__ = ["evaluate", "evaluate_batch", "screen", "screen_batch"]


def evaluate_batch(
    batch: Sequence[tuple[str, str]],
    currency: Optional[str] = None,
    rates: Optional[Mapping[str, float]] = None,
) -> list[dict[str, Any]]:
    """One batch of documents as a one-item list of its programme dict (a bag partition).

    Parameters
    ----------
    batch : sequence of (str, str)
        Names and document texts.
    currency, rates : optional
        Exchange rates, as :func:`cleanprod.program.evaluate` takes them.

    Returns
    -------
    list of dict
        The batch's programme, as :meth:`cleanprod.program.Programme.to_dict` gives it.

    Examples
    --------
    >>> import cleanprod as cp
    >>> import cleanprod.dask
    >>> [part] = cleanprod.dask.evaluate_batch(cp.program.sources(["examples/hotel.toml"]))
    >>> part["documents"]
    1
    """
    data, _ = _native.program_evaluate(
        [(str(n), str(t)) for n, t in batch],
        threads=1,
        currency=currency,
        rates=dict(rates) if rates is not None else None,
    )
    return [data]


def evaluate(
    documents: Union[Sequence[tuple[str, str]], Any],
    *,
    batch_size: int = 2000,
    currency: Optional[str] = None,
    rates: Optional[Mapping[str, float]] = None,
) -> Programme:
    """Evaluate a programme's documents on the current Dask scheduler (a ``distributed``
    client's cluster when one is active), one task per batch.

    Parameters
    ----------
    documents : sequence of (str, str), dask.bag.Bag or dask.dataframe.DataFrame
        (name, text) pairs (see :func:`cleanprod.program.sources`); a bag of such pairs
        (its partitions are the batches); or a Dask DataFrame with ``name`` and ``text``
        columns.
    batch_size : int, optional
        Documents per task when a sequence is given (1,000 to 10,000 keep the scheduling
        cost small against the work).
    currency, rates : optional
        Exchange rates, as :func:`cleanprod.program.evaluate` takes them.

    Returns
    -------
    Programme
        The same programme as :func:`cleanprod.program.evaluate` of the same documents.

    Raises
    ------
    InvalidArgumentError
        A batch size below 1.

    Examples
    --------
    >>> import cleanprod as cp
    >>> import cleanprod.dask
    >>> import dask
    >>> with dask.config.set(scheduler="synchronous"):
    ...     cleanprod.dask.evaluate(cp.program.sources(["examples/hotel.toml"])).documents
    1
    """
    import importlib

    # dask ships no types for its bags: kept as Any.
    db: Any = importlib.import_module("dask.bag")
    given: Any = documents
    if batch_size < 1:
        from .errors import InvalidArgumentError

        raise InvalidArgumentError(
            f"batch_size must be at least 1, not {batch_size}", "invalid_argument", "batch_size", str(batch_size)
        )
    bag: Any
    if isinstance(given, db.Bag):
        bag = given
    elif hasattr(given, "to_bag") and hasattr(given, "map_partitions"):
        bag = given[["name", "text"]].to_bag()
    else:
        items = [(str(n), str(t)) for n, t in given]
        partitions = max(1, -(-len(items) // batch_size))
        bag = db.from_sequence(items, npartitions=partitions)
    parts = bag.map_partitions(evaluate_batch, currency, rates).compute()
    return combine(parts, currency=currency, rates=rates)


def screen_batch(
    rows: Sequence[Sequence[str]],
    columns: Sequence[str],
    by: str = "npv",
    currency: Optional[str] = None,
    rates: Optional[Mapping[str, float]] = None,
    uncertainty: Optional[str] = None,
    draws: Optional[int] = None,
    seed: Optional[int] = None,
    method: Optional[str] = None,
) -> list[dict[str, Any]]:
    """One batch of firm rows screened, as a one-item list of its screening dict (a bag
    partition).

    Parameters
    ----------
    rows : sequence of sequence of str
        The batch's rows, cells as strings.
    columns : sequence of str
        The table's column names.
    by, currency, rates : optional
        As :func:`cleanprod.program.screen` takes them.
    uncertainty : str, optional
        The region's ``[uncertainty]`` section as TOML or JSON text.
    draws, seed, method : optional
        As :func:`cleanprod.program.screen` takes them.

    Returns
    -------
    list of dict
        The batch's screening, as :meth:`cleanprod.program.Screening.to_dict` gives it.

    Examples
    --------
    >>> import cleanprod.dask
    >>> [s] = cleanprod.dask.screen_batch([["a", "tanning", "6 t/d"]], ["id", "sector", "raw_hides"], "water")
    >>> s["firms"]
    1
    """
    data = _native.program_screen(
        [str(c) for c in columns],
        [[str(c) for c in r] for r in rows],
        by=by,
        threads=1,
        currency=currency,
        rates=dict(rates) if rates is not None else None,
        uncertainty=uncertainty,
        draws=draws,
        seed=seed,
        method=method,
    )
    return [data]


def screen(
    firms: Any,
    *,
    by: str = "npv",
    batch_size: int = 2000,
    currency: Optional[str] = None,
    rates: Optional[Mapping[str, float]] = None,
    uncertainty: Any = None,
    draws: Optional[int] = None,
    seed: Optional[int] = None,
    method: Optional[str] = None,
) -> Screening:
    """Screen a region's firms on the current Dask scheduler, one task per batch of rows;
    the same screening as :func:`cleanprod.program.screen` of the same table, row for row.

    Parameters
    ----------
    firms : path, DataFrame, mapping or dask.dataframe.DataFrame
        The table (see :func:`cleanprod.program.firm_rows`); a Dask DataFrame's partitions
        are the batches.
    by : {"npv", "water", "co2"}
        The potential ranked by.
    batch_size : int, optional
        Rows per task for a table in memory (1,000 to 10,000).
    currency, rates : optional
        Exchange rates, as :func:`cleanprod.program.evaluate` takes them.
    uncertainty, draws, seed, method : optional
        Draws per firm, as :func:`cleanprod.program.screen` takes them (each firm's draws
        keyed by the seed and its id, so the batches do not change them).

    Returns
    -------
    Screening
        The ranking over every batch and the rows that failed.

    Raises
    ------
    InvalidArgumentError
        A batch size below 1.

    Examples
    --------
    >>> import cleanprod as cp
    >>> import cleanprod.dask
    >>> import dask
    >>> t = cp.program.region(firms=30)
    >>> with dask.config.set(scheduler="synchronous"):
    ...     s = cleanprod.dask.screen(t, by="water", batch_size=8)
    >>> s == cp.program.screen(t, by="water")
    True
    >>> u = {"inputs": [{"path": "options.savings", "spread": "± 20 %"}]}
    >>> with dask.config.set(scheduler="synchronous"):
    ...     d = cleanprod.dask.screen(t, by="water", batch_size=8, draws=50, uncertainty=u)
    >>> d == cp.program.screen(t, by="water", draws=50, uncertainty=u)
    True
    """
    import importlib

    db: Any = importlib.import_module("dask.bag")
    if batch_size < 1:
        from .errors import InvalidArgumentError

        raise InvalidArgumentError(
            f"batch_size must be at least 1, not {batch_size}", "invalid_argument", "batch_size", str(batch_size)
        )
    given: Any = firms
    bag: Any
    if hasattr(given, "to_bag") and hasattr(given, "map_partitions"):
        columns = [str(c) for c in given.columns]

        def as_text(part: Any) -> Any:
            return part.astype(object).where(part.notna(), "").astype(str)

        bag = given.map_partitions(as_text).to_bag()
    else:
        columns, rows = firm_rows(given)
        partitions = max(1, -(-len(rows) // batch_size))
        bag = db.from_sequence(rows, npartitions=partitions)
    text = _uncertainty_text(uncertainty)
    parts = bag.map_partitions(
        screen_batch, columns, by, currency, rates, text, draws, seed, method
    ).compute()
    return Screening(_native.program_screen_combine(parts))
