"""The content audit's rules (issue 22 point 5), one test per rule, each listing every offender.

- The notification-day task that asks for the Annex A information lists every request due
  before fieldwork.
- An inspectors' milestone that starts a deadline names every agency in that deadline, so each
  agency sees the window it takes part in (choose 20 children -> checks due 24 hours later).
- An agency guide's criteria include every criterion the Annex A items it leads help to show.
- Every case-record item says it is only for the audited children.
- The Three weeks page links Annex A items by name, never by internal ID.
- A lead agency the framework does not name is marked as our reading.
- The workbook and the planner give one definition of week 1, from the framework's data.
"""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from generator import model, render, workbook

pytestmark = pytest.mark.syv  # about the real serious youth violence content


@pytest.fixture(scope="module")
def pages(site: model.Site) -> dict[str, str]:
    return render.render(site).pages


def _requests_before_fieldwork(fw: model.Framework) -> list[model.Milestone]:
    fieldwork = fw.timeline.rules.fieldwork_week
    return [m for m in fw.milestones if m.by == "local" and m.annex_a and m.week < fieldwork]


def test_the_information_request_task_lists_every_request_before_fieldwork(fw, pages):
    page = pages["planner.md"]
    listed = re.search(r'<ul class="jtai-checklist__requests"[^>]*>(.*?)</ul>', page, re.S)
    assert listed, "no task lists the Annex A requests"
    found = re.findall(r'data-milestone="([^"]+)"', listed.group(1))
    expected = [m.id for m in _requests_before_fieldwork(fw)]
    assert {m.week for m in _requests_before_fieldwork(fw)} == {1, 2}
    assert sorted(found) == sorted(expected), f"missing: {set(expected) - set(found)}"
    for m in _requests_before_fieldwork(fw):
        assert f"{m.deadline}:</strong> {m.title}" in listed.group(1), m.id


def test_a_milestone_that_starts_a_deadline_names_every_agency_in_it(fw):
    by_id = {m.id: m for m in fw.milestones}
    offenders = [
        f"{m.id} -> {target}: {sorted(set(by_id[target].who) - set(m.who))}"
        for m in fw.milestones
        for target in m.leads_to
        if not set(by_id[target].who) <= set(m.who)
    ]
    assert not offenders, offenders
    late = [
        f"{m.id} -> {t}"
        for m in fw.milestones
        for t in m.leads_to
        if by_id[t].deadline.sort_key <= m.deadline.sort_key
    ]
    assert not late, f"a deadline comes before what starts it: {late}"


def test_inspectors_choosing_children_start_the_checks_and_audits(fw):
    """Every inspectors' milestone followed by a deadline on the same paragraph says so."""
    by_id = {m.id: m for m in fw.milestones}
    assert "wk1-thu-twenty-details" in by_id["wk1-wed-twenty-children"].leads_to
    for agency in ("police", "health", "youth-justice"):
        assert agency in by_id["wk1-wed-twenty-children"].who, agency


def test_each_agency_guide_sees_the_windows_it_takes_part_in(fw, pages):
    """An agency in a deadline sees, in its guide, the choice that starts it."""
    missing = [
        f"{agency}: {m.id}"
        for m in fw.milestones
        for t in m.leads_to
        for agency in next(x for x in fw.milestones if x.id == t).who
        if f"(../three-weeks.md#{m.id})" not in pages[f"guides/{agency}.md"]
    ]
    assert not missing, missing


def test_agency_guides_include_the_criteria_their_led_items_show(fw, pages):
    offenders = []
    for g in fw.guides:
        page = pages[f"guides/{g.agency}.md"]
        section = page.split("## The criteria that concern you most", 1)[1].split("\n## ", 1)[0]
        led = [i for i in fw.annex_items if i.agency == g.agency and not i.retired]
        shown = sorted({c for i in led for c in i.criteria})
        offenders += [f"{g.agency}: {c}" for c in shown if f"[{c}](../criteria/" not in section]
    assert not offenders, offenders


def test_the_police_guide_names_ec15_ec16_and_ec19(pages):
    section = pages["guides/police.md"].split("## The criteria that concern you most", 1)[1]
    section = section.split("\n## ", 1)[0]
    for c in ("EC15", "EC16", "EC19"):
        assert f"[{c}](../criteria/{c.lower()}.md)" in section, c


def test_every_case_record_item_says_it_is_for_the_audited_children_only(fw):
    case_records = [i for i in fw.annex_items if i.id.startswith("A-case-")]
    assert len(case_records) >= 20
    offenders = [i.id for i in case_records if "audited children only" not in i.label]
    assert not offenders, offenders


def test_the_three_weeks_page_links_items_by_name_not_id(fw, pages):
    page = pages["three-weeks.md"]
    ids = [i.id for i in fw.annex_items]
    as_text = [i for i in ids if f"[{i}](" in page]
    assert not as_text, as_text
    for line in (ln for ln in page.splitlines() if ln.startswith("Annex A information due:")):
        for text, _ in re.findall(r"\[([^\]]+)\]\(annex-a/index\.md#([^)]+)\)", line):
            assert not re.fullmatch(r"A-[\w.-]+", text), text


def test_a_lead_the_framework_does_not_name_is_marked_our_reading(fw, pages):
    unnamed = [
        i
        for s in fw.annex_sections
        for i in s.items
        if s.provider.lower().startswith("the local agencies") and len(i.agencies) > 1
    ]
    assert unnamed, "expected the audits and the meetings"
    offenders = [i.id for i in unnamed if not i.agency_our_reading]
    assert not offenders, offenders
    page = pages["annex-a/index.md"]
    for i in unnamed:
        block = page.split("{#" + i.id.lower().replace(".", "-") + "}", 1)[1].split("\n### ", 1)[0]
        assert "(our reading: " in block, i.id


def test_the_workbook_defines_week_1_as_the_planner_does(site, pages):
    explanation = site.framework.timeline.rules.calendar.explanation
    book = load_workbook(io.BytesIO(workbook.workbook_bytes(site)))
    about = [str(row[0] or "") for row in book["About"].iter_rows(values_only=True)]
    assert any(explanation in t for t in about)
    assert not any("week 1 starts on the day inspectors notify you" in t for t in about)
    assert explanation in pages["planner.md"]
