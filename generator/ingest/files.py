"""Turn what parse.py read into the data of every file a framework folder needs.

What the guidance says is copied verbatim with its paragraphs. Every field the guidance cannot
give (our short titles, focus areas, agencies, guides, the methods inspectors use …) gets a
default whose text starts with "To review" (defaults.py), so that the folder passes `check` and
builds at once and a maintainer can find each one (`grep -rn "To review" criteria/<id>/`).
assessment.yml is the package's own template (assessment.yml beside this file): its scale and
bands are not theme-specific. The timetable files are timetable.py's.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .. import guidance
from . import timetable
from .annex import Section
from .defaults import AGENCY, FOCUS, REVIEW, Data, cited, review, slug
from .parse import Criterion, Parsed

ASSESSMENT = Path(__file__).with_name("assessment.yml")


def framework_files(parsed: Parsed, framework_id: str, text: str) -> dict[str, Data]:
    first = min(parsed.paragraphs)
    return {
        "framework.yml": _framework(parsed, framework_id, text, first),
        "criteria.yml": _criteria(parsed, framework_id),
        "annex-a.yml": _annex_a(parsed, framework_id),
        "timeline.yml": timetable.timeline(parsed.rules, framework_id, first),
        "after.yml": timetable.after(parsed.rules, framework_id, first),
        "guides.yml": _guides(framework_id, first),
        "sources.yml": {
            "framework": framework_id,
            "sources": [
                {
                    "id": "to-review",
                    "kind": "public-record",
                    "title": review("a source the site cites besides the guidance"),
                    "publisher": REVIEW,
                    "what": review("what the site takes from it, or remove this entry"),
                }
            ],
        },
        "assessment.yml": {
            **yaml.safe_load(ASSESSMENT.read_text("utf-8")),
            "framework": framework_id,
        },
    }


def _framework(parsed: Parsed, framework_id: str, text: str, first: int) -> Data:
    placeholder = cited(review("write this from the guidance, citing its paragraphs"), first)
    inspectorates: list[Data] = [
        {"id": slug(name), "name": name, "full_name": full, "paras": [para]}
        for name, full, para in parsed.inspectorates
    ] or [
        {"id": AGENCY, "name": REVIEW, "full_name": review("the inspectorates"), "paras": [first]}
    ]
    footnotes = guidance.parse(text).footnotes
    return {
        "id": framework_id,
        "title": parsed.title,
        "short_title": " ".join(parsed.title.split()[:6]),
        "theme": review("the theme in a few words"),
        "version_date": parsed.version_date,
        "applies_to": parsed.applies_to or review("where it applies"),
        "legal_basis": placeholder,
        "source": {
            "title": parsed.title,
            "publisher": ", ".join(str(i["name"]) for i in inspectorates),
            "licence": "Open Government Licence v3.0",
        },
        "inspectorates": inspectorates,
        "agencies": [
            {
                "id": AGENCY,
                "name": review("the agencies in the inspection's scope"),
                "short_name": REVIEW,
                "description": review("one agency per entry, each with its own ID"),
            }
        ],
        "purpose": placeholder,
        "scope": [
            {
                "id": "to-review",
                "title": review("one section per part of the scope, titled in our words"),
                **placeholder,
            }
        ],
        "language": [{"id": "to-review", "title": REVIEW, **placeholder}],
        "focus_areas": _focus_areas(parsed, first),
        "team": {
            "members": [
                {
                    "count": 1,
                    "role": review("the inspection team"),
                    "inspectorate": inspectorates[0]["id"],
                }
            ],
            "quality_assurance": placeholder,
            "paras": [first],
        },
        "background": [
            {
                "id": "to-review",
                "statement": review("the background facts"),
                "source": REVIEW,
                "paras": [first],
            }
        ],
        "footnotes": [
            {"id": f"footnote-{b.number}", "number": b.number, "text": b.text} for b in footnotes
        ],
    }


def _focus_areas(parsed: Parsed, first: int) -> list[Data]:
    """The focus areas the guidance sets out, verbatim, then the one every criterion is in until
    a maintainer places each: ingest cannot tell which focus area a criterion belongs to."""
    found: list[Data] = []
    for f in parsed.focus:
        area: Data = {"id": _unique_id(slug(f.title, 40), found), "title": f.title}
        area |= {"intro": f.intro} if f.intro else {}
        found.append(area | {"lead_in": f.lead_in, "points": list(f.points), "paras": [f.para]})
    title = "which focus area each criterion is in" if found else "the focus areas"
    return [
        *found,
        {
            "id": FOCUS,
            "title": review(title),
            "short_title": REVIEW,
            "lead_in": review("the sentence before the points"),
            "points": [review("each point, verbatim")],
            "paras": [first],
        },
    ]


def _unique_id(wanted: str, taken: list[Data]) -> str:
    ids = {t["id"] for t in taken} | {FOCUS}
    found, n = wanted or "focus", 1
    while found in ids:
        n += 1
        found = f"{wanted}-{n}"
    return found


def _criteria(parsed: Parsed, framework_id: str) -> Data:
    return {"framework": framework_id, "criteria": [_criterion(c) for c in parsed.criteria]}


def _criterion(c: Criterion) -> Data:
    return {
        "id": c.id,
        "title": _first_words(c.text),
        "focus": FOCUS,
        "agencies": [AGENCY],
        "paras": [c.para],
        "text": c.text,
        "indicators": [
            {"id": f"{c.id}.{n}", "text": sentence} for n, sentence in enumerate(c.sentences, 1)
        ],
    }


def _annex_a(parsed: Parsed, framework_id: str) -> Data:
    first_ec = parsed.criteria[0].id
    return {
        "framework": framework_id,
        "sections": [_section(s, first_ec) for s in parsed.sections] or [_no_section(parsed)],
    }


def _section(s: Section, first_ec: str) -> Data:
    deadline: Data = {"week": s.deadline.week}
    if s.deadline.weekday:
        deadline |= {"weekday": s.deadline.weekday, "time": s.deadline.time}
    if not s.deadline.stated:
        found = f"paragraph {s.deadline.para} gives it" if s.deadline.para else "none was found"
        deadline["our_reading"] = review(f"the table follows paragraph {s.para}; {found}")
    paras = sorted({s.para, s.deadline.para} - {0})
    items = []
    for item in s.items:
        entry: Data = {"id": item.id}
        if item.number:
            entry["number"] = item.number
        entry["item"] = item.item or _first_words(item.description)
        entry["description"] = item.description
        if item.fields:
            entry["fields"] = list(item.fields)
        items.append(entry | {"agency": AGENCY, "criteria": [first_ec]})
    intro = s.intro or review("introduce this table")
    return {
        "id": s.id,
        "title": s.title or review("a title"),
        "paras": paras,
        "deadline": deadline,
        "provider": review("who provides this, in the guidance's words"),
        "intro": intro,
        "items": items,
    }


def _no_section(parsed: Parsed) -> Data:
    first = min(parsed.paragraphs)
    return {
        "id": "to-review",
        "title": review("Annex A: no table was found"),
        "paras": [first],
        "deadline": {"week": 1, "our_reading": review("no Annex A table was found")},
        "provider": REVIEW,
        "intro": REVIEW,
        "items": [
            {
                "id": "A-to-review",
                "item": REVIEW,
                "description": review("add Annex A by hand"),
                "agency": AGENCY,
                "criteria": [parsed.criteria[0].id],
            }
        ],
    }


def _guides(framework_id: str, first: int) -> Data:
    return {
        "framework": framework_id,
        "one_minute": {
            "id": f"one-minute-{framework_id}",
            "title": review("the theme in one minute"),
            "sources": ["000"],
            "sections": [
                {"id": "what-is-it", "heading": "What is it?", "body": REVIEW, "paras": [first]}
            ],
        },
        "agency_guides": [
            {
                "id": f"guide-{AGENCY}",
                "agency": AGENCY,
                "title": REVIEW,
                "intro": REVIEW,
                "paras": [first],
            }
        ],
    }


def _first_words(text: str, count: int = 5) -> str:
    return " ".join(text.split()[:count]).rstrip(",.;:")
