"""Several frameworks in one site (issue 15 point 2): the real one, the default, and the tiny one
ingest makes from tests/tiny/guidance.txt, listed in site.yml's `frameworks`.

The default's pages keep exactly the addresses and text they have alone; the other's go in a
folder named by its ID with its own apps' bundles; the strict build resolves every link; the
home page names both and the menu reaches both.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tiny_content
from paths import CONTENT, ROOT

from generator import pipeline

pytestmark = pytest.mark.syv  # the real content is the default framework here

TINY = tiny_content.TINY_ID


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_content.make_pair(tmp_path_factory.mktemp("pair") / "content")


@pytest.fixture
def built(session_site: Path) -> Path:
    """The session's one build, which shows the tiny framework beside the shipped one."""
    return session_site


def test_the_default_keeps_every_address_and_page_it_has_alone(pair: Path):
    alone = pipeline.generate(CONTENT, ROOT).files()
    both = pipeline.generate(pair, pair.parent).files()
    assert {path: both.get(path) for path in alone} == alone
    added = sorted(set(both) - set(alone))
    assert added and all(
        path.startswith((f"{TINY}/", f"assets/assessment/{TINY}/")) for path in added
    )


def test_the_other_framework_has_its_own_pages_and_tools(built: Path):
    tiny = built / TINY
    wanted = ["index", "guidance", "about", "criteria/index", "criteria/ec1", "annex-a/index"]
    wanted += ["three-weeks", "guides/index", "planner", "tracker", "examples/index"]
    wanted += ["self-assessment", "partnership"]
    assert not [page for page in wanted if not (tiny / f"{page}.html").is_file()]
    for app in ("self-assessment", "partnership", "planner", "tracker"):
        html = (tiny / f"{app}.html").read_text(encoding="utf-8")
        assert f'src="../assets/assessment/{TINY}/{app}.js"' in html, app
    bundle = (built / "assets" / "assessment" / TINY / "self-assessment.js").read_text(
        encoding="utf-8"
    )
    assert f'"framework":{{"id":"{TINY}"' in bundle


def test_every_citation_on_the_other_framework_links_to_its_own_text(built: Path):
    guidance = (built / TINY / "guidance.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="(para-\d+)"', guidance))
    cited = 0
    for page in (built / TINY).rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(built / TINY)
        up = "../" * (len(rel.parts) - 1)
        for target, anchor in re.findall(r'href="([^"#]*guidance\.html)#(para-\d+)"', html):
            assert target == f"{up}guidance.html", (rel, target)
            assert anchor in anchors, (rel, anchor)
            cited += 1
    assert cited > 10


def test_the_home_page_names_each_framework_and_links_to_its_start(built: Path, pair: Path):
    html = (built / "index.html").read_text(encoding="utf-8")
    start = html.index('id="choose-an-inspection"')
    choice = html[start : html.index("</ul>", start)]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', choice)
    assert [href for href, _ in links] == ["about.html", f"{TINY}/index.html"]
    assert "serious youth violence" in links[0][1] and "tiny test theme" in links[1][1]


def test_the_menu_reaches_the_other_framework(built: Path):
    html = (built / "criteria" / "ec1.html").read_text(encoding="utf-8")
    assert "Other inspections" in html
    assert f'href="../{TINY}/index.html"' in html
