"""Nothing loaded into the Partnership view is lost without a word (issue 11), in headless
Chromium: a combined file whose framework_id no code can turn into text gets its own message while
the rest of the batch loads; following a link and pressing Back brings every loaded file back,
with a message; reloading still starts empty.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from assessment_support import IMPORTS, sa_browser, sa_open, sa_origin, sa_site
from partnership_support import PVPage, pv_open

__all__ = ["pv_open", "sa_browser", "sa_open", "sa_origin", "sa_site"]

pytestmark = pytest.mark.browser


def two_assessments(folder: Path) -> list[Path]:
    """Two valid self-assessment exports (from the import fixtures), for two agencies."""
    valid = json.loads((IMPORTS / "valid.json").read_text(encoding="utf-8"))
    health = dict(valid, id="sa-health", title="Health review")
    health["respondent"] = dict(valid["respondent"], agency="health")
    paths = [folder / "police.json", folder / "health.json"]
    for path, record in zip(paths, [valid, health], strict=True):
        path.write_text(json.dumps(record), encoding="utf-8")
    return paths


def test_a_hostile_framework_id_gets_its_own_message_and_the_batch_loads(pv_open, tmp_path):
    good = two_assessments(tmp_path)
    valid = json.loads(good[0].read_text(encoding="utf-8"))
    hostile = tmp_path / "combined.json"
    hostile.write_text(
        json.dumps(
            {
                "format": "jtai-ready-partnership",
                "format_version": 1,
                "framework_id": {"toString": 1, "valueOf": 1},
                "assessments": [valid],
            }
        ),
        encoding="utf-8",
    )
    pv = pv_open()
    status = pv.load([good[0], hostile, good[1]])
    assert status["combined.json"][0] == "is-refused"
    assert "different inspection framework" in status["combined.json"][1]
    assert status["police.json"][0] == "is-added"
    assert status["health.json"][0] == "is-added"
    assert pv.loaded_count() == 2


def test_back_after_following_a_link_restores_every_loaded_file(sa_open, tmp_path):
    # Not pv_open: its fixed clock replaces window.performance, which tells Back from a reload.
    pv = PVPage(sa_open(load=False)).open()
    pv.load(two_assessments(tmp_path))
    assert pv.loaded_count() == 2
    assert "Back brings them back" in pv.page.inner_text(".jtai-pv-bar")
    pv.page.goto(f"{pv.sa.origin}/self-assessment.html")  # as a link would
    pv.page.wait_for_selector(".jtai-bar")
    pv.page.go_back()
    pv.page.wait_for_selector("#jtai-partnership[data-ready=true]")
    restored = pv.page.locator(".jtai-pv-load-status[data-restored]")
    restored.wait_for()
    assert pv.loaded_count() == 2
    text = restored.inner_text()
    assert "2 " in text and ("Restored" in text or "still here" in text), text
    assert not [k for k in pv.storage() if k.startswith("jtai-ready:partnership")], (
        "nothing is written to localStorage"
    )
    pv.page.reload()
    pv.page.wait_for_selector("#jtai-partnership[data-ready=true]")
    assert pv.loaded_count() == 0, "a reload starts empty, as the page says"
