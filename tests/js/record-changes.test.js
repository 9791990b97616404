"use strict";
// What importing a self-assessment would change (issue 23, point 1): every difference, one line
// each, named by criterion and statement, never by a bare path.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { ROOT, requireWeb, webData } = require("./helpers");

const RC = requireWeb("lib/record-changes.js");
const DATA = webData("assessment");
const read = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "fixtures", "imports", file), "utf8").replace(/^\uFEFF/, ""));

test("the same record changes nothing", () => {
  const v = read("valid.json");
  assert.deepEqual(RC.changes(v, JSON.parse(JSON.stringify(v)), DATA), []);
});

test("each change is one line, named by the criterion's title and the statement", () => {
  const before = read("valid.json");
  const after = JSON.parse(JSON.stringify(before));
  const crit = DATA.criteria.find((c) => c.id === "EC1");
  const iid = crit.indicators[1].id;
  before.answers.EC1.indicators[iid] = "mostly";
  after.answers.EC1.indicators[iid] = "partly";
  after.answers.EC1.evidence.know = "A new dip sample";
  after.respondent.date = "2025-03-01";
  after.answers.EC1.actions.push({ id: "act-new", what: "Audit the referrals", lead: "police", due: "2025-06-30", status: "" });
  const lines = RC.changes(before, after, DATA);
  assert.ok(lines.includes(`EC1 ${crit.title}, statement ${iid}: Mostly \u2192 Partly`), lines.join("\n"));
  assert.ok(lines.some((l) => l.startsWith(`EC1 ${crit.title}, \u201cWhat do we know?\u201d: `)), lines.join("\n"));
  assert.ok(lines.some((l) => l.startsWith("Date of this assessment: ") && l.endsWith("1 March 2025")), lines.join("\n"));
  assert.ok(lines.some((l) => l.includes("added: \u201cAudit the referrals\u201d")), lines.join("\n"));
  assert.ok(!lines.some((l) => l.includes("$.")), "no paths");
});

test("an assessment not saved here lists every answer it brings", () => {
  const v = read("valid.json");
  const lines = RC.changes(null, v, DATA);
  const rated = Object.values(v.answers).reduce((n, a) => n + Object.keys(a.indicators).length, 0);
  assert.equal(lines.filter((l) => l.includes(", statement ")).length, rated);
});
