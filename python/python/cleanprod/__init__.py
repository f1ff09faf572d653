"""cleanprod: cleaner-production assessment calculator.

Examples
--------
>>> import cleanprod as cp
>>> cp.to_si("12 m3/d", "volume_rate") * 86400
12.0
"""

from cleanprod import charts, finance, program, reports, risk, tables, utilities
from cleanprod._cleanprod import FORMAT, Assessment, __version__, canonical, new, schema, to_si
from cleanprod.balance import Balance
from cleanprod.evaluation import Evaluation
from cleanprod.tables import compare
from cleanprod.errors import (
    CleanprodError,
    DocumentError,
    DocumentSyntaxError,
    InputError,
    InvalidArgumentError,
    InvalidValueError,
    MultipleIrrWarning,
    NoSolutionError,
    UnitError,
    UnknownIdError,
)

__all__ = [
    "FORMAT",
    "Assessment",
    "Balance",
    "Evaluation",
    "CleanprodError",
    "DocumentError",
    "DocumentSyntaxError",
    "InputError",
    "InvalidArgumentError",
    "InvalidValueError",
    "MultipleIrrWarning",
    "NoSolutionError",
    "UnitError",
    "UnknownIdError",
    "__version__",
    "canonical",
    "charts",
    "compare",
    "finance",
    "new",
    "program",
    "reports",
    "risk",
    "schema",
    "tables",
    "to_si",
    "utilities",
]

