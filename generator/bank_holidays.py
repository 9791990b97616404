"""Bank holidays for the preparation planner: the `holidays` package plus criteria/holidays.yml.

The planner counts working days in the browser, with no network, so the bank holidays are worked
out here when the site is built and embedded in its data. criteria/holidays.yml says whose bank
holidays and for which years, and adds or removes single dates the package does not know yet.
The file is optional: without it, England and Wales 2020 to 2040 with no changes.

`problems()` is called by the link stage (it needs the package to check a removal names a real
bank holiday); `build()` by the model stage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

import holidays as holidays_package

from .load import Document
from .problems import Problem, json_path

FILE = "holidays.yml"
DEFAULTS: dict[str, Any] = {
    "region": {"country": "GB", "subdivision": "ENG", "name": "England and Wales"},
    "years": {"first": 2020, "last": 2040},
    "add": [],
    "remove": [],
}
MAX_SPAN = 50


@dataclass(frozen=True)
class Holiday:
    date: str  # ISO 8601
    name: str
    source: str  # "package" or "added"


@dataclass(frozen=True)
class Override:
    date: str
    reason: str
    name: str = ""


@dataclass(frozen=True)
class BankHolidays:
    """The weekday bank holidays, sorted, after the file's additions and removals."""

    region: str = "England and Wales"
    country: str = "GB"
    subdivision: str = "ENG"
    first_year: int = 2020
    last_year: int = 2040
    days: tuple[Holiday, ...] = ()
    added: tuple[Override, ...] = ()
    removed: tuple[Override, ...] = ()
    package_version: str = ""


@cache
def from_package(
    country: str, subdivision: str, first: int, last: int
) -> tuple[tuple[str, str], ...]:
    """(ISO date, name) for every weekday holiday the package knows, sorted."""
    found = holidays_package.country_holidays(
        country, subdiv=subdivision, years=range(first, last + 1)
    )
    return tuple(
        sorted((day.isoformat(), name) for day, name in found.items() if day.weekday() < 5)
    )


def _weekday(iso: str) -> int | None:
    try:
        return dt.date.fromisoformat(iso).weekday()
    except ValueError:
        return None


def build(data: dict[str, Any] | None) -> BankHolidays:
    """The planner's bank holidays from holidays.yml's data (None: the defaults)."""
    data = {**DEFAULTS, **(data or {})}
    region, years = data["region"], data["years"]
    base = dict(
        from_package(region["country"], region["subdivision"], years["first"], years["last"])
    )
    removed = tuple(Override(r["date"], r["reason"]) for r in data["remove"])
    added = tuple(Override(a["date"], a["reason"], a["name"]) for a in data["add"])
    for r in removed:
        base.pop(r.date, None)
    days = [Holiday(day, name, "package") for day, name in base.items()]
    days += [Holiday(a.date, a.name, "added") for a in added if _weekday(a.date) in range(5)]
    return BankHolidays(
        region=region["name"],
        country=region["country"],
        subdivision=region["subdivision"],
        first_year=years["first"],
        last_year=years["last"],
        days=tuple(sorted(days, key=lambda h: h.date)),
        added=added,
        removed=removed,
        package_version=getattr(holidays_package, "__version__", ""),
    )


def problems(docs: list[Document]) -> list[Problem]:
    """What the schema cannot see in holidays.yml: the years, repeated dates, dates that change
    nothing. Only for a file whose shape is valid (the schema stage reports the rest)."""
    found: list[Problem] = []
    for doc in docs:
        if doc.path.name == FILE and _shape_ok(doc.data):
            found += _check(doc)
    return found


def _shape_ok(data: Any) -> bool:
    try:
        years = data["years"]
        return (
            isinstance(years["first"], int)
            and isinstance(years["last"], int)
            and all(isinstance(x.get("date"), str) for x in [*data["add"], *data["remove"]])
            and isinstance(data["region"]["country"], str)
            and isinstance(data["region"]["subdivision"], str)
        )
    except (KeyError, TypeError, AttributeError):
        return False


def _check(doc: Document) -> list[Problem]:
    out: list[Problem] = []

    def problem(parts: tuple[object, ...], message: str) -> None:
        out.append(Problem(doc.name, doc.line_of(parts), json_path(parts), message))

    data = doc.data
    first, last = data["years"]["first"], data["years"]["last"]
    if last < first:
        problem(("years", "last"), f"the last year ({last}) is before the first year ({first})")
        return out
    if last - first > MAX_SPAN:
        problem(("years", "last"), f"{last - first + 1} years is too many: at most {MAX_SPAN + 1}")
        return out
    region = data["region"]
    try:
        known = dict(from_package(region["country"], region["subdivision"], first, last))
    except NotImplementedError:
        where = f"{region['country']}-{region['subdivision']}"
        problem(("region",), f"the holidays package has no bank holidays for {where}")
        return out
    seen: dict[str, int] = {}
    for key in ("add", "remove"):
        for i, entry in enumerate(data[key]):
            parts = (key, i, "date")
            day = entry["date"]
            line = doc.line_of(parts)
            if day in seen:
                problem(
                    parts, f"{day} is listed twice (first on line {seen[day]}): list each date once"
                )
                continue
            seen[day] = line
            out += _check_date(doc, parts, key, day, known, first, last)
    return out


def _check_date(
    doc: Document,
    parts: tuple[object, ...],
    key: str,
    day: str,
    known: dict[str, str],
    first: int,
    last: int,
) -> list[Problem]:
    weekday = _weekday(day)
    message = ""
    if weekday is None:
        return []  # not a real date: the schema's date format has reported it
    if not first <= int(day[:4]) <= last:
        message = f"{day} is outside the years {first} to {last} set under years"
    elif key == "add" and weekday >= 5:
        name = dt.date.fromisoformat(day).strftime("%A")
        message = f"{day} is a {name}: weekends are never working days, so there is nothing to add"
    elif key == "add" and day in known:
        message = (
            f"{day} is already a bank holiday ({known[day]}) in the holidays package: "
            "remove this entry"
        )
    elif key == "remove" and day not in known:
        message = (
            f"{day} is not a bank holiday in the holidays package, so there is nothing to remove"
        )
    if not message:
        return []
    return [Problem(doc.name, doc.line_of(parts), json_path(parts), message)]
