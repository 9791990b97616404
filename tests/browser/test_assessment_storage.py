"""Nothing typed in the self-assessment is ever lost (issue 11): every state the form can produce
is a valid record; a saved record that does not validate is shown as needing attention, with a
repair and a download, never dropped; two tabs never overwrite each other silently; a copy saved
to a file is remembered.

Each test drives the real page (site/self-assessment.html) in headless Chromium, with the guards
of assessment_support.sa_open (no outside requests, no console errors).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from assessment_support import (
    RECORD_KEY,
    STORE_PREFIX,
    SAPage,
    describe_violations,
    sa_browser,
    sa_open,
    sa_origin,
    sa_site,
    valid_record,
)
from browser_support import fill_date_boxes, run_axe
from test_assessment import download, import_file, open_criterion, rate

__all__ = ["sa_browser", "sa_open", "sa_origin", "sa_site"]  # fixtures, re-exported for pytest

pytestmark = pytest.mark.browser

OPEN_ID = "() => JTAI.apps['self-assessment'].record.id"
# In a second tab, hide the browser's `storage` events from the page, as when two tabs save at
# the same moment: the page only finds out when it next saves.
DEAF = "window.addEventListener('storage', e => e.stopImmediatePropagation(), true)"


def open_id(sa: SAPage) -> str:
    return sa.page.evaluate(OPEN_ID)


def name_it(sa: SAPage, title: str) -> None:
    sa.page.fill("input.jtai-input >> nth=0", title)


def reload_and_check_kept(sa: SAPage, record_id: str) -> dict[str, Any]:
    """Reload: the same assessment opens and is listed; its saved record comes back."""
    sa.reload()
    assert open_id(sa) == record_id, "the assessment open before the reload opens again"
    sa.page.click(".jtai-nav-btn[data-view=start]")
    assert sa.page.locator(f".jtai-saved-item[data-id={record_id}]").count() == 1
    return sa.records()[record_id]


def round_trip(sa: SAPage, tmp_path: Path, record_id: str) -> None:
    """Export, then import into an empty browser: accepted, and the same record."""
    name, text = download(sa, "[data-action=save-copy]")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    sa.page.evaluate("() => localStorage.clear()")
    sa.reload()
    assert "Imported." in import_file(sa, path), "the page's own export is accepted"
    assert sa.records()[record_id] == json.loads(text)


# ---------------------------------------------------------------------------------------------
# Every state the form can produce is a valid record


def test_override_ticked_with_no_outcome_survives_a_reload(sa_open, tmp_path):
    sa = sa_open()
    first = open_id(sa)
    name_it(sa, "Police, spring")
    open_criterion(sa, "EC1")
    rate(sa, "EC1.1", "mostly")
    sa.page.fill(".jtai-prompt-know textarea", "Dip sample of 30 cases.")
    sa.page.check(".jtai-outcome input[type=checkbox]")
    saved = reload_and_check_kept(sa, first)
    assert saved["title"] == "Police, spring"
    assert saved["answers"]["EC1"]["override"] == {"outcome": "", "reason": ""}
    assert saved["answers"]["EC1"]["evidence"]["know"] == "Dip sample of 30 cases."
    round_trip(sa, tmp_path, first)


def test_outcome_and_action_status_set_back_to_blank_survive(sa_open, tmp_path):
    sa = sa_open()
    first = open_id(sa)
    open_criterion(sa, "EC2")
    sa.page.check(".jtai-outcome input[type=checkbox]")
    sa.page.select_option(".jtai-override-panel select", "strength")
    sa.page.fill(".jtai-override-reason textarea", "Audit shows it.")
    sa.page.select_option(".jtai-override-panel select", "")
    sa.page.click("[data-action=add-action]")
    sa.page.locator(".jtai-action select").nth(1).select_option("")
    saved = reload_and_check_kept(sa, first)
    assert saved["answers"]["EC2"]["override"] == {"outcome": "", "reason": "Audit shows it."}
    assert saved["answers"]["EC2"]["actions"][0]["status"] == ""
    round_trip(sa, tmp_path, first)


def seed(sa: SAPage, record: dict[str, Any]) -> None:
    sa.page.evaluate(
        """r => { localStorage.setItem('jtai-ready:assessment:' + r.id, JSON.stringify(r));
                  localStorage.setItem('jtai-ready:current', r.id); }""",
        record,
    )
    sa.reload()


def test_a_51st_action_is_refused_with_a_message(sa_open):
    sa = sa_open()
    record = valid_record()
    first = record["answers"]["EC1"]["actions"][0]
    record["answers"]["EC1"]["actions"] = [dict(first, id=f"act-{i}") for i in range(49)]
    seed(sa, record)
    open_criterion(sa, "EC1")
    add = sa.page.locator("[data-action=add-action]")
    add.click()
    assert sa.page.locator(".jtai-action").count() == 50
    assert "limit of 50 reached" in add.inner_text()
    add.click()
    assert sa.page.locator(".jtai-action").count() == 50
    note = sa.page.locator("[data-action-limit]")
    assert "the most one criterion can hold" in note.inner_text()
    assert note.get_attribute("role") == "status"
    saved = reload_and_check_kept(sa, record["id"])
    assert len(saved["answers"]["EC1"]["actions"]) == 50
    open_criterion(sa, "EC1")
    sa.page.locator("[data-action=remove-action]").first.click()
    assert add.inner_text() == "Add an action"
    assert note.inner_text() == ""


def type_then_spoil(sa: SAPage, group: Any, year: str) -> str:
    """Type a real date (1 February 2024) into the boxes, then a bad year, and leave the boxes.
    Give the real date, which is what must stay saved."""
    fill_date_boxes(group, "2024-02-01")
    group.get_by_label("Year", exact=True).fill(year)
    group.get_by_label("Year", exact=True).press("Tab")
    return "2024-02-01"


def assert_not_saved_message(group: Any) -> None:
    error = group.locator(".jtai-error")
    error.wait_for()
    text = error.inner_text()
    assert text.startswith("Error:") and "has not been saved" in text, text
    year = group.get_by_label("Year", exact=True)
    assert year.get_attribute("aria-invalid") == "true"
    assert group.get_by_label("Day", exact=True).get_attribute("aria-invalid") == "false"
    assert error.get_attribute("id") in group.get_attribute("aria-describedby")


@pytest.mark.parametrize("year", ["20245", "24"], ids=["5-digit-year", "2-digit-year"])
def test_a_date_with_a_wrong_year_shows_an_error_and_is_not_stored(sa_open, tmp_path, year):
    sa = sa_open()
    first = open_id(sa)
    date = sa.page.get_by_role("group", name="Date of this assessment")
    before = type_then_spoil(sa, date, year)
    assert_not_saved_message(date)
    assert sa.current()["respondent"]["date"] == before, "the impossible date is not stored"
    sa.page.get_by_label("Your role").fill("Head of service")
    assert sa.current()["respondent"]["role"] == "Head of service", "the rest still saves"
    open_criterion(sa, "EC3")
    sa.page.click("[data-action=add-action]")
    due = sa.page.locator(".jtai-action").get_by_role("group", name="Due date")
    real_due = type_then_spoil(sa, due, year)
    assert_not_saved_message(due)
    assert sa.current()["answers"]["EC3"]["actions"][0]["due"] == real_due
    due.get_by_label("Year", exact=True).fill("2025")
    sa.page.wait_for_function("() => !document.querySelector('.jtai-action .jtai-date--error')")
    assert sa.current()["answers"]["EC3"]["actions"][0]["due"] == "2025-02-01", "put right, saved"
    saved = reload_and_check_kept(sa, first)
    assert saved["respondent"]["role"] == "Head of service"
    round_trip(sa, tmp_path, first)


# ---------------------------------------------------------------------------------------------
# A saved record that does not validate is never dropped


def broken_record() -> dict[str, Any]:
    record = valid_record()
    record["id"] = "sa-broken"
    record["title"] = "Saved by an older page"
    record["respondent"]["date"] = "20245-03-01"
    first = record["answers"]["EC1"]["actions"][0]
    record["answers"]["EC1"]["actions"] = [dict(first, id=f"act-{i}") for i in range(53)]
    record["answers"]["EC4"]["confidence"] = "certain"
    return record


def test_a_record_that_does_not_validate_needs_attention_and_can_be_repaired(sa_open):
    sa = sa_open()
    record = broken_record()
    text = json.dumps(record)
    sa.page.evaluate("t => localStorage.setItem('jtai-ready:assessment:sa-broken', t)", text)
    sa.reload()
    item = sa.page.locator(".jtai-saved-attention[data-id=sa-broken]")
    assert "Saved by an older page" in item.inner_text()
    assert "Needs attention" in item.inner_text()
    problems = item.locator("ul").inner_text()
    assert "$.respondent.date: is not a real date" in problems
    assert "$.answers.EC1.actions: has more than 50 entries" in problems
    assert not describe_violations(sa.axe(".jtai-saved"))
    name, got = download(sa, ".jtai-saved-attention [data-action=download-raw]")
    assert got == text and name.endswith(".json"), "downloaded as it is, byte for byte"
    assert sa.storage()[RECORD_KEY + "sa-broken"] == text, "nothing changed without asking"

    item.locator("[data-action=repair]").click()
    notice = sa.page.locator("[data-repairs]")
    changes = notice.inner_text()
    assert "$.respondent.date" in changes and "$.answers.EC1.actions" in changes
    assert "$.answers.EC4.confidence" in changes
    assert sa.page.locator(".jtai-notice[role=status]").count() == 1
    repaired = sa.records()["sa-broken"]
    assert repaired["respondent"]["date"] == ""
    assert len(repaired["answers"]["EC1"]["actions"]) == 50
    assert repaired["answers"]["EC4"]["confidence"] == ""
    assert repaired["answers"]["EC1"]["evidence"] == record["answers"]["EC1"]["evidence"]
    assert sa.page.locator(".jtai-saved-attention").count() == 0
    row = sa.page.locator(".jtai-saved-item[data-id=sa-broken]")
    row.locator("[data-action=open]").click()
    assert open_id(sa) == "sa-broken"


def test_a_truncated_assessment_shows_with_its_text_to_download(sa_open):
    sa = sa_open()
    text = json.dumps(valid_record())[:700]
    sa.page.evaluate("t => localStorage.setItem('jtai-ready:assessment:sa-cut', t)", text)
    sa.reload()
    item = sa.page.locator(".jtai-saved-attention[data-id=sa-cut]")
    assert "its saved text is damaged" in item.inner_text()
    assert item.locator("[data-action=repair]").count() == 0
    _, got = download(sa, ".jtai-saved-attention [data-action=download-raw]")
    assert got == text
    assert sa.storage()[RECORD_KEY + "sa-cut"] == text


# ---------------------------------------------------------------------------------------------
# Two tabs


def second_tab(sa: SAPage, deaf: bool = False) -> Any:
    other = sa.page.context.new_page()
    other.on("console", lambda m: sa.errors.append(m.text) if m.type == "error" else None)
    other.on("pageerror", lambda e: sa.errors.append(f"uncaught: {e}"))
    if deaf:
        other.add_init_script(DEAF)
    other.goto(sa.url)
    other.wait_for_selector(".jtai-bar")
    return other


def rate_in(page: Any, cid: str, indicator: str, value: str) -> None:
    page.click(".jtai-nav-btn[data-view=criteria]")
    page.click(f".jtai-crit-item[data-criterion={cid}] .jtai-crit-link")
    page.click(f'[data-group="{indicator}"] input[data-value="{value}"]')


def test_edits_to_different_fields_in_two_tabs_are_both_kept(sa_open):
    sa = sa_open()
    record_id = open_id(sa)
    other = second_tab(sa, deaf=True)
    rate_in(sa.page, "EC1", "EC1.1", "mostly")
    rate_in(other, "EC2", "EC2.1", "partly")
    saved = sa.records()[record_id]["answers"]
    assert saved["EC1"]["indicators"] == {"EC1.1": "mostly"}, (
        "the first tab's edit is not overwritten"
    )
    assert saved["EC2"]["indicators"] == {"EC2.1": "partly"}
    assert "changed in another tab" in other.inner_text(".jtai-alerts")


def seen_here(sa: SAPage, condition: str) -> None:
    """Wait until this tab's localStorage shows what another tab wrote: another tab's write
    reaches it a moment later (the tabs may run in separate processes)."""
    sa.page.wait_for_function(condition)


def test_the_same_field_changed_in_two_tabs_keeps_both_and_says_so(sa_open):
    sa = sa_open()
    record_id = open_id(sa)
    other = second_tab(sa, deaf=True)
    rate_in(sa.page, "EC1", "EC1.1", "mostly")
    rate_in(other, "EC1", "EC1.1", "partly")
    seen_here(
        sa, "() => Object.keys(localStorage).filter(k => k.includes(':assessment:')).length === 2"
    )
    records = sa.records()
    assert records[record_id]["answers"]["EC1"]["indicators"]["EC1.1"] == "mostly"
    aside = [r for i, r in records.items() if i != record_id]
    assert len(aside) == 1 and aside[0]["title"].endswith("(your version from this tab)")
    assert aside[0]["answers"]["EC1"]["indicators"]["EC1.1"] == "partly"
    notice = other.locator(".jtai-alerts .jtai-notice")
    assert "EC1 › indicators › EC1.1" in notice.inner_text()
    assert not run_axe(other, ".jtai-alerts")
    other.fill(".jtai-prompt-know textarea", "Typing on")
    assert notice.is_visible(), "the message stays until dismissed"
    notice.get_by_role("button", name="Use mine").click()
    seen_here(
        sa,
        f"""() => JSON.parse(localStorage.getItem('jtai-ready:assessment:{record_id}'))
              .answers.EC1.evidence.know === 'Typing on'""",
    )
    assert sa.records()[record_id]["answers"]["EC1"]["indicators"]["EC1.1"] == "partly"
    assert sa.records()[record_id]["answers"]["EC1"]["evidence"]["know"] == "Typing on"
    assert other.locator(".jtai-alerts .jtai-notice").count() == 0


def test_an_assessment_deleted_in_another_tab_does_not_come_back(sa_open):
    sa = sa_open()
    doomed = open_id(sa)
    other = second_tab(sa)
    other.click(f".jtai-saved-item[data-id={doomed}] [data-action=delete]")
    other.click("dialog [data-choice=delete]")
    notice = sa.page.locator("[data-notice=deleted]")
    notice.wait_for()
    assert "deleted in another tab" in notice.inner_text()
    rate_in(sa.page, "EC1", "EC1.1", "mostly")
    assert doomed not in sa.records(), "an edit here does not bring it back"
    assert "deleted in another tab" in sa.page.inner_text(".jtai-current .jtai-saved")
    notice.get_by_role("button", name="Keep this copy").click()
    assert sa.records()[doomed]["answers"]["EC1"]["indicators"] == {"EC1.1": "mostly"}


# ---------------------------------------------------------------------------------------------
# The safety net


def test_the_last_copy_saved_to_a_file_is_shown_and_one_click_saves_one(sa_open):
    sa = sa_open()
    record_id = open_id(sa)
    net = sa.page.locator(".jtai-safety-net")
    assert "never saved a copy" in net.inner_text()
    name, text = download(sa, "[data-action=save-copy]")
    assert json.loads(text)["id"] == record_id and name.endswith(".json")
    assert "You last saved a copy to a file today." in net.inner_text()
    stamps = json.loads(sa.storage()[STORE_PREFIX + "file-copies"])
    assert list(stamps) == [f"self-assessment:{record_id}"]
    earlier = (datetime.now(UTC) - timedelta(days=3)).isoformat().replace("+00:00", "Z")
    sa.page.evaluate(
        "([k, v]) => localStorage.setItem('jtai-ready:file-copies', JSON.stringify({[k]: v}))",
        [f"self-assessment:{record_id}", earlier],
    )
    sa.reload()
    assert "You last saved a copy to a file 3 days ago." in net.inner_text()
    assert not describe_violations(sa.axe(".jtai-bar"))
