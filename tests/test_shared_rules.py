"""The Python side of the rules the generator and the browser code share.

tests/vectors/shared-rules.json states each rule once; tests/js/shared-rules.test.js checks the
JS side against the same file. Here: deadline order and labels (generator/model.py Deadline),
clock text (model.clock) and dates in words (render.longdate, used by the pages and the
workbook). Each vector is also checked against Python's own calendar, so a wrong vector cannot
make both languages agree on a wrong answer. Last, the tracker's statuses and due-soon window
come from timeline.yml alone.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from io import BytesIO

import pytest
import yaml
from openpyxl import load_workbook
from paths import CONTENT, ROOT

from generator import pipeline, planner, render, render_data, workbook
from generator.model import Deadline, clock

VECTORS = json.loads((ROOT / "tests" / "vectors" / "shared-rules.json").read_text("utf-8"))
DEADLINES = VECTORS["deadline_order"]["deadlines"]
DATES = VECTORS["long_dates"]["dates"]


def deadline(v: dict) -> Deadline:
    return Deadline(v["week"], v["weekday"], v["time"])


def test_deadlines_sort_in_the_vectors_order_with_no_weekday_last():
    for shuffled in (list(reversed(DEADLINES)), DEADLINES[1::2] + DEADLINES[::2]):
        ordered = sorted(shuffled, key=lambda v: deadline(v).sort_key)
        assert [v["label"] for v in ordered] == [v["label"] for v in DEADLINES]


@pytest.mark.parametrize("v", DEADLINES, ids=lambda v: v["label"])
def test_deadline_labels(v):
    assert str(deadline(v)) == v["label"]


@pytest.mark.parametrize(("time", "text"), VECTORS["clock"]["times"])
def test_clock_text(time, text):
    assert clock(time) == text


@pytest.mark.parametrize("v", DATES, ids=lambda v: v["iso"])
def test_dates_in_words(v):
    assert render.longdate(v["iso"]) == v["date"]
    day = dt.date.fromisoformat(v["iso"])
    assert v["date"] == f"{day.day} {day:%B %Y}"
    assert v["day_date"] == f"{day:%A} {v['date']}"
    assert v["short"] == f"{day:%a} {day.day} {day:%b %Y}"


def test_the_workbook_writes_the_guidance_date_in_the_same_words(site):
    early = replace(site, framework=replace(site.framework, version_date="2024-05-06"))
    about = load_workbook(BytesIO(workbook.workbook_bytes(early)))["About"]
    assert "(updated 6 May 2024)." in about["A2"].value  # not "06 May 2024"


# Tracker statuses and the due-soon window have one source, the tracker block of timeline.yml:
# the workbook and the tracker page's text read it here, the page's script through the planner
# data (tests/js/tracker.test.js changes the data and sees the script follow).


def test_the_planner_data_carries_the_tracker_block(site):
    data = render_data.browser_data(site)["planner"]
    timeline = yaml.safe_load((CONTENT / "syv-2023" / "timeline.yml").read_text("utf-8"))
    assert data["tracker"] == timeline["tracker"]  # as the file gives it
    assert [s["id"] for s in data["tracker"]["statuses"]] == [
        "not-started",
        "in-progress",
        "ready",
        "not-applicable",
    ]


def test_the_workbook_and_the_tracker_page_follow_timeline_yml(content_copy):
    timeline = content_copy / "syv-2023" / "timeline.yml"
    text = timeline.read_text(encoding="utf-8")
    text = text.replace("      label: Ready\n", "      label: Sent\n")
    text = text.replace("due_soon_working_days: 2", "due_soon_working_days: 3")
    timeline.write_text(text, encoding="utf-8")
    generated = pipeline.generate(content_copy, content_copy.parent)
    book = load_workbook(BytesIO(generated.binaries[planner.XLSX_PATH]))
    assert [book["Lists"].cell(row=r, column=1).value for r in range(2, 6)] == [
        "Not started",
        "In progress",
        "Sent",
        "Not applicable",
    ]
    prompts = [dv.prompt for dv in book["Annex A tracker"].data_validations.dataValidation]
    assert "Not started, In progress, Sent or Not applicable" in prompts
    assert "Due soon (today or within 3 working days)" in generated.pages["tracker.md"]
    assert generated.browser_data["planner"]["tracker"]["due_soon_working_days"] == 3
