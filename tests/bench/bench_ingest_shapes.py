"""Time from ingest to a built two-theme site, for each guidance shape (not a test: run it by
hand, or `make bench`). Issue 20 asks for these numbers in the maintainers' note.

For each shape in tests/ingest_shapes.py, made from the tiny guidance (tests/tiny/guidance.txt,
as the tests do) and from the serious youth violence guidance (a full-size theme): copy the real
content, ingest the shaped text beside it as a second theme (which checks the folder before
writing it), then build the two-theme site strictly with MkDocs, as `make build` would.
Prints wall-clock seconds for ingest, build and the two together, and the CPU seconds used.

    .venv/bin/python tests/bench/bench_ingest_shapes.py [--base tiny|syv|both] [--shape NAME]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
import tiny_content  # noqa: E402
from ingest_shapes import SHAPES, as_html  # noqa: E402
from paths import SOURCE  # noqa: E402

BASES = {"tiny": tiny_content.TINY / "guidance.txt", "syv": SOURCE}


def _cpu() -> float:
    """CPU seconds used so far by this process and the builds it has waited for."""
    own, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def one(base: Path, name: str) -> tuple[float, float, float]:
    """Seconds to ingest the shaped text beside the real content and to build the site (wall
    clock), and the CPU seconds of both (on a shared machine the wall clock includes waiting)."""
    with tempfile.TemporaryDirectory(prefix="jtai-shape-") as tmp:
        guidance = Path(tmp) / (f"{name}.html" if SHAPES[name] is as_html else f"{name}.txt")
        guidance.write_text(SHAPES[name](base.read_text(encoding="utf-8")), encoding="utf-8")
        start, cpu = time.perf_counter(), _cpu()
        ran = tiny_content.make_beside_real(Path(tmp) / "content", {"new-theme": guidance})
        ingested = time.perf_counter()
        if ran["new-theme"].code != 0:
            raise SystemExit(f"{name}: ingest refused it:\n{ran['new-theme'].err}")
        tiny_content.build_pair(Path(tmp) / "content", Path(tmp) / "site")
        return ingested - start, time.perf_counter() - ingested, _cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", choices=[*BASES, "both"], default="both")
    parser.add_argument("--shape", choices=list(SHAPES), action="append")
    args = parser.parse_args()
    bases = list(BASES) if args.base == "both" else [args.base]
    print(f"{'base':<5} {'shape':<22} {'ingest s':>9} {'build s':>8} {'total s':>8} {'CPU s':>6}")
    for base in bases:
        for name in args.shape or SHAPES:
            ingest_s, build_s, cpu = one(BASES[base], name)
            total = ingest_s + build_s
            print(
                f"{base:<5} {name:<22} {ingest_s:>9.2f} {build_s:>8.2f} {total:>8.2f} {cpu:>6.2f}"
            )


if __name__ == "__main__":
    main()
