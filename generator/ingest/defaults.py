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


# Where the guidance states no timetable rule, ingest writes a default, marked "To review" (the
# site shows it as not yet reviewed). The values are the usual JTAI ones, not the guidance's.
NOTICE_DAYS = 10
STATEMENT_DAYS = 70
COMPLAINT_DAYS = 10
LETTER = (("final version of the letter", 31), ("letter published", 34))


def unstated(what: str, value: int, unit: str) -> str:
    return review(
        f"the guidance text ingest read states no {what}; {value} {unit} is a default, "
        "not the guidance’s rule: check it and cite its paragraph."
    )
