"""What the browser apps keep, and where: a framework other than the default keeps its saved work
under "jtai-ready:ID:..." (assessment/lib/storage.js scoped()), and the default under
"jtai-ready:NAME..." with no ID. A framework whose ID is one of those NAMEs ("assessment",
"tracker", ...) would share keys with the default framework, and each would read, list or
overwrite the other's saved work, so `check` refuses it.

The NAMEs are read from the apps' own code (every "jtai-ready:NAME" string in assessment/), so
they follow the code rather than a copy kept by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

WEB = Path(__file__).resolve().parent.parent / "assessment"  # the browser code
_COMMENT = re.compile(r"/\*.*?\*/|^\s*//.*?$", re.DOTALL | re.MULTILINE)
_KEY = re.compile(r"""["']jtai-ready:([a-z0-9-]+)""")


def default_names(web: Path = WEB) -> frozenset[str]:
    """The first part of every key the default framework's apps use: {"assessment", ...}."""
    found: set[str] = set()
    for script in sorted(web.rglob("*.js")):
        code = _COMMENT.sub("", script.read_text(encoding="utf-8"))
        found.update(_KEY.findall(code))
    return frozenset(found)


def clashes(ids: Iterable[str], web: Path = WEB) -> list[str]:
    """The IDs (of frameworks other than the default) that share storage keys with the default."""
    names = default_names(web)
    return [i for i in ids if i in names]
