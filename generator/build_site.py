"""`python -m generator site`: the site built in one step, as `make build` builds it.

1. The generator checks the content and writes the whole tree (build/tree/: mkdocs.yml, docs/,
   overrides/), as `python -m generator build` does. A value ingest left 'To review' stops the
   build unless JTAI_UNREVIEWED is "draft" (drafts.py).
2. The engine (MkDocs; ProperDocs with --engine properdocs) builds that tree strictly, with no
   hook, into a new folder beside the site. While it builds, this process checks what was
   rendered (pipeline.output_problems: the rules read on the pages, and the apps' data against
   its schemas). Those checks need nothing the engine makes, so they run on the machine's second
   core in the engine's time, not before it.
3. The built site is finished: its search index trimmed (search_index.py) and every page's
   abbreviations spelled out at first use and focusable (abbr_html.py).

The new folder replaces the site only when every step succeeded: a failed build leaves the
previous site exactly as it was, and says so.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from . import engine_start

if TYPE_CHECKING:
    from .pipeline import Checked
    from .render import Generated

# The generator's own modules are imported once the engine has started (main): importing them is
# a quarter of the generator's time, and the engine's start-up overlaps it (engine_start.py).

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("mkdocs", "properdocs")  # each builds the same tree: `python -m ENGINE build`


class Refused(Exception):
    """The tree cannot be written; the message says why and what to do."""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator site",
        description="Build the site as make build does: the tree, the engine's strict build of "
        "it, the finished site swapped in only when all of that succeeds.",
    )
    parser.add_argument(
        "--content", type=Path, default=ROOT / "criteria", help="default: criteria/"
    )
    parser.add_argument(
        "--tree", type=Path, default=ROOT / "build" / "tree", help="default: build/tree/"
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="default: site/")
    parser.add_argument("--engine", choices=ENGINES, default=ENGINES[0], help="default: mkdocs")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    site = args.site.absolute()
    site.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f"{site.name}.new.", dir=site.parent))
    new.chmod(0o755)  # mkdtemp's folder is the owner's alone; a site is for anyone to read
    engine = start_engine(args.engine, args.tree / "mkdocs.yml", new)
    kill = signal.signal(signal.SIGTERM, stopped)
    try:
        why = build(args.content, args.tree, engine, new)
        if why:
            return failed(why, args.site)
        from . import pipeline

        pipeline.swap_in(new, site)
    except BaseException:  # stopped part way (Ctrl+C, kill) or a fault: so is the engine
        engine.terminate()
        print(f"The build was stopped: {args.site}/ was left as it was.", file=sys.stderr)
        raise
    finally:
        if engine.stdin and not engine.stdin.closed:
            engine.stdin.close()  # not told to go: it exits without building
        engine.wait()
        shutil.rmtree(new, ignore_errors=True)
        signal.signal(signal.SIGTERM, kill)
    print(f"Built the site into {args.site}/ in {time.perf_counter() - started:.2f}s")
    return 0


def stopped(signum: int, _frame: object) -> None:
    """Asked to stop (kill): leave as Ctrl+C does, through main's clean-up."""
    raise SystemExit(128 + signum)


def start_engine(engine: str, config: Path, out: Path) -> subprocess.Popen[str]:
    """The engine's strict build of `config` into `out`, started but waiting to be told to go."""
    build_args = ["build", "--strict", "-f", str(config), "--site-dir", str(out)]
    command = [sys.executable, "-m", engine_start.__name__, engine, *build_args]
    return subprocess.Popen(command, stdin=subprocess.PIPE, text=True)


def build(content: Path, tree: Path, engine: subprocess.Popen[str], new: Path) -> str | None:
    """The tree written, the engine told to build it while what was rendered is checked, and the
    built site finished: what went wrong (the engine prints its own messages), or None."""
    from . import pipeline
    from .problems import GenerationError

    checked = pipeline.check(content, content.resolve().parent, outputs=False)
    try:
        if checked.problems or checked.generated is None:
            raise Refused(str(GenerationError(checked.problems)))
        pipeline.write_files(tree_files(content, checked.generated), tree)
    except Refused as err:
        return str(err)
    assert engine.stdin is not None
    try:
        engine.stdin.write(engine_start.GO + "\n")
        engine.stdin.close()
    except BrokenPipeError:
        pass  # it has already stopped (it could not start): its status says so below
    why = output_problems(checked)  # while the engine builds
    code = engine.wait()
    if why or code:
        return why or f"The engine exited with status {code}: its messages are above."
    finish(new)
    return None


def output_problems(checked: Checked) -> str | None:
    from . import pipeline
    from .problems import format_problems

    found = pipeline.output_problems(checked)
    return format_problems(found) if found else None


def tree_files(content: Path, generated: Generated) -> dict[str, str | bytes]:
    """Every file of the tree, with a draft notice on each page that shows unreviewed text when
    building a draft; Refused when a value is unreviewed and the build refuses those."""
    from . import drafts, pipeline, site_tree
    from .problems import GenerationError

    if drafts.MODE == "refuse" and (unreviewed := pipeline.unreviewed(content)):
        raise Refused(drafts.refusal(unreviewed))
    if drafts.MODE == "draft":
        pages = {path: drafts.marked(text) for path, text in generated.pages.items()}
        generated = dataclasses.replace(generated, pages=pages)
    try:
        return site_tree.tree(ROOT, generated, site_tree.read_config(ROOT))
    except GenerationError as err:
        raise Refused(str(err)) from err


def finish(site_dir: Path) -> None:
    """The built site's search index trimmed (if mkdocs.yml still has search), then every page's
    abbreviations spelled out at first use and made focusable."""
    from . import abbr_html, search_index

    if (site_dir / search_index.INDEX).is_file():
        done = search_index.trim(site_dir)
        print(
            f"OK: search index {done.before:,} -> {done.after:,} bytes "
            f"({done.pages} pages kept by their title only)"
        )
    else:
        print(f"No search index to trim: mkdocs.yml has no search plugin ({search_index.INDEX})")
    pages = abbr_html.finish_site(site_dir)
    print(f"OK: abbreviations spelled out and focusable on {pages} pages")


def failed(why: str, site: Path) -> int:
    print(why, file=sys.stderr)
    print(f"The build failed: {site}/ was left as it was.", file=sys.stderr)
    return 1
