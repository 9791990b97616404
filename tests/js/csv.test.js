"use strict";
// CSV export: one row per indicator, Excel-friendly, formula-safe, UK dates.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { ROOT, requireWeb, webData, parseCSV } = require("./helpers");

const CSV = requireWeb("self-assessment/csv.js");
const IO = requireWeb("lib/importexport.js");
const DATA = webData("assessment");
const RECORD = IO.parseImport(
  fs.readFileSync(path.join(ROOT, "tests", "fixtures", "imports", "valid.json"), "utf8"), DATA).record;

const text = CSV.toCSV(DATA, RECORD, { today: "2025-05-01" });
const rows = parseCSV(text.slice(1));
const header = rows[0];
const col = (name) => header.indexOf(name);
const find = (id) => rows.find((r) => r[col("Indicator")] === id);

test("UTF-8 byte order mark, CRLF line ends, every cell quoted", () => {
  assert.equal(text[0], "\uFEFF");
  assert.ok(text.endsWith("\r\n"));
  assert.equal(text.slice(1).split("\r\n")[0].split(",").every((c) => /^".*"$/.test(c)), true);
  assert.doesNotMatch(text.replace(/\r\n/g, ""), /\r/);
});

test("one row per indicator, all criteria, in order", () => {
  const total = DATA.criteria.reduce((n, c) => n + c.indicators.length, 0);
  assert.equal(rows.length, total + 1);
  assert.ok(rows.every((r) => r.length === header.length));
  assert.deepEqual(rows.slice(1, 3).map((r) => r[col("Indicator")]), ["EC1.1", "EC1.2"]);
});

test("ratings, scores and outcomes come from the scoring script", () => {
  const r = find("EC1.1");
  assert.equal(r[col("Rating")], "Mostly");
  assert.equal(r[col("Rating value")], "3");
  assert.equal(r[col("Criterion score")], "3.50");
  assert.equal(r[col("Suggested outcome")], "Strength");
  assert.equal(find("EC1.3")[col("Rating")], "Don’t know");
  assert.equal(find("EC1.3")[col("Rating value")], "");
  assert.equal(find("EC1.4")[col("Rating")], "Not assessed");
  const o = find("EC4.1");
  assert.equal(o[col("Suggested outcome")], "Area for improvement");
  assert.equal(o[col("Outcome")], "Potential area for priority action");
  assert.equal(o[col("Overridden")], "Yes");
  assert.equal(o[col("Override reason")], "Assessments rarely include health.\nSee audit.");
  assert.equal(find("EC17.1")[col("Strength without evidence")], "Yes");
  assert.equal(find("EC2.1")[col("Criterion score")], "");
});

test("respondent, agency names and dates in UK form", () => {
  const r = find("EC1.1");
  assert.equal(r[col("Answering for")], "Police");
  assert.equal(r[col("Date")], "04/03/2025");
  assert.equal(r[col("Focus area")], DATA.focus_areas.find((f) => f.id === "individual").title);
  assert.equal(r[col("Confidence")], "Medium");
  assert.equal(r[col("What do we know?")], "Screening picks up most children at risk; “contextual” risk less so.");
});

test("actions in one cell, with lead, UK due date and status; quotes doubled", () => {
  assert.equal(find("EC1.2")[col("Actions")],
    "'=SUM(A1:A9) is not a formula, it is text (Police; due 30/06/2025; In progress)\n" +
    "Agree a shared chronology template, \"quoted\", with commas (The partnership, jointly; Not started)");
  assert.match(text, /""quoted""/);
});

test("cells a spreadsheet would run as a formula get an apostrophe", () => {
  for (const bad of ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx"]) {
    assert.equal(CSV.cell(bad)[1], "'", bad);
  }
  assert.equal(CSV.cell("3.50"), "\"3.50\"");
  assert.equal(CSV.cell("a=b"), "\"a=b\"");
  assert.equal(CSV.cell(null), "\"\"");
});

test("ukDate", () => {
  assert.equal(CSV.ukDate("2025-03-07"), "07/03/2025");
  assert.equal(CSV.ukDate(""), "");
});

test("an empty assessment still gives a row per indicator", () => {
  const empty = IO.newRecord(DATA, { now: "2025-01-01T00:00:00.000Z" });
  const r = parseCSV(CSV.toCSV(DATA, empty, {}).slice(1));
  assert.equal(r.length, rows.length);
  assert.ok(r.slice(1).every((x) => x[col("Rating")] === "Not assessed"));
});

test("a criterion held back by a weak answer says so in the CSV, as on the page", () => {
  const record = { title: "Weak", respondent: {}, answers: { EC1: { indicators: {
    "EC1.1": "mostly", "EC1.2": "mostly", "EC1.3": "partly", "EC1.4": "partly" } } } };
  const out = parseCSV(CSV.toCSV(DATA, record, {}).slice(1));
  const h = out[0];
  const ec1 = out.find((r) => r[h.indexOf("Indicator")] === "EC1.1");
  assert.equal(ec1[h.indexOf("Criterion score")], "2.50");
  assert.equal(ec1[h.indexOf("Suggested outcome")], "Area for improvement");
  assert.equal(ec1[h.indexOf("Held back by a weak answer")],
    "Held back from No significant finding to Area for improvement: 2 of its 4 rated statements are “Partly” or lower.");
  assert.equal(find("EC4.1")[col("Held back by a weak answer")], "", "already an area for improvement: nothing held back");
});
