"""The self-assessment's criterion card shows what inspectors found in their letters.

The expected findings come from the page's own data (window.JTAI.data.assessment), which the
generator builds from the worked examples, so the test follows the content.
"""

from __future__ import annotations

import pytest
from assessment_support import describe_violations, sa_browser, sa_open, sa_origin, sa_site

__all__ = ["sa_browser", "sa_open", "sa_origin", "sa_site"]  # fixtures, re-exported for pytest

pytestmark = pytest.mark.browser


def test_the_card_lists_the_letters_findings_grouped_with_area_and_letter(sa_open):
    sa = sa_open()
    page = sa.page
    found = page.evaluate("() => JTAI.data.assessment.criteria.find(c => c.id === 'EC9').found")
    assert [g["group"] for g in found][:3] == ["priority", "improve", "strength"]
    page.click(".jtai-nav-btn[data-view=criteria]")
    page.wait_for_selector(".jtai-crit-list")
    page.click(".jtai-crit-item[data-criterion=EC9] .jtai-crit-link")
    card = page.locator("article.jtai-criterion[data-criterion=EC9] details.jtai-found")
    total = sum(len(g["findings"]) for g in found)
    assert card.locator("summary").inner_text().endswith(f"({total} findings)")
    card.locator("summary").click()
    for g in found:
        section = card.locator(f"section[data-group={g['group']}]")
        assert section.locator("h3").inner_text() == g["heading"]
        items = section.locator("li")
        assert items.count() == len(g["findings"])
        for n, f in enumerate(g["findings"]):
            item = items.nth(n)
            assert item.locator("strong").inner_text() == f["area"]
            assert f"\u201c{f['quote']}\u201d" in item.inner_text()
            assert item.locator(f'a[href="{f["address"]}"]').count() == 1
    violations = sa.axe("article.jtai-criterion")
    assert not violations, describe_violations(violations)
