"""MkDocs hook: the docstrings name other objects with reStructuredText roles
(:class:`Result`, :func:`irr`), which Markdown shows as a role name before the code; keep the
code only."""

import re

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj):(<code>)")


def on_page_content(html: str, **_: object) -> str:
    """Drop the role names from a page's HTML."""
    return _ROLE.sub(r"\1", html)
