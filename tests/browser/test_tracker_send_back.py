"""One way back (issue 23, point 4), in headless Chromium: an agency that opened its items from
the partnership's file is offered one "Send back to the partnership" action, as JSON or as an
Excel workbook named with the agency and the date. It asks whose the file is (a role or a name)
and keeps it in the file, so the partnership's import names the person, not the file name. The
offer, and the role or name, survive a reload; the partnership's own tracker is never offered it.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from browser_support import run_axe
from openpyxl import load_workbook
from test_planner import fill_item, slug
from test_tracker_merge import download, import_files, preview_files, send_items
from test_tracker_storage import open_tracker, reload, stored

pytestmark = pytest.mark.browser

ITEM = "A-case-police-1"
PANEL = "#tracker-return"


def opened_by_police(page: Any, site_server: str) -> tuple[Any, Any, bytes]:
    """The manager sends Police its items; Police opens them in its own browser."""
    manager = open_tracker(page, site_server)
    m = manager.page
    fill_item(m, ITEM, "in-progress", "Business manager", "", "", "")
    to_police = send_items(m, "police")
    police = open_tracker(page, site_server)
    p = police.page
    assert p.locator(PANEL).is_hidden(), "nothing opened yet: no way back offered"
    said = preview_files(p, [("jtai-annex-a-tracker-police.json", to_police)])
    assert "These are the items for Police" in said and "Once imported" in said
    assert p.locator(PANEL).is_hidden(), "nothing changes before the import is confirmed"
    p.click("#tracker-import-result [data-action=confirm-import]")
    p.wait_for_selector(f"{PANEL}:not([hidden])")
    return manager, police, to_police


def test_an_agency_that_opened_its_items_sends_them_back_as_json(page, site_server):
    manager, police, _ = opened_by_police(page, site_server)
    p = police.page
    panel = p.locator(PANEL)
    assert panel.get_by_role("heading", name="Send back to the partnership").count() == 1
    assert "items for Police" in panel.inner_text()
    assert run_axe(p, PANEL) == []
    fill_item(p, ITEM, "ready", "DI Smith", "Police case system", "2024-04-30", "")

    p.click("#tracker-return-send")  # no role or name yet: asked for, nothing sent
    error = p.locator("#tracker-return-error")
    assert error.is_visible() and "Enter your role or name" in error.inner_text()
    assert p.get_attribute("#tracker-return-person", "aria-invalid") == "true"
    assert run_axe(p, PANEL) == []

    p.fill("#tracker-return-person", "Detective Inspector, public protection")
    with p.expect_download() as info:
        p.click("#tracker-return-send")
    name = info.value.suggested_filename
    assert re.fullmatch(r"jtai-annex-a-tracker-police-sent-back-\d{4}-\d{2}-\d{2}\.json", name)
    sent = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert sent["scope"] == {"agency": "police"}
    assert sent["sender"] == {
        "agency": "police",
        "person": "Detective Inspector, public protection",
    }
    assert sent["items"][ITEM]["owner"] == "DI Smith"
    assert name in p.inner_text("#tracker-return-done")

    reload(p)  # the offer and the role or name are saved with the tracker
    assert p.locator(PANEL).is_visible()
    assert p.input_value("#tracker-return-person") == "Detective Inspector, public protection"
    copy = download(p, "#tracker-export-json")  # and they export and import again
    assert json.loads(copy)["scope"] == {"agency": "police"}
    p.evaluate("() => localStorage.clear()")
    reload(p)
    assert p.locator(PANEL).is_hidden()
    import_files(p, [("copy.json", copy)])
    assert p.locator(PANEL).is_visible()
    assert p.input_value("#tracker-return-person") == "Detective Inspector, public protection"

    m = manager.page
    text = import_files(m, [(name, json.dumps(sent).encode("utf-8"))])
    assert f"Police, Detective Inspector, public protection ({name})" in text
    assert m.input_value(f"#t-{slug(ITEM)}-owner") == "DI Smith"
    assert m.locator(PANEL).is_hidden(), "the partnership's tracker is never offered the way back"
    for recorded in (manager, police):
        assert not recorded.console_errors, recorded.console_errors


def test_the_way_back_as_a_workbook_says_whose_it_is(page, site_server):
    manager, police, _ = opened_by_police(page, site_server)
    p = police.page
    p.fill("#tracker-return-person", "Designated nurse")
    p.check("#tracker-return-xlsx")
    with p.expect_download() as info:
        p.click("#tracker-return-send")
    name = info.value.suggested_filename
    assert re.fullmatch(r"jtai-annex-a-tracker-police-sent-back-\d{4}-\d{2}-\d{2}\.xlsx", name)
    book = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True) if r and r[0]}
    assert about["Agency"] == "Police"
    assert about["Sent back by (your role or name)"] == "Designated nurse"
    text = import_files(manager.page, [(name, Path(info.value.path()).read_bytes())])
    assert f"Police, Designated nurse ({name})" in text


def test_the_partnerships_own_tracker_can_stop_the_offer(page, site_server):
    _, police, _ = opened_by_police(page, site_server)
    p = police.page
    p.click("#tracker-return-stop")
    assert p.locator(PANEL).is_hidden()
    assert "scope" not in json.loads(stored(p))
    reload(p)
    assert p.locator(PANEL).is_hidden()
