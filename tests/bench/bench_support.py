"""What the browser benchmarks share: the built site to measure and one line per measurement.

Not a benchmark itself (`make bench` runs every tests/bench/*.py, and this one prints nothing).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The content the build benchmarks build: criteria/, or JTAI_CONTENT (as for `make serve`'s hook;
# tests/browser/test_benchmarks.py points it at the tests' own copy).
CONTENT = Path(os.environ.get("JTAI_CONTENT") or ROOT / "criteria").resolve()


def site_dir(page: str) -> Path:
    """$JTAI_SITE_DIR (else site/) when it holds `page`; otherwise a fresh strict build."""
    site = Path(os.environ.get("JTAI_SITE_DIR") or ROOT / "site")
    if (site / page).is_file():
        return site
    target = Path(tempfile.mkdtemp(prefix="jtai-bench-site-"))
    print(f"No built site with {page} at {site}: building one in {target} ...", flush=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return target


def summary(name: str, values: list[float], width: int = 58) -> str:
    """'name  median … p95 … max … (n=…)' in milliseconds."""
    values = sorted(values)
    p95 = values[max(0, round(0.95 * len(values)) - 1)]
    return (
        f"{name:<{width}} median {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms   "
        f"max {values[-1]:7.1f} ms   (n={len(values)})"
    )
