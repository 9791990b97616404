"""The Annex A tracker as a table (issue 14, point 1), in headless Chromium: sorting from the
header cells (aria-sort), filters by agency, owner, status and "due in the next N working days",
a header row that stays in view, editing in the row, the whole page within 15,000 px at 1280 px,
cards on a phone, 320 px reflow, keyboard only, and axe on each state.
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import horizontal_overflow, run_axe
from test_planner import TODAY, fill_date, item, open_page, slug
from test_tracker_storage import open_tracker

pytestmark = pytest.mark.browser

MAX_HEIGHT_PX = 15_000


def shown_ids(p: Any) -> list[str]:
    return list(
        p.eval_on_selector_all(
            "#tracker-list tr:not([hidden])", "els => els.map(e => e.dataset.id)"
        )
    )


def column_text(p: Any, cls: str) -> list[str]:
    return list(
        p.eval_on_selector_all(
            f"#tracker-list tr:not([hidden]) .{cls}",
            "els => els.map(e => (e.querySelector('input, select') || e).value ?? e.textContent)",
        )
    )


def sort_state(p: Any) -> dict[str, str]:
    return dict(
        p.eval_on_selector_all(
            "#tracker-table th[aria-sort]",
            "els => els.map(e => [e.querySelector('button').dataset.sort, e.ariaSort])",
        )
    )


def in_order(p: Any, values: list[str], descending: bool = False) -> bool:
    """True when the values are in the page's own (en-GB) alphabetical order."""
    return bool(
        p.evaluate(
            """([v, desc]) => v.every((x, i) => {
                const c = i === 0 ? 0 : v[i - 1].localeCompare(x, 'en-GB');
                return desc ? c >= 0 : c <= 0;
            })""",
            [values, descending],
        )
    )


def set_owner(p: Any, item_id: str, owner: str) -> None:
    box = f"#t-{slug(item_id)}-owner"
    p.fill(box, owner)
    p.press(box, "Tab")


def test_the_whole_tracker_fits_15000px_at_1280px(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    assert len(shown_ids(p)) == p.evaluate("() => JTAI.data.planner.annex_a.length") == 93
    height = p.evaluate("() => document.documentElement.scrollHeight")
    assert height <= MAX_HEIGHT_PX, height
    assert p.locator("#tracker-table thead th").count() == 7
    assert run_axe(p, "#tracker-app") == []


def test_sorting_by_agency_status_owner_and_deadline(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    framework_order = shown_ids(p)
    assert set(sort_state(p).values()) == {"none"}
    p.click("#tracker-table button[data-sort=agency]")
    assert sort_state(p) == {
        "agency": "ascending",
        "deadline": "none",
        "status": "none",
        "owner": "none",
    }
    agencies = column_text(p, "jtai-item__agency")
    assert in_order(p, agencies) and len(set(agencies)) > 2
    p.click("#tracker-table button[data-sort=agency]")
    assert sort_state(p)["agency"] == "descending"
    assert in_order(p, column_text(p, "jtai-item__agency"), descending=True)
    assert "Sorted by agency, Z to A." in p.inner_text("#tracker-status")

    p.select_option(f"#t-{slug('A-1.1')}-status", "ready")
    p.select_option(f"#t-{slug('A-list-6')}-status", "in-progress")
    p.click("#tracker-table button[data-sort=status]")
    statuses = column_text(p, "jtai-col-status")
    assert statuses.index("in-progress") < statuses.index("ready")
    assert statuses[0] == "not-started" and statuses[-1] == "ready"

    set_owner(p, "A-1.2", "Zoe (data team)")
    set_owner(p, "A-list-7", "Amir")
    p.click("#tracker-table button[data-sort=owner]")
    assert shown_ids(p)[:2] == ["A-list-7", "A-1.2"], "owners A to Z, the items with none after"
    p.click("#tracker-table button[data-sort=owner]")
    assert shown_ids(p)[:2] == ["A-1.2", "A-list-7"], "Z to A, the items with none still after"

    p.click("#tracker-table button[data-sort=deadline]")
    order = shown_ids(p)
    assert sorted(order) == sorted(framework_order)
    weeks = p.evaluate(
        """ids => ids.map(id => JTAI.data.planner.annex_a.find(i => i.id === id).deadline.week)""",
        order,
    )
    assert weeks == sorted(weeks)
    assert run_axe(p, "#tracker-app") == []


def test_sorting_and_editing_by_keyboard_only(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    p.focus("#tracker-filter-reset")
    for _ in range(12):
        p.keyboard.press("Tab")
        if p.evaluate("() => document.activeElement.dataset.sort || ''") == "agency":
            break
    assert p.evaluate("() => document.activeElement.dataset.sort") == "agency"
    p.keyboard.press("Enter")
    assert sort_state(p)["agency"] == "ascending"
    first = shown_ids(p)[0]
    status = f"#t-{slug(first)}-status"
    # Tab on through the sort buttons and the first row's links to its status.
    for _ in range(20):
        p.keyboard.press("Tab")
        if p.evaluate("() => document.activeElement.id") == status[1:]:
            break
    assert p.evaluate("() => document.activeElement.id") == status[1:]
    p.keyboard.press("r")
    p.wait_for_function(
        "id => JSON.parse(localStorage.getItem('jtai-ready:tracker')).items[id].status === 'ready'",
        arg=first,
    )
    p.keyboard.press("Tab")
    p.keyboard.type("DI Smith")
    p.keyboard.press("Tab")
    assert p.input_value(f"#t-{slug(first)}-owner") == "DI Smith"
    assert not recorded.console_errors, recorded.console_errors


def test_each_control_is_labelled_with_its_item(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    label = str(p.evaluate("() => JTAI.data.planner.annex_a.find(i => i.id === 'A-list-4').label"))
    row = item(p, "A-list-4")
    for name in ("Status", "Owner", "Notes"):
        assert row.get_by_label(f"{name}: {label}", exact=True).count() == 1, name
    change = row.get_by_role("button", name=f"Change where it is and when last reviewed: {label}")
    change.click()
    assert change.get_attribute("aria-expanded") == "true"
    assert row.get_by_label(f"Where the document lives: {label}").count() == 1
    assert row.get_by_role("group", name=f"Last reviewed: {label}").count() == 1
    p.fill(f"#t-{slug('A-list-4')}-reviewed-day", "31")
    p.fill(f"#t-{slug('A-list-4')}-reviewed-month", "2")
    p.fill(f"#t-{slug('A-list-4')}-reviewed-year", "2024")
    p.press(f"#t-{slug('A-list-4')}-reviewed-year", "Tab")
    error = p.locator(f"#t-{slug('A-list-4')}-reviewed-error")
    error.wait_for(state="visible")
    assert "February 2024 has 29 days" in error.inner_text()
    assert run_axe(p, "#tracker-app") == []


def test_filters_by_owner_agency_status_and_working_days(page, site_server):
    recorded = open_page(page, f"{site_server}/tracker.html", clock=TODAY)
    p = recorded.page
    p.wait_for_selector("#tracker-app:not([hidden])")
    set_owner(p, "A-list-4", "DI Smith")
    set_owner(p, "A-case-police-1", "di smith ")
    set_owner(p, "A-1.1", "Data manager")
    owners = p.eval_on_selector_all(
        "#tracker-filter-owner option", "els => els.map(e => e.textContent)"
    )
    assert owners == ["Any owner", "No owner yet", "Data manager", "DI Smith"]
    p.select_option("#tracker-filter-owner", "DI Smith")
    assert sorted(shown_ids(p)) == ["A-case-police-1", "A-list-4"], "who do I chase?"
    p.select_option("#tracker-filter-agency", "police")
    assert shown_ids(p) == ["A-case-police-1"]
    p.select_option("#tracker-filter-owner", "-")
    assert "A-case-police-1" not in shown_ids(p) and shown_ids(p)
    assert run_axe(p, "#tracker-app") == []
    p.click("#tracker-filter-reset")
    assert len(shown_ids(p)) == 93

    fill_date(p, "tracker-date", "2024-05-03")
    p.click("#tracker-date-form button[type=submit]")
    p.wait_for_function("() => document.querySelector('tr[data-timing=overdue]') !== null")
    p.fill("#tracker-filter-within", "2")
    p.press("#tracker-filter-within", "Enter")
    flagged = p.eval_on_selector_all(
        "#tracker-list tr[data-timing=overdue], #tracker-list tr[data-timing=due-soon]",
        "els => els.map(e => e.dataset.id)",
    )
    assert shown_ids(p) and sorted(shown_ids(p)) == sorted(flagged)
    p.fill("#tracker-filter-within", "10")
    p.press("#tracker-filter-within", "Enter")
    wider = shown_ids(p)
    assert len(wider) > len(flagged) and set(flagged) <= set(wider)
    p.select_option(f"#t-{slug(flagged[0])}-status", "ready")
    assert flagged[0] not in shown_ids(p), "a ready item needs no chasing"
    p.fill("#tracker-filter-within", "soon")
    p.press("#tracker-filter-within", "Enter")
    assert p.locator("#tracker-filter-within-error").is_visible()
    assert p.get_attribute("#tracker-filter-within", "aria-invalid") == "true"
    assert run_axe(p, "#tracker-app") == []


def test_the_header_row_stays_in_view_as_the_table_scrolls(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    p.evaluate("() => document.querySelector('#t-a-case-police-1-status').scrollIntoView()")
    box = p.evaluate(
        """() => {
          const head = document.querySelector('#tracker-table thead th').getBoundingClientRect();
          const table = document.querySelector('#tracker-table').getBoundingClientRect();
          const header = document.querySelector('.md-header').getBoundingClientRect();
          return {head: head.top, headBottom: head.bottom, table: table.top, header: header.bottom};
        }"""
    )
    assert box["table"] < 0, box
    assert box["header"] - 1 <= box["head"] <= box["header"] + 1, box
    button = p.locator("#tracker-table button[data-sort=status]")
    assert button.is_visible()
    button.click()
    assert sort_state(p)["status"] == "ascending"


def test_on_a_phone_the_rows_are_cards_and_320px_reflows(page, site_server):
    recorded = open_page(page, f"{site_server}/tracker.html", width=375, height=800)
    p = recorded.page
    p.wait_for_selector("#tracker-app:not([hidden])")
    row = item(p, "A-list-4")
    assert row.evaluate("e => getComputedStyle(e).display") == "grid"
    assert row.locator(".jtai-cell-label__name", has_text="Status").is_visible()
    assert p.locator("#tracker-table button[data-sort=owner]").is_visible()
    p.set_viewport_size({"width": 320, "height": 640})
    row.get_by_role("button", name="Change", exact=False).click()
    p.fill("#tracker-filter-within", "x")
    p.press("#tracker-filter-within", "Enter")
    overflow = horizontal_overflow(p)
    assert overflow["scrollWidth"] <= 320, overflow
    assert run_axe(p, "#tracker-app") == []
    assert not recorded.console_errors, recorded.console_errors


def test_print_follows_the_order_and_filter_on_screen(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    p.click("#tracker-table button[data-sort=agency]")
    p.select_option("#tracker-filter-status", "not-ready")
    p.select_option(f"#t-{slug('A-list-4')}-status", "ready")
    p.wait_for_function(
        """() => document.querySelectorAll('#tracker-print tbody tr').length ===
          document.querySelectorAll('#tracker-list tr:not([hidden])').length"""
    )
    printed = p.eval_on_selector_all("#tracker-print tbody tr", "els => els.map(e => e.dataset.id)")
    assert printed == shown_ids(p)
    p.emulate_media(media="print")
    assert not p.locator("#tracker-table").is_visible()
    assert p.locator("#tracker-print table").is_visible()


def test_the_skip_link_reaches_export_without_tabbing_through_the_table(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    p.get_by_role("link", name="Skip the table: send, export and import").focus()
    p.keyboard.press("Enter")
    p.keyboard.press("Tab")
    section = p.evaluate(
        "() => document.activeElement.closest('section')?.getAttribute('aria-labelledby')"
    )
    assert section == "tracker-files-title"
