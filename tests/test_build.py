"""The site builds strictly. A content mistake stops the build and keeps the last site.

The session builds the site once, with every variation these tests look at (tests/site_build.py):
local settings and content with markup in them, a snippet include in a hand-written page. Tests of
a failing build copy the project and break one thing; the build stops before MkDocs writes pages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import site_build
from paths import ROOT
from site_build import HOSTILE_TITLE_HTML, mkdocs_build

pytestmark = pytest.mark.syv  # about the serious youth violence content (the tests' copy)


@pytest.fixture
def real_site(session_site: Path) -> Path:
    """The session's one build (tests/site_build.py)."""
    return session_site


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project (with the tests' content as its criteria/) that a test may break."""
    return site_build.project(tmp_path / "project")


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


def test_local_settings_appear_when_set(real_site: Path):
    home = (real_site / "index.html").read_text(encoding="utf-8")
    guide = (real_site / "guides" / "police.html").read_text(encoding="utf-8")
    assert "Set up for &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co." in home
    assert site_build.CONTACT_EMAIL in guide
    assert site_build.LINK_TITLE in (real_site / "guides" / "index.html").read_text("utf-8")


def test_a_content_mistake_fails_the_build_and_keeps_the_old_site(
    project: Path, tmp_path: Path, real_site: Path
):
    site = tmp_path / "site"
    shutil.copytree(real_site, site)  # the last good site
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


def test_a_broken_paragraph_anchor_fails_the_strict_build(tmp_path: Path):
    """Citations link to #para-N on the framework page (every anchor is there:
    test_citation_invariants); the strict build's settings stop on a link to a missing anchor.
    A two-page project with mkdocs.yml's own validation and Markdown settings shows it."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    kept = [part for part in re.split(r"\n(?=\S)", config) if part.startswith(KEPT_SETTINGS)]
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n" + "\n".join(kept) + "\n", "utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n\nSee [38](guidance.md#para-38).\n", "utf-8")
    (docs / "guidance.md").write_text("# Guidance\n\n**37.** Text.\n{: #para-37 }\n", "utf-8")
    cmd = [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")]
    result = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "guidance.md" in result.stderr and "'#para-38'" in result.stderr
    (docs / "index.md").write_text("# Home\n\nSee [37](guidance.md#para-37).\n", "utf-8")
    result = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr  # the same project with a good anchor builds


KEPT_SETTINGS = ("strict:", "use_directory_urls:", "markdown_extensions:", "validation:")


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


def test_content_is_shown_as_text_never_as_markup(real_site: Path):
    """Plain-text content with markup in it shows literally (escaped once, never twice) wherever
    it appears: menus, headings, window titles, footers, hand-written pages; Markdown fields are
    still rendered as Markdown."""
    site = real_site
    pages = {p.relative_to(site).as_posix(): p.read_text("utf-8") for p in site.rglob("*.html")}
    raw = [p for p, html in pages.items() if "<b>bold</b>" in html or "<script>alert" in html]
    twice = [p for p, html in pages.items() if "&amp;lt;" in html or "&amp;amp;" in html]
    assert raw == [] and twice == [], (raw, twice)
    ec1 = pages["criteria/ec1.html"]
    assert f"<title>EC1: {HOSTILE_TITLE_HTML} - JTAI Ready</title>" in ec1
    assert f'">EC1: {HOSTILE_TITLE_HTML}<a class="headerlink"' in ec1  # the heading
    menu = f'<span class="md-ellipsis">\n    \n  \n    EC1: {HOSTILE_TITLE_HTML}'
    shipped = {p: h for p, h in pages.items() if not p.startswith(("404.html", "tiny-2025/"))}
    assert all(menu in html for html in shipped.values())
    assert f'aria-label="Next: EC1: {HOSTILE_TITLE_HTML}"' in pages["criteria/index.html"]
    assert "Set up for &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co." in pages["index.html"]
    guide = pages["guides/social-care.html"]
    assert "&lt;i&gt;Ann&lt;/i&gt;" in guide
    assert "<blockquote>\n<p>A quote &amp; more.</p>\n</blockquote>" in guide
    link = '<a href="https://example.org/?a=1&amp;b=2" title="Leaflet">The "leaflet"</a>'
    assert link in guide


def test_snippet_includes_do_not_publish_repository_files(real_site: Path):
    """pymdownx.snippets is off, so `--8<--` in a hand-written page is only text (content files
    are refused outright by the check: tests/cases/invalid/snippet-include.yml)."""
    html = (real_site / "maintainers" / "index.html").read_text("utf-8")
    assert '<p>--8&lt;-- "mkdocs.yml"</p>' in html
    assert "custom_dir: overrides" not in html


def test_a_draft_marks_each_page_that_shows_unreviewed_text(real_site: Path):
    """The session's site is a draft (make build DRAFT=1): the tiny theme, as ingest wrote it,
    says 'To review' on its pages, and each says it is a draft; the reviewed theme's do not."""
    draft = 'class="admonition-title">Draft</p>'
    tiny = {p: p.read_text("utf-8") for p in (real_site / "tiny-2025").rglob("*.html")}
    unreviewed = [p for p, html in tiny.items() if "To review" in html]
    assert unreviewed and all(draft in tiny[p] for p in unreviewed)
    shipped = [p for p in real_site.glob("*.html")] + list((real_site / "criteria").glob("*.html"))
    assert not [p for p in shipped if draft in p.read_text("utf-8")]


def test_make_build_refuses_unreviewed_text_naming_each_file_and_line(project: Path, tmp_path):
    import tiny_content

    content = project / "criteria"
    tiny_content.ingest(content)
    site_build.replace_once(
        content / "site.yml", "frameworks: [syv-2023]", "frameworks: [syv-2023, tiny-2025]"
    )
    result = mkdocs_build(project, tmp_path / "site", unreviewed="refuse")
    assert result.returncode != 0
    assert "criteria/tiny-2025/after.yml:7: $.letter.intro: not yet reviewed" in result.stderr
    assert "make build DRAFT=1" in result.stderr and not (tmp_path / "site").exists()
    # make build's first step, the generator writing the tree, refuses them the same way.
    tree = [sys.executable, "-m", "generator", "build", "--out", str(tmp_path / "tree")]
    env = {**site_build.ENV, "JTAI_UNREVIEWED": "refuse"}
    run = subprocess.run(tree, cwd=project, env=env, capture_output=True, text=True, check=False)
    assert run.returncode == 1 and not (tmp_path / "tree").exists()
    assert "criteria/tiny-2025/after.yml:7: $.letter.intro: not yet reviewed" in run.stderr
