"use strict";
// planner/ics.js (RFC 5545) and planner/plan.js (the rows the table, CSV and calendar share).
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, webData, parseCSV } = require("./planner-helpers");

const D = requireWeb("lib/dates.js");
const Plan = requireWeb("lib/plan.js");
const ICS = requireWeb("planner/ics.js");
const DATA = webData("planner");
const CAL = D.calendar(DATA.holidays);
const SOMERSET = D.plan({ fieldwork_start: "2024-05-20", actual_publication: "2024-07-18" }, DATA, CAL);
const NOW = "2024-05-03T09:15:00.000Z";
const TEXT = ICS.fromPlan(SOMERSET, DATA, { now: NOW });

/** Unfold (RFC 5545 3.1) and split into [name with parameters, value] pairs. */
function contentLines(text) {
  return text.replace(/\r\n[ \t]/g, "").split("\r\n").filter(Boolean).map((line) => {
    const colon = line.indexOf(":");
    return [line.slice(0, colon), line.slice(colon + 1)];
  });
}

/** The VEVENTs as {NAME: value}, each with its VALARMs in `alarms` (their own {NAME: value}). */
function events(text) {
  const out = [];
  let current = null;
  let alarm = null;
  for (const [name, value] of contentLines(text)) {
    if (name === "BEGIN" && value === "VEVENT") current = { alarms: [] };
    else if (name === "END" && value === "VEVENT") { out.push(current); current = null; }
    else if (name === "BEGIN" && value === "VALARM") alarm = {};
    else if (name === "END" && value === "VALARM") { current.alarms.push(alarm); alarm = null; }
    else if (alarm) alarm[name] = value;
    else if (current) current[name] = value;
  }
  return out;
}

function unescape(value) {
  return value.replace(/\\n/g, "\n").replace(/\\([\\;,])/g, "$1");
}

test("CRLF line ends only, and no line longer than 75 octets", () => {
  assert.ok(TEXT.endsWith("\r\n"));
  assert.doesNotMatch(TEXT.replace(/\r\n/g, ""), /[\r\n]/);
  for (const line of TEXT.split("\r\n")) assert.ok(Buffer.byteLength(line, "utf8") <= 75, line);
});

test("a calendar with a product ID, version and the Europe/London time zone", () => {
  const lines = contentLines(TEXT);
  assert.deepEqual(lines[0], ["BEGIN", "VCALENDAR"]);
  assert.deepEqual(lines[1], ["VERSION", "2.0"]);
  assert.match(TEXT, /\r\nPRODID:-\/\/JTAI Ready\/\/Preparation planner 0\.1\.0\/\/EN\r\n/);
  assert.match(TEXT, /\r\nBEGIN:VTIMEZONE\r\nTZID:Europe\/London\r\n/);
  assert.deepEqual(lines[lines.length - 1], ["END", "VCALENDAR"]);
});

test("one event per row of the plan, each with a unique UID and a UTC DTSTAMP", () => {
  const evs = events(TEXT);
  assert.equal(evs.length, Plan.rows(SOMERSET, DATA).rows.length);
  assert.equal(new Set(evs.map((e) => e.UID)).size, evs.length);
  assert.ok(evs.every((e) => /@jtai-ready\.invalid$/.test(e.UID)));
  assert.ok(evs.every((e) => e.DTSTAMP === "20240503T091500Z"));
});

test("deadlines with a time are in Europe/London; others are all-day with an exclusive end", () => {
  const evs = events(TEXT);
  const lists = evs.find((e) => e.UID.startsWith("wk1-tue-ilacs-lists."));
  assert.equal(lists["DTSTART;TZID=Europe/London"], "20240507T170000");
  assert.equal(lists.DTEND, undefined);
  const notification = evs.find((e) => e.UID.startsWith("wk1-mon-notification."));
  assert.equal(notification["DTSTART;VALUE=DATE"], "20240503");
  assert.equal(notification["DTEND;VALUE=DATE"], "20240504");
  const fieldwork = evs.find((e) => e.UID.startsWith("fieldwork."));
  assert.equal(fieldwork["DTSTART;VALUE=DATE"], "20240520");
  assert.equal(fieldwork["DTEND;VALUE=DATE"], "20240525");
  const statement = evs.find((e) => e.UID.startsWith("statement-of-action."));
  assert.equal(statement["DTSTART;VALUE=DATE"], "20241016", "70 working days after the final letter (para 121)");
  const published = evs.find((e) => e.UID.startsWith("letter-letter-published."));
  assert.equal(published["DTSTART;VALUE=DATE"], "20240712");
});

test("text is escaped: backslash, semicolon, comma and new lines", () => {
  assert.equal(ICS.escapeText("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne");
  const text = ICS.build([{ uid: "x@y", summary: "Lists; audits, and \\ notes", description: "one\r\ntwo", date: "2024-05-07" }],
    { now: NOW });
  const ev = events(text)[0];
  assert.equal(ev.SUMMARY, "Lists\\; audits\\, and \\\\ notes");
  assert.equal(unescape(ev.SUMMARY), "Lists; audits, and \\ notes");
  assert.equal(unescape(ev.DESCRIPTION), "one\ntwo");
});

test("folding never splits a UTF-8 character and unfolds to the original", () => {
  const long = "DESCRIPTION:" + "Children’s services – “quoted” ".repeat(12) + "😀 end";
  const folded = ICS.fold(long);
  for (const line of folded.split("\r\n")) {
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, line);
    assert.doesNotMatch(line, /\uFFFD/);
  }
  assert.equal(folded.replace(/\r\n /g, ""), long);
  assert.equal(ICS.fold("SHORT:line"), "SHORT:line");
});

test("floating local times when asked, with no VTIMEZONE", () => {
  const text = ICS.fromPlan(SOMERSET, DATA, { now: NOW, floating: true });
  assert.doesNotMatch(text, /VTIMEZONE/);
  assert.match(text, /\r\nDTSTART:20240507T170000\r\n/);
});

test("the description says what, who, which Annex A items and the source", () => {
  const ev = events(TEXT).find((e) => e.UID.startsWith("wk2-tue-case-records."));
  const text = unescape(ev.DESCRIPTION);
  assert.match(text, /Who: /);
  assert.match(text, /Annex A: /);
  assert.match(text, /Source: framework paragraphs 57, 131\./);
});

test("plan rows: weeks 1 to 3 then after fieldwork, each in date order", () => {
  const r = Plan.rows(SOMERSET, DATA);
  assert.deepEqual(r.groups.map((g) => g.id), ["week-1", "week-2", "week-3", "after"]);
  for (const g of r.groups) {
    const dates = r.rows.filter((row) => row.group === g.id).map((row) => row.date);
    assert.deepEqual(dates, dates.slice().sort(), g.id);
    assert.ok(dates.length > 0, g.id);
  }
  const ids = r.rows.map((row) => row.id);
  assert.ok(ids.includes("publication-actual"));
  assert.ok(ids.indexOf("letter-letter-published") < ids.indexOf("publication-actual"));
  assert.equal(r.rows.find((row) => row.id === "statement-of-action").date, "2024-10-16");
});

test("the plan as CSV: byte order mark, CRLF, one row per plan row, UK dates", () => {
  const text = Plan.toCSV(SOMERSET, DATA);
  assert.equal(text[0], "\uFEFF");
  const rows = parseCSV(text.slice(1));
  assert.deepEqual(rows[0], Plan.HEADER);
  assert.equal(rows.length, Plan.rows(SOMERSET, DATA).rows.length + 1);
  const statement = rows.find((row) => row[5].startsWith("Statement of action due"));
  assert.equal(statement[0], "16/10/2024");
  assert.equal(statement[2], "Wednesday");
});

test("the partnership's deadlines have reminders; what inspectors do has none", () => {
  const evs = events(TEXT);
  const byId = (id) => evs.find((e) => e.UID.startsWith(id + "."));
  const lists = byId("wk1-tue-ilacs-lists");
  assert.equal(lists.alarms.length, 1);
  assert.equal(lists.alarms[0].ACTION, "DISPLAY");
  assert.equal(lists.alarms[0].TRIGGER, "-P1D");
  assert.match(unescape(lists.alarms[0].DESCRIPTION), /^Due tomorrow at 5pm: /);
  const statement = byId("statement-of-action");
  assert.equal(statement.alarms[0].TRIGGER, "-P6DT15H", "9am a week before an all-day deadline");
  assert.match(unescape(statement.alarms[0].DESCRIPTION), /Wednesday 16 October 2024/);
  assert.equal(byId("complaints-close").alarms.length, 1);
  assert.deepEqual(byId("wk1-mon-notification").alarms, []);
  assert.deepEqual(byId("fieldwork").alarms, []);
  const rows = Plan.rows(SOMERSET, DATA).rows;
  const deadlines = rows.filter((r) => r.by === "local" && !r.end);
  assert.ok(deadlines.length >= 8);
  for (const r of deadlines) assert.equal(byId(r.id).alarms.length, 1, r.id);
  for (const r of rows.filter((row) => row.by !== "local")) assert.deepEqual(byId(r.id).alarms, [], r.id);
});

test("'during the week' is one all-day item on the week's first day; fieldwork stays a banner", () => {
  const evs = events(TEXT);
  const rows = Plan.rows(SOMERSET, DATA).rows;
  const during = rows.filter((r) => r.end && r.id !== "fieldwork");
  assert.ok(during.length >= 5);
  for (const r of during) {
    const ev = evs.find((e) => e.UID.startsWith(r.id + "."));
    assert.equal(ev["DTSTART;VALUE=DATE"], r.date.replace(/-/g, ""), r.id);
    assert.equal(ev["DTEND;VALUE=DATE"], D.addDays(r.date, 1).replace(/-/g, ""), r.id);
    assert.match(unescape(ev.SUMMARY), / \(during the week, to \w{3} \d+ \w{3} \d{4}\)$/, r.id);
  }
  const week2 = evs.find((e) => e.UID.startsWith("wk2-any-fieldwork-timetable."));
  assert.equal(week2["DTSTART;VALUE=DATE"], "20240513", "the Monday of week 2");
});

test("the files are named from the notification date, even when the fieldwork date was typed", () => {
  assert.equal(SOMERSET.notification, "2024-05-03");
  assert.equal(Plan.fileName(SOMERSET, "ics"), "jtai-plan-notified-2024-05-03.ics");
  const typed = D.plan({ notification: "2024-05-03" }, DATA, CAL);
  assert.equal(Plan.fileName(typed, "csv"), "jtai-plan-notified-2024-05-03.csv");
});

// ---------------------------------------------------------------------------------------------
// The statement of action as the letter gives it (issue 22 point 4), and one agency's plan (issue
// 23 point 5): the calendar file and the spreadsheet follow both.

const LETTER = D.plan({ fieldwork_start: "2024-05-20", actual_publication: "2024-07-18", letter_statement: "2024-10-25" },
  DATA, CAL);

test("without the letter's date: the framework's latest date, with the usual one beside it", () => {
  const s = SOMERSET.statement;
  assert.equal(s.framework, "2024-10-16", "final letter 9 July 2024 + 70 working days");
  assert.equal(s.usual, "2024-10-25", "publication 18 July 2024 + 70 working days, as Somerset's letter gives");
  assert.equal(s.source, "framework");
  const row = Plan.rows(SOMERSET, DATA).rows.find((r) => r.id === "statement-of-action");
  assert.match(row.what, /Letters usually give 70 working days after publication: Friday 25 October 2024\./);
  assert.match(row.what, /the one that counts/);
});

test("the date in the letter drives the row, the calendar file and the spreadsheet", () => {
  assert.equal(LETTER.statement.date, "2024-10-25");
  assert.equal(LETTER.statement.source, "letter");
  const ev = events(ICS.fromPlan(LETTER, DATA, { now: NOW })).find((e) => e.UID.startsWith("statement-of-action."));
  assert.equal(ev["DTSTART;VALUE=DATE"], "20241025");
  assert.match(unescape(ev.SUMMARY), /the date in your letter/);
  const csv = parseCSV(Plan.toCSV(LETTER, DATA).slice(1));
  assert.equal(csv.find((row) => row[5].startsWith("Statement of action due"))[0], "25/10/2024");
});

test("an agency's calendar file and spreadsheet hold only the dates it takes part in", () => {
  const all = events(TEXT);
  const police = events(ICS.fromPlan(SOMERSET, DATA, { now: NOW, agency: "police" }));
  assert.ok(police.length < all.length, `${police.length} of ${all.length}`);
  const byId = Object.fromEntries(DATA.milestones.map((m) => [m.id, m]));
  for (const ev of police) {
    const id = ev.UID.split(".")[0];
    if (byId[id]) assert.ok(Plan.agencyIds(byId[id]).includes("police"), `${id} is not a police event`);
  }
  for (const m of DATA.milestones) {
    if (Plan.agencyIds(m).includes("police")) assert.ok(police.some((e) => e.UID.startsWith(m.id + ".")), m.id);
  }
  assert.ok(police.some((e) => e.UID.startsWith("wk1-wed-twenty-children.")), "police see the choice of 20 children");
  assert.ok(police.some((e) => e.UID.startsWith("fieldwork.")) && police.some((e) => e.UID.startsWith("statement-of-action.")));
  assert.match(ICS.fromPlan(SOMERSET, DATA, { now: NOW, agency: "police" }), /X-WR-CALNAME:JTAI[^\r]*Police\)/);
  const records = police.find((e) => e.UID.startsWith("wk2-tue-case-records."));
  assert.match(unescape(records.DESCRIPTION), /Annex A \(5 of 20, those Police lead or contribute to\)/);
  const csv = parseCSV(Plan.toCSV(SOMERSET, DATA, "police").slice(1));
  assert.equal(csv.length - 1, police.length);
  assert.equal(Plan.fileName(SOMERSET, "csv", "police"), "jtai-plan-notified-2024-05-03-police.csv");
});
