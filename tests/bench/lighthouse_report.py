"""Tables and notes from the Lighthouse benchmark's runs (bench_lighthouse.py).

Not a benchmark itself (`make bench` runs every tests/bench/*.py, and this one prints nothing).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

METRIC_NAMES = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}
SEARCH_INDEX = "search/search_index.json"


@dataclass(frozen=True)
class Report:
    keys: tuple[str, ...]  # page keys, in order
    pages: dict[str, tuple[str, str]]  # page key -> (site page, reference page)
    records: list[dict[str, Any]]  # one per Lighthouse run, from run.mjs
    site: Path  # the built site measured
    _runs: dict[tuple[str, str, str], list[dict[str, Any]]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        runs: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for record in self.records:
            runs[(record["side"], record["page"], record["preset"])].append(record)
        object.__setattr__(self, "_runs", dict(runs))

    def runs(self, side: str, page: str, preset: str) -> list[dict[str, Any]]:
        return self._runs.get((side, page, preset), [])

    def rows(self) -> list[dict[str, Any]]:
        """One row per page of this site, with the reference page it is compared with."""
        rows = []
        for key in self.keys:
            page, ref = self.pages[key]
            row: dict[str, Any] = {"page": key, "path": page, "reference": ref}
            for preset in ("mobile", "desktop"):
                row[preset] = _figures(self.runs("site", page, preset))
            row["reference_mobile"] = _figures(self.runs("reference", ref, "mobile"))
            rows.append(row)
        return rows

    def reference_rows(self) -> list[dict[str, Any]]:
        refs = dict.fromkeys(self.pages[key][1] for key in self.keys)
        return [
            {"path": ref, "mobile": _figures(self.runs("reference", ref, "mobile"))} for ref in refs
        ]

    def blame(self) -> list[dict[str, Any]]:
        """What Lighthouse holds against each page measured (this site's, then the reference's):
        its median mobile run, and the elements that shifted in any of its runs."""
        pages = [(key, "site", self.pages[key][0]) for key in self.keys]
        refs = dict.fromkeys(self.pages[key][1] for key in self.keys)
        pages += [(f"reference {ref}", "reference", ref) for ref in refs]
        out = []
        for name, side, page in pages:
            mobile, desktop = self.runs(side, page, "mobile"), self.runs(side, page, "desktop")
            run = _median_run(mobile or desktop)
            if run:
                blamed = _blame(run, self.reference_files())
                blamed["layout_shifts"] = _shifts(mobile + desktop)
                out.append({"page": name, "side": side, "path": page, **blamed})
        return out

    def reference_files(self) -> frozenset[str]:
        """Every file the reference's pages loaded (what this site pays for with no app)."""
        runs = [r for r in self.records if r["side"] == "reference"]
        return frozenset(_path(q["url"]) for r in runs for q in r["requests"])

    def static(self) -> dict[str, Any]:
        """Facts read from the built HTML: blocking tags per page, sheets on every page, index."""
        all_pages = sorted(self.site.rglob("*.html"))
        sheets: dict[str, int] = defaultdict(int)
        for path in all_pages:
            for sheet in {href for _, href in _tags(path).sheets}:
                sheets[sheet.rsplit("/", 1)[-1]] += 1
        index = self.site / SEARCH_INDEX
        return {
            "blocking": {key: _tags(self.site / self.pages[key][0]).counts() for key in self.keys},
            "sheets_on_every_page": sorted(s for s, n in sheets.items() if n == len(all_pages)),
            "html_pages": len(all_pages),
            "search_index_bytes": index.stat().st_size if index.is_file() else None,
            "search_index_fetched": {
                side: _fetched(SEARCH_INDEX, [r for r in self.records if r["side"] == side])
                for side in ("site", "reference")
            },
        }

    def benchmark_index(self) -> str:
        """Lighthouse's measure of the machine's speed across the runs (below 1000: slow)."""
        values = [r["benchmarkIndex"] for r in self.records if r.get("benchmarkIndex")]
        if not values:
            return "–"
        return f"median {statistics.median(values):.0f} ({min(values):.0f}–{max(values):.0f})"

    def data(self) -> dict[str, Any]:
        return {
            "rows": self.rows(),
            "reference_rows": self.reference_rows(),
            "blame": self.blame(),
            "static": self.static(),
            "runs": self.records,
        }

    def text(self) -> str:
        return "\n".join(
            [
                *_table(self.rows()),
                "",
                *_reference_table(self.reference_rows()),
                "",
                "What Lighthouse blames (median mobile run of each page):",
                *(line for item in self.blame() for line in _blame_lines(item)),
                "",
                *_static_lines(self.static()),
            ]
        )


def _figures(runs: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not runs:
        return None
    perf = [r["scores"]["performance"] for r in runs]
    scored: dict[str, Any] = next((r["scores"] for r in runs if "accessibility" in r["scores"]), {})
    return {
        "performance": statistics.median(perf),
        "min": min(perf),
        "max": max(perf),
        "runs": perf,
        "cls": statistics.median(r["metrics"]["cls"] for r in runs),
        "tbt": statistics.median(r["metrics"]["tbt"] for r in runs),
        "fcp": statistics.median(r["metrics"]["fcp"] for r in runs),
        "lcp": statistics.median(r["metrics"]["lcp"] for r in runs),
        **{k: scored.get(k) for k in ("accessibility", "best-practices", "seo")},
    }


def _fetched(suffix: str, runs: list[dict[str, Any]]) -> list[int]:
    """[how many of the runs requested a URL ending in `suffix`, how many runs]."""
    return [sum(any(q["url"].endswith(suffix) for q in r["requests"]) for r in runs), len(runs)]


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any] | None:
    ordered = sorted(runs, key=lambda r: r["scores"]["performance"])
    return ordered[(len(ordered) - 1) // 2] if ordered else None


def _blame(run: dict[str, Any], reference_files: frozenset[str]) -> dict[str, Any]:
    blocking = run["renderBlocking"]
    extra = [b for b in blocking if _path(b["url"]) not in reference_files]
    return {
        "performance": run["scores"]["performance"],
        "lost": {METRIC_NAMES.get(k, k): v for k, v in run["lost"].items() if v},
        "render_blocking": {
            "count": len(blocking),
            "scripts": sum(1 for b in blocking if _path(b["url"]).endswith(".js")),
            "sheets": sum(1 for b in blocking if _path(b["url"]).endswith(".css")),
            "est_ms": max((b["wastedMs"] for b in blocking), default=0),
            "worst": [(_path(b["url"]), b["wastedMs"]) for b in _top(blocking, "wastedMs", 3)],
            "not_in_reference": [(_path(b["url"]), b["wastedMs"]) for b in _top(extra, "wastedMs")],
        },
        "tbt_ms": round(run["metrics"]["tbt"]),
        "bootup": [(_path(b["url"]), round(b["total"])) for b in _top(run["bootup"], "total", 3)],
    }


def _shifts(runs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each element that shifted: in how many of the runs (by preset), and the largest shift."""
    shifts: dict[str, dict[str, Any]] = {}
    for run in runs:
        for node in dict.fromkeys(_element(s["node"]) for s in run["layoutShifts"]):
            entry = shifts.setdefault(node, {"runs": {}, "max": 0.0})
            entry["runs"][run["preset"]] = entry["runs"].get(run["preset"], 0) + 1
        for shift in run["layoutShifts"]:
            entry = shifts[_element(shift["node"])]
            entry["max"] = max(entry["max"], round(shift["score"], 3))
    return shifts


def _element(selector: str) -> str:
    """The last step of a CSS selector path ('footer.md-footer')."""
    return selector.rsplit(" > ", 1)[-1] or "(unnamed)"


def _top(items: list[dict[str, Any]], key: str, n: int | None = None) -> list[dict[str, Any]]:
    return sorted(items, key=lambda i: i[key], reverse=True)[:n]


def _path(url: str) -> str:
    """A URL as the path after the origin ('assets/assessment/app.js')."""
    parts = url.split("/", 3)
    return parts[3] if len(parts) > 3 else url


def _score(figures: dict[str, Any] | None, with_range: bool = False) -> str:
    if not figures:
        return "–"
    text = f"{figures['performance']:g}"
    if with_range and figures["min"] != figures["max"]:
        text += f" ({figures['min']}–{figures['max']})"
    return text


def _diff(row: dict[str, Any]) -> str:
    here, there = row["mobile"], row["reference_mobile"]
    if not here or not there:
        return "–"
    return f"{here['performance'] - there['performance']:+g}"


def _cls(row: dict[str, Any]) -> str:
    values = [row[p]["cls"] for p in ("mobile", "desktop") if row[p]]
    return "/".join(f"{v:.3f}" for v in values) or "–"


def _others(figures: dict[str, Any] | None) -> str:
    if not figures or figures.get("accessibility") is None:
        return "–"
    return "/".join(str(figures[k]) for k in ("accessibility", "best-practices", "seo"))


def _table(rows: list[dict[str, Any]]) -> list[str]:
    head = (
        f"{'page':<16}{'mobile (range)':>16}{'ref mobile':>12}{'diff':>6}"
        f"{'desktop (range)':>17}{'CLS mob/desk':>14}{'TBT ms':>8}  a11y/BP/SEO"
    )
    lines = [head, "-" * len(head)]
    for row in rows:
        mobile = row["mobile"] or row["desktop"] or {}
        tbt = f"{row['mobile']['tbt']:.0f}" if row["mobile"] else "–"
        lines.append(
            f"{row['page']:<16}{_score(row['mobile'], True):>16}"
            f"{_score(row['reference_mobile']):>12}{_diff(row):>6}"
            f"{_score(row['desktop'], True):>17}"
            f"{_cls(row):>14}{tbt:>8}  {_others(mobile)}"
        )
    lines.append("(app pages are compared with the reference's criterion page)")
    return lines


def _reference_table(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["Reference (plain mkdocs-material):"]
    for row in rows:
        mobile = row["mobile"] or {}
        lines.append(
            f"  {row['path']:<22} mobile {_score(row['mobile'], True):<12} "
            f"TBT {mobile.get('tbt', 0):.0f} ms  a11y/BP/SEO {_others(row['mobile'])}"
        )
    return lines


def _blame_lines(item: dict[str, Any]) -> list[str]:
    lost = ", ".join(f"{k} {v:g}" for k, v in sorted(item["lost"].items(), key=lambda x: -x[1]))
    blocking = item["render_blocking"]
    worst = ", ".join(f"{path} {ms:.0f} ms" for path, ms in blocking["worst"])
    extra = blocking["not_in_reference"]
    extra_text = ", ".join(f"{path.rsplit('/', 1)[-1]} {ms:.0f}" for path, ms in extra)
    shifts = "; ".join(
        f"{node} in {' and '.join(f'{n} {preset}' for preset, n in seen['runs'].items())} "
        f"run(s), up to {seen['max']:.3f}"
        for node, seen in item["layout_shifts"].items()
    )
    bootup = ", ".join(f"{path} {ms} ms" for path, ms in item["bootup"]) or "none"
    lines = [
        f"  {item['page']} ({item['performance']}): points lost: {lost or 'none'}",
        f"    render-blocking: {blocking['count']} ({blocking['scripts']} scripts, "
        f"{blocking['sheets']} sheets), up to {blocking['est_ms']:.0f} ms; worst: {worst or '–'}",
        f"    not loaded by the reference ({len(extra)}, ms each): {extra_text or 'none'}",
        f"    layout shifts (all runs): {shifts or 'none'}",
        f"    TBT {item['tbt_ms']} ms; bootup: {bootup}",
    ]
    return lines if item["side"] == "site" else lines[:2] + lines[3:]


def _static_lines(static: dict[str, Any]) -> list[str]:
    lines = ["In the built HTML (classic scripts with neither defer nor async; stylesheets):"]
    for key, tags in static["blocking"].items():
        lines.append(
            f"  {key:<16} scripts {tags['scripts_head']} in head + {tags['scripts_body']} in body, "
            f"stylesheets {tags['sheets_head']} in head + {tags['sheets_body']} in body"
        )
    fetched = static["search_index_fetched"]
    lines += [
        f"Stylesheets on all {static['html_pages']} pages: "
        + ", ".join(static["sheets_on_every_page"]),
        f"Search index ({SEARCH_INDEX}): {static['search_index_bytes']} bytes; "
        "fetched during {} of {} page loads of this site, {} of {} of the reference".format(
            *fetched["site"], *fetched["reference"]
        ),
    ]
    return lines


@dataclass(frozen=True)
class Tags:
    """A page's classic scripts with neither defer nor async, and its stylesheets."""

    scripts: tuple[tuple[str, str], ...]  # ("head" or "body", src)
    sheets: tuple[tuple[str, str], ...]  # ("head" or "body", href)

    def counts(self) -> dict[str, Any]:
        return {
            "scripts_head": sum(1 for where, _ in self.scripts if where == "head"),
            "scripts_body": sum(1 for where, _ in self.scripts if where == "body"),
            "sheets_head": sum(1 for where, _ in self.sheets if where == "head"),
            "sheets_body": sum(1 for where, _ in self.sheets if where == "body"),
            "scripts": [src for _, src in self.scripts],
            "sheets": [href for _, href in self.sheets],
        }


class _TagParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.where = "head"
        self.scripts: list[tuple[str, str]] = []
        self.sheets: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "body":
            self.where = "body"
        elif tag == "script" and attr.get("src") and _blocking_script(attr):
            self.scripts.append((self.where, attr["src"] or ""))
        elif tag == "link" and (attr.get("rel") or "").lower() == "stylesheet":
            self.sheets.append((self.where, attr.get("href") or ""))


def _blocking_script(attr: dict[str, str | None]) -> bool:
    kind = (attr.get("type") or "text/javascript").lower()
    classic = kind in {"text/javascript", "application/javascript"}
    return classic and "defer" not in attr and "async" not in attr


def _tags(path: Path) -> Tags:
    parser = _TagParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return Tags(tuple(parser.scripts), tuple(parser.sheets))
