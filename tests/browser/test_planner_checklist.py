"""The planner's rows say who leads and who contributes, mark our reading and the bank-holiday
assumption, filter by agency; the notification-day checklist ticks, survives a reload and prints
alone on one A4 page. Headless Chromium over the built site; each check runs axe-core too.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from browser_support import assert_no_outside_requests, run_axe

pytestmark = pytest.mark.browser

A4 = {"format": "A4", "margin": {"top": "10mm", "bottom": "10mm", "left": "10mm", "right": "10mm"}}
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![s\w])")
CHECKLIST_KEY = "jtai-ready:planner-checklist"
MARKED = "() => document.documentElement.classList.contains('jtai-print-checklist')"


def open_planner(page, site_server: str):
    recorded = page(None, locale="en-GB")
    recorded.goto(f"{site_server}/planner.html")
    recorded.page.wait_for_selector("#planner-checklist-buttons:not([hidden])")
    return recorded


def make_plan(p, fieldwork_start: str) -> None:
    year, month, day = fieldwork_start.split("-")
    p.check("#planner-mode-fieldwork")
    p.fill("#planner-date-day", str(int(day)))
    p.fill("#planner-date-month", str(int(month)))
    p.fill("#planner-date-year", year)
    p.click("#planner-form button[type=submit]")
    p.wait_for_selector("#planner-result:not([hidden])")


def planner_data(p) -> dict[str, Any]:
    return p.evaluate("() => window.JTAI.data.planner")


def who(p, milestone_id: str) -> str:
    return p.inner_text(f"#plan-row-{milestone_id} .jtai-plan-who")


# ---------------------------------------------------------------------------------------------
# The plan's rows


def test_rows_show_the_lead_the_contributors_and_our_reading(page, site_server):
    p = open_planner(page, site_server).page
    make_plan(p, "2024-05-20")
    data = planner_data(p)
    short = {a["id"]: a["short_name"] for a in data["agencies"]}
    led = [m for m in data["milestones"] if m["lead"] and m["contributors"]]
    assert led, "the content has a milestone with a lead and contributors"
    for m in led:
        names = [f"{short[m['lead']]} (lead)"] + [short[c] for c in m["contributors"]]
        assert who(p, m["id"]) == ", ".join(names)
    assert who(p, "wk1-tue-separate-lists").startswith("Social care (lead), Police")
    ours = [m for m in data["milestones"] if m["our_reading"]]
    assert ours
    for m in ours:
        cell = p.inner_text(f"#plan-row-{m['id']} .jtai-plan-ours")
        assert cell.strip() == f"Our reading: {m['our_reading']}"
    plain = next(m for m in data["milestones"] if not m["our_reading"])
    assert p.locator(f"#plan-row-{plain['id']} .jtai-plan-ours").count() == 0
    link = p.locator("#plan-row-wk1-tue-ilacs-lists .jtai-source a")
    assert link.first.get_attribute("href") == "guidance.html#para-126"


def test_the_bank_holiday_rule_is_labelled_the_sites_assumption(page, site_server):
    p = open_planner(page, site_server).page
    make_plan(p, "2025-01-06")  # week 1 holds Christmas: a Wednesday deadline moves
    note = p.locator(".jtai-plan-note[data-code=on-a-holiday]")
    expected = planner_data(p)["rules"]["calendar"]["on_a_holiday_note"]
    assert "check with the lead inspector" in note.inner_text()
    assert expected in note.inner_text()
    moved = p.locator(".jtai-plan-row--moved .jtai-plan-moved", has_text="Moved to")
    assert moved.count() >= 1
    assert "the site’s assumption: check with the lead inspector" in moved.first.inner_text()


def test_the_agency_filter_shows_what_police_lead_or_contribute_to(page, site_server):
    recorded = open_planner(page, site_server)
    p = recorded.page
    make_plan(p, "2024-05-20")
    data = planner_data(p)
    police = [
        m["id"]
        for m in data["milestones"]
        if "police" in m["who"] or m["lead"] == "police" or "police" in m["contributors"]
    ]
    p.select_option("#planner-agency", "police")
    status = "document.querySelector('#planner-status').textContent"
    p.wait_for_function(f"() => {status}.includes('Police lead or contribute to')")
    shown = p.evaluate(
        """() => [...document.querySelectorAll('#planner-tables tr[data-agencies]')]
          .filter(tr => !tr.hidden && tr.dataset.agencies).map(tr => tr.id.slice(9))"""
    )
    assert sorted(shown) == sorted(police) and "wk1-tue-ilacs-lists" not in shown
    dates = [p.get_attribute(f"#plan-row-{i}", "data-date") for i in shown]
    assert dates == sorted(dates), "date order, week 1 first"
    assert p.is_visible("#plan-row-fieldwork") and p.is_hidden("#plan-row-wk1-tue-ilacs-lists")
    assert f"the {len(police)} dates" in p.evaluate(f"() => {status}")
    assert run_axe(p) == []
    p.select_option("#planner-agency", "")
    p.wait_for_selector("#plan-row-wk1-tue-ilacs-lists", state="visible")
    assert_no_outside_requests(recorded.requests, site_server)


# ---------------------------------------------------------------------------------------------
# The notification-day checklist


def test_the_checklist_ticks_survive_a_reload(page, site_server):
    recorded = open_planner(page, site_server)
    p = recorded.page
    tasks = planner_data(p)["checklist"]["tasks"]
    assert p.locator("#planner-checklist input[type=checkbox]").count() == len(tasks)
    p.check("#checklist-link-person")
    p.check("#checklist-rooms")
    p.wait_for_function(
        "() => document.querySelector('#planner-checklist-saved').textContent.includes('2 of')"
    )
    saved = json.loads(p.evaluate(f"() => localStorage.getItem('{CHECKLIST_KEY}')"))
    assert sorted(saved["ticked"]) == ["link-person", "rooms"]
    p.reload()
    p.wait_for_selector("#planner-checklist-buttons:not([hidden])")
    assert p.is_checked("#checklist-link-person") and p.is_checked("#checklist-rooms")
    assert not p.is_checked("#checklist-tell-scrutineer")
    p.uncheck("#checklist-rooms")
    p.reload()
    p.wait_for_selector("#planner-checklist-buttons:not([hidden])")
    assert not p.is_checked("#checklist-rooms") and p.is_checked("#checklist-link-person")
    p.click("#planner-checklist-clear")
    assert not p.is_checked("#checklist-link-person")
    assert not recorded.console_errors, recorded.console_errors


def test_a_damaged_or_old_saved_checklist_is_ignored(page, site_server):
    recorded = open_planner(page, site_server)
    p = recorded.page
    value = {"format": "jtai-ready-checklist", "version": 1, "ticked": {"gone": "x", "rooms": 5}}
    p.evaluate(f"v => localStorage.setItem('{CHECKLIST_KEY}', v)", json.dumps(value))
    p.reload()
    p.wait_for_selector("#planner-checklist-buttons:not([hidden])")
    assert p.locator("#planner-checklist input:checked").count() == 0
    p.evaluate(f"() => localStorage.setItem('{CHECKLIST_KEY}', '{{not json')")
    p.reload()
    p.wait_for_selector("#planner-checklist-buttons:not([hidden])")
    p.check("#checklist-rooms")
    assert not recorded.console_errors, recorded.console_errors


def test_the_checklist_cites_each_paragraph_and_marks_our_reading(page, site_server):
    p = open_planner(page, site_server).page
    for task in planner_data(p)["checklist"]["tasks"]:
        what = p.locator(f"#checklist-{task['id']}-what")
        hrefs = [a.get_attribute("href") for a in what.locator(".jtai-source a").all()]
        assert hrefs == [f"guidance.html#para-{n}" for n in task["paras"]], task["id"]
        ours = what.locator(".jtai-checklist__ours")
        if "our_reading" in task:
            assert ours.inner_text() == f"Our reading: {task['our_reading']}"
        else:
            assert ours.count() == 0


def test_the_checklist_prints_alone_on_one_a4_page(page, site_server):
    p = open_planner(page, site_server).page
    make_plan(p, "2024-05-20")
    p.check("#checklist-link-person")
    p.evaluate("() => { window.print = () => {}; }")
    p.click("#planner-checklist-print")
    assert p.evaluate(MARKED)
    p.emulate_media(media="print")
    text = p.inner_text(".md-content")
    p.emulate_media(media="null")
    assert "Name the link person" in text and "Book rooms" in text
    assert "Your dated plan" not in text and "Week 1:" not in text
    assert "How the dates are worked out" not in text
    assert len(PAGE_OBJECT.findall(p.pdf(**A4))) == 1
    # Printing fires afterprint, which puts the page back: a plain print is the plan.
    assert not p.evaluate(MARKED)
    p.emulate_media(media="print")
    plan = p.inner_text(".md-content")
    p.emulate_media(media="null")
    assert "Week 1:" in plan and "Name the link person" not in plan


def test_the_checklist_works_by_keyboard_and_is_accessible(page, site_server):
    p = open_planner(page, site_server).page
    p.focus("#checklist-link-person")
    p.keyboard.press("Space")
    assert p.is_checked("#checklist-link-person")
    p.keyboard.press("Tab")
    assert p.evaluate("() => document.activeElement.closest('.jtai-checklist__task') !== null")
    p.focus("#planner-checklist-clear")
    p.keyboard.press("Enter")
    assert not p.is_checked("#checklist-link-person")
    assert run_axe(p) == []
    p.set_viewport_size({"width": 320, "height": 640})
    assert p.evaluate("() => document.documentElement.scrollWidth") <= 320
