"""Charts drawn by the core as SVG: the same bytes in Jupyter, the command line
(``cleanprod chart``) and the browser package.

Each function takes an :class:`~cleanprod.Assessment` and returns a :class:`Chart`, which
Jupyter shows inline; :meth:`Chart.save` writes the ``.svg`` file and :meth:`Chart.to_pandas`
gives the figures drawn.

>>> import cleanprod as cp
>>> a = cp.Assessment.from_file("examples/tannery.toml")
>>> cp.charts.sankey(a, "water").title
'Balance of water'
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Optional, Union

if TYPE_CHECKING:
    import pandas as pd

    from ._cleanprod import Assessment

__all__ = ["Chart", "benchmarks", "cash_flow", "cost_curve", "histogram", "sankey", "tornado"]


class Chart:
    """A chart: its SVG document, its title, its kind and the table of the figures drawn.

    Parameters
    ----------
    data : dict
        The chart as the core gives it (``kind``, ``title``, ``svg``, ``table``).

    Examples
    --------
    >>> import cleanprod as cp
    >>> c = cp.Assessment.from_file("examples/hotel.toml").chart("cost-curve", component="water")
    >>> c.kind, c.svg.startswith("<svg")
    ('cost-curve', True)
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.kind: str = data["kind"]
        self.title: str = data["title"]
        self.svg: str = data["svg"]
        self._table: dict[str, Any] = data["table"]

    @property
    def caption(self) -> str:
        """What the table of figures holds.

        Returns
        -------
        str
            The caption of :meth:`to_pandas`'s table.

        Examples
        --------
        >>> import cleanprod as cp
        >>> bool(cp.Assessment.from_file("examples/hotel.toml").chart("benchmarks").caption)
        True
        """
        return str(self._table["caption"])

    def to_pandas(self) -> pd.DataFrame:
        """The figures drawn, as the chart's accessible table (text cells, as printed).

        Returns
        -------
        pandas.DataFrame
            One row per bar, band or point, the columns of the chart's table.

        Examples
        --------
        >>> import cleanprod as cp
        >>> t = cp.Assessment.from_file("examples/hotel.toml").chart("cost-curve", component="water").to_pandas()
        >>> len(t) > 0
        True
        """
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]

        return pd.DataFrame(self._table["rows"], columns=self._table["columns"])

    def save(self, path: Union[str, Path]) -> Path:
        """Write the SVG document to ``path``.

        Parameters
        ----------
        path : str or pathlib.Path
            Where to write (an ``.svg`` file).

        Returns
        -------
        pathlib.Path
            The path written.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> import cleanprod as cp
        >>> c = cp.Assessment.from_file("examples/hotel.toml").chart("benchmarks")
        >>> with tempfile.TemporaryDirectory() as d:
        ...     c.save(pathlib.Path(d) / "b.svg").read_text(encoding="utf-8").startswith("<svg")
        True
        """
        out = Path(path)
        out.write_text(self.svg, encoding="utf-8")
        return out

    def _repr_svg_(self) -> str:
        return self.svg

    def __str__(self) -> str:
        return self.svg

    def __repr__(self) -> str:
        return f"<Chart {self.kind}: {self.title}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Chart) and (self.kind, self.svg, self._table) == (other.kind, other.svg, other._table)

    __hash__ = None  # type: ignore[assignment]


def sankey(
    assessment: Assessment, component: Optional[str] = None, *, lang: Optional[Literal["en", "es"]] = None
) -> Chart:
    """The balance of one component as a Sankey diagram, before and after the options.

    Parameters
    ----------
    assessment : Assessment
        A document with a flowsheet (its own or a sector template's).
    component : str, optional
        ``"water"``, ``"Cr2O3"``...: water when the flowsheet carries it, else its first component.
    lang : {"en", "es"}, optional
        The language of the chart's words and numbers (the document's ``[report] lang``, else
        English).

    Returns
    -------
    Chart
        Band widths to scale with the flows (kg/yr); what a unit's balance leaves open is drawn
        as its own node.

    Raises
    ------
    DocumentError
        For a document without a flowsheet, or a component it does not have.

    Examples
    --------
    >>> import cleanprod as cp
    >>> c = cp.charts.sankey(cp.Assessment.from_file("examples/tannery.toml"), "Cr2O3")
    >>> c.kind
    'sankey'
    """
    return assessment.chart("sankey", component=component, lang=lang)


def cash_flow(
    assessment: Assessment, option: Optional[str] = None, *, lang: Optional[Literal["en", "es"]] = None
) -> Chart:
    """An option's cumulative cash flow, undiscounted and discounted, with its paybacks marked
    (and the loan's draw-down and debt service when it is financed).

    Parameters
    ----------
    assessment : Assessment
        A document with options.
    option : str, optional
        The option's id: the first option when absent.
    lang : {"en", "es"}, optional
        The language of the chart's words and numbers (the document's ``[report] lang``, else
        English).

    Returns
    -------
    Chart
        Money in the document's currency, years on the horizontal axis.

    Raises
    ------
    UnknownIdError
        For an option id the document does not have.

    Examples
    --------
    >>> import cleanprod as cp
    >>> cp.charts.cash_flow(cp.Assessment.from_file("examples/tannery.toml"), "chrome_recovery").title
    'Cumulative cash flow of chrome_recovery'
    """
    return assessment.chart("cash-flow", option=option, lang=lang)


def cost_curve(
    assessment: Assessment, resource: Optional[str] = None, *, lang: Optional[Literal["en", "es"]] = None
) -> Chart:
    """The marginal cost curve of a resource (or of CO2): bar widths the annual amounts the
    options save, heights their net cost per unit, cheapest first.

    Parameters
    ----------
    assessment : Assessment
        A document with options.
    resource : str, optional
        ``"water"``, ``"electricity"``, ``"CO2"``...: water when it has a curve, else the
        first resource saved.
    lang : {"en", "es"}, optional
        The language of the chart's words and numbers (the document's ``[report] lang``, else
        English).

    Returns
    -------
    Chart
        The curve, with a key of the options.

    Raises
    ------
    DocumentError
        For a resource no option saves.

    Examples
    --------
    >>> import cleanprod as cp
    >>> cp.charts.cost_curve(cp.Assessment.from_file("examples/hotel.toml"), "CO2").kind
    'cost-curve'
    """
    return assessment.chart("cost-curve", component=resource, lang=lang)


def histogram(
    assessment: Assessment,
    option: Optional[str] = None,
    draws: Optional[int] = None,
    seed: Optional[int] = None,
    *,
    lang: Optional[Literal["en", "es"]] = None,
) -> Chart:
    """The distribution of an option's NPV (all options together when absent) over a risk
    simulation of the document's ``[uncertainty]`` inputs, the losses shaded and P(NPV<0)
    written.

    Parameters
    ----------
    assessment : Assessment
        A document with an ``[uncertainty]`` section.
    option : str, optional
        The option's id; the portfolio when absent.
    draws, seed : int, optional
        The simulation's draws and seed (the document's, else 10,000 and 0).
    lang : {"en", "es"}, optional
        The language of the chart's words and numbers (the document's ``[report] lang``, else
        English).

    Returns
    -------
    Chart
        Bin heights are numbers of draws.

    Raises
    ------
    DocumentError
        For a document without ``[uncertainty]``.

    Examples
    --------
    >>> import cleanprod as cp
    >>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml")
    >>> cp.charts.histogram(a, draws=200, seed=1).kind
    'histogram'
    """
    return assessment.chart("histogram", option=option, draws=draws, seed=seed, lang=lang)


def tornado(
    assessment: Assessment,
    option: Optional[str] = None,
    draws: Optional[int] = None,
    seed: Optional[int] = None,
    *,
    lang: Optional[Literal["en", "es"]] = None,
) -> Chart:
    """What drives an option's NPV: each uncertain input moved from its P10 to its P90, the
    others at their base values, largest swing first.

    Parameters
    ----------
    assessment : Assessment
        A document with an ``[uncertainty]`` section.
    option : str, optional
        The option's id; the portfolio when absent.
    draws, seed : int, optional
        The simulation's draws and seed (the document's, else 10,000 and 0).
    lang : {"en", "es"}, optional
        The language of the chart's words and numbers (the document's ``[report] lang``, else
        English).

    Returns
    -------
    Chart
        One bar per input, in the document's currency.

    Raises
    ------
    DocumentError
        For a document without ``[uncertainty]``.

    Examples
    --------
    >>> import cleanprod as cp
    >>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml")
    >>> cp.charts.tornado(a, draws=200, seed=1).kind
    'tornado'
    """
    return assessment.chart("tornado", option=option, draws=draws, seed=seed, lang=lang)


def benchmarks(assessment: Assessment, *, lang: Optional[Literal["en", "es"]] = None) -> Chart:
    """The site's indicators before and after the options against the published ranges of its
    sector.

    Parameters
    ----------
    assessment : Assessment
        A document with a sector template.
    lang : {"en", "es"}, optional
        The language of the chart's words and numbers (the document's ``[report] lang``, else
        English).

    Returns
    -------
    Chart
        One row of bars per indicator, each on its own scale, the published range as a band.

    Raises
    ------
    DocumentError
        For a document without a sector template.

    Examples
    --------
    >>> import cleanprod as cp
    >>> cp.charts.benchmarks(cp.Assessment.from_file("examples/tannery.toml")).kind
    'benchmarks'
    >>> cp.charts.benchmarks(cp.Assessment.from_file("examples/tannery.toml"), lang="es").title
    'Indicadores del sitio frente a los rangos del sector tanning'
    """
    return assessment.chart("benchmarks", lang=lang)
