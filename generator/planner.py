"""The preparation planner's and Annex A tracker's data (see render_data.py).

Everything the planner needs to turn a notification date into real dates, taken from the
framework's data (the timeline rules, milestones, letter timescales, statement of action,
complaints window), the Annex A items with their deadlines, agencies and criteria, and the bank
holidays worked out at build time. Reads the model only.
"""

from __future__ import annotations

from typing import Any

from . import letter_dates
from .data_head import app_head
from .model import AnnexItem, Framework, Site
from .model_after import StatementOfAction, Timescale, Window
from .model_timeline import plain

XLSX_PATH = "assets/planner/annex-a-tracker.xlsx"  # the blank Annex A workbook (workbook.py)


def planner_data(site: Site) -> dict[str, Any]:
    fw = site.framework
    after, window = fw.after, fw.after.complaints.window
    return {
        **app_head(fw),
        "rules": plain(fw.timeline.rules),
        "weeks": [{"week": w.week, "title": w.title} for w in fw.timeline.weeks],
        "milestones": [
            {
                "id": m.id,
                "week": m.week,
                "weekday": m.weekday,
                "time": m.time,
                "title": m.title,
                "what": m.what,
                "by": m.by,
                "who": list(m.who),
                "lead": m.lead,
                "contributors": list(m.contributors),
                "our_reading": m.our_reading,
                "annex_a": list(m.annex_a),
                "paras": list(m.paras),
                "label": str(m.deadline),
            }
            for m in sorted(fw.milestones, key=lambda m: m.deadline.sort_key)
        ],
        "letter": [
            {"id": t.id, "activity": t.activity, "working_days": t.working_days, **_review(t)}
            for t in after.letter.timescales
        ],
        "statement_of_action": {
            "working_days": after.statement_of_action.working_days,
            "counted_from": after.statement_of_action.counted_from,
            **_review(after.statement_of_action),
        },
        "published_letters": letter_dates.planner_data(site),
        "complaints": {
            "working_days_after_publication": window.working_days_after_publication,
            "text": window.text,
            **_review(window),
        },
        "annex_a": [_item(fw, i) for i in fw.annex_items if not i.retired],
        "holidays": holidays_data(site),
        "tracker": plain(fw.timeline.tracker),
    } | _checklist(fw)


def _review(value: Timescale | StatementOfAction | Window) -> dict[str, Any]:
    """A rule's paragraphs, and its 'To review' note when ingest could not find it."""
    found: dict[str, Any] = {"paras": list(value.paras)}
    return found | ({"to_review": value.to_review} if value.to_review else {})


def _checklist(fw: Framework) -> dict[str, Any]:
    """The notification-day checklist, when the framework has one (it is optional)."""
    checklist = fw.timeline.notification_checklist
    return {"checklist": plain(checklist)} if checklist else {}


def _item(fw: Framework, item: AnnexItem) -> dict[str, Any]:
    section = next(s for s in fw.annex_sections if s.id == item.section)
    d = item.deadline
    return {
        "id": item.id,
        "number": item.number,
        "item": item.item,
        "label": item.label,
        "agency": item.agency,
        "contributors": list(item.contributors),
        "section": section.id,
        "section_title": section.title,
        "deadline": {
            "week": d.week,
            "weekday": d.weekday,
            "time": d.time,
            "on_site": d.on_site,
            "our_reading": d.our_reading,
            "label": str(d) if d.week else "",
        },
        "url": f"annex-a/index.html#{item.id.lower().replace('.', '-')}",
        "criteria": [
            {"id": c, "title": fw.criterion(c).title, "url": f"criteria/{c.lower()}.html"}
            for c in item.criteria
        ],
    }


def holidays_data(site: Site) -> dict[str, Any]:
    h = site.holidays
    return {
        "region": h.region,
        "first_year": h.first_year,
        "last_year": h.last_year,
        "source": f"holidays {h.package_version} ({h.country}-{h.subdivision})",
        "days": [[d.date, d.name] for d in h.days],
        "added": [{"date": o.date, "name": o.name, "reason": o.reason} for o in h.added],
        "removed": [{"date": o.date, "reason": o.reason} for o in h.removed],
    }
