"""The published letters' dates against the framework's timetable (issue 22 point 4).

after.yml's published_letters give each letter's fieldwork, publication and statement of action
dates as the letters state them; this works out, with the bank holidays the planner uses, how
many working days publication took and how each letter's statement of action date was counted.
Nothing here is typed by hand: the preparation planner's page and data show what it finds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .model import Site


@dataclass(frozen=True)
class LetterDates:
    id: str
    area: str
    url: str
    fieldwork_start: str
    fieldwork_end: str
    published: str
    statement_due: str
    why_late: str
    publication_days: int  # working days from the last day of fieldwork to publication
    standard_publication: str  # the framework's date: fieldwork end + the publication timescale
    statement_days: int  # working days from publication to the date the letter gives
    statement_counted: str  # how the letter's date was counted, in words
    statement_weekend: bool  # the letter's date is a Saturday or Sunday


class WorkingDays:
    """Monday to Friday, less the given bank holidays."""

    def __init__(self, holidays: Iterable[str]) -> None:
        self.closed = {dt.date.fromisoformat(d) for d in holidays}

    def is_open(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.closed

    def add(self, iso: str, count: int) -> str:
        day = dt.date.fromisoformat(iso)
        while count:
            day += dt.timedelta(days=1)
            count -= self.is_open(day)
        return day.isoformat()

    def between(self, a: str, b: str) -> int:
        """Working days d with a < d <= b."""
        start, end = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
        days = (start + dt.timedelta(days=n) for n in range(1, (end - start).days + 1))
        return sum(self.is_open(d) for d in days)


def _timescale(site: Site, timescale_id: str) -> int:
    return site.framework.after.letter.timescale(timescale_id).working_days


def letters(site: Site) -> list[LetterDates]:
    """Each published letter with its working-day counts, in the order after.yml gives them."""
    fw = site.framework
    entries = fw.after.published_letters
    if not entries:
        return []
    cal = WorkingDays(d.date for d in site.holidays.days)
    publication = _timescale(site, fw.timeline.rules.calendar.publication_timescale)
    allowed = fw.after.statement_of_action.working_days
    return [_one(e, cal, publication, allowed) for e in entries]


def _one(e: Any, cal: WorkingDays, publication: int, allowed: int) -> LetterDates:
    end, published, due = e["fieldwork"]["end"], e["published"], e["statement_due"]
    standard = cal.add(end, publication)
    days = cal.between(published, due)
    weekend = dt.date.fromisoformat(due).weekday() >= 5
    if due == cal.add(published, allowed):
        counted = f"{allowed} working days after publication"
    elif published != standard and due == cal.add(standard, allowed):
        counted = f"{allowed} working days after the standard publication date, not the actual one"
    else:
        counted = f"{days} working days after publication" + (", on a Saturday" if weekend else "")
    return LetterDates(
        id=e["id"],
        area=e["area"],
        url=e["url"],
        fieldwork_start=e["fieldwork"]["start"],
        fieldwork_end=end,
        published=published,
        statement_due=due,
        why_late=e.get("why_late", ""),
        publication_days=cal.between(end, published),
        standard_publication=standard,
        statement_days=days,
        statement_counted=counted,
        statement_weekend=weekend,
    )


def summary(found: list[LetterDates]) -> dict[str, Any]:
    """What the planner says about them: the range of publication times and how many letters
    give publication plus the allowed days."""
    if not found:
        return {}
    days = [x.publication_days for x in found]
    plus = [x.area for x in found if x.statement_counted.endswith("after publication")]
    return {
        "count": len(found),
        "publication_fewest": min(days),
        "publication_most": max(days),
        "statement_from_publication": plus,
    }


def planner_data(site: Site) -> dict[str, Any]:
    """The letters for the planner's browser data (JTAI.data.planner.published_letters)."""
    found = letters(site)
    return {
        "letters": [
            {
                "area": x.area,
                "url": x.url,
                "published": x.published,
                "publication_days": x.publication_days,
                "statement_due": x.statement_due,
                "statement_counted": x.statement_counted,
            }
            for x in found
        ],
        **summary(found),
    }
