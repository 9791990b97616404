"""Choices carried through (issue 23 point 5) and the statement of action as the letter gives it
(issue 22 point 4), in headless Chromium over the built site.

- With Police chosen, the calendar file, the spreadsheet, the print and the Annex A item lists
  hold only what the police take part in, name the police, survive a reload, and link to the
  tracker filtered the same way; the tracker's count names its filter.
- The framework's latest date for the statement of action is the headline; a date entered from
  the letter is saved, survives a reload (and the tracker saving the same dates), and drives the
  calendar file, the spreadsheet and the print.
- Dates saved before the letter's date existed read without loss.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import icalendar
import pytest
from browser_support import assert_no_outside_requests, date_boxes, fill_date_boxes, run_axe

pytestmark = pytest.mark.browser

DATES_KEY = "jtai-ready:planner-dates"


def open_planner(page, site_server: str):
    recorded = page(None, locale="en-GB")
    recorded.goto(f"{site_server}/planner.html")
    recorded.page.wait_for_selector("#planner-form:not([hidden])")
    return recorded


def make_plan(p, fieldwork_start: str, actual: str = "") -> None:
    p.check("#planner-mode-fieldwork")
    fill_date_boxes(p.locator("#planner-date"), fieldwork_start)
    p.click("#planner-form button[type=submit]")
    p.wait_for_selector("#planner-result:not([hidden])")
    if actual:
        fill_date_boxes(p.locator("#planner-actual"), actual)
        p.click("#planner-publication-form button[type=submit]")
        p.wait_for_selector("#plan-row-publication-actual")


def data(p) -> dict[str, Any]:
    return p.evaluate("() => window.JTAI.data.planner")


def agencies_of(milestone: dict[str, Any]) -> set[str]:
    return {milestone["lead"], *milestone["contributors"], *milestone["who"]} - {""}


def download(p, button: str) -> tuple[str, bytes]:
    with p.expect_download() as info:
        p.click(button)
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def events(raw: bytes) -> dict[str, Any]:
    calendar = icalendar.Calendar.from_ical(raw)
    return {str(e["UID"]).split(".", 1)[0]: e for e in calendar.walk("VEVENT")}


def row_date(p, row_id: str) -> str:
    return p.get_attribute(f"#plan-row-{row_id}", "data-date")


def status_has(p, text: str) -> None:
    p.wait_for_function(
        "t => document.querySelector('#planner-status').textContent.includes(t)", arg=text
    )


# ---------------------------------------------------------------------------------------------
# One agency's plan


def test_the_police_calendar_file_has_only_the_events_police_take_part_in(page, site_server):
    recorded = open_planner(page, site_server)
    p = recorded.page
    make_plan(p, "2024-05-20")
    _, everyone = download(p, "#planner-ics")
    p.select_option("#planner-agency", "police")
    status_has(p, "Police lead or contribute to")
    name, raw = download(p, "#planner-ics")
    assert name == "jtai-plan-notified-2024-05-03-police.ics"
    police = events(raw)
    milestones = {m["id"]: m for m in data(p)["milestones"]}
    for uid in police:
        if uid in milestones:
            assert "police" in agencies_of(milestones[uid]), f"{uid} is not a police event"
    wanted = {i for i, m in milestones.items() if "police" in agencies_of(m)}
    assert wanted <= set(police), wanted - set(police)
    assert "wk1-wed-twenty-children" in police, "the choice of 20 children starts police checks"
    assert "wk1-tue-ilacs-lists" not in police
    assert {"fieldwork", "statement-of-action"} <= set(police)
    assert len(police) < len(events(everyone))
    assert "Police" in str(icalendar.Calendar.from_ical(raw)["X-WR-CALNAME"])
    records = str(police["wk2-tue-case-records"]["DESCRIPTION"])
    assert "5 of 20, those Police lead or contribute to" in records

    name, csv = download(p, "#planner-csv")
    assert name == "jtai-plan-notified-2024-05-03-police.csv"
    assert len(csv.decode("utf-8-sig").strip().split("\r\n")) == len(police) + 1
    assert_no_outside_requests(recorded.requests, site_server)


def test_the_police_print_and_item_lists_name_the_police_and_the_choice_lasts(page, site_server):
    recorded = open_planner(page, site_server)
    p = recorded.page
    make_plan(p, "2024-05-20")
    p.select_option("#planner-agency", "police")
    status_has(p, "Police lead or contribute to")
    summary = p.inner_text("#plan-row-wk2-tue-case-records details summary")
    assert summary == "Annex A items due (5 of 20, Police’s)"
    labels = p.eval_on_selector_all(
        "#plan-row-wk2-tue-case-records .jtai-plan-items a", "as => as.map(a => a.textContent)"
    )
    assert len(labels) == 5 and all("audited children only" in t for t in labels)
    link = p.locator("#planner-tracker-link")
    assert link.get_attribute("href") == "tracker.html?agency=police"
    assert run_axe(p) == []

    p.emulate_media(media="print")
    assert p.is_visible("#planner-filter-note")
    assert "Police" in p.inner_text("#planner-filter-note")
    assert p.inner_text("#planner-wall h2") == "JTAI plan for Police: key dates at a glance"
    wall = p.inner_text("#planner-wall")
    assert "Four child-level lists due" not in wall and "Inspectors choose 20 children" in wall
    p.emulate_media(media="screen")

    p.reload()
    p.wait_for_selector("#planner-result:not([hidden])")
    assert p.input_value("#planner-agency") == "police"
    assert p.is_hidden("#plan-row-wk1-tue-ilacs-lists")
    assert p.inner_text("#planner-wall h2") == "JTAI plan for Police: key dates at a glance"

    link.click()
    p.wait_for_selector("#tracker-app:not([hidden])")
    assert p.input_value("#tracker-filter-agency") == "police"
    count = p.inner_text("#tracker-count")
    assert count.startswith("Showing ") and "Filtered to: Police (leads or contributes)." in count
    shown = p.eval_on_selector_all("tr.jtai-item:not([hidden])", "rows => rows.length")
    assert count.startswith(f"Showing {shown} of ")
    assert_no_outside_requests(recorded.requests, site_server)


def test_every_tracker_filter_is_named_in_its_count(page, site_server):
    recorded = page(None, locale="en-GB")
    recorded.goto(f"{site_server}/tracker.html")
    p = recorded.page
    p.wait_for_selector("#tracker-app:not([hidden])")
    assert p.inner_text("#tracker-count").endswith("items.")
    p.select_option("#tracker-filter-status", "not-ready")
    p.wait_for_function(
        "() => document.querySelector('#tracker-count').textContent.includes('not ready yet')"
    )
    p.select_option("#tracker-filter-agency", "health")
    p.wait_for_function(
        "() => document.querySelector('#tracker-count').textContent"
        ".includes('Filtered to: Health services (leads or contributes); not ready yet.')"
    )


# ---------------------------------------------------------------------------------------------
# The statement of action


def test_a_letter_date_entered_is_saved_and_drives_the_calendar_file(page, site_server):
    recorded = open_planner(page, site_server)
    p = recorded.page
    make_plan(p, "2024-05-20", "2024-07-18")
    assert row_date(p, "statement-of-action") == "2024-10-16", "final letter + 70 working days"
    assert p.inner_text("#planner-statement-framework") == "Wednesday 16 October 2024"
    assert p.inner_text("#planner-statement-usual") == "Friday 25 October 2024"
    assert "the one that counts" in p.inner_text("#plan-row-statement-of-action")

    fill_date_boxes(p.locator("#planner-letter"), "2024-10-25")
    p.click("#planner-letter-form button[type=submit]")
    status_has(p, "Statement of action date from your letter recorded: Friday 25 October 2024")
    assert row_date(p, "statement-of-action") == "2024-10-25"

    p.reload()
    p.wait_for_selector("#planner-result:not([hidden])")
    assert date_boxes(p.locator("#planner-letter")) == ("25", "10", "2024")
    assert row_date(p, "statement-of-action") == "2024-10-25"
    summary = {
        el.get_attribute("data-key"): el.inner_text()
        for el in p.query_selector_all("#planner-summary dd")
    }
    assert summary["statement"] == "Friday 25 October 2024"
    assert summary["statement-framework"] == "Wednesday 16 October 2024"
    _, raw = download(p, "#planner-ics")
    statement = events(raw)["statement-of-action"]
    assert statement.decoded("DTSTART") == dt.date(2024, 10, 25)
    assert "the date in your letter" in str(statement["SUMMARY"])
    _, csv = download(p, "#planner-csv")
    assert '"25/10/2024"' in csv.decode("utf-8-sig")
    p.emulate_media(media="print")
    assert "Friday 25 October 2024" in p.inner_text("#planner-wall")
    p.emulate_media(media="screen")
    assert run_axe(p) == []

    p.click("#planner-letter-clear")
    status_has(p, "the plan uses the framework’s latest date, Wednesday 16 October 2024")
    assert row_date(p, "statement-of-action") == "2024-10-16"
    assert_no_outside_requests(recorded.requests, site_server)


def test_a_wrong_letter_date_says_what_to_fix_and_changes_nothing(page, site_server):
    p = open_planner(page, site_server).page
    make_plan(p, "2024-05-20")
    fill_date_boxes(p.locator("#planner-letter"), "2024-10-25")
    p.click("#planner-letter-form button[type=submit]")
    status_has(p, "recorded")
    p.fill("#planner-letter-month", "13")
    p.click("#planner-letter-form button[type=submit]")
    p.locator("#planner-letter-error").wait_for(state="visible")
    assert row_date(p, "statement-of-action") == "2024-10-25"
    saved = json.loads(p.evaluate(f"() => localStorage.getItem('{DATES_KEY}')"))
    assert saved["letter_statement"] == "2024-10-25"


def test_dates_saved_before_the_letter_date_existed_read_without_loss(page, site_server):
    recorded = page(None, locale="en-GB")
    recorded.goto(f"{site_server}/planner.html")
    p = recorded.page
    old = {"mode": "fieldwork", "date": "2024-05-20", "actual_publication": "2024-07-18"}
    p.evaluate(f"v => localStorage.setItem('{DATES_KEY}', JSON.stringify(v))", old)
    p.reload()
    p.wait_for_selector("#planner-result:not([hidden])")
    assert row_date(p, "publication-actual") == "2024-07-18"
    assert date_boxes(p.locator("#planner-actual")) == ("18", "7", "2024")
    assert row_date(p, "statement-of-action") == "2024-10-16"


def test_the_tracker_saving_the_same_date_keeps_the_letter_date(page, site_server):
    p = open_planner(page, site_server).page
    make_plan(p, "2024-05-20")
    fill_date_boxes(p.locator("#planner-letter"), "2024-10-25")
    p.click("#planner-letter-form button[type=submit]")
    status_has(p, "recorded")
    p.goto(f"{site_server}/tracker.html")
    p.wait_for_selector("#tracker-app:not([hidden])")
    p.click("#tracker-date-form button[type=submit]")
    p.wait_for_function(
        "() => document.querySelector('#tracker-count') && "
        "JSON.parse(localStorage.getItem('" + DATES_KEY + "')).date === '2024-05-20'"
    )
    saved = json.loads(p.evaluate(f"() => localStorage.getItem('{DATES_KEY}')"))
    assert saved["letter_statement"] == "2024-10-25"
    p.goto(f"{site_server}/planner.html")
    p.wait_for_selector("#planner-result:not([hidden])")
    assert row_date(p, "statement-of-action") == "2024-10-25"
