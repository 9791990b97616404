"""Benchmark: the site beside plain mkdocs-material over the same Markdown, in one run (issue 19
point 6): build time (median of paired runs, and the median of the per-run ratios) and the size
of the search index every page loads.

Three builds, taken in turn in each run so that the machine's load falls on all of them alike:

- plain mkdocs-material: the reference (reference_site.py: the same generated Markdown, the same
  theme, plain search settings, no app scripts), not strict;
- make build: `python -m generator site` writes the tree, has MkDocs build it strictly with no
  hook while it checks what it rendered, and finishes the built site (the Makefile's
  build_site; the command is tests/make_build.py's, which a test holds to the Makefile's);
- the hook: `mkdocs build --strict` with generator/mkdocs_hook.py, the way `make serve` builds
  (and the way `make build` built before the generator became its own step).

Run with `make bench` (or `python tests/bench/bench_plain_material.py`; BENCH_RUNS=N for more or
fewer runs, 5 by default). Prints a table; asserts nothing.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import reference_site
from bench_support import CONTENT

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
import make_build  # noqa: E402  (tests/, beside this folder)

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
INDEX = Path("search") / "search_index.json"


def cpu() -> float:
    """CPU seconds (user + system) used so far by this process's finished children."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(commands: list[list[str]]) -> tuple[float, float]:
    """Wall and CPU seconds to run the commands one after another (each must succeed)."""
    start, start_cpu = time.perf_counter(), cpu()
    for command in commands:
        done = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - start, cpu() - start_cpu


def builds(tmp: Path) -> dict[str, tuple[list[list[str]], Path]]:
    """Each build's commands and the site folder it writes."""
    py = sys.executable
    plain_config = reference_site.write(tmp / "reference")
    tree, ours, hook, plain = tmp / "tree", tmp / "ours", tmp / "hook", tmp / "plain"
    return {
        "plain mkdocs-material": (
            [[py, "-m", "mkdocs", "build", "-q", "-f", str(plain_config), "-d", str(plain)]],
            plain,
        ),
        "make build (python -m generator site)": ([make_build.command(ours, tree, CONTENT)], ours),
        "mkdocs with the hook (make serve)": (
            [[py, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(hook)]],
            hook,
        ),
    }


def median_ratio(mine: list[float], base: list[float]) -> float:
    """The median of the per-run ratios (each run's builds ran one after another)."""
    return statistics.median(m / b for m, b in zip(mine, base, strict=True))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="jtai-bench-plain-") as folder:
        named = builds(Path(folder))
        wall: dict[str, list[float]] = {name: [] for name in named}
        used: dict[str, list[float]] = {name: [] for name in named}
        for run in range(RUNS):
            order = list(named)[run % len(named) :] + list(named)[: run % len(named)]
            for name in order:
                seconds, cpu_seconds = timed(named[name][0])
                wall[name].append(seconds)
                used[name].append(cpu_seconds)
        plain = next(iter(named))
        plain_kb = (named[plain][1] / INDEX).stat().st_size / 1024
        print(f"{RUNS} paired runs; medians; x plain = median of the per-run ratios")
        print(f"{'build':<38}{'wall s':>8}{'x plain':>8}{'CPU s':>8}{'x plain':>8}{'index KB':>10}")
        for name, (_, site) in named.items():
            kb = (site / INDEX).stat().st_size / 1024
            print(
                f"{name:<38}{statistics.median(wall[name]):>8.2f}"
                f"{median_ratio(wall[name], wall[plain]):>8.2f}"
                f"{statistics.median(used[name]):>8.2f}"
                f"{median_ratio(used[name], used[plain]):>8.2f}"
                f"{kb:>10.0f} ({kb / plain_kb:.2f} x plain)"
            )


if __name__ == "__main__":
    main()
