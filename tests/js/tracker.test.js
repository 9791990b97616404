"use strict";
// planner/tracker.js: statuses, deadlines, filters, progress, CSV, and imports that never lose work.
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, webData, parseCSV } = require("./planner-helpers");

const D = requireWeb("lib/dates.js");
const T = requireWeb("tracker/tracker.js");
const DATA = webData("planner");
const CAL = D.calendar(DATA.holidays);
const NOW = "2024-05-01T10:00:00Z";
const SOMERSET = D.schedule({ fieldwork_start: "2024-05-20" }, DATA.rules, CAL);

function filled() {
  let t = T.newTracker(DATA, NOW);
  const set = (id, field, value) => { t = T.update(t, DATA, id, field, value, NOW).tracker; };
  set("A-list-4", "status", "ready");
  set("A-list-6", "status", "in-progress");
  set("A-1.1", "status", "not-applicable");
  set("A-1.2", "status", "ready");
  set("A-list-4", "owner", "Head of performance");
  set("A-list-4", "location", "=HYPERLINK(\"http://example.invalid\")");
  set("A-list-4", "reviewed", "2024-04-30");
  set("A-list-4", "notes", "<img src=x onerror=alert(1)> checked, \"fine\"");
  return t;
}

test("four statuses, not started by default", () => {
  assert.deepEqual(T.statuses(DATA).map((s) => s.id), ["not-started", "in-progress", "ready", "not-applicable"]);
  assert.deepEqual(T.itemOf(T.newTracker(DATA, NOW), "A-list-4"), T.emptyItem());
  assert.equal(T.statusLabel(DATA, "not-applicable"), "Not applicable");
  assert.deepEqual(T.statuses(DATA).filter((s) => T.isDone(DATA, s.id)).map((s) => s.id), ["ready", "not-applicable"]);
});

test("statuses and the due-soon window come from the generated data (timeline.yml), not the script", () => {
  const data = JSON.parse(JSON.stringify(DATA));
  data.tracker.statuses[2].label = "Sent";
  data.tracker.statuses[1].done = true;
  data.tracker.due_soon_working_days = 3;
  assert.equal(T.statusLabel(data, "ready"), "Sent");
  assert.equal(T.timing(data, "in-progress", "2024-05-07", "17:00", "2024-05-08", CAL), "", "a done status");
  assert.equal(T.timing(DATA, "not-started", "2024-05-10", "17:00", "2024-05-07", CAL), "");
  assert.equal(T.timing(data, "not-started", "2024-05-10", "17:00", "2024-05-07", CAL), "due-soon", "3 working days");
  let t = T.newTracker(data, NOW);
  t = T.update(t, data, "A-list-4", "status", "ready", NOW).tracker;
  const row = T.rows(data, t, {}).find((r) => r.id === "A-list-4");
  assert.equal(row.status_label, "Sent");
  assert.equal(parseCSV(T.toCSV([row]).slice(1))[1][8], "Sent");
});

test("updates are checked and never change the original", () => {
  const t = T.newTracker(DATA, NOW);
  const ok = T.update(t, DATA, "A-list-4", "status", "ready", "2024-05-02T00:00:00Z");
  assert.equal(ok.ok, true);
  assert.equal(ok.tracker.items["A-list-4"].status, "ready");
  assert.equal(ok.tracker.updated, "2024-05-02T00:00:00Z");
  assert.deepEqual(t.items, {});
  assert.equal(T.update(t, DATA, "A-list-4", "status", "done", NOW).ok, false);
  assert.equal(T.update(t, DATA, "A-99", "status", "ready", NOW).ok, false);
  assert.equal(T.update(t, DATA, "A-list-4", "reviewed", "2024-02-30", NOW).ok, false);
  assert.equal(T.update(t, DATA, "A-list-4", "owner", "x".repeat(201), NOW).ok, false);
  assert.equal(T.update(t, DATA, "A-list-4", "colour", "red", NOW).ok, false);
});

test("one row per Annex A item; deadlines relative until a date is set, then dated", () => {
  const relative = T.rows(DATA, T.newTracker(DATA, NOW), {});
  assert.equal(relative.length, DATA.annex_a.length);
  assert.ok(relative.every((r) => r.deadline_label && r.date === "" && r.timing === ""));
  const dated = T.rows(DATA, T.newTracker(DATA, NOW), { sched: SOMERSET, cal: CAL, today: "2024-05-01" });
  const byId = Object.fromEntries(dated.map((r) => [r.id, r]));
  assert.equal(byId["A-list-4"].deadline_label, "5pm Tuesday, week 1");
  assert.equal(byId["A-list-4"].date, "2024-05-07");
  assert.equal(byId["A-list-4"].time, "17:00");
  assert.equal(byId["A-1.1"].date, "2024-05-14");
  assert.equal(byId["A-audits"].date, "2024-05-16");
  assert.ok(byId["A-list-4"].item.criteria.length > 0 && byId["A-list-4"].item.criteria[0].url.startsWith("criteria/"));
});

test("overdue and due soon, never for items that are ready or not applicable", () => {
  const t = (status, date, time, today, nowTime) => T.timing(DATA, status, date, time, today, CAL, nowTime);
  assert.equal(t("not-started", "2024-05-07", "17:00", "2024-05-08"), "overdue");
  assert.equal(t("in-progress", "2024-05-07", "17:00", "2024-05-07", "17:30"), "overdue");
  assert.equal(t("in-progress", "2024-05-07", "17:00", "2024-05-07", "09:00"), "due-soon");
  assert.equal(t("not-started", "2024-05-09", "17:00", "2024-05-07"), "due-soon");
  assert.equal(t("not-started", "2024-05-10", "17:00", "2024-05-07"), "", "3 working days away");
  assert.equal(t("not-started", "2024-05-07", "17:00", "2024-05-03"), "due-soon", "over the bank holiday: 1 working day");
  assert.equal(t("ready", "2024-05-07", "17:00", "2024-05-08"), "");
  assert.equal(t("not-applicable", "2024-05-07", "17:00", "2024-05-08"), "");
  assert.equal(t("not-started", "", "", "2024-05-08"), "");
});

test("filters by agency, status and deadline", () => {
  const rows = T.rows(DATA, filled(), { sched: SOMERSET, cal: CAL, today: "2024-05-08" });
  const police = T.filter(rows, { agency: "police" });
  const involved = (r) => r.agency === "police" || r.item.contributors.includes("police");
  assert.ok(police.length > 0 && police.every(involved));
  assert.deepEqual(police.map((r) => r.id), rows.filter(involved).map((r) => r.id));
  assert.ok(police.some((r) => r.agency !== "police"), "items the police contribute to are shown too");
  assert.deepEqual(T.filter(rows, { status: "ready" }).map((r) => r.id), ["A-list-4", "A-1.2"]);
  assert.ok(T.filter(rows, { status: "not-ready" }).every((r) => r.status === "not-started" || r.status === "in-progress"));
  assert.equal(T.filter(rows, { status: "not-ready" }).length, rows.length - 3);
  const overdue = T.filter(rows, { deadline: "overdue" });
  assert.ok(overdue.length > 0 && overdue.every((r) => r.timing === "overdue" && r.date < "2024-05-08"));
  assert.ok(!overdue.some((r) => r.id === "A-list-4"), "ready items are never overdue");
  const week2 = T.filter(rows, { deadline: "5pm Tuesday, week 2" });
  assert.ok(week2.length > 40 && week2.every((r) => r.deadline_label === "5pm Tuesday, week 2"));
  assert.equal(T.filter(rows, {}).length, rows.length);
  assert.deepEqual(T.filter(rows, { agency: "social-care", status: "in-progress" }).map((r) => r.id), ["A-list-6"]);
});

test("deadline choices are in time order", () => {
  assert.deepEqual(T.deadlineLabels(DATA), ["5pm Tuesday, week 1", "5pm Thursday, week 1",
    "5pm Thursday, week 1 (our reading)", "5pm Tuesday, week 2", "5pm Thursday, week 2", "Usually seen on site, week 3"]);
});

test("progress overall and by agency; not applicable items do not count against it", () => {
  const rows = T.rows(DATA, filled(), {});
  const p = T.progress(DATA, rows);
  assert.equal(p.overall.total, DATA.annex_a.length);
  assert.equal(p.overall.ready, 2);
  assert.equal(p.overall["not-applicable"], 1);
  assert.equal(p.overall["in-progress"], 1);
  assert.equal(p.overall["not-started"], DATA.annex_a.length - 4);
  assert.equal(p.overall.percent, Math.floor(200 / (DATA.annex_a.length - 1)));
  assert.equal(p.agencies.reduce((n, a) => n + a.counts.total, 0), DATA.annex_a.length);
  const agencyOf = Object.fromEntries(DATA.annex_a.map((i) => [i.id, i.agency]));
  for (const a of p.agencies) {
    const ready = ["A-list-4", "A-1.2"].filter((id) => agencyOf[id] === a.id).length;
    assert.equal(a.counts.ready, ready, a.id);
  }
  assert.deepEqual(T.counts([]).percent, 100);
});

test("CSV: byte order mark, CRLF, formulas made harmless, UK dates", () => {
  const rows = T.rows(DATA, filled(), { sched: SOMERSET, cal: CAL, today: "2024-05-08" });
  const text = T.toCSV(rows);
  assert.equal(text[0], "\uFEFF");
  assert.ok(text.endsWith("\r\n"));
  const parsed = parseCSV(text.slice(1));
  assert.deepEqual(parsed[0], T.CSV_HEADER);
  assert.equal(parsed.length, DATA.annex_a.length + 1);
  const col = (name) => T.CSV_HEADER.indexOf(name);
  const row = parsed.find((r) => r[0] === "A-list-4");
  assert.equal(row[col("Where the document lives")], "'=HYPERLINK(\"http://example.invalid\")");
  assert.equal(row[col("Last reviewed")], "30/04/2024");
  assert.equal(row[col("Deadline date")], "07/05/2024");
  assert.equal(row[col("Status")], "Ready");
  assert.equal(row[col("Notes")], "<img src=x onerror=alert(1)> checked, \"fine\"");
  assert.equal(parsed.find((r) => r[0] === "A-list-7")[col("Overdue or due soon")], "Overdue");
});

test("export then import gives the same tracker, text exactly as typed", () => {
  const t = T.setDates(filled(), { mode: "fieldwork", date: "2024-05-20" }, NOW);
  const back = T.parseImport(T.exportJSON(t), DATA);
  assert.equal(back.ok, true, JSON.stringify(back));
  assert.deepEqual(back.tracker, t);
  assert.equal(back.tracker.items["A-list-4"].notes, "<img src=x onerror=alert(1)> checked, \"fine\"");
  assert.deepEqual(back.warnings, []);
  const bom = T.parseImport("\uFEFF" + T.exportJSON(t), DATA);
  assert.equal(bom.ok, true);
});

function refused(text, code) {
  const r = T.parseImport(text, DATA);
  assert.equal(r.ok, false, text.slice(0, 80));
  assert.equal(r.code, code, `${r.code}: ${r.message} ${r.details}`);
  assert.match(r.message, /Nothing was imported and your saved tracker has not changed\.$/);
  return r;
}

test("bad files are refused with a reason, whatever is wrong", () => {
  const good = JSON.parse(T.exportJSON(filled()));
  const edit = (fn) => { const copy = JSON.parse(JSON.stringify(good)); fn(copy); return JSON.stringify(copy); };
  refused("", "empty");
  refused("   \n", "empty");
  refused("{not json", "not-json");
  refused("[]", "wrong-format");
  refused(JSON.stringify({ format: "jtai-ready-assessment" }), "wrong-format");
  refused(edit((c) => { c.format_version = T.FORMAT_VERSION + 1; }), "newer-version");
  refused(edit((c) => { c.items["A-list-4"].changed = { owner: { at: "today", by: "x", from: "" } }; }), "schema");
  refused(edit((c) => { c.items["A-list-4"].changed = { colour: { at: NOW, by: "x", from: "" } }; }), "schema");
  refused(edit((c) => { c.scope = { agency: "fire" }; }), "schema");
  refused(edit((c) => { c.origin = "<script>"; }), "schema");
  refused(edit((c) => { c.framework_id = "da-2024"; }), "other-framework");
  refused(edit((c) => { delete c.items; }), "schema");
  refused(edit((c) => { c.extra = 1; }), "schema");
  refused(edit((c) => { c.items["A-list-4"].status = "done"; }), "schema");
  refused(edit((c) => { c.items["A-list-4"].reviewed = "30/04/2024"; }), "schema");
  refused(edit((c) => { c.items["A-list-4"].owner = 42; }), "schema");
  refused(edit((c) => { c.items["A-list-4"].colour = "red"; }), "schema");
  refused(edit((c) => { c.items["A-list-4"] = "ready"; }), "schema");
  refused(edit((c) => { c.items["A-list-4"].notes = "x".repeat(5001); }), "schema");
  refused(edit((c) => { c.created = "yesterday"; }), "schema");
  refused(edit((c) => { c.dates = { mode: "soon", date: "" }; }), "schema");
  const unknown = refused(edit((c) => { c.items["A-99.9"] = { status: "ready" }; }), "unknown-id");
  assert.match(unknown.details[0], /A-99\.9/);
  refused("{\"format\":\"jtai-ready-tracker\",\"format_version\":1,\"framework_id\":\"syv-2023\"," +
    "\"framework_version\":\"2023-09-22\",\"app_version\":\"0.1.0\",\"created\":\"" + NOW + "\",\"updated\":\"" + NOW + "\"," +
    "\"items\":{\"__proto__\":{\"status\":\"ready\"}}}", "unknown-id");
  assert.equal(({}).status, undefined, "nothing leaked into Object.prototype");
  const big = T.parseImport("x", DATA, { bytes: T.MAX_BYTES + 1 });
  assert.equal(big.code, "too-large");
});

test("many problems are listed, up to a limit", () => {
  const good = JSON.parse(T.exportJSON(filled()));
  DATA.annex_a.slice(0, 12).forEach((i) => { good.items[i.id] = { status: "nope" }; });
  const r = refused(JSON.stringify(good), "schema");
  assert.equal(r.details.length, 8);
  assert.equal(r.more, 4);
});

test("an older framework version imports with a warning", () => {
  const good = JSON.parse(T.exportJSON(filled()));
  good.framework_version = "2022-01-01";
  const r = T.parseImport(JSON.stringify(good), DATA);
  assert.equal(r.ok, true);
  assert.match(r.warnings[0], /2022-01-01/);
});
