"""The exceptions cleanprod raises.

Every error is a :class:`CleanprodError`. Errors caused by the input (a document, a unit
string) are also :class:`ValueError`, so ``except ValueError`` catches them, and carry:

* ``code``: a stable machine-readable code, e.g. ``"unit_dimension"``;
* ``path``: the field path, e.g. ``"prices.water"`` (empty for the whole document);
* ``value``: the offending value as written, or ``None``.
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = [
    "CleanprodError",
    "InputError",
    "DocumentSyntaxError",
    "DocumentError",
    "UnitError",
    "InvalidValueError",
    "InvalidArgumentError",
    "UnknownIdError",
    "NoSolutionError",
    "MultipleIrrWarning",
]


class CleanprodError(Exception):
    """Base class of every cleanprod error: ``code``, ``path`` and ``value`` say what is wrong
    and where.

    Examples
    --------
    >>> import cleanprod as cp
    >>> a = cp.Assessment.from_file("examples/hotel.toml")
    >>> try:
    ...     a.with_values({"prices.water": "2 USD/kWh"})
    ... except cp.CleanprodError as e:
    ...     print(type(e).__name__, e.path)
    UnitError prices.water
    """

    code: str
    path: str
    value: Optional[str]

    def __init__(
        self, message: str, code: str = "error", path: str = "", value: Optional[str] = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.path = path
        self.value = value

    def __reduce__(self) -> tuple[Any, ...]:  # keep the attributes through pickling
        return (type(self), (str(self), self.code, self.path, self.value))


class InputError(CleanprodError, ValueError):
    """The input is not acceptable: the base of the syntax, document, unit and value errors,
    and a :class:`ValueError`.

    Examples
    --------
    >>> import cleanprod as cp
    >>> try:
    ...     cp.to_si("12 kg", "volume")
    ... except ValueError as e:
    ...     print(isinstance(e, cp.InputError), e.code)
    True unit_dimension
    """


class DocumentSyntaxError(InputError):
    """The text is not valid TOML or JSON.

    Examples
    --------
    >>> import cleanprod as cp
    >>> try:
    ...     cp.Assessment.from_str("name = ")
    ... except cp.DocumentSyntaxError as e:
    ...     print(e.code)
    syntax
    """


class DocumentError(InputError):
    """The document's structure: an unknown, missing or mistyped field, an unknown choice,
    an unsupported format version.

    Examples
    --------
    >>> import cleanprod as cp
    >>> doc = cp.Assessment.from_file("examples/hotel.toml").to_dict()
    >>> doc["finance"]["discount"] = doc["finance"].pop("discount_rate")
    >>> try:
    ...     cp.Assessment.from_dict(doc)
    ... except cp.DocumentError as e:
    ...     print(e.code, e.path)
    unknown_field finance.discount
    """


class UnitError(InputError):
    """A physical value's number or unit: wrong dimension, unknown or ambiguous unit.

    Examples
    --------
    >>> import cleanprod as cp
    >>> try:
    ...     cp.to_si("12 furlongs", "length")
    ... except cp.UnitError as e:
    ...     print(e.code, e.value)
    unit_unknown 12 furlongs
    """


class InvalidValueError(InputError):
    """A value outside its allowed range, or in another currency than the document's.

    Examples
    --------
    >>> import cleanprod as cp
    >>> a = cp.Assessment.from_file("examples/hotel.toml")
    >>> try:
    ...     a.with_values({"finance.discount_rate": "-150 %"})
    ... except cp.InvalidValueError as e:
    ...     print(e.path)
    finance.discount_rate
    """


class InvalidArgumentError(DocumentError):
    """An argument of a function or method is of the wrong type or shape, cannot be read as
    numbers, or names an unknown choice (``when="middle"``, ``convention="lotus"``). ``path``
    is the argument's name. A :class:`ValueError`; also a :class:`DocumentError`, the class
    these errors had before, so handlers written for it keep working.

    Examples
    --------
    >>> import cleanprod as cp
    >>> try:
    ...     cp.finance.npv(0.1, ["a", "b"])
    ... except cp.InvalidArgumentError as e:
    ...     print(e.path, isinstance(e, ValueError))
    values True
    """


class UnknownIdError(CleanprodError, KeyError):
    """An id (of an option, a component, a stream) that the result does not have; the message
    lists the known ones. A :class:`KeyError` too.

    Examples
    --------
    >>> import cleanprod as cp
    >>> ev = cp.Assessment.from_file("examples/hotel.toml").evaluate()
    >>> try:
    ...     ev.option("nope")
    ... except KeyError as e:
    ...     print(e.path, "known options:" in str(e))
    nope True
    """

    def __str__(self) -> str:  # KeyError would print the repr of the message
        return str(self.args[0]) if self.args else ""


class NoSolutionError(CleanprodError):
    """The inputs are valid but the quantity asked for does not exist, such as the IRR of cash
    flows that never change sign. Not a ValueError: the input is fine, the answer is "none".

    Examples
    --------
    >>> import cleanprod as cp
    >>> try:
    ...     cp.finance.irr([100, 50, 20])
    ... except cp.NoSolutionError as e:
    ...     print(isinstance(e, ValueError))
    False
    """


class MultipleIrrWarning(UserWarning):
    """The cash flows have more than one internal rate of return; the one nearest the guess was
    returned. Decide with NPV or MIRR.

    Examples
    --------
    >>> import warnings
    >>> import cleanprod as cp
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     r = cp.finance.irr([-100, 230, -132])
    >>> w[0].category is cp.MultipleIrrWarning, sorted(round(x, 2) for x in cp.finance.irr_roots([-100, 230, -132]))
    (True, [0.1, 0.2])
    """
