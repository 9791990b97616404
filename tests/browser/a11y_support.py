"""Helpers for the accessibility tests past axe-core (issue 24): keyboard driving, focus seen in
forced colours, nothing moving, boxes that scroll sideways, and focus never hidden.

Plain functions over a Playwright page; the tests are tests/browser/test_a11y_*.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from browser_support import REPO_ROOT

MAX_TABS = 400  # Tab presses before a journey gives up on reaching a control
# 400% zoom of a 1280 by 1024 screen: the viewport WCAG 1.4.10 Reflow names.
ZOOM_400 = {"width": 320, "height": 256}

_FOCUSED_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const label = el.labels && el.labels[0] && el.labels[0].innerText;
  const name = el.getAttribute('aria-label') || label
    || el.innerText || el.value || el.getAttribute('title') || '';
  return {tag: el.tagName.toLowerCase(), type: el.type || '', name: name.trim().slice(0, 60)};
}
"""


def focused(page: Any) -> dict[str, str] | None:
    """What has focus: its tag, type and a short name (None when nothing has)."""
    return page.evaluate(_FOCUSED_JS)


# Focus seen in forced colours: the system colours replace backgrounds and box shadows, so only an
# outline (or a border that changes) still shows where focus is. A 'none' outline, or one under
# 1px, draws nothing.
_FOCUS_DRAWN_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const width = parseFloat(s.outlineWidth) || 0;
  return {outline: s.outlineStyle !== 'none' && width >= 1, style: s.outlineStyle, width};
}
"""


def focus_drawn(page: Any) -> bool:
    """Whether the focused element draws an outline that forced colours keep."""
    state = page.evaluate(_FOCUS_DRAWN_JS)
    return bool(state and state["outline"])


# The focused element must not be hidden by anything else drawn over it (a sticky header, a
# floating button): the element at its visible centre is itself or inside it.
_OBSCURED_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height) return 'a stop 0 pixels wide or high shows nothing';
  const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
  if (bottom <= top || right <= left) return 'off screen';
  const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
  if (!hit || el === hit || el.contains(hit) || hit.contains(el)) return null;
  const label = hit.closest('label');
  if (label && el.labels && Array.from(el.labels).includes(label)) return null;
  const what = (hit.className && String(hit.className).slice(0, 60)) || hit.tagName.toLowerCase();
  return 'covered by ' + what;
}
"""


def focus_obscured_by(page: Any) -> str | None:
    """Why the focused element cannot be seen (covered at its centre, off screen, no size), or
    None when it can."""
    return page.evaluate(_OBSCURED_JS)


# Nothing moving: every animation or transition that is running (finite or not).
_RUNNING_JS = """
() => document.getAnimations()
  .filter((a) => a.playState === 'running')
  .map((a) => {
    const t = a.effect && a.effect.target;
    const cls = t ? String(t.className).split(' ')[0] : '';
    const what = t ? (t.id ? '#' + t.id : t.tagName.toLowerCase() + '.' + cls) : '?';
    return what + ' ' + (a.animationName || a.transitionProperty || a.constructor.name);
  })
"""


TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"

# Transitions that end (a menu closing, a tooltip fading) must end before "what covers the
# focused control" is asked; endless ones (a spinner) are left to running_animations.
_SETTLED_JS = """
() => Promise.race([
  Promise.all(document.getAnimations()
    .filter((a) => a.playState === 'running' && a.effect)
    .filter((a) => a.effect.getComputedTiming().endTime !== Infinity)
    .map((a) => a.finished.catch(() => null))),
  new Promise((r) => setTimeout(r, 2000)),
])
"""


def settled(page: Any) -> None:
    """Wait two frames (for a script that scrolls after focus moves), then until every finite
    animation or transition has ended (at most 2 seconds)."""
    page.evaluate(TWO_FRAMES)
    page.evaluate(_SETTLED_JS)


def running_animations(page: Any) -> list[str]:
    """Animations and transitions running two frames after the last action."""
    page.evaluate(TWO_FRAMES)
    return page.evaluate(_RUNNING_JS)


# Boxes that scroll sideways must be reachable and named (WCAG 1.4.10, 2.1.1, 4.1.2).
_SCROLL_BOXES_JS = """
() => {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const o = getComputedStyle(el).overflowX;
    if (o !== 'auto' && o !== 'scroll') continue;
    if (el.scrollWidth <= el.clientWidth + 1 || !el.clientWidth) continue;
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const labelled = el.getAttribute('aria-labelledby');
    const byId = (id) => (document.getElementById(id) || {}).textContent || '';
    const name = el.getAttribute('aria-label') ||
      (labelled ? labelled.split(' ').map(byId).join(' ') : '');
    const focusable = el.tabIndex >= 0;
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    for (const c of Array.from(el.classList).slice(0, 2)) s += '.' + c;
    out.push({box: s, name: name.trim(), focusable});
  }
  return out;
}
"""


def scroll_box_problems(page: Any) -> list[str]:
    """Each box scrolling sideways that cannot be focused or has no accessible name."""
    problems = []
    for box in page.evaluate(_SCROLL_BOXES_JS):
        if not box["focusable"]:
            problems.append(f"{box['box']} scrolls sideways but cannot be focused")
        if not box["name"]:
            problems.append(f"{box['box']} scrolls sideways but has no name")
    return problems


@dataclass
class Keyboard:
    """Drives a page by keyboard, checking every stop on the way; problems collect in `problems`
    and the test fails with all of them at the end (`done`)."""

    page: Any
    forced: bool
    problems: list[str] = field(default_factory=list)

    def _check_stop(self) -> None:
        where = focused(self.page)
        if where is None:
            return
        if self.forced and not focus_drawn(self.page):
            self.problems.append(f"no focus outline in forced colours: {where}")
        cover = focus_obscured_by(self.page)
        if cover:  # perhaps only for a moment: a menu closing, a tooltip fading
            settled(self.page)
            cover = focus_obscured_by(self.page)
        if cover:
            self.problems.append(f"focus not seen, {cover}: {where}")

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        if key in ("Tab", "Shift+Tab"):
            self._check_stop()

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def tab_to(self, target: Any, *, backwards: bool = False) -> None:
        """Tab (or Shift+Tab) until `target` has focus, checking each stop on the way."""
        seen = []
        for _ in range(MAX_TABS):
            if target.evaluate("(el) => el === document.activeElement"):
                return
            self.press("Shift+Tab" if backwards else "Tab")
            seen.append(focused(self.page))
        last = "\n  ".join(map(str, seen[-15:]))
        raise AssertionError(f"the keyboard never reached {target}; last stops:\n  {last}")

    def still(self, step: str) -> None:
        """After a step, under reduced motion, nothing may be moving."""
        if self.forced:
            moving = running_animations(self.page)
            if moving:
                self.problems.append(f"{step}: still animating: {moving}")

    def tick_shows(self, control: Any, key: str = "Space") -> None:
        """Press `key` on the focused control (Space ticks a box, an arrow moves a radio): what
        is drawn must change, in forced colours too."""
        before = control.screenshot()
        self.press(key)
        self.page.evaluate("() => new Promise(r => requestAnimationFrame(r))")
        if control.screenshot() == before:
            self.problems.append(f"ticked and unticked look the same: {focused(self.page)}")

    def done(self) -> None:
        if self.problems:
            unique = list(dict.fromkeys(self.problems))
            pytest.fail("\n".join([f"{len(unique)} problem(s):", *unique]), pytrace=False)


VALID_EXPORT = REPO_ROOT / "tests" / "fixtures" / "imports" / "valid.json"


def two_agencies(folder: Path) -> list[Path]:
    """The police export the import tests use, and a copy answered by health services that
    rates EC1 'rarely' throughout: the two disagree on EC1 only."""
    police = json.loads(VALID_EXPORT.read_text(encoding="utf-8"))
    health = json.loads(json.dumps(police))
    health.update(id="sa-health-copy", title="Health self-assessment")
    health["respondent"]["agency"] = "health"
    ec1 = health["answers"]["EC1"]["indicators"]
    health["answers"]["EC1"]["indicators"] = dict.fromkeys(ec1, "rarely")
    paths = [folder / "police.json", folder / "health.json"]
    for path, record in zip(paths, (police, health), strict=True):
        path.write_text(json.dumps(record), encoding="utf-8")
    return paths
