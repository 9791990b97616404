"use strict";
// Shared helpers for the planner's and tracker's Node tests (not a test file itself).
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURE = path.join(ROOT, "tests", "fixtures", "planner-data.js");

function requirePlanner(name) {
  return require(path.join(ROOT, "planner", name));
}

/** The stand-in for the generated data.js, evaluated as a browser would (window.JTAI_PLANNER). */
function plannerData() {
  const sandbox = { window: {} };
  vm.runInNewContext(fs.readFileSync(FIXTURE, "utf8"), sandbox, { filename: FIXTURE });
  return JSON.parse(JSON.stringify(sandbox.window.JTAI_PLANNER));
}

function dateVectors() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "tests", "vectors", "dates.json"), "utf8"));
}

/** A small RFC 4180 reader, to check a CSV file parses back to the same cells. */
function parseCSV(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === "\"" && text[i + 1] === "\"") { cell += "\""; i += 1; }
      else if (ch === "\"") quoted = false;
      else cell += ch;
    } else if (ch === "\"") quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; }
    else if (ch === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i += 1; }
    else cell += ch;
  }
  return rows;
}

module.exports = { ROOT, requirePlanner, plannerData, dateVectors, parseCSV };
