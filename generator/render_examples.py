"""Stage 5, render (worked examples): the example pages, handouts, explorer, exercise and data.

Reads the model only. Called from render.render() with its Jinja2 environment and common values.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jinja2 import Environment

from . import __version__
from .examples import KINDS, TYPES, Example
from .model import Framework

FOLDER = "examples"
CSV_PATH = (
    f"{FOLDER}/letters-findings.csv"  # one row per finding of every letter, built with the site
)


def pages(env: Environment, common: dict[str, Any], fw: Framework) -> dict[str, str]:
    """Site path -> Markdown for every worked-examples page."""
    out: dict[str, str] = {}
    extra = {
        "groups": criteria_groups(fw),
        "total_findings": sum(len(e.findings) for e in fw.examples),
    }

    def page(path: str, template: str, **values: Any) -> None:
        where = f"{FOLDER}/{path}"
        root = "../" * where.count("/")  # from this page back to the framework's root, for links
        out[where] = env.get_template(template).render(**common, **extra, root=root, **values)

    page("index.md", "examples_index.md.j2", letters=letters(fw), csv=CSV_PATH)
    for example in fw.examples:
        page(f"{example.id}.md", "example.md.j2", ex=example)
        page(f"handout-{example.id}.md", "example_handout.md.j2", ex=example)
    page("explorer.md", "examples_explorer.md.j2", csv=CSV_PATH)
    page("training.md", "examples_training.md.j2")
    return out


def when(start: str, end: str = "") -> str:
    """GOV.UK dates: '2024-07-18' -> '18 July 2024', '2019-12' -> 'December 2019', and ranges
    such as '20 to 24 May 2024' or 'September 2023 to May 2024'."""
    first, last = _date_parts(start), _date_parts(end) if end else None
    if last is None:
        return " ".join(first)
    if len(first) == 3 and first[1:] == last[1:]:
        return f"{first[0]} to {' '.join(last)}"
    if first[-1] == last[-1]:
        return f"{' '.join(first[:-1])} to {' '.join(last)}"
    return f"{' '.join(first)} to {' '.join(last)}"


def _date_parts(iso: str) -> list[str]:
    """'2024-07-18' -> ['18', 'July', '2024']; '2019-12' -> ['December', '2019']."""
    numbers = [int(n) for n in iso.split("-")]
    month = dt.date(numbers[0], numbers[1], 1).strftime("%B")
    return ([str(numbers[2])] if len(numbers) == 3 else []) + [month, str(numbers[0])]


def nav(fw: Framework) -> list[dict[str, Any]]:
    """The children of 'Worked examples' in the navigation."""
    handouts = [{f"Handout: {e.title}": f"{FOLDER}/handout-{e.id}.md"} for e in fw.examples]
    return [
        *({e.title: f"{FOLDER}/{e.id}.md"} for e in fw.examples),
        {"Findings explorer": f"{FOLDER}/explorer.md"},
        {"Training exercise": f"{FOLDER}/training.md"},
        *([{"Printable handouts": handouts}] if handouts else []),
    ]


def criteria_groups(fw: Framework) -> list[dict[str, Any]]:
    """Criteria grouped by focus area, groups in the order of their first criterion."""
    short = {f.id: f.short_title for f in fw.focus_areas}
    groups: dict[str, dict[str, Any]] = {}
    for c in fw.criteria:
        if c.retired:
            continue
        group = groups.setdefault(
            c.focus, {"id": c.focus, "title": short.get(c.focus, c.focus), "criteria": []}
        )
        group["criteria"].append(c)
    return list(groups.values())


def findings_data(fw: Framework) -> dict[str, Any]:
    """The explorer's and the exercise's data (URLs relative to the site root)."""
    return {
        "app_version": __version__,
        "framework": fw.id,
        "types": [{"id": t, "label": label, "plural": plural} for t, label, plural in TYPES],
        "kinds": [{"id": k, "label": label} for k, label in KINDS],
        "agencies": [{"id": a.id, "name": a.name, "short_name": a.short_name} for a in fw.agencies],
        "focus_areas": [
            {"id": g["id"], "title": g["title"], "criteria": [c.id for c in g["criteria"]]}
            for g in criteria_groups(fw)
        ],
        "criteria": [
            {"id": c.id, "title": c.title, "focus": c.focus, "url": f"criteria/{c.slug}.html"}
            for c in fw.criteria
            if not c.retired
        ],
        "examples": [_example_data(e) for e in fw.examples],
    }


def _letter_data(e: Example) -> dict[str, Any] | None:
    if e.letter is None:
        return None
    let = e.letter
    return {
        "title": let.title,
        "address": let.address,
        "published": let.published,
        "on_site_from": let.on_site_from,
        "on_site_to": let.on_site_to,
        "statement_due": let.statement_due,
        "principal_authority": let.principal_authority,
        "counts": {
            "priority_actions": let.priority_actions,
            "improvements": let.improvements,
            "strengths": let.strengths,
            "mapped": e.mapped,
        },
    }


def _example_data(e: Example) -> dict[str, Any]:
    return {
        "id": e.id,
        "title": e.title,
        "kind": e.kind,
        "area": e.area,
        "url": f"{FOLDER}/{e.id}.html",
        "letter": _letter_data(e),
        "findings": [
            {
                "id": f.id,
                "number": f.number,
                "type": f.type,
                "group": f.group,
                "text": f.text,
                "quote": f.quote,
                "section": f.section,
                "item": f.item,
                "agencies": list(f.agencies),
                "url": f"{FOLDER}/{e.id}.html#{f.id}",
                "criteria": [{"id": m.criterion, "rationale": m.rationale} for m in f.criteria],
            }
            for f in e.findings
        ],
    }


def letters(fw: Framework) -> list[Example]:
    """The examples taken from a letter of findings, oldest letter first."""
    found = [e for e in fw.examples if e.letter is not None]
    return sorted(found, key=lambda e: (e.letter.published if e.letter else "", e.id))
