"""Property-style test of the self-assessment (issue 11, point 1): whatever a person does with the
form, what is saved is a valid record, and saving, reloading, exporting and re-importing all give
the same record.

For each seed in SEEDS, a seeded random sequence of STEPS actions drives the real form in headless
Chromium: ratings, overrides ticked, chosen, blanked and cleared, actions added past the limit of
50 and removed, statuses blanked, real and impossible dates (a 31 February, a five-digit year, a
whole date typed into the Day box) typed in the date boxes, and a real export and re-import.
After every step the saved record must fit the format and the framework, equal what the page
holds, come back unchanged after a reload, and survive the page's own export and import checks.
A failure names the seed and the step, so it can be replayed. Kept small (5 seeds x 10 steps,
each with a reload): the test machine has two cores.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import pytest
from assessment_support import IMPORTS, SAPage, sa_browser, sa_open, sa_origin, sa_site
from test_assessment import download, open_criterion

__all__ = ["sa_browser", "sa_open", "sa_origin", "sa_site"]

pytestmark = pytest.mark.browser

SEEDS = (11, 23, 37, 41, 59)
STEPS = 10
CRITERIA = ("EC1", "EC2")
RECORD = "sa-property"


def start_record() -> dict[str, Any]:
    """A valid record whose EC1 already has 48 actions, so steps cross the limit of 50."""
    record = json.loads((IMPORTS / "valid.json").read_text(encoding="utf-8"))
    record["id"] = RECORD
    first = record["answers"]["EC1"]["actions"][0]
    record["answers"]["EC1"]["actions"] = [dict(first, id=f"act-{i}") for i in range(48)]
    return record


class Driver:
    """Drives the form at random; `rng` decides every choice."""

    def __init__(self, sa: SAPage, rng: random.Random) -> None:
        self.sa = sa
        self.rng = rng
        self.page = sa.page
        data = self.page.evaluate("() => JTAI.data.assessment")
        scale = data["assessment"]["scale"]
        self.ratings = [x["id"] for x in scale["levels"] + scale["outside"]] + [""]
        self.outcomes = [o["id"] for o in data["assessment"]["outcomes"]] + [""]
        self.statuses = [s["id"] for s in data["assessment"]["action_statuses"]] + [""]
        self.indicators = {
            c["id"]: [i["id"] for i in c["indicators"]]
            for c in data["criteria"]
            if c["id"] in CRITERIA
        }
        self.cid = CRITERIA[0]

    def actions(self) -> list[Callable[[], str]]:
        return [
            self.rate,
            self.rate,
            self.toggle_override,
            self.choose_outcome,
            self.write_reason,
            self.add_action,
            self.add_action,
            self.remove_action,
            self.set_status,
            self.type_due_date,
            self.type_respondent_date,
            self.export_and_import,
        ]

    def go(self) -> None:
        self.cid = self.rng.choice(CRITERIA)
        open_criterion(self.sa, self.cid)

    def rate(self) -> str:
        self.go()
        ind = self.rng.choice(self.indicators[self.cid])
        value = self.rng.choice(self.ratings)
        self.page.click(f'[data-group="{ind}"] input[data-value="{value}"]')
        return f"rate {ind} {value or 'not assessed'}"

    def toggle_override(self) -> str:
        self.go()
        self.page.click(".jtai-outcome input[type=checkbox]")
        return f"toggle the override on {self.cid}"

    def choose_outcome(self) -> str:
        self.go()
        panel = self.page.locator(".jtai-override-panel")
        if panel.is_hidden():
            return self.toggle_override()
        value = self.rng.choice(self.outcomes)
        panel.locator("select").select_option(value)
        return f"choose outcome {value or 'blank'} on {self.cid}"

    def write_reason(self) -> str:
        self.go()
        if self.page.locator(".jtai-override-panel").is_hidden():
            return self.toggle_override()
        text = self.rng.choice(["", "Audit found gaps.", "  "])
        self.page.fill(".jtai-override-reason textarea", text)
        return f"reason {text!r} on {self.cid}"

    def add_action(self) -> str:
        self.go()
        self.page.click("[data-action=add-action]")
        return f"add an action on {self.cid}"

    def remove_action(self) -> str:
        self.go()
        buttons = self.page.locator("[data-action=remove-action]")
        if buttons.count() == 0:
            return self.add_action()
        buttons.nth(self.rng.randrange(buttons.count())).click()
        return f"remove an action on {self.cid}"

    def pick_action(self) -> Any:
        actions = self.page.locator(".jtai-action")
        if actions.count() == 0:
            self.page.click("[data-action=add-action]")
        return actions.nth(self.rng.randrange(actions.count()))

    def set_status(self) -> str:
        self.go()
        value = self.rng.choice(self.statuses)
        self.pick_action().locator("select").nth(1).select_option(value)
        return f"status {value or 'blank'} on {self.cid}"

    def type_date(self, group: Any) -> str:
        """Type into the Day, Month and Year boxes: a real date, one typed whole into the Day box,
        an impossible day, a five-digit year, or nothing; then leave the boxes."""
        kind = self.rng.choice(["real", "whole", "31-feb", "five", "empty"])
        typed = {
            "real": ("1", "2", "2024"),
            "whole": ("01022024", "", ""),
            "31-feb": ("31", "2", "2024"),
            "five": ("1", "2", "20245"),
            "empty": ("", "", ""),
        }[kind]
        for part, text in zip(("Day", "Month", "Year"), typed, strict=True):
            if text or kind != "whole":
                group.get_by_label(part, exact=True).fill(text)
        group.get_by_label("Year", exact=True).press("Tab")
        return kind

    def type_due_date(self) -> str:
        self.go()
        group = self.pick_action().get_by_role("group", name="Due date")
        return f"due date {self.type_date(group)}"

    def type_respondent_date(self) -> str:
        self.page.click(".jtai-nav-btn[data-view=start]")
        group = self.page.get_by_role("group", name="Date of this assessment")
        return f"assessment date {self.type_date(group)}"

    def export_and_import(self) -> str:
        name, text = download(self.sa, "[data-action=save-copy]")
        self.page.click(".jtai-nav-btn[data-view=start]")
        self.page.set_input_files(
            "input[data-action=import]",
            files=[{"name": name, "mimeType": "application/json", "buffer": text.encode()}],
        )
        self.page.click("dialog [data-choice=replace]")
        status = self.page.locator(".jtai-import-status")
        status.locator("p").first.wait_for()
        assert "Imported." in status.inner_text(), status.inner_text()
        return "export, then import replacing the saved copy"


CHECK = """() => {
  const App = JTAI.apps['self-assessment'];
  const text = localStorage.getItem('jtai-ready:assessment:' + App.record.id);
  const saved = JSON.parse(text);
  const back = JTAI.io.parseImport(JTAI.io.exportJSON(saved), App.data);
  const shape = JTAI.io.schemaErrors(saved);
  const problems = shape.length ? shape : JTAI.io.referenceErrors(saved, App.data);
  return { id: App.record.id, held: App.record, text, problems,
    imported: back.ok ? back.record : back.details.concat([back.message]),
    listed: !!document.querySelector('.jtai-saved-item[data-id="' + App.record.id + '"]') ||
      App.view !== 'start' };
}"""


def check(sa: SAPage) -> None:
    """Saving, reloading, exporting and re-importing all give the same valid record."""
    before = sa.page.evaluate(CHECK)
    assert before["id"] == RECORD
    assert before["problems"] == [], before["problems"]
    saved = json.loads(before["text"])
    assert before["held"] == saved, "what is saved is what the page holds"
    assert before["imported"] == saved, "the export is accepted and reads back the same"
    sa.reload()
    after = sa.page.evaluate(CHECK)
    assert after["id"] == RECORD, "the same assessment opens after a reload"
    assert after["text"] == before["text"], "a reload changes nothing saved"
    assert after["held"] == saved
    assert after["listed"], "it is listed under Your assessments"
    assert sa.page.locator(".jtai-saved-attention").count() == 0


@pytest.mark.parametrize("seed", SEEDS)
def test_random_use_of_the_form_always_saves_a_valid_record(sa_open, seed):
    sa = sa_open()
    sa.page.evaluate(
        """r => { localStorage.clear();
                  localStorage.setItem('jtai-ready:assessment:' + r.id, JSON.stringify(r));
                  localStorage.setItem('jtai-ready:current', r.id); }""",
        start_record(),
    )
    sa.reload()
    rng = random.Random(seed)
    driver = Driver(sa, rng)
    done: list[str] = []
    for step in range(STEPS):
        action = rng.choice(driver.actions())
        try:
            done.append(action())
            check(sa)
        except Exception as e:  # any failure names its seed and step
            raise AssertionError(
                f"seed {seed}, step {step + 1}: {' / '.join(done[-5:])}: {e}"
            ) from e
