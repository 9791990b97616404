"""Benchmark the self-assessment in headless Chromium (not a test: run it by hand, or `make bench`).

Measures, on the built site ($JTAI_SITE_DIR, else site/, else a fresh build in a temp folder):

1. rating click -> updated score and outcome: a click on a rating radio until the score box is
   updated and saved (the change handler, synchronous), and until the next frame is painted;
   with an empty assessment and with a heavy one (every criterion answered, long evidence);
2. rating click -> results view: rating, then opening the results (all 21 criteria, chart,
   tables, explanations);
3. importing a large valid export (about 4 MB, under the 5 MB limit): from choosing the file to
   the question that shows what it holds (read, checked and listed field by field; nothing
   saved yet), then from "Import it" to the message on screen, and the parse-and-check step
   alone.

    .venv/bin/python tests/bench/bench_assessment.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
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
ARGS = list(CHROMIUM_ARGS)

CLICK_JS = """async ([iid, value]) => {
  const input = document.querySelector(`[data-group="${iid}"] input[data-value="${value}"]`);
  const t0 = performance.now();
  input.click();
  const t1 = performance.now();
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return [t1 - t0, performance.now() - t0];
}"""

RESULTS_JS = """([iid, value]) => {
  const t0 = performance.now();
  document.querySelector(`[data-group="${iid}"] input[data-value="${value}"]`).click();
  JTAI.apps['self-assessment'].show('results');
  return performance.now() - t0;
}"""

HEAVY_JS = """() => {
  const r = JTAI.apps['self-assessment'].record;
  const levels = ['consistently', 'mostly', 'partly', 'rarely', 'dont-know'];
  JTAI.data.assessment.criteria.forEach((c, i) => {
    const a = JTAI.apps['self-assessment'].answerFor(r, c.id);
    c.indicators.forEach((ind, j) => { a.indicators[ind.id] = levels[(i + j) % 5]; });
    ['know', 'how', 'doing'].forEach(k => { a.evidence[k] = 'Evidence text. '.repeat(300); });
    for (let n = 0; n < 5; n += 1) {
      a.actions.push({id: 'act-' + c.id + '-' + n, what: 'Action '.repeat(40), lead: 'police',
                      due: '2025-06-30', status: 'in-progress'});
    }
  });
  JTAI.apps['self-assessment'].change(() => {}, {});
}"""

IMPORT_WATCH_JS = """() => {
  window.__importTimes = {};
  const times = window.__importTimes;
  const input = document.querySelector('input[data-action=import]');
  input.addEventListener('change', () => { times.start = performance.now(); }, { capture: true });
  new MutationObserver(() => {
    if (times.asked === undefined && document.querySelector('dialog[open]')) {
      times.asked = performance.now();
    }
    const status = document.querySelector('.jtai-import-status p');
    if (times.confirmed !== undefined && status && times.end === undefined) {
      times.end = performance.now();
    }
  }).observe(document.body, { childList: true, subtree: true });
}"""


def open_page(browser, origin: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{origin}/self-assessment.html")
    page.wait_for_selector(".jtai-bar")
    return context, page


def bench_clicks(browser, origin: str, runs: int, heavy: bool) -> list[str]:
    context, page = open_page(browser, origin)
    if heavy:
        page.evaluate(HEAVY_JS)
    criteria = page.evaluate(
        "() => JTAI.data.assessment.criteria.map(c => [c.id, c.indicators.map(i => i.id)])"
    )
    handler, frame, results = [], [], []
    levels = ["consistently", "mostly", "partly", "rarely", "dont-know"]
    for n in range(runs):
        cid, indicators = criteria[n % len(criteria)]
        page.evaluate(
            f"() => JTAI.apps['self-assessment'].show('criteria', {{criterion: '{cid}'}})"
        )
        iid = indicators[n % len(indicators)]
        a, b = page.evaluate(CLICK_JS, [iid, levels[n % 5]])
        handler.append(a)
        frame.append(b)
        results.append(page.evaluate(RESULTS_JS, [iid, levels[(n + 1) % 5]]))
    size = page.evaluate("() => JSON.stringify(JTAI.apps['self-assessment'].record).length")
    context.close()
    label = f"{'heavy' if heavy else 'empty'} record, {size / 1024:.0f} KB"
    return [
        summary(f"rating click -> score box updated and saved ({label})", handler),
        summary(f"rating click -> next frame painted ({label})", frame),
        summary(f"rating click -> results view rendered ({label})", results),
    ]


def large_export(data: dict, index: int) -> str:
    text = "Multi-agency audit findings, described in general terms. " * 340  # ~19,000 chars
    answers = {}
    for c in data["criteria"]:
        answers[c["id"]] = {
            "indicators": {i["id"]: "mostly" for i in c["indicators"]},
            "evidence": {"know": text, "how": text, "doing": text[:8000]},
            "documents": [d["id"] for d in c["annex_a"]],
            "confidence": "medium",
            "override": None,
            "actions": [
                {
                    "id": f"act-{c['id']}-{n}",
                    "what": "Review and refresh the screening tool. " * 70,
                    "lead": "police",
                    "due": "2025-06-30",
                    "status": "in-progress",
                }
                for n in range(50)
            ],
        }
    record = {
        "format": "jtai-ready-assessment",
        "format_version": 1,
        "id": f"sa-bench{index:012d}",
        "title": f"Benchmark {index}",
        "framework_id": data["framework"]["id"],
        "framework_version": data["framework"]["version"],
        "app_version": data["app_version"],
        "created": "2025-01-01T00:00:00.000Z",
        "updated": "2025-01-02T00:00:00.000Z",
        "respondent": {"partnership": "Bench", "agency": "police", "role": "Tester", "date": ""},
        "answers": answers,
    }
    return json.dumps(record, indent=2)


def bench_import(browser, origin: str, runs: int) -> list[str]:
    asked, total, parse, sizes, outcomes = [], [], [], [], set()
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(runs):
            context, page = open_page(browser, origin)
            data = page.evaluate("() => JTAI.data.assessment")
            text = large_export(data, n)
            path = Path(tmp) / f"large-{n}.json"
            path.write_text(text, encoding="utf-8")
            sizes.append(path.stat().st_size)
            parse.append(
                page.evaluate(
                    """text => { const t0 = performance.now();
                         const r = JTAI.io.parseImport(text, JTAI.data.assessment);
                         if (!r.ok) throw new Error(r.message + r.details.join('; '));
                         return performance.now() - t0; }""",
                    text,
                )
            )
            page.evaluate(IMPORT_WATCH_JS)
            page.set_input_files("input[data-action=import]", str(path))
            page.wait_for_function("() => window.__importTimes.asked !== undefined")
            page.evaluate("() => { window.__importTimes.confirmed = performance.now(); }")
            page.get_by_role("button", name="Import it").click()
            page.wait_for_function("() => window.__importTimes.end !== undefined")
            times = page.evaluate("() => window.__importTimes")
            asked.append(times["asked"] - times["start"])
            total.append(times["end"] - times["confirmed"])
            outcomes.add(page.inner_text(".jtai-import-status p").split(".")[0])
            context.close()
    size = f"{statistics.mean(sizes) / 1024 / 1024:.1f} MB"
    return [
        summary(f"import a valid {size} export: choose file -> what it holds shown", asked),
        summary(f"import a valid {size} export: Import it -> message shown", total),
        summary(f"import a valid {size} export: parse and check only", parse),
        f"  import outcome(s): {', '.join(sorted(outcomes))}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="clicks per measurement")
    parser.add_argument("--imports", type=int, default=5, help="large imports")
    options = parser.parse_args()
    site = site_dir("self-assessment.html")
    started = time.perf_counter()
    lines = [f"Self-assessment benchmark on {site} (Chromium at {CHROMIUM})"]
    with serve_directory(site) as origin, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        lines += bench_clicks(browser, origin, options.runs, heavy=False)
        lines += bench_clicks(browser, origin, options.runs, heavy=True)
        lines += bench_import(browser, origin, options.imports)
        browser.close()
    lines.append(f"(took {time.perf_counter() - started:.1f} s)")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
