"""Turn what parse.py read into the data of every file a framework folder needs.

What the guidance says is copied verbatim with its paragraphs. Every field the guidance cannot
give (our short titles, focus areas, agencies, guides, the methods inspectors use …) gets a
default whose text starts with REVIEW, so that the folder passes `check` and builds at once and a
maintainer can find each one (`grep -rn "To review" criteria/<id>/`). assessment.yml is the
package's own template (assessment.yml beside this file): its scale and bands are not
theme-specific.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .. import guidance
from .parse import Criterion, Parsed, Section
from .rules import Rules

REVIEW = "To review"
AGENCY = "to-review"
FOCUS = "to-review"
ASSESSMENT = Path(__file__).with_name("assessment.yml")
Data = dict[str, Any]


def review(what: str) -> str:
    return f"{REVIEW}: {what}"


def framework_files(parsed: Parsed, framework_id: str, text: str) -> dict[str, Data]:
    first = min(parsed.paragraphs)
    return {
        "framework.yml": _framework(parsed, framework_id, text, first),
        "criteria.yml": _criteria(parsed, framework_id),
        "annex-a.yml": _annex_a(parsed, framework_id),
        "timeline.yml": _timeline(parsed.rules, framework_id, first),
        "after.yml": _after(parsed.rules, framework_id, first),
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


def _cited(text: str, para: int) -> Data:
    return {"text": text, "paras": [para]}


def _framework(parsed: Parsed, framework_id: str, text: str, first: int) -> Data:
    placeholder = _cited(review("write this from the guidance, citing its paragraphs"), first)
    inspectorates: list[dict[str, Any]] = [
        {"id": _slug(name), "name": name, "full_name": full, "paras": [para]}
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
        "scope": {
            key: placeholder
            for key in (
                "agencies_text",
                "age",
                "definition",
                "strategic",
                "criminal_exploitation",
                "response",
                "recent_practice",
            )
        },
        "language": [{"id": "to-review", "title": REVIEW, **placeholder}],
        "focus_areas": [
            {
                "id": FOCUS,
                "title": review("the focus areas"),
                "short_title": REVIEW,
                "lead_in": review("the sentence before the points"),
                "points": [review("each point, verbatim")],
                "paras": [first],
            }
        ],
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


def _timeline(rules: Rules, framework_id: str, first: int) -> Data:
    days = rules.notice.value
    ids = timescale_ids(rules)
    weekday = rules.notification_weekday or "monday"
    note = rules.notification_note or review("the guidance names no weekday; Monday is assumed")
    notice = list(rules.notice.paras)
    return {
        "framework": framework_id,
        "rules": {
            "notice_working_days": days,
            "notification_weekday": weekday,
            "notification_note": note,
            "fieldwork_week": min(3, -(-days // 5) + 1),
            "paras": notice,
            "calendar": {
                "weeks_counted_from": "fieldwork",
                "fieldwork_ends": "friday",
                "on_a_holiday": "next-working-day",
                "letter_counted_from": "fieldwork-end",
                "final_letter_timescale": _pick(ids, rules, "final"),
                "publication_timescale": _pick(ids, rules, "publish"),
                "explanation": review(
                    f"notification comes {days} working days before fieldwork; the letter "
                    "timescales count working days from the last day of fieldwork"
                ),
                "on_a_holiday_note": review(
                    "the planner moves a deadline on a bank holiday to the next working day"
                ),
            },
        },
        "weeks": [
            {"week": n, "title": review(f"week {n}"), "summary": [REVIEW], "paras": [first]}
            for n in (1, 2, 3)
        ],
        "milestones": [
            {
                "id": f"wk1-{weekday[:3]}-notification",
                "week": 1,
                "weekday": weekday,
                "title": "Inspectors notify local leaders",
                "what": f"Inspectors notify the area {days} working days before fieldwork.",
                "who": [],
                "by": "inspectors",
                "paras": notice,
            }
        ],
        "meet": [
            {
                "id": "to-review",
                "role": review("who inspectors meet"),
                "agencies": [],
                "paras": [first],
            }
        ],
        "methods": [
            {
                "id": "to-review",
                "title": REVIEW,
                "summary": review("how inspectors work"),
                "paras": [first],
            }
        ],
        "tracker": {
            "statuses": [
                {"id": "not-started", "label": "Not started", "done": False},
                {"id": "in-progress", "label": "In progress", "done": False},
                {"id": "ready", "label": "Ready", "done": True},
                {"id": "not-applicable", "label": "Not applicable", "done": True},
            ],
            "due_soon_working_days": 2,
        },
    }


def timescale_ids(rules: Rules) -> list[str]:
    ids: list[str] = []
    for t in rules.timescales:
        wanted = _slug(" ".join(t.activity.split()[:3]))
        ids.append(wanted if wanted not in ids else f"{wanted}-{len(ids) + 1}")
    return ids


def _pick(ids: list[str], rules: Rules, word: str) -> str:
    for tid, t in zip(ids, rules.timescales, strict=True):
        if word in t.activity.lower():
            return tid
    return ids[-1]


def _after(rules: Rules, framework_id: str, first: int) -> Data:
    placeholder = _cited(review("write this from the guidance"), first)
    window = rules.complaint_window
    return {
        "framework": framework_id,
        "letter": {
            "intro": review("how the letter of findings is written and checked"),
            "paras": sorted({t.para for t in rules.timescales}),
            "timescales": [
                {
                    "id": tid,
                    "activity": t.activity,
                    "working_days": t.working_days,
                    "paras": [t.para],
                }
                for tid, t in zip(timescale_ids(rules), rules.timescales, strict=True)
            ],
        },
        "quality_assurance": placeholder,
        "priority_action": placeholder,
        "feedback_survey": placeholder,
        "statement_of_action": {
            "working_days": rules.statement.value,
            "counted_from": "final-letter",
            "text": review("what the statement of action is"),
            "practice_note": review("how the inspectorates count the days in practice"),
            "practice_refs": ["to-review"],
            "paras": list(rules.statement.paras),
        },
        "annex_b": [
            {"id": "to-review", "title": review("Annex B"), "steps": [REVIEW], "paras": [first]}
        ],
        "complaints": {
            "intro": review("how to complain"),
            "during_inspection": placeholder,
            "window": {
                "text": review(f"complaints close {window.value} working days after publication"),
                "working_days_after_publication": window.value,
                "paras": list(window.paras),
            },
            "withdrawal": placeholder,
            "routes": _routes(rules, first),
            "combined": {"title": REVIEW, **placeholder},
        },
    }


def _routes(rules: Rules, first: int) -> list[Data]:
    routes = []
    for n, route in enumerate(rules.routes, start=1):
        route_id = _slug(" ".join(route.title.split()[:4])) or f"route-{n}"
        steps = []
        for i, step in enumerate(route.steps, start=1):
            entry: Data = {"id": f"{route_id}-{i}", "when": step.when, "activity": step.activity}
            if step.working_days:
                entry |= {"working_days": step.working_days, "counted_from": step.counted_from}
            steps.append(entry)
        text = review("how this route works")
        routes.append(
            {
                "id": route_id,
                "title": route.title,
                "text": text,
                "paras": [route.para],
                "milestones": steps,
            }
        )
    if routes:
        return routes
    blank = {"id": "to-review-1", "when": REVIEW, "activity": REVIEW}
    return [
        {
            "id": "to-review",
            "title": REVIEW,
            "text": REVIEW,
            "paras": [first],
            "milestones": [blank],
        }
    ]


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


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "")))
