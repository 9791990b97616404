"""Command line: python -m generator check | build [--out DIR] | data [--out DIR] | finish
SITE_DIR | ingest ...

- check: validate and link every content file; print every problem.
- build: write the generated tree (default build/tree/): mkdocs.yml, docs/ (hand-written and
  generated pages, the apps' bundles, every asset) and overrides/, so that `mkdocs build` in that
  folder builds the site with no hook (generator/site_tree.py).
- data: write the browser data as JSON files, one per kind (default build/web-data/): what the
  Node tests read, so they always test against the generator's real output.
- finish SITE_DIR: the built site's last step (`make build` runs it after MkDocs): keep the
  pages search should not return by their words by their title only, in the search index
  (generator/search_index.py), then spell out each abbreviation at its first use on every page
  and make every one focusable (generator/abbr_html.py).
- ingest GUIDANCE --id ID: write a new framework folder from the guidance (python -m generator
  ingest --help).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

from . import search_index

# check, build, data and ingest load the generator (pipeline, ingest, site_tree) when they run:
# finish, a step of every build, needs none of it.

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["finish"] and len(argv) == 2:
        return finish(Path(argv[1]))
    if argv[:1] == ["ingest"]:
        from . import ingest

        return ingest.main(argv[1:], ROOT / "criteria")
    return generate(argv)


def generate(argv: list[str]) -> int:
    """check, build or data."""
    from . import drafts, pipeline, site_tree
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
        if drafts.MODE == "refuse" and (unreviewed := pipeline.unreviewed(args.content)):
            print(drafts.refusal(unreviewed), file=sys.stderr)
            return 1
        if drafts.MODE == "draft":
            pages = {path: drafts.marked(text) for path, text in generated.pages.items()}
            generated = dataclasses.replace(generated, pages=pages)
        try:
            files = site_tree.tree(ROOT, generated, site_tree.read_config(ROOT))
        except GenerationError as err:
            print(str(err), file=sys.stderr)
            return 1
        pipeline.write_files(files, out)
        count = len(files)
    print(f"OK: wrote {count} files to {out} in {time.perf_counter() - started:.2f}s")
    return 0


def finish(site_dir: Path) -> int:
    """The built site's search index trimmed (search_index), then every page's abbreviations
    spelled out at first use and focusable (abbr_html)."""
    from . import abbr_html

    if not (site_dir / search_index.INDEX).is_file():
        print(
            f"{site_dir / search_index.INDEX}: no search index: build the site first",
            file=sys.stderr,
        )
        return 1
    done = search_index.trim(site_dir)
    print(
        f"OK: search index {done.before:,} -> {done.after:,} bytes "
        f"({done.pages} pages kept by their title only)"
    )
    pages = abbr_html.finish_site(site_dir)
    print(f"OK: abbreviations spelled out and focusable on {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
