"""The model of the inspection's timetable (timeline.yml's rules, weeks, tracker settings and
notification-day checklist), as typed objects.

The three weeks, planner and tracker pages, the planner's data (planner.py), the workbook and the
letters' working-day counts read these, never timeline.yml's mappings. The milestones, who
inspectors meet and their methods are typed in model.py. A rule ingest could not find (the notice
period) carries its "To review" note in `to_review` and no paragraphs. Built by model.py.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Calendar:
    """How the planner turns the weeks into real dates (our reading, cited in the page)."""

    weeks_counted_from: str
    fieldwork_ends: str
    on_a_holiday: str
    letter_counted_from: str
    final_letter_timescale: str  # a letter timescale's ID in after.yml
    publication_timescale: str
    explanation: str
    on_a_holiday_note: str


@dataclass(frozen=True, kw_only=True)
class Rules:
    notice_working_days: int
    notification_weekday: str
    notification_note: str
    fieldwork_week: int
    paras: tuple[int, ...] = ()
    to_review: str = ""  # set by ingest when the guidance did not state the notice period
    calendar: Calendar


@dataclass(frozen=True)
class Week:
    week: int
    title: str
    summary: tuple[str, ...]
    paras: tuple[int, ...]


@dataclass(frozen=True)
class Status:
    id: str
    label: str
    done: bool


@dataclass(frozen=True)
class Tracker:
    statuses: tuple[Status, ...]
    due_soon_working_days: int


@dataclass(frozen=True)
class Task:
    id: str
    task: str
    what: str
    paras: tuple[int, ...]
    our_reading: str = ""
    lists_requests: bool = False


@dataclass(frozen=True)
class NotificationChecklist:
    title: str
    intro: str
    paras: tuple[int, ...]
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Timetable:
    rules: Rules
    weeks: tuple[Week, ...]
    tracker: Tracker
    notification_checklist: NotificationChecklist | None = None  # optional in timeline.yml


def plain(value: Any) -> Any:
    """A model object as the JSON the browser reads: the fields timeline.yml gives, in order,
    leaving out optional ones left at their default (no 'to_review' on a reviewed rule)."""
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    if not hasattr(value, "__dataclass_fields__"):
        return value
    out = {}
    for f in fields(value):
        item = getattr(value, f.name)
        if f.default is MISSING or item != f.default:
            out[f.name] = plain(item)
    return out


def tuples(data: dict[str, Any], *keys: str) -> dict[str, Any]:
    """A copy of YAML data with the lists at `keys` made tuples, ready for a frozen dataclass."""
    return {**data, **{k: tuple(data[k]) for k in keys if k in data}}


def build(timeline: dict[str, Any]) -> Timetable:
    """timeline.yml's data (checked against its schema) as the model."""
    rules, tracker = timeline["rules"], timeline["tracker"]
    checklist = timeline.get("notification_checklist")
    return Timetable(
        rules=Rules(**{**tuples(rules, "paras"), "calendar": Calendar(**rules["calendar"])}),
        weeks=tuple(Week(**tuples(w, "summary", "paras")) for w in timeline["weeks"]),
        tracker=Tracker(
            tuple(Status(**s) for s in tracker["statuses"]), tracker["due_soon_working_days"]
        ),
        notification_checklist=NotificationChecklist(
            checklist["title"],
            checklist["intro"],
            tuple(checklist["paras"]),
            tuple(Task(**tuples(t, "paras")) for t in checklist["tasks"]),
        )
        if checklist
        else None,
    )
