"""The defaults ingest writes where the guidance cannot say: each marked "To review"."""

from __future__ import annotations

import re
from typing import Any

REVIEW = "To review"
AGENCY = "to-review"  # the one agency (and focus area) until a maintainer writes the real ones
FOCUS = "to-review"
Data = dict[str, Any]


def review(what: str) -> str:
    return f"{REVIEW}: {what}"


def cited(text: str, para: int) -> Data:
    return {"text": text, "paras": [para]}


def slug(text: str, limit: int = 60) -> str:
    """'The police force’s lists' -> 'the-police-forces-lists'."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", ""))
    return "-".join(words)[:limit].strip("-")
