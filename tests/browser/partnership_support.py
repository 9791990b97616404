"""Fixtures and helpers for the Partnership view's browser tests (test_partnership.py).

Builds on assessment_support.py (the `sa_` fixtures: a built site, a local server, headless
Chromium, and a page factory that blocks and fails on requests to other hosts and on console
errors) and drives the self-assessment with test_assessment.py's own helpers. Fixture names start
with `pv_`.

- `pv_exports` (module): real exports made by the self-assessment itself. It opens
  self-assessment.html, and for five agencies fills in who is answering, rates a few criteria,
  writes evidence, adds actions and overrides through the form as a person would, then clicks
  "Save a copy to a file" and saves the download. A later police assessment (the same
  assessment, edited and exported again) is made for the comparison over time. Nothing here is
  hand-written JSON.
- `pv_open`: a factory giving a `PVPage` at partnership.html in a fresh browser context, with
  the clock fixed at `TODAY` (so "overdue" and the file names' dates are known), `confirm()`
  accepted, and the `sa_open` guards (no outside requests, no console errors).

The scenario (`SCENARIO`) and the grid it must give (`EXPECTED`) are worked out by hand from the
rules in partnership/aggregate.js and assessment/scoring.js; see the comments next to them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from assessment_support import SAPage, _guard
from browser_support import fill_date_boxes
from test_assessment import download, fill_answers, open_criterion

PV_PAGE = "partnership.html"
REPO = Path(__file__).resolve().parents[2]
PV_SCHEMA = REPO / "assessment" / "schemas" / "partnership-export.schema.json"

# The partnership page's clock: every test sees this as "now".
TODAY = dt.datetime(2025, 6, 2, 10, 0, 0)
TODAY_ISO = TODAY.date().isoformat()
PARTNERSHIP = "Anytown Safeguarding Children Partnership"

# The framework's agency order (criteria/syv-2023/framework.yml), then "jointly".
AGENCY_ORDER = ("social-care", "police", "health", "education", "youth-justice")
AGENCY_NAME = {
    "social-care": "Children’s social care (the local authority)",
    "police": "Police",
    "health": "Health services",
    "education": "Schools and education providers",
    "youth-justice": "Youth justice (the youth offending service or team)",
    "partnership": "The partnership, jointly",
}
OUTCOME = {
    "strength": "Strength",
    "no-significant-finding": "No significant finding",
    "area-for-improvement": "Area for improvement",
    "potential-priority-action": "Potential area for priority action",
}


def column(agency: str) -> str:
    """The grid's column key for an agency (aggregate.js columnKey)."""
    return f"agency:{agency}"


def all_(indicators: list[str], value: str) -> dict[str, str]:
    return dict.fromkeys(indicators, value)


EC1 = ["EC1.1", "EC1.2", "EC1.3", "EC1.4"]
POLICE_EVIDENCE = {
    "know": "Exploitation screening is done on most referrals at the front door.",
    "how": "Dip sample of 30 referrals, March 2025.",
    "doing": "Refreshing the screening tool with partners.",
}


@dataclass(frozen=True)
class Made:
    """One assessment the fixture makes: who answers, and what they enter through the form."""

    key: str
    title: str
    agency: str
    date: str
    answers: dict[str, Any]
    documents: dict[str, list[str]] = field(default_factory=dict)
    confidence: dict[str, str] = field(default_factory=dict)


# Five agencies, a few criteria each, with deliberate differences (scores by scoring.js: the mean
# of the rated values, consistently 4, mostly 3, partly 2, rarely 1; bands from 3.5, 2.5, 1.5, 1):
#   EC1  every agency rates it; police 4.00 Strength against health 2.00 Area for improvement:
#        two bands apart -> disagree.
#   EC2  social care and health 3.00 No significant finding, police 3.50 Strength: one band ->
#        differ; education leaves it unrated; youth justice answers "don't know" only.
#   EC3  five No significant findings (2.50 to 3.33): agree.
#   EC4  police 1.00 Potential priority action, health 4.00 overridden to Area for improvement
#        (with a reason): one band -> differ.
#   EC5  social care 1.00 Potential priority action, police 3.00 NSF: two bands -> disagree.
#   EC6  youth justice only: single.
SCENARIO: tuple[Made, ...] = (
    Made(
        key="social-care",
        title="Children’s social care",
        agency="social-care",
        date="2025-05-12",
        answers={
            "EC1": {
                "indicators": all_(EC1, "mostly"),
                "evidence": {"know": "Strategy meetings are held within 3 working days."},
            },
            "EC2": {"indicators": {"EC2.1": "mostly"}},
            "EC3": {"indicators": {"EC3.1": "mostly"}},
            "EC5": {
                "indicators": {"EC5.1": "rarely", "EC5.2": "rarely"},
                "actions": [
                    {
                        "what": "Joint audit of return home interviews",
                        "lead": "partnership",
                        "due": "2025-09-30",
                        "status": "not-started",
                    }
                ],
            },
        },
    ),
    Made(
        key="police",
        title="Police",
        agency="police",
        date="2025-01-15",
        answers={
            "EC1": {
                "indicators": all_(EC1, "consistently"),
                "evidence": POLICE_EVIDENCE,
                "actions": [
                    {
                        "what": "Refresh the exploitation screening tool",
                        "lead": "police",
                        "due": "2025-07-31",
                        "status": "in-progress",
                    }
                ],
            },
            "EC2": {
                "indicators": {"EC2.1": "consistently", "EC2.2": "mostly"},
                "actions": [
                    {
                        "what": "Set up a daily missing children briefing",
                        "lead": "police",
                        "due": "2025-04-30",
                        "status": "done",
                    }
                ],
            },
            "EC3": {"indicators": {"EC3.1": "mostly", "EC3.2": "partly"}},
            "EC4": {"indicators": {"EC4.1": "rarely"}},
            "EC5": {"indicators": {"EC5.1": "mostly"}},
        },
        documents={"EC1": ["A-list-4"]},
        confidence={"EC1": "high"},
    ),
    Made(
        key="health",
        title="Health services",
        agency="health",
        date="2025-05-20",
        answers={
            "EC1": {
                "indicators": all_(EC1, "partly"),
                "evidence": {"know": "Emergency department referrals rarely mention exploitation."},
                "actions": [
                    {
                        "what": "Train emergency department staff on exploitation referrals",
                        "lead": "health",
                        "due": "2025-05-30",
                        "status": "not-started",
                    }
                ],
            },
            "EC2": {"indicators": {"EC2.1": "mostly"}},
            "EC3": {"indicators": {"EC3.1": "mostly"}},
            "EC4": {
                "indicators": {"EC4.1": "consistently"},
                "override": {
                    "outcome": "area-for-improvement",
                    "reason": "Audit found gaps in ambulance referrals.",
                },
            },
        },
    ),
    Made(
        key="education",
        title="Schools",
        agency="education",
        date="2025-05-14",
        answers={
            "EC1": {
                "indicators": {
                    "EC1.1": "consistently",
                    "EC1.2": "mostly",
                    "EC1.3": "mostly",
                    "EC1.4": "mostly",
                },
                "actions": [
                    {
                        "what": "Agree a protocol for police in schools",
                        "lead": "police",
                        "due": "2025-06-20",
                        "status": "not-started",
                    }
                ],
            },
            "EC3": {
                "indicators": {"EC3.1": "mostly", "EC3.2": "mostly", "EC3.3": "consistently"},
                "actions": [
                    {
                        "what": "Share exclusion data with the front door weekly",
                        "lead": "education",
                        "due": "2025-06-30",
                        "status": "in-progress",
                    }
                ],
            },
        },
    ),
    Made(
        key="youth-justice",
        title="Youth justice",
        agency="youth-justice",
        date="2025-05-22",
        answers={
            "EC1": {
                "indicators": {
                    "EC1.1": "consistently",
                    "EC1.2": "consistently",
                    "EC1.3": "consistently",
                    "EC1.4": "mostly",
                }
            },
            "EC2": {"indicators": {"EC2.1": "dont-know", "EC2.2": "dont-know"}},
            "EC3": {"indicators": {"EC3.1": "mostly"}},
            "EC6": {
                "indicators": {"EC6.1": "mostly"},
                "actions": [
                    {
                        "what": "Review the out-of-court disposal panel",
                        "lead": "",
                        "due": "",
                        "status": "not-started",
                    }
                ],
            },
        },
    ),
)

# The police assessment, opened again months later and exported again (same ID, later save):
#   EC1 4.00 Strength -> 3.00 Area for improvement (half its statements Partly: down 2 bands);
#   EC2 unchanged (same); EC3 2.50 Area for improvement (held back) -> 3.50 Strength (up 2
#   bands); EC4 1.00 -> 2.00 Area for improvement (up); EC5 3.00 -> not assessed (gone);
#   EC7 newly rated 3.00 (new). The EC1 action is marked done; an EC7 action is added.
POLICE_LATER_DATE = "2025-05-28"
POLICE_LATER_CHANGES: dict[str, Any] = {
    "EC1": {"indicators": {"EC1.1": "partly", "EC1.2": "partly"}},
    "EC3": {"indicators": {"EC3.2": "consistently"}},
    "EC4": {"indicators": {"EC4.1": "partly"}},
    "EC5": {"indicators": {"EC5.1": ""}},
    "EC7": {
        "indicators": {"EC7.1": "mostly"},
        "actions": [
            {
                "what": "Brief neighbourhood teams on the referral pathway",
                "lead": "police",
                "due": "2025-08-29",
                "status": "not-started",
            }
        ],
    },
}

# ---------------------------------------------------------------------------------------------
# What the five files must give, worked by hand.
# cells: agency -> (outcome id or state, score text); spread: (low, [agencies]), median,
# (high, [agencies]). Ranks from the top: Strength 0, NSF 1, AfI 2, PPA 3.
EXPECTED: dict[str, dict[str, Any]] = {
    "EC1": {
        "status": "disagree",
        "gap": 2,
        "cells": {
            "social-care": ("no-significant-finding", "3.00"),
            "police": ("strength", "4.00"),
            "health": ("area-for-improvement", "2.00"),
            "education": ("no-significant-finding", "3.25"),  # (4 + 3 + 3 + 3) / 4
            "youth-justice": ("strength", "3.75"),  # (4 + 4 + 4 + 3) / 4
        },
        "top": ["police", "youth-justice"],
        "bottom": ["health"],
        # sorted 2.00 3.00 3.25 3.75 4.00: the median is the middle one
        "spread": (("2.00", ["health"]), "3.25", ("4.00", ["police"])),
    },
    "EC2": {
        "status": "differ",
        "gap": 1,
        "cells": {
            "social-care": ("no-significant-finding", "3.00"),
            "police": ("strength", "3.50"),  # (4 + 3) / 2 reaches 3.5 exactly
            "health": ("no-significant-finding", "3.00"),
            "education": ("not-assessed", None),
            "youth-justice": ("dont-know", None),
        },
        "spread": (("3.00", ["social-care", "health"]), "3.00", ("3.50", ["police"])),
    },
    "EC3": {
        "status": "differ",
        "gap": 1,
        "cells": {
            "social-care": ("no-significant-finding", "3.00"),
            # Mostly and Partly: half the statements Partly, so no better than an area for
            # improvement (assessment.yml weak_answers), though 2.50 alone would be NSF.
            "police": ("area-for-improvement", "2.50"),
            "health": ("no-significant-finding", "3.00"),
            "education": ("no-significant-finding", "3.33"),  # 10 / 3
            "youth-justice": ("no-significant-finding", "3.00"),
        },
        "spread": (("2.50", ["police"]), "3.00", ("3.33", ["education"])),
    },
    "EC4": {
        "status": "differ",
        "gap": 1,
        "cells": {
            "social-care": ("not-assessed", None),
            "police": ("potential-priority-action", "1.00"),
            "health": ("area-for-improvement", "4.00"),  # overridden from Strength
            "education": ("not-assessed", None),
            "youth-justice": ("not-assessed", None),
        },
        # two scores: the median is their mean, (1.00 + 4.00) / 2
        "spread": (("1.00", ["police"]), "2.50", ("4.00", ["health"])),
    },
    "EC5": {
        "status": "disagree",
        "gap": 2,
        "cells": {
            "social-care": ("potential-priority-action", "1.00"),
            "police": ("no-significant-finding", "3.00"),
            "health": ("not-assessed", None),
            "education": ("not-assessed", None),
            "youth-justice": ("not-assessed", None),
        },
        "top": ["police"],
        "bottom": ["social-care"],
        "spread": (("1.00", ["social-care"]), "2.00", ("3.00", ["police"])),
    },
    "EC6": {
        "status": "single",
        "gap": 0,
        "cells": {
            "social-care": ("not-assessed", None),
            "police": ("not-assessed", None),
            "health": ("not-assessed", None),
            "education": ("not-assessed", None),
            "youth-justice": ("no-significant-finding", "3.00"),
        },
        "spread": (("3.00", ["youth-justice"]), "3.00", ("3.00", ["youth-justice"])),
    },
}
FLAGGED = ["EC1", "EC5"]  # both two bands apart: criterion order
DIFFER = ["EC2", "EC3", "EC4"]
TOTALS = {"disagree": 2, "differ": 3, "agree": 0, "single": 1, "none": 15}
# Per column: criteria rated, don't know only, not assessed (of 21).
COVERAGE = {
    "social-care": (4, 0, 17),
    "police": (5, 0, 16),
    "health": (4, 0, 17),
    "education": (2, 0, 19),
    "youth-justice": (3, 1, 17),
}
# Actions by lead agency (framework order, then jointly, then none), soonest due first.
# Today is 2 June 2025: the health action due 30 May is overdue; the police one due 30 April
# is done, so it is not.
ACTION_GROUPS: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "police",
        [
            ("Set up a daily missing children briefing", "2025-04-30", "police"),
            ("Agree a protocol for police in schools", "2025-06-20", "education"),
            ("Refresh the exploitation screening tool", "2025-07-31", "police"),
        ],
    ),
    (
        "health",
        [("Train emergency department staff on exploitation referrals", "2025-05-30", "health")],
    ),
    ("education", [("Share exclusion data with the front door weekly", "2025-06-30", "education")]),
    ("partnership", [("Joint audit of return home interviews", "2025-09-30", "social-care")]),
    ("none", [("Review the out-of-court disposal panel", "", "youth-justice")]),
]
OVERDUE = "Train emergency department staff on exploitation referrals"

# The two police files compared.
COMPARE = {
    "up": ["EC3", "EC4"],
    "down": ["EC1"],
    "new": ["EC7"],
    "gone": ["EC5"],
    "same": ["EC2"],
}


# ---------------------------------------------------------------------------------------------
# Making the exports through the self-assessment


@dataclass
class Exports:
    """The files the self-assessment exported: by key, plus the later police version."""

    folder: Path
    paths: dict[str, Path]
    records: dict[str, dict[str, Any]]

    def five(self) -> list[Path]:
        return [self.paths[k] for k in AGENCY_ORDER]

    def text(self, key: str) -> str:
        return self.paths[key].read_text(encoding="utf-8")


def set_respondent(sa: SAPage, made: Made) -> None:
    page = sa.page
    page.click(".jtai-nav-btn[data-view=start]")
    who = page.locator(".jtai-respondent")
    who.get_by_label("Name of this assessment").fill(made.title)
    who.get_by_label("Partnership").fill(PARTNERSHIP)
    who.get_by_label("Answering for").select_option(made.agency)
    fill_date_boxes(who.get_by_role("group", name="Date of this assessment"), made.date)


def fill_extras(sa: SAPage, made: Made) -> None:
    """Annex A documents ticked and confidence chosen, as a person would."""
    for cid in sorted(set(made.documents) | set(made.confidence)):
        open_criterion(sa, cid)
        for doc in made.documents.get(cid, []):
            sa.page.check(f'.jtai-documents input[value="{doc}"]')
        if cid in made.confidence:
            sa.page.check(f'[data-group="confidence"] input[data-value="{made.confidence[cid]}"]')


def export_to(sa: SAPage, folder: Path, key: str) -> tuple[Path, dict[str, Any]]:
    _name, text = download(sa, "[data-action=save-copy]")
    path = folder / f"{key}.json"
    path.write_text(text, encoding="utf-8")
    return path, json.loads(text)


def make_exports(sa: SAPage, folder: Path) -> Exports:
    """Five agencies' assessments and a later police one, made and exported through the form."""
    paths: dict[str, Path] = {}
    records: dict[str, dict[str, Any]] = {}
    for n, made in enumerate(SCENARIO):
        if n:
            sa.page.click(".jtai-nav-btn[data-view=start]")
            sa.page.click("[data-action=new]")
        set_respondent(sa, made)
        fill_answers(sa, made.answers)
        fill_extras(sa, made)
        paths[made.key], records[made.key] = export_to(sa, folder, made.key)

    police_id = records["police"]["id"]
    sa.page.click(".jtai-nav-btn[data-view=start]")
    sa.page.click(f".jtai-saved-item[data-id={police_id}] [data-action=open]")
    sa.page.click(".jtai-nav-btn[data-view=start]")
    fill_date_boxes(
        sa.page.locator(".jtai-respondent").get_by_role("group", name="Date of this assessment"),
        POLICE_LATER_DATE,
    )
    fill_answers(sa, POLICE_LATER_CHANGES)
    open_criterion(sa, "EC1")
    action = sa.page.locator(".jtai-action").first
    action.locator("select").nth(1).select_option("done")
    paths["police-later"], records["police-later"] = export_to(sa, folder, "police-later")
    return Exports(folder, paths, records)


def _watch(sa: SAPage, context: Any) -> None:
    context.route("**/*", functools.partial(_guard, sa))
    context.on("request", lambda r: sa.requests.append(r.url))
    sa.page.on("console", lambda m: sa.errors.append(m.text) if m.type == "error" else None)
    sa.page.on("pageerror", lambda e: sa.errors.append(f"uncaught: {e}"))


@pytest.fixture(scope="module")
def pv_exports(sa_browser: Any, sa_origin: str, tmp_path_factory: Any) -> Exports:
    folder = tmp_path_factory.mktemp("agency-exports")
    context = sa_browser.new_context(
        viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="en-GB"
    )
    sa = SAPage(context.new_page(), sa_origin)
    _watch(sa, context)
    try:
        sa.load()
        made = make_exports(sa, folder)
    finally:
        context.close()
    if sa.blocked or sa.errors:
        pytest.fail(
            f"making the exports: blocked {sa.blocked}, console errors {sa.errors}", pytrace=False
        )
    return made


# ---------------------------------------------------------------------------------------------
# The Partnership view


@dataclass
class PVPage:
    """A page at the Partnership view (wrapping the guarded SAPage). Dialogs (confirm) are
    recorded in `dialogs` and accepted, or dismissed while `accept_dialogs` is False."""

    sa: SAPage
    dialogs: list[str] = field(default_factory=list)
    accept_dialogs: bool = True

    def _on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        if self.accept_dialogs:
            dialog.accept()
        else:
            dialog.dismiss()

    @property
    def page(self) -> Any:
        return self.sa.page

    @property
    def url(self) -> str:
        return f"{self.sa.origin}/{PV_PAGE}"

    def open(self) -> PVPage:
        self.page.goto(self.url)
        self.page.wait_for_selector("#jtai-partnership[data-ready=true]")
        return self

    def show(self, view: str) -> Any:
        self.page.click(f".jtai-pv-nav-btn[data-view={view}]")
        section = self.page.locator(f"section.jtai-pv-view[data-view={view}]")
        section.wait_for(state="visible")
        return section

    def status_html(self) -> str:
        return self.page.evaluate(
            "() => { const s = document.querySelector('.jtai-pv-load-status');"
            " return s ? s.innerHTML : ''; }"
        )

    def wait_for_status(self, names: list[str], before: str) -> dict[str, tuple[str, str]]:
        """Wait until the load status changed and names every file; {name: (class, text)}."""
        self.page.wait_for_function(
            """([names, before]) => {
                 const s = document.querySelector('.jtai-pv-load-status');
                 if (!s || s.innerHTML === before) return false;
                 const shown = Array.from(s.querySelectorAll('li[data-file]'))
                   .map(li => li.dataset.file);
                 return names.every(n => shown.includes(n));
               }""",
            arg=[names, before],
        )
        return self.status()

    def status(self) -> dict[str, tuple[str, str]]:
        items = self.page.locator(".jtai-pv-load-status li[data-file]").evaluate_all(
            """els => els.map(li => [li.dataset.file,
                 ['is-added', 'is-partly', 'is-skipped', 'is-refused']
                   .filter(c => li.classList.contains(c)).join(' '),
                 li.innerText])"""
        )
        return {name: (cls, text) for name, cls, text in items}

    def wait_for_preview(self, names: list[str]) -> dict[str, str]:
        """Wait until the preview of a load names every file; {name: its text}."""
        self.page.wait_for_function(
            """names => {
                 const p = document.querySelector('.jtai-pv-preview');
                 if (!p) return false;
                 const shown = Array.from(p.querySelectorAll('li[data-file]'))
                   .map(li => li.dataset.file);
                 return names.every(n => shown.includes(n));
               }""",
            arg=names,
        )
        items = self.page.locator(".jtai-pv-preview li[data-file]").evaluate_all(
            "els => els.map(li => [li.dataset.file, li.innerText])"
        )
        return dict(items)

    def confirm_load(self, names: list[str], before: str) -> dict[str, tuple[str, str]]:
        """With the preview showing `names`, choose "Load these" and wait for the result."""
        self.wait_for_preview(names)
        self.page.click(".jtai-pv-preview [data-action=confirm-load]")
        return self.wait_for_status(names, before)

    def load(self, paths: list[Path]) -> dict[str, tuple[str, str]]:
        """Choose files with the file input, as a person would, confirm the preview of what
        loading them would do, and wait for the result."""
        self.show("load")
        before = self.status_html()
        self.page.set_input_files(
            "input[type=file][data-action=load-files]", [str(p) for p in paths]
        )
        return self.confirm_load([p.name for p in paths], before)

    def loaded_count(self) -> int:
        return self.page.evaluate("() => JTAI.apps.partnership.set.length")

    def grid_columns(self) -> list[str]:
        self.show("agencies")
        return self.page.locator("table.jtai-pv-grid thead th[data-column]").evaluate_all(
            "els => els.map(e => e.dataset.column)"
        )

    def cell(self, cid: str, agency: str) -> Any:
        return self.page.locator(
            f'table.jtai-pv-grid tbody tr[data-criterion={cid}] td[data-column="{column(agency)}"]'
        )

    def download(self, selector: str) -> tuple[str, bytes]:
        with self.page.expect_download() as info:
            self.page.click(selector)
        dl = info.value
        return dl.suggested_filename, Path(dl.path()).read_bytes()

    def storage(self) -> dict[str, str]:
        """Everything in localStorage (any key)."""
        return self.page.evaluate(
            "() => Object.fromEntries(Object.keys(localStorage)"
            ".map(k => [k, localStorage.getItem(k)]))"
        )

    def no_horizontal_scroll(self) -> bool:
        return self.sa.no_horizontal_scroll()


@pytest.fixture
def pv_open(sa_open: Callable[..., SAPage]) -> Iterator[Callable[..., PVPage]]:
    """pv_open(width=1280, height=900, sa=None): a PVPage (on `sa`'s page when given, so
    sharing its localStorage), clock fixed at TODAY, confirm() recorded and answered."""

    def open_pv(width: int = 1280, height: int = 900, sa: SAPage | None = None) -> PVPage:
        if sa is None:
            sa = sa_open(width=width, height=height, load=False)
        sa.page.clock.set_fixed_time(TODAY)
        pv = PVPage(sa)
        sa.page.on("dialog", pv._on_dialog)
        return pv.open()

    yield open_pv


def copy_as(source: Path, folder: Path, name: str) -> Path:
    target = folder / name
    shutil.copyfile(source, target)
    return target
