"""The real site builds strictly. A content mistake stops the build and keeps the last site.

Mini-project tests in the style of mkdocs-macros-plugin's: copy the project, change one thing,
build, and look at the HTML and the log.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT

pytestmark = pytest.mark.syv  # about the real serious youth violence content

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(site),
    ]
    return subprocess.run(cmd, capture_output=True, text=True, env=ENV, cwd=project, check=False)


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project that a test may break."""
    target = tmp_path / "project"
    for name in (
        "criteria",
        "docs",
        "generator",
        "overrides",
        "assessment",
    ):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def test_every_page_is_built(real_site: Path, fw):
    expected = [
        "index.html",
        "about.html",
        "three-weeks.html",
        "after-the-inspection.html",
        "glossary.html",
        "self-assessment.html",
        "maintainers/index.html",
        "criteria/index.html",
        "annex-a/index.html",
        "guides/index.html",
        "guides/one-minute.html",
        "planner.html",
        "tracker.html",
        "assets/planner/annex-a-tracker.xlsx",
    ]
    expected += [f"criteria/{c.id.lower()}.html" for c in fw.criteria if not c.retired]
    expected += [f"examples/{p}.html" for p in ("index", "explorer", "training")]
    expected += [f"examples/{e.id}.html" for e in fw.examples]
    expected += [f"examples/handout-{e.id}.html" for e in fw.examples]
    expected += [
        f"assets/assessment/{app}.{kind}"
        for app in ("self-assessment", "partnership", "planner", "tracker", "examples")
        for kind in ("js", "css")
    ]
    expected += [f"{folder}/{a.id}.html" for folder in ("annex-a", "guides") for a in fw.agencies]
    assert not [p for p in expected if not (real_site / p).is_file()]


def test_criterion_pages_show_the_verbatim_text_and_evidence(real_site: Path):
    html = (real_site / "criteria" / "ec4.html").read_text(encoding="utf-8")
    assert "Assessments show that the experiences, strengths and needs of children" in html
    assert "EC4.5" in html and "annex-a/index.html#a-list-4" in html


def test_abbreviations_become_tooltips(real_site: Path):
    import re

    wanted = {
        "criteria/ec20.html": "MASA",
        "three-weeks.html": "KIT",
        "annex-a/index.html": "MACE",
        "about.html": "HMICFRS",
        "guides/health.html": "ICB",
    }
    missing = [
        f"{page}: {abbr}"
        for page, abbr in wanted.items()
        if not re.search(
            rf'<abbr title="[^"]+"[^>]*>{abbr}</abbr>',  # focusable too (generator/abbr_html.py)
            (real_site / page).read_text(encoding="utf-8"),
        )
    ]
    assert not missing


def test_search_works_offline(real_site: Path):
    assert (real_site / "search" / "search_index.js").is_file()
    index = (real_site / "index.html").read_text(encoding="utf-8")
    assert "assets/vendor/iframe-worker-shim.js" in index


def test_no_page_names_another_host(real_site: Path):
    """Fonts, scripts and styles all come from the site itself (links in text are fine)."""
    import re

    pattern = re.compile(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=\"(https?:)?//", re.I)
    offenders = [
        str(p.relative_to(real_site))
        for p in real_site.rglob("*.html")
        if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert not offenders


def test_local_settings_appear_when_set(project: Path, tmp_path: Path):
    settings = project / "criteria" / "site.yml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace('partnership: ""', 'partnership: "Exampleshire Safeguarding Partnership"')
    text = text.replace('  email: ""', '  email: "jtai@example.org"')
    settings.write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    guide = (tmp_path / "site" / "guides" / "police.html").read_text(encoding="utf-8")
    assert "Exampleshire Safeguarding Partnership" in home
    assert "jtai@example.org" in guide


def test_a_content_mistake_fails_the_build_and_keeps_the_old_site(project: Path, tmp_path: Path):
    site = tmp_path / "site"
    assert mkdocs_build(project, site).returncode == 0
    before = (site / "criteria" / "ec1.html").read_text(encoding="utf-8")
    criteria = project / "criteria" / "syv-2023" / "criteria.yml"
    broken = criteria.read_text(encoding="utf-8")
    broken = broken.replace("focus: individual", "focus: indvidual", 1)
    criteria.write_text(broken.replace("  - id: EC3\n", "  - id: EC3\n    colour: red\n"), "utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "unknown focus area 'indvidual': did you mean 'individual'?" in result.stderr
    assert "unknown field 'colour'" in result.stderr
    assert "criteria/syv-2023/criteria.yml:" in result.stderr
    assert (site / "criteria" / "ec1.html").read_text(encoding="utf-8") == before


def test_generator_build_failure_keeps_previous_output(project: Path, tmp_path: Path):
    out = tmp_path / "generated"
    run = [
        sys.executable,
        "-m",
        "generator",
        "build",
        "--content",
        str(project / "criteria"),
        "--out",
        str(out),
    ]
    assert subprocess.run(run, cwd=ROOT, capture_output=True, check=False).returncode == 0
    snapshot = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (project / "criteria" / "glossary.yml").write_text("terms: [\n", encoding="utf-8")
    result = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "criteria/glossary.yml:" in result.stderr and "YAML syntax error" in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == snapshot


def test_a_hand_written_page_is_never_overwritten(project: Path, tmp_path: Path):
    (project / "docs" / "glossary.md").write_text("# My glossary\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/glossary.md is hand-written but the generator also makes it" in result.stderr


def test_a_broken_paragraph_anchor_fails_the_strict_build(project: Path, tmp_path: Path):
    """Citations link to #para-N on the framework page; if those anchors went, the build stops."""
    template = project / "generator" / "templates" / "guidance.md.j2"
    text = template.read_text(encoding="utf-8")
    assert "{: #para-{{ b.number }}" in text
    template.write_text(text.replace("{: #para-{{ b.number }}", "{: #p-{{ b.number }}"), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "guidance.md" in result.stderr and "'#para-38'" in result.stderr


def test_citations_link_to_the_framework_page(real_site: Path):
    criterion = (real_site / "criteria" / "ec4.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="\.\./guidance\.html#para-38" title="([^"]*)">38</a>', criterion)
    assert link and link.group(1).startswith("Paragraph 38: Inspectors will evaluate evidence")
    framework = (real_site / "guidance.html").read_text(encoding="utf-8")
    assert 'id="para-131"' in framework and "Open Government Licence v3.0" in framework
    assert (real_site / "sources.html").is_file()
    glossary = (real_site / "glossary.html").read_text(encoding="utf-8")
    assert re.search(
        r'<a href="guidance\.html#para-45" title="Paragraph 45: [^"]+">45</a>', glossary
    )
    assert "<dd>\n<dl>" not in glossary, "a glossary entry swallowed the ones after it"


HOSTILE_TITLE = "Risk <b>bold</b> & <img src=x onerror=alert(1)>"
HOSTILE_TITLE_HTML = "Risk &lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"


def test_content_is_shown_as_text_never_as_markup(project: Path, tmp_path: Path):
    """Plain-text content with markup in it shows literally (escaped once, never twice) wherever
    it appears: menus, headings, window titles, footers, hand-written pages; Markdown fields are
    still rendered as Markdown."""
    content = project / "criteria"
    criteria = content / "syv-2023" / "criteria.yml"
    text = criteria.read_text(encoding="utf-8")
    criteria.write_text(
        text.replace("title: Identifying and reducing risk", f"title: '{HOSTILE_TITLE}'", 1),
        encoding="utf-8",
    )
    settings = content / "site.yml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace('partnership: ""', 'partnership: "<script>alert(1)</script> & Co"')
    settings.write_text(text.replace('  name: ""', '  name: "<i>Ann</i>"'), encoding="utf-8")
    guides = content / "syv-2023" / "guides.yml"
    text = guides.read_text(encoding="utf-8")
    markdown = (
        "      > A quote & more.\n\n"
        '      [The "leaflet"](https://example.org/?a=1&b=2 "Leaflet")\n\n'
    )
    start = text.index("    intro: |\n", text.index("agency: social-care")) + len("    intro: |\n")
    guides.write_text(text[:start] + markdown + text[start:], encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    pages = {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}
    raw = [p for p, html in pages.items() if "<b>bold</b>" in html or "<script>alert" in html]
    twice = [p for p, html in pages.items() if "&amp;lt;" in html or "&amp;amp;" in html]
    assert raw == [] and twice == [], (raw, twice)
    ec1 = pages["criteria/ec1.html"]
    assert f"<title>EC1: {HOSTILE_TITLE_HTML} - JTAI Ready</title>" in ec1
    assert f'">EC1: {HOSTILE_TITLE_HTML}<a class="headerlink"' in ec1  # the heading
    menu = f'<span class="md-ellipsis">\n    \n  \n    EC1: {HOSTILE_TITLE_HTML}'
    assert all(menu in html for path, html in pages.items() if path != "404.html")
    assert f'aria-label="Next: EC1: {HOSTILE_TITLE_HTML}"' in pages["criteria/index.html"]
    assert "Set up for &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co." in pages["index.html"]
    guide = pages["guides/social-care.html"]
    assert "&lt;i&gt;Ann&lt;/i&gt;" in guide
    assert "<blockquote>\n<p>A quote &amp; more.</p>\n</blockquote>" in guide
    link = '<a href="https://example.org/?a=1&amp;b=2" title="Leaflet">The "leaflet"</a>'
    assert link in guide


def test_snippet_includes_do_not_publish_repository_files(project: Path, tmp_path: Path):
    """pymdownx.snippets is off, so `--8<--` in a hand-written page is only text (content files
    are refused outright by the check: tests/cases/invalid/snippet-include.yml)."""
    page = project / "docs" / "maintainers" / "index.md"
    page.write_text(page.read_text("utf-8") + '\n\n--8<-- "mkdocs.yml"\n', encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "maintainers" / "index.html").read_text("utf-8")
    assert '<p>--8&lt;-- "mkdocs.yml"</p>' in html
    assert "custom_dir: overrides" not in html
