"""The preview's problems page (issue 21 point 5): while the content is broken, `make serve`
answers every address with the problems; at a nested address the page is styled, its list of
problems is at the top, and once the content is fixed the page returns to the real page by
itself (live reload, allowed by the Content-Security-Policy while serving)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tiny_content
from browser_support import run_axe
from preview import WAIT, poll, serving

FIXED_TEXT = "Agencies work together to identify children at risk."


def test_problems_page_is_styled_at_the_top_and_leaves_once_fixed(
    page: Any, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    criteria = tiny_content.make(content) / "criteria.yml"
    original = criteria.read_text(encoding="utf-8")
    criteria.write_text(original.replace("  title: ", "  titel: ", 1), encoding="utf-8")
    with serving(content, tmp_path / "serve.log") as origin:
        url = f"{origin}/criteria/ec1.html"  # a nested address: no page is built there
        poll(url, lambda status, body: status == 404 and "jtai-problems" in body)
        recorded = page()
        stylesheets: list[Any] = []
        recorded.page.on(
            "response",
            lambda r: stylesheets.append(r) if r.request.resource_type == "stylesheet" else None,
        )
        recorded.goto(url)
        assert stylesheets, "the problems page asked for no stylesheet"
        assert [(r.url, r.status) for r in stylesheets if r.status != 200] == []
        header = recorded.page.locator(".md-header")
        assert header.evaluate("e => getComputedStyle(e).position") == "sticky"
        box = recorded.page.locator("ol.jtai-problems").bounding_box()
        assert box is not None and box["y"] < 600, box
        assert run_axe(recorded.page) == []
        with recorded.page.expect_event("load", timeout=WAIT * 1000):
            criteria.write_text(original, encoding="utf-8")  # fixed: the page reloads itself
        assert FIXED_TEXT in recorded.page.locator("article").inner_text()
        assert recorded.page.locator("ol.jtai-problems").count() == 0
