"""Benchmark: the generator alone, the full strict build, and how both grow with content.

Run with `make bench` (or `python tests/bench/bench_build.py`; BENCH_RUNS=N repeats, 5 by default,
and BENCH_SCALES="1 5" the copies). Prints a table; asserts nothing.
The content is copied 1, 5 and 10 times (each copy a framework folder of its own, all shown) to
show how checking and rendering scale.
"""

from __future__ import annotations

import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench_support import CONTENT  # noqa: E402

from generator import model, pipeline, render  # noqa: E402

REPEATS = int(os.environ.get("BENCH_RUNS", "5"))
SCALES = tuple(int(n) for n in os.environ.get("BENCH_SCALES", "1 5 10").split())


def timed(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    """Median wall time in milliseconds."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def copies(n: int, into: Path) -> Path:
    content = into / "criteria"
    shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("README.md"))
    original = content / "syv-2023"
    for i in range(1, n):
        target = content / f"syv-copy-{i}"
        shutil.copytree(original, target)
        for path in target.rglob("*.yml"):
            text = path.read_text(encoding="utf-8")
            text = text.replace("framework: syv-2023", f"framework: syv-copy-{i}")
            text = text.replace("id: syv-2023", f"id: syv-copy-{i}", 1)
            path.write_text(text, encoding="utf-8")
    settings = content / "site.yml"
    shown = ", ".join(["syv-2023", *(f"syv-copy-{i}" for i in range(1, n))])
    text = settings.read_text(encoding="utf-8")
    assert "\nframeworks: [syv-2023]\n" in text, "criteria/site.yml shows more than syv-2023"
    settings.write_text(text.replace("[syv-2023]", f"[{shown}]", 1), encoding="utf-8")
    return content


def generate_all(content: Path) -> int:
    """Check and render every framework shown (the copies included); how many pages."""
    checked = pipeline.check(content, content.parent)
    assert not checked.problems, checked.problems[:3]
    return len(render.render(model.build(checked.docs, content)).pages)


def full_build() -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", out],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )


def main() -> None:
    print(f"{'what':<46}{'median ms':>12}")
    content = CONTENT
    check_ms = timed(lambda: pipeline.check(content, ROOT))
    print(f"{'generator check (real content)':<46}{check_ms:>12.0f}")
    print(
        f"{'generator check + render (real content)':<46}"
        f"{timed(lambda: pipeline.generate(content, ROOT)):>12.0f}"
    )
    print(
        f"{'full mkdocs build --strict (the hook)':<46}{timed(full_build, min(3, REPEATS)):>12.0f}"
    )
    for n in SCALES:
        with tempfile.TemporaryDirectory() as tmp:
            scaled = copies(n, Path(tmp))
            pages = generate_all(scaled)
            ms = timed(functools.partial(generate_all, scaled), min(3, REPEATS))
            print(f"{f'check + render, {n} frameworks ({pages} pages)':<46}{ms:>12.0f}")


if __name__ == "__main__":
    main()
