"""Browser test of the Partnership view's preview before loading (issue 23, point 1).

Choosing files shows, file by file, what loading them would do: which assessment (agency, title,
date) each adds, which older save it replaces in the grid (and what that save changes), which
files are refused and why, and which agreed positions a partnership file would add. Nothing
changes, in storage or on screen, until "Load these"; "Cancel" leaves everything as it was. Every
file is a real export (`pv_exports`); the partnership file is one downloaded from this page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from assessment_support import sa_browser, sa_open, sa_origin, sa_site
from partnership_support import POLICE_LATER_DATE, PVPage, pv_exports, pv_open
from test_partnership import axe_clean, long_date, no_sideways_scroll
from test_partnership_board import BOARD_KEY, EC1_POSITION, record_positions, saved_board

__all__ = ["pv_exports", "pv_open", "sa_browser", "sa_open", "sa_origin", "sa_site"]

pytestmark = pytest.mark.browser

SNAPSHOT_JS = """() => ({
  local: Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)])),
  session: Object.fromEntries(Object.keys(sessionStorage).map(k => [k, sessionStorage.getItem(k)])),
})"""


def snapshot(pv: PVPage) -> dict[str, Any]:
    """Everything this page keeps: localStorage, sessionStorage, and the load view's text."""
    kept: dict[str, Any] = pv.page.evaluate(SNAPSHOT_JS)
    kept["loaded"] = pv.page.inner_text(".jtai-pv-loaded") if pv.loaded_count() else ""
    kept["status"] = pv.status_html()
    return kept


def partnership_file(pv_open: Any, pv_exports: Any, folder: Path) -> Path:
    """A partnership file downloaded from this page, carrying agreed positions."""
    maker = pv_open()
    maker.load(pv_exports.five())
    record_positions(maker)
    name, body = maker.download("section.jtai-pv-view button[data-action=export-json]")
    path = folder / name
    path.write_bytes(body)
    return path


def choose(pv: PVPage, paths: list[Path]) -> dict[str, str]:
    pv.show("load")
    pv.page.set_input_files("input[type=file][data-action=load-files]", [str(p) for p in paths])
    return pv.wait_for_preview([p.name for p in paths])


def test_choosing_files_shows_what_loading_would_do_and_changes_nothing_until_confirmed(
    pv_open, pv_exports, tmp_path
):
    board_file = partnership_file(pv_open, pv_exports, tmp_path)
    broken = tmp_path / "broken.json"
    broken.write_text('{"title": "half a file', encoding="utf-8")
    pv = pv_open()
    pv.load([pv_exports.paths["police"]])
    pv.show("positions")
    pv.show("load")
    kept = snapshot(pv)
    assert BOARD_KEY not in kept["local"]

    files = [pv_exports.paths["police-later"], pv_exports.paths["health"], broken, board_file]
    preview = choose(pv, files)
    # Focus is on the preview's heading, which says nothing has changed yet.
    assert pv.page.evaluate("() => document.activeElement.id") == "jtai-pv-preview-title"
    assert "Nothing has changed yet" in pv.page.inner_text("#jtai-pv-preview-title")
    # Each file by name, with what it would do.
    later = preview["police-later.json"]
    assert f"Adds \u201cPolice\u201d: Police, {long_date(POLICE_LATER_DATE)}, in the grid" in later
    assert "Replaces in the grid \u201cPolice\u201d: Police, " + long_date("2025-01-15") in later
    assert "What this save changes from the older one:" in later
    assert "Date of this assessment: " + long_date("2025-01-15") in later
    assert "Adds \u201cHealth services\u201d: Health services, " in preview["health.json"]
    assert "Would not be loaded" in preview["broken.json"]
    assert "not valid JSON" in preview["broken.json"] or "could not" in preview["broken.json"]
    board = preview[board_file.name]
    assert "It would add to the agreed positions and cover note:" in board
    assert "EC1: Identifying and reducing risk: agreed position" in board
    assert "already loaded" in board  # its police and health assessments are skipped
    axe_clean(pv, "load view showing the preview")
    no_sideways_scroll(pv, "load view showing the preview")
    # Nothing has changed: storage byte for byte, the loaded list and the last load's status.
    assert snapshot(pv) == kept
    assert pv.loaded_count() == 1

    # Cancel leaves everything as it was.
    pv.page.click(".jtai-pv-preview [data-action=cancel-load]")
    pv.page.wait_for_function(
        "() => !document.querySelector('.jtai-pv-preview [data-action=confirm-load]')"
    )
    assert "Loading cancelled" in pv.page.inner_text(".jtai-pv-preview")
    assert pv.page.evaluate("() => document.activeElement.classList.contains('jtai-pv-preview')")
    assert snapshot(pv) == kept
    assert pv.loaded_count() == 1
    assert pv.page.locator("[data-action=undo-load]").count() == 1, "the last load's undo stays"

    # Choose them again and confirm: they load, the agreed position is saved, and undo is offered.
    before = pv.status_html()
    choose(pv, files)
    status = pv.confirm_load([p.name for p in files], before)
    assert status["police-later.json"][0] == "is-added"
    assert status["health.json"][0] == "is-added"
    assert status["broken.json"][0] == "is-refused"
    assert pv.loaded_count() == 3 + 3  # police, its later save, health; the board file's 3 others
    assert saved_board(pv)["criteria"]["EC1"]["position"] == EC1_POSITION
    assert pv.page.locator(".jtai-pv-preview").count() == 0
    pv.page.click("[data-action=undo-load]")
    pv.page.wait_for_function("() => JTAI.apps.partnership.set.length === 1")
    assert saved_board(pv)["criteria"] == {} and saved_board(pv)["cover_note"] == ""
