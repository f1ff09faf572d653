"""Type stubs of the native module (checked against it with mypy.stubtest)."""

from os import PathLike
from typing import Any, Literal, Sequence, TypedDict, Union, final, overload

import numpy as np
import numpy.typing as npt

from cleanprod.balance import Balance
from cleanprod.charts import Chart
from cleanprod.reports import Report
from cleanprod.evaluation import Evaluation
from cleanprod.risk import Simulation
from cleanprod.tables import Benchmarks, Portfolio, Reconciliation

__all__ = [
    "FORMAT", "OPTION_COLUMNS", "Assessment", "__version__", "canonical", "new", "schema", "to_si",
    "DEFAULT_GUESS", "DEFAULT_PAYMENTS_PER_YEAR", "statuses", "program_evaluate", "program_combine", "program_chart", "simulation_chart",
    "program_screen", "program_screen_combine", "program_region", "program_fund_document", "program_fund",
    "npv", "npv_batch", "irr", "irr_roots", "irr_batch", "mirr", "mirr_batch", "payback", "payback_batch",
    "discounted_payback", "discounted_payback_batch", "profitability_index", "profitability_index_batch", "benefit_cost_ratio",
    "capital_recovery_factor", "levelized_cost", "pmt", "pv", "fv", "nper", "rate", "when_code", "time_value_batch", "ipmt", "ppmt",
    "xnpv", "xirr", "loan_schedule", "cash_flows", "financing",
    "calculate", "calculators", "calculator_fields", "utilities_schema", "result_quantities", "result_in_si",
]

class _Price(TypedDict):
    resource: str
    price: str
    dimension: str

class _Summary(TypedDict):
    site: str
    sector: str
    location: str
    currency: str
    operating_time: str
    product: str
    output: str
    annual_output: str
    prices: list[_Price]
    discount_rate: str
    rate_basis: Literal["real", "nominal"]
    horizon: str

class _BatchResults(TypedDict):
    inputs: list[str]
    outputs: list[str]
    values: npt.NDArray[np.float64]
    errors: list[Union[str, None]]

__version__: str
FORMAT: str
OPTION_COLUMNS: list[str]

@final
class Assessment:
    """A validated cleaner-production assessment document.

    Made with :meth:`from_file`, :meth:`from_str` or :meth:`from_dict`; immutable (the
    scenario methods return new assessments), comparable with ``==``, picklable. Physical
    values are strings with their units (``"12 m3/d"``); money is in the document's currency.

    Examples
    --------
    >>> import cleanprod as cp
    >>> a = cp.Assessment.from_file("examples/hotel.toml")
    >>> a.summary()["currency"], a == cp.Assessment.from_str(a.to_toml())
    ('USD', True)
    """

    @staticmethod
    def from_str(
        text: str,
        format: Union[Literal["toml", "json"], None] = None,
        *,
        limits: Union[dict[str, int], None] = None,
    ) -> Assessment:
        """Read a document from text.

        Parameters
        ----------
        text : str
            The document, as TOML or JSON.
        format : {"toml", "json"}, optional
            The format; without it, JSON when the text starts with ``{``, else TOML.
        limits : dict, optional
            Raise (or lower) the limits a document is read with, for a trusted document that
            needs more: ``{"max_streams": 200_000}``; the keys are ``max_bytes``,
            ``max_depth``, ``max_prices``, ``max_streams``, ``max_nodes``,
            ``max_components``, ``max_options``, ``max_uncertain_inputs`` and ``max_draws``
            (the defaults: 64 MiB, 64, 10,000, 100,000, 100,000, 1,000, 10,000, 1,000 and
            10,000,000). A document beyond one is an ``InvalidValueError`` with code
            ``limit_exceeded`` naming it.

        Returns
        -------
        Assessment
            The validated document.

        Raises
        ------
        DocumentSyntaxError
            Text that is not valid TOML or JSON.
        DocumentError
            An unknown, missing or mistyped field (the message names its path).
        UnitError
            A value whose unit is unknown or of the wrong dimension.
        InvalidValueError
            A value out of its range.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_str(cp.new("hotel"))
        >>> a.summary()["sector"]
        'hotel'
        """
    @staticmethod
    def from_file(path: Union[str, PathLike[str]], *, limits: Union[dict[str, int], None] = None) -> Assessment:
        """Read a document from a ``.toml`` or ``.json`` file.

        Parameters
        ----------
        path : str or os.PathLike
            The file; its extension says the format.
        limits : dict, optional
            Raise (or lower) the limits a document is read with, for a trusted document that
            needs more: ``{"max_streams": 200_000}``; the keys are ``max_bytes``,
            ``max_depth``, ``max_prices``, ``max_streams``, ``max_nodes``,
            ``max_components``, ``max_options``, ``max_uncertain_inputs`` and ``max_draws``
            (the defaults: 64 MiB, 64, 10,000, 100,000, 100,000, 1,000, 10,000, 1,000 and
            10,000,000). A document beyond one is an ``InvalidValueError`` with code
            ``limit_exceeded`` naming it.

        Returns
        -------
        Assessment
            The validated document.

        Raises
        ------
        DocumentSyntaxError
            Text that is not valid TOML or JSON.
        DocumentError
            An unknown, missing or mistyped field (the message names its path).
        UnitError
            A value whose unit is unknown or of the wrong dimension.
        InvalidValueError
            A value out of its range.
        InputError
            A file that cannot be read (the message names it).

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> a.summary()["sector"]
        'hotel'
        """
    @staticmethod
    def from_dict(data: dict[str, Any], *, limits: Union[dict[str, int], None] = None) -> Assessment:
        """Read a document from a dict shaped like its JSON form.

        Parameters
        ----------
        data : dict
            The document; numbers may be Python or numpy numbers, physical values are strings
            with units.
        limits : dict, optional
            Raise (or lower) the limits a document is read with, for a trusted document that
            needs more: ``{"max_streams": 200_000}``; the keys are ``max_bytes``,
            ``max_depth``, ``max_prices``, ``max_streams``, ``max_nodes``,
            ``max_components``, ``max_options``, ``max_uncertain_inputs`` and ``max_draws``
            (the defaults: 64 MiB, 64, 10,000, 100,000, 100,000, 1,000, 10,000, 1,000 and
            10,000,000). A document beyond one is an ``InvalidValueError`` with code
            ``limit_exceeded`` naming it.

        Returns
        -------
        Assessment
            The validated document.

        Raises
        ------
        DocumentSyntaxError
            Text that is not valid TOML or JSON.
        DocumentError
            An unknown, missing or mistyped field (the message names its path).
        UnitError
            A value whose unit is unknown or of the wrong dimension.
        InvalidValueError
            A value out of its range.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> cp.Assessment.from_dict(a.to_dict()) == a
        True
        """
    def with_values(self, values: dict[str, Any]) -> Assessment:
        """A new assessment with some values of the document replaced (a scenario).

        Parameters
        ----------
        values : dict
            From path to new value, paths as errors name them (``"prices.water"``,
            ``"options[rinse].capex"``, ``"template.tanning.chrome_exhaustion"``), values as the
            document writes them (``"40 MXN/m3"``).

        Returns
        -------
        Assessment
            A new, validated assessment; this one is unchanged.

        Raises
        ------
        DocumentSyntaxError
            Text that is not valid TOML or JSON.
        DocumentError
            An unknown, missing or mistyped field (the message names its path).
        UnitError
            A value whose unit is unknown or of the wrong dimension.
        InvalidValueError
            A value out of its range.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> b = a.with_values({"prices.water": "3.8 USD/m3"})
        >>> b.to_dict()["prices"]["water"], a.to_dict()["prices"]["water"]
        ('3.8 USD/m3', '1.9 USD/m3')
        """
    def with_option(self, option: dict[str, Any]) -> Assessment:
        """A new assessment with one more option.

        Parameters
        ----------
        option : dict
            An option shaped as in the document: ``id``, ``title``, ``category``, ``capex``,
            ``effects``...

        Returns
        -------
        Assessment
            A new, validated assessment; this one is unchanged.

        Raises
        ------
        DocumentSyntaxError
            Text that is not valid TOML or JSON.
        DocumentError
            An unknown, missing or mistyped field (the message names its path).
        UnitError
            A value whose unit is unknown or of the wrong dimension.
        InvalidValueError
            A value out of its range.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/effects.toml")
        >>> b = a.with_option({"id": "half_rinse", "title": "Half the rinse", "capex": "500 USD",
        ...                    "category": "good_housekeeping",
        ...                    "effects": [{"kind": "scale", "stream": "fresh", "factor": "50 %"}]})
        >>> b.evaluate().option("half_rinse")["annual_saving"]
        1500.0
        """
    def without_options(self, ids: Sequence[str]) -> Assessment:
        """A new assessment without some options.

        Parameters
        ----------
        ids : sequence of str
            Ids of the document's own options or its template's; the uncertain inputs that sample
            them go too.

        Returns
        -------
        Assessment
            A new, validated assessment; this one is unchanged.

        Raises
        ------
        UnknownIdError
            An id the document does not have.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> b = a.without_options(["pool_cover"])
        >>> len(b.rank("npv")), len(a.rank("npv"))
        (13, 14)
        """
    def to_dict(self) -> dict[str, Any]:
        """The document as a dict (its JSON form).

        Returns
        -------
        dict
            Every physical value is a string with its unit, money with its currency.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> a.to_dict()["prices"]["electricity"]
        '0.16 USD/kWh'
        """
    def to_json(self) -> str:
        """The document as JSON text.

        Returns
        -------
        str
            JSON that :meth:`from_str` reads back to an equal assessment.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> cp.Assessment.from_str(a.to_json()) == a
        True
        """
    def to_toml(self) -> str:
        """The document as TOML text.

        Returns
        -------
        str
            TOML that :meth:`from_str` reads back to an equal assessment.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> a.to_toml().splitlines()[0]
        'format = "cleanprod/1"'
        """
    def summary(self) -> _Summary:
        """The figures a consultant checks first.

        Returns
        -------
        dict
            ``site``, ``sector``, ``location``, ``currency``, ``operating_time``, ``product``,
            ``output``, ``annual_output``, ``prices``, ``discount_rate``, ``rate_basis`` and
            ``horizon``, physical values as strings with units.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> a.summary()["currency"]
        'USD'
        """
    def summary_markdown(self) -> str:
        """:meth:`summary` as Markdown.

        Returns
        -------
        str
            A heading and a table.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> a.summary_markdown().splitlines()[0]
        '## Hotel Mirador del Caribe (example)'
        """
    def balance(self) -> Union["Balance", None]:
        """The material and energy balances of the flowsheet.

        Returns
        -------
        Balance or None
            The balances (amounts in kg/yr, energy in kWh/yr), or None for a document without a
            flowsheet.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> [c["component"] for c in a.balance().components]
        ['water', 'solid waste']
        """
    def reconcile(self) -> "Reconciliation":
        """The reconciliation of the redundant measurements, per component.

        Returns
        -------
        Reconciliation
            A list of dicts, one per component: its ``test`` (chi-square, degrees of freedom,
            p-value, consistent) and ``adjustments`` (amounts in kg/yr); empty without redundant
            measurements.

        Examples
        --------
        >>> import cleanprod as cp
        >>> r = cp.Assessment.from_file("examples/tannery_measured.toml").reconcile()
        >>> r[0]["component"], r[0]["test"]["consistent"]
        ('water', True)
        """
    def evaluate(self) -> "Evaluation":
        """The appraisal of every option (the GIL is released meanwhile).

        Returns
        -------
        Evaluation
            Each option alone against the baseline and the options together.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> ev = a.evaluate()
        >>> ev.currency, len(ev.results)
        ('USD', 14)
        """
    def portfolio(self, ids: Sequence[str]) -> "Portfolio":
        """Options applied one after the other to one model.

        Parameters
        ----------
        ids : sequence of str
            The options, in the order they are applied.

        Returns
        -------
        Portfolio
            A dict: ``steps`` (what each adds to those before it) and ``total``, with
            ``.to_pandas()``.

        Raises
        ------
        UnknownIdError
            An id the document does not have.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> p = a.portfolio(["low_flow_showers", "heat_pump"])
        >>> [s["id"] for s in p["steps"]]
        ['low_flow_showers', 'heat_pump']
        """
    def options_html(self) -> str:
        """The appraisal of every option as an HTML table, as an Evaluation shows in Jupyter.

        Returns
        -------
        str
            An HTML fragment, units and currency in the headers.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> a.options_html().startswith('<div class="cleanprod-options">')
        True
        """
    def benchmarks(self) -> Union["Benchmarks", None]:
        """The sector benchmarks, before and after the options.

        Returns
        -------
        Benchmarks or None
            A dict (``indicators`` against published ranges, ``warnings``...) with
            ``.to_pandas()``, or None without a sector template.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> t = a.benchmarks().to_pandas()
        >>> t.loc["water", "unit"]
        'L/guest-night'
        """
    def rank(self, metric: str) -> list[str]:
        """Option ids ranked by a metric, best first; options without a value last.

        Parameters
        ----------
        metric : str
            ``"npv"``, ``"irr"``, ``"mirr"``, ``"simple_payback"``, ``"discounted_payback"``,
            ``"savings_to_investment"``, ``"annual_saving"``, ``"capex"``, ``"levelized_cost"`` or
            ``"co2_avoided"`` (or the option table's column, such as ``"simple_payback_years"``).

        Returns
        -------
        list of str
            The option ids.

        Raises
        ------
        InvalidArgumentError
            An unknown metric, listing the known ones.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> a.rank("npv")[:2]
        ['led_lighting', 'heat_pump']
        """
    @overload
    def report(self) -> dict[str, Any]:
        """Everything the engine says of the document (the CLI's ``--format json``).

        Returns
        -------
        dict
            ``summary``, ``balance``, ``currency``, ``options``, ``portfolio`` and ``benchmarks``.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> sorted(a.report())
        ['balance', 'benchmarks', 'currency', 'options', 'portfolio', 'summary']
        """
    @overload
    def report(
        self,
        kind: Union[Literal["pre-assessment", "proposal"], None] = None,
        *,
        option: Union[str, None] = None,
        lang: Union[Literal["en", "es"], None] = None,
        min_dscr: Union[float, None] = None,
        draws: Union[int, None] = None,
        paper: Union[Literal["auto", "a4", "letter"], None] = None,
    ) -> Report:
        """The pre-assessment report or the financing proposal, written by the core (the same
        text as ``cleanprod report`` and the npm package's ``report(doc, options)``).

        Called with any argument; without one, ``report()`` gives the results as a dict.

        Parameters
        ----------
        kind : {"pre-assessment", "proposal"}, optional
            The site's pre-assessment report (the default) or a financing proposal.
        option : str, optional
            For a proposal: the option proposed (the package of all options when absent).
        lang : {"en", "es"}, optional
            Labels and numbers in English or Spanish (the document's ``[report] lang``, else
            English).
        min_dscr : float, optional
            The lender's minimum debt-service coverage each year is compared with (1.2 when
            absent: a convention, not a fact).
        draws : int, optional
            Draws of a proposal's risk simulation when the document has ``[uncertainty]``.
        paper : {"auto", "a4", "letter"}, optional
            The paper the HTML prints on.

        Returns
        -------
        Report
            ``.html``, ``.markdown``, ``.save(path)``; Jupyter shows it in a frame.

        Raises
        ------
        InvalidArgumentError
            An unknown kind or language, a threshold that is not positive.
        DocumentError
            An option id the document does not have.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> r = a.report(kind="proposal", option="led_lighting", lang="es")
        >>> "Propuesta" in r.html or "propuesta" in r.html
        True
        """
    def render_report(self, options: dict[str, Any]) -> str:
        """The report asked for by ``options`` as text (what :class:`Report` reads).

        Parameters
        ----------
        options : dict
            ``report()``'s keyword arguments plus ``format``: ``"html"`` or ``"markdown"``.

        Returns
        -------
        str
            The HTML or Markdown text.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> a.render_report({"format": "markdown"}).startswith("#")
        True
        """
    def report_markdown(self) -> str:
        """The whole report as Markdown (the CLI's default output).

        Returns
        -------
        str
            Markdown text.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/hotel.toml")
        >>> a.report_markdown().startswith("## Hotel Mirador del Caribe")
        True
        """
    def chart(
        self,
        kind: Literal["sankey", "cash-flow", "cost-curve", "histogram", "tornado", "benchmarks"],
        *,
        component: Union[str, None] = None,
        option: Union[str, None] = None,
        draws: Union[int, None] = None,
        seed: Union[int, None] = None,
        lang: Union[Literal["en", "es"], None] = None,
    ) -> Chart:
        """A chart drawn by the core: the same SVG as ``cleanprod chart`` and the npm package's.

        Parameters
        ----------
        kind : {"sankey", "cash-flow", "cost-curve", "histogram", "tornado", "benchmarks"}
            Which chart.
        component : str, optional
            A Sankey's component (``"water"``) or a cost curve's resource (``"CO2"`` too).
        option : str, optional
            A cash flow's, histogram's or tornado's option (histogram and tornado: all options
            together when absent).
        draws, seed : int, optional
            The simulation behind a histogram or tornado.
        lang : {"en", "es"}, optional
            The language of the chart's words and numbers (the document's ``[report] lang``,
            else English).

        Returns
        -------
        Chart
            Its SVG, title and the table of its figures; Jupyter shows it inline.

        Raises
        ------
        InvalidArgumentError
            An unknown kind.
        DocumentError
            A chart the document cannot give (no flowsheet, no uncertainty, an unknown option).

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("examples/tannery.toml")
        >>> a.chart("sankey", component="water").title
        'Balance of water'
        >>> a.chart("cash-flow", option="batch_washing", lang="es").title
        'Flujo de caja acumulado de batch_washing'
        """
    def simulate(
        self,
        draws: Union[int, None] = None,
        seed: Union[int, None] = None,
        method: Union[Literal["lhs", "mc"], None] = None,
        threads: Union[int, None] = None,
    ) -> "Simulation":
        """Sample the document's ``[uncertainty]`` inputs and appraise every draw.

        What is not given comes from the document's section, then 10,000 draws, seed 0,
        ``"lhs"``. The same seed gives the same figures on every surface.

        Parameters
        ----------
        draws : int, optional
            Number of draws.
        seed : int, optional
            Seed of the random numbers.
        method : {"lhs", "mc"}, optional
            Latin hypercube or plain Monte Carlo sampling.
        threads : int, optional
            Threads to use (the GIL is released meanwhile).

        Returns
        -------
        Simulation
            ``summary()``, ``draws``, ``tornado()``...

        Raises
        ------
        InvalidArgumentError
            A bad argument (zero draws, an unknown method).
        InvalidValueError
            A document without uncertain inputs.

        Examples
        --------
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml")
        >>> s = a.simulate(draws=500, seed=3)
        >>> s.draw_count, s.inputs
        (500, ['prices.water', 'options[1].capex', 'prices.electricity'])
        """
    def evaluate_batch(self, rows: npt.NDArray[np.float64]) -> _BatchResults:
        """The results at given rows of input values (for SALib's Sobol or Morris designs).

        Parameters
        ----------
        rows : numpy.ndarray
            A 2-D float array, one row per point and one column per uncertain input, in the
            order of ``simulate().inputs`` and in their units.

        Returns
        -------
        dict
            ``inputs`` (paths), ``outputs`` (``"option.metric"`` names), ``values`` (a 2-D array,
            one row per input row and one column per output, NaN where undefined) and ``errors``.

        Raises
        ------
        InvalidArgumentError
            Rows that are not a 2-D array with one column per input.

        Examples
        --------
        >>> import numpy as np
        >>> import cleanprod as cp
        >>> a = cp.Assessment.from_file("tests/fixtures/documents/valid/risk.toml")
        >>> out = a.evaluate_batch(np.array([[1.9, 1000.0, 0.12]]))
        >>> out["outputs"][:2], out["values"].shape[0]
        (['rinse.npv', 'rinse.irr'], 1)
        """
    def _repr_html_(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __reduce__(self) -> tuple[Any, tuple[str, str]]: ...
    def __copy__(self) -> Assessment: ...

def schema() -> dict[str, Any]:
    """The JSON Schema of the document format.

    Returns
    -------
    dict
        The schema (draft 2020-12), for editors and validators.

    Examples
    --------
    >>> import cleanprod as cp
    >>> sorted(cp.schema()["required"])[:2]
    ['currency', 'finance']
    """
def new(sector: Literal["tanning", "hotel", "hospital", "chemicals", "automotive"]) -> str:
    """A commented starting document for a sector (the CLI's ``cleanprod new SECTOR``).

    Parameters
    ----------
    sector : {"tanning", "hotel", "hospital", "chemicals", "automotive"}
        The sector template.

    Returns
    -------
    str
        TOML text that :meth:`Assessment.from_str` reads.

    Raises
    ------
    InvalidArgumentError
        An unknown sector.

    Examples
    --------
    >>> import cleanprod as cp
    >>> cp.Assessment.from_str(cp.new("hospital")).summary()["sector"]
    'hospital'
    """
def to_si(text: str, dimension: str) -> float:
    """The coherent SI value of a physical value written with its unit.

    Parameters
    ----------
    text : str
        A number and a unit (``"12 m3/d"``, ``"150 psig"``).
    dimension : str
        What it must be: ``"volume_rate"``, ``"pressure"``, ``"mass_rate"``...

    Returns
    -------
    float
        The value in the coherent SI unit of ``dimension`` (m3/s, Pa, kg/s, K...).

    Raises
    ------
    UnitError
        An unknown unit, or one of another dimension.

    Examples
    --------
    >>> import cleanprod as cp
    >>> cp.to_si("12 m3/d", "volume_rate") * 86400
    12.0
    """
def canonical(text: str, dimension: str) -> str:
    """A physical value in canonical spelling, after checking it against ``dimension``.

    Parameters
    ----------
    text : str
        A number and a unit.
    dimension : str
        What it must be (``"volume_rate"``...).

    Returns
    -------
    str
        The same value in the engine's spelling.

    Raises
    ------
    UnitError
        An unknown unit, or one of another dimension.

    Examples
    --------
    >>> import cleanprod as cp
    >>> cp.canonical("12  m3/d", "volume_rate")
    '12 m3/d'
    """

# Finance primitives; the documented API is cleanprod.finance.

_Flows = Union[Sequence[float], npt.NDArray[np.float64]]
_Batch = tuple[npt.NDArray[np.float64], npt.NDArray[np.uint8]]

DEFAULT_GUESS: float
DEFAULT_PAYMENTS_PER_YEAR: int

def simulation_chart(simulation: dict[str, Any], kind: str, options: dict[str, Any]) -> dict[str, Any]: ...
def statuses() -> list[tuple[int, str, str]]: ...
def npv(rate: float, values: _Flows, convention: str) -> float: ...
def npv_batch(rate: float, values: npt.NDArray[np.float64], convention: str) -> _Batch: ...
def irr(values: _Flows, guess: float) -> tuple[float, list[float], bool, Union[str, None]]: ...
def irr_roots(values: _Flows) -> list[float]: ...
def irr_batch(values: npt.NDArray[np.float64], guess: float) -> _Batch: ...
def mirr(values: _Flows, finance_rate: float, reinvest_rate: float) -> float: ...
def mirr_batch(values: npt.NDArray[np.float64], finance_rate: float, reinvest_rate: float) -> _Batch: ...
def payback(values: _Flows) -> Union[float, None]: ...
def payback_batch(values: npt.NDArray[np.float64]) -> _Batch: ...
def discounted_payback(rate: float, values: _Flows) -> Union[float, None]: ...
def discounted_payback_batch(rate: float, values: npt.NDArray[np.float64]) -> _Batch: ...
def profitability_index(rate: float, values: _Flows) -> float: ...
def profitability_index_batch(rate: float, values: npt.NDArray[np.float64]) -> _Batch: ...
def benefit_cost_ratio(rate: float, benefits: _Flows, costs: _Flows) -> float: ...
def capital_recovery_factor(rate: float, periods: float) -> float: ...
def levelized_cost(rate: float, periods: float, investment: float, saving_per_period: float, om_change_per_period: float) -> float: ...
def pmt(rate: float, nper: float, pv: float, fv: float, when: str) -> float: ...
def pv(rate: float, nper: float, pmt: float, fv: float, when: str) -> float: ...
def fv(rate: float, nper: float, pmt: float, pv: float, when: str) -> float: ...
def nper(rate: float, pmt: float, pv: float, fv: float, when: str) -> float: ...
def rate(nper: float, pmt: float, pv: float, fv: float, when: str, guess: float) -> float: ...
def when_code(when: str) -> int: ...
def time_value_batch(function: str, rows: npt.NDArray[np.float64], guess: float) -> _Batch: ...
def ipmt(rate: float, per: float, nper: float, pv: float, fv: float, when: str) -> float: ...
def ppmt(rate: float, per: float, nper: float, pv: float, fv: float, when: str) -> float: ...
def xnpv(rate: float, days: Sequence[int], amounts: _Flows, day_count: str) -> float: ...
def xirr(
    days: Sequence[int], amounts: _Flows, guess: float, day_count: str
) -> tuple[float, list[float], bool, Union[str, None]]: ...
def loan_schedule(
    principal: float, annual_rate: float, years: float, payments_per_year: int, grace_periods: int, grace: str
) -> tuple[list[int], list[float], list[float], list[float], list[float]]: ...
def cash_flows(plan: str) -> str: ...
def financing(project: _Flows, capex: float, terms: str) -> str: ...

# Utility calculators; the documented API is cleanprod.utilities.

def calculate(name: str, **inputs: Any) -> dict[str, Any]: ...
def calculators() -> list[tuple[str, str]]: ...
def calculator_fields(name: str) -> list[dict[str, Any]]: ...
def utilities_schema() -> dict[str, Any]: ...
def result_quantities(name: str, result: dict[str, Any]) -> list[dict[str, Any]]: ...
def result_in_si(name: str, result: dict[str, Any]) -> dict[str, Any]: ...

def program_evaluate(
    sources: Sequence[tuple[str, str]],
    *,
    threads: Union[int, None] = None,
    currency: Union[str, None] = None,
    rates: Union[dict[str, float], None] = None,
) -> tuple[dict[str, Any], str]:
    """Evaluate documents as one programme (see :func:`cleanprod.program.evaluate`).

    Parameters
    ----------
    sources : sequence of (str, str)
        Names and document texts.
    threads : int, optional
        Threads (every core when absent).
    currency, rates : optional
        Exchange rates bringing money to ``currency``.

    Returns
    -------
    (dict, str)
        The programme and its summary in words.

    Examples
    --------
    >>> import pathlib
    >>> from cleanprod import _cleanprod
    >>> data, text = _cleanprod.program_evaluate([("a", pathlib.Path("examples/hotel.toml").read_text())])
    >>> data["documents"]
    1
    """

def program_screen(
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    by: str = "npv",
    threads: Union[int, None] = None,
    currency: Union[str, None] = None,
    rates: Union[dict[str, float], None] = None,
    uncertainty: Union[str, None] = None,
    draws: Union[int, None] = None,
    seed: Union[int, None] = None,
    method: Union[str, None] = None,
) -> dict[str, Any]:
    """Screen a table of firms (see :func:`cleanprod.program.screen`).

    Parameters
    ----------
    columns : sequence of str
        Column names.
    rows : sequence of sequence of str
        Cells.
    by : str
        npv, water or co2; with draws npv_mean, npv_p10, npv_p50 or npv_p90.
    threads : int, optional
        Threads (every core when absent).
    currency, rates : optional
        Exchange rates bringing money to ``currency``.
    uncertainty : str, optional
        The region's ``[uncertainty]`` section, TOML or JSON text.
    draws, seed, method : optional
        In place of the section's own.

    Returns
    -------
    dict
        The screening.

    Examples
    --------
    >>> from cleanprod import _cleanprod
    >>> _cleanprod.program_screen(["id", "sector", "rooms"], [["h", "hotel", "90"]], by="water")["firms"]
    1
    """

def program_screen_combine(parts: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Screenings of parts of a table together (see :func:`cleanprod.dask.screen`).

    Parameters
    ----------
    parts : sequence of dict
        Screening dicts, in the table's order.

    Returns
    -------
    dict
        The screening of the whole table.

    Examples
    --------
    >>> from cleanprod import _cleanprod
    >>> p = _cleanprod.program_screen(["id", "sector", "rooms"], [["h", "hotel", "90"]], by="water")
    >>> _cleanprod.program_screen_combine([p, p])["firms"]
    2
    """

def program_region(
    spec: Union[dict[str, Any], None] = None,
    *,
    seed: Union[int, None] = None,
    firms: Union[int, None] = None,
) -> tuple[list[str], list[list[str]]]:
    """A synthetic region's table of firms (see :func:`cleanprod.program.region`).

    Parameters
    ----------
    spec : dict, optional
        The region's parameters (the benchmark region when absent).
    seed, firms : int, optional
        Replace its seed or number of firms.

    Returns
    -------
    (list of str, list of list of str)
        Columns and rows.

    Examples
    --------
    >>> from cleanprod import _cleanprod
    >>> _cleanprod.program_region(firms=2)[0][:2]
    ['id', 'sector']
    """

def program_chart(
    programme: dict[str, Any],
    *,
    by: str = "sector",
    lang: Union[str, None] = None,
) -> dict[str, Any]:
    """The chart of a programme's dict (see :meth:`cleanprod.program.Programme.chart`).

    Parameters
    ----------
    programme : dict
        A programme as :func:`program_evaluate` gives it.
    by : {"sector", "cost_class", "status", "category"}
        The groups, one row each.
    lang : {"en", "es"}, optional
        The chart's language (English when absent).

    Returns
    -------
    dict
        The chart: ``kind``, ``title``, ``svg``, ``table``.

    Examples
    --------
    >>> import pathlib
    >>> from cleanprod import _cleanprod
    >>> p, _ = _cleanprod.program_evaluate([("a", pathlib.Path("examples/hotel.toml").read_text())])
    >>> _cleanprod.program_chart(p, by="status")["kind"]
    'programme'
    """

def program_combine(
    parts: Sequence[dict[str, Any]],
    *,
    currency: Union[str, None] = None,
    rates: Union[dict[str, float], None] = None,
) -> tuple[dict[str, Any], str]:
    """Parts of a programme together (see :func:`cleanprod.program.combine`).

    Parameters
    ----------
    parts : sequence of dict
        Programme dicts, in order.
    currency, rates : optional
        The exchange rates the parts were evaluated with.

    Returns
    -------
    (dict, str)
        The programme and its summary in words.

    Examples
    --------
    >>> import pathlib
    >>> from cleanprod import _cleanprod
    >>> part, _ = _cleanprod.program_evaluate([("a", pathlib.Path("examples/hotel.toml").read_text())])
    >>> _cleanprod.program_combine([part, part])[0]["documents"]
    2
    """

def program_fund_document(text: str, format: Union[str, None] = None) -> dict[str, Any]:
    """Read and check a fund document (see :func:`cleanprod.program.fund`).

    Parameters
    ----------
    text : str
        The document, TOML or JSON.
    format : {"toml", "json"}, optional
        Its format (sniffed when absent).

    Returns
    -------
    dict
        The fund document, its defaults filled in.

    Examples
    --------
    >>> import pathlib
    >>> from cleanprod import _cleanprod
    >>> _cleanprod.program_fund_document(pathlib.Path("examples/funds/bajio_fund.toml").read_text(), "toml")["years"]
    10
    """

def program_fund(
    document: dict[str, Any],
    sources: Sequence[tuple[str, str]],
    *,
    draws: Union[int, None] = None,
    seed: int = 0,
    threads: Union[int, None] = None,
    lang: Union[str, None] = None,
) -> tuple[dict[str, Any], Union[dict[str, Any], None], str, dict[str, Any]]:
    """Simulate a fund (see :func:`cleanprod.program.fund`).

    Parameters
    ----------
    document : dict
        The fund document.
    sources : sequence of (str, str)
        Names and texts of its assessments.
    draws : int, optional
        Monte Carlo draws.
    seed : int
        Seed of the draws.
    threads : int, optional
        Threads (every core when absent).
    lang : str, optional
        Language of the chart ("en" or "es").

    Returns
    -------
    (dict, dict or None, str, dict)
        The books, the Monte Carlo simulation, the text and the chart.

    Examples
    --------
    >>> from cleanprod import _cleanprod
    >>> doc = {"currency": "USD", "years": 2, "contributions": [{"year": 0, "amount": 100.0}],
    ...        "rules": {"share": 1.0, "rate": 0.1, "tenor_years": 1}}
    >>> books, risk, text, chart = _cleanprod.program_fund(doc, [])
    >>> books["years"][1]["cash"], risk
    (100.0, None)
    """
