"""Benchmark: Lighthouse on this site and on a plain mkdocs-material build, side by side.

Not a test: it prints figures and asserts nothing about speed. Run with `make bench` (which
builds the site first), or `.venv/bin/python tests/bench/bench_lighthouse.py` on a built site.

Lighthouse 12 comes from the lock file in tests/bench/lighthouse/ (`npm ci` there the first
time, and again when the lock changes). It drives Debian's headless Chromium at pages served by a
local server on 127.0.0.1: nothing leaves the machine. The reference (reference_site.py) is built
in the same run. Each page is measured with the mobile preset (simulated throttling), its runs
interleaved with the reference's, and with the desktop preset (the reference is not: the desktop
target is 98 or more, not a comparison). The median of the runs is reported: app pages are
compared with the reference's criterion page, content pages with their own reference page.
Accessibility, best practices and SEO are scored on the first run of the first preset; the other
runs do only the audits the performance score and the report need, to keep the whole run short.

Choose with environment variables (figures on a shared machine vary by 10-20 points between
runs: compare side by side, and keep 3 runs for figures you quote):

    JTAI_LH_RUNS=1                         runs per page and preset (default 3)
    JTAI_LH_PAGES=home,self-assessment     pages (default all: home, ec1, self-assessment,
                                           partnership, planner, tracker)
    JTAI_LH_PRESETS=mobile                 presets (default mobile,desktop)
    JTAI_LH_OUT=path.json                  results file (default test-results/bench/lighthouse.json)
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
import lighthouse_report  # noqa: E402
import reference_site  # noqa: E402
from bench_support import site_dir  # noqa: E402
from browser_support import CHROMIUM_ARGS, find_chromium, serve_directory  # noqa: E402

LIGHTHOUSE_DIR = Path(__file__).resolve().parent / "lighthouse"
STAMP = LIGHTHOUSE_DIR / "node_modules" / ".jtai-installed-lock"
CHROMIUM_FLAGS = ("--headless=new", "--disable-dev-shm-usage", *CHROMIUM_ARGS)
ALL_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Enough for the performance score (its weighted metrics) and what the report shows; the rest of
# Lighthouse's audits (and the gatherers only they need) are left out to keep runs short.
PERFORMANCE_AUDITS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
    "render-blocking-resources",
    "layout-shifts",
    "bootup-time",
    "network-requests",
)
REFERENCE_CRITERION = "criteria/ec1.html"

# Page key -> (page on this site, the reference page it is compared with).
PAGES = {
    "home": ("index.html", "index.html"),
    "ec1": ("criteria/ec1.html", REFERENCE_CRITERION),
    "self-assessment": ("self-assessment.html", REFERENCE_CRITERION),
    "partnership": ("partnership.html", REFERENCE_CRITERION),
    "planner": ("planner.html", REFERENCE_CRITERION),
    "tracker": ("tracker.html", REFERENCE_CRITERION),
}


@dataclass(frozen=True)
class Choice:
    pages: tuple[str, ...]
    presets: tuple[str, ...]
    runs: int
    out: Path


@dataclass(frozen=True)
class Job:
    id: str
    url: str
    preset: str
    categories: tuple[str, ...]
    audits: tuple[str, ...]  # empty: every audit of the categories
    side: str  # "site" or "reference"
    page: str  # the path measured
    run: int


def choice_from_env() -> Choice:
    pages = _listed("JTAI_LH_PAGES", tuple(PAGES))
    unknown = [p for p in pages if p not in PAGES]
    if unknown:
        raise SystemExit(f"JTAI_LH_PAGES: unknown {unknown}; choose from {', '.join(PAGES)}")
    presets = _listed("JTAI_LH_PRESETS", ("mobile", "desktop"))
    if set(presets) - {"mobile", "desktop"}:
        raise SystemExit("JTAI_LH_PRESETS: choose from mobile, desktop")
    runs = int(os.environ.get("JTAI_LH_RUNS") or 3)
    out = os.environ.get("JTAI_LH_OUT") or ROOT / "test-results" / "bench" / "lighthouse.json"
    return Choice(pages, presets, max(1, runs), Path(out))


def _listed(name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = os.environ.get(name, "")
    return tuple(v.strip() for v in value.split(",") if v.strip()) or default


def install_lighthouse() -> None:
    """`npm ci` in tests/bench/lighthouse/ unless node_modules already matches the lock."""
    lock = hashlib.sha256((LIGHTHOUSE_DIR / "package-lock.json").read_bytes()).hexdigest()
    if STAMP.is_file() and STAMP.read_text(encoding="utf-8") == lock:
        return
    print("Installing Lighthouse from tests/bench/lighthouse/package-lock.json ...", flush=True)
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=LIGHTHOUSE_DIR,
        check=True,
    )
    STAMP.write_text(lock, encoding="utf-8")


def plan(choice: Choice, origins: dict[str, str]) -> list[Job]:
    """Every run of every page, this site's and (on mobile) the reference's, interleaved."""
    site = [("site", PAGES[key][0]) for key in choice.pages]
    reference = [("reference", PAGES[key][1]) for key in choice.pages]
    jobs = []
    for run in range(1, choice.runs + 1):
        for preset in choice.presets:
            scored = run == 1 and preset == choice.presets[0]
            categories = ALL_CATEGORIES if scored else ("performance",)
            audits = () if scored else PERFORMANCE_AUDITS
            targets = dict.fromkeys(site + (reference if preset == "mobile" else []))
            for side, page in targets:
                job_id = f"{side}:{page}:{preset}:{run}"
                url = f"{origins[side]}/{page}"
                jobs.append(Job(job_id, url, preset, categories, audits, side, page, run))
    return jobs


def run_lighthouse(jobs: list[Job], chromium: str, workdir: Path) -> list[dict[str, Any]]:
    """Run the jobs in one Chromium through tests/bench/lighthouse/run.mjs; one record each."""
    spec = workdir / "jobs.json"
    spec.write_text(
        json.dumps(
            {
                "chromePath": chromium,
                "chromeFlags": list(CHROMIUM_FLAGS),
                "jobs": [asdict(job) for job in jobs],
            }
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        ["node", "run.mjs", str(spec)],
        cwd=LIGHTHOUSE_DIR,
        env={**os.environ, "CHROME_PATH": chromium},
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def main() -> None:
    started, load_before = time.monotonic(), os.getloadavg()[0]
    choice = choice_from_env()
    site = site_dir("self-assessment.html")
    chromium = find_chromium() or "/usr/bin/chromium"
    install_lighthouse()
    with tempfile.TemporaryDirectory(prefix="jtai-lighthouse-") as tmp:
        reference = reference_site.build(Path(tmp) / "reference")
        with serve_directory(site) as here, serve_directory(reference) as there:
            jobs = plan(choice, {"site": here, "reference": there})
            print(
                f"Lighthouse: {len(jobs)} runs ({len(choice.pages)} pages, "
                f"{'/'.join(choice.presets)}, {choice.runs} each, with the reference)",
                flush=True,
            )
            records = run_lighthouse(jobs, chromium, Path(tmp))
    report = lighthouse_report.Report(choice.pages, PAGES, records, site)
    print(report.text())
    seconds, load = time.monotonic() - started, [load_before, os.getloadavg()[0]]
    print(
        f"Machine: load average {load[0]:.1f} at the start, {load[1]:.1f} at the end "
        f"({os.cpu_count()} CPUs); Lighthouse's benchmark index {report.benchmark_index()}"
    )
    print(f"\nWhole run: {seconds / 60:.1f} min. Results: {choice.out}")
    choice.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "seconds": round(seconds),
        "load_average": load,
        "choice": {**asdict(choice), "out": str(choice.out)},
    }
    choice.out.write_text(json.dumps({**payload, **report.data()}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
