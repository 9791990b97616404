"""Guidance in the shapes a newer theme may take (issue 20 point 4), each made at test time from
a text in guidance.txt's shape (tests/ingest_shapes.py), ingested, checked and built.

- The tiny guidance in every shape, each ingested as its own framework beside serious youth
  violence in one content folder, checked once and built strictly once (a site of eight themes):
  what ingest found is verbatim with its own paragraph numbers, what a shape leaves out is marked
  "To review" in the files, the checklist and on the site, and the home page offers every theme.
  The tests that read the eight themes' site are marked slow: `make test` runs them,
  `make test-fast` leaves that build out.
- The serious youth violence guidance in every shape: its 21 criteria and all 93 Annex A items
  still read verbatim, and the seven full-size themes, ingested beside the shipped one, check
  clean (every abbreviation in the framework's words is spelled out on every page).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import tiny_content
import yaml
from ingest_shapes import SHAPES, STAGES, as_html
from paths import SOURCE

from generator import guidance, pipeline
from generator.ingest import Ingested, files, ingest

pytestmark = pytest.mark.syv  # serious youth violence is the default theme beside them

TEXT = (tiny_content.TINY / "guidance.txt").read_text(encoding="utf-8")
NAMES = list(SHAPES)
IDS = {name: f"shape-{name}" for name in NAMES}
YAML = ("framework.yml", "criteria.yml", "annex-a.yml", "timeline.yml", "after.yml")


class Shaped(NamedTuple):
    content: Path
    ran: dict[str, tiny_content.Ran]  # by shape name


def file_name(name: str) -> str:
    return f"{name}.html" if SHAPES[name] is as_html else f"{name}.txt"


@pytest.fixture(scope="module")
def shaped(tmp_path_factory: pytest.TempPathFactory) -> Shaped:
    folder = tmp_path_factory.mktemp("shapes")
    guidances = {}
    for name, shape in SHAPES.items():
        path = folder / file_name(name)
        path.write_text(shape(TEXT), encoding="utf-8")
        guidances[IDS[name]] = path
    ran = tiny_content.make_beside_real(folder / "content", guidances)
    return Shaped(folder / "content", {name: ran[IDS[name]] for name in NAMES})


@pytest.fixture(scope="module")
def built(shaped: Shaped, tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert all(r.code == 0 for r in shaped.ran.values()), shaped.ran
    return tiny_content.build_pair(shaped.content, tmp_path_factory.mktemp("site") / "site")


def written(shaped: Shaped, name: str, file: str) -> Any:
    return yaml.safe_load((shaped.content / IDS[name] / file).read_text(encoding="utf-8"))


def own_paragraphs(shaped: Shaped, name: str) -> dict[int, str]:
    """The paragraphs of the guidance.txt ingest kept for the shape, as the framework page reads
    them."""
    read = guidance.read(shaped.content / IDS[name])
    assert read is not None
    return read.paragraphs


def base() -> dict[str, Any]:
    """The tiny guidance as it is, read by ingest (nothing written): what every shape keeps."""
    path = tiny_content.TINY / "guidance.txt"
    result = ingest(path)
    assert isinstance(result, Ingested)
    return files.framework_files(result.parsed, "base", result.source.text())


def paras_in(data: Any) -> Iterator[int]:
    """Every paragraph number a file cites, in order."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from value if key == "paras" else paras_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from paras_in(value)


@pytest.mark.parametrize("name", NAMES)
def test_each_shape_is_ingested(shaped: Shaped, name: str):
    ran = shaped.ran[name]
    assert ran.code == 0, ran.err
    assert "Read from the guidance" in ran.out and not ran.err


def test_the_folder_of_eight_themes_checks_clean(shaped: Shaped):
    problems = pipeline.check(shaped.content, shaped.content.parent).problems
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("name", NAMES)
def test_what_each_shape_gives_is_verbatim_with_its_own_paragraphs(shaped: Shaped, name: str):
    own = own_paragraphs(shaped, name)
    want = base()

    criteria = written(shaped, name, "criteria.yml")["criteria"]
    assert [c["text"] for c in criteria] == [c["text"] for c in want["criteria.yml"]["criteria"]]
    for c in criteria:  # cited where the shape's own text introduces them
        assert "criteria set out below" in own[c["paras"][0]], (c["id"], c["paras"])
    items = [i for s in written(shaped, name, "annex-a.yml")["sections"] for i in s["items"]]
    base_items = [i for s in want["annex-a.yml"]["sections"] for i in s["items"]]
    assert [i["description"] for i in items] == [i["description"] for i in base_items]
    timescales = written(shaped, name, "after.yml")["letter"]["timescales"]
    assert [t["working_days"] for t in timescales] == [15, 31, 34]
    for t in timescales:
        assert "to_review" not in t and "letter of findings" in own[t["paras"][0]], t
    notice = written(shaped, name, "timeline.yml")["rules"]
    assert notice["notice_working_days"] == 10
    assert "10 working days before" in own[notice["paras"][0]]
    assert set(paras_in(written(shaped, name, "criteria.yml"))) <= set(own)


def test_timescales_in_sentences_are_read_from_the_sentences(shaped: Shaped):
    own = own_paragraphs(shaped, "timescales-sentences")
    [para] = {
        t["paras"][0]
        for t in written(shaped, "timescales-sentences", "after.yml")["letter"]["timescales"]
    }
    assert "Letter published 34 working days after fieldwork ends." in own[para]


def test_no_complaints_section_is_marked_to_review_in_files_and_checklist(shaped: Shaped):
    for name in NAMES:
        window = written(shaped, name, "after.yml")["complaints"]["window"]
        missing = name == "no-complaints"
        assert ("to_review" in window) == missing, name
        assert ("paras" in window) != missing, name
        assert (
            "not found in the guidance: the complaints window" in shaped.ran[name].out
        ) == missing


@pytest.mark.slow
def test_no_complaints_section_is_marked_not_yet_reviewed_on_the_site(built: Path):
    planner = (built / IDS["no-complaints"] / "planner.html").read_text(encoding="utf-8")
    complaints = planner[planner.index('id="complaints"') :]
    assert "working days after publication (not yet reviewed)" in complaints
    assert "Not yet reviewed." in complaints
    other = (built / IDS["criteria-list"] / "planner.html").read_text(encoding="utf-8")
    assert "not yet reviewed" not in other[other.index('id="complaints"') :]


def test_four_journey_stages_are_four_focus_areas(shaped: Shaped):
    own = own_paragraphs(shaped, "journey-stages")
    areas = written(shaped, "journey-stages", "framework.yml")["focus_areas"]
    stages = [a for a in areas if a["id"] != "to-review"]
    assert [a["title"] for a in stages] == list(STAGES)
    assert [a["points"] for a in stages] == [[s] for s in STAGES]
    for area in stages:
        assert own[area["paras"][0]] == area["lead_in"]
        assert area["lead_in"].endswith("at each stage of a child’s experience:")
    assert [a["id"] for a in written(shaped, "criteria-list", "framework.yml")["focus_areas"]] == [
        "to-review"
    ]


def test_one_more_paragraph_shifts_every_cited_number(shaped: Shaped):
    want = base()
    for file in YAML:
        got = list(paras_in(written(shaped, "one-more-paragraph", file)))
        assert got == [p + 1 if p >= 2 else p for p in paras_in(want[file])], file


@pytest.mark.parametrize("name", ["html", "annex-a-bullets"])
def test_the_html_page_and_annex_a_as_bullets_give_what_the_text_gives(shaped: Shaped, name: str):
    want = base()
    for file in ("criteria.yml", "timeline.yml", "after.yml"):
        got = written(shaped, name, file)
        assert got == {**want[file], "framework": IDS[name]}, file
    sections = written(shaped, name, "annex-a.yml")["sections"]
    base_sections = want["annex-a.yml"]["sections"]
    if name == "html":
        assert sections == base_sections
    else:  # a list has no item numbers: the items are the paragraph's, with its deadline
        assert [len(s["items"]) for s in sections] == [len(s["items"]) for s in base_sections]
        assert [s["deadline"] for s in sections] == [s["deadline"] for s in base_sections]


@pytest.mark.slow
def test_the_site_offers_every_theme_and_builds_each_one(shaped: Shaped, built: Path):
    home = (built / "index.html").read_text(encoding="utf-8")
    for name in NAMES:
        assert f'href="{IDS[name]}/index.html"' in home, name
        criterion = written(shaped, name, "criteria.yml")["criteria"][0]
        page = (built / IDS[name] / "criteria" / "ec1.html").read_text(encoding="utf-8")
        assert criterion["text"].split(".")[0] in page, name
    assert (built / "criteria" / "ec21.html").is_file()  # serious youth violence, the default


# The real guidance in each shape: ingest only, compared with the curated content.


def curated(file: str) -> Any:
    return yaml.safe_load((tiny_content.REAL / "syv-2023" / file).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_the_real_guidance_in_each_shape_still_gives_its_criteria_and_93_items(
    tmp_path: Path, name: str
):
    path = tmp_path / file_name(name)
    path.write_text(SHAPES[name](SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
    result = ingest(path)
    assert isinstance(result, Ingested), "\n".join(map(str, result))
    data = files.framework_files(result.parsed, "syv-shape", result.source.text())
    texts = [c["text"] for c in data["criteria.yml"]["criteria"]]
    assert texts == [c["text"] for c in curated("criteria.yml")["criteria"]]
    got = [i["description"] for s in data["annex-a.yml"]["sections"] for i in s["items"]]
    want = [i["description"] for s in curated("annex-a.yml")["sections"] for i in s["items"]]
    assert len(got) == 93 == len(want)
    assert not [d for d in want if not any(d in g for g in got)]
    window = data["after.yml"]["complaints"]["window"]
    assert ("to_review" in window) == (name == "no-complaints")


def test_the_real_guidance_in_every_shape_checks_clean_beside_the_shipped_theme(tmp_path: Path):
    guidances = {}
    for name, shape in SHAPES.items():
        path = tmp_path / file_name(name)
        path.write_text(shape(SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
        guidances[f"full-{name}"] = path
    ran = tiny_content.make_beside_real(tmp_path / "content", guidances)
    assert all(r.code == 0 for r in ran.values()), {k: r.err for k, r in ran.items() if r.code}
    content = tmp_path / "content"
    problems = pipeline.check(content, content.parent).problems
    assert not problems, "\n".join(map(str, problems))
