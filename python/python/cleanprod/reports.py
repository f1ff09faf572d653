"""Reports a consultant hands over, written by the core: the site's pre-assessment report and
the financing proposal of an option or of the package, in English or Spanish, as one
self-contained HTML file (inline CSS and SVG charts, prints to A4 or Letter) or as Markdown.

Get one from :meth:`cleanprod.Assessment.report` with a ``kind`` (or any other argument):

>>> import cleanprod as cp
>>> r = cp.Assessment.from_file("examples/hotel.toml").report(kind="proposal", option="led_lighting", lang="es")
>>> r.html.startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import html as _html
from pathlib import Path
from typing import Any, Union

__all__ = ["Report"]


class Report:
    """A report of an assessment: its HTML and Markdown texts, written on first use.

    Parameters
    ----------
    assessment : Assessment
        The assessment reported on.
    options : dict
        What report: ``kind``, ``option``, ``lang``, ``min_dscr``, ``draws``, ``paper`` (see
        :meth:`cleanprod.Assessment.report`).

    Examples
    --------
    >>> import cleanprod as cp
    >>> r = cp.Assessment.from_file("examples/tannery.toml").report(kind="pre-assessment")
    >>> r.options
    {'kind': 'pre-assessment'}
    >>> "<svg" in r.html and r.markdown.startswith("#")
    True
    """

    def __init__(self, assessment: Any, options: dict[str, Any]) -> None:
        self._assessment = assessment
        self.options: dict[str, Any] = dict(options)
        self._texts: dict[str, str] = {}

    def _text(self, fmt: str) -> str:
        if fmt not in self._texts:
            self._texts[fmt] = self._assessment.render_report({**self.options, "format": fmt})
        return self._texts[fmt]

    @property
    def html(self) -> str:
        """The report as one self-contained HTML file.

        Returns
        -------
        str
            An HTML5 document with inline CSS and SVG, no network request.

        Examples
        --------
        >>> import cleanprod as cp
        >>> "<svg" in cp.Assessment.from_file("examples/hotel.toml").report(kind="pre-assessment").html
        True
        """
        return self._text("html")

    @property
    def markdown(self) -> str:
        """The report as Markdown (its charts as inline SVG).

        Returns
        -------
        str
            Markdown text.

        Examples
        --------
        >>> import cleanprod as cp
        >>> cp.Assessment.from_file("examples/hotel.toml").report(lang="es").markdown.startswith("#")
        True
        """
        return self._text("markdown")

    def save(self, path: Union[str, Path]) -> Path:
        """Write the report to ``path``: Markdown for a ``.md`` file, HTML otherwise.

        Parameters
        ----------
        path : str or pathlib.Path
            Where to write (``report.html``, ``report.md``).

        Returns
        -------
        pathlib.Path
            The path written.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> import cleanprod as cp
        >>> r = cp.Assessment.from_file("examples/hotel.toml").report(kind="pre-assessment")
        >>> with tempfile.TemporaryDirectory() as d:
        ...     r.save(pathlib.Path(d) / "hotel.md").read_text(encoding="utf-8") == r.markdown
        True
        """
        out = Path(path)
        text = self.markdown if out.suffix.lower() in (".md", ".markdown") else self.html
        out.write_text(text, encoding="utf-8")
        return out

    def _repr_html_(self) -> str:
        # A whole HTML document in a frame, so that its styles stay out of the notebook's.
        return (
            '<iframe style="width:100%;height:40em;border:1px solid #ccc" '
            f'title="cleanprod report" srcdoc="{_html.escape(self.html, quote=True)}"></iframe>'
        )

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.options.items())
        return f"<Report {args}>"
