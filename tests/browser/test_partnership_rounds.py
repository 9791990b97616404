"""The partnership's agreed outcome band and its rounds (issue 23, point 6), in headless Chromium.

Each criterion's agreed position gains an agreed outcome band, chosen from the framework's
outcomes; it is saved in this browser, shown with the position, travels in the JSON download and
the grid CSV, and comes back when that file is loaded into a fresh browser. "Start a new round"
keeps the round as it stood (in this browser and in the download) and empties the form. The
last load of files can be undone (issue 23, point 1): its assessments and what it brought of the
board's record go, and the board is as it was.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import jsonschema
import pytest
from assessment_support import sa_browser, sa_open, sa_origin, sa_site
from partnership_support import PV_SCHEMA, PVPage, pv_exports, pv_open
from test_partnership import axe_clean
from test_partnership_board import BOARD_KEY, field, saved_board, wait_saved

__all__ = ["pv_exports", "pv_open", "sa_browser", "sa_open", "sa_origin", "sa_site"]

pytestmark = pytest.mark.browser

POSITION = "A joint audit first; until then an area for improvement."
OUTCOME = "area-for-improvement"


def outcome(pv: PVPage, criterion: str) -> Any:
    return pv.page.locator(f"select[data-criterion={criterion}][data-field=outcome]")


def label_of(pv: PVPage, outcome_id: str) -> str:
    return str(
        pv.page.evaluate(
            "id => JTAI.data.assessment.assessment.outcomes.find(o => o.id === id).label",
            outcome_id,
        )
    )


def agreed_on_ec1(pv_open: Any, pv_exports: Any) -> PVPage:
    """Five agencies loaded, and an agreed outcome and position recorded on EC1 (saved)."""
    pv = pv_open()
    pv.load(pv_exports.five())
    pv.show("positions")
    outcome(pv, "EC1").select_option(OUTCOME)
    field(pv, "EC1", "position").fill(POSITION)
    wait_saved(pv, POSITION)
    return pv


def test_the_agreed_outcome_band_is_saved_shown_downloaded_and_loaded_back(
    pv_open, pv_exports, tmp_path
):
    pv = agreed_on_ec1(pv_open, pv_exports)
    assert saved_board(pv)["criteria"]["EC1"]["outcome"] == OUTCOME
    axe_clean(pv, "positions with an agreed outcome")
    words = label_of(pv, OUTCOME)

    pv.page.reload()
    pv.page.wait_for_selector("#jtai-partnership[data-ready=true]")
    pv.show("positions")
    assert outcome(pv, "EC1").input_value() == OUTCOME, "saved, and back after a reload"

    pv.load(pv_exports.five())
    pv.show("agencies")
    item = pv.page.locator("ol.jtai-pv-disagree li[data-criterion=EC1]")
    assert f"Partnership’s agreed outcome: {words}" in item.inner_text()

    name, body = pv.download("section.jtai-pv-view button[data-action=export-json]")
    exported = json.loads(body)
    jsonschema.validate(exported, json.loads(PV_SCHEMA.read_text(encoding="utf-8")))
    assert exported["board"]["criteria"][0]["outcome"] == OUTCOME
    _, grid = pv.download("section.jtai-pv-view button[data-action=export-csv]")
    rows = list(csv.reader(io.StringIO(grid.decode("utf-8-sig"))))
    col = rows[0].index("Partnership's agreed outcome")
    assert {r[col] for r in rows[1:] if r[0] == "EC1"} == {words}

    path = tmp_path / name
    path.write_bytes(body)
    fresh = pv_open()
    status = fresh.load([path])
    assert ": agreed outcome" in status[name][1]
    fresh.show("positions")
    assert outcome(fresh, "EC1").input_value() == OUTCOME


def test_a_new_round_keeps_the_last_one_in_the_browser_and_the_download(
    pv_open, pv_exports, tmp_path
):
    pv = agreed_on_ec1(pv_open, pv_exports)

    pv.accept_dialogs = False  # asked first: saying no changes nothing
    pv.page.click("[data-action=new-round]")
    assert pv.dialogs and "Start a new round?" in pv.dialogs[-1]
    assert saved_board(pv)["criteria"]["EC1"]["position"] == POSITION
    pv.accept_dialogs = True
    pv.page.click("[data-action=new-round]")
    pv.page.wait_for_selector("[data-rounds] li")
    assert field(pv, "EC1", "position").input_value() == "", "the form starts empty"
    assert outcome(pv, "EC1").input_value() == ""
    assert "A new round has started" in pv.page.inner_text("#jtai-pv-rounds-status")
    board = saved_board(pv)
    assert board["criteria"] == {}
    assert len(board["rounds"]) == 1
    assert board["rounds"][0]["criteria"]["EC1"]["position"] == POSITION
    assert board["rounds"][0]["criteria"]["EC1"]["outcome"] == OUTCOME
    axe_clean(pv, "positions after a new round")

    pv.page.reload()
    pv.page.wait_for_selector("#jtai-partnership[data-ready=true]")
    pv.show("positions")
    assert pv.page.locator("[data-rounds] li").count() == 1, "kept after a reload"

    pv.load(pv_exports.five())
    pv.show("positions")
    name, body = pv.download("section.jtai-pv-view button[data-action=export-json]")
    exported = json.loads(body)
    jsonschema.validate(exported, json.loads(PV_SCHEMA.read_text(encoding="utf-8")))
    last = exported["board"]["rounds"][0]
    assert [(e["id"], e["position"], e["outcome"]) for e in last["criteria"]] == [
        ("EC1", POSITION, OUTCOME)
    ]

    path = tmp_path / name
    path.write_bytes(body)
    fresh = pv_open()
    assert BOARD_KEY not in fresh.storage()
    status = fresh.load([path])
    assert "the round closed on" in status[name][1]
    assert saved_board(fresh)["rounds"] == board["rounds"], "loaded into a fresh browser with it"


def test_the_last_load_can_be_undone_board_and_all(pv_open, pv_exports, tmp_path):
    pv = agreed_on_ec1(pv_open, pv_exports)
    pv.show("agencies")
    name, body = pv.download("section.jtai-pv-view button[data-action=export-json]")
    path = tmp_path / name
    path.write_bytes(body)

    fresh = pv_open()
    fresh.show("positions")
    field(fresh, "EC3", "position").fill("Typed here before the load.")
    wait_saved(fresh, "Typed here before the load.")
    before = saved_board(fresh)
    fresh.load([path])
    assert fresh.loaded_count() == 5
    assert saved_board(fresh)["criteria"]["EC1"]["outcome"] == OUTCOME
    fresh.page.click("[data-action=undo-load]")
    assert "The last load was undone" in fresh.page.inner_text(".jtai-pv-load-status")
    assert fresh.loaded_count() == 0
    assert saved_board(fresh) == before, "the board's record is as it was, what was typed kept"
    fresh.page.reload()
    fresh.page.wait_for_selector("#jtai-partnership[data-ready=true]")
    assert fresh.loaded_count() == 0 and saved_board(fresh) == before
    axe_clean(fresh, "after undoing a load")
