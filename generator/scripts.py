"""Generated data for the classic scripts: JSON assigned to a window global, so it loads from
file:// with a plain <script> tag (no fetch, no modules)."""

from __future__ import annotations

import json
from typing import Any

from . import __version__
from .model import Framework

BANNER = "/* Generated from criteria/ by python -m generator: do not edit. */"


def app_head(fw: Framework) -> dict[str, Any]:
    """What every app's data starts with: the site's version, the framework and its agencies."""
    return {
        "app_version": __version__,
        "framework": {
            "id": fw.id,
            "version": fw.version_date,
            "title": fw.title,
            "short_title": fw.short_title,
        },
        "agencies": [{"id": a.id, "name": a.name} for a in fw.agencies],
    }


def js_global(name: str, data: Any) -> str:
    """'window.NAME = {...};' with the do-not-edit banner."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return f"{BANNER}\nwindow.{name} = {text};\n"
