"""Self-assessment files that pass between people (issue 23, point 7): a damaged saved record is
repaired under the key it was read from, never over another assessment; a file with two actions
sharing an ID is refused, since editing one would change the other.

Each test drives the real page (site/self-assessment.html) in headless Chromium, with the guards
of assessment_support.sa_open (no outside requests, no console errors).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from assessment_support import (
    RECORD_KEY,
    describe_violations,
    sa_browser,
    sa_open,
    sa_origin,
    sa_site,
    valid_record,
)
from test_assessment import download, import_file, open_criterion

__all__ = ["sa_browser", "sa_open", "sa_origin", "sa_site"]  # fixtures, re-exported for pytest

pytestmark = pytest.mark.browser


def test_repair_saves_under_the_key_it_was_read_from_not_over_another_assessment(sa_open, tmp_path):
    sa = sa_open()
    good = valid_record("sa-good", "Police, spring")
    good_text = json.dumps(good)
    damaged = valid_record("sa-good", "Health, spring")  # inner ID of another, good assessment
    damaged["respondent"]["date"] = "20245-03-01"
    sa.page.evaluate(
        """([k, a, b]) => { localStorage.setItem(k + 'sa-good', a);
                            localStorage.setItem(k + 'sa-damaged', b); }""",
        [RECORD_KEY, good_text, json.dumps(damaged)],
    )
    sa.reload()
    sa.page.click(".jtai-nav-btn[data-view=start]")
    item = sa.page.locator(".jtai-saved-attention[data-id=sa-damaged]")
    item.locator("[data-action=repair]").click()
    changes = sa.page.locator("[data-repairs]").inner_text()
    assert "not the ID it was saved under" in changes
    stored = sa.storage()
    assert stored[RECORD_KEY + "sa-good"] == good_text, "the good assessment is untouched"
    repaired = json.loads(stored[RECORD_KEY + "sa-damaged"])
    assert repaired["id"] == "sa-damaged" and repaired["title"] == "Health, spring"
    assert repaired["respondent"]["date"] == ""

    sa.reload()
    sa.page.click(".jtai-nav-btn[data-view=start]")
    assert sa.page.locator(".jtai-saved-attention").count() == 0
    row = sa.page.locator(".jtai-saved-item[data-id=sa-damaged]")
    assert "Health, spring" in row.inner_text()
    row.locator("[data-action=open]").click()
    assert sa.page.evaluate("() => JTAI.apps['self-assessment'].record.id") == "sa-damaged"
    name, text = download(sa, "[data-action=save-copy]")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    sa.page.evaluate("() => localStorage.clear()")
    sa.reload()
    assert "Imported." in import_file(sa, path), "the repaired record exports and imports again"
    assert sa.records()["sa-damaged"] == json.loads(text)


def test_a_file_with_two_actions_sharing_an_id_is_refused(sa_open, tmp_path):
    sa = sa_open()
    before = sa.storage()
    record = valid_record("sa-twins", "Two actions, one ID")
    first = record["answers"]["EC1"]["actions"][0]
    record["answers"]["EC1"]["actions"].append(dict(first, what="A second, different action"))
    path: Path = tmp_path / "twins.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    status = import_file(sa, path)
    assert "Import failed." in status
    assert "more than one action the same ID" in status
    assert "is also the ID of action 1 under EC1" in status
    assert sa.storage() == before, "nothing saved"

    record["answers"]["EC1"]["actions"][-1]["id"] = "act-its-own"
    path.write_text(json.dumps(record), encoding="utf-8")
    assert "Imported." in import_file(sa, path), "with its own ID, the same file is accepted"
    open_criterion(sa, "EC1")
    assert sa.page.locator(".jtai-action").count() == len(record["answers"]["EC1"]["actions"])


def choose_file(sa: Any, path: Path) -> Any:
    sa.page.click(".jtai-nav-btn[data-view=start]")
    sa.page.set_input_files("input[data-action=import]", str(path))
    dialog = sa.page.locator("dialog.jtai-dialog")
    dialog.wait_for()
    return dialog


def test_an_import_is_shown_field_by_field_before_it_changes_anything_and_can_be_undone(
    sa_open, tmp_path
):
    sa = sa_open()
    record = valid_record("sa-police", "Police, spring")
    path = tmp_path / "police.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    before = sa.storage()
    dialog = choose_file(sa, path)
    changes = dialog.locator("[data-changes]").inner_text()
    title = sa.page.evaluate("() => JTAI.data.assessment.criteria.find(c => c.id === 'EC1').title")
    rated = next(iter(record["answers"]["EC1"]["indicators"]))
    assert f"EC1 {title}, statement {rated}:" in changes, "named by criterion and statement"
    assert "$." not in changes
    assert not describe_violations(sa.axe("dialog"))
    assert sa.storage() == before, "nothing changes before it is confirmed"
    dialog.locator("[data-choice=cancel]").click()
    assert "You cancelled" in sa.page.inner_text(".jtai-import-status")
    assert sa.storage() == before

    dialog = choose_file(sa, path)
    dialog.locator("[data-choice=import]").click()
    assert "was imported and is now open" in sa.page.inner_text(".jtai-import-status")
    assert "sa-police" in sa.records()

    # The same file, changed: replacing the saved copy lists each change, and undo puts it back.
    saved = sa.records()["sa-police"]
    changed = json.loads(json.dumps(record))
    changed["answers"]["EC1"]["indicators"][rated] = "rarely"
    changed["respondent"]["role"] = "Detective superintendent"
    path.write_text(json.dumps(changed), encoding="utf-8")
    dialog = choose_file(sa, path)
    lines = dialog.locator("[data-changes] li").all_inner_texts()
    assert len(lines) == 2, lines
    assert any(
        line.startswith(f"EC1 {title}, statement {rated}: ") and line.endswith("Rarely")
        for line in lines
    )
    assert any(line.startswith("Your role: ") for line in lines)
    dialog.locator("[data-choice=replace]").click()
    assert sa.records()["sa-police"]["answers"]["EC1"]["indicators"][rated] == "rarely"
    sa.page.click("[data-action=undo-import]")
    assert "The import was undone" in sa.page.inner_text(".jtai-import-status")
    assert sa.records()["sa-police"] == saved, "the saved copy is back as it was"

    # Undo of a new assessment removes it again, and the one open before opens again.
    first = sa.page.evaluate("() => JTAI.apps['self-assessment'].record.id")
    other = valid_record("sa-health", "Health, spring")
    path.write_text(json.dumps(other), encoding="utf-8")
    import_file(sa, path)
    assert "sa-health" in sa.records()
    sa.page.click("[data-action=undo-import]")
    assert "sa-health" not in sa.records()
    assert sa.page.evaluate("() => JTAI.apps['self-assessment'].record.id") == first
    sa.reload()
    assert "sa-health" not in sa.records() and sa.records()["sa-police"] == saved


def test_an_import_changed_since_is_not_undone(sa_open, tmp_path):
    sa = sa_open()
    path = tmp_path / "health.json"
    path.write_text(json.dumps(valid_record("sa-health", "Health, spring")), encoding="utf-8")
    import_file(sa, path)
    sa.page.fill("input.jtai-input >> nth=0", "Health, renamed after the import")
    sa.page.wait_for_function(
        """() => (JSON.parse(localStorage.getItem('jtai-ready:assessment:sa-health')) || {})
                 .title === 'Health, renamed after the import'"""
    )
    sa.page.click("[data-action=undo-import]")
    assert "was not undone" in sa.page.inner_text(".jtai-import-status")
    assert sa.records()["sa-health"]["title"] == "Health, renamed after the import"
