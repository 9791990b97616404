"use strict";
// The partnership's record for its board (assessment/partnership/board.js): agreed positions, next steps
// and the cover note; their place in the JSON download (format version 2) and the grid CSV; reading
// version 1 files; and which two assessments "Over time" offers first (aggregate.js comparePair).
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, webData, parseCSV, record } = require("./helpers");

const B = requireWeb("partnership/board.js");
const P = requireWeb("partnership/aggregate.js");
const L = requireWeb("partnership/loader.js");
const X = requireWeb("partnership/export.js");
const DATA = webData("assessment");
const FW = DATA.framework.id;
const ORDER = DATA.criteria.map((c) => c.id);
const T1 = "2025-04-01T10:00:00Z";
const T2 = "2025-04-02T10:00:00Z";

const four = (r) => [r, r, r, r];
const POLICE = record(DATA, { id: "sa-police", agency: "police", title: "Police", date: "2025-03-01",
  updated: "2025-03-01T09:00:00.000Z", answers: { EC1: four("consistently") } });
const HEALTH = record(DATA, { id: "sa-health", agency: "health", title: "Health", date: "2025-03-02",
  updated: "2025-03-02T09:00:00.000Z", answers: { EC1: four("partly") } });

function board() {
  let b = B.empty(FW);
  b = B.setNote(b, "For the board meeting on 10 April.", T1);
  b = B.setField(b, "EC2", "next_step", "Bring back in May.", T1);
  b = B.setField(b, "EC1", "position", "Police and health audit twenty cases together.", T2);
  return b;
}

test("setting and clearing a field: an entry with no text left is removed, nothing else", () => {
  const b = board();
  assert.deepEqual(B.entry(b, "EC1"), { position: "Police and health audit twenty cases together.",
    next_step: "", outcome: "", updated: T2 });
  assert.equal(b.updated, T2);
  assert.deepEqual(B.recorded(b, ORDER), ["EC1", "EC2"], "the framework's order, not the order typed");
  const cleared = B.setField(b, "EC2", "next_step", "", T2);
  assert.deepEqual(B.recorded(cleared, ORDER), ["EC1"]);
  assert.deepEqual(B.entry(cleared, "EC2"), { position: "", next_step: "", outcome: "", updated: "" });
  assert.deepEqual(B.recorded(b, ORDER), ["EC1", "EC2"], "the original is not changed");
  assert.equal(B.setField(b, "EC1", "owner", "x", T2), b, "an unknown field changes nothing");
  assert.equal(B.setField(B.empty(FW), "EC1", "position", "x".repeat(9000), T1).criteria.EC1.position.length, B.MAX_TEXT);
});

test("a stored value is read back; damaged parts are left out, never read as something else", () => {
  const stored = JSON.parse(JSON.stringify(board()));
  assert.deepEqual(B.normalise(stored, FW), board());
  assert.equal(B.usable({ criteria: [] }), false);
  assert.equal(B.usable({ cover_note: 4 }), false);
  assert.equal(B.usable("text"), false);
  assert.deepEqual(B.normalise(null, FW), B.empty(FW));
  const odd = B.normalise({ cover_note: "n", updated: "yesterday", criteria: {
    EC1: { position: 5, next_step: "Step" }, "EC 9": { position: "bad ID" }, EC99: { position: "retired criterion" },
    EC3: { position: "", next_step: "" } } }, FW);
  assert.deepEqual(odd.criteria, { EC1: { position: "", next_step: "Step", outcome: "", updated: "" },
    EC99: { position: "retired criterion", next_step: "", outcome: "", updated: "" } });
  assert.equal(odd.updated, "");
  assert.deepEqual(B.recorded(odd, ORDER), ["EC1", "EC99"], "an unknown criterion is kept, last");
});

test("the JSON download carries the board's record (version 2) and loads back with it", () => {
  const set = [POLICE, HEALTH].map((r) => ({ record: r, source: r.id + ".json" }));
  const combined = P.combine(DATA, [POLICE, HEALTH], { today: "2025-04-03" });
  const file = JSON.parse(X.toJSON(DATA, combined, set, "2025-04-03T12:00:00.000Z", board()));
  assert.equal(file.format_version, 2);
  assert.deepEqual(file.board, { updated: T2, cover_note: "For the board meeting on 10 April.", criteria: [
    { id: "EC1", position: "Police and health audit twenty cases together.", next_step: "", outcome: "", updated: T2 },
    { id: "EC2", position: "", next_step: "Bring back in May.", outcome: "", updated: T1 }], rounds: [] });
  const { results } = L.readFiles(DATA, [], [{ name: "p.json", text: JSON.stringify(file) }]);
  assert.equal(results[0].ok, true);
  assert.deepEqual(results[0].board, board());
});

test("a version 1 file (before the board's record) still loads every assessment, with no board", () => {
  const set = [POLICE, HEALTH].map((r) => ({ record: r, source: r.id + ".json" }));
  const combined = P.combine(DATA, [POLICE, HEALTH], { today: "2025-04-03" });
  const file = JSON.parse(X.toJSON(DATA, combined, set, "2025-04-03T12:00:00.000Z"));
  delete file.board;
  file.format_version = 1;
  const { set: got, results } = L.readFiles(DATA, [], [{ name: "old.json", text: JSON.stringify(file) }]);
  assert.equal(results[0].ok, true, results[0].message);
  assert.equal(results[0].board, null);
  assert.deepEqual(got.map((e) => e.record), [POLICE, HEALTH]);
});

test("the grid CSV gives each criterion's agreed position and next step on each of its rows", () => {
  const combined = P.combine(DATA, [POLICE, HEALTH], { today: "2025-04-03" });
  const rows = parseCSV(X.gridCSV(DATA, combined, board()).slice(1));
  const head = rows[0];
  const pos = head.indexOf("Partnership's agreed position");
  const next = head.indexOf("Next step");
  assert.ok(pos > 0 && next === pos + 1, head.join("|"));
  const ec1 = rows.filter((r) => r[0] === "EC1");
  assert.deepEqual(ec1.map((r) => [r[4], r[pos], r[next]]), [
    ["Police", "Police and health audit twenty cases together.", ""],
    ["Health services", "Police and health audit twenty cases together.", ""]]);
  assert.deepEqual(rows.filter((r) => r[0] === "EC3").map((r) => r[pos] + r[next]), ["", ""]);
});

test("a file's record fills what is empty here; different text is listed and this browser's kept", () => {
  let here = B.empty(FW);
  here = B.setField(here, "EC1", "position", "Our own wording.", T1);
  const incoming = board();
  const out = B.combine(here, incoming);
  assert.deepEqual(out.taken, [{ id: "", field: "cover_note" }, { id: "EC2", field: "next_step" }]);
  assert.deepEqual(out.differ, [{ id: "EC1", field: "position", here: "Our own wording.",
    file: "Police and health audit twenty cases together." }]);
  assert.equal(out.board.criteria.EC1.position, "Our own wording.");
  assert.equal(out.board.criteria.EC2.next_step, "Bring back in May.");
  assert.equal(out.board.cover_note, "For the board meeting on 10 April.");
  const chosen = B.useFile(out.board, out.differ, "2025-04-05T09:00:00Z");
  assert.equal(chosen.criteria.EC1.position, "Police and health audit twenty cases together.");
  assert.deepEqual(B.combine(incoming, incoming).taken, [], "the same record again changes nothing");
  assert.deepEqual(B.combine(incoming, incoming).differ, []);
});

test("Over time offers the same agency's earlier and later assessments, or none when it cannot tell", () => {
  const later = (r, date, id) => Object.assign(JSON.parse(JSON.stringify(r)),
    { id: id || r.id, updated: date + "T09:00:00.000Z", respondent: Object.assign({}, r.respondent, { date }) });
  const healthLater = later(HEALTH, "2025-05-01", "sa-health-may");
  const policeLater = later(POLICE, "2025-06-01");
  // Health (framework order after police) has two; police has one: health's pair, oldest first.
  const pair = P.comparePair(DATA, [healthLater, POLICE, HEALTH]);
  assert.deepEqual([pair.before.id, pair.after.id], ["sa-health", "sa-health-may"]);
  // Both have two: police first (the framework's order), whatever the order loaded.
  const both = P.comparePair(DATA, [healthLater, HEALTH, policeLater, POLICE]);
  assert.deepEqual([both.before.updated, both.after.updated], [POLICE.updated, policeLater.updated]);
  // Two different agencies only: it cannot tell, so it offers nothing.
  assert.equal(P.comparePair(DATA, [POLICE, HEALTH]), null);
  // No agency given: two different assessments cannot be matched, two versions of one can.
  const noAgency = Object.assign(JSON.parse(JSON.stringify(POLICE)), { id: "sa-x" });
  noAgency.respondent.agency = "";
  const noAgency2 = Object.assign(JSON.parse(JSON.stringify(noAgency)), { id: "sa-y" });
  assert.equal(P.comparePair(DATA, [noAgency, noAgency2]), null);
  const v2 = later(noAgency, "2025-07-01");
  const same = P.comparePair(DATA, [v2, noAgency, HEALTH]);
  assert.deepEqual([same.before.updated, same.after.updated], [noAgency.updated, v2.updated]);
});

test("the agreed outcome band is kept, exported, loaded back and in the grid CSV (issue 23, point 6)", () => {
  let b = board();
  b = B.setField(b, "EC1", "outcome", "area-for-improvement", T2);
  assert.equal(B.entry(b, "EC1").outcome, "area-for-improvement");
  assert.equal(B.setField(b, "EC1", "outcome", "<b>", T2).criteria.EC1.outcome, "", "not an outcome ID: none");
  const only = B.setField(B.empty(FW), "EC5", "outcome", "strength", T1);
  assert.deepEqual(B.recorded(only, ORDER), ["EC5"], "an outcome alone is something recorded");
  assert.deepEqual(B.normalise(JSON.parse(JSON.stringify(b)), FW), b);
  const set = [POLICE, HEALTH].map((r) => ({ record: r, source: r.id + ".json" }));
  const combined = P.combine(DATA, [POLICE, HEALTH], { today: "2025-04-03" });
  const file = JSON.parse(X.toJSON(DATA, combined, set, "2025-04-03T12:00:00.000Z", b));
  assert.equal(file.board.criteria[0].outcome, "area-for-improvement");
  const { results } = L.readFiles(DATA, [], [{ name: "p.json", text: JSON.stringify(file) }]);
  assert.deepEqual(results[0].board, b);
  const rows = parseCSV(X.gridCSV(DATA, combined, b).slice(1));
  const col = rows[0].indexOf("Partnership's agreed outcome");
  const label = DATA.assessment.outcomes.find((o) => o.id === "area-for-improvement").label;
  assert.deepEqual(rows.filter((r) => r[0] === "EC1").map((r) => r[col]), [label, label]);
  const here = B.combine(B.empty(FW), b);
  assert.ok(here.taken.some((t) => t.id === "EC1" && t.field === "outcome"), "a file's outcome fills an empty one");
});

test("a new round keeps the last one, in this browser and in the download; an empty round is not kept", () => {
  const b = B.setField(board(), "EC1", "outcome", "strength", T2);
  const T3 = "2025-05-01T10:00:00Z";
  const next = B.newRound(b, T3);
  assert.deepEqual(next.criteria, {});
  assert.equal(next.cover_note, "");
  assert.equal(next.rounds.length, 1);
  assert.deepEqual(next.rounds[0], { closed: T3, cover_note: b.cover_note, criteria: b.criteria });
  assert.equal(B.newRound(next, "2025-05-02T10:00:00Z"), next, "nothing recorded: no empty round");
  assert.deepEqual(B.normalise(JSON.parse(JSON.stringify(next)), FW), next, "saved and read back");
  const set = [POLICE].map((r) => ({ record: r, source: r.id + ".json" }));
  const combined = P.combine(DATA, [POLICE], { today: "2025-05-03" });
  const file = JSON.parse(X.toJSON(DATA, combined, set, "2025-05-03T12:00:00.000Z", next));
  assert.equal(file.board.rounds.length, 1);
  assert.equal(file.board.rounds[0].closed, T3);
  assert.equal(file.board.rounds[0].criteria.find((e) => e.id === "EC1").outcome, "strength");
  const { results } = L.readFiles(DATA, [], [{ name: "p.json", text: JSON.stringify(file) }]);
  assert.deepEqual(results[0].board, next, "loaded back with its earlier round");
  const elsewhere = B.combine(B.empty(FW), next);
  assert.deepEqual(elsewhere.board.rounds, next.rounds, "another browser takes the earlier round");
  assert.deepEqual(B.combine(next, next).taken, [], "a round already here is not taken twice");
});
