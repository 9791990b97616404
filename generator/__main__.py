"""Command line: python -m generator check | build [--out DIR] | data [--out DIR] | site | ingest

- check: validate and link every content file; print every problem.
- build: write the generated tree (default build/tree/): mkdocs.yml, docs/ (hand-written and
  generated pages, the apps' bundles, every asset) and overrides/, so that `mkdocs build` in that
  folder builds the site with no hook (generator/site_tree.py).
- data: write the browser data as JSON files, one per kind (default build/web-data/): what the
  Node tests read, so they always test against the generator's real output.
- site: the whole build, as `make build` runs it: the tree, MkDocs's strict build of it, and the
  finished site swapped in only when all of that succeeds (python -m generator site --help;
  generator/build_site.py).
- ingest GUIDANCE --id ID: write a new framework folder from the guidance (python -m generator
  ingest --help).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["ingest"]:
        from . import ingest

        return ingest.main(argv[1:], ROOT / "criteria")
    if argv[:1] == ["site"]:
        from . import build_site

        return build_site.main(argv[1:])
    return generate(argv)


def generate(argv: list[str]) -> int:
    """check, build or data."""
    from . import build_site, pipeline
    from .problems import GenerationError, format_problems

    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("command", choices=["check", "build", "data"])
    parser.add_argument(
        "--content",
        type=Path,
        default=ROOT / "criteria",
        help="content folder (default: criteria/)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to write (default: build/tree/, or build/web-data/ for data)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.command == "check":
        checked = pipeline.check(args.content, args.content.resolve().parent)
        if checked.problems:
            print(format_problems(checked.problems), file=sys.stderr)
            return 1
        print(f"OK: {len(checked.docs)} files checked in {time.perf_counter() - started:.2f}s")
        return 0
    try:
        generated = pipeline.generate(args.content, args.content.resolve().parent)
    except GenerationError as err:
        print(str(err), file=sys.stderr)
        print("Nothing was written: the previous output is unchanged.", file=sys.stderr)
        return 1
    if args.command == "data":
        out = args.out or ROOT / "build" / "web-data"
        data = {f"{name}.json": value for name, value in generated.browser_data.items()}
        pipeline.write_json(data, out)
        count = len(data)
    else:
        out = args.out or ROOT / "build" / "tree"
        try:
            files = build_site.tree_files(args.content, generated)
        except build_site.Refused as err:
            print(str(err), file=sys.stderr)
            return 1
        pipeline.write_files(files, out)
        count = len(files)
    print(f"OK: wrote {count} files to {out} in {time.perf_counter() - started:.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
