"""Generic generator tests that hold for any framework: the real one and the tiny one ingest
makes from tests/tiny/guidance.txt (tests/tiny_content.py). The real one's runs are marked syv.

Each checks clean, generates every page the framework's data calls for, and hands the browser
data that fits its contracts (generator/schemas/web/).
"""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import tiny_content
import yaml
from paths import CONTENT, ROOT

from generator import __main__ as cli
from generator import model, model_assessment, pipeline, render_data, site_tree
from generator.validate import check_data

FRAMEWORKS = [
    pytest.param("real", marks=pytest.mark.syv, id="syv-2023"),
    pytest.param("tiny", id=tiny_content.TINY_ID),
]


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("tiny") / "content"
    tiny_content.make(content)
    return content


@pytest.fixture(params=FRAMEWORKS)
def content(request: pytest.FixtureRequest, tiny_dir: Path) -> Path:
    return CONTENT if request.param == "real" else tiny_dir


@functools.cache  # each content folder checked and modelled once for the module, not per test
def site_of(content: Path) -> model.Site:
    checked = pipeline.check(content, content.parent)
    assert not checked.problems, "\n".join(map(str, checked.problems))
    return model.build(checked.docs, content)


def test_the_content_checks_clean(content: Path):
    assert not pipeline.check(content, content.parent).problems


def test_build_writes_a_page_per_criterion_and_agency(content: Path, tmp_path: Path, capsys):
    fw = site_of(content).framework
    out = tmp_path / "out"
    assert cli.main(["build", "--content", str(content), "--out", str(out)]) == 0
    assert f"to {out}" in capsys.readouterr().out
    wanted = [f"criteria/{c.id.lower()}.md" for c in fw.criteria if not c.retired]
    wanted += [f"{folder}/{a.id}.md" for folder in ("annex-a", "guides") for a in fw.agencies]
    assert not [page for page in wanted if not (out / "docs" / page).is_file()]  # the tree's


@functools.cache
def data_of(content: Path) -> dict[str, dict[str, Any]]:
    """The browser data of a content folder, made once (the tests only read it)."""
    return render_data.browser_data(site_of(content))


@pytest.mark.parametrize("kind", ["assessment", "planner", "findings"])
def test_the_browser_data_fits_its_contract(content: Path, kind: str):
    data = data_of(content)
    assert check_data(kind, f"web/{kind}.schema.json", data[kind]) == []


def test_the_planner_reads_the_framework_s_own_notice_period(content: Path):
    site = site_of(content)
    planner = data_of(content)["planner"]
    rules = site.framework.timeline.rules
    assert planner["rules"]["notice_working_days"] == rules.notice_working_days


def test_a_failed_generator_build_writes_nothing(content: Path, tmp_path: Path, capsys):
    broken = tmp_path / "content"
    shutil.copytree(content, broken, ignore=shutil.ignore_patterns("README.md"))
    fid = next(p.name for p in broken.iterdir() if (p / "criteria.yml").is_file())
    criteria = broken / fid / "criteria.yml"
    criteria.write_text(criteria.read_text("utf-8").replace("  title: ", "  titel: ", 1), "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.md").write_text("previous", encoding="utf-8")
    assert cli.main(["build", "--content", str(broken), "--out", str(out)]) == 1
    assert "did you mean 'title'?" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["keep.md"]


# Serious youth violence's own words: none may reach another theme's pages from a template, a
# schema default or code (issue 20: "What serious youth violence means here" once did).
SYV_PHRASES = (
    "serious youth violence",
    "youth violence",
    "criminal exploitation",
    "county lines",
    "places and spaces",
    "knife",
    "violence reduction unit",
    "youth endowment fund",
    "youth offending",
    "gang",
    "syv-2023",
)


def test_the_tiny_theme_s_pages_hold_none_of_serious_youth_violence_s_words(
    tiny_dir: Path, tmp_path: Path, capsys
):
    out = tmp_path / "out"
    assert cli.main(["build", "--content", str(tiny_dir), "--out", str(out)]) == 0
    capsys.readouterr()
    # what the generator made for the theme (the tree also holds the hand-written docs/, whose
    # maintainers' pages name the shipped theme's folder, and the published file formats)
    copied = {f"docs/{p.relative_to(ROOT / 'docs').as_posix()}" for p in (ROOT / "docs").rglob("*")}
    copied |= {f"docs/{path}" for path in site_tree.static_files(ROOT)}
    pages = sorted(
        p
        for p in out.rglob("*")
        if p.suffix in {".md", ".js", ".json"} and p.relative_to(out).as_posix() not in copied
    )
    assert len(pages) > 20
    found = [
        f"{page.relative_to(out)}: {phrase}"
        for page in pages
        for phrase in SYV_PHRASES
        if phrase in page.read_text(encoding="utf-8").lower()
    ]
    assert not found, found


def test_the_planner_data_gives_the_timetable_as_timeline_yml_does(content: Path):
    """The typed model (model_timeline.py) hands the browser the rules, the tracker block and the
    notification checklist exactly as the file gives them: nothing dropped, nothing added."""
    planner = data_of(content)["planner"]
    fid = next(p.name for p in content.iterdir() if (p / "timeline.yml").is_file())
    timeline = yaml.safe_load((content / fid / "timeline.yml").read_text(encoding="utf-8"))
    assert planner["rules"] == timeline["rules"]
    assert planner["tracker"] == timeline["tracker"]
    assert planner.get("checklist") == timeline.get("notification_checklist")
    assert planner["weeks"] == [{"week": w["week"], "title": w["title"]} for w in timeline["weeks"]]


def test_the_assessment_data_gives_assessment_yml_as_the_file_does(content: Path):
    """The typed model (model_assessment.py) hands the browser assessment.yml's settings as the
    file gives them, in its order: nothing dropped, nothing added, no key moved."""
    data = render_data.browser_data(site_of(content))["assessment"]["assessment"]
    fid = next(p.name for p in content.iterdir() if (p / "assessment.yml").is_file())
    settings = yaml.safe_load((content / fid / "assessment.yml").read_text(encoding="utf-8"))
    del settings["framework"]
    assert json.dumps(data) == json.dumps(settings)


def test_the_assessment_s_optional_parts_stay_out_when_the_file_leaves_them_out():
    settings = yaml.safe_load((CONTENT / "syv-2023" / "assessment.yml").read_text(encoding="utf-8"))
    del settings["framework"], settings["weak_answers"], settings["outcomes"][0]["paras"]
    data = model_assessment.browser_data(model_assessment.build(settings))
    assert "weak_answers" not in data
    assert "paras" not in data["outcomes"][0]
    assert json.dumps(data) == json.dumps(settings)


def test_a_notice_period_not_found_reaches_the_planner_as_not_yet_reviewed(tmp_path: Path, capsys):
    text = (tiny_content.TINY / "guidance.txt").read_text(encoding="utf-8")
    guidance = tmp_path / "g.txt"
    guidance.write_text(text.replace("10 working days before", "soon before"), encoding="utf-8")
    content = tmp_path / "content"
    tiny_content.make(content, guidance)
    capsys.readouterr()
    rules = render_data.browser_data(site_of(content))["planner"]["rules"]
    assert rules["to_review"].startswith(
        "To review: the guidance text ingest read states no notice"
    )
    assert "paras" not in rules
