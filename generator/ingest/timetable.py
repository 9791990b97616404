"""The timetable files a new framework needs: timeline.yml and after.yml.

The rules come from the guidance (rules.py) with their paragraphs; the planner's calendar
settings are the ones the first framework uses, marked for review; every text is "To review".
"""

from __future__ import annotations

from . import defaults
from .defaults import REVIEW, Data, cited, review, slug, unstated
from .rules import Cited, Rules, Timescale


def _stated(found: Cited | None, default: int, what: str, unit: str) -> tuple[int, Data]:
    """The value and its paragraphs, or the default and its 'To review' note."""
    if found is not None:
        return found.value, {"paras": list(found.paras)}
    return default, {"to_review": unstated(what, default, unit)}


def timescales(rules: Rules) -> tuple[tuple[Timescale, str], ...]:
    """The letter timescales the guidance gives, or the defaults, each with its note."""
    if rules.timescales:
        return tuple((t, "") for t in rules.timescales)
    return tuple(
        (Timescale(review(activity), days, 0), unstated("letter timescales", days, "working days"))
        for activity, days in defaults.LETTER
    )


def timeline(rules: Rules, framework_id: str, first: int) -> Data:
    days, cite = _stated(
        rules.notice, defaults.NOTICE_DAYS, "notice period", "working days before fieldwork"
    )
    ids = timescale_ids(rules)
    weekday = rules.notification_weekday or "monday"
    note = rules.notification_note or review("the guidance names no weekday; Monday is assumed")
    notice = list(rules.notice.paras) if rules.notice else [first]
    what = f"Inspectors notify the area {days} working days before fieldwork."
    return {
        "framework": framework_id,
        "rules": {
            "notice_working_days": days,
            "notification_weekday": weekday,
            "notification_note": note,
            "fieldwork_week": min(3, -(-days // 5) + 1),
            **cite,
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
                "what": what if rules.notice else review(what),
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
    for t, _ in timescales(rules):
        wanted = slug(" ".join(t.activity.split()[:3]))
        ids.append(wanted if wanted not in ids else f"{wanted}-{len(ids) + 1}")
    return ids


def _pick(ids: list[str], rules: Rules, word: str) -> str:
    for tid, (t, _) in zip(ids, timescales(rules), strict=True):
        if word in t.activity.lower():
            return tid
    return ids[-1]


def after(rules: Rules, framework_id: str, first: int) -> Data:
    placeholder = cited(review("write this from the guidance"), first)
    window, window_cite = _stated(
        rules.complaint_window, defaults.COMPLAINT_DAYS, "complaints window", "working days"
    )
    statement, statement_cite = _stated(
        rules.statement, defaults.STATEMENT_DAYS, "statement of action deadline", "working days"
    )
    return {
        "framework": framework_id,
        "letter": {
            "intro": review("how the letter of findings is written and checked"),
            "paras": sorted({t.para for t in rules.timescales}) or [first],
            "timescales": [
                {
                    "id": tid,
                    "activity": t.activity,
                    "working_days": t.working_days,
                    **({"to_review": note} if note else {"paras": [t.para]}),
                }
                for tid, (t, note) in zip(timescale_ids(rules), timescales(rules), strict=True)
            ],
        },
        "quality_assurance": placeholder,
        "priority_action": placeholder,
        "feedback_survey": placeholder,
        "statement_of_action": {
            "working_days": statement,
            "counted_from": "final-letter",
            "text": review("what the statement of action is"),
            "practice_note": review("how the inspectorates count the days in practice"),
            "practice_refs": ["to-review"],
            **statement_cite,
        },
        "annex_b": [
            {"id": "to-review", "title": review("Annex B"), "steps": [REVIEW], "paras": [first]}
        ],
        "complaints": {
            "intro": review("how to complain"),
            "during_inspection": placeholder,
            "window": {
                "text": review(f"complaints close {window} working days after publication."),
                "working_days_after_publication": window,
                **window_cite,
            },
            "withdrawal": placeholder,
            "routes": _routes(rules, first),
            "combined": {"title": REVIEW, **placeholder},
        },
    }


def _routes(rules: Rules, first: int) -> list[Data]:
    routes = []
    for n, route in enumerate(rules.routes, start=1):
        route_id = slug(" ".join(route.title.split()[:4])) or f"route-{n}"
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
