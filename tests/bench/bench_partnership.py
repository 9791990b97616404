"""Benchmark the Partnership view in headless Chromium (not a test: run by hand, or `make bench`).

Makes 30 and 60 realistic agency exports in the page itself (JTAI.io.newRecord, then every
criterion rated with seeded random answers, evidence text, Annex A documents, a few actions and
the odd override), writes them to files, and times, on the built site ($JTAI_SITE_DIR, else site/,
else a fresh build in a temp folder), loading them all at once through the page's file input:

1. choose files -> preview shown: from the input's change event until the preview of what the
   load would do is on the page (reading, checking, combining, nothing changed yet);
2. "Load these" -> load result shown: from the confirmation until the load status lists every
   file (the load is worked out again from the page as it is then);
3. -> grid rendered: then "Agencies compared" until the grid has every criterion row and every
   column's cells, and until the next frame is painted.

Two shapes of partnership: files cycled through the framework's agencies and "jointly" (so at
most 8 grid columns, the other files kept as earlier assessments for Over time), and files that
name no agency (one grid column each: the widest grid the page can be given).

    .venv/bin/python tests/bench/bench_partnership.py [--runs N] [--sizes 30 60]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from bench_support import site_dir, summary  # noqa: E402
from browser_support import CHROMIUM_ARGS, find_chromium, serve_directory  # noqa: E402

CHROMIUM = find_chromium() or "/usr/bin/chromium"
PAGE = "partnership.html"
SEED = 20250602

# Realistic exports, made with the page's own JTAI.io.newRecord and a seeded generator (mulberry32),
# so every run times the same files.
GENERATE_JS = """([count, seed, withAgency]) => {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6D2B79F5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const hex = (n) => Array.from({length: n}, () => Math.floor(rand() * 16).toString(16)).join('');
  const pad = (n) => String(n).padStart(2, '0');
  const data = JTAI.data.assessment, a = data.assessment;
  const levels = a.scale.levels.map(l => l.id);
  const bands = a.outcomes.map(o => o.id);
  const agencies = data.agencies.map(x => x.id).concat([a.jointly.id]);
  const statuses = a.action_statuses.map(x => x.id);
  const sentence = [
    'Multi-agency audit of twelve cases found strategy meetings held on time.',
    'Return home interviews are offered but not always taken up.',
    'Exploitation screening is used at the front door and reviewed monthly.',
    'Children tell us they trust their youth justice worker.',
    'Information from schools reaches the front door within a day.',
    'Supervision records show managers challenge drift in plans.',
  ];
  const text = (n) => Array.from({length: n}, () => pick(sentence)).join(' ');
  const files = [];
  for (let i = 0; i < count; i += 1) {
    const month = 1 + (i % 12), day = 1 + Math.floor(i / 12) % 28;
    const date = `2025-${pad(month)}-${pad(day)}`;
    const rec = JTAI.io.newRecord(data, {title: `Assessment ${i + 1}`,
                                        now: `${date}T09:00:00.000Z`});
    rec.id = 'sa-' + hex(16);
    rec.updated = `${date}T16:${pad(i % 60)}:00.000Z`;
    rec.respondent = {partnership: 'Benchmark Safeguarding Children Partnership',
                      agency: withAgency ? agencies[i % agencies.length] : '',
                      role: 'Head of service', date};
    data.criteria.forEach((c) => {
      const answer = JTAI.io.emptyAnswer();
      c.indicators.forEach((ind, j) => {
        answer.indicators[ind.id] = j > 0 && rand() < 0.08 ? 'dont-know' : pick(levels);
      });
      answer.evidence = {know: text(3), how: text(2), doing: text(1)};
      answer.documents = c.annex_a.filter(() => rand() < 0.2).map(d => d.id);
      answer.confidence = pick(['high', 'medium', 'low', '']);
      if (rand() < 0.05) answer.override = {outcome: pick(bands), reason: text(1)};
      if (rand() < 0.25) {
        answer.actions.push({id: 'act-' + hex(16), what: text(1), lead: pick(agencies.concat([''])),
                             due: rand() < 0.8 ? `2025-${pad(1 + Math.floor(rand() * 12))}-15` : '',
                             status: pick(statuses)});
      }
      rec.answers[c.id] = answer;
    });
    files.push(JTAI.io.exportJSON(rec));
  }
  return files;
}"""

# From the input's change event to the load result, then to the grid with every row and cell.
TIME_JS = """([files, criteria]) => { window.__benchTimes = new Promise((resolve, reject) => {
  const input = document.querySelector('input[type=file][data-action=load-files]');
  const times = {};
  const statusDone = () => {
    const s = document.querySelector('.jtai-pv-load-status');
    return s && s.querySelectorAll('li[data-file]').length >= files;
  };
  input.addEventListener('change', () => { times.start = performance.now(); },
                         {capture: true, once: true});
  const observer = new MutationObserver(() => {
    if (times.start === undefined || times.loaded !== undefined) return;
    const confirm = document.querySelector('[data-action=confirm-load]');
    if (times.previewed === undefined && confirm) {
      times.previewed = performance.now();
      confirm.click();
      return;
    }
    if (times.previewed === undefined || !statusDone()) return;
    times.loaded = performance.now();
    observer.disconnect();
    document.querySelector('.jtai-pv-nav-btn[data-view=agencies]').click();
    const rows = document.querySelectorAll('table.jtai-pv-grid tbody tr[data-criterion]');
    const columns = JTAI.apps.partnership.combined().columns.length;
    const cells = document.querySelectorAll('table.jtai-pv-grid tbody td[data-column]').length;
    times.grid = performance.now();
    if (rows.length !== criteria || cells !== criteria * columns) {
      reject(new Error(`grid has ${rows.length} rows and ${cells} cells, expected ` +
                       `${criteria} rows of ${columns}`));
      return;
    }
    requestAnimationFrame(() => setTimeout(() => {
      times.painted = performance.now();
      times.columns = columns;
      times.loadedCount = JTAI.apps.partnership.set.length;
      resolve(times);
    }, 0));
  });
  observer.observe(document.getElementById('jtai-partnership'),
                   {childList: true, subtree: true, characterData: true});
  setTimeout(() => reject(new Error('timed out waiting for the load result')), 120000);
}); }"""


def open_page(browser, origin: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{origin}/{PAGE}")
    page.wait_for_selector("#jtai-partnership[data-ready=true]")
    return context, page, errors


def make_files(browser, origin: str, count: int, with_agency: bool, folder: Path) -> list[Path]:
    context, page, _errors = open_page(browser, origin)
    texts = page.evaluate(GENERATE_JS, [count, SEED + count, with_agency])
    check = page.evaluate(
        """texts => texts.map(t => { const r = JTAI.io.parseImport(t, JTAI.data.assessment);
             return r.ok ? '' : r.message + ' ' + r.details.join('; '); }).filter(Boolean)""",
        texts,
    )
    context.close()
    if check:
        raise SystemExit(f"generated exports were refused: {check[:3]}")
    paths = []
    for n, text in enumerate(texts, start=1):
        path = folder / f"agency-export-{n:03d}.json"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def bench_load(browser, origin: str, paths: list[Path], runs: int, label: str) -> list[str]:
    previewed, loaded, grid, total, painted, walls = [], [], [], [], [], []
    facts: set[str] = set()
    criteria = None
    for _ in range(runs):
        context, page, errors = open_page(browser, origin)
        if criteria is None:
            criteria = page.evaluate("() => JTAI.data.assessment.criteria.length")
        page.evaluate(TIME_JS, [len(paths), criteria])
        wall = time.perf_counter()
        page.set_input_files("input[type=file][data-action=load-files]", [str(p) for p in paths])
        times = page.evaluate("() => window.__benchTimes")
        wall = (time.perf_counter() - wall) * 1000
        if errors:
            raise SystemExit(f"page errors: {errors}")
        previewed.append(times["previewed"] - times["start"])
        loaded.append(times["loaded"] - times["previewed"])
        grid.append(times["grid"] - times["loaded"])
        total.append(times["grid"] - times["start"])
        painted.append(times["painted"] - times["start"])
        walls.append(wall)
        facts.add(f"{times['loadedCount']} assessments loaded, {times['columns']} grid columns")
        context.close()
    size = sum(p.stat().st_size for p in paths)
    head = (
        f"{len(paths)} files, {label}: {size / 1024 / 1024:.2f} MB in all, "
        f"{size / len(paths) / 1024:.0f} KB each on average, largest "
        f"{max(p.stat().st_size for p in paths) / 1024:.0f} KB"
    )
    return [
        head,
        summary(f"  {len(paths)} files: choose files -> preview shown", previewed, width=66),
        summary(f"  {len(paths)} files: Load these -> load result shown", loaded, width=66),
        summary(
            f"  {len(paths)} files: load result -> grid with every row (render)", grid, width=66
        ),
        summary(f"  {len(paths)} files: choose files -> grid with every row", total, width=66),
        summary(f"  {len(paths)} files: choose files -> grid painted", painted, width=66),
        summary(
            f"  {len(paths)} files: wall clock, Playwright sending the files included",
            walls,
            width=66,
        ),
        *(f"  {fact}" for fact in sorted(facts)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="repeats per measurement")
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 60], help="files per load")
    options = parser.parse_args()
    site = site_dir(PAGE)
    started = time.perf_counter()
    lines = [f"Partnership view benchmark on {site} (Chromium at {CHROMIUM})"]
    with serve_directory(site) as origin, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        for with_agency, label in ((True, "agencies cycled"), (False, "no agency named")):
            for count in options.sizes:
                with tempfile.TemporaryDirectory() as tmp:
                    paths = make_files(browser, origin, count, with_agency, Path(tmp))
                    lines += bench_load(browser, origin, paths, options.runs, label)
        browser.close()
    lines.append(f"(took {time.perf_counter() - started:.1f} s)")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
