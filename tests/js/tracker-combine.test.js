"use strict";
// tracker/combine.js: tracker files put together field by field; newer changes win, conflicts are listed.
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, webData } = require("./planner-helpers");

const T = requireWeb("tracker/tracker.js");
const C = requireWeb("tracker/combine.js");
const DATA = webData("planner");

const at = (minute) => `2024-05-01T10:${String(minute).padStart(2, "0")}:00.000Z`;

function edit(tracker, id, field, value, minute) {
  const r = T.update(tracker, DATA, id, field, value, at(minute));
  assert.equal(r.ok, true, r.message);
  return r.tracker;
}

/** A file as another browser would send it: exported, then read back as an import is. */
function sent(tracker) {
  const r = T.parseImport(T.exportJSON(tracker), DATA);
  assert.equal(r.ok, true, JSON.stringify(r.details));
  return r.tracker;
}

test("two agencies' files fill a third browser's tracker, each with its own items", () => {
  const police = edit(edit(T.newTracker(DATA, at(0), "police-browser"), "A-case-police-1", "status", "ready", 1),
    "A-case-police-1", "owner", "DI Smith", 2);
  const health = edit(T.newTracker(DATA, at(0), "health-browser"), "A-list-4", "notes", "ICB has it", 3);
  const manager = T.newTracker(DATA, at(0), "manager");
  const one = C.combine(manager, sent(police), at(5));
  const two = C.combine(one.tracker, sent(health), at(6));
  assert.deepEqual(one.taken.map((t) => t.field), ["status", "owner"]);
  assert.deepEqual(two.taken, [{ id: "A-list-4", field: "notes", value: "ICB has it" }]);
  assert.equal(T.itemOf(two.tracker, "A-case-police-1").owner, "DI Smith");
  assert.equal(T.itemOf(two.tracker, "A-list-4").notes, "ICB has it");
  assert.equal(two.tracker.origin, "manager", "the browser keeps its own ID");
  assert.deepEqual(two.conflicts, []);
  assert.deepEqual(C.combine(two.tracker, sent(police), at(7)).taken, [], "the same file again changes nothing");
});

test("an agency's answer on top of the file it was sent wins; both changing the same field is a conflict", () => {
  let manager = edit(T.newTracker(DATA, at(0), "manager"), "A-list-4", "owner", "Head of performance", 1);
  const sentOut = sent(T.forAgency(manager, DATA, "social-care"));
  assert.deepEqual(sentOut.scope, { agency: "social-care" });
  let agency = C.combine(T.newTracker(DATA, at(2), "agency"), sentOut, at(2)).tracker;
  agency = edit(agency, "A-list-4", "owner", "Data manager", 3);
  agency = edit(agency, "A-list-4", "owner", "Data manager (LA)", 4);
  const back = C.combine(manager, sent(agency), at(5));
  assert.deepEqual(back.taken, [{ id: "A-list-4", field: "owner", value: "Data manager (LA)" }], "built on ours: taken");
  assert.deepEqual(back.conflicts, []);

  manager = edit(manager, "A-list-4", "owner", "Business manager", 4);
  const clash = C.combine(manager, sent(agency), at(6));
  assert.equal(clash.conflicts.length, 1);
  assert.equal(clash.conflicts[0].mine, "Business manager");
  assert.equal(clash.conflicts[0].theirs, "Data manager (LA)");
  assert.equal(T.itemOf(clash.tracker, "A-list-4").owner, "Business manager", "ours stays until the person chooses");

  const mine = C.resolve(clash.tracker, clash.conflicts[0], "mine", at(7));
  assert.deepEqual(C.combine(mine, sent(agency), at(8)).conflicts, [], "chosen once, not asked again");
  const theirs = C.resolve(clash.tracker, clash.conflicts[0], "theirs", at(7));
  assert.equal(T.itemOf(theirs, "A-list-4").owner, "Data manager (LA)");
  assert.deepEqual(C.combine(theirs, sent(agency), at(8)).taken, []);
});

test("this browser's later change to a field it sent out stays; the older file is listed as kept", () => {
  let manager = edit(T.newTracker(DATA, at(0), "manager"), "A-1.1", "status", "in-progress", 1);
  const old = sent(manager);
  manager = edit(manager, "A-1.1", "status", "ready", 2);
  const r = C.combine(manager, old, at(3));
  assert.deepEqual(r.kept, [{ id: "A-1.1", field: "status" }]);
  assert.deepEqual(r.conflicts, []);
  assert.equal(T.itemOf(r.tracker, "A-1.1").status, "ready");
});

test("a field the file never changed is left alone, and the saved tracker is never changed in place", () => {
  const manager = edit(T.newTracker(DATA, at(0), "manager"), "A-1.1", "owner", "Me", 1);
  const before = JSON.stringify(manager);
  const other = edit(T.newTracker(DATA, at(0), "other"), "A-1.1", "status", "ready", 2);
  const r = C.combine(manager, sent(other), at(3));
  assert.equal(T.itemOf(r.tracker, "A-1.1").owner, "Me");
  assert.equal(T.itemOf(r.tracker, "A-1.1").status, "ready");
  assert.equal(JSON.stringify(manager), before);
});

test("a version 1 file reads without loss: its filled-in fields count as changed when it was saved", () => {
  const v1 = { format: T.FORMAT, format_version: 1, framework_id: DATA.framework.id, framework_version: DATA.framework.version,
    app_version: DATA.app_version, created: "2024-04-01T09:00:00Z", updated: "2024-04-02T09:00:00Z",
    items: { "A-list-4": { status: "ready", owner: "Head of performance", location: "", reviewed: "", notes: "" } } };
  const r = T.parseImport(JSON.stringify(v1), DATA);
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(r.tracker.format_version, T.FORMAT_VERSION);
  assert.deepEqual(r.tracker.items["A-list-4"].changed, {
    status: { at: "2024-04-02T09:00:00Z", by: "", from: "" }, owner: { at: "2024-04-02T09:00:00Z", by: "", from: "" } });
  const mine = edit(T.newTracker(DATA, at(0), "manager"), "A-list-4", "owner", "Data manager", 1);
  const c = C.combine(mine, r.tracker, at(2));
  assert.deepEqual(c.taken.map((t) => t.field), ["status"]);
  assert.deepEqual(c.conflicts.map((x) => x.field), ["owner"], "two different filled-in values: the person chooses");
});

test("decide: the rules one by one", () => {
  const a = { at: at(1), by: "a", from: "" };
  assert.equal(C.decide(a, null), "keep");
  assert.equal(C.decide(null, a), "take");
  assert.equal(C.decide(a, { at: at(2), by: "b", from: at(1) }), "take");
  assert.equal(C.decide({ at: at(2), by: "a", from: at(1) }, { at: at(1), by: "b", from: "" }), "keep");
  assert.equal(C.decide(a, { at: at(3), by: "a", from: "" }), "take");
  assert.equal(C.decide({ at: at(3), by: "a", from: "" }, a), "keep");
  assert.equal(C.decide(a, { at: at(3), by: "b", from: "" }), "conflict");
  assert.equal(C.decide({ at: at(1), by: "", from: "" }, { at: at(2), by: "", from: "" }), "conflict", "unknown browsers never match");
});

test("a file's change dated later than now, or claiming this browser's ID to win, is a conflict to choose", () => {
  const mine = { at: at(5), by: "b-manager", from: "" };
  const ctx = { origin: "b-manager", now: at(10) };
  assert.equal(C.decide(mine, { at: "2099-01-01T00:00:00.000Z", by: "b-other", from: at(5) }, ctx), "conflict");
  assert.equal(C.decide(null, { at: "2099-01-01T00:00:00.000Z", by: "b-other", from: "" }, ctx), "conflict");
  assert.equal(C.decide(mine, { at: at(7), by: "b-manager", from: "" }, ctx), "conflict", "a forged record in our name");
  assert.equal(C.decide(mine, { at: at(3), by: "b-manager", from: "" }, ctx), "keep", "our own older answer");
  assert.equal(C.decide(mine, { at: at(7), by: "b-other", from: at(5) }, ctx), "take", "made on top of ours");
  let manager = edit(T.newTracker(DATA, at(0), "b-manager"), "A-list-4", "notes", "Mine", 5);
  const forged = T.newTracker(DATA, at(0), "b-forger");
  T.put(forged, "A-list-4", "notes", "Forged", { at: "2099-01-01T00:00:00.000Z", by: "b-manager", from: "" });
  const r = C.combine(manager, sent(forged), at(10));
  assert.equal(r.conflicts.length, 1);
  assert.equal(r.taken.length, 0);
  manager = C.resolve(manager, r.conflicts[0], "mine", at(11));
  assert.equal(C.combine(manager, sent(forged), at(12)).conflicts.length, 0, "chosen once, not asked again");
  const took = C.resolve(T.newTracker(DATA, at(0), "b-manager"), r.conflicts[0], "theirs", at(11));
  assert.equal(T.changeOf(took, "A-list-4", "notes").at, at(11), "a future time is never kept");
});

test("a change made earlier in the same second as now is not in the future (now is to the second)", () => {
  const ctx = { origin: "b-manager", now: "2026-12-07T12:13:52Z" };
  const theirs = (ms) => ({ at: "2026-12-07T12:13:52." + ms + "Z", by: "b-health", from: "" });
  assert.equal(C.decide(null, theirs("063"), ctx), "take");
  assert.equal(C.decide(null, theirs("999"), ctx), "take");
  assert.equal(C.decide(null, { at: "2026-12-07T12:13:53.000Z", by: "b-health", from: "" }, ctx), "conflict");
});
