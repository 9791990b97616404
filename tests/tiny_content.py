"""The tiny test framework: a content folder made by ingest from tests/tiny/guidance.txt.

Generic generator tests (check, build) run on it as well as on the real content, so that they
hold for any theme. make() copies the tiny site settings and glossary into a folder and ingests
the tiny guidance beside them, as a maintainer would (never a hand-kept copy of the output).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator import __main__ as cli

TINY = Path(__file__).parent / "tiny"
TINY_ID = "tiny-2025"
SHARED = ("site.yml", "glossary.yml")


def make(content: Path, guidance: Path = TINY / "guidance.txt") -> Path:
    """Fill `content` with the tiny framework (from `guidance`); return the framework folder."""
    content.mkdir(parents=True, exist_ok=True)
    for name in SHARED:
        shutil.copy(TINY / name, content / name)
    argv = ["ingest", str(guidance), "--id", TINY_ID, "--content", str(content)]
    assert cli.main(argv) == 0
    return content / TINY_ID
