"""The Python side of the rules the generator and the browser code share.

tests/vectors/shared-rules.json states each rule once; tests/js/shared-rules.test.js checks the
JS side against the same file. Here: deadline order and labels (generator/model.py Deadline),
clock text (model.clock) and dates in words (render.longdate, used by the pages and the
workbook). Each vector is also checked against Python's own calendar, so a wrong vector cannot
make both languages agree on a wrong answer.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from io import BytesIO

import pytest
from openpyxl import load_workbook
from paths import ROOT

from generator import render, workbook
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
