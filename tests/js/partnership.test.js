"use strict";
// The partnership view's aggregation and comparison over time, against the vectors in
// tests/vectors/partnership.json (worked out by hand from the rules in aggregate.js's header).
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, vectors, dataFor, webData, partnershipVectors, record } = require("./helpers");

const P = requireWeb("partnership/aggregate.js");
const S = requireWeb("lib/scoring.js");
const PV = partnershipVectors();

function dataWithGap(gap) {
  const data = dataFor(vectors(), PV.framework);
  if (gap !== undefined) data.assessment.partnership.disagreement_gap = gap;
  return data;
}

/**
 * Compare what the expected value gives: an object's listed keys only (at any depth); a list
 * item by item, the same length; anything else exactly.
 */
function assertSubset(actual, expected, where) {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: expected a list, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${where}: ${JSON.stringify(actual)}`);
    expected.forEach((e, i) => assertSubset(actual[i], e, `${where}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === "object") {
    assert.ok(actual !== null && typeof actual === "object", `${where}: expected an object, got ${actual}`);
    for (const key of Object.keys(expected)) assertSubset(actual[key], expected[key], `${where}.${key}`);
    return;
  }
  assert.deepEqual(actual, expected, where);
}

/** combine's result with rows keyed by criterion, as the vectors give them. */
function observedCombine(got) {
  return Object.assign({}, got, { rows: Object.fromEntries(got.rows.map((r) => [r.id, r])) });
}

function observedCompare(got) {
  return Object.assign({}, got, { rows: Object.fromEntries(got.rows.map((r) => [r.id, r])) });
}

test("the vectors' framework is the mini one, on the fixture's scale, bands and agencies", () => {
  const data = dataWithGap();
  assert.deepEqual(data.criteria.map((c) => [c.id, c.indicators.length]),
    [["EC1", 3], ["EC2", 2], ["EC3", 4], ["EC4", 1]]);
  assert.deepEqual(data.assessment.outcomes.map((o) => [o.id, o.min]), [["strength", 3.5],
    ["no-significant-finding", 2.5], ["area-for-improvement", 1.5], ["potential-priority-action", 1]]);
  assert.deepEqual(data.agencies.map((a) => a.id),
    ["social-care", "police", "health", "education", "youth-justice", "leaders", "csp"]);
  assert.equal(data.assessment.jointly.id, "partnership");
  assert.equal(data.assessment.partnership.disagreement_gap, 2);
});

for (const c of PV.cases) {
  test(`vector: ${c.name}`, () => {
    const data = dataWithGap(c.disagreement_gap);
    if (c.kind === "combine") {
      assert.ok("flagged" in c.expected && "totals" in c.expected, "every combine vector gives flagged and totals");
      const records = c.records.map((r) => record(data, r));
      const got = observedCombine(P.combine(data, records, { today: c.today }));
      for (const key of Object.keys(c.expected)) assertSubset(got[key], c.expected[key], key);
    } else {
      const got = observedCompare(P.compare(data, record(data, c.first), record(data, c.second)));
      for (const key of Object.keys(c.expected)) assertSubset(got[key], c.expected[key], key);
    }
  });
}

test("no assessments: no columns, and every criterion 'none'", () => {
  const data = webData("assessment");
  for (const input of [[], undefined]) {
    const got = P.combine(data, input, { today: "2025-04-01" });
    assert.deepEqual(got.columns, []);
    assert.deepEqual(got.earlier, []);
    assert.deepEqual(got.flagged, []);
    assert.deepEqual(got.actions, []);
    assert.equal(got.rows.length, data.criteria.length);
    for (const row of got.rows) {
      assert.equal(row.status, "none", row.id);
      assert.equal(row.gap, null);
      assert.equal(row.spread, null);
      assert.deepEqual(row.cells, {});
      assert.deepEqual(row.coverage, { rated: 0, "dont-know": 0, "not-assessed": 0 });
    }
    assert.deepEqual(got.totals, { none: data.criteria.length, single: 0, agree: 0, differ: 0, disagree: 0,
      rated_by_all: 0, rated_by_none: data.criteria.length });
    assert.equal(got.disagreement_gap, 2);
  }
});

test("the records given are not changed", () => {
  const data = dataWithGap();
  const lists = PV.cases.filter((c) => c.kind === "combine").map((c) => c.records.map((r) => record(data, r)));
  for (const records of lists) {
    const before = JSON.stringify(records);
    const order = records.map((r) => r.id);
    P.combine(data, records, { today: "2025-04-01" });
    assert.equal(JSON.stringify(records), before);
    assert.deepEqual(records.map((r) => r.id), order);
  }
  const c = PV.cases.find((x) => x.kind === "compare" && x.expected.actions);
  const first = record(data, c.first);
  const second = record(data, c.second);
  const snapshot = JSON.stringify([first, second]);
  P.compare(data, second, first);
  assert.equal(JSON.stringify([first, second]), snapshot);
});

test("every number is the self-assessment's own: cells match JTAIScoring.summarise", () => {
  const data = dataWithGap();
  const c = PV.cases.find((x) => x.name.startsWith("median"));
  const records = c.records.map((r) => record(data, r));
  const got = P.combine(data, records, {});
  for (const col of got.columns) {
    const mine = S.summarise(data, records.find((r) => r.id === col.id), {});
    assert.deepEqual(col.overall, mine.overall);
    for (const row of got.rows) {
      const want = mine.byId[row.id];
      const cell = row.cells[col.key];
      for (const k of ["score", "suggested", "outcome", "overridden", "rated", "dont_know", "unrated", "total"]) {
        assert.deepEqual(cell[k], want[k], `${row.id} ${col.key} ${k}`);
      }
    }
  }
});

test("35 assessments from 7 agencies over 5 dates: one column per agency, the latest, on the real framework", () => {
  const data = webData("assessment");
  const ratings = ["consistently", "mostly", "partly", "rarely"];
  const records = [];
  const dates = ["2024-11-01", "2025-01-15", "2025-02-20", "2025-03-05", "2025-04-01"];
  // Dates go out of order on purpose, so the latest is not simply the last one read.
  [3, 0, 4, 1, 2].forEach((d) => {
    data.agencies.forEach((a, ai) => {
      const answers = {};
      data.criteria.forEach((crit, ci) => {
        answers[crit.id] = crit.indicators.map((_, ii) => ratings[(ai + ci + ii + d) % 4]);
      });
      records.push(record(data, { id: `sa-${a.id}-${d}`, agency: a.id, date: dates[d],
        updated: `${dates[d]}T10:00:00.000Z`, answers }));
    });
  });
  assert.equal(records.length, 35);
  const got = P.combine(data, records, { today: "2025-04-10" });
  assert.deepEqual(got.columns.map((c) => c.key), data.agencies.map((a) => `agency:${a.id}`));
  assert.deepEqual(got.columns.map((c) => c.id), data.agencies.map((a) => `sa-${a.id}-4`));
  assert.equal(got.earlier.length, 28);
  assert.deepEqual(got.earlier.map((e) => e.date), [...got.earlier.map((e) => e.date)].sort());
  assert.equal(got.rows.length, 21);
  assert.ok(got.rows.every((r) => Object.keys(r.cells).length === 7 && r.coverage.rated === 7));
  assert.equal(got.totals.rated_by_all, 21);
  const statuses = got.totals.agree + got.totals.differ + got.totals.disagree;
  assert.equal(statuses, 21);
  assert.deepEqual(got.flagged, got.rows.filter((r) => r.status === "disagree")
    .sort((a, b) => b.gap - a.gap || a.order - b.order).map((r) => r.id));
});

test("comparing an assessment with itself: nothing moves", () => {
  const data = dataWithGap();
  const c = PV.cases.find((x) => x.kind === "compare");
  const r = record(data, c.first);
  const got = P.compare(data, r, r);
  assert.equal(got.swapped, false);
  assert.equal(got.same_assessment, true);
  assert.deepEqual(got.up, []);
  assert.deepEqual(got.down, []);
  assert.deepEqual(got.same, ["EC1", "EC2", "EC3"]);
  assert.equal(got.rows.find((x) => x.id === "EC4").change, "none");
  assert.deepEqual(got.actions, { added: [], completed: [], removed: [] });
});

test("compare gives the same answer whichever way round the two are given", () => {
  const data = dataWithGap();
  for (const c of PV.cases.filter((x) => x.kind === "compare")) {
    const a = record(data, c.first);
    const b = record(data, c.second);
    const one = P.compare(data, a, b);
    const two = P.compare(data, b, a);
    assert.equal(one.swapped, !two.swapped, c.name);
    assert.deepEqual({ ...one, swapped: null }, { ...two, swapped: null }, c.name);
  }
});
