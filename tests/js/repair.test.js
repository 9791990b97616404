"use strict";
// Saved records that do not fit the format (issue 11, point 1): problems() says what is wrong, and
// repair() removes or blanks only the offending values, lists each change, and always gives a
// record that fits. Every state the form can produce is a valid record.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { ROOT, requireWeb, webData } = require("./helpers");

const IO = requireWeb("lib/importexport.js");
const DATA = webData("assessment");
const DIR = path.join(ROOT, "tests", "fixtures", "imports");
const read = (file) => JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8").replace(/^\uFEFF/, ""));
const NOW = "2025-03-02T09:00:00.000Z";

test("states the form can produce are valid: override with no outcome yet, blank outcome, blank status", () => {
  const r = IO.newRecord(DATA, { now: NOW });
  r.answers.EC1 = IO.emptyAnswer();
  r.answers.EC1.override = { outcome: "", reason: "" };
  r.answers.EC1.actions.push({ id: "act-1", what: "", lead: "", due: "", status: "" });
  assert.deepEqual(IO.problems(r, DATA), []);
  assert.equal(IO.parseImport(IO.exportJSON(r), DATA).ok, true);
});

test("a valid record needs no repair, and repair changes nothing in it", () => {
  const v = read("valid.json");
  assert.deepEqual(IO.problems(v, DATA), []);
  const r = IO.repair(v, DATA, NOW);
  assert.deepEqual(r.changes, []);
  assert.deepEqual(r.record, IO.normalise(v));
});

test("repair blanks only what is wrong and lists each change", () => {
  const v = read("valid.json");
  v.respondent.date = "20245-03-01";
  v.answers.EC1.actions[0].due = "202501-06-30";
  v.answers.EC1.actions[0].status = "finished";
  v.answers.EC1.indicators["EC1.9"] = "mostly";
  v.answers.EC1.extra = true;
  v.answers.EC99 = IO.emptyAnswer();
  v.answers.EC1.actions = v.answers.EC1.actions.concat(Array.from({ length: 55 }, (_, i) =>
    ({ id: "more-" + i, what: "x", lead: "", due: "", status: "" })));
  const r = IO.repair(v, DATA, NOW);
  assert.equal(r.ok, true);
  assert.deepEqual(IO.problems(r.record, DATA), []);
  assert.equal(r.record.respondent.date, "");
  assert.equal(r.record.respondent.partnership, v.respondent.partnership, "the rest is untouched");
  assert.equal(r.record.answers.EC1.actions.length, 50);
  assert.equal(r.record.answers.EC1.actions[0].due, "");
  assert.equal(r.record.answers.EC1.actions[0].status, "");
  assert.equal(r.record.answers.EC1.actions[0].what, v.answers.EC1.actions[0].what);
  assert.deepEqual(r.record.answers.EC1.evidence, v.answers.EC1.evidence);
  assert.equal(r.record.answers.EC99, undefined);
  const paths = r.changes.map((c) => c.split(":")[0]);
  assert.deepEqual(paths.sort(), ["$.answers.EC1.actions", "$.answers.EC1.actions[0].due", "$.answers.EC1.actions[0].status",
    "$.answers.EC1.extra", "$.answers.EC1.indicators.EC1.9", "$.answers.EC99", "$.respondent.date"].sort(), r.changes.join("\n"));
});

test("every fixture that is a self-assessment for this framework repairs to a valid record", () => {
  const cases = JSON.parse(fs.readFileSync(path.join(DIR, "cases.json"), "utf8")).cases;
  let repaired = 0;
  for (const c of cases) {
    let obj;
    try {
      obj = read(c.file);
    } catch {
      continue;
    }
    const r = IO.repair(obj, DATA, NOW);
    if (!r.ok) continue;
    repaired += 1;
    assert.deepEqual(IO.problems(r.record, DATA), [], c.file);
    assert.equal(IO.parseImport(IO.exportJSON(r.record), DATA).ok, true, c.file);
  }
  assert.ok(repaired >= 10, `${repaired} fixtures repaired`);
});

test("random damage to a valid record always repairs to a valid one", () => {
  let seed = 11;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const junk = [null, 7, "", "x".repeat(30000), [], {}, "20245-01-01", true, "Not an ID"];
  const paths = (o, p, out) => {
    if (o && typeof o === "object") Object.keys(o).forEach((k) => { out.push(p.concat([k])); paths(o[k], p.concat([k]), out); });
    return out;
  };
  for (let i = 0; i < 300; i += 1) {
    const v = read("valid.json");
    const all = paths(v, [], []).filter((p) => !["format", "format_version", "framework_id"].includes(p[0]));
    for (let j = 0; j < 3; j += 1) {
      const p = all[rand(all.length)];
      const parent = p.slice(0, -1).reduce((o, k) => (o && typeof o === "object" ? o[k] : undefined), v);
      if (parent && typeof parent === "object") parent[p[p.length - 1]] = junk[rand(junk.length)];
    }
    const r = IO.repair(v, DATA, NOW);
    assert.equal(r.ok, true, `round ${i}`);
    assert.deepEqual(IO.problems(r.record, DATA), [], `round ${i}: ${JSON.stringify(v).slice(0, 300)}`);
  }
});

test("what is not a self-assessment for this framework is not repaired, only reported", () => {
  assert.equal(IO.repair(null, DATA).ok, false);
  assert.equal(IO.repair([], DATA).ok, false);
  assert.equal(IO.repair(Object.assign(read("valid.json"), { framework_id: "other-2030" }), DATA).ok, false);
  assert.match(IO.problems(Object.assign(read("valid.json"), { framework_id: "other-2030" }), DATA)[0].message,
    /different inspection framework/);
});

test("a repaired record keeps the ID it was saved under, never its inner ID (issue 23, point 7)", () => {
  const v = read("valid.json");
  v.respondent.date = "20245-03-01";
  const r = IO.repair(v, DATA, NOW, "sa-saved-here");
  assert.equal(r.record.id, "sa-saved-here");
  assert.ok(r.changes.some((c) => c.startsWith("$.id: was \u201c" + v.id + "\u201d, not the ID it was saved under")));
  assert.deepEqual(IO.problems(r.record, DATA), []);
  assert.equal(IO.repair(v, DATA, NOW, v.id).record.id, v.id, "the same ID: no change listed");
  assert.ok(!IO.repair(v, DATA, NOW, v.id).changes.some((c) => c.startsWith("$.id")));
  const bad = IO.repair(v, DATA, NOW, "not an:id");
  assert.match(bad.record.id, /^sa-[0-9a-f]{16}$/);
  assert.ok(bad.changes.some((c) => c.includes("given a new ID")));
});

test("two actions with one ID are refused on import, and repair gives the second its own (issue 23, point 7)", () => {
  const v = read("valid.json");
  const act = v.answers.EC1.actions[0];
  v.answers.EC1.actions.push(Object.assign({}, act, { what: "Another action" }));
  const got = IO.parseImport(JSON.stringify(v), DATA);
  assert.equal(got.ok, false);
  assert.equal(got.code, "duplicate-action");
  assert.ok(got.details.some((d) => d.includes("is also the ID of action 1 under EC1")), got.details.join("\n"));
  const problems = IO.problems(v, DATA);
  assert.ok(problems.length > 0, "a saved record with two such actions needs attention");
  const fixed = IO.repair(v, DATA, NOW);
  const ids = fixed.record.answers.EC1.actions.map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(IO.problems(fixed.record, DATA), []);
});
