"""The tiny test framework: a content folder made by ingest from tests/tiny/guidance.txt.

Generic generator tests (check, build) run on it as well as on the real content, so that they
hold for any theme. make() copies the tiny site settings and glossary into a folder and ingests
the tiny guidance beside them, as a maintainer would (never a hand-kept copy of the output).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

from generator import __main__ as cli

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "criteria"

TINY = Path(__file__).parent / "tiny"
TINY_ID = "tiny-2025"
SHARED = ("site.yml", "glossary.yml")


class Ran(NamedTuple):
    code: int
    out: str
    err: str


def make(content: Path, guidance: Path = TINY / "guidance.txt") -> Path:
    """Fill `content` with the tiny framework (from `guidance`); return the framework folder."""
    content.mkdir(parents=True, exist_ok=True)
    for name in SHARED:
        shutil.copy(TINY / name, content / name)
    ingest(content, guidance)
    return content / TINY_ID


def make_pair(content: Path) -> Path:
    """Fill `content` with the real content and the tiny framework beside it, both shown (the real
    one the default), as a maintainer adding a second framework would; return the content folder."""
    [(code, _, err)] = make_beside_real(content, {TINY_ID: TINY / "guidance.txt"}).values()
    assert code == 0, err
    return content


def make_beside_real(content: Path, guidances: dict[str, Path]) -> dict[str, Ran]:
    """Fill `content` with the real content and a framework ingested from each guidance (ID ->
    file) beside it, all shown after the real one, the default; return each ingest's exit code,
    output and errors by ID."""
    shutil.copytree(REAL, content)
    ran = {fid: _ingest(content, path, fid) for fid, path in guidances.items()}
    settings = content / "site.yml"
    text = settings.read_text(encoding="utf-8")
    assert "\nframeworks: [syv-2023]\n" in text
    shown = ", ".join(["syv-2023", *guidances])
    settings.write_text(text.replace("[syv-2023]", f"[{shown}]", 1), encoding="utf-8")
    return ran


def _ingest(content: Path, guidance: Path, framework_id: str) -> Ran:
    out, err = io.StringIO(), io.StringIO()
    argv = ["ingest", str(guidance), "--id", framework_id, "--content", str(content)]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(argv)
    return Ran(code, out.getvalue(), err.getvalue())


def ingest(content: Path, guidance: Path = TINY / "guidance.txt") -> None:
    argv = ["ingest", str(guidance), "--id", TINY_ID, "--content", str(content)]
    assert cli.main(argv) == 0


def build_pair(content: Path, site: Path) -> Path:
    """Build the site strictly into `site` from `content` (make_pair's or make_beside_real's);
    return `site`."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "JTAI_CONTENT": str(content)}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return site
