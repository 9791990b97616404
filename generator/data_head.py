"""What every app's browser data starts with (see render_data.py)."""

from __future__ import annotations

from typing import Any

from . import __version__
from .model import Framework


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
        "agencies": [{"id": a.id, "name": a.name, "short_name": a.short_name} for a in fw.agencies],
    }
