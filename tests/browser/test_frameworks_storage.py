"""Two frameworks in one site keep their saved work apart (issue 15 point 2): the tiny
framework's self-assessment (under tiny-2025/) starts with its own criteria, and an assessment
saved there is not listed on the default framework's page, nor the default's there.

Builds its own two-framework site (tests/tiny_content.py make_pair) and drives the real pages in
headless Chromium with one browser profile, as a person moving between the two would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tiny_content
from browser_support import serve_directory

from generator import model, pipeline

pytestmark = [pytest.mark.browser, pytest.mark.syv]

TINY = tiny_content.TINY_ID
RECORD_ID = "() => JTAI.apps['self-assessment'].record.id"
CRITERIA = "() => [...document.querySelectorAll('.jtai-crit-item')].map(e => e.dataset.criterion)"


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_content.make_pair(tmp_path_factory.mktemp("pair") / "content")


@pytest.fixture(scope="module")
def pair_origin(pair: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tiny_content.build_pair(pair, tmp_path_factory.mktemp("pair-site") / "site")
    with serve_directory(site) as origin:
        yield origin


def shown(pair: Path) -> model.Site:
    checked = pipeline.check(pair, pair.parent)
    assert not checked.problems
    return model.build(checked.docs, pair)


def ids(fw: model.Framework) -> list[str]:
    return sorted(c.id for c in fw.criteria if not c.retired)


def open_assessment(context: Any, url: str) -> Any:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector(".jtai-bar")
    assert not errors
    return page


def start_one(page: Any, criterion: model.Criterion) -> str:
    """Rate one indicator (which saves the assessment); return the assessment's ID."""
    page.click(".jtai-nav-btn[data-view=criteria]")
    page.wait_for_selector(".jtai-crit-list")
    page.click(f".jtai-crit-item[data-criterion={criterion.id}] .jtai-crit-link")
    indicator = criterion.indicators[0].id
    page.click(f'[data-group="{indicator}"] input[data-value="mostly"]')
    page.wait_for_function(f"() => ({RECORD_ID})() !== null")
    return page.evaluate(RECORD_ID)


def listed(page: Any) -> list[str]:
    page.reload()
    page.wait_for_selector(".jtai-bar")
    page.click(".jtai-nav-btn[data-view=start]")
    return page.eval_on_selector_all(".jtai-saved-item", "els => els.map(e => e.dataset.id)")


def test_each_framework_keeps_its_own_assessments(browser: Any, pair_origin: str, pair: Path):
    site = shown(pair)
    tiny_fw, default_fw = site.others[0], site.framework
    context = browser.new_context(locale="en-GB")
    try:
        tiny = open_assessment(context, f"{pair_origin}/{TINY}/self-assessment.html")
        tiny.click(".jtai-nav-btn[data-view=criteria]")
        tiny.wait_for_selector(".jtai-crit-list")
        assert sorted(tiny.evaluate(CRITERIA)) == ids(tiny_fw)
        tiny_id = start_one(tiny, tiny_fw.criteria[0])

        default = open_assessment(context, f"{pair_origin}/self-assessment.html")
        default.click(".jtai-nav-btn[data-view=criteria]")
        default.wait_for_selector(".jtai-crit-list")
        assert sorted(default.evaluate(CRITERIA)) == ids(default_fw)
        default_id = start_one(default, default_fw.criteria[0])

        assert listed(tiny) == [tiny_id]
        assert listed(default) == [default_id]
        keys = default.evaluate("() => Object.keys(localStorage)")
        assert f"jtai-ready:assessment:{default_id}" in keys  # the default's keys as they were
        assert f"jtai-ready:{TINY}:assessment:{tiny_id}" in keys
    finally:
        context.close()
