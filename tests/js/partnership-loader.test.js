"use strict";
// The partnership view's loader: many files at once, each checked on its own (partnership/loader.js).
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, webData } = require("./helpers");

const IO = requireWeb("lib/importexport.js");
const L = requireWeb("partnership/loader.js");
const DATA = webData("assessment");
const MB = 1024 * 1024;

/** A valid self-assessment record, as the self-assessment page would export it. */
function make(title, agency, date, rating) {
  const r = IO.newRecord(DATA, { title, now: `${date}T09:00:00.000Z` });
  r.respondent.agency = agency;
  r.respondent.date = date;
  r.answers.EC1 = IO.emptyAnswer();
  r.answers.EC1.indicators["EC1.1"] = rating || "mostly";
  return r;
}

const file = (name, content, bytes) =>
  ({ name, text: typeof content === "string" ? content : IO.exportJSON(content), bytes });

/** A partnership file's head with the given assessments (the loader reads nothing else). */
function partnershipFile(assessments, head) {
  return JSON.stringify(Object.assign({ format: L.FORMAT, format_version: L.FORMAT_VERSION,
    framework_id: DATA.framework.id, assessments }, head || {}));
}

const POLICE = make("Police review", "police", "2025-03-01");
const HEALTH = make("Health review", "health", "2025-03-02", "partly");
const EDUCATION = make("Schools review", "education", "2025-03-03");
const POLICE_V2 = Object.assign(JSON.parse(JSON.stringify(POLICE)),
  { updated: "2025-04-01T10:00:00.000Z" });
POLICE_V2.respondent.date = "2025-04-01";

test("a mix of files: one result per file in the order given; bad files do not stop the good", () => {
  const files = [
    file("police.json", POLICE),
    file("health.json", HEALTH),
    file("police copy.json", POLICE),
    file("police april.json", POLICE_V2),
    file("dva.json", { ...POLICE, framework_id: "dva-2024" }),
    file("newer.json", { ...POLICE, format_version: 2 }),
    file("notes.txt", "These are my notes, not JSON."),
    file("empty.json", ""),
    file("huge.json", HEALTH, 6 * MB),
    file("schools.json", EDUCATION)
  ];
  const { set, results } = L.readFiles(DATA, [], files);
  assert.deepEqual(results.map((r) => r.name), files.map((f) => f.name));
  assert.deepEqual(results.map((r) => r.ok), [true, true, true, true, false, false, false, false, false, true]);
  assert.deepEqual(results.map((r) => r.code), ["", "", "", "", "other-framework", "newer-version", "not-json",
    "empty", "too-large", ""]);

  assert.deepEqual(set.map((e) => [e.record.id, e.record.updated, e.source]), [
    [POLICE.id, POLICE.updated, "police.json"],
    [HEALTH.id, HEALTH.updated, "health.json"],
    [POLICE.id, "2025-04-01T10:00:00.000Z", "police april.json"],
    [EDUCATION.id, EDUCATION.updated, "schools.json"]
  ]);
  assert.deepEqual(set[0].record, IO.normalise(POLICE));

  const [police, health, copy, april, dva, newer, notes, empty, huge, schools] = results;
  assert.deepEqual(police.added, ["Police review (2025-03-01)"]);
  assert.deepEqual(health.added, ["Health review (2025-03-02)"]);
  assert.deepEqual(schools.added, ["Schools review (2025-03-03)"]);
  for (const r of [police, health, schools]) {
    assert.deepEqual(r.skipped, []);
    assert.deepEqual(r.warnings, []);
  }

  assert.deepEqual(copy.added, []);
  assert.deepEqual(copy.skipped, [{ title: "Police review (2025-03-01)", code: "duplicate",
    reason: "already loaded, from police.json." }]);

  assert.deepEqual(april.added, ["Police review (2025-04-01)"]);
  assert.equal(april.warnings.length, 1);
  assert.match(april.warnings[0],
    /^\u201cPolice review \(2025-04-01\)\u201d is another version of an assessment already loaded from police\.json\. Both are kept/);

  assert.match(dva.message, /different inspection framework \(\u201cdva-2024\u201d\)/);
  assert.match(newer.message, /newer version of JTAI Ready \(format version 2\)/);
  assert.match(notes.message, /could not be read as JSON/);
  assert.match(empty.message, /^This file is empty\.$/);
  assert.match(huge.message, /too big to be a self-assessment export \(6\.0 MB; the limit is 5\.0 MB\)/);
  for (const r of [dva, newer, notes, empty, huge]) {
    assert.deepEqual(r.added, []);
    assert.deepEqual(r.skipped, []);
  }
});

test("the set given is not changed; the result is a new set that starts with it", () => {
  const start = L.readFiles(DATA, [], [file("police.json", POLICE)]).set;
  const snapshot = JSON.stringify(start);
  const { set } = L.readFiles(DATA, start, [file("health.json", HEALTH), file("police.json", POLICE)]);
  assert.equal(JSON.stringify(start), snapshot);
  assert.equal(start.length, 1);
  assert.notEqual(set, start);
  assert.equal(set[0], start[0]);
  assert.deepEqual(set.map((e) => e.source), ["police.json", "health.json"]);
});

test("warnings from the self-assessment's checks are passed on", () => {
  const older = { ...EDUCATION, framework_version: "2022-01-01" };
  const { results } = L.readFiles(DATA, [], [file("old.json", older)]);
  assert.equal(results[0].ok, true);
  assert.equal(results[0].added.length, 1);
  assert.match(results[0].warnings[0], /framework guidance of 2022-01-01/);
});

test("a file that breaks the export format is refused with its problems listed", () => {
  const broken = JSON.parse(IO.exportJSON(HEALTH));
  broken.answers.EC1.indicators["EC1.1"] = 3;
  delete broken.respondent;
  const { set, results } = L.readFiles(DATA, [], [file("broken.json", JSON.stringify(broken))]);
  assert.deepEqual(set, []);
  assert.equal(results[0].code, "schema");
  assert.ok(results[0].details.includes("$: is missing \u201crespondent\u201d"), results[0].details.join("\n"));
  assert.ok(results[0].details.includes("$.answers.EC1.indicators.EC1.1: expected text, found a number"));
});

test("files over the partnership file limit are refused before they are read", () => {
  const { results } = L.readFiles(DATA, [], [file("giant.json", partnershipFile([POLICE]), 51 * MB)]);
  assert.equal(results[0].ok, false);
  assert.equal(results[0].code, "too-large");
  assert.match(results[0].message, /\(51\.0 MB; the limit is 50\.0 MB\)/);
});

test("a partnership file is read back: its assessments are added one by one", () => {
  const text = partnershipFile([POLICE, HEALTH, POLICE_V2]);
  const { set, results } = L.readFiles(DATA, [], [file("partnership.json", text)]);
  assert.equal(results[0].ok, true);
  assert.deepEqual(results[0].added, ["Police review (2025-03-01)", "Health review (2025-03-02)",
    "Police review (2025-04-01)"]);
  assert.equal(results[0].warnings.length, 1);
  assert.match(results[0].warnings[0], /another version of an assessment already loaded from partnership\.json/);
  assert.deepEqual(set.map((e) => e.record), [POLICE, HEALTH, POLICE_V2].map(IO.normalise));
  assert.ok(set.every((e) => e.source === "partnership.json"));
  assert.ok(results[0].entries.length === 3 && results[0].entries.every((e, i) => e === set[i]),
    "each file's result names the set's entries it added (the preview shows them)");
});

test("a partnership file may be bigger than one self-assessment export", () => {
  const { results } = L.readFiles(DATA, [], [file("partnership.json", partnershipFile([POLICE]), 6 * MB)]);
  assert.equal(results[0].ok, true);
  assert.deepEqual(results[0].added, ["Police review (2025-03-01)"]);
});

test("bad assessments inside a partnership file are skipped with reasons; the rest are added", () => {
  const broken = JSON.parse(IO.exportJSON(EDUCATION));
  broken.title = "Broken";
  broken.answers.EC1.indicators["EC1.1"] = "sometimes";
  const items = [POLICE, "nope", { ...HEALTH, title: "Other framework", framework_id: "dva-2024" }, broken,
    POLICE, HEALTH];
  const { set, results } = L.readFiles(DATA, [], [file("partnership.json", partnershipFile(items))]);
  const r = results[0];
  assert.equal(r.ok, true);
  assert.deepEqual(r.added, ["Police review (2025-03-01)", "Health review (2025-03-02)"]);
  assert.deepEqual(r.skipped.map((s) => [s.title, s.code]), [
    ["assessment 2", "wrong-format"],
    ["Other framework", "other-framework"],
    ["Broken", "unknown-id"],
    ["Police review (2025-03-01)", "duplicate"]
  ]);
  assert.match(r.skipped[1].reason, /\u201cdva-2024\u201d/);
  assert.match(r.skipped[2].reason, /\$\.answers\.EC1\.indicators\.EC1\.1: there is no rating \u201csometimes\u201d/);
  assert.equal(r.skipped[3].reason, "already loaded, from partnership.json.");
  assert.deepEqual(set.map((e) => e.record.id), [POLICE.id, HEALTH.id]);
});

test("partnership files this page cannot read are refused whole, saying why", () => {
  const cases = [
    [{ framework_id: "dva-2024" }, /partnership file is for a different inspection framework \(\u201cdva-2024\u201d\)\. This page is for the Serious youth violence JTAI \(syv-2023\)/],
    [{ format_version: 3 }, /newer version of JTAI Ready \(format version 3\); this page reads versions up to 2/],
    [{ format_version: "1" }, /no format version this page can read/],
    [{ assessments: { a: POLICE } }, /no list of assessments/]
  ];
  for (const [head, message] of cases) {
    const { set, results } = L.readFiles(DATA, [], [file("p.json", partnershipFile([POLICE], head)),
      file("health.json", HEALTH)]);
    assert.equal(results[0].ok, false, JSON.stringify(head));
    assert.equal(results[0].code, "partnership");
    assert.match(results[0].message, message);
    assert.deepEqual(results[0].added, []);
    assert.equal(results[1].ok, true);
    assert.deepEqual(set.map((e) => e.record.id), [HEALTH.id]);
  }
});

test("no more than 100 assessments at once; duplicates still say so", () => {
  const many = [];
  for (let i = 0; i < 101; i += 1) {
    const r = make(`Review ${i}`, "police", "2025-03-01");
    r.id = `sa-many-${i}`;
    many.push(r);
  }
  const first = L.readFiles(DATA, [], [file("all.json", partnershipFile(many))]);
  assert.equal(first.set.length, 100);
  assert.equal(L.MAX_ASSESSMENTS, 100);
  assert.equal(first.results[0].added.length, 100);
  assert.deepEqual(first.results[0].skipped, [{ title: "Review 100 (2025-03-01)", code: "limit",
    reason: "this page holds up to 100 assessments at once." }]);

  const ninetyNine = first.set.slice(0, 99);
  const next = L.readFiles(DATA, ninetyNine, [file("a.json", HEALTH), file("b.json", EDUCATION),
    file("c.json", many[0])]);
  assert.equal(next.set.length, 100);
  assert.deepEqual(next.results[0].added, ["Health review (2025-03-02)"]);
  assert.equal(next.results[1].skipped[0].code, "limit");
  assert.equal(next.results[2].skipped[0].code, "duplicate");
  assert.equal(next.results[2].skipped[0].reason, "already loaded, from all.json.");
  assert.equal(ninetyNine.length, 99);
});

test("readSaved: records saved in this browser, a corrupted one skipped with its title", () => {
  const corrupted = { format: "jtai-ready-assessment", format_version: 1, id: "sa-broken", title: "Broken save" };
  const saved = [POLICE, corrupted, null, HEALTH];
  const snapshot = JSON.stringify(saved);
  const start = [];
  const { set, results } = L.readSaved(DATA, start, saved);
  assert.equal(JSON.stringify(saved), snapshot);
  assert.deepEqual(start, []);
  assert.equal(results.length, 1);
  const r = results[0];
  assert.equal(r.name, "Saved in this browser");
  assert.equal(r.ok, true);
  assert.deepEqual(r.added, ["Police review (2025-03-01)", "Health review (2025-03-02)"]);
  assert.deepEqual(r.skipped.map((s) => [s.title, s.code]), [["Broken save", "schema"], ["an assessment", "wrong-format"]]);
  assert.match(r.skipped[0].reason, /does not match the export format/);
  assert.deepEqual(set.map((e) => [e.record.id, e.source]), [[POLICE.id, L.SAVED], [HEALTH.id, L.SAVED]]);

  const again = L.readFiles(DATA, set, [file("police.json", POLICE)]);
  assert.deepEqual(again.results[0].skipped, [{ title: "Police review (2025-03-01)", code: "duplicate",
    reason: "already loaded, from Saved in this browser." }]);
});
