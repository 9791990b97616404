"use strict";
// Shared helpers for the planner's and tracker's Node tests (not a test file itself).
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { parseCSV } = require("./helpers");

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

module.exports = { ROOT, requirePlanner, plannerData, dateVectors, parseCSV };
