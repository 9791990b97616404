"use strict";
// The worked examples' pure functions: filtering the findings and marking an answer.
const test = require("node:test");
const assert = require("node:assert/strict");

const { requireWeb } = require("./helpers");
const X = requireWeb("examples/findings.js");

const DATA = {
  examples: [
    { id: "a", findings: [
      { id: "a-f1", type: "headline", agencies: ["leaders"], criteria: [{ id: "EC20" }, { id: "EC19" }] },
      { id: "a-f2", type: "strength", agencies: ["health"], criteria: [{ id: "EC9" }] }
    ] },
    { id: "b", findings: [
      { id: "b-f1", type: "strength", agencies: [], criteria: [{ id: "EC7" }, { id: "EC9" }] }
    ] }
  ]
};

const ids = (rows) => rows.map((r) => r.finding.id);

test("no filter shows every finding in page order", () => {
  assert.deepEqual(ids(X.filterFindings(DATA, {})), ["a-f1", "a-f2", "b-f1"]);
});

test("each filter narrows the list, and filters combine", () => {
  assert.deepEqual(ids(X.filterFindings(DATA, { criterion: "EC9" })), ["a-f2", "b-f1"]);
  assert.deepEqual(ids(X.filterFindings(DATA, { type: "strength", example: "b" })), ["b-f1"]);
  assert.deepEqual(ids(X.filterFindings(DATA, { agency: "health" })), ["a-f2"]);
  assert.deepEqual(ids(X.filterFindings(DATA, { criterion: "EC9", agency: "leaders" })), []);
});

test("marking: right, partly right and wrong, with matches, misses and extras", () => {
  const f = DATA.examples[0].findings[0];
  assert.equal(X.mark(f, ["EC19", "EC20"]).result, "right");
  const partly = X.mark(f, ["EC20", "EC4"]);
  assert.equal(partly.result, "partly");
  assert.deepEqual([partly.matches, partly.misses, partly.extras], [["EC20"], ["EC19"], ["EC4"]]);
  assert.equal(X.mark(f, ["EC20"]).result, "partly");
  assert.equal(X.mark(f, ["EC1"]).result, "wrong");
  assert.equal(X.mark(f, []).result, "wrong");
  assert.deepEqual(X.mark(f, ["EC20", "EC20"]).matches, ["EC20"]);
});

test("the score adds up and reads plainly", () => {
  const f = DATA.examples[0].findings;
  const total = X.score([X.mark(f[0], ["EC20", "EC19"]), X.mark(f[1], ["EC9", "EC1"]),
    X.mark(f[0], ["EC2"])]);
  assert.deepEqual([total.right, total.partly, total.wrong, total.found, total.modelCriteria,
    total.extras], [1, 1, 1, 3, 5, 2]);
  assert.equal(X.scoreSentence(total), "You got 1 of 3 findings right and 1 partly right. " +
    "You found 3 of the 5 criteria in our mapping and chose 2 others.");
  assert.equal(X.scoreSentence(X.score([X.mark(f[1], ["EC9"])])),
    "You got 1 of 1 finding right and 0 partly right. You found 1 of the 1 criterion in our mapping.");
});
