"use strict";
// Scoring against the shared vectors (tests/vectors/scoring.json).
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, vectors, dataFor, webData, pick } = require("./helpers");

const S = requireWeb("lib/scoring.js");
const V = vectors();

/** The parts of a summary the vectors describe, in the vectors' shape. */
function observed(summary) {
  const criteria = {};
  summary.criteria.forEach((r) => {
    criteria[r.id] = {
      score: r.score, rated: r.rated, dont_know: r.dont_know, unrated: r.unrated,
      score_band: r.score_band, suggested: r.suggested, held_back: r.held_back,
      outcome: r.outcome, overridden: r.overridden,
      override_pending: r.override_pending, has_evidence: r.has_evidence,
      strength_without_evidence: r.strength_without_evidence, actions: r.actions
    };
  });
  const focus = {};
  summary.focus.forEach((f) => {
    focus[f.id] = { criteria: f.criteria, scored: f.scored, score: f.score, counts: f.counts };
  });
  const { criteria_with_confidence: _ignored, ...coverage } = summary.coverage;
  return {
    criteria, focus, coverage,
    overall: summary.overall,
    lists: summary.lists,
    strengths_without_evidence: summary.strengths_without_evidence,
    overrides: summary.overrides,
    actions: summary.actions.map((a) => ({
      criterion: a.criterion, id: a.id, due: a.due, done: a.done, overdue: a.overdue
    }))
  };
}

/** Compare the keys the expected value has (criterion entries may leave some out). */
function assertSubset(actual, expected, where) {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    assert.equal(typeof actual, "object", `${where}: expected an object`);
    for (const key of Object.keys(expected)) {
      assertSubset(actual[key], expected[key], `${where}.${key}`);
    }
    return;
  }
  assert.deepEqual(actual, expected, where);
}

test("the fixture's scale and bands are the ones the vectors assume", () => {
  const a = webData("assessment").assessment;
  const levels = Object.fromEntries(a.scale.levels.map((l) => [l.id, l.value]));
  assert.deepEqual(levels, V.scale.levels);
  assert.deepEqual(a.scale.outside.map((o) => o.id), V.scale.outside);
  assert.deepEqual(a.outcomes.map((o) => ({ id: o.id, min: o.min })), V.outcomes);
  assert.deepEqual(a.evidence_prompts.filter((p) => p.counts_as_evidence).map((p) => p.id),
    V.evidence_prompts_counted);
  assert.deepEqual(a.action_statuses.filter((s) => s.done).map((s) => s.id), V.closed_statuses);
  const rule = Object.fromEntries(Object.keys(V.weak_answers).map((k) => [k, a.weak_answers[k]]));
  assert.deepEqual(rule, V.weak_answers);
});

test("the fixture's focus areas are the ones the real-framework vector assumes", () => {
  const focus = Object.fromEntries(webData("assessment").criteria.map((c) => [c.id, c.focus]));
  assert.deepEqual(focus, V.frameworks["syv-2023"].focus);
});

for (const c of V.cases) {
  test(`vector: ${c.name}`, () => {
    const data = dataFor(V, c.framework);
    const got = observed(S.summarise(data, { answers: c.answers }, { today: c.today }));
    const keys = c.compare || Object.keys(c.expected);
    for (const key of keys) {
      assertSubset(pick(got, key), pick(c.expected, key), key);
    }
  });
}

test("an empty or missing record gives no score, never zero", () => {
  const data = webData("assessment");
  for (const record of [undefined, null, {}, { answers: {} }]) {
    const s = S.summarise(data, record, {});
    assert.equal(s.overall.score, null);
    assert.equal(s.overall.counts.none, data.criteria.length);
    assert.ok(s.criteria.every((r) => r.score === null && r.outcome === null));
    assert.equal(s.coverage.indicators_rated, 0);
    assert.deepEqual(s.actions, []);
  }
});

test("bandFor uses the bands from the data, highest first, whatever their order", () => {
  const bands = [{ id: "low", min: 1 }, { id: "high", min: 3 }, { id: "mid", min: 2 }]
    .sort((x, y) => y.min - x.min);
  assert.equal(S.bandFor(3, bands), "high");
  assert.equal(S.bandFor(2.99, bands), "mid");
  assert.equal(S.bandFor(1, bands), "low");
  assert.equal(S.bandFor(0.5, bands), "low");
  assert.equal(S.bandFor(null, bands), null);
});

test("thresholds are data: changing a band's min changes the outcome", () => {
  const data = webData("assessment");
  data.assessment.outcomes.find((o) => o.id === "strength").min = 3;
  const r = S.criterionResult(data, { answers: { EC5: { indicators: { "EC5.1": "mostly" } } } }, "EC5");
  assert.equal(r.score, 3);
  assert.equal(r.suggested, "strength");
});

test("criterionResult agrees with summarise", () => {
  const data = webData("assessment");
  const record = { answers: { EC4: { indicators: { "EC4.1": "mostly", "EC4.2": "rarely", "EC4.3": "dont-know" } } } };
  assert.deepEqual(S.criterionResult(data, record, "EC4"), S.summarise(data, record, {}).byId.EC4);
});

test("bandRange gives the band's lower bound and the next band's", () => {
  const data = webData("assessment");
  assert.deepEqual(S.bandRange(data, "strength"), { min: 3.5, below: null });
  assert.deepEqual(S.bandRange(data, "no-significant-finding"), { min: 2.5, below: 3.5 });
  assert.equal(S.bandRange(data, "nope"), null);
});

test("scoring does not change the record it is given", () => {
  const data = webData("assessment");
  const record = { answers: { EC1: { indicators: { "EC1.1": "mostly" }, actions: [
    { id: "x", what: "w", lead: "police", due: "2025-01-01", status: "done" }] } } };
  const before = JSON.stringify(record);
  S.summarise(data, record, { today: "2025-02-01" });
  assert.equal(JSON.stringify(record), before);
});
