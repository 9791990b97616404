"""Stage 3, link (worked examples from a letter of findings): rules the schema cannot state.

Called by link.py for every file in a framework's examples/ folder. Each rule gives one problem
per offending place, with its file, line and what to do:

- an example needs its dates: a `letter`, or `dates`;
- every finding has words: a `quote`, or `text` in our words (an example with a letter: a quote);
- a letter is published on or after its last day on site, and its statement of action is due
  after it is published; the first day on site is not after the last;
- a letter's findings keep the letter's order (headline findings, areas for priority action,
  what needs to improve, strengths, main findings; points numbered 1, 2 … under each heading);
- the points under each heading match the counts verified against the letter.
"""

from __future__ import annotations

from typing import Any

from .load import Document
from .problems import Problem, json_path

# The order of a letter's sections, and the count each listed section is checked against.
LETTER_ORDER = (
    "headline",
    "area-for-priority-action",
    "area-for-improvement",
    "strength",
    "main-finding",
)
COUNTED = {
    "area-for-priority-action": ("priority_actions", "Areas for priority action"),
    "area-for-improvement": ("improvements", "What needs to improve?"),
    "strength": ("strengths", "Strengths"),
}


def problems(doc: Document) -> list[Problem]:
    data = doc.data
    findings = [
        (i, f)
        for i, f in enumerate(data.get("findings") or [])
        if isinstance(f, dict) and not f.get("retired")
    ]
    letter = data.get("letter")
    out = _dates_given(doc, letter) + _words(doc, findings, isinstance(letter, dict))
    if isinstance(letter, dict):
        out += _letter_dates(doc, letter) + _order(doc, findings) + _counts(doc, letter, findings)
    return out


def _problem(doc: Document, parts: tuple[object, ...], message: str) -> Problem:
    return Problem(doc.name, doc.line_of(parts), json_path(parts), message)


def _dates_given(doc: Document, letter: Any) -> list[Problem]:
    if letter is not None or doc.data.get("dates"):
        return []
    msg = "give the example's dates: a 'letter' block for a letter of findings, or 'dates'"
    return [_problem(doc, ("id",), msg)]


def _words(doc: Document, findings: list[tuple[int, Any]], quoted: bool) -> list[Problem]:
    out = []
    for i, f in findings:
        if quoted and not f.get("quote"):
            msg = "add 'quote': the letter's words for this point, verbatim"
            out.append(_problem(doc, ("findings", i, "id"), msg))
        elif not f.get("quote") and not f.get("text"):
            msg = "add 'text' (the finding in our words) or 'quote' (the source's words)"
            out.append(_problem(doc, ("findings", i, "id"), msg))
    return out


def _letter_dates(doc: Document, letter: dict[str, Any]) -> list[Problem]:
    """ISO dates compare as strings; a malformed one has been reported by the schema."""
    site = letter.get("on_site") or {}
    first, last = site.get("from"), site.get("to")
    published = letter.get("published")
    due = (letter.get("statement_of_action") or {}).get("due")
    out = []
    if _before(last, first):
        msg = (
            f"the first day on site ({first}) is after the last ({last}): check both in the letter"
        )
        out.append(_problem(doc, ("letter", "on_site", "from"), msg))
    if _before(published, last):
        msg = (
            f"the letter's publication date ({published}) is before its last day on site "
            f"({last}): a letter is published after fieldwork; check both dates in the letter"
        )
        out.append(_problem(doc, ("letter", "published"), msg))
    if _before(due, published):
        msg = (
            f"the statement of action is due ({due}) before the letter is published "
            f"({published}): give the date the letter states"
        )
        out.append(_problem(doc, ("letter", "statement_of_action", "due"), msg))
    return out


def _before(day: Any, other: Any) -> bool:
    """True when both are dates and `day` is before `other`."""
    return isinstance(day, str) and isinstance(other, str) and day < other


def _order(doc: Document, findings: list[tuple[int, Any]]) -> list[Problem]:
    out = []
    rank, item = -1, 0
    for i, f in findings:
        kind = f.get("type")
        if kind not in LETTER_ORDER:
            msg = f"a letter's findings are one of: {', '.join(LETTER_ORDER)}"
            out.append(_problem(doc, ("findings", i, "type"), msg))
            continue
        here = LETTER_ORDER.index(kind)
        if here < rank:
            msg = (
                f"'{kind}' comes after '{LETTER_ORDER[rank]}': keep the letter's order "
                "(headline, priority action, to improve, strength, main finding)"
            )
            out.append(_problem(doc, ("findings", i, "type"), msg))
            continue
        item = 0 if here != rank else item
        rank = here
        if kind in COUNTED:
            item += 1
            if f.get("item") != item:
                msg = f"this is point {item} under '{COUNTED[kind][1]}': give item: {item}"
                out.append(_problem(doc, ("findings", i, "item"), msg))
    return out


def _counts(
    doc: Document, letter: dict[str, Any], findings: list[tuple[int, Any]]
) -> list[Problem]:
    counts = letter.get("counts") or {}
    out = []
    for kind, (key, heading) in COUNTED.items():
        want = counts.get(key)
        have = sum(1 for _, f in findings if f.get("type") == kind)
        if isinstance(want, int) and want != have:
            msg = (
                f"the letter lists {want} under '{heading}' but {have} findings here are "
                f"'{kind}': give every point, once, or correct the count"
            )
            out.append(_problem(doc, ("letter", "counts", key), msg))
    return out
