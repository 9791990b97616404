"""python -m generator ingest GUIDANCE --id ID [--content DIR] [--force]

Reads a JTAI framework's published guidance (plain text as copied from the browser, or the page
saved as HTML) and writes a new framework folder, criteria/ID/, that passes `check` and builds at
once: what the guidance says verbatim with its paragraphs, every editorial field a default marked
"To review". Prints a review checklist. Refuses what it cannot read, every problem at once as
file:line: message, with a non-zero exit and nothing written.

Before writing, the folder is checked as `python -m generator check` would check it (verify.py);
a problem there is refused like the rest, at the file and line it would have.

Modules: read_text / read_html (the file -> lines in guidance.txt's shape), the grammar in
generator/guidance_text.py (lines -> blocks, shared with the framework page and the check),
parse and rules (blocks -> facts), files (facts -> each file's data), verify (check before
writing), write (the folder), checklist (what to review).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from . import files, verify
from .checklist import checklist
from .parse import Parsed, parse
from .read_html import read_html
from .read_text import read_text
from .source import Refusal, Source
from .write import write_folder

FRAMEWORK_ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


def read(path: Path) -> Source | Refusal:
    name = str(path)
    if not path.is_file():
        return Refusal(name, 0, "no such file")
    if path.suffix.lower() in {".html", ".htm"}:
        return read_html(path, name)
    return read_text(path, name)


@dataclass(frozen=True)
class Ingested:
    source: Source
    parsed: Parsed


def ingest(path: Path) -> Ingested | tuple[Refusal, ...]:
    """What the guidance says, or every reason it cannot be read."""
    source = read(path)
    if isinstance(source, Refusal):
        return (source,)
    parsed = parse(source)
    return parsed if isinstance(parsed, tuple) else Ingested(source, parsed)


def main(argv: list[str], default_content: Path) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator ingest", description=__doc__)
    parser.add_argument("guidance", type=Path, help="the guidance: .txt or .html")
    parser.add_argument("--id", required=True, help="the new framework's ID, e.g. dva-2024")
    parser.add_argument("--content", type=Path, default=default_content, help="content folder")
    parser.add_argument("--force", action="store_true", help="replace an existing folder")
    args = parser.parse_args(argv)
    target = args.content / args.id
    refusals: list[Refusal] = []
    if not FRAMEWORK_ID.fullmatch(args.id):
        refusals.append(
            Refusal(
                "--id",
                0,
                f"'{args.id}' should be lower case words and numbers joined by hyphens: dva-2024",
            )
        )
    if target.exists() and not args.force:
        refusals.append(
            Refusal(
                str(target), 0, "already exists: choose another --id, or add --force to replace it"
            )
        )
    result = ingest(args.guidance)
    if not isinstance(result, Ingested):
        refusals += result
    if refusals or not isinstance(result, Ingested):
        print("\n".join(str(r) for r in refusals), file=sys.stderr)
        print(f"{len(refusals)} problem(s): nothing was written.", file=sys.stderr)
        return 1
    text = result.source.text()
    written = files.framework_files(result.parsed, args.id, text)
    failed = verify.problems(target, written, text, args.guidance.name)
    if failed:
        print("\n".join(failed), file=sys.stderr)
        print(
            f"{len(failed)} problem(s) in the folder ingest would write, found by the same checks "
            "as `python -m generator check`: nothing was written.",
            file=sys.stderr,
        )
        return 1
    write_folder(target, written, text, args.guidance.name)
    print(checklist(result.parsed, target.as_posix(), args.id))
    return 0
