"""Refresh the tests' own copy of the content (tests/content/) from the shipped criteria/.

Usage: make test-content   (or: .venv/bin/python scripts/refresh_test_content.py [--check])

The tests never read criteria/: a partnership edits it (its name, contacts, links, glossary,
a second theme) and no test may turn red for that. They read tests/content/ instead: the shipped
serious youth violence theme, the shared glossary and bank holidays, and an empty site.yml. Run
this only when the project deliberately changes its shipped theme, then run `make test-fast` and
update the invalid cases or golden pages the change moved (`git diff tests/content` shows it).

What is copied: criteria/THEME/ (every file, examples included), glossary.yml, holidays.yml.
site.yml is never copied: the copy gets empty settings showing only THEME. Every file is copied
byte for byte (the editor hints too: the check reads them as they are in criteria/).
--check reports (exit 1) when the copy differs from what a refresh would write.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "criteria"
COPY = ROOT / "tests" / "content"
THEME = "syv-2023"
SHARED = ("glossary.yml", "holidays.yml")
HINT = "# yaml-language-server: $schema="
EMPTY_SETTINGS = f"""{HINT}../generator/schemas/site.schema.json
#
# The tests' settings: empty, as shipped (scripts/refresh_test_content.py writes this file).
frameworks: [{THEME}]
partnership: ""
contact:
  name: ""
  role: ""
  email: ""
  phone: ""
links: []
footer_note: ""
"""


def write_copy(target: Path, shipped: Path = SHIPPED, theme: str = THEME) -> None:
    """Write the tests' content folder into `target` (which must not exist)."""
    shutil.copytree(shipped / theme, target / theme, ignore=shutil.ignore_patterns("README.md"))
    for name in SHARED:
        if (shipped / name).is_file():
            shutil.copy(shipped / name, target / name)
    (target / "site.yml").write_text(EMPTY_SETTINGS, encoding="utf-8")


def differences(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    changed = [
        str(rel)
        for rel in sorted(files_a & files_b)
        if (a / rel).read_bytes() != (b / rel).read_bytes()
    ]
    return changed + [f"{r} (only in one)" for r in sorted(files_a ^ files_b, key=str)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report what would change")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "content"
        write_copy(fresh)
        changed = differences(fresh, COPY) if COPY.is_dir() else ["tests/content/ is missing"]
        if args.check:
            for line in changed:
                print(f"tests/content differs from criteria/: {line}")
            return 1 if changed else 0
        if COPY.exists():
            shutil.rmtree(COPY)
        shutil.copytree(fresh, COPY)
    print(f"Refreshed tests/content/ from criteria/ ({len(changed)} files changed).")
    for line in changed:
        print(f"  {line}")
    if changed:
        print("Now run `make test-fast` and update the invalid cases and golden pages it names.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
