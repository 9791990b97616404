"""The rules read on rendered pages report a problem at the field behind it, in the page's own
framework: two themes often hold the same words (a second theme ingested from a newer edition of
the same guidance), and a maintainer must be sent to the file whose page shows them."""

from __future__ import annotations

from pathlib import Path

from generator.load import Document
from generator.model import Term
from generator.page_rules import check

GLOSSARY = (Term("dcs", "DCS", "The director.", "director of children’s services"),)
TEXT = "DCS has 9 working days to coordinate the partnership’s comments"


def timescale_doc(content: Path, framework: str) -> Document:
    path = content / framework / "after.yml"
    data = {"letter": {"timescales": [{"activity": TEXT}]}}
    return Document(path, f"criteria/{framework}/after.yml", data, {(): 1}, "")


def test_a_problem_is_reported_in_the_pages_own_framework(tmp_path: Path) -> None:
    docs = [timescale_doc(tmp_path, f) for f in ("first", "second")]
    pages = {"after.md": f"# After\n\n| {TEXT} |\n", "second/after.md": f"# After\n\n| {TEXT} |\n"}
    problems = check(pages, pages, docs, GLOSSARY, tmp_path, ("first", "second"))
    assert [(p.file, "second/" in p.message) for p in problems] == [
        ("criteria/first/after.yml", False),
        ("criteria/second/after.yml", True),
    ], problems


def test_without_the_frameworks_the_first_field_with_the_words_is_named(tmp_path: Path) -> None:
    docs = [timescale_doc(tmp_path, f) for f in ("first", "second")]
    pages = {"second/after.md": f"# After\n\n| {TEXT} |\n"}
    problems = check(pages, pages, docs, GLOSSARY, tmp_path)
    assert [p.file for p in problems] == ["criteria/first/after.yml"], problems
