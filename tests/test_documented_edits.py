"""A partnership's documented edits never turn the tests red (issue 21, 'Done when').

On a copy of the project, make each edit the documentation tells a maintainer to make to
criteria/: the partnership's name, contact and a link in site.yml (the file's own example); a new
glossary term; a reworded indicator; a new worked example with an apostrophe in a question; a
second theme added as docs/maintainers/new-theme.md says. Then `make check` passes on the copy,
and the content-independent suite (every pytest test but the browser tests, which read a built
site, and this one) passes there too. It runs the whole suite again, so it is in `make test`
only (marked slow; `make test-fast` leaves it out).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tiny_content
from paths import CONTENT, ROOT
from site_build import replace_once as replace

pytestmark = pytest.mark.slow

PROJECT = ("docs", "generator", "overrides", "assessment", "scripts", "tests", ".ci")
FILES = (
    *("mkdocs.yml", "Makefile", "pyproject.toml", "requirements.lock", "package.json"),
    *("package-lock.json",),
    *("eslint.config.js", "README.md", "LICENSE", ".gitignore"),
)


def documented_edits(content: Path) -> None:
    settings = content / "site.yml"
    replace(settings, 'partnership: ""', 'partnership: "Leeds Safeguarding Children Partnership"')
    replace(
        settings,
        '  role: ""',
        '  role: "Key contact for joint targeted area inspection (JTAI) preparation"',
    )
    replace(settings, '  email: ""', '  email: "farah.husain@leeds.gov.uk"')
    replace(
        settings,
        "links: []",
        'links:\n  - title: "Local child protection procedures"\n'
        '    url: "https://www.example.org/procedures"',
    )
    replace(
        content / "glossary.yml",
        "terms:\n",
        "terms:\n  - id: yef\n    term: YEF\n    expansion: Youth Endowment Fund\n"
        "    meaning: A charity that funds and tests ways to keep children out of violence.\n"
        '    sources: ["004"]\n\n',
    )
    replace(
        content / "syv-2023" / "criteria.yml",
        "text: Agencies provide support for children.",
        "text: Agencies provide support to children.",
    )
    examples = content / "syv-2023" / "examples"
    text = (
        (examples / "alfie-2019.yml").read_text(encoding="utf-8").replace("alfie-2019", "alf-2019")
    )
    text, n = re.subn(
        r"(?m)^(  questions:\n)", r"\1    - What would the board's chair ask first?\n", text
    )
    assert n, "alfie-2019.yml has no questions to add to"
    (examples / "alf-2019.yml").write_text(text, encoding="utf-8")


def run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("JTAI_CONTENT", "JTAI_SITE_DIR")}
    env |= {"VENV": str(Path(sys.executable).parent.parent), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_documented_edits_leave_check_and_the_content_independent_suite_green(tmp_path: Path):
    copy = tmp_path / "project"
    for name in PROJECT:
        ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache")
        shutil.copytree(ROOT / name, copy / name, ignore=ignore)
    for name in FILES:
        shutil.copy2(ROOT / name, copy / name)
    shutil.copytree(CONTENT, copy / "criteria")  # the shipped content, as the tests keep it
    shutil.copy(ROOT / "criteria" / "README.md", copy / "criteria" / "README.md")  # its guide
    documented_edits(copy / "criteria")
    guidance = copy / "guidance.txt"
    shutil.copy(tiny_content.TINY / "guidance.txt", guidance)
    ingest = run(["make", "ingest", f"GUIDANCE={guidance}", f"ID={tiny_content.TINY_ID}"], copy)
    assert ingest.returncode == 0, ingest.stdout + ingest.stderr
    replace(
        copy / "criteria" / "site.yml",
        "frameworks: [syv-2023]",
        "frameworks: [syv-2023, tiny-2025]",
    )
    check = run([sys.executable, "-m", "generator", "check"], copy)
    assert check.returncode == 0, check.stdout + check.stderr
    suite = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
    result = run([*suite, "--ignore=tests/browser", "-m", "not slow"], copy)
    assert result.returncode == 0, result.stdout[-4000:]
