"""Stage 3 (link) helpers and stage 5 (render) filters, plus golden files for generated pages.

Golden files: set UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff.
"""

from __future__ import annotations

import itertools
import os

import pytest
from paths import CONTENT, ROOT

from generator import model, pipeline, render
from generator.link import _closest, walk
from generator.model import Deadline, clock

pytestmark = pytest.mark.syv  # about the real serious youth violence content

GOLDEN = ROOT / "tests" / "golden"


def test_walk_reaches_lists_and_mappings():
    data = {"a": [{"id": 1}, {"id": 2}], "b": {"x": {"f": [3]}, "y": {"f": [4]}}}
    assert list(walk(data, "a[*].id")) == [(("a", 0, "id"), 1), (("a", 1, "id"), 2)]
    assert [v for _, v in walk(data, "b.*.f[*]")] == [3, 4]
    assert list(walk(data, "missing[*].id")) == []


def test_close_matches_are_suggested():
    assert _closest("EC22", ["EC2", "EC21"]) in {"EC2", "EC21"}
    assert _closest("polce", ["police", "health"]) == "police"
    assert _closest("zzz", ["police"]) is None


@pytest.mark.parametrize(
    ("time", "words"),
    [
        ("17:00", "5pm"),
        ("11:00", "11am"),
        ("12:00", "midday"),
        ("09:30", "9:30am"),
        ("00:00", "12am"),
    ],
)
def test_clock_uses_govuk_style(time, words):
    assert clock(time) == words


def test_deadlines_read_naturally_and_sort_in_time_order():
    assert str(Deadline(1, "tuesday", "17:00")) == "5pm Tuesday, week 1"
    assert str(Deadline(3, "tuesday")) == "Tuesday, week 3"
    assert str(Deadline(2)) == "Week 2"
    ordered = sorted(
        [
            Deadline(2, "monday"),
            Deadline(1, "friday", "11:00"),
            Deadline(1, "friday", "09:00"),
            Deadline(1),
        ],
        key=lambda d: d.sort_key,
    )
    assert [str(d) for d in ordered] == [
        "9am Friday, week 1",
        "11am Friday, week 1",
        "Week 1",
        "Monday, week 2",
    ]


def test_filters():
    assert render.paras([38]) == "paragraph 38"
    assert render.paras([126, 127]) == "paragraphs 126 and 127"
    assert render.paras([42, 45, 46]) == "paragraphs 42, 45 and 46"
    assert render.longdate("2023-09-22") == "22 September 2023"
    assert render.anchor("A-1.4") == "a-1-4"
    assert render.cell("a | b\n c") == "a \\| b c"


@pytest.fixture(scope="module")
def generated() -> render.Generated:
    return pipeline.generate(CONTENT, ROOT)


@pytest.mark.parametrize(
    "page", ["criteria/ec4.md", "annex-a/police.md", "guides/one-minute.md", "criteria/index.md"]
)
def test_golden_pages(generated, page):
    golden = GOLDEN / page.replace("/", "__")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(generated.pages[page], encoding="utf-8")
    assert generated.pages[page] == golden.read_text(encoding="utf-8")


def test_rendering_needs_only_the_model(site: model.Site, generated: render.Generated):
    """Render takes a Site of frozen dataclasses (the session's, checked clean and modelled once:
    conftest.py); changing one is impossible."""
    with pytest.raises(AttributeError):
        site.framework.criteria[0].text = "changed"  # type: ignore[misc]
    assert render.render(site).pages.keys() == generated.pages.keys()


def test_generated_lists_are_separated_from_paragraphs(generated):
    """A Markdown list must follow a blank line, or it renders as part of the paragraph."""
    offenders = []
    for path, text in generated.pages.items():
        lines = text.splitlines()
        for n, (before, line) in enumerate(itertools.pairwise(lines), start=2):
            starts_list = line.startswith(("- ", "1. "))
            if starts_list and before.strip() and not before.startswith(("- ", "  ", "1. ")):
                offenders.append(f"{path}:{n}: {line[:50]}")
    assert not offenders, "\n".join(offenders)
