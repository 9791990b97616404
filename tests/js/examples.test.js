"use strict";
// The worked examples' pure functions: filtering the findings and marking an answer.
const test = require("node:test");
const assert = require("node:assert/strict");

const { requireWeb, webData } = require("./helpers");
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

test("the area filter keeps only that area's examples", () => {
  const data = { examples: [
    { id: "a", area: "Leeds", findings: [{ id: "a-f1", type: "strength", agencies: [], criteria: [] }] },
    { id: "b", area: "Merton", findings: [{ id: "b-f1", type: "strength", agencies: [], criteria: [] }] }
  ] };
  assert.deepEqual(ids(X.filterFindings(data, { area: "Merton" })), ["b-f1"]);
  assert.deepEqual(X.areas(data), ["Leeds", "Merton"]);
});

test("a letter's finding shows its words in quotation marks; ours as they are", () => {
  assert.equal(X.words({ quote: "As printed.", text: "" }), "\u201cAs printed.\u201d");
  assert.equal(X.words({ quote: "", text: "Ours." }), "Ours.");
});

// On the generator's real data: the practice set draws on every letter, not only one.
test("the practice set from every letter has a finding from each letter, in each group it has", () => {
  const data = webData("findings");
  const letters = data.examples.filter((e) => e.letter);
  assert.ok(letters.length >= 5, "five letters at least");
  const set = X.fromEveryLetter(data);
  const lookup = X.index(data);
  const from = new Set(set.findings.map((f) => lookup.exampleOf[f.id].id));
  assert.deepEqual([...from].sort(), letters.map((e) => e.id).sort());
  letters.forEach((e) => {
    const groups = new Set(e.findings.map((f) => f.group).filter((g) => g !== "other"));
    const drawn = set.findings.filter((f) => lookup.exampleOf[f.id] === e).map((f) => f.group);
    assert.deepEqual(drawn.slice().sort(), [...groups].sort(), e.id);
  });
  assert.equal(set.mixed, true);
  assert.equal(X.fromEveryLetter({ examples: [{ id: "x", findings: [] }] }), null);
});

test("the real data's letters carry their counts, and every finding its group", () => {
  const data = webData("findings");
  data.examples.filter((e) => e.letter).forEach((e) => {
    const c = e.letter.counts;
    assert.equal(e.findings.filter((f) => f.group === "priority").length, c.priority_actions, e.id);
    assert.equal(e.findings.filter((f) => f.group === "improve").length, c.improvements, e.id);
    assert.equal(e.findings.filter((f) => f.group === "strength").length, c.strengths, e.id);
    assert.equal(e.findings.length, c.mapped, e.id);
    e.findings.forEach((f) => assert.ok(f.quote, f.id));
  });
});
