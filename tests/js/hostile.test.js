"use strict";
// Hostile values in every reader (issue 11, point 2): the self-assessment's import checks
// (lib/importexport.js), the partnership view's loader (partnership/loader.js) and the tracker's
// import (tracker/tracker.js). Each value is checked for its type before it is used, so a file
// gives its own message and never an exception, and the rest of a batch still loads.
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, webData } = require("./helpers");

const IO = requireWeb("lib/importexport.js");
const L = requireWeb("partnership/loader.js");
const T = requireWeb("tracker/tracker.js");
const SA = webData("assessment");
const PLAN = webData("planner");

/** JSON text for values no toString can turn into text ("Cannot convert object to primitive value"). */
const NO_STRING = { toString: 1, valueOf: 1 };
const HOSTILE_JSON = {
  "an object with no usable toString": NO_STRING,
  "a list": ["syv-2023"],
  "null": null,
  "a number": 2023,
  "a huge string": "x".repeat(3 * 1024 * 1024),
  "an object with __proto__": JSON.parse('{"__proto__": {"polluted": true}}')
};

/** Values only JavaScript can make: their toString and valueOf throw. */
function throwing() {
  const bad = {};
  Object.defineProperty(bad, "toString", { value: () => { throw new Error("toString called"); } });
  Object.defineProperty(bad, "valueOf", { value: () => { throw new Error("valueOf called"); } });
  return bad;
}

function good() {
  const r = IO.newRecord(SA, { title: "Police", now: "2025-03-01T09:00:00.000Z" });
  r.respondent.agency = "police";
  r.answers.EC1 = IO.emptyAnswer();
  r.answers.EC1.indicators["EC1.1"] = "mostly";
  return r;
}

const FIELDS = ["format", "format_version", "id", "title", "framework_id", "framework_version", "app_version",
  "created", "updated", "respondent", "answers"];

test("the self-assessment import refuses a hostile value in any field with a message, never a throw", () => {
  for (const field of FIELDS) {
    for (const [what, value] of Object.entries(HOSTILE_JSON)) {
      const text = JSON.stringify(Object.assign(good(), { [field]: value }));
      const r = IO.parseImport(text, SA, { maxBytes: 50 * 1024 * 1024 });
      assert.equal(r.ok, false, `${field} = ${what}`);
      assert.equal(typeof r.message, "string");
      assert.ok(r.message.length < 2000, `${field} = ${what}: the message is short`);
    }
  }
  assert.equal({}.polluted, undefined, "nothing was added to Object.prototype");
});

test("checkObject and repair take objects whose toString and valueOf throw", () => {
  for (const field of FIELDS.filter((f) => f !== "answers")) { // {} is a valid (empty) set of answers
    const obj = Object.assign(good(), { [field]: throwing() });
    const r = IO.checkObject(obj, SA);
    assert.equal(r.ok, false, field);
    assert.ok(IO.problems(obj, SA).length > 0, field);
    const fixed = IO.repair(obj, SA, "2025-03-02T09:00:00.000Z");
    if (fixed.ok) assert.deepEqual(IO.problems(fixed.record, SA), [], field);
  }
  const nested = good();
  nested.answers.EC1.indicators["EC1.2"] = throwing();
  nested.answers.EC1.actions = [throwing(), { id: throwing(), what: throwing(), lead: "", due: "", status: "" }];
  const fixed = IO.repair(nested, SA, "2025-03-02T09:00:00.000Z");
  assert.equal(fixed.ok, true);
  assert.deepEqual(IO.problems(fixed.record, SA), []);
  assert.equal(fixed.record.answers.EC1.indicators["EC1.1"], "mostly", "the good answer is kept");
  assert.equal(IO.describeValue(throwing()), "an object");
});

test("a combined partnership file with a hostile framework_id gets its own message; the rest of the batch loads", () => {
  for (const [what, value] of Object.entries(HOSTILE_JSON)) {
    const hostile = JSON.stringify({ format: L.FORMAT, format_version: L.FORMAT_VERSION, framework_id: value,
      assessments: [good()] });
    const out = L.readFiles(SA, [], [
      { name: "hostile.json", text: hostile, bytes: hostile.length },
      { name: "police.json", text: IO.exportJSON(good()) }
    ]);
    assert.equal(out.results.length, 2, what);
    assert.equal(out.results[0].ok, false, what);
    assert.match(out.results[0].message, /different inspection framework/, what);
    assert.equal(out.results[1].ok, true, what);
    assert.equal(out.set.length, 1, what);
  }
});

test("hostile assessments inside a partnership file are skipped one by one", () => {
  const items = [null, [], "text", 7, NO_STRING, Object.assign(good(), { title: NO_STRING }),
    Object.assign(good(), { framework_id: NO_STRING }), JSON.parse('{"__proto__": null}'), good()];
  const text = JSON.stringify({ format: L.FORMAT, format_version: L.FORMAT_VERSION, framework_id: SA.framework.id,
    assessments: items });
  const out = L.readFiles(SA, [], [{ name: "mixed.json", text }]);
  assert.equal(out.results[0].added.length, 1);
  assert.equal(out.results[0].skipped.length, items.length - 1);
  const saved = L.readSaved(SA, [], [throwing(), Object.assign(good(), { respondent: throwing() })]);
  assert.equal(saved.results[0].skipped.length, 2);
});

test("the loader never throws, whatever a file holds, and names the file", () => {
  const odd = [{ name: NO_STRING, text: "{}" }, { name: "null.json", text: null }, { name: "n.json", text: "null" },
    { name: "list.json", text: "[1,2]" }];
  const out = L.readFiles(SA, [], odd.concat([{ name: "police.json", text: IO.exportJSON(good()) }]));
  assert.equal(out.results.length, 5);
  assert.deepEqual(out.results.slice(0, 4).map((r) => r.ok), [false, false, false, false]);
  assert.equal(out.results[4].ok, true);
  assert.equal(out.set.length, 1);
});

test("the restore of a tab's loaded assessments checks every entry", () => {
  const out = L.restore(SA, [null, { record: throwing(), source: "x" }, { record: good(), source: NO_STRING },
    { record: good(), source: "police.json" }]);
  assert.equal(out.set.length, 1);
  assert.equal(out.skipped, 3);
  assert.deepEqual(L.restore(SA, NO_STRING), { set: [], skipped: 0 });
});

function trackerFile(extra) {
  return Object.assign(T.newTracker(PLAN, "2024-05-01T10:00:00Z"), extra);
}

test("the tracker import refuses hostile values with a message, never a throw", () => {
  const fields = ["format", "format_version", "framework_id", "framework_version", "app_version", "created",
    "updated", "dates", "items"];
  for (const field of fields) {
    for (const [what, value] of Object.entries(HOSTILE_JSON)) {
      const r = T.parseImport(JSON.stringify(trackerFile({ [field]: value })), PLAN, { bytes: 1 });
      assert.equal(r.ok, false, `${field} = ${what}`);
      assert.match(r.message, /Nothing was imported/, `${field} = ${what}`);
    }
  }
  const items = { "A-list-4": NO_STRING, "A-1.1": { status: NO_STRING, notes: ["x"], reviewed: null } };
  const r = T.parseImport(JSON.stringify(trackerFile({ items })), PLAN);
  assert.equal(r.ok, false);
  assert.deepEqual(r.details, [
    "$.items.A-list-4.toString: is not a tracker field",
    "$.items.A-list-4.valueOf: is not a tracker field",
    "$.items.A-1.1.status: expected text",
    "$.items.A-1.1.notes: expected text",
    "$.items.A-1.1.reviewed: expected text"
  ]);
  const proto = T.parseImport(JSON.stringify(trackerFile({})).replace('"items":{}', '"items":{"__proto__":{"status":"ready"}}'), PLAN);
  assert.equal(proto.ok, false);
  assert.equal({}.status, undefined);
});

test("the tracker names a hostile framework ID by its type", () => {
  const r = T.parseImport(JSON.stringify(trackerFile({ framework_id: NO_STRING })), PLAN);
  assert.equal(r.code, "other-framework");
  assert.match(r.message, /its framework ID is an object|its framework ID is object/);
});
