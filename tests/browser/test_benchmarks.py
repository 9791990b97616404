"""Every benchmark still runs (`make bench`), in a quick form: one or two repeats, small inputs.

Benchmarks assert nothing and nothing else runs them, so a change to the apps (an import that now
asks before it changes anything, say) left four of them failing unseen for a session. Each one
here runs as `make bench` runs it, on the built site and the tests' own copy of the content
(JTAI_CONTENT), and must exit 0 and print its measurements. Lighthouse is left out: it installs
its own npm packages and takes minutes (`make bench` runs it).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from paths import CONTENT, ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BENCH = ROOT / "tests" / "bench"
LEFT_OUT = {"bench_lighthouse.py"}  # minutes, and npm packages of its own
# Each benchmark, quick: its arguments, the environment it needs, and a line it must print.
QUICK = {
    "bench_assessment.py": (["--runs", "2", "--imports", "1"], {}, "import a valid"),
    "bench_partnership.py": (["--runs", "1", "--sizes", "3"], {}, "Load these -> load result"),
    "bench_tracker_workbook.py": (["--runs", "1", "--strings", "2000"], {}, "check before"),
    "bench_ingest_shapes.py": (["--base", "tiny", "--shape", "html"], {}, "tiny  html"),
    "bench_plain_material.py": ([], {"BENCH_RUNS": "1"}, "plain mkdocs-material"),
    "bench_build.py": ([], {"BENCH_RUNS": "1", "BENCH_SCALES": "1"}, "check + render, 1"),
}


def test_every_benchmark_is_listed_here() -> None:
    scripts = {p.name for p in BENCH.glob("bench_*.py")} - {"bench_support.py"}
    assert scripts == set(QUICK) | LEFT_OUT


@pytest.mark.parametrize("script", sorted(QUICK))
def test_the_benchmark_runs(script: str, built_site: Path) -> None:
    args, extra, expected = QUICK[script]
    env = {**os.environ, **extra, "JTAI_SITE_DIR": str(built_site), "JTAI_CONTENT": str(CONTENT)}
    done = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        cwd=ROOT,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"{script} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    assert expected in done.stdout, done.stdout[-2000:]
