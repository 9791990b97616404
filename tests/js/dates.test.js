"use strict";
// planner/dates.js against tests/vectors/dates.json, with England and Wales bank holidays.
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, webData, dateVectors } = require("./planner-helpers");

const D = requireWeb("lib/dates.js");
const DATA = webData("planner");
const V = dateVectors();
const CAL = D.calendar(DATA.holidays);

test("real dates, leap years and weekdays", () => {
  for (const v of V.valid_dates) {
    assert.equal(D.isDate(v.iso), v.valid, `${v.iso}: ${v.why}`);
    if (v.weekday) assert.equal(D.weekday(v.iso), v.weekday, v.iso);
  }
});

test("calendar days across month, year and leap-day ends", () => {
  for (const v of V.add_days) assert.equal(D.addDays(v.from, v.days), v.expect, `${v.from} + ${v.days}`);
});

test("the bank holidays are England and Wales's, one-offs included", () => {
  for (const v of V.bank_holidays) {
    assert.equal(CAL.holidayName(v.date) !== "", v.holiday, `${v.date}: ${v.why}`);
    assert.equal(CAL.isWorkingDay(v.date), !v.holiday, v.date);
  }
  assert.equal(CAL.isWorkingDay("2024-05-25"), false, "Saturday");
  assert.equal(CAL.isWorkingDay("2024-05-26"), false, "Sunday");
});

test("working days skip weekends and bank holidays (Somerset, year ends, Easter, leap years)", () => {
  for (const v of V.working_days) {
    assert.equal(CAL.addWorkingDays(v.from, v.days), v.expect, `${v.from} ${v.days >= 0 ? "+" : ""}${v.days}: ${v.why}`);
  }
  for (const v of V.working_days_between) {
    assert.equal(CAL.workingDaysBetween(v.from, v.to), v.expect, `${v.from} to ${v.to}: ${v.why}`);
  }
});

test("the next and previous working day", () => {
  assert.equal(CAL.nextWorkingDay("2024-05-06"), "2024-05-07");
  assert.equal(CAL.nextWorkingDay("2024-05-07"), "2024-05-07");
  assert.equal(CAL.previousWorkingDay("2024-12-26"), "2024-12-24");
  assert.equal(CAL.nextWorkingDay("2024-03-29"), "2024-04-02");
});

test("dates in words, GOV.UK style", () => {
  assert.equal(D.longDate("2024-07-12"), "Friday 12 July 2024");
  assert.equal(D.shortDate("2024-10-25"), "Fri 25 Oct 2024");
  assert.equal(D.clock("17:00"), "5pm");
  assert.equal(D.clock("11:00"), "11am");
  assert.equal(D.clock("09:30"), "9:30am");
  assert.equal(D.clock("12:00"), "midday");
  assert.equal(D.longDate("2023-02-29"), "");
});

test("notification and fieldwork from either date, saying when the bank holiday rule applies", () => {
  for (const v of V.schedules) {
    const s = D.schedule(v.input, DATA.rules, CAL);
    assert.equal(s.ok, true, v.name);
    assert.equal(s.notification, v.expect.notification, `${v.name}: notification`);
    assert.equal(s.fieldwork_start, v.expect.fieldwork_start, `${v.name}: fieldwork start`);
    assert.equal(s.fieldwork_end, v.expect.fieldwork_end, `${v.name}: fieldwork end`);
    assert.deepEqual(s.notes.map((n) => n.code), v.expect.notes, `${v.name}: notes`);
    for (const [week, range] of Object.entries(v.expect.weeks || {})) {
      assert.deepEqual([s.weeks[week].start, s.weeks[week].end], range, `${v.name}: week ${week}`);
    }
  }
});

test("the bank holiday note quotes the framework and names the holiday", () => {
  const s = D.schedule({ fieldwork_start: "2024-05-20" }, DATA.rules, CAL);
  const text = s.notes[0].text;
  assert.match(text, /Friday 3 May 2024/);
  assert.match(text, /Monday 6 May 2024/);
  assert.match(text, /may take place earlier if there is a bank holiday in week 1 or 2/);
});

test("the notice rule comes from the data, not the code", () => {
  const rules = Object.assign({}, DATA.rules, { notice_working_days: 9 });
  const s = D.schedule({ fieldwork_start: "2024-06-17" }, rules, CAL);
  assert.equal(s.notification, "2024-06-04");
  const byNotification = Object.assign({}, DATA.rules, {
    calendar: Object.assign({}, DATA.rules.calendar, { weeks_counted_from: "notification" })
  });
  const t = D.schedule({ fieldwork_start: "2024-05-20" }, byNotification, CAL);
  assert.equal(t.weeks[1].monday, "2024-04-29", "week 1 is the calendar week of notification");
});

test("dates that cannot start a plan give a clear message", () => {
  for (const v of V.bad_inputs) {
    const s = D.schedule(v.input, DATA.rules, CAL);
    assert.equal(s.ok, false, v.why);
    assert.equal(s.code, v.code, v.why);
    assert.ok(s.message.length > 10, v.why);
    if (v.message_has) assert.match(s.message, new RegExp(v.message_has), v.why);
  }
});

test("a week, weekday and time as a real date", () => {
  for (const v of V.deadlines) {
    const s = D.schedule(v.input, DATA.rules, CAL);
    const got = D.deadline(v.deadline, s, DATA.rules, CAL);
    if (v.expect === null) {
      assert.equal(got, null, v.name);
      continue;
    }
    assert.equal(got.date, v.expect.date, v.name);
    if ("time" in v.expect) assert.equal(got.time, v.expect.time, v.name);
    if ("end" in v.expect) assert.equal(got.end, v.expect.end, v.name);
    if ("range" in v.expect) assert.equal(got.range, v.expect.range, v.name);
    if ("moved" in v.expect) assert.equal(got.moved, v.expect.moved, v.name);
    if ("reason" in v.expect) assert.equal(got.reason, v.expect.reason, v.name);
    if (v.expect.reason_starts) assert.ok(got.reason.startsWith(v.expect.reason_starts), `${v.name}: ${got.reason}`);
  }
});

test("whole plans: the Somerset case and the statement of action", () => {
  for (const v of V.plans) {
    const p = D.plan(v.input, DATA, CAL);
    assert.equal(p.ok, true, v.name);
    const e = v.expect;
    for (const key of ["notification", "fieldwork_start", "fieldwork_end", "final_letter"]) {
      if (key in e) assert.equal(p[key], e[key], `${v.name}: ${key}`);
    }
    if (e.letter) {
      for (const [id, date] of Object.entries(e.letter)) {
        assert.equal(p.letter.find((l) => l.id === id).date, date, `${v.name}: ${id}`);
      }
    }
    if (e.publication) {
      const got = Object.assign({}, p.publication, { notes: p.publication.notes.map((n) => n.code) });
      assert.deepEqual(got, e.publication, `${v.name}: publication`);
    }
    if (e.statement) {
      for (const [key, value] of Object.entries(e.statement)) assert.equal(p.statement[key], value, `${v.name}: statement ${key}`);
    }
    if (e.complaints) assert.deepEqual(p.complaints, e.complaints, `${v.name}: complaints`);
    for (const [id, date] of Object.entries(e.milestones || {})) {
      assert.equal(p.milestones.find((m) => m.id === id).when.date, date, `${v.name}: ${id}`);
    }
  }
});

test("every milestone in the framework gets a date", () => {
  const p = D.plan({ notification: "2024-06-03" }, DATA, CAL);
  assert.equal(p.milestones.length, DATA.milestones.length);
  assert.ok(p.milestones.every((m) => m.when && D.isDate(m.when.date)));
  assert.ok(p.milestones.every((m) => m.when.date >= "2024-06-03" && (m.when.end || m.when.date) <= "2024-06-21"));
});

test("a framework may count the statement of action from publication instead", () => {
  const data = JSON.parse(JSON.stringify(DATA));
  assert.equal(DATA.statement_of_action.counted_from, "final-letter", "this framework: paragraph 121's words");
  data.statement_of_action.counted_from = "publication";
  const p = D.plan({ fieldwork_start: "2024-05-20", actual_publication: "2024-07-18" }, data, CAL);
  assert.equal(p.statement.from, "2024-07-18");
  assert.equal(p.statement.date, "2024-10-25");
});

test("a calendar with no bank holidays counts weekends only", () => {
  const cal = D.calendar([]);
  assert.equal(cal.addWorkingDays("2024-05-24", 34), "2024-07-11");
  assert.equal(cal.covers("1900-01-01"), true);
});
