"use strict";
// Deadlines moved by bank holidays (issue 22 point 5): never out of their week, never out of the
// framework's order, the same in the planner and the tracker; with Christmas and Easter 2027.
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb, webData } = require("./planner-helpers");

const D = requireWeb("lib/dates.js");
const Plan = requireWeb("lib/plan.js");
const DATA = webData("planner");
const CAL = D.calendar(DATA.holidays);

function planFrom(fieldworkStart) {
  const p = D.plan({ fieldwork_start: fieldworkStart }, DATA, CAL);
  assert.ok(p.ok, `${fieldworkStart}: ${p.message}`);
  return p;
}

function dated(p) {
  return p.milestones.filter((e) => e.when && !e.when.range);
}

/** Problems with one plan: a deadline outside its week, or after one it should follow. */
function problems(p) {
  const found = [];
  for (const e of dated(p)) {
    const week = p.schedule.weeks[e.milestone.week];
    if (e.when.date < week.start || e.when.date > week.end) {
      found.push(`${e.id} on ${e.when.date} is outside week ${e.milestone.week} (${week.start} to ${week.end})`);
    }
  }
  const inOrder = dated(p).slice().sort((a, b) => D.compareDeadlines(a.milestone, b.milestone));
  for (let i = 1; i < inOrder.length; i += 1) {
    const a = inOrder[i - 1];
    const b = inOrder[i];
    if (D.compareDeadlines(a.milestone, b.milestone) === 0) continue;
    const late = b.when.date < a.when.date ||
      (b.when.date === a.when.date && a.when.time && b.when.time && b.when.time < a.when.time);
    if (late) found.push(`${b.id} (${b.when.date} ${b.when.time}) comes before ${a.id} (${a.when.date} ${a.when.time})`);
  }
  return found;
}

function mondays(from, to) {
  const out = [];
  for (let d = from; d <= to; d = D.addDays(d, 7)) out.push(d);
  return out;
}

test("every fieldwork week from 2024 to 2030: deadlines stay in their week and in order", () => {
  const found = [];
  for (const monday of mondays("2024-01-01", "2030-12-30")) {
    found.push(...problems(planFrom(CAL.nextWorkingDay(monday))).map((p) => `${monday}: ${p}`));
  }
  assert.deepEqual(found, []);
});

test("Christmas 2024: the 20 children are chosen before the 5 to 7, and their checks follow", () => {
  const p = planFrom("2025-01-06");
  const by = Object.fromEntries(p.milestones.map((e) => [e.id, e.when]));
  const twenty = by["wk1-wed-twenty-children"];
  const audit = by["wk1-fri-audit-children"];
  const checks = by["wk1-thu-twenty-details"];
  assert.equal(twenty.date, "2024-12-27", "Wednesday 25 December moves to Friday 27, still in week 1");
  assert.ok(`${audit.date} ${audit.time}` >= `${twenty.date} ${twenty.time}`, "the 5 to 7 after the 20");
  assert.ok(`${checks.date} ${checks.time}` >= `${twenty.date} ${twenty.time}`, "the checks after the choice");
  const rows = Plan.rows(p, DATA).rows;
  const auditRow = rows.find((r) => r.id === "wk1-fri-audit-children");
  assert.match(auditRow.note, /stays after “Inspectors choose 20 children”/);
  assert.deepEqual(problems(p), []);
});

test("Easter 2027: the end-of-week-2 meeting stays in week 2 and feedback stays in fieldwork", () => {
  const week2HasGoodFriday = planFrom("2027-03-30");
  const meeting = week2HasGoodFriday.milestones.find((e) => e.id === "wk2-fri-team-meeting").when;
  assert.equal(meeting.date, "2027-03-25", "Good Friday 26 March: the Thursday before, not Tuesday 30 March");
  assert.deepEqual(problems(week2HasGoodFriday), []);

  const fieldworkHasGoodFriday = planFrom("2027-03-22");
  assert.equal(fieldworkHasGoodFriday.fieldwork_end, "2027-03-25");
  for (const e of dated(fieldworkHasGoodFriday).filter((x) => x.milestone.week === DATA.rules.fieldwork_week)) {
    assert.ok(e.when.date <= "2027-03-25", `${e.id} on ${e.when.date}, after fieldwork ends`);
  }
  assert.deepEqual(problems(fieldworkHasGoodFriday), []);
});

test("the tracker dates each Annex A item as the planner dates its milestone", () => {
  for (const start of ["2025-01-06", "2027-03-30", "2027-03-22", "2024-05-20"]) {
    const p = planFrom(start);
    const byMilestone = {};
    p.milestones.forEach((e) => e.milestone.annex_a.forEach((id) => { byMilestone[id] = e.when; }));
    for (const item of DATA.annex_a) {
      const planner = byMilestone[item.id];
      if (!planner || planner.range) continue;
      const tracker = D.deadline(item.deadline, p.schedule, DATA.rules, CAL, DATA.milestones);
      assert.equal(`${tracker.date} ${tracker.time}`, `${planner.date} ${planner.time}`, `${start} ${item.id}`);
    }
  }
});
