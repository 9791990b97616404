"""Search in the browser (issue 19 point 6): a criterion is found by "EC7" and by "EC 7", and a
page kept in the index by its title only is still found by its title, over http and from disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_support import RecordedPage, assert_no_outside_requests

SEARCH_TIMEOUT_MS = 20_000
FIRST_RESULT = ".md-search-result__item a"


def first_result(recorded: RecordedPage, words: str) -> str:
    """Type `words` into the header's search box; the address of the first result."""
    page = recorded.page
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(words, delay=20)
    page.locator(".md-search-result__meta").filter(has_text="matching").wait_for(
        timeout=SEARCH_TIMEOUT_MS
    )
    href = str(page.locator(FIRST_RESULT).first.get_attribute("href"))
    return href.partition("?")[0]  # the search adds ?h=WORDS to highlight them


@pytest.mark.parametrize("words", ["EC7", "EC 7", "ec7"])
def test_a_criterion_is_found_by_its_number(page: Any, site_server: str, words: str) -> None:
    recorded = page(f"{site_server}/index.html")
    assert first_result(recorded, words).endswith("criteria/ec7.html"), words
    assert not recorded.console_errors, recorded.console_errors
    assert_no_outside_requests(recorded.requests, site_server)


def test_a_handout_is_found_by_its_title_from_disk(page: Any, built_site: Path) -> None:
    recorded = page((built_site / "index.html").as_uri())
    href = first_result(recorded, "Handout Merton")
    assert href.endswith("examples/handout-merton-2023.html"), href
    assert not recorded.console_errors, recorded.console_errors
