"use strict";
// The JS side of the rules the generator and the browser code share (tests/vectors/shared-rules.json;
// tests/test_shared_rules.py checks the Python side against the same file).
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { ROOT, requireWeb } = require("./helpers");

const D = requireWeb("lib/dates.js");
const T = requireWeb("tracker/tracker.js");
const V = JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "vectors", "shared-rules.json"), "utf8"));
const DEADLINES = V.deadline_order.deadlines;
const labels = (list) => list.map((d) => d.label);

/** lib/dom.js is a browser-only script: run it with a bare JTAI namespace to reach its helpers. */
function domKit() {
  const self = { JTAI: {} };
  vm.runInNewContext(fs.readFileSync(path.join(ROOT, "assessment", "lib", "dom.js"), "utf8"), { self });
  return self.JTAI.dom;
}

test("deadlines sort in the generator's order: no weekday last in its week, no time last on its day", () => {
  for (const shuffled of [[...DEADLINES].reverse(), DEADLINES.filter((_, i) => i % 2).concat(DEADLINES.filter((_, i) => !(i % 2)))]) {
    assert.deepEqual(labels([...shuffled].sort(D.compareDeadlines)), labels(DEADLINES));
  }
});

test("the tracker's deadline filter lists the deadlines in that order", () => {
  const annex = [...DEADLINES].reverse().map((d, i) => ({ id: `A-${i}`, deadline: d }));
  assert.deepEqual(T.deadlineLabels({ annex_a: annex.concat(annex) }), labels(DEADLINES));
});

test("clock text", () => {
  for (const [time, text] of V.clock.times) assert.equal(D.clock(time), text, time);
});

test("dates in words: with the weekday (planner, tracker), short, and without (self-assessment)", () => {
  const dom = domKit();
  for (const v of V.long_dates.dates) {
    assert.equal(D.longDate(v.iso), v.day_date, v.iso);
    assert.equal(D.shortDate(v.iso), v.short, v.iso);
    assert.equal(dom.longDate(v.iso), v.date, v.iso);
  }
});
