"use strict";
// Plain explanations of the numbers, and the labels they use (all words from the data).
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, webData } = require("./helpers");

const X = requireWeb("self-assessment/explain.js");
const S = requireWeb("lib/scoring.js");
const L = requireWeb("lib/labels.js");
const DATA = webData("assessment");
const label = L.make(DATA);

test("band ranges read naturally, from the data's thresholds", () => {
  assert.deepEqual(X.bandRanges(DATA).map((b) => `${b.label}: ${b.range}`), [
    "Strength: 3.50 or more",
    "No significant finding: from 2.50 to below 3.50",
    "Area for improvement: from 1.50 to below 2.50",
    "Potential area for priority action: below 1.50"
  ]);
});

test("the rules name every value and what is left out", () => {
  const rules = X.rules(DATA).join(" ");
  assert.match(rules, /Consistently 4, Mostly 3, Partly 2, Rarely 1/);
  assert.match(rules, /“Don’t know” and “Not assessed” are left out: they never count, not even as zero/);
  assert.match(rules, /They get no outcome label of their own: an average would hide the weaker criteria/);
  assert.match(rules, /any statement rated “Rarely” or lower, or with half or more of its rated statements rated “Partly” or lower, is suggested no better than Area for improvement/);
  assert.match(rules, /“What do we know\?” or “How do we know it\?”/);
});

test("a criterion's working, with what was left out and any override", () => {
  const record = { answers: {
    EC4: { indicators: { "EC4.1": "mostly", "EC4.2": "partly", "EC4.3": "rarely", "EC4.4": "dont-know" },
      override: { outcome: "potential-priority-action", reason: "Health rarely contributes." } },
    EC5: { indicators: { "EC5.1": "dont-know" } }
  } };
  const s = S.summarise(DATA, record, {});
  assert.equal(X.criterion(DATA, s.byId.EC4, label),
    "EC4: (3 + 2 + 1) ÷ 3 = 2.00. Left out: 1 “don’t know” answer and 4 statements not assessed. " +
    "Suggested outcome: Area for improvement (from 1.50 to below 2.50). " +
    "Your outcome: Potential area for priority action. Your reason: “Health rarely contributes.”");
  assert.equal(X.criterion(DATA, s.byId.EC5, label),
    "EC5: no score, because no statement is rated on the scale. Left out: 1 “don’t know” answer and 1 statement not assessed.");
});

test("a group is counted by outcome, never averaged", () => {
  const record = { answers: {
    EC1: { indicators: { "EC1.1": "consistently", "EC1.2": "mostly" } },
    EC2: { indicators: { "EC2.1": "mostly", "EC2.2": "mostly", "EC2.3": "partly", "EC2.4": "partly" } }
  } };
  const s = S.summarise(DATA, record, {});
  const individual = s.focus.find((f) => f.id === "individual");
  assert.equal(X.group(DATA, "Individual children", individual),
    "Individual children: 2 of 14 criteria have an outcome. Strength 1, No significant finding 0, " +
    "Area for improvement 1, Potential area for priority action 0, not scored 12.");
  const strategic = s.focus.find((f) => f.id === "strategic");
  assert.match(X.group(DATA, "Strategic", strategic), /no outcome yet/);
});

test("a criterion held back by a weak answer: the score's band, why, and the suggestion", () => {
  const record = { answers: {
    EC1: { indicators: { "EC1.1": "mostly", "EC1.2": "mostly", "EC1.3": "partly", "EC1.4": "partly" } },
    EC3: { indicators: { "EC3.1": "consistently", "EC3.2": "consistently", "EC3.3": "consistently", "EC3.4": "rarely" } }
  } };
  const s = S.summarise(DATA, record, {});
  assert.equal(X.criterion(DATA, s.byId.EC1, label),
    "EC1: (3 + 3 + 2 + 2) ÷ 4 = 2.50. The score is in No significant finding (from 2.50 to below 3.50). " +
    "Held back from No significant finding to Area for improvement: 2 of its 4 rated statements are “Partly” or lower. " +
    "Suggested outcome: Area for improvement.");
  assert.equal(X.heldBack(DATA, s.byId.EC3),
    "Held back from No significant finding to Area for improvement: 1 statement is rated “Rarely” or lower.");
});

test("labels come from the data; unknown IDs give empty text", () => {
  assert.equal(label("outcome", "area-for-improvement"), "Area for improvement");
  assert.equal(label("agency", "partnership"), "The partnership, jointly");
  assert.equal(label("rating", "dont-know"), "Don’t know");
  assert.equal(label("criterion", "EC4"), DATA.criteria.find((c) => c.id === "EC4").title);
  assert.equal(label("outcome", "outstanding"), "");
  assert.equal(label("outcome", "constructor"), "");
  assert.equal(label("outcome", ""), "");
});

test("Annex A names are told apart when two read the same", () => {
  const c = { annex_a: [
    { id: "A-case-la-7", number: "", item: "Pre-sentence report" },
    { id: "A-case-yot-5", number: "", item: "Pre-sentence report", section: "Youth offending team case records" },
    { id: "A-1.3", number: "1.3", item: "Threshold criteria" }
  ] };
  assert.deepEqual(L.documentLabels(c), {
    "A-case-la-7": "Pre-sentence report (A-case-la-7)",
    "A-case-yot-5": "Pre-sentence report (Youth offending team case records)",
    "A-1.3": "1.3 Threshold criteria"
  });
});
