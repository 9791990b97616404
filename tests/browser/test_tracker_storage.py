"""Nothing typed in the Annex A tracker is ever lost (issue 11), in headless Chromium: damaged
saved text is kept aside word for word (never over an earlier copy) instead of reading as an empty
tracker; an import with hostile values gets its own message; two tabs' edits are put together item
by item; a copy saved to a file is remembered.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from browser_support import run_axe
from test_planner import fill_item, open_page, slug

pytestmark = pytest.mark.browser

KEY = "jtai-ready:tracker"
DEAF = "window.addEventListener('storage', e => e.stopImmediatePropagation(), true)"


def open_tracker(page, site_server: str, **options: Any):
    recorded = open_page(page, f"{site_server}/tracker.html", **options)
    recorded.page.wait_for_selector("#tracker-app:not([hidden])")
    return recorded


def stored(p: Any, key: str = KEY) -> str:
    """What localStorage holds under key ("" when nothing)."""
    return p.evaluate("k => localStorage.getItem(k) || ''", key)


def put(p: Any, key: str, text: str) -> None:
    p.evaluate("([k, t]) => localStorage.setItem(k, t)", [key, text])


def reload(p: Any) -> None:
    p.reload()
    p.wait_for_selector("#tracker-app:not([hidden])")


def test_a_truncated_tracker_is_kept_aside_and_never_overwritten(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    fill_item(p, "A-list-4", "ready", "Head of performance", "Drive", "2024-04-30", "Kept")
    first = stored(p)[:-40]
    put(p, KEY, first)
    reload(p)
    notes = p.locator("#tracker-notes")
    assert "could not be read" in notes.inner_text()
    assert notes.get_attribute("role") == "alert"
    assert stored(p, KEY + ":unreadable") == first, "kept aside word for word"
    with p.expect_download() as info:
        notes.get_by_role("button", name="Download the saved text").click()
    assert Path(info.value.path()).read_text(encoding="utf-8") == first
    p.select_option(f"#t-{slug('A-1.1')}-status", "in-progress")
    assert stored(p, KEY + ":unreadable") == first, "the first edit does not touch the copy"
    assert json.loads(stored(p))["items"]["A-1.1"]["status"] == "in-progress"

    second = '{"format": "jtai-ready-tracker", "items": {"A-1.1": {"status": "rea'
    put(p, KEY, second)
    reload(p)
    assert stored(p, KEY + ":unreadable") == first, "an earlier copy is never overwritten"
    assert stored(p, KEY + ":unreadable-2") == second
    assert "unreadable-2" in p.inner_text("#tracker-notes")
    assert not run_axe(p, "#tracker-notes")
    assert not recorded.console_errors, recorded.console_errors


def test_an_import_with_a_hostile_framework_id_gets_its_own_message(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    fill_item(p, "A-list-4", "ready", "Head of performance", "Drive", "2024-04-30", "Kept")
    saved = stored(p)
    good = json.loads(saved)
    for value in ({"toString": 1, "valueOf": 1}, ["syv-2023"], None):
        hostile = json.dumps(dict(good, framework_id=value)).encode()
        p.evaluate("() => { document.querySelector('#tracker-import-result').hidden = true; }")
        p.set_input_files(
            "#tracker-import",
            files=[{"name": "hostile.json", "mimeType": "application/json", "buffer": hostile}],
        )
        result = p.locator("#tracker-import-result")
        result.wait_for(state="visible")
        text = result.inner_text()
        assert "different inspection framework" in text, (value, text)
        assert "Nothing was imported" in text
        assert stored(p) == saved
    assert not recorded.console_errors, recorded.console_errors


def second_tab(recorded: Any, site_server: str, deaf: bool) -> Any:
    other = recorded.page.context.new_page()
    other.on("pageerror", lambda e: recorded.console_errors.append(f"uncaught: {e}"))
    if deaf:
        other.add_init_script(DEAF)
    other.goto(f"{site_server}/tracker.html")
    other.wait_for_selector("#tracker-app:not([hidden])")
    return other


def test_two_tabs_edits_are_put_together_item_by_item(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    other = second_tab(recorded, site_server, deaf=True)
    p.select_option(f"#t-{slug('A-list-4')}-status", "ready")
    other.select_option(f"#t-{slug('A-1.1')}-status", "in-progress")
    # Another tab's write reaches this tab's localStorage a moment later (another process).
    p.wait_for_function(
        "k => (JSON.parse(localStorage.getItem(k) || '{}').items || {})['A-1.1']", arg=KEY
    )
    items = json.loads(stored(p))["items"]
    assert items["A-list-4"]["status"] == "ready", "the first tab's edit is not overwritten"
    assert items["A-1.1"]["status"] == "in-progress"
    assert "changed in another tab" in other.inner_text("#tracker-notes")
    assert other.input_value(f"#t-{slug('A-list-4')}-status") == "ready", "shown in the other tab"
    assert not recorded.console_errors, recorded.console_errors


def test_the_same_item_changed_in_two_tabs_keeps_both_and_offers_use_mine(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    other = second_tab(recorded, site_server, deaf=True)
    p.fill(f"#t-{slug('A-list-4')}-owner", "Head of performance")
    p.press(f"#t-{slug('A-list-4')}-owner", "Tab")
    other.fill(f"#t-{slug('A-list-4')}-owner", "Data manager")
    other.press(f"#t-{slug('A-list-4')}-owner", "Tab")
    assert json.loads(stored(p))["items"]["A-list-4"]["owner"] == "Head of performance"
    aside = json.loads(stored(p, KEY + ":this-tab"))
    assert aside["items"]["A-list-4"]["owner"] == "Data manager"
    notice = other.locator("#tracker-notes .jtai-notice")
    assert "A-list-4" in notice.inner_text()
    assert not run_axe(other, "#tracker-notes")
    notice.get_by_role("button", name="Use mine").click()
    assert json.loads(stored(p))["items"]["A-list-4"]["owner"] == "Data manager"
    assert other.input_value(f"#t-{slug('A-list-4')}-owner") == "Data manager"
    assert not recorded.console_errors, recorded.console_errors


def test_the_last_copy_saved_to_a_file_is_shown_and_one_click_saves_one(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    net = p.locator(".jtai-safety-net")
    assert "never saved a copy" in net.inner_text()
    with p.expect_download() as info:
        net.get_by_role("button", name="Save a copy to a file").click()
    assert (
        json.loads(Path(info.value.path()).read_text(encoding="utf-8"))["format"]
        == "jtai-ready-tracker"
    )
    assert "You last saved a copy to a file today." in net.inner_text()
    assert list(json.loads(stored(p, "jtai-ready:file-copies"))) == ["tracker"]
    reload(p)
    assert "today" in p.inner_text(".jtai-safety-net")
    assert not run_axe(p, ".jtai-safety-net")
    assert not recorded.console_errors, recorded.console_errors


def test_a_tracker_saved_before_change_records_reads_without_loss(page, site_server):
    recorded = open_tracker(page, site_server)
    p = recorded.page
    framework = p.evaluate("() => JTAI.data.planner.framework")
    old = {
        "format": "jtai-ready-tracker",
        "format_version": 1,
        "framework_id": framework["id"],
        "framework_version": framework["version"],
        "app_version": "0.1.0",
        "created": "2024-04-01T09:00:00Z",
        "updated": "2024-04-02T09:00:00Z",
        "dates": {"mode": "", "date": ""},
        "items": {
            "A-list-4": {
                "status": "ready",
                "owner": "Head of performance",
                "location": "Drive",
                "reviewed": "2024-03-28",
                "notes": "Kept",
            }
        },
    }
    put(p, KEY, json.dumps(old))
    reload(p)
    assert p.input_value(f"#t-{slug('A-list-4')}-owner") == "Head of performance"
    p.select_option(f"#t-{slug('A-1.1')}-status", "in-progress")
    now = json.loads(stored(p))
    current = p.evaluate("() => JTAI.tracker.FORMAT_VERSION")
    assert current > 1 and now["format_version"] == current and now["origin"].startswith("b-")
    kept = now["items"]["A-list-4"]
    assert {k: kept[k] for k in old["items"]["A-list-4"]} == old["items"]["A-list-4"]
    assert kept["changed"]["owner"] == {"at": "2024-04-02T09:00:00Z", "by": "", "from": ""}
    assert now["items"]["A-1.1"]["changed"]["status"]["by"] == now["origin"]
    assert not recorded.console_errors, recorded.console_errors
