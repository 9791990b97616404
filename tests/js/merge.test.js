"use strict";
// Putting together edits made in two tabs (lib/merge.js): edits to different fields and items are
// all kept; where both tabs changed the same thing, the other tab's value is kept and the place
// is listed, so the page can keep both and offer "use mine".
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, webData } = require("./helpers");

const M = requireWeb("lib/merge.js");
const IO = requireWeb("lib/importexport.js");
const DATA = webData("assessment");
const copy = (x) => JSON.parse(JSON.stringify(x));

function base() {
  const r = IO.newRecord(DATA, { title: "Police", now: "2025-03-01T09:00:00.000Z" });
  r.answers.EC1 = IO.emptyAnswer();
  r.answers.EC1.indicators["EC1.1"] = "partly";
  r.answers.EC1.documents = ["A-list-4"];
  r.answers.EC1.actions = [{ id: "act-1", what: "Audit", lead: "", due: "", status: "" }];
  return r;
}

test("edits to different fields, criteria and actions are all kept, with no conflict", () => {
  const b = base();
  const mine = copy(b);
  const theirs = copy(b);
  mine.answers.EC1.indicators["EC1.2"] = "mostly";
  mine.answers.EC1.actions.push({ id: "act-2", what: "Mine", lead: "", due: "", status: "" });
  mine.answers.EC1.documents.push("A-1.1");
  mine.updated = "2025-03-01T10:00:00.000Z";
  theirs.answers.EC2 = IO.emptyAnswer();
  theirs.answers.EC2.indicators["EC2.1"] = "consistently";
  theirs.answers.EC1.actions[0].what = "Audit referrals";
  theirs.title = "Police, spring";
  theirs.updated = "2025-03-01T11:00:00.000Z";
  const r = M.three(b, mine, theirs, ["updated"]);
  assert.deepEqual(r.conflicts, []);
  assert.equal(r.value.title, "Police, spring");
  assert.deepEqual(r.value.answers.EC1.indicators, { "EC1.1": "partly", "EC1.2": "mostly" });
  assert.deepEqual(r.value.answers.EC2.indicators, { "EC2.1": "consistently" });
  assert.deepEqual(r.value.answers.EC1.actions.map((a) => a.what), ["Audit referrals", "Mine"]);
  assert.deepEqual(r.value.answers.EC1.documents, ["A-list-4", "A-1.1"]);
});

test("the same field changed in both tabs: theirs is kept, the place is listed, and use-mine puts mine back", () => {
  const b = base();
  const mine = copy(b);
  const theirs = copy(b);
  mine.answers.EC1.indicators["EC1.1"] = "mostly";
  theirs.answers.EC1.indicators["EC1.1"] = "consistently";
  mine.answers.EC1.actions[0].due = "2025-05-01";
  theirs.answers.EC1.actions[0].due = "2025-06-01";
  const r = M.three(b, mine, theirs);
  assert.deepEqual(r.conflicts.map((c) => c.path), ["$.answers.EC1.indicators.EC1.1", "$.answers.EC1.actions[act-1].due"]);
  assert.equal(r.value.answers.EC1.indicators["EC1.1"], "consistently");
  const used = M.applyPaths(r.value, mine, r.conflicts.map((c) => c.steps));
  assert.equal(used.answers.EC1.indicators["EC1.1"], "mostly");
  assert.equal(used.answers.EC1.actions[0].due, "2025-05-01");
});

test("removed in one tab, changed in the other: the change is kept as a conflict, never lost", () => {
  const b = base();
  const mine = copy(b);
  const theirs = copy(b);
  mine.answers.EC1.actions = [];
  theirs.answers.EC1.actions[0].what = "Changed";
  const r = M.three(b, mine, theirs);
  assert.equal(r.value.answers.EC1.actions[0].what, "Changed");
  assert.equal(r.conflicts.length, 1);
  const removedUnchanged = M.three(b, mine, copy(b));
  assert.deepEqual(removedUnchanged.value.answers.EC1.actions, []);
});

test("same() ignores the order of keys", () => {
  assert.equal(M.same({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 }), true);
  assert.equal(M.same({ a: 1 }, { a: 1, b: undefined }), false);
  assert.equal(M.same([1, 2], [2, 1]), false);
});

test("a merged record always fits the format (random edits in two tabs)", () => {
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const ratings = ["partly", "mostly", "consistently", "dont-know"];
  const edit = (r) => {
    const cid = ["EC1", "EC2"][rand(2)];
    const a = r.answers[cid] || (r.answers[cid] = IO.emptyAnswer());
    const k = rand(4);
    if (k === 0) a.indicators[cid + "." + (1 + rand(2))] = ratings[rand(4)];
    if (k === 1) a.evidence.know = "text " + rand(100);
    if (k === 2) a.actions.push({ id: "act-" + rand(1000), what: "", lead: "", due: "", status: "" });
    if (k === 3) a.override = rand(2) ? null : { outcome: "", reason: "r" + rand(9) };
  };
  for (let i = 0; i < 200; i += 1) {
    const b = base();
    const mine = copy(b);
    const theirs = copy(b);
    for (let j = 0; j < 3; j += 1) { edit(mine); edit(theirs); }
    const r = M.three(b, mine, theirs, ["updated"]);
    assert.deepEqual(IO.schemaErrors(r.value), [], `round ${i}`);
    const back = M.applyPaths(r.value, mine, r.conflicts.map((c) => c.steps));
    assert.deepEqual(IO.schemaErrors(back), [], `round ${i}, use mine`);
  }
});

test("an empty path stands for the whole value (use mine when the merge broke a limit)", () => {
  const b = base();
  const mine = copy(b);
  mine.title = "Mine";
  assert.deepEqual(M.applyPaths(b, mine, [[]]), mine);
});
