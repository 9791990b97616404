"""Stage 5, render: the data the browser apps read, one object per kind.

`made(site)` gives every kind by name: "assessment" (the self-assessment and the partnership
view), "planner" (the planner and the tracker) and "findings" (the worked examples' explorer and
exercise). Each kind has a JSON Schema in generator/schemas/web/NAME.schema.json and is checked
against it on every build (`problems`, run by pipeline.output_problems), so a generator change
that breaks what the apps read stops the build; `browser_data(site)` is both at once.
`data_script` turns one into the classic script that puts it at window.JTAI.data.NAME, so it
loads from file:// with no fetch. Reads the model only.
"""

from __future__ import annotations

import json
from typing import Any

from . import model_assessment, planner, render_examples
from .data_head import app_head
from .examples import GROUPS, grouped
from .model import Criterion, Framework, Site
from .problems import GenerationError, Problem
from .validate import check_data

BANNER = "/* Generated from criteria/ by python -m generator: do not edit. */"


def browser_data(site: Site) -> dict[str, dict[str, Any]]:
    """Every kind of browser data, by name, or GenerationError if one breaks its schema."""
    data = made(site)
    if found := problems(data):
        raise GenerationError(sorted(found))
    return data


def made(site: Site) -> dict[str, dict[str, Any]]:
    """Every kind of browser data, by name, not yet checked against its schema."""
    return {
        "assessment": assessment_data(site),
        "planner": planner.planner_data(site),
        "findings": render_examples.findings_data(site.framework),
    }


def problems(data: dict[str, dict[str, Any]]) -> list[Problem]:
    """Every way each kind breaks its schema (generator/schemas/web/NAME.schema.json)."""
    return [
        p
        for name, value in data.items()
        for p in check_data(f"browser data {name!r}", f"web/{name}.schema.json", value)
    ]


def data_script(name: str, data: dict[str, Any]) -> str:
    """'JTAI.data.NAME = {...};' with the do-not-edit banner, making the namespace if needed."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        f"{BANNER}\n"
        "(self.JTAI = self.JTAI || {}).data = self.JTAI.data || {};\n"
        f"self.JTAI.data[{json.dumps(name)}] = {text};\n"
    )


def assessment_data(site: Site) -> dict[str, Any]:
    fw = site.framework
    return {
        **app_head(fw),
        "focus_areas": [{"id": f.id, "title": f.title} for f in fw.focus_areas],
        "criteria": [_criterion_data(fw, c) for c in fw.criteria if not c.retired],
        "assessment": model_assessment.browser_data(fw.assessment),
    }


def _criterion_data(fw: Framework, c: Criterion) -> dict[str, Any]:
    sections = {s.id: s.title for s in fw.annex_sections}
    return {
        "id": c.id,
        "title": c.title,
        "text": c.text,
        "focus": c.focus,
        "agencies": list(c.agencies),
        "url": f"criteria/{c.slug}.html",
        "indicators": [{"id": i.id, "text": i.text} for i in c.indicators if not i.retired],
        "annex_a": [
            {"id": i.id, "number": i.number, "item": i.item, "section": sections[i.section]}
            for i in fw.items_for(c.id)
        ],
        "found": _found(fw, c.id),
    }


def _found(fw: Framework, criterion_id: str) -> list[dict[str, Any]]:
    """What inspectors found about a criterion in their letters, grouped as the criterion's
    page groups it (priority action, to improve, strength, other), with our reason."""
    headings = {g: heading for g, heading, _ in GROUPS}
    letters = [use for use in fw.findings_for(criterion_id) if use[0].letter is not None]
    return [
        {
            "group": group,
            "heading": headings[group],
            "findings": [
                {
                    "area": e.area,
                    "kind": f.type_label,
                    "quote": f.quote,
                    "letter": e.letter.title if e.letter else "",
                    "address": e.letter.address if e.letter else "",
                    "published": e.letter.published if e.letter else "",
                    "url": f"{render_examples.FOLDER}/{e.id}.html#{f.id}",
                    "rationale": m.rationale,
                }
                for e, f, m in uses
            ],
        }
        for group, _, uses in grouped(letters)
    ]
