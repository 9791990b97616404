"use strict";
// lib/date-input.js: the GOV.UK Day, Month and Year boxes, read and checked.
const test = require("node:test");
const assert = require("node:assert/strict");
const { requireWeb } = require("./helpers");

const DI = requireWeb("lib/date-input.js");
const read = (day, month, year, options) => DI.parse({ day, month, year }, options);

test("a real date in the three boxes is an ISO date", () => {
  assert.deepEqual(read("3", "5", "2024"), { ok: true, empty: false, iso: "2024-05-03", message: "", parts: [] });
  assert.equal(read(" 30 ", "11", "2026").iso, "2026-11-30");
  assert.equal(read("29", "2", "2028").iso, "2028-02-29");
});

test("month names and short names work in the Month box", () => {
  assert.equal(read("30", "Nov", "2026").iso, "2026-11-30");
  assert.equal(read("30", "november", "2026").iso, "2026-11-30");
  assert.equal(read("1", "Sept", "2026").iso, "2026-09-01");
  assert.equal(read("1", "sep.", "2026").iso, "2026-09-01");
});

test("all three empty is empty, not an error", () => {
  const r = read("", " ", "");
  assert.equal(r.ok, true);
  assert.equal(r.empty, true);
});

test("one message that says what to fix, and which boxes to mark", () => {
  assert.deepEqual(read("3", "", "2024"), {
    ok: false, empty: false, iso: "", message: "The date must include a month.", parts: ["month"]
  });
  assert.equal(read("", "", "2024", { name: "the date of notification" }).message,
    "The date of notification must include a day and month.");
  assert.deepEqual(read("31", "11", "2026").parts, ["day"]);
  assert.equal(read("31", "11", "2026").message, "November 2026 has 30 days: day must be from 1 to 30.");
  assert.equal(read("29", "2", "2027").message, "February 2027 has 28 days: day must be from 1 to 28.");
  assert.deepEqual(read("3", "13", "2024").parts, ["month"]);
  assert.match(read("3", "13", "2024").message, /^Month must be a number from 1 to 12/);
  assert.deepEqual(read("3", "5", "24").parts, ["year"]);
  assert.equal(read("3", "5", "24").message, "Year must include 4 numbers, for example 2026.");
  assert.equal(read("3", "5", "1999").message, "Year must be between 2000 and 2099.");
  assert.deepEqual(read("x", "5", "2024").parts, ["day"]);
  assert.deepEqual(read("3", "Smarch", "2024").parts, ["month"]);
});

test("a whole UK date typed in one box is shared out across the three", () => {
  const want = { day: "30", month: "11", year: "2026" };
  assert.deepEqual(DI.split("30/11/2026"), want);
  assert.deepEqual(DI.split("30 11 2026"), want);
  assert.deepEqual(DI.split("30-11-2026"), want);
  assert.deepEqual(DI.split("30.11.2026"), want);
  assert.deepEqual(DI.split("30112026"), want);
  assert.deepEqual(DI.split("2026-11-30"), want);
  assert.deepEqual(DI.split("30 Nov 2026"), { day: "30", month: "Nov", year: "2026" });
  assert.deepEqual(DI.split("3rd May 2024"), { day: "3", month: "May", year: "2024" });
  assert.deepEqual(DI.split("3/5/2024"), { day: "3", month: "5", year: "2024" });
  for (const partial of ["3", "30", "301120", "30/11", "2026", "2026-11-3", "30 Smarch 2026", ""]) {
    assert.equal(DI.split(partial), null, partial);
  }
});
