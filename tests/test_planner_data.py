"""The preparation planner's data, bank holidays and the Annex A workbook.

- The bank holidays in the planner's data (JTAI.data.planner) are the `holidays` package's
  for England and Wales, with criteria/holidays.yml's additions and removals applied.
- The date vectors the Node tests use agree with an independent count in Python.
- The Excel workbook opens with openpyxl and has its drop-downs.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import holidays
import pytest
from clocks import FIRST, SECOND, clock
from openpyxl import load_workbook
from paths import CONTENT, ROOT

from generator import bank_holidays, model, pipeline, planner, render, workbook

pytestmark = pytest.mark.syv  # about the real serious youth violence content

VECTORS = ROOT / "tests" / "vectors" / "dates.json"


def build_site(content: Path) -> model.Site:
    checked = pipeline.check(content, content.parent)
    assert not checked.problems, "\n".join(map(str, checked.problems))
    return model.build(checked.docs, content)


@pytest.fixture(scope="module")
def site() -> model.Site:
    return build_site(CONTENT)


@pytest.fixture(scope="module")
def data(site: model.Site) -> dict:
    return planner.planner_data(site)


def package_days(first: int, last: int) -> dict[str, str]:
    found = holidays.country_holidays("GB", subdiv="ENG", years=range(first, last + 1))
    return {d.isoformat(): name for d, name in found.items() if d.weekday() < 5}


# ---------------------------------------------------------------------------------------------
# Bank holidays


def test_bank_holidays_are_the_package_s_for_england_and_wales(data):
    h = data["holidays"]
    assert (h["region"], h["first_year"], h["last_year"]) == ("England and Wales", 2020, 2040)
    assert dict(h["days"]) == package_days(2020, 2040)
    assert [d for d, _ in h["days"]] == sorted(d for d, _ in h["days"])
    assert all(dt.date.fromisoformat(d).weekday() < 5 for d, _ in h["days"]), (
        "weekends are never listed"
    )
    days = dict(h["days"])
    for day in ("2024-05-06", "2024-05-27", "2023-05-08", "2022-09-19", "2020-05-08", "2040-12-25"):
        assert day in days, day
    assert "2020-05-04" not in days and "2022-05-30" not in days
    assert h["source"].startswith("holidays ") and h["source"].endswith("(GB-ENG)")


def test_the_override_file_adds_and_removes_single_dates(content_copy):
    path = content_copy / "holidays.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "add: []",
        'add:\n  - date: "2026-06-08"\n    name: "Example one-off bank holiday"\n'
        '    reason: "A test: announced by the government on 1 January 2026."',
    )
    text = text.replace(
        "remove: []",
        'remove:\n  - date: "2026-05-25"\n'
        '    reason: "A test: moved by proclamation to 8 June 2026."',
    )
    path.write_text(text, encoding="utf-8")
    site = build_site(content_copy)
    days = {h.date: h for h in site.holidays.days}
    assert days["2026-06-08"].name == "Example one-off bank holiday"
    assert days["2026-06-08"].source == "added"
    assert "2026-05-25" not in days
    data = planner.planner_data(site)
    assert ["2026-06-08", "Example one-off bank holiday"] in data["holidays"]["days"]
    assert data["holidays"]["removed"] == [
        {"date": "2026-05-25", "reason": "A test: moved by proclamation to 8 June 2026."}
    ]
    page = render.render(site).pages["planner.md"]
    assert "Added 8 June 2026, Example one-off bank holiday" in page
    assert "Not a bank holiday: 25 May 2026." in page


def test_the_override_file_sets_region_and_years(content_copy):
    path = content_copy / "holidays.yml"
    text = (
        path.read_text(encoding="utf-8")
        .replace("first: 2020", "first: 2023")
        .replace("last: 2040", "last: 2025")
    )
    path.write_text(text, encoding="utf-8")
    site = build_site(content_copy)
    assert (site.holidays.first_year, site.holidays.last_year) == (2023, 2025)
    assert {h.date for h in site.holidays.days} == set(package_days(2023, 2025))


def test_without_the_override_file_england_and_wales_2020_to_2040(content_copy):
    (content_copy / "holidays.yml").unlink()
    site = build_site(content_copy)
    assert site.holidays.region == "England and Wales"
    assert {h.date for h in site.holidays.days} == set(package_days(2020, 2040))


def test_bank_holiday_problems_name_the_file_line_and_date(content_copy):
    path = content_copy / "holidays.yml"
    text = path.read_text(encoding="utf-8").replace(
        "remove: []",
        'remove:\n  - date: "2026-06-02"\n    reason: "A test: this is no bank holiday."',
    )
    path.write_text(text, encoding="utf-8")
    problems = [str(p) for p in pipeline.check(content_copy, content_copy.parent).problems]
    assert len(problems) == 1, problems
    assert problems[0].startswith("criteria/holidays.yml:")
    assert (
        "$.remove[0].date: 2026-06-02 is not a bank holiday in the holidays package" in problems[0]
    )


def test_an_unknown_region_is_reported(content_copy):
    path = content_copy / "holidays.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("subdivision: ENG", "subdivision: XYZ"),
        encoding="utf-8",
    )
    problems = [str(p) for p in pipeline.check(content_copy, content_copy.parent).problems]
    assert any("the holidays package has no bank holidays for GB-XYZ" in p for p in problems), (
        problems
    )


# ---------------------------------------------------------------------------------------------
# The planner's data


def test_planner_data_carries_the_framework_s_rules(data, site):
    fw = site.framework
    rules = data["rules"]
    assert rules["notice_working_days"] == 10 and rules["notification_weekday"] == "monday"
    assert rules["calendar"]["publication_timescale"] == "letter-published"
    assert rules["calendar"]["final_letter_timescale"] == "final-letter"
    assert [t["working_days"] for t in data["letter"]] == [15, 24, 31, 34]
    assert data["statement_of_action"] == {
        "working_days": 70,
        "counted_from": "final-letter",  # paragraph 121: "of receiving the final letter"
        "paras": [120, 121, 122],
    }
    assert data["complaints"]["working_days_after_publication"] == 10
    assert len(data["milestones"]) == len(fw.milestones)


def test_every_annex_a_item_has_its_deadline_agency_and_criteria(data, site):
    items = data["annex_a"]
    assert [i["id"] for i in items] == [i.id for i in site.framework.annex_items if not i.retired]
    agencies = {a["id"] for a in data["agencies"]}
    for item in items:
        assert item["agency"] in agencies, item["id"]
        weeks = (3,) if item["deadline"]["on_site"] else (1, 2)
        assert item["deadline"]["week"] in weeks and item["deadline"]["label"], item["id"]
        assert set(item["contributors"]) <= agencies - {item["agency"]}, item["id"]
        assert item["criteria"], item["id"]
        for c in item["criteria"]:
            assert c["url"] == f"criteria/{c['id'].lower()}.html"
        assert item["url"].startswith("annex-a/index.html#a-")


def test_the_generated_pages_and_assets(site):
    generated = render.render(site)
    assert "planner.md" in generated.pages and "tracker.md" in generated.pages
    bundle = generated.assets["assets/assessment/planner.js"]
    assert 'self.JTAI.data["planner"] = ' in bundle
    assert "/* ---- assessment/lib/dates.js ---- */" in bundle
    assert isinstance(generated.binaries[planner.XLSX_PATH], bytes)
    assert generated.files()[planner.XLSX_PATH] == generated.binaries[planner.XLSX_PATH]
    tracker = generated.pages["tracker.md"]
    assert "(assets/planner/annex-a-tracker.xlsx)" in tracker
    assert f"the {len(site.framework.annex_items)} items" in tracker
    page = generated.pages["planner.md"]
    assert "may take place earlier if there is a bank holiday in week 1 or 2" in page
    assert site.framework.after.statement_of_action.practice_note in page
    assert "\napp: planner\n" in page and 'data-jtai-app="planner"' in page


def test_the_generator_writes_the_workbook_as_bytes(site, tmp_path):
    out = tmp_path / "generated"
    pipeline.write(render.render(site), out)
    book = load_workbook(out / planner.XLSX_PATH)
    assert "Annex A tracker" in book.sheetnames
    assert (
        (out / "assets/assessment/planner.js")
        .read_text(encoding="utf-8")
        .startswith("/* Generated")
    )


# ---------------------------------------------------------------------------------------------
# The Node tests' vectors


def add_working_days(day: dt.date, count: int, closed: set[dt.date]) -> dt.date:
    step = 1 if count >= 0 else -1
    for _ in range(abs(count)):
        day += dt.timedelta(days=step)
        while day.weekday() >= 5 or day in closed:
            day += dt.timedelta(days=step)
    return day


def test_the_date_vectors_agree_with_an_independent_count():
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    closed = {dt.date.fromisoformat(d) for d in package_days(2020, 2040)}
    wrong = []
    for v in vectors["working_days"]:
        got = add_working_days(dt.date.fromisoformat(v["from"]), v["days"], closed).isoformat()
        if got != v["expect"]:
            wrong.append(
                f"{v['from']} {v['days']:+d}: vectors say {v['expect']}, Python says {got}"
            )
    for v in vectors["bank_holidays"]:
        if (dt.date.fromisoformat(v["date"]) in closed) != v["holiday"]:
            wrong.append(f"{v['date']}: vectors say holiday={v['holiday']}")
    for v in vectors["schedules"]:
        if "fieldwork_start" in v["input"] and v["input"]["fieldwork_start"] < "2041":
            start = dt.date.fromisoformat(v["input"]["fieldwork_start"])
            got = add_working_days(start, -10, closed).isoformat()
            if got != v["expect"]["notification"]:
                wrong.append(f"{v['name']}: notification {got}")
    assert not wrong, "\n".join(wrong)


def test_the_somerset_case_is_in_the_vectors():
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    pairs = {(v["from"], v["days"], v["expect"]) for v in vectors["working_days"]}
    assert ("2024-05-24", 34, "2024-07-12") in pairs
    assert ("2024-07-18", 70, "2024-10-25") in pairs
    assert dt.date(2024, 7, 12).strftime("%A") == dt.date(2024, 10, 25).strftime("%A") == "Friday"


# ---------------------------------------------------------------------------------------------
# The Excel workbook


@pytest.fixture(scope="module")
def book(site):
    return load_workbook(io.BytesIO(workbook.workbook_bytes(site)))


def test_the_workbook_has_one_row_per_annex_a_item(book, site):
    ws = book["Annex A tracker"]
    header = [c.value for c in ws[1]]
    assert header == [h for h, _ in workbook.COLUMNS]
    items = [i for i in site.framework.annex_items if not i.retired]
    assert ws.max_row == len(items) + 1
    assert [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)] == [
        i.id for i in items
    ]
    assert {ws.cell(row=r, column=workbook.STATUS_COL).value for r in range(2, ws.max_row + 1)} == {
        "Not started"
    }
    names = {a.name for a in site.framework.agencies}
    assert {
        ws.cell(row=r, column=workbook.AGENCY_COL).value for r in range(2, ws.max_row + 1)
    } <= names
    assert ws.cell(row=2, column=6).value == "5pm Tuesday, week 1"
    contributing = [h for h, _ in workbook.COLUMNS].index("Contributing agencies") + 1
    sep = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == "A-sep-1")
    assert ws.cell(row=sep, column=contributing).value == (
        "Police, Health services, Schools and education providers, "
        "Youth justice (the youth offending service or team)"
    )


def test_the_workbook_has_drop_downs_for_status_and_agency(book, site):
    ws = book["Annex A tracker"]
    last = ws.max_row
    lists = book["Lists"]
    found = {}
    for dv in ws.data_validations.dataValidation:
        found[str(dv.sqref)] = dv
    status = found[f"H2:H{last}"]
    assert status.type == "list" and status.formula1 == "=Lists!$A$2:$A$5"
    statuses = [s.label for s in site.framework.timeline.tracker.statuses]
    assert [lists.cell(row=r, column=1).value for r in range(2, 6)] == statuses
    assert status.prompt == "Not started, In progress, Ready or Not applicable"
    agency = found[f"E2:E{last}"]
    assert agency.type == "list"
    rows = len(site.framework.agencies) + 1
    assert agency.formula1 == f"=Lists!$B$2:$B${rows}"
    assert [lists.cell(row=r, column=2).value for r in range(2, rows + 1)] == [
        a.name for a in site.framework.agencies
    ]
    assert found[f"K2:K{last}"].type == "date"
    assert all(dv.showErrorMessage for dv in found.values())


def test_the_workbook_freezes_the_header_and_sets_widths(book):
    ws = book["Annex A tracker"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:M{ws.max_row}"
    for i, (_, width) in enumerate(workbook.COLUMNS, start=1):
        assert ws.column_dimensions[chr(64 + i)].width == width
    assert ws["A1"].font.bold


def test_the_workbook_is_the_same_bytes_every_build(site):
    """Built years apart in two time zones: no "now" leaks into the zip or its properties."""
    with clock(FIRST):
        first = workbook.workbook_bytes(site)
    with clock(SECOND):
        second = workbook.workbook_bytes(site)
    assert first == second


def test_workbook_text_is_never_a_formula():
    assert workbook.safe("=SUM(A1)") == "'=SUM(A1)"
    assert workbook.safe("-1") == "'-1"
    assert workbook.safe("List 4") == "List 4"


def test_bank_holidays_module_defaults():
    h = bank_holidays.build(None)
    assert (h.country, h.subdivision, h.first_year, h.last_year) == ("GB", "ENG", 2020, 2040)


def test_the_tracker_page_reads_the_workbooks_sheet_and_headings():
    """assessment/tracker/sheet.js finds the sheet and its columns by name, and writes one agency's
    workbook with the same columns: they must be the generator's."""
    source = (ROOT / "assessment" / "tracker" / "sheet.js").read_text(encoding="utf-8")
    sheet = re.search(r'var SHEET = "([^"]+)";', source)
    block = re.search(r"var COLUMNS = \{(.*?)\};", source, re.S)
    assert sheet and block
    assert sheet.group(1) == workbook.SHEET_TITLE
    read = re.findall(r'\w+: "([^"]+)"', block.group(1))
    assert len(read) == 6
    assert set(read) <= {heading for heading, _ in workbook.COLUMNS}
    written = re.search(r"var WORKBOOK_COLUMNS = \[(.*?)\];", source, re.S)
    assert written, "the columns of the workbook the page writes"
    columns = [(h, int(w)) for h, w in re.findall(r'\["([^"]+)", (\d+)\]', written.group(1))]
    assert columns == list(workbook.COLUMNS), "the page writes the same columns as the generator"
