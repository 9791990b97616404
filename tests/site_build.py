"""The one site each test session builds, and copies of the project for tests that break one.

MkDocs builds dominate the tests' time, so pytest builds the site once (conftest.py's
`session_site` fixture, for the whole session), as `make build` builds it (tests/make_build.py:
the generator's tree, then MkDocs with no hook of ours, then the search index trimmed and the
abbreviations spelled out), and every test that reads built HTML or the search index reads that
one. It is the
tests' content (tests/content/) with every variation a test needs, made as a maintainer would:

- the tiny framework beside the shipped one, both shown (tests/tiny_content.py), as ingest
  wrote it: its 'To review' values build a draft, marked on each page that shows one;
- local settings filled in with markup in them: the partnership's name, a contact, a link;
- a criterion title with markup in it, and a Markdown quote and link in an agency guide's intro;
- a snippet include (`--8<--`) typed into a hand-written page.

A test that needs a site to fail builds its own broken copy (project()), which stops at the
content check before MkDocs starts writing pages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import tiny_content
import yaml
from make_build import build_site
from paths import CONTENT, ROOT

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PROJECT_FOLDERS = ("docs", "generator", "overrides", "assessment")

HOSTILE_TITLE = "Risk <b>bold</b> & <img src=x onerror=alert(1)>"
HOSTILE_TITLE_HTML = "Risk &lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"
PARTNERSHIP = "<script>alert(1)</script> & Co"
CONTACT_NAME = "<i>Ann</i>"
CONTACT_EMAIL = "jtai@example.org"
LINK_TITLE = "Local child protection procedures"
GUIDE_MARKDOWN = (
    '      > A quote & more.\n\n      [The "leaflet"](https://example.org/?a=1&b=2 "Leaflet")\n\n'
)
SNIPPET_LINE = '\n\n--8<-- "mkdocs.yml"\n'


def project(target: Path, content: Path = CONTENT) -> Path:
    """A copy of the project whose criteria/ is a copy of `content`; returns its folder."""
    for name in PROJECT_FOLDERS:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(content, target / "criteria")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def mkdocs_build(
    project: Path, site: Path, unreviewed: str = "draft"
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project copy (its own criteria/) into `site`; values marked
    'To review' build a marked draft, or with unreviewed="refuse" stop it, as make build does."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")]
    env = {k: v for k, v in ENV.items() if k != "JTAI_CONTENT"} | {"JTAI_UNREVIEWED": unreviewed}
    return subprocess.run(
        [*cmd, "-d", str(site)], capture_output=True, text=True, env=env, cwd=project, check=False
    )


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def vary(project_dir: Path) -> None:
    """Make every variation the session's site shows (see the module's docstring)."""
    content = project_dir / "criteria"
    tiny_content.ingest(content)
    settings = content / "site.yml"
    replace_once(
        settings, "frameworks: [syv-2023]", f"frameworks: [syv-2023, {tiny_content.TINY_ID}]"
    )
    replace_once(settings, 'partnership: ""', f'partnership: "{PARTNERSHIP}"')
    replace_once(settings, '  name: ""', f'  name: "{CONTACT_NAME}"')
    replace_once(settings, '  email: ""', f'  email: "{CONTACT_EMAIL}"')
    replace_once(
        settings,
        "links: []",
        f'links:\n  - title: "{LINK_TITLE}"\n    url: "https://www.example.org/procedures"',
    )
    criteria = content / "syv-2023" / "criteria.yml"
    replace_once(criteria, "title: Identifying and reducing risk", f"title: '{HOSTILE_TITLE}'")
    guides = content / "syv-2023" / "guides.yml"
    text = guides.read_text(encoding="utf-8")
    start = text.index("    intro: |\n", text.index("agency: social-care")) + len("    intro: |\n")
    guides.write_text(text[:start] + GUIDE_MARKDOWN + text[start:], encoding="utf-8")
    page = project_dir / "docs" / "maintainers" / "index.md"
    page.write_text(page.read_text("utf-8") + SNIPPET_LINE, encoding="utf-8")


def build_variant(where: Path) -> Path:
    """Build the session's site under `where`; return the site folder."""
    copy = project(where / "project")
    vary(copy)
    site, tree = where / "site", where / "tree"
    result = build_site(site, tree, copy / "criteria", root=copy, unreviewed="draft")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    config = yaml.safe_load((tree / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config, "the generated tree must build with no hook of ours"
    return site
