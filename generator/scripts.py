"""Generated data for the classic scripts: JSON assigned to a window global, so it loads from
file:// with a plain <script> tag (no fetch, no modules)."""

from __future__ import annotations

import json
from typing import Any

BANNER = "/* Generated from criteria/ by python -m generator: do not edit. */"


def js_global(name: str, data: Any) -> str:
    """'window.NAME = {...};' with the do-not-edit banner."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return f"{BANNER}\nwindow.{name} = {text};\n"
