"""The draft notice (generator/drafts.py) goes under a page's title, never above its front matter:
the generator's tree keeps front matter in each page, and a notice above it would turn the front
matter into text (an app page would lose its scripts)."""

from __future__ import annotations

from generator import drafts

PAGE = "---\ntitle: Planner\napp: planner\n---\n\n# Planner\n\nDeadline: To review\n"


def test_the_notice_goes_under_the_title_after_the_front_matter():
    marked = drafts.marked(PAGE)
    assert marked.startswith("---\ntitle: Planner\napp: planner\n---\n\n# Planner\n\n")
    assert marked.index("# Planner") < marked.index(drafts.NOTE) < marked.index("Deadline")
    assert marked.replace(f"{drafts.NOTE}\n\n", "") == PAGE


def test_a_page_without_front_matter_gets_the_notice_under_its_title():
    assert drafts.marked("# Planner\nTo review\n") == f"# Planner\n\n{drafts.NOTE}\n\nTo review\n"
    assert drafts.marked("Text: To review\n") == f"{drafts.NOTE}\n\nText: To review\n"


def test_a_reviewed_page_is_left_as_it_is():
    assert drafts.marked(PAGE.replace("To review", "3 days")) == PAGE.replace("To review", "3 days")
